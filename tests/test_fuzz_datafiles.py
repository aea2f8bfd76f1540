"""Fuzzed dictionary and rule files: every loader refuses a bad file with a DataFileError.

Users extend the actor dictionaries, cleanup rules and event patterns with files of their own,
and edit the shipped ones; a typo, a truncated copy or a hostile file (YAML bombs, deep
nesting, python tags) must come back as ``DataFileError`` naming the file, never as a stack
trace or a hang.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given

from eventwire.errors import DataFileError

from .fuzzing import DATA_LOADERS, HOSTILE_YAML, TARGETS, check_data_file
from .hypothesis_profiles import examples


@examples(1.0)
@given(TARGETS["data-files"].strategy)
def test_every_loader_refuses_a_broken_file_by_name(value: tuple[str, bytes]) -> None:
    check_data_file(*value)


@pytest.mark.parametrize("loader", sorted(DATA_LOADERS))
@pytest.mark.parametrize("text", HOSTILE_YAML, ids=range(len(HOSTILE_YAML)))
def test_hostile_yaml_is_a_data_file_error(loader: str, text: str) -> None:
    check_data_file(loader, text.encode("utf-8"))


@pytest.mark.parametrize("loader", sorted(DATA_LOADERS))
def test_a_file_that_is_not_utf8_is_a_data_file_error(loader: str) -> None:
    check_data_file(loader, b"rules:\n  - name: caf\xe9\n")


@pytest.mark.parametrize("loader", sorted(DATA_LOADERS))
def test_deep_nesting_names_the_file(loader: str, tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("rules: " + "[" * 1000 + "]" * 1000, encoding="utf-8")
    try:
        DATA_LOADERS[loader][1](path)
    except DataFileError as exc:
        assert str(path) in exc.message
    else:
        pytest.fail("a 1000-deep list was accepted as a data file")


@pytest.mark.parametrize(
    "text",
    [
        # found by the long fuzz run: a list where a name belongs was hashed, a TypeError
        "place_aliases:\n  - place: Paris\n    country: [FRA]\n    aliases: [City of Light]\n",
        "place_aliases:\n  - place: [Paris]\n    country: FRA\n    aliases: [City of Light]\n",
        "places:\n  - {name: Hmeymim, precision: [city], country: SYR, lat: 35.4, lon: 35.9}\n",
        "places:\n  - {name: Hmeymim, precision: city, country: {SYR: 1}, lat: 35.4, lon: 35.9}\n",
    ],
)
def test_a_list_or_mapping_where_a_place_name_belongs_is_a_data_file_error(text: str) -> None:
    check_data_file("places", text.encode("utf-8"))
