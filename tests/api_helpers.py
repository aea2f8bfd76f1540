"""The sample store the API and browser tests read: examples/corpus through the real pipeline.

Built once per test session (the pipeline takes a while) into a temporary folder, whichever
test module asks first, and opened read-only by the tests; tests that write copy it first.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eventwire.pipeline import Pipeline
from eventwire.runner import run
from eventwire.store import open_store

CORPUS = Path(__file__).parent.parent / "examples" / "corpus"

_built: dict[str, Path] = {}


def sample_store(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Path:
    """Path of the SQLite store holding the sample corpus (built on first use)."""
    if "sample" not in _built:
        path = tmp_path_factory.mktemp("api-sample") / "sample.db"
        with open_store(path) as store:
            summary = run([str(CORPUS)], store, pipeline=pipeline)
        assert not summary.failures, summary.failures
        _built["sample"] = path
    return _built["sample"]


def copy_store(source: Path, folder: Path) -> Path:
    """A writable copy of a (closed, checkpointed) SQLite store."""
    target = folder / source.name
    shutil.copyfile(source, target)
    return target
