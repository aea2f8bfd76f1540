"""Quotation data (data/quotes.yaml): the shipped file loads, bad files fail naming file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import DataFileError
from eventwire.quotes.rules import load_rules

MINIMAL = """\
marks:
  double: {'"': ['"']}
  single: {"'": ["'"]}
  top_level_single: []
  always_open: []
  always_close: []
max_unclosed_chars: 100
speaker_label: '(?P<speaker>[A-Z]+):\\s'
cues:
  verbs:
    say: [quote, clause]
  phrases:
    according to: [source]
title_cues: [conference]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "quotes.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_rules_load() -> None:
    rules = load_rules()
    assert rules.cue_verbs["say"] >= {"quote", "clause", "object"}
    assert "source" in rules.cue_phrases[("according", "to")]
    assert rules.marks.closers("«") == {"»"}
    assert rules.speaker_label.match("WALLACE: Do you")


def test_a_minimal_user_file_loads(tmp_path: Path) -> None:
    rules = load_rules(write(tmp_path, MINIMAL))
    assert rules.cue_verbs == {"say": {"quote", "clause"}}
    assert rules.max_unclosed_chars == 100


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("say: [quote, clause]", "say: [quote, shout]"), ":11: cues.verbs['say']: use some of"),
        (("according to: [source]", "according to: []"), ":13: cues.phrases['according to']"),
        (
            ("max_unclosed_chars: 100", "max_unclosed_chars: many"),
            ":7: max_unclosed_chars: expected a positive",
        ),
        (("'(?P<speaker>[A-Z]+):\\s'", "'([A-Z]+):'"), ":8: speaker_label: the pattern needs a group"),
        (("'(?P<speaker>[A-Z]+):\\s'", "'(?P<speaker>[A-Z'"), ":8: speaker_label: bad regular expression"),
        (("double: {'\"': ['\"']}", "double: {'\"\"\"': ['\"']}"), ":2: marks.double"),
        (("title_cues: [conference]\n", ""), "missing key 'title_cues'"),
        (("cues:\n", "cues: 3\nx:\n"), "quotes.yaml:9: cues must be a mapping"),
    ],
)
def test_bad_files_name_file_and_line(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    old, new = change
    assert old in MINIMAL
    with pytest.raises(DataFileError) as raised:
        load_rules(write(tmp_path, MINIMAL.replace(old, new)))
    assert "quotes.yaml" in str(raised.value)
    assert message in str(raised.value)


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match=r"quotes\.yaml:3: invalid YAML"):
        load_rules(write(tmp_path, "marks:\n  double: {\n  - oops\n"))
