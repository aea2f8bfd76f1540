"""Score the pipeline against eventwire's own gold JSONL (``examples/gold.jsonl``).

Each gold line names a corpus file (relative to ``corpus/`` beside the gold file) and the
expected article metadata, quotes, events, time expressions and places (schema in
``examples/README.md``). The corpus is run the way users run it — ``runner.run`` into a
temporary SQLite store, near-duplicate detection included — and the stored records are
compared with the gold:

* ``article.<field>``: accuracy of each metadata field;
* ``quotes``: a found quote matches a gold quote when their spans overlap; ``quotes+speaker``
  also needs the speaker to agree (see :func:`same_speaker`: a person by name, given in full or
  in part; an organisation or group by the words written or by its actor code);
* ``events``: multiset P/R/F1 of (source, target, CAMEO root) per article, negated events
  excluded on both sides; ``events.negated`` does the same for negated ones;
  ``event dates``: accuracy of the date on matched events;
* ``times``: P/R/F1 over distinct expressions (the gold lists each distinct text once), and
  ``time values``: value accuracy on matched expressions;
* ``places``: P/R/F1 over distinct toponyms, requiring the same country.
"""

from __future__ import annotations

import json
import re
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.actors import actor_from_code, default_resolver
from eventwire.errors import UsageError
from eventwire.evaluate.metrics import Report, match_counts
from eventwire.model import Actor
from eventwire.pipeline import Pipeline
from eventwire.runner import run
from eventwire.store import EventQuery, SQLiteStore

ARTICLE_FIELDS = ("title", "agency", "dateline_place", "published", "language", "duplicate_of")


@dataclass(slots=True)
class GoldArticle:
    file: str
    line: int
    expected: dict[str, Any]


def read_gold(path: Path) -> Iterator[GoldArticle]:
    """Gold lines in order; a malformed line raises a UsageError naming ``file:line``."""
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise UsageError(f"{path}:{number}: invalid JSON ({exc.msg})") from None
            if not isinstance(record, dict) or not isinstance(record.get("file"), str):
                raise UsageError(f"{path}:{number}: a gold line needs a 'file' name")
            yield GoldArticle(record["file"], number, record)


def evaluate(path: Path, pipeline: Pipeline) -> Report:
    gold = list(read_gold(path))
    corpus = path.parent / "corpus"
    report = Report(dataset=str(path), documents=len(gold))
    missing = [item.file for item in gold if not (corpus / item.file).is_file()]
    if missing:
        raise UsageError(f"{path}: corpus file(s) not found in {corpus}: {', '.join(missing[:5])}")
    with tempfile.TemporaryDirectory() as scratch, SQLiteStore(Path(scratch) / "eval.db") as store:
        summary = run([str(corpus / item.file) for item in gold], store, pipeline.settings, pipeline=pipeline)
        report.failures = [str(failure) for failure in summary.failures]
        stored = _stored_by_file(store, corpus)
        for item in gold:
            found = stored.get(item.file)
            if found is None:
                report.failures.append(f"{item.file}: not stored")
                continue
            _score_article(report, item.expected.get("article", {}), found, stored)
            _score_quotes(report, item.expected.get("quotes", []), found)
            _score_events(report, item.expected.get("events", []), found)
            _score_times(report, item.expected.get("times", []), found)
            _score_places(report, item.expected.get("places", []), found)
    return report


def _stored_by_file(store: SQLiteStore, corpus: Path) -> dict[str, dict[str, Any]]:
    """Everything stored per corpus file name: the article record and its layers."""
    by_id: dict[str, dict[str, Any]] = {}
    for record in store.article_records():
        by_id[record["article_id"]] = {
            "article": record,
            "quotes": [],
            "events": [],
            "times": [],
            "places": [],
        }
    for quote in store.quote_records():
        by_id[quote["article_id"]]["quotes"].append(quote)
    for event in store.event_records(EventQuery(include_negated=True)):
        by_id[event["article_id"]]["events"].append(event)
    for expression in store.time_records():
        by_id[expression["article_id"]]["times"].append(expression)
    rows = store.connection.execute('SELECT article_id, text, start, "end", country FROM places')
    for row in rows:
        by_id[row["article_id"]]["places"].append(dict(row))
    return {Path(entry["article"]["source_path"]).name: entry for entry in by_id.values()}


def _score_article(
    report: Report, expected: dict[str, Any], found: dict[str, Any], stored: dict[str, dict[str, Any]]
) -> None:
    article = found["article"]
    ids_to_files = {entry["article"]["article_id"]: name for name, entry in stored.items()}
    for field in ARTICLE_FIELDS:
        if field not in expected:
            continue
        value = article.get(field)
        if field == "duplicate_of" and value is not None:
            value = ids_to_files.get(value, value)  # gold names the original by file
        report.score(f"article.{field}").count(_same(expected[field], value))


def _same(expected: Any, found: Any) -> bool:
    if isinstance(expected, str) and isinstance(found, str):
        return expected.strip().casefold() == found.strip().casefold()
    return bool(expected == found)


def _spans_of(texts: list[str], body: str) -> list[tuple[int, int] | None]:
    """Locate each gold text in the cleaned body (successive occurrences for repeats)."""
    spans: list[tuple[int, int] | None] = []
    used: dict[str, int] = {}
    for text in texts:
        start = body.find(text, used.get(text, 0))
        if start < 0:
            spans.append(None)
            continue
        used[text] = start + 1
        spans.append((start, start + len(text)))
    return spans


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _pair_by_overlap(
    gold_spans: list[tuple[int, int] | None], found_spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """(gold index, found index) pairs: each gold span takes the first unused overlapping span."""
    pairs = []
    used: set[int] = set()
    for gold_index, gold_span in enumerate(gold_spans):
        if gold_span is None:
            continue
        for found_index, found_span in enumerate(found_spans):
            if found_index not in used and _overlaps(gold_span, found_span):
                used.add(found_index)
                pairs.append((gold_index, found_index))
                break
    return pairs


def _name_words(name: str) -> list[str]:
    """A name's words for comparison: accents, case, hyphens, a possessive and a leading article
    do not make two names differ ("Erdoğan"/"Erdogan", "al-Shabaab"/"al Shabaab", "the Elysee")."""
    plain = "".join(char for char in unicodedata.normalize("NFKD", name) if not unicodedata.combining(char))
    words = re.sub(r"['’]s\b", "", plain).replace("-", " ").casefold().split()
    return words[1:] if len(words) > 1 and words[0] in _ARTICLES else words


_ARTICLES = frozenset({"the", "a", "an"})


def _same_person(expected: str | None, found: str | None) -> bool:
    """Whether two names name one person: the same words, the same surname ("Sergey Lavrov",
    "Sergei Lavrov"), or one given in part within the other ("Lu" in "Lu Wenjie", whose surname
    comes first; "Tayyip Erdogan" in "Recep Tayyip Erdogan")."""
    if not expected or not found:
        return False
    expected_words, found_words = _name_words(expected), _name_words(found)
    if not expected_words or not found_words:
        return False
    shorter, longer = sorted((expected_words, found_words), key=len)
    return expected_words[-1] == found_words[-1] or all(word in longer for word in shorter)


def _organisation(name: str, on: date | None) -> Actor | None:
    """The actor ``name`` stands for when it names an organisation or group, not a person.

    A state speaks through its government (the event coding convention for statements), so a
    country's bare code becomes its government's ("Russia" said = "Moscow" said = RUSGOV).
    """
    resolution = default_resolver().resolve_all(name, on)[0]
    actor = resolution.actor
    if actor is None or resolution.person is not None:
        return None
    if actor.country is not None and actor.code == actor.country:
        return actor_from_code(f"{actor.code}GOV")
    return actor


def same_speaker(expected: str | None, found: dict[str, Any] | None, on: date | None = None) -> bool:
    """Whether a found quote's speaker record is the gold speaker.

    The gold names a person by their full name and an organisation or group by its name or the
    words the story uses ("Kyrgyz Foreign Ministry", "residents"); the pipeline's record gives
    the words of the speaker mention (``text``), a person's name or the actor's dictionary name
    (``name``), and the actor ``code``. A person is matched by name (:func:`_same_person`), so
    another official of the same government never counts. An organisation or group is matched
    by the words written, or - when the gold names a placed actor (a country's institution, a
    named organisation; not a bare "officials") - by the actor code, provided the found speaker
    is not a person: "the ministry" and "it", resolved to KGZGOV, are the Kyrgyz Foreign
    Ministry of the gold; Kyrgyzstan's president would not be. A speaker whose words are the
    gold's ("witnesses") matches whatever it resolved to.
    """
    if not expected or not found:
        return False
    if _same_person(expected, found.get("name")):
        return True
    if found.get("text") and _name_words(found["text"]) == _name_words(expected):
        return True  # the words the story uses ("witnesses", "Kyrgyz officials")
    organisation = _organisation(expected, on)
    if organisation is None:
        return False
    placed = organisation.code != organisation.sector
    found_as = _organisation(found["name"], on) if found.get("name") else None
    return placed and found_as is not None and _state_as_government(found.get("code")) == organisation.code


def _state_as_government(code: str | None) -> str | None:
    if not code:
        return None
    actor = actor_from_code(code)
    return f"{code}GOV" if actor.country is not None and actor.code == actor.country else code


def _score_quotes(report: Report, expected: list[dict[str, Any]], found: dict[str, Any]) -> None:
    body = found["article"]["text"]
    gold_spans = _spans_of([quote["text"] for quote in expected], body)
    quotes = found["quotes"]
    pairs = _pair_by_overlap(gold_spans, [(quote["start"], quote["end"]) for quote in quotes])
    report.score("quotes").add(len(pairs), len(quotes) - len(pairs), len(expected) - len(pairs))
    published = found["article"].get("published")
    on = date.fromisoformat(published) if published else None
    with_speaker = sum(
        1
        for gold_index, found_index in pairs
        if same_speaker(expected[gold_index].get("speaker"), quotes[found_index]["speaker"], on)
    )
    report.score("quotes+speaker").add(with_speaker, len(quotes) - with_speaker, len(expected) - with_speaker)


def _event_key(event: dict[str, Any]) -> tuple[str | None, str | None, str]:
    source = event["source"]["code"] if isinstance(event.get("source"), dict) else event.get("source")
    target = event["target"]["code"] if isinstance(event.get("target"), dict) else event.get("target")
    return source, target, event["cameo_root"]


def _score_events(report: Report, expected: list[dict[str, Any]], found: dict[str, Any]) -> None:
    for negated, component in ((False, "events"), (True, "events.negated")):
        gold = [event for event in expected if bool(event.get("negated")) == negated]
        ours = [event for event in found["events"] if bool(event["negated"]) == negated]
        true_positives, false_positives, false_negatives = match_counts(
            [_event_key(event) for event in gold], [_event_key(event) for event in ours]
        )
        report.score(component).add(true_positives, false_positives, false_negatives)
        if negated:
            continue
        unused = list(ours)
        for event in gold:
            same_key = [ours_event for ours_event in unused if _event_key(ours_event) == _event_key(event)]
            # of several events with one key, the one from the gold's evidence sentence is its match
            match = next((item for item in same_key if _same_evidence(event, item)), None)
            match = match if match is not None else next(iter(same_key), None)
            if match is not None and event.get("date"):
                unused.remove(match)
                report.score("event dates").count(match["date"] == event["date"])


def _same_evidence(expected: dict[str, Any], found: dict[str, Any]) -> bool:
    """Whether the gold event's evidence lies in the sentence the found event was coded from."""
    evidence = found.get("evidence")
    wanted = expected.get("evidence")
    if not isinstance(evidence, dict) or not isinstance(wanted, str) or not wanted.strip():
        return False
    return (
        " ".join(wanted.split()).casefold() in " ".join(str(evidence.get("sentence", "")).split()).casefold()
    )


def _distinct_matches(
    expected: list[dict[str, Any]], found: list[dict[str, Any]], body: str
) -> tuple[list[tuple[int, list[dict[str, Any]]]], int]:
    """Match distinct expressions: the gold lists each distinct text once (examples/README.md).

    A gold item matches the found items overlapping *any* occurrence of its text; found items
    are counted once per distinct text, so naming "Ankara" five times is one place, not five.
    Returns (gold index, overlapping found items) for the matched gold items and the number of
    distinct found texts that overlap no gold occurrence (the false positives).
    """
    occurrences = [
        [(start, start + len(item["text"])) for start in _all_starts(body, item["text"])] for item in expected
    ]
    matched = []
    credited: set[str] = set()
    for gold_index, spans in enumerate(occurrences):
        overlapping = [
            item for item in found if any(_overlaps(span, (item["start"], item["end"])) for span in spans)
        ]
        if overlapping:
            matched.append((gold_index, overlapping))
            credited.update(item["text"].casefold() for item in overlapping)
    distinct_found = {item["text"].casefold() for item in found}
    return matched, len(distinct_found - credited)


def _all_starts(body: str, text: str) -> list[int]:
    starts, start = [], body.find(text)
    while text and start >= 0:
        starts.append(start)
        start = body.find(text, start + 1)
    return starts


def _score_times(report: Report, expected: list[dict[str, Any]], found: dict[str, Any]) -> None:
    matched, false_positives = _distinct_matches(expected, found["times"], found["article"]["text"])
    report.score("times").add(len(matched), false_positives, len(expected) - len(matched))
    for gold_index, items in matched:
        value = expected[gold_index].get("value")
        report.score("time values").count(any(item["value"] == value for item in items))


def _score_places(report: Report, expected: list[dict[str, Any]], found: dict[str, Any]) -> None:
    matched, false_positives = _distinct_matches(expected, found["places"], found["article"]["text"])
    correct = sum(
        1
        for gold_index, items in matched
        if any(item["country"] == expected[gold_index].get("country") for item in items)
    )
    wrong_country = len(matched) - correct
    report.score("places").add(correct, false_positives + wrong_country, len(expected) - correct)
