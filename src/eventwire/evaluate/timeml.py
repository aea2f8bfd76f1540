"""``eventwire eval --format timeml``: score the time tagger on TimeML (e.g. TimeBank 1.2).

A TimeML document gives its creation time in ``<DCT><TIMEX3 value=…>`` (the anchor) and the
gold time expressions inline in ``<TEXT>`` as ``<TIMEX3 type=… value=…>``. The tags are
stripped to recover the plain text, keeping the gold spans as offsets into it; the text is
parsed by the pipeline's nlp stage and tagged by the timex stage anchored at the DCT.

Scores, TempEval-3 style: detection with strict (same span) and relaxed (overlapping span,
one-to-one) precision/recall/F1, and, on the relaxed matches, value and type accuracy. The
timing of the tagger alone and of parse plus tagger is in the notes of the relaxed score.
"""

from __future__ import annotations

import html
import re
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from eventwire.errors import InputError
from eventwire.evaluate.metrics import Report, match_counts
from eventwire.model import Article, TimeExpression, stable_id
from eventwire.nlp import NlpStage
from eventwire.pipeline import Pipeline, Stage
from eventwire.timex import TimexStage

MARKUP = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)/?>|&(#?\w+);")
ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
DCT_VALUE = re.compile(r"<DCT>.*?<TIMEX3\b[^>]*\bvalue=\"(\d{4}-\d\d-\d\d)", re.DOTALL)
TEXT_BODY = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)


@dataclass(frozen=True, slots=True)
class GoldTime:
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    """The plain text of ``<TEXT>``, its creation date and the gold expressions in it."""

    name: str
    text: str
    created: date
    gold: tuple[GoldTime, ...]


def read_timeml(path: Path) -> TimeMLDocument:
    """Parse one TimeML file; raises :class:`InputError` when it lacks a DCT or a TEXT."""
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read ({exc})") from None
    dct = DCT_VALUE.search(source)
    body = TEXT_BODY.search(source)
    if dct is None or body is None:
        raise InputError(f"{path}: not TimeML (needs <DCT> with a dated TIMEX3 and <TEXT>)")
    try:
        created = date.fromisoformat(dct[1])
    except ValueError:
        raise InputError(f"{path}: bad DCT value {dct[1]}") from None
    text, gold = strip_markup(body[1])
    return TimeMLDocument(path.stem, text, created, tuple(gold))


def strip_markup(markup: str) -> tuple[str, list[GoldTime]]:
    """Plain text of inline TimeML, and the TIMEX3 elements as offsets into it."""
    pieces: list[str] = []
    length = 0
    open_times: list[tuple[int, dict[str, str]]] = []
    gold: list[GoldTime] = []
    position = 0
    for tag in MARKUP.finditer(markup):
        literal = markup[position : tag.start()]
        pieces.append(literal)
        length += len(literal)
        position = tag.end()
        if tag[4] is not None:
            character = html.unescape(tag[0])
            pieces.append(character)
            length += len(character)
        elif tag[2] == "TIMEX3" and not tag[1] and not tag[0].endswith("/>"):
            open_times.append((length, dict(ATTRIBUTE.findall(tag[3]))))
        elif tag[2] == "TIMEX3" and tag[1] and open_times:
            start, attributes = open_times.pop()
            if length > start:
                gold.append(GoldTime(start, length, attributes.get("type", ""), attributes.get("value", "")))
    pieces.append(markup[position:])
    return "".join(pieces), sorted(gold, key=lambda item: (item.start, item.end))


def evaluate(path: Path, pipeline: Pipeline) -> Report:
    """Score the timex stage on a TimeML file or a folder of ``*.tml`` files."""
    files = sorted(path.glob("*.tml")) if path.is_dir() else [path]
    report = Report(dataset=str(path))
    nlp_stage: Stage = next((stage for stage in pipeline.stages if stage.name == "nlp"), None) or NlpStage(
        pipeline.settings
    )
    timex_stage = TimexStage(pipeline.settings)
    documents: list[TimeMLDocument] = []
    for file in files:
        try:
            documents.append(read_timeml(file))
        except InputError as exc:
            report.failures.append(exc.message)
    parse_seconds = tag_seconds = 0.0
    batch_size = pipeline.settings.batch_size
    for first in range(0, len(documents), batch_size):
        batch = documents[first : first + batch_size]
        articles = [_article(document) for document in batch]
        started = time.perf_counter()
        nlp_stage.process_batch(articles)
        parsed = time.perf_counter()
        timex_stage.process_batch(articles)
        tag_seconds += time.perf_counter() - parsed
        parse_seconds += parsed - started
        for document, article in zip(batch, articles, strict=True):
            if article.skipped_reason:
                report.failures.append(f"{document.name}: {article.skipped_reason}")
                continue
            report.documents += 1
            score_document(report, document.gold, article.times)
            article.doc = None
    relaxed = report.score("timex relaxed")
    relaxed.notes = {
        "docs_per_second_tagger": round(report.documents / tag_seconds, 1) if tag_seconds else None,
        "docs_per_second_with_parse": round(report.documents / (tag_seconds + parse_seconds), 1)
        if tag_seconds + parse_seconds
        else None,
    }
    return report


def _article(document: TimeMLDocument) -> Article:
    return Article(
        article_id=stable_id("timeml", document.name),
        source_path=document.name,
        raw_text=document.text,
        text=document.text,
        published=document.created,
        published_basis="dct",
        language="en",
    )


def score_document(report: Report, gold: tuple[GoldTime, ...], found: list[TimeExpression]) -> None:
    """Add one document's strict and relaxed detection counts and value/type accuracy."""
    report.score("timex strict").add(
        *match_counts([(g.start, g.end) for g in gold], [(f.start, f.end) for f in found])
    )
    pairs = overlap_pairs(gold, found)
    report.score("timex relaxed").add(len(pairs), len(found) - len(pairs), len(gold) - len(pairs))
    value, kind = report.score("timex value (relaxed matches)"), report.score("timex type (relaxed matches)")
    for expected, predicted in pairs:
        value.count(expected.value == predicted.value)
        kind.count(expected.type == predicted.type)


def overlap_pairs(
    gold: tuple[GoldTime, ...], found: list[TimeExpression]
) -> list[tuple[GoldTime, TimeExpression]]:
    """One-to-one pairs of overlapping gold and found expressions, largest overlap first."""
    overlaps = sorted(
        (
            (min(expected.end, predicted.end) - max(expected.start, predicted.start), gold_index, found_index)
            for gold_index, expected in enumerate(gold)
            for found_index, predicted in enumerate(found)
            if expected.start < predicted.end and predicted.start < expected.end
        ),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_found: set[int] = set()
    pairs = []
    for _, gold_index, found_index in overlaps:
        if gold_index in used_gold or found_index in used_found:
            continue
        used_gold.add(gold_index)
        used_found.add(found_index)
        pairs.append((gold[gold_index], found[found_index]))
    return sorted(pairs, key=lambda pair: pair[0].start)
