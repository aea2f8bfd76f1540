"""Event patterns as data: trigger lemmas plus dependency constraints mapped to CAMEO codes.

``data/event_patterns.yaml`` documents the format. Users add patterns with their own files
(``Settings.event_patterns``); those are read first, so on equal specificity their entry wins.
Patterns are indexed by lemma, so matching a token costs one dict lookup plus the constraint
checks of the handful of patterns that share its lemma.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from eventwire.datafile import LineDict, fail, load_mapping, shipped, user_file
from eventwire.events.codebook import Codebook, load_codebook

PatternKind = Literal["verb", "noun", "adjective"]
#: The pattern sections of a file, in the order their entries are read.
PATTERN_KINDS: tuple[PatternKind, ...] = ("verb", "noun", "adjective")

_PATTERN_KEYS = {
    "id",
    "lemmas",
    "code",
    "particle",
    "object",
    "prep",
    "context",
    "target",
    "symmetric",
    "clause_marker",
    "complement",
    "imputed",
}
#: YAML 1.1 reads on/off/yes/no as booleans: the commonest mistake in a pattern file.
_QUOTE_HINT = ' (quote words YAML reads as true/false or numbers: "on", "no")'
_MODALITY_KEYS = (
    "intended",
    "appeal",
    "demands",
    "relays",
    "hypothetical",
    "intended_auxiliaries",
    "reporting",
    "allegations",
    "hedges",
    "refusals",
    "denials",
    "contrasts",
    "habitual",
)


@dataclass(frozen=True, slots=True)
class EventPattern:
    """One trigger and its constraints; ``rule`` (``verb:accuse``) is what events cite."""

    id: str
    kind: PatternKind
    lemmas: frozenset[str]
    code: str
    particle: str | None = None
    object: frozenset[str] = frozenset()
    prep: str | None = None
    context: frozenset[str] = frozenset()
    target_preps: tuple[str, ...] = ()
    symmetric: bool = False
    clause_marker: frozenset[str] = frozenset()
    complement: frozenset[str] = frozenset()
    """Words one of which must head or introduce a clause the trigger governs: "gave the
    ambassador 72 hours *to leave*", "continue operations *until* ..." ."""
    imputed: bool = False
    """The action is one a reporter lays at its subject's door ("said X *provoked* the clash"):
    coded as the reporter's accusation (the pattern's code) against the subject, never as X's act."""
    origin: str = ""
    """``file:line`` the pattern came from, for error messages and debugging."""

    @property
    def rule(self) -> str:
        return f"{self.kind}:{self.id}"

    @property
    def specificity(self) -> int:
        """How many constraints the pattern adds to its lemma; the most specific match wins."""
        return sum(
            bool(constraint)
            for constraint in (
                self.particle,
                self.object,
                self.prep,
                self.context,
                self.clause_marker,
                self.complement,
            )
        )


@dataclass(frozen=True, slots=True)
class LightVerb:
    """A verb that hands its subject to the action noun it takes ("delivered strikes")."""

    lemma: str
    particle: str | None = None
    object: str | None = None
    prep: str | None = None


@dataclass(frozen=True, slots=True)
class ModalityLexicon:
    """Words that turn an action into an intention, an appeal, a hypothesis, a report or a denial."""

    intended: frozenset[str]
    appeal: frozenset[str]
    demands: frozenset[str]
    """Appeal words that make a demand (10x) rather than a request (02x)."""
    relays: frozenset[str]
    """Verbs of bringing someone to act ("pressure X to", "persuade X to"): an appeal to press a
    third party asks its addressee to act on that party, not the party to act."""
    hypothetical: frozenset[str]
    intended_auxiliaries: frozenset[str]
    reporting: frozenset[str]
    allegations: frozenset[str]
    """Reporting words whose content is someone's claim, never the writer's: "accused X of"."""
    hedges: frozenset[str]
    refusals: frozenset[str]
    """Verbs whose complement is refused ("refused to release"): a rejection (12x)."""
    denials: frozenset[str]
    """Verbs whose complement did not happen, says the subject ("denied targeting civilians")."""
    contrasts: frozenset[str]
    """Adverbs that set an action aside: "*instead* of accusing", "*rather* than settling"."""
    habitual: frozenset[str]
    """Words that make an action a habit, not an event: "have fought *repeatedly*", "*frequent*
    attacks"."""


@dataclass(frozen=True, slots=True)
class PatternSet:
    """All patterns, indexed by trigger lemma, with the light verbs and the modality words."""

    verbs: dict[str, tuple[EventPattern, ...]]
    nouns: dict[str, tuple[EventPattern, ...]]
    adjectives: dict[str, tuple[EventPattern, ...]]
    light_verbs: dict[str, tuple[LightVerb, ...]]
    containers: frozenset[str]
    """Nouns a light verb takes on an event noun's behalf: "sent a *message* of condolences"."""
    modality: ModalityLexicon
    default_target_preps: tuple[str, ...]
    instruments: frozenset[str] = frozenset()
    """Nouns for what a force acts *with*, never whom it acts on: "fired *live ammunition*"."""

    def __len__(self) -> int:
        unique = {
            pattern.rule
            for group in (self.verbs, self.nouns, self.adjectives)
            for patterns in group.values()
            for pattern in patterns
        }
        return len(unique)


def _words(label: str, entry: LineDict, key: str, value: object) -> frozenset[str]:
    """A word or list of words, lower-cased; anything else is an error naming the entry."""
    if value is None:
        return frozenset()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) and item.strip() for item in items):
        raise fail(label, entry, f"'{key}' must be a word or a list of words{_QUOTE_HINT}")
    return frozenset(item.strip().lower() for item in items)


def _one_word(label: str, entry: LineDict, key: str) -> str | None:
    value = entry.get(key)
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise fail(label, entry, f"'{key}' must be a single word{_QUOTE_HINT}")
    return value.strip().lower() if isinstance(value, str) else None


def _parse_pattern(
    label: str, entry: object, kind: PatternKind, codebook: Codebook, outer: LineDict
) -> EventPattern:
    if not isinstance(entry, LineDict):
        raise fail(label, outer, f"{kind}s: every entry must be a mapping with id, lemmas and code")
    unknown = set(entry) - _PATTERN_KEYS
    if unknown:
        raise fail(
            label,
            entry,
            f"unknown key(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(_PATTERN_KEYS))}",
        )
    pattern_id, code = entry.get("id"), entry.get("code")
    if not isinstance(pattern_id, str) or not pattern_id.strip():
        raise fail(label, entry, "pattern needs an 'id'")
    if not isinstance(code, str) or code not in codebook:
        raise fail(
            label,
            entry,
            f"pattern '{pattern_id}': code {code!r} is not in the CAMEO codebook (quote it: \"0312\")",
        )
    lemmas = _words(label, entry, "lemmas", entry.get("lemmas"))
    if not lemmas:
        raise fail(label, entry, f"pattern '{pattern_id}' needs 'lemmas'")
    target = _words(label, entry, "target", entry.get("target"))
    raw_target = entry.get("target")
    ordered_target = tuple(raw_target) if isinstance(raw_target, list) else tuple(target)
    symmetric, imputed = entry.get("symmetric", False), entry.get("imputed", False)
    for key, flag in (("symmetric", symmetric), ("imputed", imputed)):
        if not isinstance(flag, bool):
            raise fail(label, entry, f"pattern '{pattern_id}': '{key}' must be true or false")
    clause_marker = _words(label, entry, "clause_marker", entry.get("clause_marker"))
    return EventPattern(
        id=pattern_id.strip(),
        kind=kind,
        lemmas=lemmas,
        code=code,
        particle=_one_word(label, entry, "particle"),
        object=_words(label, entry, "object", entry.get("object")),
        prep=_one_word(label, entry, "prep"),
        context=_words(label, entry, "context", entry.get("context")),
        target_preps=tuple(word.lower() for word in ordered_target),
        symmetric=symmetric,
        clause_marker=clause_marker,
        complement=_words(label, entry, "complement", entry.get("complement")),
        imputed=imputed,
        origin=f"{label}:{entry.line}",
    )


def _parse_light_verb(label: str, entry: object, outer: LineDict) -> LightVerb:
    if not isinstance(entry, LineDict) or not isinstance(entry.get("lemma"), str):
        raise fail(
            label, entry if isinstance(entry, LineDict) else outer, "light_verbs: every entry needs a 'lemma'"
        )
    unknown = set(entry) - {"lemma", "particle", "object", "prep"}
    if unknown:
        raise fail(label, entry, f"light verb: unknown key(s) {', '.join(sorted(unknown))}")
    return LightVerb(
        lemma=entry["lemma"].strip().lower(),
        particle=_one_word(label, entry, "particle"),
        object=_one_word(label, entry, "object"),
        prep=_one_word(label, entry, "prep"),
    )


@dataclass(slots=True)
class _Collected:
    patterns: dict[PatternKind, list[EventPattern]]
    light_verbs: list[LightVerb]
    containers: set[str]
    modality: dict[str, set[str]]
    default_target_preps: list[str]
    instruments: set[str]


def _collect(label: str, text: str, codebook: Codebook, into: _Collected, seen: dict[str, str]) -> None:
    data = load_mapping(label, text)
    sections = {f"{kind}s" for kind in PATTERN_KINDS} | {
        "light_verbs",
        "containers",
        "instruments",
        "modality",
        "default_target_preps",
    }
    unknown = set(data) - sections
    if unknown:
        raise fail(
            label,
            data,
            f"unknown section(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(sections))}",
        )
    for kind in PATTERN_KINDS:
        bucket = into.patterns.setdefault(kind, [])
        entries = data.get(f"{kind}s") or []
        if not isinstance(entries, list):
            raise fail(label, data, f"'{kind}s' must be a list")
        for entry in entries:
            pattern = _parse_pattern(label, entry, kind, codebook, data)
            if pattern.rule in seen and seen[pattern.rule].startswith(f"{label}:"):
                raise fail(
                    label, entry, f"duplicate pattern id '{pattern.id}' (first at {seen[pattern.rule]})"
                )
            seen.setdefault(pattern.rule, pattern.origin)
            bucket.append(pattern)
    light = data.get("light_verbs") or []
    if not isinstance(light, list):
        raise fail(label, data, "'light_verbs' must be a list")
    into.light_verbs.extend(_parse_light_verb(label, entry, data) for entry in light)
    into.containers.update(_words(label, data, "containers", data.get("containers")))
    into.instruments.update(_words(label, data, "instruments", data.get("instruments")))
    modality = data.get("modality") or LineDict()
    if not isinstance(modality, LineDict) or set(modality) - set(_MODALITY_KEYS):
        raise fail(label, data, f"'modality' must be a mapping with keys among {', '.join(_MODALITY_KEYS)}")
    for key, words in modality.items():
        into.modality.setdefault(key, set()).update(_words(label, modality, f"modality.{key}", words))
    preps = data.get("default_target_preps")
    if preps is not None and not into.default_target_preps:  # the first file that sets them wins
        _words(label, data, "default_target_preps", preps)
        into.default_target_preps.extend(word.lower() for word in preps)


def _index(patterns: Iterable[EventPattern]) -> dict[str, tuple[EventPattern, ...]]:
    index: dict[str, list[EventPattern]] = {}
    for pattern in patterns:
        for lemma in pattern.lemmas:
            index.setdefault(lemma, []).append(pattern)
    return {lemma: tuple(group) for lemma, group in index.items()}


def parse_patterns(sources: Iterable[tuple[str, str]], codebook: Codebook | None = None) -> PatternSet:
    """Build a :class:`PatternSet` from ``(label, yaml text)`` sources, earliest source first."""
    codebook = codebook or load_codebook()
    collected = _Collected({}, [], set(), {}, [], set())
    seen: dict[str, str] = {}
    for label, text in sources:
        _collect(label, text, codebook, collected, seen)
    lexicon = ModalityLexicon(**{key: frozenset(collected.modality.get(key, ())) for key in _MODALITY_KEYS})
    light: dict[str, list[LightVerb]] = {}
    for verb in collected.light_verbs:
        light.setdefault(verb.lemma, []).append(verb)
    return PatternSet(
        verbs=_index(collected.patterns.get("verb", ())),
        nouns=_index(collected.patterns.get("noun", ())),
        adjectives=_index(collected.patterns.get("adjective", ())),
        light_verbs={lemma: tuple(group) for lemma, group in light.items()},
        containers=frozenset(collected.containers),
        modality=lexicon,
        default_target_preps=tuple(collected.default_target_preps),
        instruments=frozenset(collected.instruments),
    )


@lru_cache(maxsize=8)
def load_patterns(user_files: tuple[Path, ...] = ()) -> PatternSet:
    """The user's pattern files (tried first) plus the shipped ones, loaded once per process."""
    sources = [user_file(path) for path in user_files]
    sources.append(shipped("event_patterns.yaml"))
    return parse_patterns(sources)
