"""Hardening of the REST API: rate limits, no file-system access from requests, token checks.

(Security headers, CORS, the body size limit and the token's 401/403 are covered with the rest
of the API in ``test_api.py``; schema conformance under generated requests in
``test_api_schemathesis.py``.)
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.api import create_app
from eventwire.api.ratelimit import RateLimit, RateLimiter, RateLimits, TokenBucket
from eventwire.config import Settings
from eventwire.pipeline import Pipeline
from eventwire.store import open_store

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

TOKEN = "a-long-enough-test-token"
STORY = "MOSCOW, October 15. /TASS/. Russia and Turkey held talks on Thursday about the war in Syria."


def app_client(tmp_path: Path, **options: object) -> TestClient:
    tmp_path.mkdir(parents=True, exist_ok=True)
    db = tmp_path / "api.db"
    open_store(db).close()
    fast = Pipeline(Settings(stages=("clean", "dateline", "language")))
    return TestClient(create_app(str(db), TOKEN, pipeline=fast, **options))  # type: ignore[arg-type]


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with app_client(tmp_path) as test_client:
        yield test_client


def bearer(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


# -- the token bucket ----------------------------------------------------------------------------


def test_a_bucket_allows_its_burst_then_paces_requests() -> None:
    bucket = TokenBucket(RateLimit(per_minute=60, burst=3), tokens=3.0, updated=0.0)
    assert [bucket.take(0.0) for _ in range(3)] == [0.0, 0.0, 0.0]
    assert bucket.take(0.0) == pytest.approx(1.0)  # one token a second
    assert bucket.take(0.5) == pytest.approx(0.5)
    assert bucket.take(1.5) == 0.0
    assert bucket.take(100.0) == 0.0 and bucket.tokens == 2.0  # refills to the burst, no further


@pytest.mark.parametrize(("per_minute", "burst"), [(0, 1), (-1, 5), (10, 0)])
def test_nonsense_limits_are_refused(per_minute: float, burst: int) -> None:
    with pytest.raises(ValueError, match="rate limit"):
        RateLimit(per_minute, burst)


def test_the_limiter_forgets_the_least_recent_clients_past_its_cap() -> None:
    limiter = RateLimiter(app=None, limits=RateLimits(max_clients=3), clock=lambda: 0.0)  # type: ignore[arg-type]
    limit = RateLimit(per_minute=60, burst=1)
    for client in ("a", "b", "c", "a", "d"):
        limiter._take("reads", client, limit)
    assert [client for _kind, client in limiter.buckets] == ["c", "a", "d"]


# -- through the application ---------------------------------------------------------------------


def test_writes_past_the_budget_get_429_with_retry_after(tmp_path: Path) -> None:
    limits = RateLimits(writes=RateLimit(per_minute=1, burst=2))
    with app_client(tmp_path, rate_limits=limits) as client:
        statuses = [
            client.post("/api/articles", content=STORY, headers=bearer()).status_code for _ in range(2)
        ]
        assert statuses == [201, 200]
        refused = client.post("/api/articles", content=STORY, headers=bearer())
        assert refused.status_code == 429
        assert int(refused.headers["retry-after"]) >= 1 and "too many requests" in refused.json()["detail"]
        assert refused.headers["x-content-type-options"] == "nosniff"  # security headers still on
        assert client.get("/api/events").status_code == 200  # reads have a budget of their own


def test_guessing_the_token_is_rate_limited_too(tmp_path: Path) -> None:
    limits = RateLimits(writes=RateLimit(per_minute=1, burst=3))
    with app_client(tmp_path, rate_limits=limits) as client:
        statuses = [
            client.post("/api/articles", content=STORY, headers=bearer(f"guess-{n}")).status_code
            for n in range(5)
        ]
    assert statuses == [401, 401, 401, 429, 429]


def test_reads_can_be_limited_and_limits_turned_off(tmp_path: Path) -> None:
    with app_client(tmp_path, rate_limits=RateLimits(reads=RateLimit(per_minute=60, burst=5))) as client:
        statuses = [client.get("/api/articles").status_code for _ in range(7)]
        assert statuses == [200] * 5 + [429] * 2
    with app_client(tmp_path / "off", rate_limits=RateLimits(reads=None, writes=None)) as client:
        assert {client.get("/api/articles").status_code for _ in range(200)} == {200}
    assert RateLimits().reads is None and RateLimits().writes is not None  # by default: writes only


def test_429_is_documented_in_the_schema(client: TestClient) -> None:
    operations = client.get("/openapi.json").json()["paths"]["/api/articles"]
    assert "429" in operations["post"]["responses"] and "429" in operations["get"]["responses"]


# -- nothing on the server's disk is reachable -----------------------------------------------------

TRAVERSALS = (
    "/static/../../../../etc/passwd",
    "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/static/..%2f..%2f..%2fetc%2fpasswd",
    "/api/articles/..%2f..%2fetc%2fpasswd",
    "/api/articles/%2Fetc%2Fpasswd",
    "/api/events/..%5c..%5cwindows%5cwin.ini",
    "//etc/passwd",
)


@pytest.mark.parametrize("path", TRAVERSALS)
def test_paths_in_urls_never_reach_the_file_system(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code in (404, 422), (path, response.status_code)
    assert "root:" not in response.text


def test_a_posted_path_is_text_not_a_file_to_read(client: TestClient) -> None:
    for body in ("/etc/passwd", "file:///etc/passwd", "../../../../etc/shadow"):
        response = client.post("/api/articles", content=body, headers=bearer())
        assert response.status_code in (201, 200, 422)
        assert "root:" not in response.text
    for article in client.get("/api/articles").json()["items"]:
        assert "root:" not in article["text"] and article["source_path"] == "upload.txt"


@pytest.mark.parametrize(
    "params",
    [{"format": "/etc/passwd"}, {"db": "/etc/passwd"}, {"format": "../../etc/passwd"}],
)
def test_query_parameters_cannot_name_files_or_stores(client: TestClient, params: dict[str, str]) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code in (200, 422)
    assert "root:" not in response.text


@pytest.mark.parametrize(
    "header",
    [
        "Bearer",
        "Bearer ",
        "Basic " + TOKEN,
        "bearer " + TOKEN.upper(),
        "Bearer " + TOKEN + "x",
        "Bearer " + "é",
    ],
)
def test_near_miss_tokens_are_refused(client: TestClient, header: str) -> None:
    response = client.post(
        "/api/articles", content=STORY.encode(), headers={"Authorization": header.encode()}
    )
    assert response.status_code == 401


def test_bodies_are_bounded_whatever_content_length_says(tmp_path: Path) -> None:
    with app_client(tmp_path, max_body_bytes=1024) as client:

        def chunks() -> Iterator[bytes]:
            for _ in range(64):
                yield b"x" * 1024

        response = client.post("/api/articles", content=chunks(), headers=bearer())
    assert response.status_code == 413
