"""API benchmark: latency of a filtered ``/api/events`` page under a local load generator.

The sample corpus (``examples/corpus``) goes through the real pipeline into a temporary SQLite
store; ``eventwire serve`` runs on it in a process of its own on 127.0.0.1 (so the load
generator does not share its interpreter); then a few client threads, each with a keep-alive
connection, request filtered pages of 50 events in turn, for at most :data:`REQUESTS` requests
or :data:`SECONDS` seconds, whichever comes first. The figure that matters is the p95
latency a client sees under that load, against a target of :data:`P95_TARGET_MS`; a second,
one-client pass shows the latency without queueing. On a 2-core machine the clients share the
cores with the server, so the loaded figures move with whatever else the machine is doing.
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from eventwire.bench.events import REPO
from eventwire.errors import UsageError

CORPUS = REPO / "examples" / "corpus"
REQUESTS = 2000
SECONDS = 20.0
CLIENTS = 4
#: Requests of the one-client pass (no queueing: what a lone dashboard user sees).
ALONE = 200
WARM_UP = 20
P95_TARGET_MS = 100.0
START_TIMEOUT_S = 60.0
#: Filtered pages of 50 the clients cycle through: the dashboard's common questions.
PAGES = (
    "/api/events?actor=RUS&limit=50",
    "/api/events?cameo_root=19&since=2015-01-01&until=2023-12-31&limit=50",
    "/api/events?quad_class=4&limit=50&offset=50",
    "/api/events?country=USA&limit=50",
    "/api/events?search=ceasefire&limit=50",
)


def run(
    corpus: Path = CORPUS,
    *,
    requests: int = REQUESTS,
    seconds: float = SECONDS,
    clients: int = CLIENTS,
) -> dict[str, Any]:
    """Build the store, serve it, load it; latency percentiles in milliseconds."""
    if not corpus.is_dir():
        raise UsageError(f"{corpus}: the API benchmark needs the sample corpus (a repository checkout)")
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-api-") as folder:
        db = Path(folder) / "sample.db"
        started = time.perf_counter()
        events = _build_store(corpus, db)
        build_s = time.perf_counter() - started
        with _server(db) as base:
            with httpx.Client(base_url=base) as warm:
                for number in range(WARM_UP):
                    warm.get(PAGES[number % len(PAGES)]).raise_for_status()
            latencies, errors, wall_s = _load(base, requests, seconds, clients)
            alone, alone_errors, _ = _load(base, min(ALONE, requests), seconds, 1)
    ordered = sorted(latencies)
    alone.sort()
    p95 = _percentile(ordered, 95)
    return {
        "events_in_store": events,
        "store_build_seconds": round(build_s, 2),
        "clients": clients,
        "requests": len(latencies),
        "errors": errors + alone_errors,
        "requests_per_second": round(len(latencies) / wall_s, 1) if wall_s else 0.0,
        "p50_ms": round(_percentile(ordered, 50), 2),
        "p95_ms": round(p95, 2),
        "p99_ms": round(_percentile(ordered, 99), 2),
        "max_ms": round(ordered[-1], 2) if ordered else 0.0,
        "mean_ms": round(statistics.fmean(ordered), 2) if ordered else 0.0,
        "one_client_p50_ms": round(_percentile(alone, 50), 2),
        "one_client_p95_ms": round(_percentile(alone, 95), 2),
        "p95_target_ms": P95_TARGET_MS,
        "p95_within_target": bool(ordered) and p95 < P95_TARGET_MS and errors + alone_errors == 0,
    }


def _build_store(corpus: Path, db: Path) -> int:
    from eventwire.runner import run as run_pipeline
    from eventwire.store import open_store

    with open_store(db) as store:
        run_pipeline([str(corpus)], store)
        return store.counts()["events"]


class _server:
    """``eventwire serve`` on a free loopback port in a child process, stopped on exit."""

    def __init__(self, db: Path) -> None:
        self.db = db

    def __enter__(self) -> str:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        command = [sys.executable, "-c", "from eventwire.cli import main; main()", "serve"]
        self.process = subprocess.Popen(
            [*command, "--db", str(self.db), "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={key: value for key, value in os.environ.items() if key != "EVENTWIRE_API_TOKEN"},
        )
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"eventwire serve exited with {self.process.returncode}")
            try:
                httpx.get(f"{base}/openapi.json", timeout=1.0).raise_for_status()
                return base
            except httpx.HTTPError:
                time.sleep(0.2)
        self.__exit__()
        raise RuntimeError(f"eventwire serve did not answer within {START_TIMEOUT_S:.0f} s")

    def __exit__(self, *exc_info: object) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _load(base: str, requests: int, seconds: float, clients: int) -> tuple[list[float], int, float]:
    """Latencies (ms) of up to ``requests`` requests in ``seconds``, and how many failed."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    issued = iter(range(requests))
    deadline = time.perf_counter() + seconds

    def client() -> None:
        nonlocal errors
        with httpx.Client(base_url=base, timeout=10.0) as http:
            for number in issued:  # shared: the threads together stop at ``requests``
                if time.perf_counter() > deadline:
                    return
                started = time.perf_counter()
                try:
                    ok = http.get(PAGES[number % len(PAGES)]).status_code == 200
                except httpx.HTTPError:
                    ok = False
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    latencies.append(elapsed)
                    errors += not ok

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors, time.perf_counter() - started


def _percentile(ordered: list[float], percent: float) -> float:
    """Nearest-rank percentile of sorted values (0 for none)."""
    if not ordered:
        return 0.0
    rank = max(0, min(len(ordered) - 1, round(percent / 100 * len(ordered)) - 1))
    return ordered[rank]
