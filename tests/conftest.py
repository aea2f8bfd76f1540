"""Shared fixtures: the spaCy model and the default pipeline load once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.nlp import load_model
from eventwire.pipeline import Pipeline

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "tass-2015-10-15.txt"


@pytest.fixture(scope="session")
def nlp():
    return load_model(Settings().spacy_model)


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline(Settings())


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The TASS seed article (read-only shared data); tests using it skip when it is absent."""
    if not SEED.exists():
        pytest.skip("../shared/seed is not available")
    return SEED.read_text(encoding="utf-8")
