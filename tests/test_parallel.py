"""``eventwire run --workers N``: a pool of pipeline processes must store what one process stores."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.bench.corpus import StoryGenerator
from eventwire.cli import app
from eventwire.config import Settings
from eventwire.errors import UsageError
from eventwire.parallel import ParallelPipeline, stage_modules
from eventwire.runner import run
from eventwire.store import open_store
from tests.parallel_helpers import CRASH_MARKER, RAISE_MARKER, store_content

REPO = Path(__file__).parent.parent
CORPUS = REPO / "examples" / "corpus"
#: Stages that need no spaCy model: the parallel machinery is tested quickly with these.
LIGHT = ("clean", "dateline")


def generated(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for story in StoryGenerator(seed=7).stories(count):
        path = folder / story.name
        path.write_text(story.text, encoding="utf-8")
        paths.append(path)
    return paths


def run_into(db: Path, inputs: list[Path], settings: Settings, workers: int):  # type: ignore[no-untyped-def]
    with open_store(db) as store:
        return run([str(path) for path in inputs], store, settings, workers=workers)


@pytest.mark.slow
def test_two_workers_store_exactly_what_one_process_stores(tmp_path: Path) -> None:
    one = run_into(tmp_path / "one.db", [CORPUS], Settings(), workers=1)
    two = run_into(tmp_path / "two.db", [CORPUS], Settings(), workers=2)

    assert (two.stored, two.events, two.quotes, two.duplicates) == (
        one.stored,
        one.events,
        one.quotes,
        one.duplicates,
    )
    assert one.events > 0 and one.duplicates == 1  # the corpus holds a syndicated copy
    assert store_content(tmp_path / "two.db") == store_content(tmp_path / "one.db")


def test_store_comparison_sees_a_difference(tmp_path: Path) -> None:
    stories = generated(tmp_path / "in", 3)
    run_into(tmp_path / "one.db", stories, Settings(stages=LIGHT), workers=1)
    run_into(tmp_path / "two.db", stories[:2], Settings(stages=LIGHT), workers=1)
    assert store_content(tmp_path / "one.db") != store_content(tmp_path / "two.db")


def test_failing_inputs_in_workers_are_named_and_the_rest_stored(tmp_path: Path) -> None:
    stories = generated(tmp_path / "in", 20)
    bad_stage = tmp_path / "in" / "bad-stage.txt"
    bad_stage.write_text(f"Headline\n\nMOSCOW (AP) - Text that {RAISE_MARKER} the stage.\n", encoding="utf-8")
    binary = tmp_path / "in" / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    settings = Settings(stages=(*LIGHT, "explode"))

    summary = run_into(tmp_path / "run.db", [tmp_path / "in", tmp_path / "missing.txt"], settings, workers=2)

    failed = {Path(failure.source).name: failure.reason for failure in summary.failures}
    assert set(failed) == {"bad-stage.txt", "binary.txt", "missing.txt"}
    assert "exploded on purpose" in failed["bad-stage.txt"]
    assert summary.stored == len(stories)
    with open_store(tmp_path / "run.db", read_only=True) as store:
        assert store.counts()["articles"] == len(stories)


def test_a_worker_crash_is_reported_by_name_and_does_not_stop_the_run(tmp_path: Path) -> None:
    stories = generated(tmp_path / "in", 40)
    crash = tmp_path / "in" / "crash.txt"
    crash.write_text(f"Headline\n\nPARIS (AP) - A story that {CRASH_MARKER} its worker.\n", encoding="utf-8")
    settings = Settings(stages=(*LIGHT, "crash"))

    summary = run_into(tmp_path / "run.db", [tmp_path / "in"], settings, workers=2)

    assert [(Path(f.source).name, "crashed" in f.reason) for f in summary.failures] == [("crash.txt", True)]
    assert summary.stored == len(stories)


def test_a_rerun_with_workers_skips_stored_articles(tmp_path: Path) -> None:
    stories = generated(tmp_path / "in", 5)
    settings = Settings(stages=LIGHT)
    run_into(tmp_path / "run.db", stories, settings, workers=2)
    again = run_into(tmp_path / "run.db", stories, settings, workers=2)
    assert (again.stored, again.already_stored) == (0, 5)


def test_worker_count_and_stage_names_are_checked_before_any_worker_starts() -> None:
    with pytest.raises(UsageError):
        ParallelPipeline(Settings(stages=LIGHT), 0)
    with pytest.raises(Exception, match="unknown stage 'nonesuch'"):
        ParallelPipeline(Settings(stages=("clean", "nonesuch")), 2)


def test_workers_import_the_modules_that_register_the_stages() -> None:
    assert stage_modules(Settings(stages=(*LIGHT, "crash"))) == (
        "eventwire.clean",
        "eventwire.dateline",
        "tests.parallel_helpers",
    )


def test_cli_runs_with_workers_and_rejects_dask_options_for_the_local_engine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EVENTWIRE_STAGES", ",".join(LIGHT))
    stories = generated(tmp_path / "in", 4)
    db = tmp_path / "cli.db"
    result = CliRunner().invoke(app, ["run", str(tmp_path / "in"), "--db", str(db), "--workers", "2", "-q"])
    assert result.exit_code == 0, result.output
    assert "4 article(s) stored" in result.output
    assert len(stories) == 4

    result = CliRunner().invoke(
        app, ["run", str(tmp_path / "in"), "--db", str(db), "--scheduler", "tcp://x:1"]
    )
    assert result.exit_code == 2
    result = CliRunner().invoke(app, ["run", str(tmp_path / "in"), "--db", str(db), "--workers", "0"])
    assert result.exit_code == 2
