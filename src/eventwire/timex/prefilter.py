"""An exact keyword gate for the detection rules, derived from their compiled patterns.

Scanning 51 rule patterns over every text is most of the tagger's cost, and most rules cannot
match most texts: "century" needs the word century, a clock time needs a colon or "a.m.".
Python's regex engine cannot know that (a pattern that starts with a look-behind gets no
literal-prefix search), so it tries every rule at every word. Here, for each rule, the parse
tree of its pattern yields a set of *trigger* strings one of which every match must contain;
a rule none of whose triggers occurs in the text is not run. The gate only ever skips a rule
that cannot match, so the expressions found are exactly those of scanning every rule
(``tests/test_timex_prefilter.py`` checks this on corpora and generated text).

The derivation is deliberately conservative: anything it cannot reason about exactly (classes
such as ``\\d`` or ``\\w``, which match non-ASCII digits and letters, non-ASCII literals, back
references) counts as "matches anything", which at worst leaves a rule ungated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import product

# The parser behind ``re.compile``; its tree is the only place the pattern's structure is kept.
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

#: Largest set of alternative strings tracked for one piece of a pattern; beyond it the piece
#: is treated as unknown (still exact, only less selective).
MAX_ALTERNATIVES = 64
#: A character range in a class is spelt out only if it is this small ("[1-4]", not "[a-z]").
MAX_RANGE = 10

#: Characters other than A-Z that ``re.IGNORECASE`` matches to an ASCII letter (Python 3.11,
#: all of Unicode; the tests re-derive this table). Folding them before ``str.lower`` keeps a
#: trigger findable in every text the case-insensitive pattern can match.
CASE_EQUIVALENTS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})

_ZERO_WIDTH = frozenset({sre.AT, sre.ASSERT, sre.ASSERT_NOT})
_REPEATS = frozenset({sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT})


def gate_text(text: str) -> str:
    """``text`` as the gate searches it: lower case, with the case equivalents folded."""
    return text.translate(CASE_EQUIVALENTS).lower()


def may_match(triggers: frozenset[str] | None, folded_text: str) -> bool:
    """False only if a rule with these ``triggers`` cannot match the text folded by
    :func:`gate_text`; a rule without triggers (``None``) may always match."""
    return triggers is None or any(trigger in folded_text for trigger in triggers)


def derive_triggers(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case strings one of which every match of ``pattern`` contains, or ``None``.

    Only the shortest triggers are kept (a text that contains "january" contains "jan").
    """
    required = _Piece.of_sequence(sre_parse.parse(pattern.pattern, pattern.flags)).required
    if required is None:
        return None
    return frozenset(
        trigger
        for trigger in required
        if not any(other != trigger and other in trigger for other in required)
    )


@dataclass(frozen=True, slots=True)
class _Piece:
    """What is known about the text a piece of a pattern matches.

    ``exact``: every string the piece can match, lower-cased (``""`` for zero width), or
    ``None`` when that set is unknown or too large. ``required``: strings one of which every
    match contains, or ``None`` when a match may contain nothing in particular.
    """

    exact: frozenset[str] | None
    required: frozenset[str] | None

    @staticmethod
    def unknown() -> _Piece:
        return _Piece(None, None)

    @staticmethod
    def of_strings(strings: frozenset[str]) -> _Piece:
        return _Piece(strings, None if "" in strings else strings)

    @classmethod
    def of_sequence(cls, items: sre_parse.SubPattern | list[tuple[object, object]]) -> _Piece:
        """Concatenate known pieces as far as they stay small; the requirement of the whole is
        the most selective of the requirements of its parts."""
        run: frozenset[str] = frozenset({""})  # what the known pieces since the last break match
        broken = False
        candidates: list[frozenset[str]] = []
        for op, argument in items:
            piece = cls.of_node(op, argument)
            if piece.exact is not None and len(run) * len(piece.exact) <= MAX_ALTERNATIVES:
                run = frozenset(left + right for left, right in product(run, piece.exact))
                continue
            if "" not in run:
                candidates.append(run)
            if piece.required is not None:
                candidates.append(piece.required)
            broken = True
            run = piece.exact if piece.exact is not None else frozenset({""})
        if "" not in run:
            candidates.append(run)
        best = max(candidates, key=lambda strings: (min(map(len, strings)), -len(strings)), default=None)
        return _Piece(None if broken else run, best)

    @classmethod
    def of_node(cls, op: object, argument: object) -> _Piece:
        if op is sre.LITERAL:
            character = chr(argument)  # type: ignore[arg-type]
            return cls.of_strings(frozenset({character.lower()})) if character.isascii() else cls.unknown()
        if op is sre.IN:
            return cls.of_class(argument)  # type: ignore[arg-type]
        if op in _ZERO_WIDTH:
            return cls.of_strings(frozenset({""}))
        if op is sre.SUBPATTERN:
            return cls.of_sequence(argument[-1])  # type: ignore[index]
        if op is sre.ATOMIC_GROUP:
            return cls.of_sequence(argument)  # type: ignore[arg-type]
        if op is sre.BRANCH:
            return cls.of_branches([cls.of_sequence(branch) for branch in argument[1]])  # type: ignore[index]
        if op in _REPEATS:
            low, high, body = argument  # type: ignore[misc]
            return cls.of_repeat(int(low), int(high), cls.of_sequence(body))  # type: ignore[has-type]
        return cls.unknown()  # any character, \d, back references …

    @classmethod
    def of_class(cls, items: list[tuple[object, object]]) -> _Piece:
        """A character class of ASCII literals and small ASCII ranges; anything else (negation,
        ``\\d``, ``\\s``, non-ASCII) is unknown."""
        characters: set[str] = set()
        for op, argument in items:
            if op is sre.LITERAL and chr(argument).isascii():  # type: ignore[arg-type]
                characters.add(chr(argument).lower())  # type: ignore[arg-type]
            elif op is sre.RANGE and argument[1] < 128 and argument[1] - argument[0] < MAX_RANGE:  # type: ignore[index]
                characters.update(chr(code).lower() for code in range(argument[0], argument[1] + 1))  # type: ignore[index]
            else:
                return cls.unknown()
        return cls.of_strings(frozenset(characters))

    @classmethod
    def of_branches(cls, branches: list[_Piece]) -> _Piece:
        exact: frozenset[str] | None = None
        if all(branch.exact is not None for branch in branches):
            exact = frozenset().union(*(branch.exact for branch in branches))  # type: ignore[arg-type]
            if len(exact) > MAX_ALTERNATIVES:
                exact = None
        required = None
        if all(branch.required is not None for branch in branches):
            required = frozenset().union(*(branch.required for branch in branches))  # type: ignore[arg-type]
        return _Piece(exact, required)

    @classmethod
    def of_repeat(cls, low: int, high: int, body: _Piece) -> _Piece:
        if low == 0:
            optional = high == 1 and body.exact is not None
            return _Piece(body.exact | {""} if optional else None, None)  # type: ignore[operator]
        return _Piece(body.exact if low == high == 1 else None, body.required)
