"""The events stage's data files: the CAMEO codebook and the pattern files, good and bad.

Both are edited by hand (users add pattern files), so every mistake must be reported with the
file and line it is on; these tests feed small broken files to the loaders.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import DataFileError
from eventwire.events import load_codebook, load_patterns
from eventwire.events.codebook import PLOVER_TYPES, parse_codebook
from eventwire.events.patterns import parse_patterns

# -- the shipped codebook ----------------------------------------------------------------------


def test_shipped_codebook_is_complete():
    codebook = load_codebook()
    assert len(codebook) >= 300
    assert {f"{root:02d}" for root in range(1, 21)} <= set(codebook.codes)
    for code, row in codebook.codes.items():
        assert len(code) == 2 or code[:-1] in codebook, f"{code} has no parent"
        assert -10 <= row.goldstein <= 10
        assert row.plover_type is None or row.plover_type in PLOVER_TYPES


@pytest.mark.parametrize(
    ("code", "reading", "expected"),
    [
        ("072", "intended", "0332"),  # plans to send weapons: intent to give military aid
        ("190", "intended", "1384"),  # plans to attack: a threat of conventional attack
        ("072", "appeal", "0232"),  # should send weapons: appeal for military aid
        ("1056", "appeal", "1056"),  # a demand appealed for stays a demand (null rewrite)
        ("0841", "rejected", "1243"),  # refused to release prisoners
        ("046", "rejected", "125"),  # refused to negotiate
        ("190", "rejected", "190"),  # a refused attack is only a negated attack
    ],
)
def test_modal_rewrites(code, reading, expected):
    assert load_codebook().modal_code(code, reading) == expected


def test_intent_and_appeal_are_never_material():
    codebook = load_codebook()
    for reading in ("intended", "appeal", "rejected"):
        for prefix, target in codebook.modal_codes[reading].items():
            if target is not None:
                assert not codebook[target].is_material, f"{reading}: {prefix} -> {target}"


# -- bad codebooks -----------------------------------------------------------------------------

_ROWS = """codes:
  "01": {description: "Statement", goldstein: 0.0, quad_class: 1, plover: {event_type: null}}
  "010": {description: "Statement", goldstein: GOLDSTEIN, quad_class: QUAD, plover: {event_type: TYPE}}
"""


_ORPHAN = '  "0213": {description: "x", goldstein: 0, quad_class: 1, plover: {event_type: }}\n'


def codebook_text(goldstein: str = "0.0", quad: str = "1", plover: str = "null", extra: str = "") -> str:
    return _ROWS.replace("GOLDSTEIN", goldstein).replace("QUAD", quad).replace("TYPE", plover) + extra


def test_a_valid_small_codebook_loads():
    codebook = parse_codebook("mini.yaml", codebook_text())
    assert codebook["010"].description == "Statement"
    assert codebook.modal_code("010", "intended") == "010"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (codebook_text(goldstein="11"), "mini.yaml:3: code 010: goldstein must be a number from -10 to 10"),
        (codebook_text(goldstein="high"), "mini.yaml:3: code 010: goldstein must be a number"),
        (codebook_text(quad="4"), "mini.yaml:3: code 010: quad_class must be 1 for root 01"),
        (codebook_text(plover="BOMB"), "mini.yaml:3: code 010: unknown PLOVER event type 'BOMB'"),
        (
            codebook_text(extra='  "99": {description: "x", goldstein: 0.0, quad_class: 1, plover: {}}\n'),
            "mini.yaml:4: '99' is not a CAMEO code",
        ),
        (
            codebook_text(extra=_ORPHAN),
            "mini.yaml:4: code 0213: parent code 021 is missing",
        ),
        (
            codebook_text(extra='modal_codes:\n  intended: {"010": "0399"}\n'),
            "mini.yaml:5: modal_codes.intended: '010: 0399' names an unknown code",
        ),
        (
            codebook_text(extra="modal_codes:\n  wished: {}\n"),
            "modal_codes must map intended / appeal / rejected",
        ),
        ('codes:\n  "01": {description: x}\n  "010": a: b\n', "mini.yaml:3: invalid YAML"),
        ("- just a list\n", "mini.yaml:1: expected a mapping at the top level"),
    ],
)
def test_bad_codebooks_name_file_and_line(text, message):
    with pytest.raises(DataFileError) as failure:
        parse_codebook("mini.yaml", text)
    assert message in str(failure.value)


# -- the shipped patterns ----------------------------------------------------------------------


def test_shipped_patterns_load():
    patterns = load_patterns()
    assert len(patterns) >= 250
    assert {"deliver", "take"} <= set(patterns.light_verbs)
    assert "ready" in patterns.adjectives and "message" in patterns.containers
    assert "plan" in patterns.modality.intended and "refuse" in patterns.modality.refusals


# -- bad pattern files -------------------------------------------------------------------------


def parse(text: str, label: str = "mine.yaml"):
    return parse_patterns([(label, text)], load_codebook())


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            'verbs:\n  - {id: a, lemmas: [hit], code: "190"}\n  - {id: b, lemmas: [hit], code: "999"}\n',
            "mine.yaml:3: pattern 'b': code '999' is not in the CAMEO codebook",
        ),
        ("verbs:\n  - {id: a, lemmas: [hit], code: 190}\n", "mine.yaml:2: pattern 'a': code 190 is not"),
        (
            'verbs:\n  - {id: a, lemmas: [hit], code: "190"}\n  - {id: a, lemmas: [strike], code: "190"}\n',
            "mine.yaml:3: duplicate pattern id 'a' (first at mine.yaml:2)",
        ),
        (
            'verbs:\n  - {id: a, lemmas: [hit], code: "190", preposition: at}\n',
            "mine.yaml:2: unknown key(s) preposition; allowed:",
        ),
        (
            # YAML 1.1 reads an unquoted `on` as true: the message says to quote it
            'verbs:\n  - {id: a, lemmas: [call], prep: on, code: "020"}\n',
            "mine.yaml:2: 'prep' must be a single word (quote words YAML reads as true/false",
        ),
        ('verbs:\n  - {id: a, code: "190"}\n', "mine.yaml:2: pattern 'a' needs 'lemmas'"),
        ('verbs:\n  - {lemmas: [hit], code: "190"}\n', "mine.yaml:2: pattern needs an 'id'"),
        (
            'nouns:\n  - {id: a, lemmas: [talk], code: "046", symmetric: "yes please"}\n',
            "mine.yaml:2: pattern 'a': 'symmetric' must be true or false",
        ),
        ("verbs: {hit: 190}\n", "mine.yaml:1: 'verbs' must be a list"),
        ("verbz:\n  - {}\n", "mine.yaml:1: unknown section(s) verbz"),
        ("light_verbs:\n  - {lemma: deliver, via: to}\n", "mine.yaml:2: light verb: unknown key(s) via"),
        ("light_verbs:\n  - {prep: to}\n", "mine.yaml:2: light_verbs: every entry needs a 'lemma'"),
        ("modality:\n  wishful: [hope]\n", "'modality' must be a mapping with keys among"),
        ("containers: [message, 7]\n", "'containers' must be a word or a list of words"),
    ],
)
def test_bad_pattern_files_name_file_and_line(text, message):
    with pytest.raises(DataFileError) as failure:
        parse(text)
    assert message in str(failure.value)


def test_user_patterns_come_first_and_may_reuse_shipped_ids(tmp_path: Path):
    user = tmp_path / "mine.yaml"
    user.write_text('verbs:\n  - {id: attack, lemmas: [attack], code: "195"}\n', encoding="utf-8")
    patterns = load_patterns((user,))
    first = patterns.verbs["attack"][0]
    assert (first.code, first.origin) == ("195", f"{user}:2")
    assert len(patterns.verbs["attack"]) > 1, "the shipped patterns are still there"


def test_unreadable_user_file_is_a_data_file_error(tmp_path: Path):
    with pytest.raises(DataFileError, match="cannot read"):
        load_patterns((tmp_path / "missing.yaml",))
