"""event_date: the clause's own date, the report's, the quote cue's, then the publication date."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from datetime import date

import pytest
from spacy.tokens import Doc

from eventwire.model import Article, Quote
from eventwire.timex import EventDate, event_date, find_times
from eventwire.timex.dating import precision_of

THURSDAY = date(2015, 10, 15)


def parsed(
    nlp, text: str, published: date | None = THURSDAY, basis: str | None = "dateline+weekday"
) -> Article:
    doc = nlp(text)
    return Article(
        article_id="a",
        source_path="<test>",
        raw_text=text,
        text=text,
        published=published,
        published_basis=basis,
        doc=doc,
        times=find_times(text, published, doc),
    )


def token(article: Article, word: str, nth: int = 0):
    return [token for token in article.doc if token.text == word][nth]


def test_date_attached_to_the_trigger(nlp) -> None:
    article = parsed(nlp, "Rebels shelled the airport on Monday, the army said on Tuesday.")
    assert event_date(article, token(article, "shelled")).date == "2015-10-12"
    assert event_date(article, token(article, "said")).date == "2015-10-13"


def test_reporting_clause_dates_an_undated_clause(nlp) -> None:
    article = parsed(nlp, "The minister said on Tuesday that troops are leaving the region.")
    assert event_date(article, token(article, "leaving")) == EventDate("2015-10-13", "day", "text")


def test_quote_cue_dates_a_quoted_event(nlp) -> None:
    text = '"Our forces struck the base. The enemy fled," the commander said on Monday.'
    article = parsed(nlp, text)
    cue = text.index("said")
    quote = Quote("direct", text[1:44], 1, 44, cue="said", cue_start=cue, cue_end=cue + 4)
    struck = token(article, "struck")
    assert event_date(article, struck) == EventDate("2015-10-15", "day", "dateline")
    assert event_date(article, struck, quote) == EventDate("2015-10-12", "day", "text")


def test_vague_only_when_nothing_better(nlp) -> None:
    article = parsed(nlp, "The army recently said on Tuesday that it had seized the town.")
    assert event_date(article, token(article, "seized")).date == "2015-10-13"
    article = parsed(nlp, "Rebels have recently seized the town.")
    assert event_date(article, token(article, "seized")) == EventDate("PAST_REF", "vague", "text")


def test_durations_and_sets_do_not_date_events(nlp) -> None:
    article = parsed(nlp, "Rebels shelled the town for three days.", basis="file")
    assert event_date(article, token(article, "shelled")) == EventDate("2015-10-15", "day", "published")


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Talks collapsed last week.", "collapsed", EventDate("2015-W41", "week", "text")),
        ("Talks collapsed in September.", "collapsed", EventDate("2015-09", "month", "text")),
        ("Talks collapsed in 2014.", "collapsed", EventDate("2014", "year", "text")),
        ("Talks collapsed in the third quarter.", "collapsed", EventDate("2015-Q3", "year", "text")),
        ("Shells fell at 10:30 a.m.", "fell", EventDate("2015-10-15", "day", "text")),
    ],
)
def test_precision_follows_the_value(nlp, text: str, word: str, expected: EventDate) -> None:
    article = parsed(nlp, text)
    assert event_date(article, token(article, word)) == expected


def test_undated_article(nlp) -> None:
    article = parsed(nlp, "Rebels shelled the airport on Monday.", published=None, basis=None)
    assert article.times[0].value is None
    assert event_date(article, token(article, "shelled")) == EventDate(None, None, None)


def test_event_date_is_frozen() -> None:
    with pytest.raises(FrozenInstanceError):
        EventDate("2015-10-15", "day", "text").date = "2015-10-16"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("value", "precision"),
    [
        ("2015-10-15", "day"),
        ("2015-10-15T14:00", "day"),
        ("2015-W42", "week"),
        ("2015-W42-WE", "week"),
        ("2015-10", "month"),
        ("2015", "year"),
        ("2015-SU", "year"),
        ("201", "vague"),
        ("PAST_REF", "vague"),
    ],
)
def test_precision_of(value: str, precision: str) -> None:
    assert precision_of(value) == precision


def test_a_verb_form_used_as_a_noun_is_dated_by_its_clause(nlp) -> None:
    article = parsed(nlp, "Fighting between rival militias killed four people on Monday night, medics said.")
    assert event_date(article, token(article, "Fighting")).date == "2015-10-12"


def test_a_date_hung_on_the_object_dates_the_verb(nlp) -> None:
    """The parser sometimes attaches "on Tuesday" to the object (built here by hand, as the
    model's parse of a given sentence may change); the verb still took place then."""
    words = ["Jets", "bombed", "rebel", "camps", "on", "Tuesday", "."]
    heads = [1, 1, 3, 1, 3, 4, 1]  # "on" hangs on "camps"
    deps = ["nsubj", "ROOT", "amod", "dobj", "prep", "pobj", "punct"]
    pos = ["NOUN", "VERB", "ADJ", "NOUN", "ADP", "PROPN", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, spaces=[True] * 5 + [False] * 2, heads=heads, deps=deps, pos=pos)
    article = Article(
        article_id="a", source_path="<test>", raw_text=doc.text, text=doc.text, published=THURSDAY,
        published_basis="dateline", doc=doc, times=find_times(doc.text, THURSDAY),
    )  # fmt: skip
    assert event_date(article, doc[1]).date == "2015-10-13"


def test_a_date_naming_the_object_does_not_date_the_verb(nlp) -> None:
    article = parsed(nlp, "Russia violated the 1987 treaty and the accord of 1994, the minister said.")
    assert event_date(article, token(article, "violated")).basis == "dateline"


def test_a_bare_participle_clause_shares_its_heads_date(nlp) -> None:
    article = parsed(nlp, "Police last Friday raided the offices of two papers, accusing them of treason.")
    assert event_date(article, token(article, "accusing")).date == "2015-10-09"


def test_a_participle_placed_in_time_keeps_its_own_date(nlp) -> None:
    article = parsed(nlp, "Police arrested the editor on Monday after raiding his office, officials said.")
    assert event_date(article, token(article, "arrested")).date == "2015-10-12"
    assert event_date(article, token(article, "raiding")).date != "2015-10-12"


def test_a_statement_of_intent_can_be_dated_without_its_complement(nlp) -> None:
    """ "is due to visit Lima next month" was said on the day; the visit is next month."""
    article = parsed(nlp, "The president is due to visit Lima next month.")
    due = token(article, "due")
    assert event_date(article, due).date == "2015-11"
    assert event_date(article, due, complements=False).basis == "dateline"
