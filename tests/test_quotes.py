"""The quotes stage on small stories: styles, attribution, inheritance, robustness, bad input."""

from __future__ import annotations

import pytest

from eventwire.config import Settings
from eventwire.model import Article, Quote, RawDocument
from eventwire.pipeline import stage_factory
from eventwire.quotes import extract_quotes, quote_at

STAGES = ("clean", "dateline", "language", "nlp", "actors", "quotes")

#: A dateline and an opening sentence, so that every story reads as English wire copy.
LEAD = "LONDON, March 3 (Reuters) - Officials met in the capital on Tuesday to discuss the talks.\n\n"


@pytest.fixture(scope="module")
def stages(nlp) -> list:
    settings = Settings(stages=STAGES)
    return [stage_factory(name)(settings) for name in STAGES]


@pytest.fixture
def run(stages: list):
    """Process a story through the stages up to quotes, keeping the parse."""

    def process(body: str, lead: str = LEAD) -> Article:
        article = Article.from_raw(RawDocument("story.txt", lead + body))
        for stage in stages:
            stage.process_batch([article])
        return article

    return process


def speakers(article: Article) -> list[tuple[str, str, str | None, str | None]]:
    """(kind, text, speaker words, cue) of each quote, in text order."""
    return [(quote.kind, quote.text, _words(quote), quote.cue) for quote in article.quotes]


def _words(quote: Quote) -> str | None:
    return quote.speaker.text if quote.speaker else None


@pytest.mark.parametrize(
    ("body", "content"),
    [
        ("«We are ready for close cooperation with the authorities», Lavrov said.", "We are ready for close"),
        (
            "„The talks were very useful for both sides“, the ambassador told reporters.",
            "The talks were very useful",
        ),
        (
            "「The talks were very useful for both sides」, the ambassador told reporters.",
            "The talks were very useful",
        ),
        (
            "“The talks were very useful for both sides,” the ambassador told reporters.",
            "The talks were very useful",
        ),
    ],
)
def test_quotation_styles_are_attributed(run, body: str, content: str) -> None:
    (quote,) = run(body).quotes
    assert quote.kind == "direct"
    assert quote.text.startswith(content)
    assert _words(quote) in ("Lavrov", "the ambassador")


def test_split_quote_keeps_its_speaker(run) -> None:
    article = run('"We will win this election," she said. "Nobody can stop us now."')
    assert speakers(article) == [
        ("direct", "We will win this election", "she", "said"),
        ("direct", "Nobody can stop us now.", "she", "said"),
    ]


def test_nested_quote_is_attributed_inside_its_parent(run) -> None:
    article = run("\"He told me, 'We will never surrender to anyone,' and then he left,\" Smith said.")
    outer, inner = article.quotes
    assert (outer.kind, _words(outer), outer.cue) == ("direct", "Smith", "said")
    assert (inner.text, _words(inner), inner.cue) == ("We will never surrender to anyone", "He", "told")
    assert quote_at(article, article.text.index("never surrender")) is inner
    assert quote_at(article, article.text.index("and then he left")) is outer


def test_multi_paragraph_quote_takes_the_speaker_named_at_its_end(run) -> None:
    article = run(
        '"The first paragraph of the statement sets out our position on the talks.\n\n'
        '"The second paragraph says we will return to the table next week," Johnson said.'
    )
    assert [_words(quote) for quote in article.quotes] == ["Johnson", "Johnson"]


def test_next_paragraph_continues_the_speaker_only_right_after_them(run) -> None:
    article = run(
        '"We are ready to sign the agreement," Johnson said.\n\n'
        '"We will not wait for them forever."\n\n'
        "The ministry has not commented on the negotiations so far.\n\n"
        '"This is completely unacceptable for all of us."'
    )
    assert [_words(quote) for quote in article.quotes] == ["Johnson", "Johnson", None]


def test_partial_quote_inside_a_sentence(run) -> None:
    article = run('The minister accused the rebels of "attacking the wrong targets in the city" on Monday.')
    partial = next(quote for quote in article.quotes if quote.kind == "partial")
    assert (partial.text, _words(partial), partial.cue) == (
        "attacking the wrong targets in the city",
        "The minister",
        "accused",
    )


def test_indirect_speech(run) -> None:
    article = run(
        "Johnson said that the talks would resume next week. "
        "According to the ministry, three soldiers were killed in the attack."
    )
    assert speakers(article) == [
        ("indirect", "the talks would resume next week", "Johnson", "said"),
        ("indirect", "three soldiers were killed in the attack", "the ministry", "According to"),
    ]


def test_names_titles_and_scare_quotes_are_not_quotations(run) -> None:
    article = run(
        'The so-called "moderate opposition" attended the conference "Peace in Our Time" on Monday.'
    )
    assert article.quotes == []


def test_transcript_turns_and_colon_introductions(run) -> None:
    article = run(
        "WALLACE: Do you really see those two as equivalent?\n\n"
        "PENCE: Well, the question really should be why the campaign invited him.\n\n"
        "The governor added: It is typical of the campaign. She knows nothing about it."
    )
    assert speakers(article) == [
        ("direct", "Do you really see those two as equivalent?", "WALLACE", ":"),
        ("direct", "Well, the question really should be why the campaign invited him.", "PENCE", ":"),
        ("direct", "It is typical of the campaign. She knows nothing about it.", "The governor", "added"),
    ]


def test_subheadings_are_not_prose(run) -> None:
    article = run(
        "The foreign minister spoke at length about the strikes in the north of the country.\n\n"
        'Lavrov calls the strikes "a violation of all international norms" in Syria\n\n'
        "The talks will continue in Geneva next week."
    )
    assert article.subheadings
    assert article.quotes == []


def test_no_quotes_at_all(run) -> None:
    article = run("The air group comprises over 50 aircraft and helicopters based near the coast.")
    assert article.quotes == []


@pytest.mark.slow
def test_a_long_story_with_one_unbalanced_mark_keeps_quotes_in_their_paragraph(run) -> None:
    paragraphs = [
        f"The committee met again for session number {number} and adjourned." for number in range(600)
    ]
    paragraphs[300] = 'The chairman said "the committee will meet again and again ' + "and again " * 300
    article = run("\n\n".join(paragraphs))
    assert len(article.text) > 40_000
    start, end = next(span for span in article.paragraphs if "chairman" in article.text[span[0] : span[1]])
    assert article.quotes  # what the chairman said, and nothing after his paragraph
    assert all(start <= quote.start and quote.end <= end for quote in article.quotes)


def test_unparsed_and_empty_articles_have_no_quotes(run) -> None:
    article = Article(article_id="a", source_path="x", raw_text="", text='"Not parsed," he said.')
    assert extract_quotes(article) == []
    assert quote_at(article, 3) is None
    german = (
        "BERLIN, 3. März - Der Außenminister sagte am Donnerstag nach dem Treffen mit seinem Amtskollegen: "
        "„Wir sind bereit, mit der Türkei in allen Fragen der Sicherheit eng zusammenzuarbeiten.“"
    )
    skipped = run(german, lead="")
    assert skipped.skipped_reason is not None  # not English: not parsed, so no quotes
    assert skipped.quotes == []


def test_quote_at_outside_every_quote(run) -> None:
    article = run('"We are ready to sign the agreement," Johnson said on Friday.')
    assert quote_at(article, article.text.index("Friday")) is None
    assert quote_at(article, -5) is None
    assert quote_at(article, len(article.text) + 5) is None
