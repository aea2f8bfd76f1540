"""The shared YAML reader: values and nodes keep their lines, every failure names the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from yaml.nodes import MappingNode

from eventwire import datafile
from eventwire.errors import DataFileError

TEXT = "# a comment\nsections:\n  words:\n    - one\n    - two\n  table:\n    one: 1\n"


def test_loaded_mappings_and_lists_remember_the_line_they_start_on() -> None:
    data = datafile.load_mapping("mini.yaml", TEXT)
    assert data == {"sections": {"words": ["one", "two"], "table": {"one": 1}}}
    assert data.line == 2
    assert data["sections"].line == 3
    assert isinstance(data["sections"]["words"], datafile.LineList)
    assert data["sections"]["words"].line == 4
    assert datafile.line_of(data["sections"]["table"]) == 7
    assert datafile.line_of("one") is None


def test_composed_nodes_keep_their_marks_and_duplicate_keys() -> None:
    root = datafile.compose("mini.yaml", "a: 1\nb: 2\na: 3\n")
    assert isinstance(root, MappingNode)
    # Both "a" keys survive composition, so a caller that refuses duplicates can name the second.
    keys = [(key.value, datafile.line_of(key)) for key, _ in root.value]
    assert keys == [("a", 1), ("b", 2), ("a", 3)]
    assert datafile.compose("empty.yaml", "") is None


def test_fail_and_locate_name_the_line_when_it_is_known() -> None:
    data = datafile.load_mapping("mini.yaml", TEXT)
    assert str(datafile.fail("mini.yaml", data["sections"], "bad")) == "[E200] mini.yaml:3: bad"
    assert datafile.locate("mini.yaml", 12) == "mini.yaml:12"
    assert datafile.locate("mini.yaml", "a scalar") == "mini.yaml"
    assert datafile.locate("mini.yaml", None) == "mini.yaml"


def test_the_shipped_files_and_user_files_are_read_with_their_labels(tmp_path: Path) -> None:
    label, text = datafile.read("cleanup.yaml")
    assert label == "eventwire/data/cleanup.yaml" and "rules" in text
    label, _ = datafile.shipped("actors/sectors.yaml")
    assert label == "eventwire/data/actors/sectors.yaml"
    path = tmp_path / "mine.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    assert datafile.read("cleanup.yaml", path) == (str(path), "a: 1\n")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: 1\nb: [1, 2\nc: 3\n", r"^\[E200\] mini\.yaml:3: invalid YAML"),
        # A bad value is refused where it is converted, which knows no line.
        ("a: !!int nine\n", r"^\[E200\] mini\.yaml: invalid YAML"),
        ("a: !!timestamp 2020-13-45\n", r"^\[E200\] mini\.yaml: invalid YAML"),
        ("a: !!python/object:os.system {}\n", r"^\[E200\] mini\.yaml:1: invalid YAML"),
        ("a: " + "[" * 5000 + "]" * 5000 + "\n", r"^\[E200\] mini\.yaml(:\d+)?: invalid YAML"),
        ("- a list\n", r"^\[E200\] mini\.yaml:1: expected a mapping at the top level"),
        ("just words\n", r"^\[E200\] mini\.yaml:1: expected a mapping at the top level"),
        ("", r"^\[E200\] mini\.yaml:1: expected a mapping at the top level"),
    ],
)
def test_bad_yaml_is_a_data_file_error_naming_file_and_line(text: str, message: str) -> None:
    with pytest.raises(DataFileError, match=message):
        datafile.load_mapping("mini.yaml", text)


@pytest.mark.parametrize(
    "text",
    ["a: [\n", "a: " + "[" * 5000 + "]" * 5000 + "\n", "a: &x\n  b: *y\n"],
    ids=["open", "deep", "alias"],
)
def test_compose_refuses_bad_yaml_naming_the_file(text: str) -> None:
    with pytest.raises(DataFileError, match=r"^\[E200\] mini\.yaml:\d+: (invalid YAML|nested deeper)"):
        datafile.compose("mini.yaml", text)


def test_compose_refuses_nesting_that_would_crash_the_c_composer() -> None:
    text = "a:\n  b:\n    " + "- " * 100_000 + "x\n"
    with pytest.raises(
        DataFileError, match=rf"^\[E200\] mini\.yaml:3: nested deeper than {datafile.MAX_DEPTH}"
    ):
        datafile.compose("mini.yaml", text)
    inside_the_top_mapping = datafile.MAX_DEPTH - 1
    assert datafile.compose("mini.yaml", "a: " + "[" * inside_the_top_mapping + "]" * inside_the_top_mapping)


def test_an_unreadable_file_is_a_data_file_error(tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    with pytest.raises(DataFileError, match=r"missing\.yaml: cannot read actor dictionary \("):
        datafile.user_file(missing, "actor dictionary")
    with pytest.raises(DataFileError, match=r"missing\.yaml: cannot read \("):
        datafile.read("cleanup.yaml", missing)
    with pytest.raises(DataFileError, match="cannot read"):
        datafile.user_file(tmp_path)  # a folder


def test_a_file_that_is_not_utf8_is_a_data_file_error(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"name: caf\xe9\n")
    with pytest.raises(DataFileError, match=r"latin1\.yaml: cannot read .*utf-8"):
        datafile.user_file(path)
