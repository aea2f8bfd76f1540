"""``eventwire serve``: a REST API and a dashboard over a store.

:func:`create_app` builds the FastAPI application (OpenAPI schema at ``/openapi.json``,
reference at ``/docs``, dashboard at ``/``); :func:`serve` runs it under uvicorn.
"""

from __future__ import annotations

from eventwire.api.app import create_app, serve

__all__ = ["create_app", "serve"]
