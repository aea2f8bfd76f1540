"""The time-expression vocabulary and detection rules, loaded from ``data/timex*.yaml``.

Words and patterns are data so they can be read, reviewed and extended without touching the
normaliser; this module turns them into lookup tables and compiled regular expressions and
refuses a broken file with an error naming the file and line. Rule patterns use macros
(``{MONTH}``, ``{NUM}``…): vocabulary lists become alternations, and the rules file defines
composite macros of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from eventwire import datafile
from eventwire.errors import DataFileError
from eventwire.timex.prefilter import derive_triggers

MACRO = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")

#: Vocabulary lists that match only as written or in capitals: "May" the month, not "may".
CASE_SENSITIVE = frozenset({"MONTH", "MONTH_FULL", "WEEKDAY", "TZ"})

#: Named groups a rule pattern may use; each means one thing to the normaliser (see
#: ``normalise.py``), so a misspelt group is caught at load time instead of silently ignored.
KNOWN_GROUPS = frozenset(
    {
        "t",
        "year",
        "year2",
        "month",
        "month2",
        "day",
        "day2",
        "weekday",
        "weekday2",
        "rel",
        "num",
        "num2",
        "unit",
        "dir",
        "season",
        "part",
        "hour",
        "minute",
        "ampm",
        "named",
        "deictic",
        "deictic2",
        "decade",
        "yy_decade",
        "decade_word",
        "ordinal",
        "fiscal",
        "mod",
        "vague",
        "every",
        "frequency",
        "past",
        "half",
        "year_rel",
        "ago",
        "qnum",
        "numeric_a",
        "numeric_b",
        "count",
        "tz",
    }
)


@dataclass(frozen=True, slots=True)
class Unit:
    """A calendar unit: its name, TIMEX3 duration code and whether it is a clock unit.

    ``years`` is set for units whose counts TIMEX3 writes in years (decade, century).
    """

    name: str
    code: str
    clock: bool
    years: int | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    """One detection rule: a compiled pattern and the normaliser handler that values it.

    ``triggers`` (derived from the pattern, see :mod:`eventwire.timex.prefilter`) are strings
    one of which every match contains; ``None`` means the rule is always scanned.
    """

    name: str
    handler: str
    pattern: re.Pattern[str]
    line: int
    triggers: frozenset[str] | None = None


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Word tables keyed by casefolded text, plus the regex macros built from them."""

    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    units: dict[str, Unit]
    number_words: dict[str, float]
    ordinal_words: dict[str, int]
    deictic_days: dict[str, int]
    relative_words: dict[str, int]
    offset_directions: dict[str, int]
    references: dict[str, str]
    frequencies: dict[str, str]
    future_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    deadline_words: frozenset[str]
    macros: dict[str, str]

    def month(self, text: str) -> int | None:
        return self.months.get(fold(text).rstrip("."))

    def unit(self, text: str) -> Unit | None:
        return self.units.get(fold(text))


def fold(text: str) -> str:
    """Casefold and collapse blanks, so table lookups ignore case and line breaks."""
    return " ".join(text.casefold().split())


def read_yaml(name: str, path: Path | None = None) -> tuple[str, datafile.LineDict]:
    """Read a YAML mapping (a shipped data file unless ``path`` is given) as (label, data)."""
    label, text = datafile.read(name, path)
    return label, datafile.load_mapping(label, text)


class _Section:
    """Typed access to one top-level section of a data file, failing with file and line."""

    def __init__(self, label: str, data: dict[str, Any], key: str) -> None:
        self.label, self.key = label, key
        self.line = datafile.line_of(data) or 1
        if key not in data:
            raise DataFileError(f"{label}: missing section '{key}'")
        self.value = data[key]

    def fail(self, problem: str, line: int | None = None) -> DataFileError:
        return DataFileError(f"{self.label}:{line or self.line}: section '{self.key}': {problem}")

    def mapping(self) -> dict[Any, Any]:
        if not isinstance(self.value, dict):
            raise self.fail("expected a mapping")
        self.line = datafile.line_of(self.value) or self.line
        return dict(self.value)

    def words(self, items: object) -> list[str]:
        if not isinstance(items, list) or not all(isinstance(item, str) and item for item in items):
            raise self.fail("expected a list of words")
        return list(items)

    def word_table(self, value_type: type | tuple[type, ...]) -> dict[str, Any]:
        """A mapping of word -> value (e.g. number words)."""
        table = {}
        for word, value in self.mapping().items():
            if not isinstance(word, str) or isinstance(value, bool) or not isinstance(value, value_type):
                raise self.fail(f"entry '{word}': expected a word mapped to {value_type}")
            table[fold(word)] = value
        return table

    def grouped(self, key_type: type) -> dict[Any, list[str]]:
        """A mapping of value -> list of words (e.g. month number -> names)."""
        groups = {}
        for key, words in self.mapping().items():
            if not isinstance(key, key_type) or isinstance(key, bool):
                raise self.fail(f"key '{key}': expected {key_type.__name__}")
            groups[key] = self.words(words)
        return groups


def load_lexicon(path: Path | None = None) -> Lexicon:
    """Load the vocabulary (the shipped ``timex.yaml`` by default)."""
    label, data = read_yaml("timex.yaml", path)
    section: Callable[[str], _Section] = lambda key: _Section(label, data, key)  # noqa: E731

    months = section("months").grouped(int)
    weekdays = section("weekdays").grouped(int)
    for name, groups, top in (("months", months, 12), ("weekdays", weekdays, 7)):
        if sorted(groups) != list(range(1, top + 1)):
            raise section(name).fail(f"expected keys 1..{top}")
    seasons = section("seasons").grouped(str)
    parts = section("parts_of_day").grouped(str)

    units_section = section("units")
    units: dict[str, Unit] = {}
    for name, spec in units_section.mapping().items():
        line = datafile.line_of(spec)
        if not isinstance(spec, dict) or not isinstance(spec.get("code"), str):
            raise units_section.fail(f"unit '{name}' needs a code and words", line)
        years = spec.get("years")
        if years is not None and (not isinstance(years, int) or years < 1):
            raise units_section.fail(f"unit '{name}': 'years' must be a positive integer", line)
        unit = Unit(str(name), spec["code"], bool(spec.get("clock", False)), years)
        for word in units_section.words(spec.get("words")):
            units[fold(word)] = unit

    references_section = section("references")
    references = {
        fold(word): value
        for value, words in references_section.grouped(str).items()
        for word in references_section.words(words)
    }
    frequencies = section("frequencies").word_table(str)
    vague = section("vague_quantities")
    zones = section("time_zones")
    future_verbs = section("future_verbs")
    reporting_verbs = section("reporting_verbs")
    deadline_words = section("deadline_words")

    lexicon_words = {
        "MONTH": [word for words in months.values() for word in words],
        "MONTH_FULL": [words[0] for words in months.values()],
        "WEEKDAY": [word for words in weekdays.values() for word in words],
        "SEASON": [word for words in seasons.values() for word in words],
        "PART": [word for words in parts.values() for word in words],
        "UNIT": list(units),
        "TZ": zones.words(zones.value),
        "VAGUE_QTY": vague.words(vague.value),
    }
    number_words = section("number_words").word_table((int, float))
    ordinal_words = section("ordinal_words").word_table(int)
    deictic_days = section("deictic_days").word_table(int)
    relative_words = section("relative_words").word_table(int)
    offset_directions = section("offset_directions").word_table(int)
    lexicon_words |= {
        "NUMWORD": list(number_words),
        "ORDWORD": list(ordinal_words),
        "DEICTIC": list(deictic_days),
        "REL": list(relative_words),
        "DIR": list(offset_directions),
        "FREQ": list(frequencies),
        "PAST_REF": [word for word, value in references.items() if value == "PAST_REF"],
        "PRESENT_REF": [word for word, value in references.items() if value == "PRESENT_REF"],
        "FUTURE_REF": [word for word, value in references.items() if value == "FUTURE_REF"],
    }
    macros = {
        name: _alternation(words, case_sensitive=name in CASE_SENSITIVE, abbreviations=name == "MONTH")
        for name, words in lexicon_words.items()
    }
    return Lexicon(
        months={fold(word): number for number, words in months.items() for word in words},
        weekdays={fold(word): number for number, words in weekdays.items() for word in words},
        seasons={fold(word): code for code, words in seasons.items() for word in words},
        parts_of_day={fold(word): code for code, words in parts.items() for word in words},
        units=units,
        number_words=number_words,
        ordinal_words=ordinal_words,
        deictic_days=deictic_days,
        relative_words=relative_words,
        offset_directions=offset_directions,
        references=references,
        frequencies=frequencies,
        future_verbs=frozenset(future_verbs.words(future_verbs.value)),
        reporting_verbs=frozenset(reporting_verbs.words(reporting_verbs.value)),
        deadline_words=frozenset(deadline_words.words(deadline_words.value)),
        macros=macros,
    )


def _alternation(words: Iterable[str], case_sensitive: bool, abbreviations: bool) -> str:
    """A non-capturing alternation of ``words``, longest first so "Sept" beats "Sep".

    Case-sensitive lists accept the word as written and in capitals; abbreviations (words of
    at most four letters in an abbreviation list) may carry a full stop.
    """
    forms: set[str] = set()
    for word in words:
        forms.update({word, word.upper()} if case_sensitive else {word})
    parts = []
    for form in sorted(forms, key=lambda item: (-len(item), item)):
        pattern = r"\s+".join(re.escape(piece) for piece in form.split())
        if abbreviations and len(form) <= 4 and form.isalpha():
            pattern += r"\.?"
        parts.append(pattern)
    body = "|".join(parts)
    return f"(?-i:{body})" if case_sensitive else f"(?:{body})"


def load_rules(lexicon: Lexicon, handlers: Iterable[str], path: Path | None = None) -> tuple[Rule, ...]:
    """Load and compile the detection rules (the shipped ``timex_rules.yaml`` by default).

    ``handlers`` are the normaliser's handler names: a rule naming another is refused, as is a
    pattern with an unknown macro or group, so a typo fails at load and not silently at run time.
    """
    label, data = read_yaml("timex_rules.yaml", path)
    macros_section = _Section(label, data, "macros")
    macros = dict(lexicon.macros)
    for name, pattern in macros_section.mapping().items():
        if not isinstance(pattern, str) or not re.fullmatch(r"[A-Z][A-Z0-9_]*", str(name)):
            raise macros_section.fail(f"macro '{name}': expected an UPPER_CASE name and a pattern")
        macros[name] = pattern
    known_handlers = frozenset(handlers)
    rules_section = _Section(label, data, "rules")
    if not isinstance(rules_section.value, list):
        raise rules_section.fail("expected a list of rules")
    rules: list[Rule] = []
    seen: set[str] = set()
    for entry in rules_section.value:
        line = datafile.line_of(entry) or rules_section.line
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(key), str) for key in ("name", "handler", "pattern")
        ):
            raise rules_section.fail("each rule needs name, handler and pattern (strings)", line)
        name = entry["name"]
        if name in seen:
            raise rules_section.fail(f"rule '{name}' is defined twice", line)
        seen.add(name)
        if entry["handler"] not in known_handlers:
            known = ", ".join(sorted(known_handlers))
            raise rules_section.fail(
                f"rule '{name}': unknown handler '{entry['handler']}' (known: {known})", line
            )
        try:
            source = expand_macros(entry["pattern"], macros)
            pattern = re.compile(rf"(?<!\w)(?:{source})(?!\w)", re.IGNORECASE)
        except (KeyError, re.error, RecursionError) as exc:
            raise rules_section.fail(f"rule '{name}': bad pattern ({exc})", line) from None
        unknown = set(pattern.groupindex) - KNOWN_GROUPS
        if unknown:
            raise rules_section.fail(f"rule '{name}': unknown group(s) {', '.join(sorted(unknown))}", line)
        rules.append(Rule(name, entry["handler"], pattern, line, derive_triggers(pattern)))
    return tuple(rules)


def expand_macros(pattern: str, macros: dict[str, str], depth: int = 0) -> str:
    """Replace ``{NAME}`` macros recursively; an unknown name raises KeyError naming it."""
    if depth > 10:
        raise RecursionError("macros nest too deeply (a macro refers to itself?)")

    def replace(match: re.Match[str]) -> str:
        name = match[1]
        if name not in macros:
            raise KeyError(f"unknown macro {{{name}}}")
        return expand_macros(macros[name], macros, depth + 1)

    return MACRO.sub(replace, pattern)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load_lexicon()
