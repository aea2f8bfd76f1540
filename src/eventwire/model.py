"""The one data model every stage reads and writes.

An :class:`Article` enters the pipeline holding only its raw text and whatever metadata the
reader found; each stage adds one layer (clean text, sentences, mentions, quotes, times, places,
events) and never rewrites a layer an earlier stage produced. All character offsets index
``Article.text``, the cleaned body, as Python ``str`` indices, so ``text[start:end]`` is always
the evidence a record claims.

``to_record`` methods produce the JSON shapes of the public contract (``shared/CONTRACT.md``);
the store rebuilds these objects from its rows, so the CLI, the API and exports serialise
through the same code.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

QuoteKind = Literal["direct", "indirect", "partial"]
Modality = Literal["asserted", "intended", "appeal", "hypothetical", "reported"]
DatePrecision = Literal["day", "week", "month", "year", "vague"]
DateBasis = Literal["text", "dateline", "published"]


def stable_id(*parts: object, length: int = 16) -> str:
    """Hash ``parts`` into a short hex id that is the same on every machine and run.

    Ids are derived from content rather than counters so that re-running, running with several
    workers, or running on a cluster yields the same ids for the same input.
    """
    digest = hashlib.sha256("\x1f".join(str(part) for part in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


@dataclass(slots=True)
class Actor:
    """A resolved actor: a CAMEO-style code and what it stands for."""

    code: str
    name: str
    country: str | None = None
    sector: str | None = None


@dataclass(slots=True)
class Mention:
    """A stretch of text that names or refers to something (entity, noun phrase, pronoun).

    ``actor`` is filled by the actors stage when the mention resolves; ``antecedent`` is the
    index in ``Article.mentions`` of the mention a pronoun or role noun refers back to.
    """

    text: str
    start: int
    end: int
    label: str
    actor: Actor | None = None
    antecedent: int | None = None
    person: str | None = None


@dataclass(slots=True)
class Sentence:
    """A sentence of the cleaned body, by offsets."""

    start: int
    end: int
    paragraph: int = 0


@dataclass(slots=True)
class Removal:
    """One piece of scraped text that cleaning dropped, kept so the cleanup can be audited."""

    text: str
    rule: str
    reason: str


@dataclass(slots=True)
class Speaker:
    """Who said something: the words used in the text and who they resolve to."""

    text: str | None
    name: str | None
    code: str | None
    start: int | None = None
    end: int | None = None

    def to_record(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "code": self.code}


@dataclass(slots=True)
class Quote:
    """A direct, indirect or partial quotation with its speaker and cue."""

    kind: QuoteKind
    text: str
    start: int
    end: int
    speaker: Speaker | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    quote_id: str = ""

    def to_record(self, article_id: str) -> dict[str, Any]:
        return {
            "quote_id": self.quote_id or stable_id(article_id, "quote", self.start, self.end),
            "article_id": article_id,
            "kind": self.kind,
            "text": self.text,
            "speaker": self.speaker.to_record() if self.speaker else None,
            "cue": self.cue,
            "start": self.start,
            "end": self.end,
        }


@dataclass(slots=True)
class TimeExpression:
    """A time expression normalised TIMEX3-style against ``anchor`` (ISO date or None)."""

    text: str
    start: int
    end: int
    type: str
    value: str | None
    anchor: str | None

    def to_record(self, article_id: str) -> dict[str, Any]:
        return {
            "article_id": article_id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "value": self.value,
            "anchor": self.anchor,
        }


@dataclass(slots=True)
class Place:
    """A toponym resolved against the gazetteer (``country`` is ISO 3166 alpha-3)."""

    text: str
    start: int
    end: int
    name: str | None
    country: str | None
    lat: float | None
    lon: float | None
    precision: str | None

    def to_record(self, article_id: str) -> dict[str, Any]:
        return {
            "article_id": article_id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "precision": self.precision,
        }

    def location_record(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "precision": self.precision,
        }


@dataclass(slots=True)
class EventActor:
    """An event's source or target: the words in the evidence and the resolved actor."""

    text: str
    name: str | None
    code: str | None

    def to_record(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "code": self.code}


@dataclass(slots=True)
class Evidence:
    """The sentence that supports an event, by offsets into the article text."""

    sentence: str
    start: int
    end: int


@dataclass(slots=True)
class Event:
    """One coded event with everything needed to check it against its evidence."""

    source: EventActor | None
    target: EventActor | None
    cameo: str
    goldstein: float
    quad_class: int
    evidence: Evidence
    rule: str
    confidence: float
    plover_type: str | None = None
    plover_mode: str | None = None
    date: str | None = None
    date_precision: DatePrecision | None = None
    date_basis: DateBasis | None = None
    location: Place | None = None
    negated: bool = False
    modality: Modality = "asserted"
    speaker: Speaker | None = None
    event_id: str = ""

    @property
    def cameo_root(self) -> str:
        return self.cameo[:2]

    def identity(self, article_id: str) -> str:
        """The event's id: same article, evidence, rule, code and actors give the same id."""
        return self.event_id or stable_id(
            article_id,
            "event",
            self.evidence.start,
            self.evidence.end,
            self.rule,
            self.cameo,
            self.source.code if self.source else None,
            self.target.code if self.target else None,
            self.source.text if self.source else None,
            self.target.text if self.target else None,
        )

    def to_record(self, article_id: str) -> dict[str, Any]:
        return {
            "event_id": self.identity(article_id),
            "article_id": article_id,
            "source": self.source.to_record() if self.source else None,
            "target": self.target.to_record() if self.target else None,
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "plover": {"event_type": self.plover_type, "mode": self.plover_mode},
            "date": self.date,
            "date_precision": self.date_precision,
            "date_basis": self.date_basis,
            "location": self.location.location_record() if self.location else None,
            "negated": self.negated,
            "modality": self.modality,
            "speaker": ({"name": self.speaker.name, "code": self.speaker.code} if self.speaker else None),
            "evidence": {
                "sentence": self.evidence.sentence,
                "start": self.evidence.start,
                "end": self.evidence.end,
            },
            "rule": self.rule,
            "confidence": self.confidence,
        }


@dataclass(slots=True)
class RawDocument:
    """What a reader hands the pipeline: text plus the metadata the container carried."""

    source_path: str
    content: str
    title: str | None = None
    published: date | None = None
    published_basis: str | None = None
    language: str | None = None
    url: str | None = None
    author: str | None = None
    date_hint: date | None = None
    """A weaker date (file name, ``--published``): picks the year of a yearless dateline and is
    the publication date of last resort; ``date_hint_basis`` says where it came from."""
    date_hint_basis: str | None = None

    @property
    def article_id(self) -> str:
        """Content hash of the raw text: the same input always maps to the same article."""
        return stable_id("article", self.content.strip())


@dataclass(slots=True)
class Article:
    """An article and every layer the pipeline adds to it."""

    article_id: str
    source_path: str
    raw_text: str
    text: str = ""
    title: str | None = None
    agency: str | None = None
    dateline_place: str | None = None
    dateline: str | None = None
    published: date | None = None
    published_basis: str | None = None
    language: str | None = None
    url: str | None = None
    author: str | None = None
    duplicate_of: str | None = None
    date_hint: date | None = None
    date_hint_basis: str | None = None
    skipped_reason: str | None = None
    subheadings: list[tuple[int, int]] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    doc: Any = field(default=None, repr=False, compare=False)
    """The spaCy ``Doc`` of ``text`` while the article is in the pipeline; never stored."""

    @classmethod
    def from_raw(cls, raw: RawDocument) -> Article:
        return cls(
            article_id=raw.article_id,
            source_path=raw.source_path,
            raw_text=raw.content,
            title=raw.title,
            published=raw.published,
            published_basis=raw.published_basis,
            language=raw.language,
            url=raw.url,
            author=raw.author,
            date_hint=raw.date_hint,
            date_hint_basis=raw.date_hint_basis,
        )

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing character ``offset`` (sentences are sorted by start)."""
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    def to_record(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "title": self.title,
            "agency": self.agency,
            "dateline_place": self.dateline_place,
            "published": self.published.isoformat() if self.published else None,
            "published_basis": self.published_basis,
            "language": self.language,
            "text": self.text,
            "source_path": self.source_path,
            "duplicate_of": self.duplicate_of,
        }
