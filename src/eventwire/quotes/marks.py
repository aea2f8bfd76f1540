"""Find quoted passages by their quotation marks, paragraph by paragraph, in linear time.

Quotation marks are ambiguous: the straight ``"`` both opens and closes, curly marks are
typed backwards, ``’`` is far more often an apostrophe, and scraped text loses marks. So a
quote never crosses a paragraph boundary by itself; a paragraph that ends inside a quote is
continued only by a next paragraph that *opens* with a quote mark (the newspaper convention
for multi-paragraph quotes), and otherwise the quote stops at its paragraph's end, or, when that
is far away, the opening mark is taken to be stray. One pass over the marks with a small stack
per paragraph keeps the cost linear in the text, whatever the marks do.

Whether an ambiguous mark opens or closes is read from its neighbours, the way a reader does:
a mark with a space before it and a letter after it opens, one with a letter before it and a
space or punctuation after it closes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from eventwire.quotes.rules import QuoteMarks

#: How deep quotes may nest ("He said 'she told me «…»'"); deeper marks are ignored.
MAX_DEPTH = 3

#: Characters after which an ambiguous mark opens a quote (besides spaces and other marks).
_OPENING_CONTEXT = "([{—–-/:;,"

#: Characters before which no mark opens a quote (French spacing puts a blank before "»,").
_CLOSING_CONTEXT = ",.;:!?)]}"


@dataclass(slots=True, frozen=True)
class QuotedSpan:
    """One quoted passage within one paragraph.

    ``start``/``end`` delimit the content (no marks, no outer blanks, no trailing comma);
    ``open_at`` is where the opening mark starts and ``close_end`` where the closing mark ends
    (None when the quote runs to its paragraph's end). ``continues`` marks a paragraph-opening
    quote that carries on the previous paragraph's unclosed quote; ``continued`` marks that
    unclosed quote.
    """

    start: int
    end: int
    open_at: int
    close_end: int | None
    paragraph: int
    depth: int
    continues: bool = False
    continued: bool = False

    @property
    def outer_end(self) -> int:
        return self.close_end if self.close_end is not None else self.end


@dataclass(slots=True)
class _Open:
    mark: str
    at: int
    end: int
    depth: int


def find_quoted_spans(
    text: str,
    paragraphs: list[tuple[int, int]],
    marks: QuoteMarks,
    max_unclosed_chars: int,
    skip: frozenset[int] = frozenset(),
) -> list[QuotedSpan]:
    """Quoted passages of ``text``, sorted by position, nested ones included.

    ``paragraphs`` are the article's paragraph spans; those whose index is in ``skip``
    (subheadings) are not prose and yield nothing, and they break a multi-paragraph quote.
    """
    all_marks = marks.all_marks
    pattern = re.compile("|".join(re.escape(mark) for mark in sorted(all_marks, key=len, reverse=True)))
    opening_context = _OPENING_CONTEXT + "".join(all_marks)
    bounds = paragraphs or [(0, len(text))]
    spans: list[QuotedSpan] = []
    carried = False
    for index, (start, end) in enumerate(bounds):
        if index in skip:
            carried = False
            continue
        found, unclosed = _scan_paragraph(text, (start, end, index), pattern, opening_context, marks)
        continued = False
        if unclosed is not None:
            following = index + 1
            continued = (
                following < len(bounds)
                and following not in skip
                and _opens_with_mark(text, bounds[following], marks)
            )
            if continued or end - unclosed.at <= max_unclosed_chars:
                span = _content(text, unclosed, None, end, index, continued=continued)
                if span is not None:
                    found.append(span)
        found.sort(key=lambda span: (span.open_at, span.depth))
        if carried and found and found[0].open_at == _first_char(text, start, end):
            found[0] = replace(found[0], continues=True)
        carried = continued
        spans.extend(found)
    spans.sort(key=lambda span: (span.start, -span.end))
    return spans


def _scan_paragraph(
    text: str,
    paragraph: tuple[int, int, int],
    pattern: re.Pattern[str],
    opening_context: str,
    marks: QuoteMarks,
) -> tuple[list[QuotedSpan], _Open | None]:
    """Pair the marks of one paragraph; returns the quotes and the unclosed top-level opener."""
    start, end, index = paragraph
    stack: list[_Open] = []
    found: list[QuotedSpan] = []
    for match in pattern.finditer(text, start, end):
        at, mark = match.start(), match.group()
        before = text[at - 1] if at > start else " "
        after = text[match.end()] if match.end() < end else " "
        isolated = before.isspace() and after.isspace()
        can_close = (
            mark in marks.always_close
            or isolated
            or (not before.isspace() and (after.isspace() or _is_punct(after)))
        )
        can_open = (
            mark in marks.always_open
            or isolated
            or (
                not after.isspace()
                and after not in _CLOSING_CONTEXT
                and (before.isspace() or before in opening_context)
            )
        )
        closes = _closable(stack, mark, marks)
        if closes is not None and (can_close or (not can_open and stack[closes].mark in marks.double)):
            opened = stack[closes]
            del stack[closes:]  # quotes left open inside a closed one were apostrophes or typos
            span = _content(text, opened, match.end(), at, index)
            if span is not None:
                found.append(span)
        elif can_open and _may_open(stack, mark, marks):
            stack.append(_Open(mark, at, match.end(), len(stack)))
    unclosed = stack[0] if stack and stack[0].mark in marks.double else None
    return found, unclosed


def _closable(stack: list[_Open], mark: str, marks: QuoteMarks) -> int | None:
    """Index in ``stack`` of the innermost open quote that ``mark`` can close."""
    return next(
        (
            position
            for position in range(len(stack) - 1, -1, -1)
            if mark in marks.closers(stack[position].mark)
        ),
        None,
    )


def _may_open(stack: list[_Open], mark: str, marks: QuoteMarks) -> bool:
    if len(stack) >= MAX_DEPTH:
        return False
    if mark in marks.double:
        return True
    return mark in marks.single and (bool(stack) or mark in marks.top_level_single)


def _content(
    text: str, opened: _Open, close_end: int | None, end: int, paragraph: int, continued: bool = False
) -> QuotedSpan | None:
    """The span between the marks, trimmed of blanks and of a comma that belongs to the frame."""
    start = opened.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    if not any(char.isalnum() for char in text[start:end]):
        return None
    return QuotedSpan(start, end, opened.at, close_end, paragraph, opened.depth, continued=continued)


def _first_char(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _opens_with_mark(text: str, paragraph: tuple[int, int], marks: QuoteMarks) -> bool:
    first = _first_char(text, *paragraph)
    return any(text.startswith(mark, first, paragraph[1]) for mark in marks.double)


def _is_punct(char: str) -> bool:
    return not char.isalnum() and not char.isspace()
