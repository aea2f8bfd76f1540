"""Scores shared by every evaluation: counts of true/false positives and the usual ratios."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Score:
    """Precision/recall/F1 of one component, from counts (so scores add up across documents).

    For accuracy-style measures (e.g. value accuracy on matched time expressions) use
    ``correct``/``total``; ``accuracy`` is then reported instead of P/R/F1.
    """

    component: str
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    correct: int = 0
    total: int = 0
    notes: dict[str, Any] = field(default_factory=dict)

    @property
    def precision(self) -> float | None:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else None

    @property
    def recall(self) -> float | None:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else None

    @property
    def f1(self) -> float | None:
        precision, recall = self.precision, self.recall
        if precision is None or recall is None or precision + recall == 0:
            return None if precision is None or recall is None else 0.0
        return 2 * precision * recall / (precision + recall)

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None

    def add(self, true_positives: int = 0, false_positives: int = 0, false_negatives: int = 0) -> None:
        self.true_positives += true_positives
        self.false_positives += false_positives
        self.false_negatives += false_negatives

    def count(self, is_correct: bool) -> None:
        """Add one accuracy trial."""
        self.total += 1
        self.correct += int(is_correct)

    def to_record(self) -> dict[str, Any]:
        def rounded(value: float | None) -> float | None:
            return None if value is None else round(value, 4)

        return {
            "component": self.component,
            "precision": rounded(self.precision),
            "recall": rounded(self.recall),
            "f1": rounded(self.f1),
            "tp": self.true_positives,
            "fp": self.false_positives,
            "fn": self.false_negatives,
            "accuracy": rounded(self.accuracy),
            "correct": self.correct,
            "total": self.total,
            **({"notes": self.notes} if self.notes else {}),
        }


def match_counts(expected: list[Any], found: list[Any]) -> tuple[int, int, int]:
    """(tp, fp, fn) of two multisets of hashable keys: each expected item matches at most once."""
    remaining = list(found)
    true_positives = 0
    for item in expected:
        if item in remaining:
            remaining.remove(item)
            true_positives += 1
    return true_positives, len(remaining), len(expected) - true_positives


@dataclass(slots=True)
class Report:
    """The scores of one evaluation run, plus what was evaluated (for the printed header)."""

    dataset: str
    documents: int = 0
    scores: dict[str, Score] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)

    def score(self, component: str) -> Score:
        """The score of ``component``, created on first use (keeps insertion order for printing)."""
        if component not in self.scores:
            self.scores[component] = Score(component)
        return self.scores[component]

    def to_record(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "documents": self.documents,
            "failures": self.failures,
            "scores": [score.to_record() for score in self.scores.values()],
        }
