"""Reader for plain-text articles (one article per file), with encoding detection.

Archives of wire copy are often not UTF-8: Russian agencies' old dumps are cp1251 or KOI8-R,
Western European ones latin-1/cp1252. UTF-8 is tried first (strict, so a wrong guess can never
silently garble a UTF-8 file); anything else is identified by charset-normalizer.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from datetime import date
from pathlib import PurePath

import charset_normalizer

from eventwire.errors import InputError
from eventwire.model import RawDocument

#: A date written in a file name (``tass-2015-10-15.txt``, ``20151015_story.txt``).
FILENAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")

#: Share of control characters above which bytes are treated as binary, not text.
MAX_CONTROL_SHARE = 0.01

#: Byte-order marks that settle the encoding without guessing (UTF-32 before UTF-16: its LE
#: mark starts with UTF-16's).
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Single-byte Latin code pages charset-normalizer picks for Western text that is really
#: cp1252/latin-1 (it decodes "à" as "ŕ" under cp1250). When cp1252 reads the bytes at least as
#: cleanly, it wins: Western European wire copy is by far the commoner case.
WESTERN_LOOKALIKES = frozenset(
    {
        "cp1250",
        "cp1257",
        "iso8859_2",
        "iso8859_4",
        "iso8859_10",
        "iso8859_13",
        "cp775",
        "cp852",
        "mac_latin2",
        "hp_roman8",
        "latin_1",
        "iso8859_15",
        "cp850",
        "mac_roman",
    }
)


def date_from_filename(name: str) -> date | None:
    """The date a file name carries, if any (archives often name files by publication day)."""
    match = FILENAME_DATE.search(PurePath(name).name)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def detect_encoding(data: bytes) -> str:
    """The encoding of ``data``: a BOM, else UTF-8 if it decodes strictly, else a detected one."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputError("cannot tell the text encoding (not UTF-8, no known code page fits)")
    if best.encoding in WESTERN_LOOKALIKES:
        western = charset_normalizer.from_bytes(data, cp_isolation=["cp1252"]).best()
        if western is not None and western.chaos <= best.chaos:
            return "cp1252"
    return best.encoding


def decode_text(data: bytes) -> str:
    """Decode bytes to text with ``\\n`` line ends, refusing binary data with a clear reason."""
    if not data.strip():
        raise InputError("empty input")
    encoding = detect_encoding(data)
    if not encoding.startswith("utf-16") and not encoding.startswith("utf-32") and b"\x00" in data[:8192]:
        raise InputError("binary data (NUL bytes), not text")
    try:
        text = data.decode(encoding, errors="strict")
    except UnicodeDecodeError as exc:  # a BOM promising UTF-16 over bytes that are not
        raise InputError(f"not valid {encoding} text (byte {exc.start}: {exc.reason})") from None
    if not text.strip():
        raise InputError("empty input")  # only a byte-order mark, or blanks in UTF-16
    controls = sum(1 for char in text if ord(char) < 32 and char not in "\t\n\r\f")
    if controls > MAX_CONTROL_SHARE * len(text):
        raise InputError("binary data (control characters), not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(name: str, data: bytes, hint: tuple[date | None, str | None]) -> Iterator[RawDocument]:
    """One plain-text article; ``hint`` is the date hint and its basis for yearless datelines."""
    yield RawDocument(source_path=name, content=decode_text(data), date_hint=hint[0], date_hint_basis=hint[1])
