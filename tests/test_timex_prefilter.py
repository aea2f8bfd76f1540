"""The detection rules' keyword gate must be exact: it may only skip a rule that cannot match.

Each check compares, text by text, what every rule finds when scanned ungated with what the
gate lets through: on the example corpus, on TimeBank (when ``../shared`` is there) and on
generated text built from the time vocabulary, mixed cases and the characters that
``re.IGNORECASE`` folds onto ASCII letters.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.evaluate.timeml import read_timeml
from eventwire.timex.prefilter import CASE_EQUIVALENTS, derive_triggers, gate_text, may_match
from eventwire.timex.tagger import default_rules, find_times
from tests.fuzzing import hostile_text

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples" / "corpus"
TIMEBANK = ROOT.parent / "shared" / "evaldata" / "timebank"
ANCHOR = date(2015, 10, 15)

RULES = default_rules()
UNGATED = tuple(dataclasses.replace(rule, triggers=None) for rule in RULES)


def assert_gate_is_exact(text: str) -> None:
    """No rule the gate skips matches ``text``, and the tagger finds the same expressions."""
    folded = gate_text(text)
    for rule in RULES:
        if not may_match(rule.triggers, folded):
            assert next(rule.pattern.finditer(text), None) is None, (rule.name, sorted(rule.triggers or ()))
    assert find_times(text, ANCHOR, rules=RULES) == find_times(text, ANCHOR, rules=UNGATED)


# --- the derivation -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "triggers"),
    [
        (r"century", {"century"}),
        (r"(?:the\s+)?(?P<unit>quarter|half)", {"quarter", "half"}),
        (r"Q[1-4]", {"q1", "q2", "q3", "q4"}),
        (r"(?-i:May)\s+\d+", {"may"}),
        (r"(?:early\s+)?noon", {"noon"}),
        (r"x(?:ab|cd)y?", {"xab", "xcd"}),
        (r"january|jan", {"jan"}),  # "january" contains "jan": only the shorter is kept
    ],
)
def test_triggers_are_derived_from_the_pattern(pattern: str, triggers: set[str]) -> None:
    assert derive_triggers(re.compile(pattern, re.IGNORECASE)) == triggers


@pytest.mark.parametrize(
    "pattern",
    [
        r"\d{4}",  # \d matches every script's digits: no ASCII string is required
        r"\w+day",
        r"(?:week)?",  # may match the empty string
        r"[^a]+|x",  # one branch requires nothing known
        r"(\w)\1",  # a back reference
        r"é",  # non-ASCII literals are not folded by the gate
    ],
)
def test_what_cannot_be_reasoned_about_gates_nothing_wrongly(pattern: str) -> None:
    compiled = re.compile(pattern, re.IGNORECASE)
    triggers = derive_triggers(compiled)
    for text in ("1999", "١٩٩٩", "Monday", "", "week", "zbc", "aa", "é", "É"):
        if compiled.search(text):
            assert may_match(triggers, gate_text(text)), (pattern, text, triggers)


def test_unknown_pieces_give_no_triggers() -> None:
    for pattern in (r"\d{4}", r"(?:week)?", r"[^a]+|x", r"(\w)\1", r"é"):
        assert derive_triggers(re.compile(pattern, re.IGNORECASE)) is None, pattern


def test_case_equivalents_cover_every_code_point() -> None:
    """Re-derive which characters ``re.IGNORECASE`` matches to an ASCII letter; a Python whose
    tables differ would make the gate skip a rule that matches, so this must fail then."""
    everything = "".join(
        chr(code) for code in range(0x80, sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF
    )
    expected = {
        ord(character): letter
        for letter in "abcdefghijklmnopqrstuvwxyz"
        for character in re.findall(letter, everything, re.IGNORECASE)
    }
    assert expected == CASE_EQUIVALENTS


def test_the_shipped_rules_are_gated() -> None:
    """The gate must do its work: rules with a rare word need it, and it is found."""
    triggers = {rule.name: rule.triggers for rule in RULES}
    assert triggers["century"] == {"century"}
    assert triggers["named-time"] == {"noon", "midday", "midnight"}
    assert sum(value is not None for value in triggers.values()) >= len(RULES) - 2
    assert not may_match(triggers["century"], gate_text("Troops withdrew on Monday."))
    assert may_match(triggers["century"], gate_text("the 21st CENTURY"))


def test_an_expression_is_never_read_across_a_line_break() -> None:
    """Rules run line by line: a month ending one paragraph and a number opening the next are
    not a date, though the same words on one line are."""
    broken = find_times("The talks ended in October\n\n15 people were hurt on Monday.", ANCHOR)
    assert [(time.text, time.value) for time in broken] == [("October", "2015-10"), ("Monday", "2015-10-12")]
    joined = find_times("The talks ended in October 15 after a week.", ANCHOR)
    assert [time.text for time in joined] == ["October 15", "a week"]


# --- exactness on real and generated text ----------------------------------------------------


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")), ids=lambda path: path.name)
def test_gate_is_exact_on_the_example_corpus(path: Path) -> None:
    assert_gate_is_exact(path.read_text(encoding="utf-8"))


@pytest.mark.skipif(not TIMEBANK.is_dir(), reason="../shared/evaldata/timebank is not available")
def test_gate_is_exact_on_timebank() -> None:
    documents = sorted(TIMEBANK.glob("*.tml"))
    assert documents
    for path in documents:
        assert_gate_is_exact(read_timeml(path).text)


#: Words the rules are built from, so generated text reaches them (and near misses).
TIME_WORDS = (
    "May",
    "MAY",
    "may",
    "March",
    "Sept.",
    "Monday",
    "mondays",
    "noon",
    "midnight",
    "century",
    "quarter",
    "Q3",
    "fiscal",
    "FY",
    "1999",
    "2015-10-12",
    "12/31/2014",
    "10:30",
    "p.m.",
    "PM",
    "a.m.",
    "ago",
    "years",
    "days",
    "three",
    "twenty-first",
    "the",
    "year",
    "week",
    "last",
    "next",
    "every",
    "twice",
    "times",
    "daily",
    "spring",
    "1990s",
    "nineties",
    "today",
    "tonight",
    "morning",
    "recently",
    "now",
    "at the time",
)
#: Characters ``re.IGNORECASE`` folds onto ASCII letters, spaces and punctuation the rules read.
ODD_CHARACTERS = "\u0130\u0131\u017f\u212a \n-–/.,:’'"


@st.composite
def timeish_text(draw: st.DrawFn) -> str:
    """Time words in random case, glued with spaces, odd case-equivalent characters and noise."""
    pieces = []
    for _ in range(draw(st.integers(1, 12))):
        word = draw(st.sampled_from(TIME_WORDS))
        word = draw(st.sampled_from([word, word.upper(), word.lower(), word.title()]))
        if draw(st.booleans()):
            at = draw(st.integers(0, len(word)))
            word = word[:at] + draw(st.sampled_from(ODD_CHARACTERS)) + word[at:]
        pieces.append(word)
        pieces.append(draw(st.sampled_from([" ", " ", "\n", ", ", " of ", "-", ""])))
    return "".join(pieces)


@given(st.one_of(timeish_text(), hostile_text))
def test_gate_is_exact_on_generated_text(text: str) -> None:
    assert_gate_is_exact(text)


@pytest.mark.parametrize(
    "text",
    [
        "It happened in the \u017fpring of 2015.",  # long s: IGNORECASE reads it as "s"
        "The talks ended at NOON, Monday, and resumed a \u212aEEK later.",  # Kelvin sign
        "\u0130n the first quarter of 2015",
        "Cela s'est passé en mars 2015, le 12 Mai.",
    ],
)
def test_gate_is_exact_on_case_equivalents(text: str) -> None:
    assert_gate_is_exact(text)
