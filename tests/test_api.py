"""The REST API over the sample store (examples/corpus through the real pipeline).

Every endpoint, paging, downloads, filters with hostile input, the write path's token, size
and media-type checks, security headers and CORS, the OpenAPI schema and the static dashboard.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

with warnings.catch_warnings():
    # Starlette now prefers httpx2 for its test client; httpx (installed with spaCy's stack) works.
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

from eventwire.api import create_app
from eventwire.api.app import STATIC
from eventwire.api.downloads import csv_columns
from eventwire.api.models import Event
from eventwire.errors import StoreError, UsageError
from eventwire.pipeline import Pipeline
from eventwire.store import EventQuery, open_store

from .api_helpers import CORPUS, copy_store, sample_store

pytestmark = pytest.mark.slow  # the sample store runs the whole pipeline once per session

TOKEN = "s3cret-token"
SQL_INJECTIONS = (
    "' OR '1'='1",
    "'; DROP TABLE events; --",
    '" OR 1=1 --',
    "RUS' UNION SELECT * FROM articles --",
)
#: Pattern and search syntax: matched as plain characters, so they match nothing here either.
INJECTIONS = (*SQL_INJECTIONS, "%", "_", "*", "NEAR(a b)", "\\")
STORY = (
    "MOSCOW, October 15. /TASS/. Russian Foreign Minister Sergey Lavrov on Thursday accused "
    "Turkey of supplying weapons to militants in Syria.\n\n"
    '"We will respond," Lavrov told reporters in Moscow.'
)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Path:
    return sample_store(tmp_path_factory, pipeline)


@pytest.fixture(scope="module")
def client(sample_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(sample_db))) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def all_events(sample_db: Path) -> list[dict[str, Any]]:
    with open_store(sample_db, read_only=True) as store:
        return list(store.event_records())


@pytest.fixture
def writer(sample_db: Path, tmp_path: Path, pipeline: Pipeline) -> Iterator[TestClient]:
    """A client with writes enabled, on a copy of the sample store."""
    app = create_app(str(copy_store(sample_db, tmp_path)), TOKEN, max_body_bytes=4096, pipeline=pipeline)
    with TestClient(app) as test_client:
        yield test_client


def bearer(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


# -- reading --------------------------------------------------------------------------------------


def test_the_sample_store_is_populated(all_events: list[dict[str, Any]]) -> None:
    assert len(all_events) > 100
    assert sum(1 for event in all_events if event["location"] and event["location"]["lat"] is not None) > 50


def test_events_page_has_total_links_and_contract_records(
    client: TestClient, all_events: list[dict[str, Any]]
) -> None:
    response = client.get("/api/events", params={"limit": 10})
    assert response.status_code == 200
    page = response.json()
    assert page["total"] == len(all_events)
    assert (page["limit"], page["offset"], page["previous"]) == (10, 0, None)
    assert page["items"] == all_events[:10]
    assert page["next"] == "/api/events?limit=10&offset=10"
    assert response.headers["link"] == '</api/events?limit=10&offset=10>; rel="next"'
    assert client.get("/api/events").json()["limit"] == 50  # the default page


def test_following_next_visits_every_event_once(client: TestClient, all_events: list[dict[str, Any]]) -> None:
    seen: list[str] = []
    url: str | None = "/api/events?limit=37&actor=US"
    pages = 0
    while url:
        page = client.get(url).json()
        seen += [event["event_id"] for event in page["items"]]
        url = page["next"]
        pages += 1
    expected = [event["event_id"] for event in all_events if involves("US")(event)]
    assert seen == expected
    assert pages == max(1, -(-len(expected) // 37))
    last = client.get("/api/events", params={"limit": 37, "offset": 37}).json()
    assert last["previous"] == "/api/events?limit=37&offset=0"


def involves(prefix: str) -> Any:
    """Does an event record have a source or target code starting with ``prefix``?"""
    return lambda event: any(code_of(event[side]).startswith(prefix) for side in ("source", "target"))


def code_of(actor: dict[str, Any] | None) -> str:
    return (actor or {}).get("code") or ""


def in_box(event: dict[str, Any]) -> bool:
    place = event["location"]
    return bool(place and place["lat"] is not None and 30 <= place["lat"] <= 60 and 20 <= place["lon"] <= 50)


@pytest.mark.parametrize(
    ("params", "matches"),
    [
        ({"actor": "RUS"}, involves("RUS")),
        ({"cameo_root": "19"}, lambda event: event["cameo_root"] == "19"),
        ({"cameo": "11"}, lambda event: event["cameo"].startswith("11")),
        ({"quad_class": 4}, lambda event: event["quad_class"] == 4),
        ({"country": "KGZ"}, lambda event: (event["location"] or {}).get("country") == "KGZ"),
        (
            {"since": "2019-01-01", "until": "2019-12-31"},
            lambda event: "2019" <= (event["date"] or "") < "2019~",
        ),
        ({"bbox": "20,30,50,60"}, in_box),
    ],
)
def test_event_filters_select_what_they_say(
    client: TestClient, all_events: list[dict[str, Any]], params: dict[str, Any], matches: Any
) -> None:
    page = client.get("/api/events", params={**params, "limit": 1000}).json()
    expected = [event for event in all_events if matches(event)]
    assert expected, f"the sample store has no events for {params}"
    assert page["total"] == len(expected)
    assert page["items"] == expected


def test_full_text_search_and_negated_events(client: TestClient, sample_db: Path) -> None:
    found = client.get("/api/events", params={"search": "border", "limit": 1000}).json()
    assert found["total"] > 0
    with open_store(sample_db, read_only=True) as store:
        assert found["total"] == store.count_events(EventQuery(search="border"))
        negated = store.count_events(EventQuery(include_negated=True)) - store.count_events()
    everything = client.get("/api/events", params={"include_negated": "true"}).json()["total"]
    assert everything - client.get("/api/events").json()["total"] == negated


@pytest.mark.parametrize("hostile", INJECTIONS)
@pytest.mark.parametrize("name", ["actor", "cameo", "cameo_root", "country", "search", "cluster_id"])
def test_injection_strings_are_just_values_that_match_nothing(
    client: TestClient, name: str, hostile: str
) -> None:
    response = client.get("/api/events", params={name: hostile})
    assert response.status_code == 200, response.text
    assert response.json()["total"] == 0
    assert client.get("/api/stats", params={name: hostile}).json()["periods"] == []
    assert client.get("/api/clusters", params={name: hostile}).json()["items"] == []


@pytest.mark.parametrize("hostile", (*SQL_INJECTIONS, "%", "_"))
def test_injection_strings_in_quote_filters_and_ids(client: TestClient, hostile: str) -> None:
    for name in ("speaker", "search"):
        response = client.get("/api/quotes", params={name: hostile})
        assert response.status_code == 200 and response.json()["items"] == []
    assert client.get(f"/api/events/{hostile}").status_code in (404, 405)
    assert client.get("/api/articles/" + hostile.replace("/", "")).status_code == 404


def test_the_store_survives_the_injections(client: TestClient, all_events: list[dict[str, Any]]) -> None:
    client.get("/api/events", params={"actor": "'; DROP TABLE events; --"})
    assert client.get("/api/events").json()["total"] == len(all_events)


@pytest.mark.parametrize(
    "params",
    [
        {"since": "2015-13-45"},
        {"since": "'; DROP TABLE events; --"},
        {"quad_class": "5"},
        {"quad_class": "1 OR 1=1"},
        {"limit": "0"},
        {"limit": "100000"},
        {"offset": "-1"},
        {"bbox": "1,2,3"},
        {"bbox": "a,b,c,d"},
        {"bbox": "0,80,10,10"},
        {"actor": "RUS\x00"},
        {"search": "a\x00b"},
        {"actor": "R" * 101},
        {"format": "xml"},
        {"include_negated": "maybe"},
    ],
)
def test_malformed_parameters_are_refused_with_422(client: TestClient, params: dict[str, str]) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 422, response.text
    assert "detail" in response.json()


def test_one_event_and_unknown_ids(client: TestClient, all_events: list[dict[str, Any]]) -> None:
    event = all_events[len(all_events) // 2]
    assert client.get(f"/api/events/{event['event_id']}").json() == event
    response = client.get("/api/events/0000000000000000")
    assert response.status_code == 404
    assert "no event" in response.json()["detail"]
    assert client.get("/api/articles/0000000000000000").status_code == 404


def test_article_view_has_every_layer_with_offsets_into_its_text(
    client: TestClient, all_events: list[dict[str, Any]]
) -> None:
    event = next(e for e in all_events if e["article_id"] and e["location"])
    detail = client.get(f"/api/articles/{event['article_id']}").json()
    text = detail["text"]
    assert (
        detail["title"] and detail["mentions"] and detail["quotes"] and detail["times"] and detail["places"]
    )
    for layer in ("mentions", "times", "places"):
        for item in detail[layer]:
            assert text[item["start"] : item["end"]] == item["text"], (layer, item)
    for quote in detail["quotes"]:
        assert 0 <= quote["start"] < quote["end"] <= len(text)
    assert event in detail["events"]
    for coded in detail["events"]:
        assert text[coded["evidence"]["start"] : coded["evidence"]["end"]] == coded["evidence"]["sentence"]
    assert all(start < end for start, end in detail["paragraphs"])


def test_listings_of_articles_clusters_quotes_and_actors_page(client: TestClient) -> None:
    for path in ("/api/articles", "/api/clusters", "/api/quotes", "/api/actors"):
        first = client.get(path, params={"limit": 3}).json()
        assert len(first["items"]) == 3, path
        assert first["total"] is None and first["next"] == f"{path}?limit=3&offset=3"
        second = client.get(first["next"]).json()
        assert second["items"] and second["items"][0] != first["items"][0]
    articles = client.get("/api/articles", params={"limit": 1000}).json()
    assert len(articles["items"]) == 32 and articles["next"] is None
    assert {"article_id", "title", "agency", "published", "text"} <= set(articles["items"][0])
    cluster = client.get("/api/clusters", params={"min_articles": 2}).json()["items"][0]
    assert cluster["num_articles"] >= 2 and cluster["event"]["cluster"]["cluster_id"] == cluster["cluster_id"]
    quotes = client.get("/api/quotes", params={"speaker": "Lavrov"}).json()["items"]
    assert quotes and all("Lavrov" in (q["speaker"]["name"] or q["speaker"]["text"]) for q in quotes)
    actors = client.get("/api/actors", params={"limit": 1000}).json()["items"]
    assert actors[0]["mentions"] >= actors[-1]["mentions"]


def test_stats_counts_periods_dyads_and_places(client: TestClient, all_events: list[dict[str, Any]]) -> None:
    stats = client.get("/api/stats", params={"by": "month", "top": 5}).json()
    assert stats["by"] == "month" and stats["total"] == len(all_events)
    monthly = {event["date"][:7] for event in all_events if event["date"] and len(event["date"]) >= 7
               and event["date"][5:7].isdigit()}  # fmt: skip
    assert {period["period"] for period in stats["periods"]} == monthly
    for period in stats["periods"]:
        assert period["events"] == sum(
            period[name]
            for name in ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
        )
    assert len(stats["dyads"]) == 5
    assert stats["dyads"][0]["events"] >= stats["dyads"][-1]["events"]
    located = sum(1 for e in all_events if e["location"] and e["location"]["lat"] is not None)
    assert sum(place["events"] for place in stats["locations"]) == located
    quiet = client.get("/api/stats", params={"top": 0, "places": 0, "by": "week"}).json()
    assert quiet["dyads"] == quiet["locations"] == [] and quiet["periods"][0]["period"][4:6] == "-W"
    assert client.get("/api/stats", params={"by": "year"}).status_code == 422


def test_cameo_codebook(client: TestClient) -> None:
    codes = {code["code"]: code for code in client.get("/api/cameo").json()}
    assert codes["19"]["quad_class"] == 4 and codes["112"]["description"]


# -- downloads ------------------------------------------------------------------------------------


def test_events_csv_download_streams_every_match_with_fixed_columns(
    client: TestClient, all_events: list[dict[str, Any]]
) -> None:
    response = client.get("/api/events", params={"format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["content-disposition"] == 'attachment; filename="events.csv"'
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == len(all_events) > 50  # more than a JSON page: downloads are not paged
    assert list(rows[0]) == csv_columns(Event)
    assert {"source.code", "speaker.name", "evidence.sentence", "cluster.num_articles"} <= set(rows[0])
    by_id = {row["event_id"]: row for row in rows}
    spoken = next(event for event in all_events if event["speaker"] and event["speaker"]["name"])
    assert by_id[spoken["event_id"]]["speaker.name"] == spoken["speaker"]["name"]
    filtered = client.get("/api/events", params={"format": "csv", "actor": "RUS"}).text
    expected = client.get("/api/events", params={"actor": "RUS", "limit": 1000}).json()["items"]
    assert [row["event_id"] for row in csv.DictReader(io.StringIO(filtered))] == [
        e["event_id"] for e in expected
    ]


def test_jsonl_downloads_are_the_contract_records(
    client: TestClient, all_events: list[dict[str, Any]]
) -> None:
    response = client.get("/api/events", params={"format": "jsonl"})
    assert response.headers["content-type"].startswith("application/x-ndjson")
    assert [json.loads(line) for line in response.text.splitlines()] == all_events
    limited = client.get("/api/events", params={"format": "jsonl", "limit": 5, "offset": 5}).text
    assert [json.loads(line) for line in limited.splitlines()] == all_events[5:10]


@pytest.mark.parametrize("path", ["/api/articles", "/api/clusters", "/api/quotes", "/api/actors"])
def test_every_listing_downloads_as_csv_and_jsonl(client: TestClient, path: str) -> None:
    everything = client.get(path, params={"limit": 1000}).json()["items"]
    lines = client.get(path, params={"format": "jsonl"}).text.splitlines()
    assert [json.loads(line) for line in lines] == everything
    rows = list(csv.reader(io.StringIO(client.get(path, params={"format": "csv"}).text)))
    assert len(rows) == len(everything) + 1  # a header, then one row each


def test_an_empty_download_is_a_header_only(client: TestClient) -> None:
    text = client.get("/api/events", params={"format": "csv", "actor": "ZZZ"}).text
    assert text.strip() == ",".join(csv_columns(Event))
    assert client.get("/api/events", params={"format": "jsonl", "actor": "ZZZ"}).text == ""


# -- writing --------------------------------------------------------------------------------------


def test_writes_are_disabled_without_a_configured_token(client: TestClient) -> None:
    response = client.post("/api/articles", content=STORY, headers={**bearer(), "Content-Type": "text/plain"})
    assert response.status_code == 403
    assert "--token" in response.json()["detail"]


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong-token"},
        {"Authorization": f"Bearer {TOKEN}x"},
        {"Authorization": f"Basic {TOKEN}"},
        {"Authorization": TOKEN},
        {"Authorization": "Bearer "},
    ],
)
def test_writes_without_the_token_are_refused_with_401(writer: TestClient, headers: dict[str, str]) -> None:
    response = writer.post("/api/articles", content=STORY, headers={**headers, "Content-Type": "text/plain"})
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert writer.get("/api/articles", params={"limit": 1000}).json()["items"].__len__() == 32


def test_oversized_bodies_are_rejected_with_413(writer: TestClient) -> None:
    big = "x" * 5000  # the writer's limit is 4096 bytes
    response = writer.post("/api/articles", content=big, headers={**bearer(), "Content-Type": "text/plain"})
    assert response.status_code == 413

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit is enforced while reading
        for _ in range(10):
            yield b"y" * 1000

    response = writer.post(
        "/api/articles", content=chunks(), headers={**bearer(), "Content-Type": "text/plain"}
    )
    assert response.status_code == 413


def test_unsupported_media_types_and_empty_bodies(writer: TestClient) -> None:
    image = writer.post(
        "/api/articles", content=b"\x89PNG", headers={**bearer(), "Content-Type": "image/png"}
    )
    assert image.status_code == 415
    empty = writer.post("/api/articles", content=b"  \n", headers={**bearer(), "Content-Type": "text/plain"})
    assert empty.status_code == 422


def test_a_posted_article_goes_through_the_pipeline_into_the_store(writer: TestClient) -> None:
    response = writer.post(
        "/api/articles",
        content=STORY,
        params={"published": "2015-10-15"},
        headers={**bearer(), "Content-Type": "text/plain"},
    )
    assert response.status_code == 201, response.text
    (stored,) = response.json()["articles"]
    assert stored["stored"] is True and stored["events"] >= 1 and stored["quotes"] >= 1
    detail = writer.get(stored["href"]).json()
    assert detail["published"] == "2015-10-15" and "Lavrov" in detail["text"]
    assert any(event["source"] and event["source"]["code"].startswith("RUS") for event in detail["events"])
    assert writer.get("/api/events", params={"search": "supplying weapons"}).json()["total"] >= 1
    again = writer.post("/api/articles", content=STORY, headers={**bearer(), "Content-Type": "text/plain"})
    assert again.status_code == 200
    assert again.json()["articles"][0]["stored"] is False


def test_a_posted_html_page_is_extracted(writer: TestClient) -> None:
    page = (
        "<html><head><title>Russia accuses Turkey</title></head><body><nav>Home | World</nav>"
        f"<article><h1>Russia accuses Turkey</h1>{''.join(f'<p>{p}</p>' for p in STORY.split(chr(10) * 2))}"
        "</article></body></html>"
    )
    response = writer.post(
        "/api/articles", content=page, headers={**bearer(), "Content-Type": "text/html; charset=utf-8"}
    )
    assert response.status_code == 201, response.text
    detail = writer.get(response.json()["articles"][0]["href"]).json()
    assert "Lavrov" in detail["text"] and "Home | World" not in detail["text"]


# -- the server around the API --------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/article", "/docs", "/api/events", "/openapi.json"])
def test_security_headers_on_pages_and_api(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    policy = headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"


def test_cors_is_closed_unless_origins_are_listed(client: TestClient, sample_db: Path) -> None:
    origin = {"Origin": "https://elsewhere.example"}
    assert "access-control-allow-origin" not in client.get("/api/events", headers=origin).headers
    preflight = client.options("/api/articles", headers={**origin, "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers
    with TestClient(create_app(str(sample_db), cors_origins=["https://elsewhere.example"])) as open_client:
        allowed = open_client.get("/api/events", headers=origin).headers
        assert allowed["access-control-allow-origin"] == "https://elsewhere.example"
        other = open_client.get("/api/events", headers={"Origin": "https://evil.example"}).headers
        assert "access-control-allow-origin" not in other


def test_openapi_schema_is_valid_and_documents_every_endpoint(client: TestClient) -> None:
    from openapi_spec_validator import validate

    spec = client.get("/openapi.json").json()
    validate(spec)
    paths = spec["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/articles", "/api/articles/{article_id}",
                 "/api/clusters", "/api/actors", "/api/quotes", "/api/stats", "/api/cameo"):  # fmt: skip
        assert "get" in paths[path], path
    assert "post" in paths["/api/articles"]
    event_parameters = {parameter["name"] for parameter in paths["/api/events"]["get"]["parameters"]}
    assert set(EventQuery.__dataclass_fields__) - {"limit", "offset"} <= event_parameters
    assert {"format", "limit", "offset"} <= event_parameters
    assert spec["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"


def test_pages_load_only_local_scripts_and_no_inline_ones() -> None:
    for page in ("index.html", "article.html", "docs.html"):
        html = (STATIC / page).read_text(encoding="utf-8")
        scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, flags=re.S)
        assert scripts, page
        for attributes, body in scripts:
            assert body.strip() == "", f"inline script in {page}"
            assert re.search(r'src="/static/', attributes), f"non-local script in {page}: {attributes}"
        assert "style=" not in html and " on" not in re.sub(r"\s(on|one|only)\b", "", html).replace("  ", " ")
        for reference in re.findall(r'(?:src|href)="/static/([^"]+)"', html):
            assert (STATIC / reference).is_file(), f"{page} references missing {reference}"
    for module in (STATIC / "js").glob("*.js"):
        for imported in re.findall(r'from "\./([^"]+)"', module.read_text(encoding="utf-8")):
            assert (STATIC / "js" / imported).is_file(), f"{module.name} imports missing {imported}"
        assert "innerHTML" not in module.read_text(encoding="utf-8"), module.name


def test_static_files_and_the_vendored_libraries_are_served(client: TestClient) -> None:
    for path in (
        "/static/vendor/d3.min.js",
        "/static/vendor/topojson-client.min.js",
        "/static/js/dashboard.js",
    ):
        response = client.get(path)
        assert response.status_code == 200 and "javascript" in response.headers["content-type"], path
    atlas = client.get("/static/vendor/countries-110m.json").json()
    assert len(atlas["objects"]["countries"]["geometries"]) > 150
    assert client.get("/static/../app.py").status_code == 404


def test_create_app_refuses_a_store_it_cannot_open(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        create_app(str(tmp_path / "missing.db"))
    with pytest.raises(StoreError, match="unknown store URL"):
        create_app("mysql://somewhere/db")


def test_serve_command_passes_its_options_to_the_server(
    monkeypatch: pytest.MonkeyPatch, sample_db: Path
) -> None:
    import uvicorn

    from eventwire.cli import app

    started: dict[str, Any] = {}
    monkeypatch.setattr(
        uvicorn, "run", lambda application, **options: started.update(app=application, **options)
    )
    monkeypatch.setenv("EVENTWIRE_API_TOKEN", "from-env")
    result = CliRunner().invoke(app, ["serve", "--db", str(sample_db), "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert (started["host"], started["port"]) == ("127.0.0.1", 8123)
    assert started["app"].state.token == "from-env"
    missing = CliRunner().invoke(app, ["serve", "--db", str(sample_db.parent / "nothing.db")])
    assert missing.exit_code == 2 and "no such store" in missing.output


# -- the benchmark ---------------------------------------------------------------------------------


def test_api_benchmark_reports_latency_percentiles(tmp_path: Path) -> None:
    from eventwire.bench import api as bench_api

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for story in sorted(CORPUS.glob("tass-*.txt"))[:2]:
        shutil.copy(story, corpus)
    result = bench_api.run(corpus, requests=30, seconds=60, clients=2)
    assert result["requests"] == 30 and result["errors"] == 0 and result["events_in_store"] > 0
    assert 0 < result["p50_ms"] <= result["p95_ms"] <= result["p99_ms"] <= result["max_ms"]
    assert result["p95_target_ms"] == 100.0
    with pytest.raises(UsageError, match="sample corpus"):
        bench_api.run(tmp_path / "nowhere")


# -- both backends --------------------------------------------------------------------------------


def test_the_api_serves_either_backend(store_url: str) -> None:
    from .stores import make_article

    with open_store(store_url) as store:
        store.add_article(make_article())
        store.refresh_clusters()
    with TestClient(create_app(store_url)) as on_backend:
        page = on_backend.get("/api/events", params={"actor": "RUS"}).json()
        assert page["total"] == 1 and page["items"][0]["cameo"] == "112"
        detail = on_backend.get("/api/articles/a1").json()
        assert len(detail["events"]) == 2 and detail["quotes"][0]["speaker"]["code"] == "RUSGOV"
        stats = on_backend.get("/api/stats", params={"include_negated": "true"}).json()
        assert stats["total"] == 2 and stats["dyads"][0]["source"] == "RUS"
        assert len(on_backend.get("/api/events", params={"format": "csv"}).text.splitlines()) == 2
        assert on_backend.get("/api/events", params={"actor": SQL_INJECTIONS[0]}).json()["total"] == 0


def test_each_worker_thread_reads_through_its_own_store(sample_db: Path) -> None:
    from eventwire.api.stores import ReaderPool

    pool = ReaderPool(str(sample_db))
    mine = pool.reader()
    assert pool.reader() is mine
    theirs: list[Any] = []
    worker = threading.Thread(target=lambda: theirs.append(pool.reader()))
    worker.start()
    worker.join()
    assert theirs[0] is not mine
    pool.close_all()
    assert pool.reader() is not mine  # closed stores are never handed out again
    pool.close_all()


def test_concurrent_requests_get_consistent_pages(
    client: TestClient, all_events: list[dict[str, Any]]
) -> None:
    expected = {offset: all_events[offset : offset + 20] for offset in range(0, 100, 20)}
    results: dict[int, list[dict[str, Any]]] = {}

    def fetch(offset: int) -> None:
        for _ in range(5):
            page = client.get("/api/events", params={"limit": 20, "offset": offset}).json()["items"]
            assert page == expected[offset]
        results[offset] = page

    threads = [threading.Thread(target=fetch, args=(offset,)) for offset in expected]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == expected
