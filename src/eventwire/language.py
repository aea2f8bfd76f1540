"""Language identification, so the English pipeline only sees English.

Non-English articles are stored with their language and a ``skipped_reason``; the parse and the
coders skip them and the run counts them, instead of coding nonsense from a foreign text.
"""

from __future__ import annotations

from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from eventwire.model import Article
from eventwire.pipeline import PerArticleStage, register_stage

#: Languages of the world's main news wires; a closed set keeps detection fast and sharp.
NEWS_LANGUAGES = (
    Language.ENGLISH,
    Language.SPANISH,
    Language.FRENCH,
    Language.GERMAN,
    Language.RUSSIAN,
    Language.ARABIC,
    Language.CHINESE,
    Language.PORTUGUESE,
    Language.ITALIAN,
    Language.TURKISH,
    Language.PERSIAN,
    Language.UKRAINIAN,
    Language.JAPANESE,
    Language.KOREAN,
    Language.DUTCH,
    Language.POLISH,
    Language.HEBREW,
    Language.HINDI,
    Language.INDONESIAN,
    Language.SWAHILI,
)

#: Characters sampled: a paragraph or two is enough for a confident answer (the detector's cost
#: grows with the sample, and a wire story keeps one language throughout).
SAMPLE_CHARS = 1000
#: Below this many letters a guess is noise ("OK", a name): such texts are taken as English,
#: so a one-line English brief is never skipped for a wrong guess.
MIN_LETTERS = 20
ENGLISH = "en"


@lru_cache(maxsize=1)
def detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*NEWS_LANGUAGES).build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when the text gives no clear answer."""
    sample = text[:SAMPLE_CHARS]
    if sum(char.isalpha() for char in sample) < MIN_LETTERS:
        return None
    language = detector().detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language else None


@register_stage("language")
class LanguageStage(PerArticleStage):
    """Detect the language unless metadata already declared it; skip non-English articles."""

    name = "language"
    needs_parse = False

    def __init__(self, settings: object) -> None:
        pass

    def __call__(self, article: Article) -> None:
        declared = (article.language or "").replace("_", "-").split("-")[0].lower()
        article.language = declared or detect_language(article.text) or ENGLISH
        if article.language != ENGLISH:
            article.skipped_reason = f"language '{article.language}' is not English"
