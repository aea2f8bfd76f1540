"""Quote-mark scanning (no parse needed): styles, nesting, paragraphs, stray marks."""

from __future__ import annotations

import pytest

from eventwire.quotes.marks import QuotedSpan, find_quoted_spans
from eventwire.quotes.rules import default_rules


def paragraphs_of(text: str) -> list[tuple[int, int]]:
    """Paragraph spans the way cleaning lays them out: blocks separated by one blank line."""
    spans, start = [], 0
    for block in text.split("\n\n"):
        spans.append((start, start + len(block)))
        start += len(block) + 2
    return spans


def scan(text: str, skip: frozenset[int] = frozenset()) -> list[QuotedSpan]:
    rules = default_rules()
    return find_quoted_spans(text, paragraphs_of(text), rules.marks, rules.max_unclosed_chars, skip)


def contents(text: str, skip: frozenset[int] = frozenset()) -> list[str]:
    return [text[span.start : span.end] for span in scan(text, skip)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We are ready," he said.', ["We are ready"]),
        ("“We are ready,” he said.", ["We are ready"]),
        ("«We are ready», he said.", ["We are ready"]),
        ("« Nous sommes prêts », a-t-il dit.", ["Nous sommes prêts"]),
        ("„Wir sind bereit“, sagte er.", ["Wir sind bereit"]),
        ("»Wir sind bereit«, sagte er.", ["Wir sind bereit"]),
        ("「我们准备好了」他说。", ["我们准备好了"]),
        ("『準備はできている』と彼は言った。", ["準備はできている"]),
        ("‘We won’t go,’ he said.", ["We won’t go"]),
        ("''It makes me smart,'' he said.", ["It makes me smart"]),
        ("”Sloppy opening mark,” she said.", ["Sloppy opening mark"]),
    ],
)
def test_quotation_styles(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


def test_content_excludes_marks_and_frame_comma_but_keeps_brackets_and_final_stop() -> None:
    text = '"It probably happened when we were flying [to Finland]," he said. "The end."'
    assert contents(text) == ["It probably happened when we were flying [to Finland]", "The end."]


def test_nested_quotes_are_found_inside_their_parent() -> None:
    text = "\"He told me, 'We will never surrender,' and left,\" she said. «Он сказал: „Нет“», — добавил он."
    found = scan(text)
    assert [(text[span.start : span.end], span.depth) for span in found] == [
        ("He told me, 'We will never surrender,' and left", 0),
        ("We will never surrender", 1),
        ("Он сказал: „Нет“", 0),
        ("Нет", 1),
    ]


def test_apostrophes_and_inch_marks_are_not_quotes() -> None:
    assert contents("It's the countries’ military, a 12\" pipe and rock 'n' roll in the '90s.") == []


def test_a_paragraph_that_ends_inside_a_quote_continues_in_the_next_one_opening_with_a_mark() -> None:
    text = '"The first paragraph of a long quote.\n\n"The second paragraph ends it," he said.'
    first, second = scan(text)
    assert text[first.start : first.end] == "The first paragraph of a long quote."
    assert (first.continued, first.close_end) == (True, None)
    assert text[second.start : second.end] == "The second paragraph ends it"
    assert second.continues


def test_an_unclosed_quote_stops_at_its_paragraph() -> None:
    text = "He said \"we will go and never come back.\n\nThe next paragraph is the writer's own."
    assert contents(text) == ["we will go and never come back."]


def test_a_stray_mark_in_a_long_paragraph_makes_no_quote() -> None:
    text = 'A stray " mark. ' + "The story goes on and on. " * 200
    assert contents(text) == []


def test_a_200_kb_article_with_one_unbalanced_mark_yields_no_giant_quote() -> None:
    body = "\n\n".join(
        f"Paragraph {number} of the story says nothing quotable at all." for number in range(3500)
    )
    text = body[:100_000] + ' He said "the talks will resume' + body[100_000:]
    assert len(text) >= 200_000
    found = scan(text)
    assert len(found) == 1
    assert found[0].end - found[0].start < 200


def test_subheadings_yield_nothing_and_break_a_multi_paragraph_quote() -> None:
    text = '"An unclosed quote ends here.\n\nA "quoted" subheading line\n\n"A new quote," he said.'
    found = contents(text, skip=frozenset({1}))
    assert found == ["An unclosed quote ends here.", "A new quote"]
    assert not scan(text, skip=frozenset({1}))[0].continued


def test_no_quotes_at_all() -> None:
    assert scan("Russia and Turkey held talks in Moscow on Thursday.") == []
    assert scan("") == []
