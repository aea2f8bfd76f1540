"""Ingest benchmark: stream a generated web archive through the readers, watching memory.

The claim under test is that readers stream: a WARC of any size is read record by record, so
resident memory stays flat however large the archive grows. :func:`run` writes a synthetic WARC
of about ``size_mb`` megabytes (news-like HTML pages with navigation and footers, interleaved
with request records and non-HTML responses the reader must skip), then reads it through
:func:`eventwire.ingest.read_documents` while a sampler thread records resident memory.
"""

from __future__ import annotations

import random
import resource
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.ingest import IngestStats, read_documents
from eventwire.model import RawDocument

MB = 1024 * 1024
#: Every this many pages, one image response (which the reader must skip, not parse).
IMAGE_EVERY = 10
SAMPLE_SECONDS = 0.05
#: Vocabulary of the generated prose (the reader does not care what the words mean).
PROSE = (
    "the minister said on thursday that talks with the delegation would continue in the capital "
    "after troops crossed the border and officials accused the government of violating a ceasefire "
    "agreement signed last year while the opposition called for an investigation into the attack "
    "on the convoy near the airport and the foreign ministry summoned the ambassador to protest"
)
WORDS = tuple(PROSE.split())
PLACES = ("MOSCOW", "KABUL", "BEIJING", "PARIS", "WASHINGTON", "ANKARA", "BISHKEK", "CAIRO")


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(14, 30))
    return " ".join(words).capitalize() + "."


def news_page(rng: random.Random, number: int) -> bytes:
    """One HTML page: headline, dateline paragraph, body, and the chrome a scrape carries."""
    paragraphs = "\n".join(
        f"<p>{' '.join(_sentence(rng) for _ in range(rng.randint(2, 4)))}</p>"
        for _ in range(rng.randint(8, 16))
    )
    navigation = "".join(f'<li><a href="/section/{index}">Section {index}</a></li>' for index in range(40))
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>Story {number} - Wire</title>"
        f"<meta property='article:published_time' content='2015-10-{1 + number % 28:02d}T10:00:00Z'>"
        "<script>var tracking = {'page': 'article', 'ads': [1, 2, 3]};</script></head><body>"
        f"<nav><ul>{navigation}</ul></nav><article><h1>Officials meet over border dispute {number}</h1>"
        f"<p>{rng.choice(PLACES)}, October 15. /TASS/. {_sentence(rng)} {_sentence(rng)}</p>"
        f"{paragraphs}</article><footer><p>All rights reserved.</p>{navigation}</footer></body></html>"
    ).encode()


def _pages(rng: random.Random) -> Iterator[tuple[int, bytes, str]]:
    number = 0
    while True:
        number += 1
        if number % IMAGE_EVERY == 0:
            yield number, rng.randbytes(20_000), "image/jpeg"
        else:
            yield number, news_page(rng, number), "text/html; charset=utf-8"


def write_warc(path: Path, size_bytes: int, *, compress: bool = False, seed: int = 0) -> int:
    """Write a WARC of at least ``size_bytes`` and return how many HTML responses it holds."""
    rng = random.Random(seed)
    html_pages = 0
    with path.open("wb") as output:
        writer = WARCWriter(output, gzip=compress)
        for number, body, content_type in _pages(rng):
            if output.tell() >= size_bytes:
                break
            url = f"https://news.example.org/{number}"
            request = writer.create_warc_record(
                url,
                "request",
                payload=BytesIO(b""),
                http_headers=StatusAndHeaders(
                    f"GET /{number} HTTP/1.1", [("Host", "news.example.org")], is_http_request=True
                ),
            )
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            response = writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers)
            writer.write_record(request)
            writer.write_record(response)
            html_pages += content_type.startswith("text/html")
    return html_pages


def _resident_bytes() -> int | None:
    """Current resident set size (Linux ``/proc``); None elsewhere."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return None


def _max_rss_bytes() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # Linux reports KiB


class _RssSampler(threading.Thread):
    """Samples resident memory while the reader runs, for the peak *during* streaming."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            self.peak = max(self.peak, _resident_bytes() or 0)
            self._stop_event.wait(SAMPLE_SECONDS)

    def stop(self) -> int:
        self._stop_event.set()
        self.join()
        return self.peak


def run(size_mb: float = 64.0, *, compress: bool = False, workdir: Path | None = None) -> dict[str, float]:
    """Generate a ~``size_mb`` MB WARC, stream it through the readers, return the measurements.

    Keys: ``warc_mb``, ``html_pages``, ``documents``, ``failures``, ``skipped``, ``seconds``,
    ``docs_per_s``, ``mb_per_s``, ``rss_start_mb`` (before reading), ``rss_peak_mb`` (highest
    sample while reading), ``rss_growth_mb`` (the difference: flat streaming keeps it small and
    independent of ``size_mb``), ``rss_after_first_tenth_mb`` and ``ru_maxrss_mb`` (process
    lifetime peak, for platforms without ``/proc``).
    """
    with tempfile.TemporaryDirectory(dir=workdir) as folder:
        path = Path(folder) / ("bench.warc.gz" if compress else "bench.warc")
        html_pages = write_warc(path, int(size_mb * MB), compress=compress)
        warc_bytes = path.stat().st_size
        stats = IngestStats()
        tenth = max(1, html_pages // 10)
        rss_after_tenth = 0
        rss_start = _resident_bytes() or _max_rss_bytes()
        sampler = _RssSampler()
        sampler.start()
        started = time.perf_counter()
        for document in read_documents([str(path)], stats=stats):
            if isinstance(document, RawDocument) and stats.documents == tenth:
                rss_after_tenth = _resident_bytes() or 0
        seconds = time.perf_counter() - started
        rss_peak = max(sampler.stop(), _resident_bytes() or 0)
    return {
        "warc_mb": warc_bytes / MB,
        "html_pages": float(html_pages),
        "documents": float(stats.documents),
        "failures": float(stats.failures),
        "skipped": float(sum(stats.skipped.values())),
        "seconds": seconds,
        "docs_per_s": stats.documents / seconds if seconds else 0.0,
        "mb_per_s": warc_bytes / MB / seconds if seconds else 0.0,
        "rss_start_mb": rss_start / MB,
        "rss_after_first_tenth_mb": rss_after_tenth / MB,
        "rss_peak_mb": rss_peak / MB,
        "rss_growth_mb": (rss_peak - rss_start) / MB,
        "ru_maxrss_mb": _max_rss_bytes() / MB,
    }


if __name__ == "__main__":
    import json

    print(json.dumps(run(float(sys.argv[1]) if len(sys.argv) > 1 else 64.0), indent=2))
