"""``eventwire eval``: run the pipeline on annotated data and score each component.

Each dataset format has a reader module exposing ``evaluate(path, pipeline) -> Report``; the
registry below maps ``--format`` names to them, imported only when asked for.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from eventwire.errors import UsageError
from eventwire.evaluate.metrics import Report, Score
from eventwire.pipeline import Pipeline

__all__ = ["EVALUATORS", "Report", "Score", "evaluate", "guess_format"]

#: ``--format`` name → module with an ``evaluate(path: Path, pipeline: Pipeline) -> Report``.
EVALUATORS = {
    "gold": "eventwire.evaluate.gold",
    "plover": "eventwire.evaluate.plover",
    "polnear": "eventwire.evaluate.polnear",
    "timeml": "eventwire.evaluate.timeml",
}


def guess_format(path: Path) -> str:
    """The format of ``path`` when the user gave none: our gold JSONL unless it looks otherwise."""
    if path.is_dir() and any(path.glob("*.tml")):
        return "timeml"
    if path.is_dir() and (path / "attributions").is_dir():
        return "polnear"
    if path.name.startswith("PLOVER") or "plover" in path.name.lower():
        return "plover"
    return "gold"


def evaluate(path: Path, format_name: str | None, pipeline: Pipeline) -> Report:
    """Score ``pipeline`` on the annotated data at ``path``."""
    if not path.exists():
        raise UsageError(f"{path}: no such file or folder")
    name = format_name or guess_format(path)
    if name not in EVALUATORS:
        raise UsageError(f"unknown eval format '{name}'; known: {', '.join(sorted(EVALUATORS))}")
    module = importlib.import_module(EVALUATORS[name])
    report: Report = module.evaluate(path, pipeline)
    return report
