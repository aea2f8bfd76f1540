"""The dashboard in a real browser: tests/browser/dashboard.spec.mjs (playwright-core driving
Debian's chromium) against ``eventwire serve`` on loopback over the sample store.

The script loads the dashboard, filters by actor, brushes the timeline, opens an event and
checks its evidence is highlighted, and saves screenshots in test-artifacts/browser/. It needs
node, the npm packages (``npm ci``) and /usr/bin/chromium: without them the test skips with the
reason, except in CI (``CI`` set), where .ci/run installs them and a missing one is a failure.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from eventwire.api import create_app
from eventwire.api.app import STATIC
from eventwire.pipeline import Pipeline

from .api_helpers import sample_store

REPO = Path(__file__).parent.parent
SPEC = REPO / "tests" / "browser" / "dashboard.spec.mjs"
ARTIFACTS = REPO / "test-artifacts" / "browser"
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
SPEC_TIMEOUT_S = 300

pytestmark = pytest.mark.slow


def missing_node() -> list[str]:
    missing = []
    if shutil.which("node") is None:
        missing.append("node (Debian's nodejs)")
    if not (REPO / "node_modules" / "playwright-core").is_dir():
        missing.append("the npm packages (run 'npm ci' at the repository root)")
    return missing


def require(missing: list[str], what: str) -> None:
    """Skip for want of ``missing`` tools, or fail in CI, where .ci/run installs them."""
    if missing:
        message = f"{what} needs {', '.join(missing)}"
        if os.environ.get("CI"):
            pytest.fail(f"{message}: .ci/run must install them")
        pytest.skip(message)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Iterator[str]:
    """``eventwire serve``'s application on a free loopback port, in a thread."""
    no_browser = [] if CHROMIUM.is_file() else [f"{CHROMIUM} (apt-get install chromium)"]
    require(missing_node() + no_browser, "the browser test")
    app = create_app(str(sample_store(tmp_path_factory, pipeline)))
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    try:
        for _ in range(200):
            if server.started:
                break
            thread.join(0.05)
        assert server.started, "the server did not start"
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        listener.close()


def test_dashboard_in_chromium(server: str) -> None:
    result = subprocess.run(
        ["node", str(SPEC), "--base", server, "--out", str(ARTIFACTS)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=SPEC_TIMEOUT_S,
        env={**os.environ, "CHROMIUM_PATH": str(CHROMIUM)},
    )
    report = f"{result.stdout}\n{result.stderr}"
    assert result.returncode == 0, report
    assert "0 failed" in result.stdout, report
    for screenshot in ("dashboard.png", "timeline.png", "map.png", "network.png", "article.png"):
        assert (ARTIFACTS / screenshot).stat().st_size > 10_000, screenshot


def test_vendored_libraries_are_what_npm_run_vendor_builds(tmp_path: Path) -> None:
    require(missing_node(), "rebuilding the vendored files")
    subprocess.run(["node", "dashboard/vendor.mjs", "--out", str(tmp_path)], cwd=REPO, check=True, timeout=60)
    committed = STATIC / "vendor"
    built = sorted(path.name for path in tmp_path.iterdir())
    assert built == sorted(path.name for path in committed.iterdir())
    for name in built:
        assert (tmp_path / name).read_bytes() == (committed / name).read_bytes(), (
            f"run 'npm run vendor' ({name})"
        )
