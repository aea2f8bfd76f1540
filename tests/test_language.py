"""Language stage: non-English articles are kept with their language and a skip reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.ingest import read_documents
from eventwire.language import LanguageStage, detect_language
from eventwire.model import Article, RawDocument

from .conftest import FIXTURES, REPO


def stage(text: str, declared: str | None = None) -> Article:
    article = Article(article_id="a", source_path="t", raw_text=text, text=text, language=declared)
    LanguageStage(Settings())(article)
    return article


@pytest.mark.parametrize(
    ("path", "language"),
    [
        (FIXTURES / "ingest" / "tass-ru-cp1251.txt", "ru"),
        (REPO / "examples" / "corpus" / "efe-2018-04-10-venezuela-colombia-frontera.txt", "es"),
        (FIXTURES / "ingest" / "afp-latin1.txt", "en"),
    ],
)
def test_language_of_stories(path: Path, language: str) -> None:
    if not path.exists():
        pytest.skip(f"{path} is not available")
    (document,) = read_documents([str(path)])
    assert isinstance(document, RawDocument)
    article = stage(document.content)
    assert article.language == language
    assert (article.skipped_reason is None) == (language == "en")
    if language != "en":
        assert article.skipped_reason == f"language '{language}' is not English"


def test_too_little_text_is_taken_as_english() -> None:
    assert detect_language("OK, 12.") is None
    assert stage("Lavrov: OK").skipped_reason is None


def test_declared_language_is_normalised_and_trusted() -> None:
    article = stage(
        "Russia and Turkey should establish closer military cooperation, the minister said.", "fr-FR"
    )
    assert article.language == "fr" and article.skipped_reason == "language 'fr' is not English"
