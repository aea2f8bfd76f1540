"""Score the quotes stage against PolNeAR (political news attribution, BRAT standoff).

A PolNeAR folder holds ``text/NAME.txt`` and ``attributions/NAME_XXXX.ann``, one ``.ann`` per
annotator (``XXXX``). Each attribution relation (``E`` line) ties a Content span to its Cue and,
unless it is ``Attribution-no-source``, its Source; spans may be discontinuous. Where several
annotators did an article, the one with the alphabetically first id is used, so every run
scores against the same gold (merging would count one quote once per annotator).

The pipeline runs on each text as a user would run it (cleaning included), and quote offsets
are mapped back to the raw file. Scores:

* ``quotes.content``: overlap P/R/F1: a gold content counts as found when a found quote
  overlaps it, a found quote as spurious when it overlaps no gold content (so the two halves
  of a split quote, which PolNeAR annotates as one content, are not penalised);
* ``quotes.content.one-to-one``: the stricter pairing, each gold content with at most one
  found quote (largest overlap first), the rest counting as errors;
* ``quotes.content.exact``: the same with spans equal once blanks, quote marks, edge
  punctuation and a leading "that" are trimmed;
* ``quotes.cue``, ``quotes.source``: for each gold attribution that was found, on the found
  quote most like it (highest overlap over union), whether the cue / speaker span overlaps
  the gold one (source only where the gold has one); ``quotes.source.direct`` restricts that to
  gold contents in quotation marks, ``quotes.source.exact`` asks for the trimmed span.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import UsageError
from eventwire.evaluate.metrics import Report, match_counts
from eventwire.model import Article, Quote, RawDocument
from eventwire.pipeline import Pipeline

Span = tuple[int, int]

#: Characters trimmed from both ends of a span before spans are compared exactly.
_TRIM = " \t\r\n\"'“”‘’«»„,.;:—–-―"
_QUOTE_MARKS = '"“”«»„'
_LEADING_THAT = re.compile(r"that\s+", re.IGNORECASE)


@dataclass(slots=True, frozen=True)
class GoldAttribution:
    """One annotated attribution: content, cue and source fragments by raw-text offsets."""

    content: tuple[Span, ...]
    cue: tuple[Span, ...]
    source: tuple[Span, ...]


def evaluate(path: Path, pipeline: Pipeline) -> Report:
    """Run ``pipeline`` on every PolNeAR text under ``path`` and score its quotes."""
    texts, annotations = path / "text", path / "attributions"
    if not texts.is_dir() or not annotations.is_dir():
        raise UsageError(f"{path}: not a PolNeAR folder (needs text/ and attributions/)")
    gold = dict(read_gold(annotations))
    names = sorted(name for name in gold if (texts / f"{name}.txt").is_file())
    if not names:
        raise UsageError(f"{path}: no text/*.txt with annotations in attributions/")
    report = Report(dataset=str(path), documents=len(names))
    raw_texts = {name: (texts / f"{name}.txt").read_text(encoding="utf-8") for name in names}
    documents = (
        RawDocument(source_path=str(texts / f"{name}.txt"), content=raw_texts[name]) for name in names
    )
    for name, outcome in zip(names, pipeline.process(documents), strict=True):
        if outcome.article is None:
            report.failures.append(str(outcome.failure))
            continue
        _score_article(report, raw_texts[name], outcome.article, gold[name])
    return report


def read_gold(folder: Path) -> Iterator[tuple[str, list[GoldAttribution]]]:
    """(article name, attributions) per article, from its alphabetically first annotator."""
    chosen: dict[str, Path] = {}
    for file in sorted(folder.glob("*.ann")):
        name = file.stem.rsplit("_", 1)[0]
        chosen.setdefault(name, file)
    for name, file in chosen.items():
        yield name, parse_ann(file)


def parse_ann(file: Path) -> list[GoldAttribution]:
    """The attribution relations of one BRAT ``.ann`` file; a malformed line names file:line."""
    spans: dict[str, tuple[Span, ...]] = {}
    relations: list[tuple[int, dict[str, str]]] = []
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
        fields = line.split("\t")
        try:
            if line.startswith("T"):
                _, offsets = fields[1].split(" ", 1)
                spans[fields[0]] = tuple(
                    (int(start), int(end)) for start, end in (part.split() for part in offsets.split(";"))
                )
            elif line.startswith("E"):
                roles = dict(part.split(":", 1) for part in fields[1].split())
                relations.append((number, roles))
        except (IndexError, ValueError):
            raise UsageError(f"{file}:{number}: malformed BRAT line") from None
    attributions = []
    for number, roles in relations:
        where = f"{file}:{number}"
        content = _fragments(spans, roles, ("Content", "Content2"), where)
        if content:
            cue, source = (
                _fragments(spans, roles, ("Cue",), where),
                _fragments(spans, roles, ("Source",), where),
            )
            attributions.append(GoldAttribution(content, cue, source))
    return attributions


def _fragments(
    spans: dict[str, tuple[Span, ...]], roles: dict[str, str], names: tuple[str, ...], where: str
) -> tuple[Span, ...]:
    """The text fragments a relation gives the roles ``names`` (none when it lacks them)."""
    ids = [roles[name] for name in names if name in roles]
    missing = next((identifier for identifier in ids if identifier not in spans), None)
    if missing is not None:
        raise UsageError(f"{where}: relation names unknown span {missing}")
    return tuple(span for identifier in ids for span in spans[identifier])


def offset_map(raw: str, article: Article) -> list[int]:
    """For each offset of ``article.text`` (and its end), the matching offset in ``raw``.

    Cleaning drops lines, collapses blanks and joins wrapped lines; each cleaned paragraph is
    found in the raw text (blanks ignored) after the previous one, then aligned character by
    character.
    """
    text = article.text
    mapping = [0] * (len(text) + 1)
    cursor = 0
    for start, end in article.paragraphs or [(0, len(text))]:
        for offset in range(max(0, start - 2), start):
            mapping[offset] = cursor
        head = [re.escape(char) for char in text[start:end] if not char.isspace()][:40]
        found = re.compile(r"\s*".join(head)).search(raw, cursor) if head else None
        position = found.start() if found else cursor
        for offset in range(start, end):
            if not text[offset].isspace():
                while position < len(raw) and raw[position].isspace():
                    position += 1
                mapping[offset] = min(position, len(raw))
                position += 1
            else:
                mapping[offset] = min(position, len(raw))
        cursor = min(position, len(raw))
    mapping[len(text)] = cursor
    return mapping


def _to_raw(mapping: list[int], start: int, end: int) -> Span:
    return mapping[start], mapping[end - 1] + 1 if end > start else mapping[start]


def _overlaps(span: Span, fragments: tuple[Span, ...]) -> int:
    return sum(max(0, min(span[1], end) - max(span[0], start)) for start, end in fragments)


def _trimmed(raw: str, span: Span) -> Span:
    start, end = span
    while start < end and raw[start] in _TRIM:
        start += 1
    that = _LEADING_THAT.match(raw, start, end)
    if that:
        start = that.end()
    while end > start and raw[end - 1] in _TRIM:
        end -= 1
    return start, end


def _covering(fragments: tuple[Span, ...]) -> Span:
    return min(start for start, _ in fragments), max(end for _, end in fragments)


def _score_article(report: Report, raw: str, article: Article, gold: list[GoldAttribution]) -> None:
    mapping = offset_map(raw, article)
    found = [(quote, _to_raw(mapping, quote.start, quote.end)) for quote in article.quotes]
    overlaps = [[_overlaps(span, expected.content) for expected in gold] for _, span in found]
    recalled = sum(any(row[index] for row in overlaps) for index in range(len(gold)))
    spurious = sum(not any(row) for row in overlaps)
    report.score("quotes.content").add(recalled, spurious, len(gold) - recalled)
    report.score("quotes.content.one-to-one").add(*_one_to_one(overlaps, len(gold)))
    report.score("quotes.content.exact").add(
        *match_counts(
            [_trimmed(raw, _covering(expected.content)) for expected in gold],
            [_trimmed(raw, span) for _, span in found],
        )
    )
    for index, expected in enumerate(gold):
        candidates = [number for number, row in enumerate(overlaps) if row[index]]
        if candidates:
            covering = _covering(expected.content)
            best = max(candidates, key=lambda number: _jaccard(found[number][1], covering))
            _score_match(report, raw, mapping, found[best][0], expected)


def _jaccard(span: Span, other: Span) -> float:
    overlap = max(0, min(span[1], other[1]) - max(span[0], other[0]))
    return overlap / max(1, max(span[1], other[1]) - min(span[0], other[0]))


def _one_to_one(overlaps: list[list[int]], gold_count: int) -> tuple[int, int, int]:
    """(tp, fp, fn) pairing found and gold spans one-to-one, largest overlap first."""
    pairs = sorted(
        (
            (overlap, found, expected)
            for found, row in enumerate(overlaps)
            for expected, overlap in enumerate(row)
            if overlap
        ),
        reverse=True,
    )
    matched_found: set[int] = set()
    matched_gold: set[int] = set()
    for _, found, expected in pairs:
        if found not in matched_found and expected not in matched_gold:
            matched_found.add(found)
            matched_gold.add(expected)
    matched = len(matched_found)
    return matched, len(overlaps) - matched, gold_count - matched


def _score_match(
    report: Report, raw: str, mapping: list[int], quote: Quote, expected: GoldAttribution
) -> None:
    if quote.cue_start is not None and quote.cue_end is not None:
        cue_span = _to_raw(mapping, quote.cue_start, quote.cue_end)
        report.score("quotes.cue").count(_overlaps(cue_span, expected.cue) > 0)
    else:
        report.score("quotes.cue").count(False)
    if not expected.source:
        return
    speaker = quote.speaker
    if speaker is not None and speaker.start is not None and speaker.end is not None:
        speaker_span: Span | None = _to_raw(mapping, speaker.start, speaker.end)
    else:
        speaker_span = None
    correct = speaker_span is not None and _overlaps(speaker_span, expected.source) > 0
    report.score("quotes.source").count(correct)
    content = _trimmed(raw, _covering(expected.content))
    gold_text = raw[_covering(expected.content)[0] : _covering(expected.content)[1]].strip()
    if gold_text[:1] in _QUOTE_MARKS and content[1] > content[0]:
        report.score("quotes.source.direct").count(correct)
    exact = speaker_span is not None and _trimmed(raw, speaker_span) == _trimmed(
        raw, _covering(expected.source)
    )
    report.score("quotes.source.exact").count(exact)
