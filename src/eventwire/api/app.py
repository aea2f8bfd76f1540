"""The web application: the REST API, its documentation and the dashboard, from one store.

``create_app(db_url)`` builds it; ``eventwire serve`` runs it under uvicorn. GET requests read
through per-thread read-only stores (:mod:`eventwire.api.stores`); ``POST /api/articles`` opens
a writer for each request. The dashboard is static files (``static/``) that use only the JSON
API, as a script would, so the UI never knows more than the API shows.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

import eventwire
from eventwire.api.ingest import Ingestor
from eventwire.api.models import Problem
from eventwire.api.ratelimit import RateLimiter, RateLimits
from eventwire.api.routes import router
from eventwire.api.security import SecurityHeaders, cors_options
from eventwire.api.stores import ReaderPool
from eventwire.parallel import DocumentProcessor

STATIC = Path(__file__).parent / "static"
#: Largest request body accepted (a long article as HTML is well under 1 MiB).
DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024
#: The dashboard's pages: URL path → file in ``static/``.
PAGES = {"/": "index.html", "/article": "article.html", "/docs": "docs.html"}

DESCRIPTION = """Coded political events with their evidence, from an eventwire store.

Listings return one page of JSON (follow `next`), or with `?format=csv` or `?format=jsonl` a
streamed download of every match. Event filters are the CLI's: `actor`, `cameo`, `cameo_root`,
`quad_class`, `since`, `until`, `country`, `bbox`, `search`, `include_negated`,
`exclude_duplicates`, `cluster_id`, `one_per_cluster`. Records follow the public contract
(CONTRACT.md). Writes (`POST /api/articles`) need `Authorization: Bearer <token>`.
"""


def create_app(
    db_url: str,
    token: str | None = None,
    *,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    cors_origins: Sequence[str] = (),
    pipeline: DocumentProcessor | None = None,
    rate_limits: RateLimits | None = None,
) -> FastAPI:
    """The application serving the store at ``db_url`` (a SQLite path or ``postgresql://`` URL).

    ``token`` enables writes (without one, ``POST`` answers 403); ``cors_origins`` lists the
    origins whose pages may read the API (none by default); ``pipeline`` replaces the one
    built on the first write (tests pass theirs); ``rate_limits`` are the per-client budgets
    (:class:`~eventwire.api.ratelimit.RateLimits`: by default only writes are limited).
    Raises :class:`~eventwire.errors.StoreError` at once when the store cannot be opened for
    reading.
    """
    readers = ReaderPool(db_url)
    readers.open().close()  # fail now, not on the first request

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        readers.close_all()

    app = FastAPI(
        title="eventwire",
        version=eventwire.__version__,
        description=DESCRIPTION,
        docs_url=None,  # FastAPI's pages load Swagger UI from a CDN; /docs is ours
        redoc_url=None,
        lifespan=lifespan,
        responses={
            429: {"model": Problem, "description": "Too many requests from this client; see Retry-After"}
        },
    )
    app.state.readers = readers
    app.state.token = token or None
    app.state.max_body_bytes = max_body_bytes
    app.state.ingestor = Ingestor(db_url, pipeline)
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for path, file_name in PAGES.items():
        _add_page(app, path, STATIC / file_name)
    app.add_middleware(RateLimiter, limits=rate_limits or RateLimits())
    if cors_origins:
        app.add_middleware(CORSMiddleware, **cors_options(tuple(cors_origins)))
    app.add_middleware(SecurityHeaders)
    return app


def _add_page(app: FastAPI, path: str, file: Path) -> None:
    async def page() -> FileResponse:
        return FileResponse(file, media_type="text/html; charset=utf-8")

    app.add_api_route(path, page, methods=["GET"], include_in_schema=False, name=file.stem)


def serve(
    db_url: str,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    cors_origins: Sequence[str] = (),
) -> None:
    """Run the application under uvicorn until interrupted (``eventwire serve``)."""
    import uvicorn

    app = create_app(db_url, token, cors_origins=cors_origins)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
