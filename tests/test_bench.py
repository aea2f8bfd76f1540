"""``eventwire bench``: the story generator is deterministic and the report has its promised shape.

Speed is never asserted here (benchmarks measure it); only shapes, determinism and bad input.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.bench import report as bench_report
from eventwire.bench.corpus import StoryGenerator, load_templates, sample_sentences, write_corpus
from eventwire.cli import app
from eventwire.errors import DataFileError, UsageError

REPO = Path(__file__).parent.parent


def test_same_seed_same_stories_and_a_corpus_is_a_prefix_of_a_larger_one() -> None:
    first = list(StoryGenerator(seed=3).stories(20))
    assert first == list(StoryGenerator(seed=3).stories(20))
    assert first[:5] == list(StoryGenerator(seed=3).stories(5))
    assert first != list(StoryGenerator(seed=4).stories(20))


def test_stories_are_varied_wire_copy() -> None:
    stories = list(StoryGenerator(seed=0).stories(50))
    assert len({story.text for story in stories}) == 50
    assert len({story.name.split("-")[0] for story in stories}) >= 4  # several agencies
    words = [len(story.text.split()) for story in stories]
    assert 150 < sum(words) / len(words) < 500
    assert all("{" not in story.text for story in stories)  # every slot filled
    assert any('"' in story.text and " said" in story.text for story in stories)


def test_sample_corpus_sentences_are_mixed_in_deterministically() -> None:
    samples = sample_sentences(REPO / "examples" / "corpus")
    assert len(samples) > 100
    mixed = list(StoryGenerator(seed=1, samples=samples).stories(30))
    assert mixed == list(StoryGenerator(seed=1, samples=samples).stories(30))
    assert any(sample in story.text for story in mixed for sample in samples[:200])


def test_write_corpus_writes_named_files(tmp_path: Path) -> None:
    words = write_corpus(tmp_path, 4, seed=2)
    files = sorted(tmp_path.iterdir())
    assert len(files) == 4 and words == sum(len(path.read_text().split()) for path in files)
    assert all(path.name.endswith(".txt") and "-20" in path.name for path in files)  # agency-date-n


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "actions:\n  - 'attacked {target}'\n  - 'hugged {victim}'\n",
            r"bench\.yaml:3: unknown slot\(s\) victim",
        ),
        ("sentences:\n  - 'unclosed {brace'\n", r"bench\.yaml:2: bad template"),
        ("actions: [\n", r"bench\.yaml:2: invalid YAML"),
        ("- a list\n", r"bench\.yaml:1: expected a mapping"),
        ("actions:\n  - 'attacked {target}'\n", r"bench\.yaml:1: section 'agencies' is missing"),
    ],
)
def test_bad_templates_name_file_and_line(text: str, message: str) -> None:
    with pytest.raises(DataFileError, match=message):
        load_templates(text, label="bench.yaml")


def test_shipped_templates_load() -> None:
    assert len(load_templates()["actions"]) >= 10


@pytest.mark.slow
def test_report_shape(monkeypatch: pytest.MonkeyPatch) -> None:
    # Stages trimmed to keep the test short; the shape does not depend on them.
    monkeypatch.setenv("EVENTWIRE_STAGES", "clean,dateline,nlp")
    report = bench_report.build_report(6, only=["pipeline"], workers=2, rss_scale=2)

    assert list(report)[:2] == ["ratios", "absolute"]  # machine-independent figures first
    ratios = report["ratios"]
    for key in (
        "end_to_end_vs_spacy",
        "end_to_end_vs_spacy_cpu",
        "peak_rss_2x_vs_1x",
        "workers_2_vs_1",
        "workers_2_vs_1_cpu_bound",
    ):
        assert isinstance(ratios[key], float) and ratios[key] > 0, key
    for shares in ("stage_shares", "stage_shares_cpu"):
        assert set(ratios[shares]) == {"clean", "dateline", "nlp", "read_dedup_store"}
        assert sum(ratios[shares].values()) == pytest.approx(1.0, abs=0.01)
        assert ratios[shares]["nlp"] > 0
    absolute = report["absolute"]
    assert absolute["stored"] == absolute["parsed_articles"] == 6 and absolute["failures"] == 0
    assert set(absolute["peak_rss"]) == {"6", "12"}
    for key in (
        "spacy_words_per_s",
        "end_to_end_words_per_s",
        "workers_2_words_per_s",
        "sqlite_articles_per_s",
    ):
        assert absolute[key] > 0, key
    assert report["areas"] == {}
    assert report["meta"]["articles"] == 6 and "load_average_before" in report["meta"]
    json.dumps(report)  # the CLI writes it as JSON


def test_areas_are_discovered_by_module_name_and_failures_reported() -> None:
    assert "ingest" in bench_report.area_benchmarks()
    assert "corpus" not in bench_report.known_areas() and "pipeline" in bench_report.known_areas()
    with pytest.raises(UsageError, match="nonesuch"):
        bench_report.build_report(1, only=["nonesuch"])
    assert bench_report._run_area(lambda: {"x": 1.0})["x"] == 1.0
    assert bench_report._run_area(lambda: 1 // 0) == {
        "error": "ZeroDivisionError: integer division or modulo by zero"
    }


def test_selected_area_goes_under_its_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bench_report, "area_benchmarks", lambda: {"geo": lambda: {"lookups_per_s": 5.0}})
    report = bench_report.build_report(1, only=["geo"])
    assert report["areas"]["geo"]["lookups_per_s"] == 5.0
    assert "ratios" not in report


def test_cli_generates_a_corpus_and_rejects_unknown_areas(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["bench", "--articles", "3", "--generate", str(tmp_path / "c")])
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "c").iterdir())) == 3
    result = CliRunner().invoke(app, ["bench", "--only", "nonesuch", "-o", str(tmp_path / "r.json")])
    assert result.exit_code == 2
    assert not (tmp_path / "r.json").exists()
