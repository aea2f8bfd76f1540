"""Response models: the contract's records (shared/CONTRACT.md) as pydantic classes.

They exist for the OpenAPI schema and to pin what the API promises: a response carries exactly
these fields, so a column added to the store never leaks into the API by accident, and a field
dropped from a store record fails the API tests instead of vanishing silently. The records
themselves are built by the store (the same dictionaries the CLI prints).
"""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class EventActor(BaseModel):
    text: str | None = Field(description="The words in the evidence sentence.")
    name: str | None
    code: str | None = Field(description="CAMEO actor code: ISO alpha-3 country + sector (RUSGOV).")


class Plover(BaseModel):
    event_type: str | None
    mode: str | None


class Location(BaseModel):
    name: str | None
    country: str | None = Field(description="ISO 3166 alpha-3.")
    lat: float | None
    lon: float | None
    precision: str | None = Field(description="city, adm1, country or region.")


class EventSpeaker(BaseModel):
    name: str | None
    code: str | None


class Evidence(BaseModel):
    sentence: str
    start: int = Field(description="Offset of the sentence in the article's cleaned text.")
    end: int


class ClusterRef(BaseModel):
    """The cross-article cluster an event belongs to (nulls until clustered)."""

    cluster_id: str | None
    num_events: int | None
    num_articles: int | None
    num_sources: int | None


class Event(BaseModel):
    """The contract's event record, with its cluster."""

    event_id: str
    article_id: str
    source: EventActor | None
    target: EventActor | None
    cameo: str
    cameo_root: str
    goldstein: float
    quad_class: int = Field(description="1/2 verbal/material cooperation, 3/4 verbal/material conflict.")
    plover: Plover
    date: str | None
    date_precision: str | None
    date_basis: str | None = Field(description="text, dateline or published: where the date came from.")
    location: Location | None
    negated: bool
    modality: str = Field(description="asserted, intended, appeal, hypothetical or reported.")
    speaker: EventSpeaker | None
    evidence: Evidence
    rule: str = Field(description="The pattern or rule that coded the event.")
    confidence: float
    cluster: ClusterRef


class Article(BaseModel):
    """The contract's article record."""

    article_id: str
    title: str | None
    agency: str | None
    dateline_place: str | None
    published: str | None
    published_basis: str | None
    language: str | None
    text: str = Field(description="Cleaned body; every offset indexes it.")
    source_path: str | None
    duplicate_of: str | None


class QuoteSpeaker(BaseModel):
    text: str | None
    name: str | None
    code: str | None


class Quote(BaseModel):
    """The contract's quote record."""

    quote_id: str
    article_id: str
    kind: str
    text: str
    speaker: QuoteSpeaker | None
    cue: str | None
    start: int
    end: int


class LocatedQuote(Quote):
    """A quote with the offsets of its cue and speaker, for highlighting."""

    cue_start: int | None
    cue_end: int | None
    speaker_start: int | None
    speaker_end: int | None


class TimeExpression(BaseModel):
    """The contract's time record."""

    article_id: str
    text: str
    start: int
    end: int
    type: str
    value: str | None
    anchor: str | None


class Place(BaseModel):
    article_id: str
    text: str
    start: int
    end: int
    name: str | None
    country: str | None
    lat: float | None
    lon: float | None
    precision: str | None


class MentionActor(BaseModel):
    code: str
    name: str | None
    country: str | None
    sector: str | None


class Mention(BaseModel):
    """An actor-like mention; ``actor`` is null when it resolved to nothing."""

    index: int
    text: str
    start: int
    end: int
    label: str
    actor: MentionActor | None
    person: str | None
    antecedent: int | None = Field(description="Index of the mention a pronoun or role noun refers to.")


class ArticleDetail(Article):
    """One article with every layer the pipeline added, offsets into ``text``."""

    url: str | None
    author: str | None
    dateline: str | None
    skipped_reason: str | None
    paragraphs: list[tuple[int, int]]
    subheadings: list[tuple[int, int]]
    mentions: list[Mention]
    quotes: list[LocatedQuote]
    times: list[TimeExpression]
    places: list[Place]
    events: list[Event] = Field(description="In text order, negated ones included.")


class Cluster(BaseModel):
    """One real-world event reported by one or more articles."""

    cluster_id: str
    source_country: str | None
    target_country: str | None
    cameo_root: str
    location_country: str | None
    first_date: str | None
    last_date: str | None
    first_report: str | None
    last_report: str | None
    num_events: int
    num_articles: int
    num_sources: int
    sources: list[str]
    event: Event = Field(description="The representative event (earliest original report).")


class ActorCount(BaseModel):
    actor_code: str
    actor_name: str | None
    country: str | None
    sector: str | None
    mentions: int
    articles: int


class PeriodCount(BaseModel):
    """Events in one period, per QuadClass."""

    period: str = Field(description="2015-10-15, 2015-W42 or 2015-10.")
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    events: int
    goldstein_sum: float


class Dyad(BaseModel):
    source: str
    target: str
    events: int
    goldstein_sum: float
    goldstein_mean: float


class LocationCount(BaseModel):
    name: str | None
    country: str | None
    lat: float
    lon: float
    precision: str | None
    events: int
    goldstein_mean: float


class Stats(BaseModel):
    """Aggregates of the events a filter selects."""

    by: str
    total: int
    periods: list[PeriodCount]
    dyads: list[Dyad]
    locations: list[LocationCount]


class CameoCode(BaseModel):
    code: str
    description: str
    goldstein: float
    quad_class: int
    plover_type: str | None


class Page(BaseModel, Generic[T]):
    """One page of a listing; follow ``next`` until it is null."""

    total: int | None = Field(description="Every match, all pages (null where counting is not offered).")
    limit: int
    offset: int
    next: str | None = Field(description="URL of the next page, same filters; null on the last page.")
    previous: str | None
    items: list[T]


class StoredArticle(BaseModel):
    article_id: str
    title: str | None
    stored: bool = Field(description="False when the same text was already in the store.")
    events: int
    quotes: int
    duplicate_of: str | None
    href: str


class InputProblem(BaseModel):
    source: str
    reason: str


class IngestResult(BaseModel):
    """What ``POST /api/articles`` did with the body."""

    articles: list[StoredArticle]
    failures: list[InputProblem]


class Problem(BaseModel):
    """An error response: what went wrong and, where it helps, what to do."""

    detail: str
