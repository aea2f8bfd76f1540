"""The development set (``fixtures/dev``) stays usable for tuning: a broken gold line would
silently skew every score the coder is tuned against, so its shape is checked here, without
running the pipeline."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from eventwire.actors import default_resolver
from eventwire.evaluate.gold import GoldArticle, read_gold
from eventwire.events.codebook import load_codebook

from .conftest import FIXTURES

DEV = FIXTURES / "dev"
GOLD = DEV / "dev_gold.jsonl"
CORPUS = DEV / "corpus"
EVENT_DATE = re.compile(r"^\d{4}-(\d\d(-\d\d)?|W\d\d)$")


def actor_code_problem(code: str | None) -> str | None:
    """Why ``code`` is not a CAMEO-style actor code of the shipped dictionaries (None if it is).

    A code is a dictionary organisation's code (``IGOUNO``, ``IMGSEP``), or a country code of
    ``countries.yaml`` (``ETH``, ``XKX``) followed by at most one sector of ``sectors.yaml``.
    """
    if code is None:
        return None
    lexicon = default_resolver().lexicon
    if code in {entry.code for entry in lexicon.organisations.values()}:
        return None
    country, sector = code[:3], code[3:]
    if country not in lexicon.countries:
        return f"{code}: {country} is no country code"
    if sector and sector not in lexicon.sectors:
        return f"{code}: {sector} is no sector"
    return None


def event_problems(event: dict[str, Any]) -> list[str]:
    """What is wrong with one gold event: its codes, its root, its date."""
    problems = [
        problem for problem in map(actor_code_problem, (event["source"], event.get("target"))) if problem
    ]
    if event["source"] is None:
        problems.append("an event needs a source")
    cameo = event["cameo"]
    if cameo not in load_codebook():
        problems.append(f"{cameo}: not in the CAMEO codebook")
    if event["cameo_root"] != cameo[:2]:
        problems.append(f"{cameo}: cameo_root {event['cameo_root']} is not its first two digits")
    if not EVENT_DATE.match(event["date"]):
        problems.append(f"{event['date']}: not YYYY-MM-DD, YYYY-MM or YYYY-Www")
    if not isinstance(event["negated"], bool):
        problems.append("negated is not a boolean")
    return problems


@pytest.fixture(scope="module")
def gold() -> list[GoldArticle]:
    return list(read_gold(GOLD))


def test_every_story_has_one_gold_line_and_every_line_a_story(gold: list[GoldArticle]) -> None:
    named = [item.file for item in gold]
    assert len(named) == len(set(named)), "a story is annotated twice"
    assert sorted(named) == sorted(path.name for path in CORPUS.glob("*.txt"))


def test_every_gold_line_annotates_every_layer(gold: list[GoldArticle]) -> None:
    for item in gold:
        assert set(item.expected) == {"file", "article", "quotes", "events", "times", "places"}, item.file
        assert item.expected["article"]["published"] in item.file, item.file


def test_every_event_is_coded_with_known_codes(gold: list[GoldArticle]) -> None:
    problems = [
        f"{item.file}:{item.line}: {problem}"
        for item in gold
        for event in item.expected["events"]
        for problem in event_problems(event)
    ]
    assert problems == []


def test_every_annotated_span_is_copied_from_its_story(gold: list[GoldArticle]) -> None:
    missing = []
    for item in gold:
        story = (CORPUS / item.file).read_text(encoding="utf-8")
        spans = [quote["text"] for quote in item.expected["quotes"]]
        spans += [event["evidence"] for event in item.expected["events"]]
        spans += [entry["text"] for entry in item.expected["times"] + item.expected["places"]]
        missing += [f"{item.file}: {span!r}" for span in spans if span not in story]
    assert missing == []


@pytest.mark.parametrize(
    ("code", "wrong"),
    [
        ("ETHGUV", "GUV is no sector"),
        ("XXXGOV", "XXX is no country code"),
        ("IGOFOO", "IGO is no country code"),
    ],
)
def test_a_malformed_actor_code_is_named(code: str, wrong: str) -> None:
    assert actor_code_problem(code) == f"{code}: {wrong}"


def test_a_wrong_code_root_or_date_is_reported() -> None:
    event = {
        "source": "ETHGOV",
        "target": None,
        "cameo": "0257",
        "cameo_root": "03",
        "date": "2022-11",
        "negated": False,
    }
    assert event_problems(event) == [
        "0257: not in the CAMEO codebook",
        "0257: cameo_root 03 is not its first two digits",
    ]
    good = {**event, "cameo": "0256", "cameo_root": "02", "date": "Tuesday"}
    assert event_problems(good) == ["Tuesday: not YYYY-MM-DD, YYYY-MM or YYYY-Www"]
    assert event_problems({**good, "date": "2022-W45", "source": None}) == ["an event needs a source"]


def test_the_dev_set_is_kept_apart_from_the_examples() -> None:
    examples = {path.name for path in (Path(__file__).parent.parent / "examples" / "corpus").glob("*.txt")}
    assert examples.isdisjoint(path.name for path in CORPUS.glob("*.txt"))
