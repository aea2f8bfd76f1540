"""``eventwire resolve`` and ``eventwire actors``: thin commands over the actors library."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from eventwire.cli import app

FIXTURES = Path(__file__).parent / "fixtures" / "actors"
runner = CliRunner()


def test_resolve_prints_one_contract_record_per_phrase() -> None:
    result = runner.invoke(
        app, ["resolve", "the Syrian army", "Trump", "the weather", "--date", "2015-10-15"]
    )
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records[0] == {
        "text": "the Syrian army",
        "code": "SYRMIL",
        "name": "Syria military",
        "country": "SYR",
        "sector": "MIL",
    }
    assert records[1]["code"] == "USABUS"
    assert records[2] == {"text": "the weather", "code": None, "name": None, "country": None, "sector": None}


def test_resolve_with_a_user_dictionary() -> None:
    result = runner.invoke(app, ["resolve", "the Atlantean junta", "--dict", str(FIXTURES / "override.yaml")])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["code"] == "XXAMIL"


def test_resolve_with_a_bad_dictionary_is_a_usage_error_naming_the_line() -> None:
    result = runner.invoke(app, ["resolve", "x", "--dict", str(FIXTURES / "unknown_sector.yaml")])
    assert result.exit_code == 2
    assert "unknown_sector.yaml:4" in result.stderr


def test_resolve_refuses_a_malformed_date() -> None:
    result = runner.invoke(app, ["resolve", "Trump", "--date", "15/10/2015"])
    assert result.exit_code == 2
