"""The REST endpoints under ``/api``: thin calls into the store, the same ones the CLI makes.

Every listing is a :class:`~eventwire.api.models.Page` in JSON, or with ``?format=csv|jsonl`` a
streamed download of every match (see :mod:`eventwire.api.downloads`). Event listings take
the filters of :func:`eventwire.api.filters.event_query` and report their ``total``; the other
listings page over the store's stream and say only whether there is a next page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from itertools import islice
from operator import methodcaller
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel

from eventwire.api import models
from eventwire.api.downloads import download
from eventwire.api.filters import (
    CODE_CHARS,
    DEFAULT_PAGE,
    NO_NUL,
    FormatParam,
    LimitParam,
    ListingFormat,
    OffsetParam,
    event_query,
    page_links,
    paged,
)
from eventwire.api.ingest import ACCEPTED_MEDIA_TYPES
from eventwire.api.security import check_token, read_body
from eventwire.store import EventQuery, Store

router = APIRouter(prefix="/api")
bearer = HTTPBearer(auto_error=False, description="The token given to `eventwire serve --token`.")

Filters = Annotated[EventQuery, Depends(event_query)]
DOWNLOADS: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {"text/csv": {}, "application/x-ndjson": {}},
        "description": "JSON page, or with format=csv|jsonl a streamed download",
    }
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": models.Problem}}
#: An event or article id in a path: bounded, and without NUL (PostgreSQL text refuses it).
Identifier = Annotated[str, Path(max_length=CODE_CHARS, pattern=NO_NUL)]


def reader(request: Request) -> Store:
    """The read-only store of the thread running this endpoint.

    Called in the endpoint's body, not as a dependency: FastAPI runs sync dependencies on a
    thread of their own, which would hand this thread's connection to another.
    """
    return request.app.state.readers.reader()


def listing(
    request: Request,
    records: Callable[[Store], Iterable[dict[str, Any]]],
    output_format: ListingFormat,
    limit: int | None,
    offset: int,
    name: str,
    model: type[BaseModel],
) -> Any:
    """A page (or download) of a listing the store streams unpaged: islice over its cursor."""
    if output_format != "json":
        end = offset + limit if limit else None
        return download(
            request.app.state.readers.open,
            lambda own: islice(records(own), offset if limit else 0, end),
            output_format,
            name,
            model,
        )
    size = limit or DEFAULT_PAGE
    items = list(islice(records(reader(request)), offset, offset + size + 1))
    following, preceding = page_links(request, size, offset, more=len(items) > size)
    return {
        "total": None,
        "limit": size,
        "offset": offset,
        "next": following,
        "previous": preceding,
        "items": items[:size],
    }


@router.get("/events", response_model=models.Page[models.Event], responses=DOWNLOADS, tags=["events"])
def list_events(
    request: Request,
    response: Response,
    filters: Filters,
    output_format: FormatParam = "json",
    limit: LimitParam = None,
    offset: OffsetParam = 0,
) -> Any:
    """Coded events matching the filters, oldest first, with their evidence and cluster."""
    query = paged(filters, limit, offset, output_format)
    if output_format != "json":
        opener = request.app.state.readers.open
        return download(opener, lambda own: own.event_records(query), output_format, "events", models.Event)
    assert query.limit is not None
    store = reader(request)
    total = store.count_events(filters)
    following, preceding = page_links(request, query.limit, offset, more=offset + query.limit < total)
    if following:
        response.headers["Link"] = f'<{following}>; rel="next"'
    return {
        "total": total,
        "limit": query.limit,
        "offset": offset,
        "next": following,
        "previous": preceding,
        "items": list(store.event_records(query)),
    }


@router.get("/events/{event_id}", response_model=models.Event, responses=NOT_FOUND, tags=["events"])
def get_event(request: Request, event_id: Identifier) -> dict[str, Any]:
    """One event by id (negated events too)."""
    return found(reader(request).event_record(event_id), "event", event_id)


@router.get("/clusters", response_model=models.Page[models.Cluster], responses=DOWNLOADS, tags=["events"])
def list_clusters(
    request: Request,
    filters: Filters,
    min_articles: Annotated[int, Query(ge=1, description="Only clusters reported by N articles.")] = 1,
    output_format: FormatParam = "json",
    limit: LimitParam = None,
    offset: OffsetParam = 0,
) -> Any:
    """Cross-article clusters (one real-world event each) whose representative matches the filters."""
    return listing(
        request,
        lambda own: own.cluster_records(filters, min_articles=min_articles),
        output_format,
        limit,
        offset,
        "clusters",
        models.Cluster,
    )


@router.get("/articles", response_model=models.Page[models.Article], responses=DOWNLOADS, tags=["articles"])
def list_articles(
    request: Request,
    output_format: FormatParam = "json",
    limit: LimitParam = None,
    offset: OffsetParam = 0,
) -> Any:
    """Stored articles (metadata and cleaned text), oldest first."""
    records = methodcaller("article_records")
    return listing(request, records, output_format, limit, offset, "articles", models.Article)


@router.get(
    "/articles/{article_id}", response_model=models.ArticleDetail, responses=NOT_FOUND, tags=["articles"]
)
def get_article(request: Request, article_id: Identifier) -> dict[str, Any]:
    """One article with every layer (mentions, quotes, times, places, events) by offsets into its text."""
    return found(reader(request).article_detail(article_id), "article", article_id)


@router.post(
    "/articles",
    response_model=models.IngestResult,
    status_code=201,
    tags=["articles"],
    responses={
        200: {"model": models.IngestResult, "description": "Everything posted was already stored"},
        401: {"model": models.Problem},
        403: {"model": models.Problem},
        413: {"model": models.Problem},
        415: {"model": models.Problem},
        422: {"model": models.Problem},
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {media_type: {"schema": {"type": "string"}} for media_type in ACCEPTED_MEDIA_TYPES},
        }
    },
)
async def post_article(
    request: Request,
    response: Response,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    published: Annotated[
        date | None, Query(description="Publication date, for a text that carries none.")
    ] = None,
) -> dict[str, Any]:
    """Ingest a text or HTML article through the pipeline into the store (needs the bearer token)."""
    state = request.app.state
    check_token(state.token, credentials)
    media_type = request.headers.get("content-type", "text/plain").split(";")[0].strip().lower()
    if media_type not in ACCEPTED_MEDIA_TYPES:
        raise HTTPException(415, f"send the article as one of {', '.join(ACCEPTED_MEDIA_TYPES)}")
    body = await read_body(request, state.max_body_bytes)
    if not body.strip():
        raise HTTPException(422, "the request body is empty: send the article's text or HTML")
    result = await run_in_threadpool(state.ingestor.ingest, body, media_type, published)
    if not result["articles"]:
        raise HTTPException(422, "; ".join(f"{f['source']}: {f['reason']}" for f in result["failures"]))
    if not any(article["stored"] for article in result["articles"]):
        response.status_code = 200
    return result


@router.get("/quotes", response_model=models.Page[models.Quote], responses=DOWNLOADS, tags=["articles"])
def list_quotes(
    request: Request,
    speaker: Annotated[
        str | None, Query(max_length=200, pattern=NO_NUL, description="Speaker name contains.")
    ] = None,
    search: Annotated[
        str | None, Query(max_length=500, pattern=NO_NUL, description="Phrase in the quote.")
    ] = None,
    output_format: FormatParam = "json",
    limit: LimitParam = None,
    offset: OffsetParam = 0,
) -> Any:
    """Direct, indirect and partial quotes with their speakers."""
    return listing(
        request,
        lambda own: own.quote_records(speaker or None, search or None),
        output_format,
        limit,
        offset,
        "quotes",
        models.Quote,
    )


@router.get("/actors", response_model=models.Page[models.ActorCount], responses=DOWNLOADS, tags=["stats"])
def list_actors(
    request: Request,
    output_format: FormatParam = "json",
    limit: LimitParam = None,
    offset: OffsetParam = 0,
) -> Any:
    """Resolved actor codes with how often, and in how many articles, they are mentioned."""
    records = methodcaller("actor_records")
    return listing(request, records, output_format, limit, offset, "actors", models.ActorCount)


@router.get("/stats", response_model=models.Stats, tags=["stats"])
def stats(
    request: Request,
    filters: Filters,
    by: Annotated[Literal["day", "week", "month"], Query(description="Period of the counts.")] = "month",
    top: Annotated[int, Query(ge=0, le=500, description="How many actor pairs (dyads).")] = 10,
    places: Annotated[int, Query(ge=0, le=5000, description="How many located places.")] = 500,
) -> dict[str, Any]:
    """Events per period × QuadClass, the top dyads, and events per located place."""
    store = reader(request)
    return {
        "by": by,
        "total": store.count_events(filters),
        "periods": store.period_counts(filters, by=by),
        "dyads": store.dyad_records(filters, top=top) if top else [],
        "locations": store.location_counts(filters, top=places) if places else [],
    }


@router.get("/cameo", response_model=list[models.CameoCode], tags=["stats"])
def cameo_codes() -> list[dict[str, Any]]:
    """The CAMEO codebook: every code with its description, Goldstein weight and QuadClass."""
    return list(_codebook_records())


def _codebook_records() -> Iterator[dict[str, Any]]:
    from eventwire.events.codebook import load_codebook

    for entry in load_codebook().codes.values():
        yield {
            "code": entry.code,
            "description": entry.description,
            "goldstein": entry.goldstein,
            "quad_class": entry.quad_class,
            "plover_type": entry.plover_type,
        }


def found(record: dict[str, Any] | None, kind: str, identifier: str) -> dict[str, Any]:
    if record is None:
        raise HTTPException(404, f"no {kind} {identifier!r} in this store")
    return record
