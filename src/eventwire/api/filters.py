"""Query-string parameters → :class:`~eventwire.store.EventQuery`, and paging links.

The parameters are the CLI's filter options under the same names, so a dashboard URL, an API
call and an ``eventwire events`` command line say the same thing. Values reach SQL only as bound
parameters (see ``store/query.py``): a hostile string is just a code that matches nothing.
Malformed values (a date that is not a date, a bounding box that is not four numbers, text with
a NUL character, which neither SQLite's full-text index nor PostgreSQL accepts) are refused
with 422 before any query runs, in FastAPI's validation-error shape; the rules are patterns in
the OpenAPI schema, so a client can check a value before sending it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import Query, Request
from fastapi.exceptions import RequestValidationError

from eventwire.store import EventQuery

#: Page size of JSON listings when the request names none, and the most one page may hold.
DEFAULT_PAGE = 50
MAX_PAGE = 1000

#: Longest code or id accepted. Generous (codes are a few characters) so that odd input is a
#: value that matches nothing rather than an error, but bounded.
CODE_CHARS = 100
#: Furthest a listing may page: beyond any store, and within what ``islice`` and SQL accept.
MAX_OFFSET = 1_000_000_000
#: Text without a NUL character (which neither SQLite's full-text index nor PostgreSQL accepts).
NO_NUL = r"^[^\x00]*$"
_LONGITUDE = r"-?(?:180(?:\.0+)?|(?:1[0-7][0-9]|[1-9]?[0-9])(?:\.[0-9]+)?)"
_LATITUDE = r"-?(?:90(?:\.0+)?|[1-8]?[0-9](?:\.[0-9]+)?)"
#: ``WEST,SOUTH,EAST,NORTH`` in degrees, longitudes within ±180 and latitudes within ±90.
BBOX_PATTERN = rf"^{_LONGITUDE},{_LATITUDE},{_LONGITUDE},{_LATITUDE}$"

ListingFormat = Literal["json", "csv", "jsonl"]
FormatParam = Annotated[
    ListingFormat,
    Query(
        alias="format",
        description="json: one page; csv or jsonl: a streamed download of every match "
        "(limit/offset apply only when given).",
    ),
]
LimitParam = Annotated[
    int | None, Query(ge=1, le=MAX_PAGE, description=f"Page size (JSON default {DEFAULT_PAGE}).")
]
OffsetParam = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Skip this many matches first.")]


def code_query(description: str) -> Any:
    """A query parameter holding a code or an id: bounded, and without NUL."""
    return Query(max_length=CODE_CHARS, pattern=NO_NUL, description=description)


async def event_query(
    actor: Annotated[str | None, code_query("Actor code prefix, source or target (RUS, SYRMIL).")] = None,
    cameo: Annotated[str | None, code_query("CAMEO code prefix (19 = fight, 112 = accuse).")] = None,
    cameo_root: Annotated[str | None, code_query("CAMEO root, exactly (19).")] = None,
    quad_class: Annotated[
        int | None, Query(ge=1, le=4, description="1/2 verbal/material cooperation, 3/4 conflict.")
    ] = None,
    since: Annotated[
        date | None,
        Query(
            description="Events on or after this day (YYYY-MM-DD); a month, week or year from its first day."
        ),
    ] = None,
    until: Annotated[date | None, Query(description="Events on or before this day.")] = None,
    country: Annotated[str | None, code_query("ISO 3166 alpha-3 code of the event location.")] = None,
    bbox: Annotated[
        str | None,
        Query(
            max_length=100,
            pattern=BBOX_PATTERN,
            description="WEST,SOUTH,EAST,NORTH in degrees (south ≤ north): event location inside.",
        ),
    ] = None,
    search: Annotated[
        str | None,
        Query(max_length=500, pattern=NO_NUL, description="Phrase searched in article text and evidence."),
    ] = None,
    include_negated: Annotated[bool, Query(description="Also list negated events.")] = False,
    exclude_duplicates: Annotated[bool, Query(description="Leave out near-duplicate articles.")] = False,
    cluster_id: Annotated[str | None, code_query("Only this cluster's events.")] = None,
    one_per_cluster: Annotated[bool, Query(description="Only each cluster's representative.")] = False,
) -> EventQuery:
    """The event filters of a request (a FastAPI dependency; ``async`` only because it does no
    I/O: FastAPI would run a plain function on a worker thread, a hop for nothing)."""
    return EventQuery(
        actor=actor or None,
        cameo=cameo or None,
        cameo_root=cameo_root or None,
        quad_class=quad_class,
        since=since,
        until=until,
        country=country or None,
        bbox=parse_bbox(bbox) if bbox else None,
        search=search or None,
        include_negated=include_negated,
        exclude_duplicates=exclude_duplicates,
        cluster_id=cluster_id or None,
        one_per_cluster=one_per_cluster,
    )


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    """``WEST,SOUTH,EAST,NORTH`` (already matched by :data:`BBOX_PATTERN`) → numbers, refused
    (422) when south is north of north, which a pattern cannot say."""
    west, south, east, north = (float(part) for part in text.split(","))
    if south > north:
        raise RequestValidationError(
            [{"type": "value_error", "loc": ("query", "bbox"), "msg": "south must be ≤ north", "input": text}]
        )
    return west, south, east, north


def paged(query: EventQuery, limit: int | None, offset: int, output_format: ListingFormat) -> EventQuery:
    """``query`` with its page: JSON pages default to :data:`DEFAULT_PAGE`, downloads to everything."""
    if output_format == "json":
        return replace(query, limit=limit or DEFAULT_PAGE, offset=offset)
    return replace(query, limit=limit, offset=offset if limit else 0)


def page_links(request: Request, limit: int, offset: int, more: bool) -> tuple[str | None, str | None]:
    """Relative URLs of the next and previous pages (same filters), or None at either end."""

    def at(new_offset: int) -> str:
        url = request.url.include_query_params(limit=limit, offset=new_offset)
        return f"{url.path}?{url.query}"

    following = at(offset + limit) if more else None
    preceding = at(max(0, offset - limit)) if offset > 0 else None
    return following, preceding
