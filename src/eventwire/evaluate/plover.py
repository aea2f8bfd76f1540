"""PLOVER gold-standard records (``PLOVER_GSR_CAMEO.txt``): reader and actor scoring.

The file is "lenient JSON": one array of objects, with trailing commas before ``}`` and ``]``.
:func:`read_plover_records` strips those commas with a string-aware scan (a regex would also
rewrite commas inside sentences), then decodes the array one top-level object at a time, so a
malformed record is reported by id and line and the rest of the file is still read.

Scoring is split into one function per component so that other components (event type, mode)
can be added to :func:`evaluate` without touching the actor scoring.

How gold actors are matched to ours (see :func:`score_actors`): each record's sentence is run
through the pipeline; for every gold source/target actor we look for the resolved actor of its
``actorText``: first the source/target of an extracted event whose text overlaps the actor text,
else the resolved mentions inside the span where the actor text occurs in the sentence (via
:func:`eventwire.actors.mention_for_span`), else the phrase resolved on its own. The predicted
"country" is the actor's ISO country, or the three-letter type prefix of a non-state code (IGO,
NGO, IMG, KUR…); the gold code is normalised for the few non-ISO codes the records use (JAP,
ITL, VTN). Sector accuracy counts only gold actors that carry a sector (its first three letters;
ethnic/religious suffixes such as ``CVLalb`` are ignored; ``***`` means "coder unsure" and is
skipped).
"""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.errors import InputError
from eventwire.evaluate.metrics import Report
from eventwire.model import Actor, Article
from eventwire.pipeline import Pipeline

log = logging.getLogger(__name__)

#: Codes in the gold records that are not ISO 3166 alpha-3, mapped to the ISO code.
GOLD_COUNTRY_FIXES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
#: Gold sector spellings that mean one of ours.
GOLD_SECTOR_FIXES = {"CIV": "CVL", "JRN": "MED"}
#: How many misses of each kind a report lists.
MISSES_SHOWN = 25


@dataclass(slots=True, frozen=True)
class PloverActor:
    """One gold source or target actor: its words in the sentence and its code and sector."""

    text: str
    code: str
    sector: str | None = None


@dataclass(slots=True)
class PloverRecord:
    """One gold record: a sentence with its coded event and actors."""

    record_id: str
    event: str
    text: str
    date: date | None
    sources: list[PloverActor] = field(default_factory=list)
    targets: list[PloverActor] = field(default_factory=list)
    event_text: str | None = None
    mode: str | None = None
    context: str | None = None
    line: int = 0
    raw: dict[str, Any] = field(default_factory=dict, repr=False)


ErrorHandler = Callable[[str], None]


def _warn(message: str) -> None:
    log.warning("%s", message)


def read_plover_records(path: Path | str, on_error: ErrorHandler | None = None) -> Iterator[PloverRecord]:
    """Yield the gold records of ``path`` in file order.

    Documentation records (no sentence) are skipped. A record that cannot be decoded, or a field
    of the wrong shape, is reported through ``on_error`` (default: a logged warning) with its
    id and line, and reading goes on; an unreadable or non-array file raises ``InputError``.
    """
    report = on_error or _warn
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read PLOVER records ({exc})") from None
    cleaned = _strip_trailing_commas(text)
    for line, chunk in _top_level_objects(cleaned, path):
        try:
            data = json.loads(chunk)
        except json.JSONDecodeError as exc:
            report(f"{path}:{line + exc.lineno - 1}: record {_guess_id(chunk)} is not valid JSON: {exc.msg}")
            continue
        record = _record_from(data, line, path, report)
        if record is not None:
            yield record


def _strip_trailing_commas(text: str) -> str:
    """Drop commas that only whitespace separates from a closing ``}`` or ``]``, outside strings."""
    out: list[str] = []
    in_string = False
    index = 0
    while index < len(text):
        char = text[index]
        if in_string:
            out.append(char)
            if char == "\\" and index + 1 < len(text):
                out.append(text[index + 1])
                index += 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
            out.append(char)
        elif char == ",":
            following = index + 1
            while following < len(text) and text[following].isspace():
                following += 1
            if following >= len(text) or text[following] not in "}]":
                out.append(char)
        else:
            out.append(char)
        index += 1
    return "".join(out)


def _top_level_objects(text: str, path: Path) -> Iterator[tuple[int, str]]:
    """(line, text) of each object directly inside the file's top-level array."""
    start_of_array = text.lstrip()
    if not start_of_array.startswith("["):
        raise InputError(f"{path}: expected a JSON array of PLOVER records")
    depth = 0
    in_string = False
    escaped = False
    begin = -1
    line = 1
    begin_line = 1
    for index, char in enumerate(text):
        if char == "\n":
            line += 1
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
            continue
        if char == '"':
            in_string = True
        elif char in "{[":
            depth += 1
            if depth == 2 and char == "{":
                begin, begin_line = index, line
        elif char in "}]":
            depth -= 1
            if depth == 1 and begin >= 0:
                yield begin_line, text[begin : index + 1]
                begin = -1
    if depth != 0 or in_string:
        raise InputError(f"{path}: unbalanced brackets or quotes; the file is truncated or malformed")


_ID_PATTERN = re.compile(r'"id"\s*:\s*"([^"]*)"')


def _guess_id(chunk: str) -> str:
    match = _ID_PATTERN.search(chunk)
    return match.group(1) if match else "(no id)"


def _record_from(data: Any, line: int, path: Path, report: ErrorHandler) -> PloverRecord | None:
    if not isinstance(data, dict):
        report(f"{path}:{line}: expected an object, found {type(data).__name__}")
        return None
    record_id = str(data.get("id") or f"(line {line})")
    if not data.get("text"):
        if data.get("event") != "DOCUMENT":
            report(f"{path}:{line}: record {record_id} has no sentence text; skipped")
        return None
    where = f"{path}:{line}: record {record_id}"
    return PloverRecord(
        record_id=record_id,
        event=str(data.get("event") or ""),
        text=str(data["text"]),
        date=_parse_date(data.get("date"), where, report),
        sources=_actors(data.get("source"), f"{where} source", report),
        targets=_actors(data.get("target"), f"{where} target", report),
        event_text=data.get("eventText"),
        mode=data.get("mode"),
        context=data.get("context"),
        line=line,
        raw=data,
    )


def _parse_date(value: Any, where: str, report: ErrorHandler) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        report(f"{where}: date {value!r} is not YYYY-MM-DD")
        return None


def _actors(value: Any, where: str, report: ErrorHandler) -> list[PloverActor]:
    """The actors of a source/target field; empty strings and nulls mean "none"."""
    if value in (None, "", []):
        return []
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        report(f"{where}: expected a list of actors, found {value!r}; ignored")
        return []
    actors: list[PloverActor] = []
    for item in value:
        if not isinstance(item, dict) or not item.get("code") or not item.get("actorText"):
            report(f"{where}: actor {item!r} lacks actorText or code; ignored")
            continue
        sector = item.get("sector")
        actors.append(PloverActor(str(item["actorText"]), str(item["code"]), str(sector) if sector else None))
    return actors


# --- scoring --------------------------------------------------------------------------------


def evaluate(path: Path, pipeline: Pipeline) -> Report:
    """Run ``pipeline`` on every gold sentence and score each component."""
    report = Report(dataset=str(path))
    for record in read_plover_records(path, on_error=report.failures.append):
        try:
            article = pipeline.process_text(record.text, published=record.date, source=record.record_id)
        except Exception as exc:  # noqa: BLE001 - one bad record must not stop the evaluation
            report.failures.append(f"{record.record_id}: {exc}")
            continue
        report.documents += 1
        score_actors(record, article, report)
        score_event_type(record, article, report)
    _finish_misses(report)
    return report


def gold_country(actor: PloverActor) -> str:
    """The gold actor's country (or non-state type) as an ISO-style three-letter code."""
    prefix = actor.code[:3].upper()
    return GOLD_COUNTRY_FIXES.get(prefix, prefix)


def gold_sector(actor: PloverActor) -> str | None:
    """The gold actor's sector (first three letters), or None when it has none or is unsure."""
    if not actor.sector or actor.sector.startswith("*"):
        return None
    sector = actor.sector[:3].upper()
    return GOLD_SECTOR_FIXES.get(sector, sector)


def predicted_country(actor: Actor | None) -> str | None:
    """Our actor's country, or the type prefix of a non-state code (IGO, NGO, IMG…).

    A sector-only actor ("OPP": no country was found) has no country.
    """
    if actor is None or actor.code == actor.sector:
        return None
    return actor.country or actor.code[:3]


def score_actors(record: PloverRecord, article: Article, report: Report) -> None:
    """Count country and sector agreement for every gold source/target actor of ``record``."""
    country_score = report.score("actor_country")
    sector_score = report.score("actor_sector")
    for role, gold_actors in (("source", record.sources), ("target", record.targets)):
        for gold in gold_actors:
            actor = find_actor(article, gold.text)
            country = predicted_country(actor)
            expected_country = gold_country(gold)
            country_score.count(country == expected_country)
            if country != expected_country:
                _note_miss(country_score, f"{gold.text!r} {expected_country}→{country}", record, role)
            expected_sector = gold_sector(gold)
            if expected_sector is None:
                continue
            sector = actor.sector if actor else None
            sector_score.count(sector == expected_sector)
            if sector != expected_sector:
                _note_miss(sector_score, f"{gold.text!r} {expected_sector}→{sector}", record, role)


def find_actor(article: Article, actor_text: str) -> Actor | None:
    """Our resolved actor for the gold ``actor_text`` of a sentence (see the module docstring)."""
    from eventwire.actors import mention_for_span, resolve_phrase

    span = _locate(article.text, actor_text)
    if span is not None:
        start, end = span
        for event in article.events:
            for event_actor in (event.source, event.target):
                if not event_actor or not event_actor.code:
                    continue
                if _same_words(article.text, event_actor.text, start, end):
                    return _actor_from_code(event_actor.code, event_actor.name)
        mention = mention_for_span(article, start, end)
        if mention is not None and mention.actor is not None:
            return mention.actor
    return resolve_phrase(actor_text, article.published)


def _locate(text: str, actor_text: str) -> tuple[int, int] | None:
    """Where the gold actor text occurs in the sentence (case-insensitive, "..." as a gap)."""
    parts = [part.split() for part in actor_text.split("...") if part.strip()]
    if not parts:
        return None
    pattern = r".{0,80}?".join(r"\s+".join(re.escape(word) for word in words) for words in parts)
    match = re.search(pattern, text, flags=re.IGNORECASE | re.DOTALL)
    return (match.start(), match.end()) if match else None


def _same_words(text: str, event_text: str, start: int, end: int) -> bool:
    """Whether an event actor's words lie inside the gold span or contain it (not mere overlap:
    "US and British forces" is not the gold "British forces")."""
    located = _locate(text, event_text)
    if located is None:
        return False
    event_start, event_end = located
    return (start <= event_start and event_end <= end) or (
        event_start <= start and end <= event_end and (event_end - event_start <= (end - start) + 4)
    )


def _actor_from_code(code: str, name: str | None) -> Actor:
    from eventwire.actors import actor_from_code

    return actor_from_code(code, name)


#: The gold records use PLOVER 2018 event types; our codebook follows the 2021 manual, which
#: folded these into broader types (the distinction lives on in the mode).
GOLD_EVENT_TYPE_FIXES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
#: The confusion-table label of a sentence where we coded no event.
NO_EVENT = "NONE"


def headline_event_type(article: Article) -> str:
    """The PLOVER type of the sentence's most confident asserted-or-modal, non-negated event."""
    candidates = [event for event in article.events if not event.negated and event.plover_type]
    if not candidates:
        return NO_EVENT
    return max(candidates, key=lambda event: event.confidence).plover_type or NO_EVENT


def score_event_type(record: PloverRecord, article: Article, report: Report) -> None:
    """Event-type accuracy (gold type in the 2021 vocabulary) plus a gold → predicted confusion table.

    Each record is one sentence with one gold event; a sentence where we code nothing counts as
    wrong (predicted ``NONE``). The table is ``notes["confusion"][gold][predicted] = count``.
    """
    score = report.score("plover_event_type")
    expected = GOLD_EVENT_TYPE_FIXES.get(record.event, record.event)
    predicted = headline_event_type(article)
    score.count(predicted == expected)
    confusion: dict[str, dict[str, int]] = score.notes.setdefault("confusion", {})
    row = confusion.setdefault(expected, {})
    row[predicted] = row.get(predicted, 0) + 1
    if predicted != expected:
        _note_miss(score, f"{expected}→{predicted}", record, "event")


def _note_miss(score: Any, description: str, record: PloverRecord, role: str) -> None:
    misses: Counter[str] = score.notes.setdefault("_misses", Counter())
    misses[description] += 1
    examples: list[str] = score.notes.setdefault("examples", [])
    if len(examples) < MISSES_SHOWN:
        examples.append(f"{record.record_id} {role}: {description}")


def _finish_misses(report: Report) -> None:
    """Replace the miss counters with the most common misses (JSON-friendly)."""
    for score in report.scores.values():
        misses = score.notes.pop("_misses", None)
        if misses:
            common = misses.most_common(MISSES_SHOWN)
            score.notes["most_common_misses"] = [f"{count}× {what}" for what, count in common]
