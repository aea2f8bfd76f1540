"""The linguistic core: a spaCy pipeline for tokens, sentences, tags, parse and entities.

The model is a setting (``EVENTWIRE_SPACY_MODEL``); it is loaded once per process and shared by
every pipeline built in it. Articles are parsed with ``nlp.pipe`` in batches, which is several
times faster than one call per article. Nothing is downloaded: the model is an installed package.

One component is added before the parser: :func:`paragraph_breaks` starts a sentence after every
line break, so a parse never runs across paragraphs (the parser would otherwise read a one-line
subheading and the next paragraph as one sentence, making "Lavrov" a conjunct of the
subheading's verb). spaCy's parser keeps sentence starts set before it.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language as SpacyLanguage
from spacy.tokens import Doc

from eventwire.config import Settings
from eventwire.errors import EventwireError
from eventwire.model import Article, Sentence
from eventwire.pipeline import register_stage

#: spaCy refuses longer texts by default; wire stories are far shorter, but scraped pages
#: can be huge, and a parse needs ~1 GB per 100,000 characters.
MAX_CHARS = 200_000
#: Name of the component that starts a sentence at each line break.
PARAGRAPH_BREAKS = "eventwire_paragraph_breaks"


@SpacyLanguage.component(PARAGRAPH_BREAKS)
def paragraph_breaks(doc: Doc) -> Doc:
    """Mark the first word after a line break as a sentence start (the cleaned text joins
    paragraphs with a blank line and has no line break inside one)."""
    after_break = False
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
            continue
        if after_break and token.i > 0:
            token.is_sent_start = True
        after_break = "\n" in token.whitespace_
    return doc


@lru_cache(maxsize=4)
def load_model(name: str) -> SpacyLanguage:
    """Load (once per process) the installed spaCy pipeline called ``name``."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise EventwireError(
            f"spaCy model '{name}' is not installed; install it with pip (see README) "
            f"or set EVENTWIRE_SPACY_MODEL to an installed one ({exc})"
        ) from None
    nlp.max_length = MAX_CHARS + 1
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return nlp


@register_stage("nlp")
class NlpStage:
    """Parse each article's body (kept in ``article.doc`` for later stages) and record sentences."""

    name = "nlp"

    def __init__(self, settings: Settings) -> None:
        self.nlp = load_model(settings.spacy_model)
        self.batch_size = settings.batch_size

    def process_batch(self, articles: list[Article]) -> None:
        todo = [article for article in articles if not article.skipped_reason]
        for article in todo:
            if len(article.text) > MAX_CHARS:
                article.skipped_reason = f"text longer than {MAX_CHARS} characters"
        todo = [article for article in todo if not article.skipped_reason]
        docs = self.nlp.pipe((article.text for article in todo), batch_size=self.batch_size)
        for article, doc in zip(todo, docs, strict=True):
            article.doc = doc
            article.sentences = sentences_of(doc, article.paragraphs)


def sentences_of(doc: Doc, paragraphs: list[tuple[int, int]]) -> list[Sentence]:
    """Sentences by offsets (trimmed of blanks), numbered by the paragraph they belong to."""
    text = doc.text
    bounds = paragraphs or [(0, len(text))]
    sentences: list[Sentence] = []
    first = 0
    for sent in doc.sents:
        while first < len(bounds) and bounds[first][1] <= sent.start_char:
            first += 1
        index = first
        while index < len(bounds) and bounds[index][0] < sent.end_char:
            start = max(sent.start_char, bounds[index][0])
            end = min(sent.end_char, bounds[index][1])
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                if sentences and sentences[-1].paragraph == index and _is_punctuation(text[start:end]):
                    # spaCy sometimes splits a closing quote mark off its sentence ('… other.' '"')
                    sentences[-1].end = end
                else:
                    sentences.append(Sentence(start, end, index))
            index += 1
    return sentences


def _is_punctuation(text: str) -> bool:
    return not any(char.isalnum() for char in text)
