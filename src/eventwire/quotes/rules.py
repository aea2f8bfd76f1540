"""Quotation data (``data/quotes.yaml``): quotation marks, reporting cues and title words.

Loaded once per process and validated at load: every error names the file and the line of
the offending entry, so a user extending the data can fix it without reading this code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from eventwire import datafile
from eventwire.errors import DataFileError

#: Longest quotation mark: NYT-style doubled apostrophes ('' … '') are written as one mark.
MAX_MARK_CHARS = 2


@dataclass(slots=True, frozen=True)
class QuoteMarks:
    """Which mark opens a quote, which marks close it, and which marks need no context."""

    double: dict[str, frozenset[str]]
    single: dict[str, frozenset[str]]
    top_level_single: frozenset[str]
    always_open: frozenset[str]
    always_close: frozenset[str]

    @property
    def all_marks(self) -> frozenset[str]:
        marks: set[str] = set()
        for pairs in (self.double, self.single):
            for opener, closers in pairs.items():
                marks.add(opener)
                marks.update(closers)
        return frozenset(marks)

    def closers(self, opener: str) -> frozenset[str]:
        return self.double.get(opener) or self.single.get(opener) or frozenset()


#: The ways a cue can report something (see ``data/quotes.yaml``).
CUE_MODES = frozenset({"quote", "clause", "object", "request", "source"})


@dataclass(slots=True, frozen=True)
class QuoteRules:
    """Everything ``data/quotes.yaml`` holds, in the shapes the stage uses."""

    marks: QuoteMarks
    max_unclosed_chars: int
    cue_verbs: dict[str, frozenset[str]]
    """Verb lemma → the ways it reports ("quote", "clause", "object", "request")."""
    cue_phrases: dict[tuple[str, ...], frozenset[str]]
    """Words of a fixed phrase → the ways it reports (as for verbs, plus "source")."""
    longest_phrase: int
    """Words in the longest cue phrase."""
    phrase_starts: frozenset[str]
    """First words of the cue phrases: most verbs start none, and need no phrase lookups."""
    title_cues: tuple[tuple[str, ...], ...]
    speaker_label: re.Pattern[str]
    """A transcript turn's speaker label at the start of a paragraph ("WALLACE: …")."""


def load_rules(path: Path | None = None) -> QuoteRules:
    """Load and validate quotation data (the shipped file by default)."""
    label, text = datafile.read("quotes.yaml", path)
    root = datafile.compose(label, text)
    reader = _Reader(label)
    top = reader.mapping(root, "the file")
    marks = reader.mapping(reader.key(top, root, "marks"), "marks")
    cues = reader.mapping(reader.key(top, root, "cues"), "cues")
    phrases = reader.cues(reader.key(cues, top["cues"], "phrases"), "cues.phrases", CUE_MODES)
    cue_phrases = {tuple(phrase.split()): modes for phrase, modes in phrases.items()}
    return QuoteRules(
        marks=QuoteMarks(
            double=reader.pairs(reader.key(marks, top["marks"], "double"), "marks.double"),
            single=reader.pairs(reader.key(marks, top["marks"], "single"), "marks.single"),
            top_level_single=reader.marks(
                reader.key(marks, top["marks"], "top_level_single"), "top_level_single"
            ),
            always_open=reader.marks(reader.key(marks, top["marks"], "always_open"), "marks.always_open"),
            always_close=reader.marks(reader.key(marks, top["marks"], "always_close"), "marks.always_close"),
        ),
        max_unclosed_chars=reader.positive_int(
            reader.key(top, root, "max_unclosed_chars"), "max_unclosed_chars"
        ),
        cue_verbs=reader.cues(reader.key(cues, top["cues"], "verbs"), "cues.verbs", CUE_MODES - {"source"}),
        cue_phrases=cue_phrases,
        longest_phrase=max((len(phrase) for phrase in cue_phrases), default=0),
        phrase_starts=frozenset(phrase[0] for phrase in cue_phrases if phrase),
        speaker_label=reader.pattern(reader.key(top, root, "speaker_label"), "speaker_label", "speaker"),
        title_cues=tuple(
            tuple(cue.split()) for cue in reader.words(reader.key(top, root, "title_cues"), "title_cues")
        ),
    )


@lru_cache(maxsize=1)
def default_rules() -> QuoteRules:
    return load_rules()


class _Reader:
    """Turns YAML nodes into checked Python values, naming ``label:line`` on every error."""

    def __init__(self, label: str) -> None:
        self.label = label

    def fail(self, node: Node, message: str) -> DataFileError:
        return datafile.fail(self.label, node, message)

    def mapping(self, node: Node | None, what: str) -> dict[str, Node]:
        if not isinstance(node, MappingNode):
            if node is None:
                raise DataFileError(f"{self.label}: {what} is empty")
            raise self.fail(node, f"{what} must be a mapping")
        return {self.scalar(key, what): value for key, value in node.value}

    def key(self, mapping: dict[str, Node], parent: Node, name: str) -> Node:
        if name not in mapping:
            raise self.fail(parent, f"missing key '{name}'")
        return mapping[name]

    def scalar(self, node: Node, what: str) -> str:
        if not isinstance(node, ScalarNode) or not node.value.strip():
            raise self.fail(node, f"{what}: expected a non-empty string")
        return str(node.value)

    def sequence(self, node: Node, what: str) -> list[Node]:
        if not isinstance(node, SequenceNode):
            raise self.fail(node, f"{what}: expected a list")
        return list(node.value)

    def words(self, node: Node, what: str) -> list[str]:
        return [self.scalar(item, what).strip().lower() for item in self.sequence(node, what)]

    def marks(self, node: Node, what: str) -> frozenset[str]:
        marks = [self.scalar(item, what) for item in self.sequence(node, what)]
        bad = next((mark for mark in marks if not 1 <= len(mark) <= MAX_MARK_CHARS), None)
        if bad is not None:
            raise self.fail(node, f"{what}: '{bad}' is not a quotation mark of 1-{MAX_MARK_CHARS} characters")
        return frozenset(marks)

    def pairs(self, node: Node, what: str) -> dict[str, frozenset[str]]:
        pairs: dict[str, frozenset[str]] = {}
        for opener, closers in self.mapping(node, what).items():
            if not 1 <= len(opener) <= MAX_MARK_CHARS:
                raise self.fail(
                    node, f"{what}: '{opener}' is not a quotation mark of 1-{MAX_MARK_CHARS} characters"
                )
            pairs[opener] = self.marks(closers, f"{what}['{opener}']")
        return pairs

    def cues(self, node: Node, what: str, allowed: frozenset[str]) -> dict[str, frozenset[str]]:
        cues: dict[str, frozenset[str]] = {}
        mapping = node.value if isinstance(node, MappingNode) else None
        if mapping is None:
            raise self.fail(node, f"{what}: expected a mapping of cue to the ways it reports")
        for key, value in mapping:
            cue = self.scalar(key, what).strip().lower()
            modes = self.words(value, f"{what}['{cue}']")
            unknown = sorted(set(modes) - allowed)
            if unknown or not modes:
                raise self.fail(
                    value, f"{what}['{cue}']: use some of {', '.join(sorted(allowed))}, not {unknown}"
                )
            cues[cue] = frozenset(modes)
        return cues

    def pattern(self, node: Node, what: str, group: str) -> re.Pattern[str]:
        try:
            pattern = re.compile(self.scalar(node, what))
        except re.error as exc:
            raise self.fail(node, f"{what}: bad regular expression ({exc})") from None
        if group not in pattern.groupindex:
            raise self.fail(node, f"{what}: the pattern needs a group named '{group}'")
        return pattern

    def positive_int(self, node: Node, what: str) -> int:
        value = self.scalar(node, what)
        if not value.isdigit() or int(value) <= 0:
            raise self.fail(node, f"{what}: expected a positive integer, got '{value}'")
        return int(value)
