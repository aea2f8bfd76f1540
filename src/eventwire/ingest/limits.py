"""Size limits that keep one hostile or broken input from exhausting memory or time.

Two things are refused, each with an :class:`InputError` that says which limit was hit:

* a single document larger than ``max_document_bytes`` once decoded (a 2 GB "article" is a
  mistake, and trafilatura or spaCy would swallow all memory on it);
* a decompression bomb: gzip input that inflates far beyond what real text does. Text and HTML
  compress 3-10x; gzip can reach ~1000x on crafted input, so inflating more than
  ``max_compression_ratio`` times the compressed file size (and more than a floor, so tiny files
  are never flagged) stops the file. The check runs while streaming, so nothing is inflated
  past the limit.
"""

from __future__ import annotations

import gzip
import io
import zlib
from typing import BinaryIO

from eventwire.errors import InputError

MIB = 1024 * 1024
#: Largest decoded document accepted (an article, a page, a JSONL line, a WARC record body).
DEFAULT_MAX_DOCUMENT_BYTES = 20 * MIB
#: Inflation beyond this many times the compressed size is treated as a decompression bomb.
DEFAULT_MAX_COMPRESSION_RATIO = 100.0
#: Inflating this much is always allowed, whatever the ratio (gzip's ceiling is ~1000x, so a
#: 64 KiB file cannot exceed it).
BOMB_FLOOR_BYTES = 64 * MIB
GZIP_MAGIC = b"\x1f\x8b"
#: Read size for streaming; large enough to amortise calls, small enough to stay flat.
CHUNK_BYTES = 1 * MIB


def read_bounded(stream: BinaryIO, limit: int, what: str) -> bytes:
    """Read all of ``stream``, refusing (without reading further) once it exceeds ``limit``."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(too_large(what, limit))
    return data


def readline_bounded(stream: BinaryIO, limit: int) -> tuple[bytes, bool]:
    """The next line of ``stream`` and whether it fit in ``limit`` bytes.

    An oversized line is consumed to its end chunk by chunk and dropped, so one giant JSONL
    record never sits in memory and the lines after it are still read.
    """
    line = stream.readline(limit + 1)
    if len(line) <= limit or line.endswith(b"\n"):
        return line, True
    while True:
        rest = stream.readline(CHUNK_BYTES)
        if not rest or rest.endswith(b"\n"):
            return b"", False


def describe_size(size: int) -> str:
    """``20 MiB``, ``512 KiB``, ``300 bytes``: limits as a user would write them."""
    for unit, scale in (("GiB", 1024**3), ("MiB", MIB), ("KiB", 1024)):
        if size >= scale:
            return f"{size / scale:g} {unit}"
    return f"{size} bytes"


def too_large(what: str, limit: int) -> str:
    return f"{what} is larger than the {describe_size(limit)} limit; refused"


class InflateGuard(io.RawIOBase):
    """A gzip stream that raises :class:`InputError` when it inflates like a bomb.

    ``compressed_size`` is the size of the file on disk when known; stdin has none, and then
    the absolute ``max_inflated`` cap applies instead of the ratio. Truncated or corrupt gzip data becomes an
    :class:`InputError` too, but only after every byte before the damage has been delivered:
    the damage first reads as end of data (so a buffered reader above returns what it has),
    and the next read raises. :attr:`unreported_error` keeps it for callers whose parser stopped
    at that early end without reading again.
    """

    def __init__(
        self, compressed: BinaryIO, compressed_size: int | None, max_ratio: float, max_inflated: int
    ) -> None:
        super().__init__()
        self._gzip = gzip.GzipFile(fileobj=compressed, mode="rb")
        if compressed_size is None:
            self._allowed = max_inflated
        else:  # a big archive may inflate far past any fixed cap; its ratio is what gives a bomb away
            self._allowed = max(BOMB_FLOOR_BYTES, int(compressed_size * max_ratio))
        self._max_ratio = max_ratio
        self._inflated = 0
        self.error: InputError | None = None
        self._raised = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self.error is not None:
            self._raised = True
            raise self.error
        try:
            # read1: one inflate step at a time, so the bytes before a damaged spot are
            # delivered instead of being lost with a half-filled buffer.
            data = self._gzip.read1(len(buffer))
        except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
            self.error = InputError(f"truncated or corrupt gzip data ({exc})")
            return 0
        count = len(data)
        buffer[:count] = data
        self._inflated += count
        if self._inflated > self._allowed:
            self.error = InputError(
                f"decompression bomb: inflated past {describe_size(self._allowed)} "
                f"(limit {self._max_ratio:g}x the compressed size); refused"
            )
            self._raised = True
            raise self.error
        return count

    @property
    def unreported_error(self) -> InputError | None:
        """The damage, if no read has raised it yet (the parser above stopped at the early end)."""
        return None if self._raised else self.error

    def close(self) -> None:
        self._gzip.close()
        super().close()


def open_gzip(
    compressed: BinaryIO, compressed_size: int | None, max_ratio: float, max_inflated: int
) -> tuple[io.BufferedReader, InflateGuard]:
    """A buffered reader of the inflated bytes (with ``peek``/``readline``) and its guard."""
    guard = InflateGuard(compressed, compressed_size, max_ratio, max_inflated)
    return io.BufferedReader(guard, CHUNK_BYTES), guard
