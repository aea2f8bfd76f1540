"""Find the time expressions of a text and value them against an anchor date.

Detection is our own rule grammar (``data/timex_rules.yaml``), HeidelTime-style, because a
tagger has to say *where* an expression is and *what kind* it is before it can be anchored:
``dateparser.search_dates`` finds spans but reads junk ("0735 GMT" as year 735) and knows
nothing of tense. Every rule match is a candidate; candidates the parse contradicts ("May" in
"Theresa May", "2000" in "2000 troops") are dropped; of overlapping candidates the longest
wins; the survivors are valued in text order so that "the quarter" or "the following year" can
refer back to what came before.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from eventwire.model import TimeExpression
from eventwire.timex.lexicon import Lexicon, Rule, default_lexicon, load_rules
from eventwire.timex.normalise import HANDLERS, Normaliser
from eventwire.timex.prefilter import gate_text, may_match
from eventwire.timex.syntax import Tense, tense_at

#: Entities a time word inside is part of a name: "Theresa May", "March of Dimes".
NAME_LABELS = frozenset({"PERSON", "ORG", "FAC", "PRODUCT", "WORK_OF_ART", "LAW", "NORP", "GPE", "LOC"})
#: Entities that make a bare four-digit number an amount, not a year.
AMOUNT_LABELS = frozenset({"CARDINAL", "MONEY", "QUANTITY", "PERCENT"})
BARE_NUMBER = re.compile(r"\d{4}")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A rule match before overlaps are resolved."""

    match: re.Match[str]
    rule: Rule
    order: int

    @property
    def length(self) -> int:
        return self.match.end() - self.match.start()


#: The unit each rule is run over. A time expression never crosses a line break (the cleaned
#: text has one only between paragraphs), and a rule whose triggers are not in a line is not run
#: on it: most lines hold no clock time, no "century", no unit of duration.
LINE = re.compile(r"[^\n]+")


@lru_cache(maxsize=1)
def default_rules() -> tuple[Rule, ...]:
    return load_rules(default_lexicon(), HANDLERS)


def find_times(
    text: str,
    anchor: date | None,
    doc: Doc | None = None,
    lexicon: Lexicon | None = None,
    rules: tuple[Rule, ...] | None = None,
) -> list[TimeExpression]:
    """The time expressions of ``text``, sorted by start, valued against ``anchor``.

    ``doc`` (the spaCy parse of ``text``) is optional: with it, tense decides the direction of
    "on Monday" or "October 10", and names and amounts are told apart from dates; without it,
    a bare weekday or month is read as the most plausible one near the anchor.
    """
    lexicon = lexicon or default_lexicon()
    rules = rules or default_rules()
    lines = [(line.start(), line.end(), gate_text(line[0])) for line in LINE.finditer(text)]
    candidates = [
        Candidate(match, rule, order)
        for order, rule in enumerate(rules)
        for start, end, folded in lines
        if may_match(rule.triggers, folded)
        for match in rule.pattern.finditer(text, start, end)
        if match.end() > match.start()
    ]
    if doc is not None:
        # read once: spaCy rebuilds doc.ents on every access
        names = [entity for entity in doc.ents if entity.label_ in NAME_LABELS]
        candidates = [candidate for candidate in candidates if plausible(candidate, doc, names)]
    chosen = sorted(select_longest(candidates), key=lambda candidate: candidate.match.start())
    tense_of: Callable[[int, int], Tense] = (
        (lambda start, end: tense_at(doc, start, end, lexicon))
        if doc is not None
        else (lambda *_: Tense.UNKNOWN)
    )
    normaliser = Normaliser(lexicon, anchor, tense_of)
    anchor_text = anchor.isoformat() if anchor else None
    times = [
        TimeExpression(
            text[found.start : found.end], found.start, found.end, found.type, found.value, anchor_text
        )
        for candidate in chosen
        for found in normaliser.normalise(candidate.rule, candidate.match)
    ]
    return sorted(times, key=lambda time: (time.start, time.end))


def select_longest(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest first, earlier rule first among equals.

    The spans taken so far are kept sorted by start (they do not overlap, so their ends are
    sorted too): only the taken span just before a candidate and the one just after can overlap
    it, found by bisection. Scanning every taken span made a hostile text of 50,000 "May"s take
    a minute.
    """
    starts: list[int] = []
    ends: list[int] = []
    chosen = []
    for candidate in sorted(candidates, key=lambda item: (-item.length, item.order, item.match.start())):
        start, end = candidate.match.span()
        at = bisect_right(starts, start)
        if (at > 0 and ends[at - 1] > start) or (at < len(starts) and starts[at] < end):
            continue
        starts.insert(at, start)
        ends.insert(at, end)
        chosen.append(candidate)
    return chosen


def plausible(candidate: Candidate, doc: Doc, names: list[Span]) -> bool:
    """False when the parse says the match is not a time: part of a name (one of ``names``,
    the entities of ``doc`` labelled with a :data:`NAME_LABELS` label), or an amount."""
    start, end = candidate.match.span()
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return True
    if any(_is_name_around(entity, span) for entity in names):
        return False
    if len(span) == 1 and _reads_as_word_or_name(
        span[0], month=bool(candidate.match.groupdict().get("month"))
    ):
        return False
    if candidate.match.groupdict().get("frequency") and span.root.dep_ == "amod":
        return False  # "a quarterly dividend" says how often, but dates nothing
    if BARE_NUMBER.fullmatch(candidate.match[0]):
        # "2000 troops" counts; "its 1990 invasion", "1990 earnings" are dated.
        root = span.root
        counts_something = (
            root.dep_ in ("nummod", "quantmod") and root.head.tag_ == "NNS" and root.ent_type_ != "DATE"
        )
        if root.ent_type_ in AMOUNT_LABELS or counts_something:
            return False
    return True


def _reads_as_word_or_name(token: Token, month: bool) -> bool:
    """A lone token the parse reads as a verb ("May I ask?"), or a lone month it reads as a
    person's name: one with a first name before it ("Theresa May") or the subject of a clause
    ("May said"; a weekday may well be one: "Monday was quiet")."""
    if token.pos_ in ("VERB", "AUX"):
        return True
    if not month:
        return False
    has_first_name = any(child.dep_ == "compound" and child.pos_ == "PROPN" for child in token.children)
    return token.pos_ == "PROPN" and (has_first_name or token.dep_ in ("nsubj", "nsubjpass"))


def _is_name_around(entity: Span, span: Span) -> bool:
    """An entity that contains ``span`` and is more than it ("Theresa May"), or a person or
    organisation that is exactly it ("May" tagged PERSON)."""
    if not (entity.start_char <= span.start_char and span.end_char <= entity.end_char):
        return False
    larger = entity.end_char - entity.start_char > span.end_char - span.start_char
    return larger or entity.label_ in ("PERSON", "ORG")
