"""What keeps the server safe to run: response headers, the write token, the body limit.

* Every response carries a Content-Security-Policy that allows scripts, styles and data only
  from this server (no inline scripts, so an injected ``<script>`` in an article title cannot
  run), may not be framed (``frame-ancestors 'none'``: no clickjacking), and is not
  content-sniffed. CORS headers are sent only for origins the operator lists.
* Writes need ``Authorization: Bearer <token>``, compared in constant time. With no token
  configured, writes are disabled (403) rather than open: a forgotten ``--token`` must not turn
  a dashboard into a public ingest endpoint.
* A request body is read only up to the configured size (413 beyond it), whatever its
  Content-Length claims.
"""

from __future__ import annotations

import secrets
from typing import Any

from fastapi import HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class SecurityHeaders:
    """ASGI middleware adding :data:`SECURITY_HEADERS` to every HTTP response.

    Plain ASGI rather than ``BaseHTTPMiddleware``: it only touches the response's first
    message, so streamed downloads pass through unbuffered and requests pay nothing measurable.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)


#: Sent with 401: tells the client which scheme to retry with.
BEARER_CHALLENGE = {"WWW-Authenticate": "Bearer"}


def check_token(configured: str | None, credentials: HTTPAuthorizationCredentials | None) -> None:
    """Raise 403 when writes are disabled, 401 unless ``credentials`` carry the token."""
    if not configured:
        raise HTTPException(
            403, "writes are disabled: start the server with --token or EVENTWIRE_API_TOKEN to allow them"
        )
    given = credentials.credentials if credentials and credentials.scheme.lower() == "bearer" else ""
    if not secrets.compare_digest(given.encode("utf-8"), configured.encode("utf-8")):
        raise HTTPException(
            401, "a valid 'Authorization: Bearer <token>' header is required", headers=BEARER_CHALLENGE
        )


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it exceeds ``limit`` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, too_large(limit))
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, too_large(limit))
        chunks.append(chunk)
    return b"".join(chunks)


def too_large(limit: int) -> str:
    return f"request body larger than {limit:,} bytes"


def cors_options(origins: tuple[str, ...]) -> dict[str, Any]:
    """CORSMiddleware settings for the listed origins: reads from anywhere listed, nothing else."""
    return {
        "allow_origins": list(origins),
        "allow_methods": ["GET"],
        "allow_headers": ["Authorization"],
        "expose_headers": ["Link"],
    }
