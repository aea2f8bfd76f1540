"""``scripts/fuzz_long.py``: time-boxed fuzzing that counts inputs and reports each distinct crash."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import strategies as st

from . import fuzzing
from .fuzzing import Target

SCRIPT = Path(__file__).parent.parent / "scripts" / "fuzz_long.py"


@pytest.fixture(scope="module")
def fuzz_long() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fuzz_long", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_target_runs_for_its_time_and_counts_inputs(fuzz_long: ModuleType) -> None:
    result = fuzz_long.fuzz_target("dateline", 1.0)
    assert result["target"] == "dateline" and result["inputs_tried"] > 10
    assert result["crashes"] == [] and 1.0 <= result["seconds"] < 30


def test_a_crashing_target_is_reported_once_per_distinct_error(
    fuzz_long: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    def check(value: int) -> None:
        if value > 1000:
            raise KeyError("too big")

    monkeypatch.setitem(fuzzing.TARGETS, "broken", Target(st.integers(), check))
    result = fuzz_long.fuzz_target("broken", 1.0)
    assert [crash["error"] for crash in result["crashes"]] == ["KeyError: 'too big'"]
    assert result["crashes"][0]["count"] >= 1 and "too big" in result["crashes"][0]["traceback"]


def test_the_script_lists_every_target(fuzz_long: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    assert fuzz_long.main(["--list"]) == 0
    assert capsys.readouterr().out.split() == sorted(fuzzing.TARGETS)
