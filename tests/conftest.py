"""Shared fixtures: the spaCy model and the default pipeline load once per test session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.nlp import load_model
from eventwire.pipeline import Pipeline
from eventwire.store import Store, open_store

from .hypothesis_profiles import load_profile
from .stores import BACKENDS, fresh_store_url

load_profile()  # ci unless EVENTWIRE_HYPOTHESIS_PROFILE says otherwise

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
def actors_pipeline(nlp) -> Pipeline:
    """The stages up to the actors stage only, for tests of mentions and coreference."""
    return Pipeline(Settings(stages=("clean", "dateline", "language", "nlp", "actors")))


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The TASS seed article (read-only shared data); tests using it skip when it is absent."""
    if not SEED.exists():
        pytest.skip("../shared/seed is not available")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty store location per backend (SQLite file, PostgreSQL schema): see tests/stores.py."""
    with fresh_store_url(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """An open, empty store of each backend; storage tests taking it run on both."""
    with open_store(store_url) as opened:
        yield opened
