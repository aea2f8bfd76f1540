"""The ``eventwire`` command line: a thin layer over the library (see shared/CONTRACT.md).

Every command calls the same functions the Python API and the REST API use, so what the CLI
prints is what a script gets. Listings write JSONL by default (one contract record per line),
or ``--format table``/``csv``. Exit codes: 0 success, 1 some inputs failed (each reported on
stderr, the rest stored), 2 usage errors.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import json
import logging
import os
import sys
from collections.abc import Callable
from contextlib import nullcontext
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from eventwire.config import DEFAULT_DB, Settings
from eventwire.errors import EventwireError, InputFailure, UsageError
from eventwire.export import ExportFormat
from eventwire.render import OutputFormat, write_records
from eventwire.store import EventQuery, StoreUnavailableError, open_store

app = typer.Typer(
    name="eventwire",
    help=(
        "Turn news articles into verifiable political event data: who did what to whom, when, "
        "where, and who said so. Start with 'eventwire run FILES… ' then list what was found "
        "with 'eventwire events', 'quotes', 'articles'."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
#: Messages are never wrapped: a failure names a path, and a broken path cannot be grepped or copied.
stderr = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[
    str,
    typer.Option(
        "--db", help="SQLite file (created if missing) or postgresql:// URL.", envvar="EVENTWIRE_DB"
    ),
]
FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="jsonl (default), table or csv.")]
DateOption = Annotated[datetime | None, typer.Option(formats=["%Y-%m-%d"], metavar="YYYY-MM-DD")]
# Event filters, shared by every command that selects events (events, export, stats).
ActorOption = Annotated[str | None, typer.Option(help="Actor code prefix, source or target (RUS, SYRMIL).")]
CameoOption = Annotated[str | None, typer.Option(help="CAMEO code prefix (19 = fight, 112 = accuse).")]
CameoRootOption = Annotated[str | None, typer.Option("--cameo-root", help="CAMEO root code, exactly (19).")]
QuadClassOption = Annotated[
    int | None,
    typer.Option(
        "--quad-class", min=1, max=4, help="1/2 verbal/material cooperation, 3/4 verbal/material conflict."
    ),
]
CountryOption = Annotated[str | None, typer.Option(help="ISO 3166 alpha-3 code of the event location.")]
BboxOption = Annotated[
    str | None,
    typer.Option(metavar="WEST,SOUTH,EAST,NORTH", help="Event location inside this box (degrees)."),
]
SearchOption = Annotated[str | None, typer.Option(help="Full-text search in articles and evidence.")]
IncludeNegatedOption = Annotated[bool, typer.Option(help="Also list negated events (hidden by default).")]
ExcludeDuplicatesOption = Annotated[
    bool, typer.Option(help="Leave out events from near-duplicate articles (syndicated copies).")
]
#: The event filter options (name, annotation, default), in --help order; see ``_with_event_filters``.
EVENT_FILTERS = (
    ("actor", ActorOption, None),
    ("cameo", CameoOption, None),
    ("cameo_root", CameoRootOption, None),
    ("quad_class", QuadClassOption, None),
    ("since", DateOption, None),
    ("until", DateOption, None),
    ("country", CountryOption, None),
    ("bbox", BboxOption, None),
    ("search", SearchOption, None),
    ("include_negated", IncludeNegatedOption, False),
    ("exclude_duplicates", ExcludeDuplicatesOption, False),
)
#: What a command wrapped by ``_with_event_filters`` selects when called without filters.
_NO_FILTERS = EventQuery()


def _day(value: datetime | None) -> date | None:
    return value.date() if value else None


def _fail(message: str, code: int = 2) -> typer.Exit:
    stderr.print(f"[red]eventwire: {message}[/red]", highlight=False)
    return typer.Exit(code)


def _event_query(
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    bbox: str | None = None,
    **filters: object,
) -> EventQuery:
    """The EventQuery of a command's filter options (a malformed --bbox is a usage error)."""
    box = None
    if bbox:
        try:
            west, south, east, north = (float(part) for part in bbox.split(","))
        except ValueError:
            raise _fail(f"--bbox {bbox!r}: expected WEST,SOUTH,EAST,NORTH in degrees") from None
        box = (west, south, east, north)
    return EventQuery(since=_day(since), until=_day(until), bbox=box, **filters)  # type: ignore[arg-type]


def _with_event_filters(*names: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Give a command the event filter options ``names`` (all of them by default) where its
    ``query`` parameter stands, and call it with the :class:`EventQuery` they make.

    Typer reads options from the signature, so without this every command that selects events
    would spell out the same eleven options and forward them one by one.
    """
    chosen = [option for option in EVENT_FILTERS if not names or option[0] in names]

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        signature = inspect.signature(command, eval_str=True)
        parameters: list[inspect.Parameter] = []
        for parameter in signature.parameters.values():
            if parameter.name != "query":
                parameters.append(parameter)
                continue
            parameters.extend(
                inspect.Parameter(name, parameter.kind, annotation=annotation, default=default)
                for name, annotation, default in chosen
            )

        @functools.wraps(command)
        def with_query(**options: Any) -> None:
            filters = {name: options.pop(name) for name, _, _ in chosen}
            command(query=_event_query(**filters), **options)

        with_query.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
        return with_query

    return decorate


@app.command()
def run(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or '-' for stdin.")],
    db: DbOption = DEFAULT_DB,
    published: Annotated[
        datetime | None,
        typer.Option(
            formats=["%Y-%m-%d"],
            metavar="YYYY-MM-DD",
            help="Publication date for inputs that carry none (anchors relative dates).",
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    text_field: Annotated[str, typer.Option(help="JSONL field holding the article text.")] = "text",
    date_field: Annotated[
        list[str] | None,
        typer.Option(help="JSONL field(s) with the publication date, in order [default: published, date]."),
    ] = None,
    title_field: Annotated[str, typer.Option(help="JSONL field holding the headline.")] = "title",
    url_field: Annotated[str, typer.Option(help="JSONL field holding the article URL.")] = "url",
    cleanup_rules: Annotated[
        list[Path] | None,
        typer.Option(help="Extra scrape-cleanup rule file(s), shaped like the shipped data/cleanup.yaml."),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1, help="Worker processes [default: 1 locally; the CPU count for a dask LocalCluster]."
        ),
    ] = None,
    engine: Annotated[
        Literal["local", "dask"], typer.Option(help="local: this machine; dask: a Dask cluster.")
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(help="Dask scheduler address (tcp://host:8786) [default: a LocalCluster for the run]."),
    ] = None,
    output_dir: Annotated[
        Path | None,
        typer.Option(help="dask engine: write Parquet files (articles/, events/) here instead of --db."),
    ] = None,
) -> None:
    """Ingest and process articles into the store, with a progress bar on stderr."""
    from eventwire.ingest import ReaderOptions
    from eventwire.ingest.options import DEFAULT_DATE_FIELDS
    from eventwire.runner import RunSummary
    from eventwire.runner import run as run_job

    settings = Settings(published=_day(published), cleanup_rules=tuple(cleanup_rules or ()))
    reader_options = ReaderOptions(
        text_field=text_field,
        date_fields=tuple(date_field) if date_field else DEFAULT_DATE_FIELDS,
        title_field=title_field,
        url_field=url_field,
    )

    def report_failure(failure: InputFailure) -> None:
        stderr.print(f"[yellow]eventwire: {failure}[/yellow]", highlight=False)

    if engine == "local" and (scheduler or output_dir):
        raise _fail("--scheduler and --output-dir need --engine dask")
    try:
        store = None if output_dir else open_store(db)
    except EventwireError as exc:
        raise _fail(exc.message) from None
    with (
        store or nullcontext(),
        Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            TimeElapsedColumn(),
            console=stderr,
            transient=True,
            disable=quiet,
        ) as progress,
    ):
        task = progress.add_task("loading the language model…", total=None)

        def show(summary: RunSummary, source: str) -> None:
            progress.update(
                task,
                description=f"{summary.stored} stored · {summary.already_stored} already stored · "
                f"{len(summary.failures)} failed · {Path(source).name}",
            )

        try:
            if engine == "dask":
                from eventwire.dask_engine import run_dask

                logging.getLogger("distributed").setLevel(logging.WARNING)  # its INFO chatter buries ours
                summary = run_dask(
                    paths,
                    settings,
                    store=store,
                    store_url=db,
                    output_dir=output_dir,
                    scheduler=scheduler,
                    workers=workers or os.cpu_count() or 1,
                    reader_options=reader_options,
                    on_progress=show,
                    on_failure=report_failure,
                )
            else:
                assert store is not None
                summary = run_job(
                    paths,
                    store,
                    settings,
                    workers=workers or 1,
                    on_progress=show,
                    on_failure=report_failure,
                    reader_options=reader_options,
                )
        except UsageError as exc:
            raise _fail(exc.message) from None
        except EventwireError as exc:
            raise _fail(exc.message, 1) from None
    skipped = ", ".join(f"{count} {reason}" for reason, count in summary.skipped.items())
    stderr.print(
        f"{summary.stored} article(s) stored ({summary.events} events, {summary.quotes} quotes), "
        f"{summary.already_stored} already stored, {summary.duplicates} near-duplicate(s), "
        f"{len(summary.failures)} failed"
        + (f"; skipped NLP: {skipped}" if skipped else "")
        + f" → {output_dir or db}",
        highlight=False,
    )
    if summary.failures:
        raise typer.Exit(1)


def _open_for_reading(db: str):  # type: ignore[no-untyped-def]
    try:
        return open_store(db, read_only=True)
    except StoreUnavailableError as exc:  # the store is fine, the server is not: not a usage error
        raise _fail(exc.message, 1) from None
    except EventwireError as exc:
        raise _fail(exc.message) from None


@app.command()
def articles(db: DbOption = DEFAULT_DB, output_format: FormatOption = "jsonl") -> None:
    """List stored articles (metadata and cleaned text)."""
    with _open_for_reading(db) as store:
        write_records(
            store.article_records(),
            output_format,
            sys.stdout,
            table_columns=[
                "article_id",
                "published",
                "agency",
                "dateline_place",
                "title",
                "language",
                "duplicate_of",
            ],
        )


@app.command()
@_with_event_filters()
def events(
    db: DbOption = DEFAULT_DB,
    output_format: FormatOption = "jsonl",
    query: EventQuery = _NO_FILTERS,
    one_per_cluster: Annotated[
        bool, typer.Option(help="Only each cross-article cluster's representative event.")
    ] = False,
    limit: Annotated[int | None, typer.Option(min=0, help="At most this many events.")] = None,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many events first (paging).")] = 0,
) -> None:
    """List coded events with their evidence (and their cross-article cluster)."""
    query = dataclasses.replace(query, one_per_cluster=one_per_cluster, limit=limit, offset=offset)
    with _open_for_reading(db) as store:
        write_records(
            store.event_records(query),
            output_format,
            sys.stdout,
            table_columns=[
                "date",
                "source.code",
                "cameo",
                "target.code",
                "goldstein",
                "modality",
                "negated",
                "evidence.sentence",
            ],
        )


@app.command()
def quotes(
    db: DbOption = DEFAULT_DB,
    output_format: FormatOption = "jsonl",
    speaker: Annotated[str | None, typer.Option(help="Only quotes whose speaker name contains TEXT.")] = None,
) -> None:
    """List direct, indirect and partial quotes with their speakers."""
    with _open_for_reading(db) as store:
        write_records(
            store.quote_records(speaker),
            output_format,
            sys.stdout,
            table_columns=["kind", "speaker.name", "speaker.code", "cue", "text"],
        )


@app.command()
def times(db: DbOption = DEFAULT_DB, output_format: FormatOption = "jsonl") -> None:
    """List normalised time expressions."""
    with _open_for_reading(db) as store:
        write_records(store.time_records(), output_format, sys.stdout)


@app.command()
def places(db: DbOption = DEFAULT_DB, output_format: FormatOption = "jsonl") -> None:
    """List resolved places with counts, then unresolved toponyms."""
    with _open_for_reading(db) as store:
        write_records(store.place_records(), output_format, sys.stdout)


@app.command()
def actors(
    db: DbOption = DEFAULT_DB,
    output_format: FormatOption = "jsonl",
    unresolved: Annotated[
        bool, typer.Option("--unresolved", help="List unresolved mention texts with counts instead.")
    ] = False,
) -> None:
    """List actor codes with mention counts (or unresolved mentions, for dictionary review)."""
    with _open_for_reading(db) as store:
        write_records(store.actor_records(unresolved=unresolved), output_format, sys.stdout)


@app.command()
def resolve(
    texts: Annotated[list[str], typer.Argument(help="Phrases to resolve, e.g. 'the Syrian army'.")],
    on: Annotated[
        datetime | None,
        typer.Option("--date", formats=["%Y-%m-%d"], metavar="YYYY-MM-DD", help="Date for persons' roles."),
    ] = None,
    dictionaries: Annotated[
        list[Path] | None, typer.Option("--dict", help="Extra actor dictionary (YAML); repeatable.")
    ] = None,
) -> None:
    """Resolve phrases to CAMEO actor codes, one JSONL record each (for checking dictionaries)."""
    from eventwire.actors import Resolver
    from eventwire.actors.records import resolved_phrase_record

    try:
        resolver = Resolver(dictionaries or ())
    except EventwireError as exc:
        raise _fail(exc.message) from None
    for text in texts:
        record = resolved_phrase_record(text, resolver.resolve(text, _day(on)))
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


@app.command()
@_with_event_filters("actor", "cameo", "since", "until", "country")
def clusters(
    db: DbOption = DEFAULT_DB,
    output_format: FormatOption = "jsonl",
    min_articles: Annotated[
        int, typer.Option(min=1, help="Only clusters reported by this many articles.")
    ] = 1,
    query: EventQuery = _NO_FILTERS,
    limit: Annotated[int | None, typer.Option(min=0, help="At most this many clusters.")] = None,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many clusters first (paging).")] = 0,
) -> None:
    """List cross-article event clusters: one real-world event, how many articles and outlets."""
    query = dataclasses.replace(query, limit=limit, offset=offset)
    with _open_for_reading(db) as store:
        write_records(
            store.cluster_records(query, min_articles=min_articles),
            output_format,
            sys.stdout,
            table_columns=[
                "first_date",
                "source_country",
                "cameo_root",
                "target_country",
                "location_country",
                "num_articles",
                "num_sources",
                "event.evidence.sentence",
            ],
        )


@app.command()
@_with_event_filters(
    *(name for name, _, _ in EVENT_FILTERS if name != "include_negated")  # negated events never count
)
def stats(
    db: DbOption = DEFAULT_DB,
    output_format: FormatOption = "table",
    by: Annotated[
        Literal["day", "week", "month"], typer.Option(help="Count per day, ISO week or month.")
    ] = "month",
    top: Annotated[int, typer.Option(min=0, help="How many actor pairs (dyads) to list.")] = 10,
    view: Annotated[
        Literal["all", "periods", "dyads"], typer.Option(help="Counts per period, top dyads, or both.")
    ] = "all",
    query: EventQuery = _NO_FILTERS,
) -> None:
    """Summarise events: counts per period × QuadClass, and top actor pairs with Goldstein sums."""
    with _open_for_reading(db) as store:
        sections = []
        if view in ("all", "periods"):
            sections.append(("periods", store.period_counts(query, by=by)))
        if view in ("all", "dyads"):
            sections.append(("dyads", store.dyad_records(query, top=top)))
    for number, (kind, records) in enumerate(sections):
        if output_format == "jsonl":  # one stream: each record says which summary it belongs to
            write_records(({"kind": kind, **record} for record in records), "jsonl", sys.stdout)
            continue
        if number:
            sys.stdout.write("\n")  # CSV and tables: one block per summary, each with its header
        write_records(records, output_format, sys.stdout)


@app.command()
@_with_event_filters()
def export(
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write (replaced when complete).")],
    export_format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="gdelt, csv, jsonl, parquet or plover.")
    ],
    db: DbOption = DEFAULT_DB,
    query: EventQuery = _NO_FILTERS,
) -> None:
    """Export events for other tools: GDELT 2.0 event table (TSV), CSV, JSONL, Parquet, PLOVER JSON."""
    from eventwire.export import export_events

    with _open_for_reading(db) as store:
        try:
            written = export_events(store, query, export_format, output)
        except UsageError as exc:
            raise _fail(exc.message) from None
        except (EventwireError, OSError) as exc:
            raise _fail(getattr(exc, "message", None) or str(exc), 1) from None
    stderr.print(f"{written} row(s) → {output} ({export_format})", highlight=False)


@app.command(name="eval")
def evaluate_command(
    path: Annotated[
        Path, typer.Argument(help="Annotated data: gold JSONL, TimeML folder, PolNeAR folder, PLOVER file.")
    ],
    data_format: Annotated[
        str | None, typer.Option("--format", help="gold, timeml, polnear or plover (guessed when omitted).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Run the pipeline on annotated data and print precision / recall / F1 per component."""
    from eventwire.evaluate import evaluate
    from eventwire.pipeline import Pipeline

    try:
        report = evaluate(path, data_format, Pipeline(Settings()))
    except UsageError as exc:
        raise _fail(exc.message) from None
    if as_json:
        sys.stdout.write(json.dumps(report.to_record(), ensure_ascii=False, indent=2) + "\n")
        return
    print(f"{report.dataset}: {report.documents} document(s)")
    write_records(
        (score.to_record() for score in report.scores.values()),
        "table",
        sys.stdout,
        table_columns=[
            "component",
            "precision",
            "recall",
            "f1",
            "tp",
            "fp",
            "fn",
            "accuracy",
            "correct",
            "total",
        ],
    )
    for failure in report.failures:
        stderr.print(f"[yellow]{failure}[/yellow]", highlight=False)


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on (loopback only by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="EVENTWIRE_API_TOKEN",
            help="Bearer token that allows POST /api/articles; without one, writes are disabled.",
        ),
    ] = None,
    cors_origin: Annotated[
        list[str] | None,
        typer.Option(help="Origin whose pages may read the API (repeatable; none by default)."),
    ] = None,
) -> None:
    """Serve the REST API (OpenAPI at /docs) and the dashboard over the store."""
    from eventwire.api import serve as serve_app

    try:
        serve_app(db, host=host, port=port, token=token, cors_origins=tuple(cors_origin or ()))
    except StoreUnavailableError as exc:
        raise _fail(exc.message, 1) from None
    except EventwireError as exc:
        raise _fail(exc.message) from None


@app.command()
def bench(
    articles: Annotated[
        int, typer.Option(min=1, help="Generated stories for the end-to-end run (memory: also 10×).")
    ] = 1000,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the JSON report here.")] = None,
    only: Annotated[
        list[str] | None, typer.Option(help="Only these areas (pipeline, ingest, geo…); repeatable.")
    ] = None,
    seed: Annotated[int, typer.Option(help="Seed of the story generator.")] = 0,
    workers: Annotated[int, typer.Option(min=2, help="Workers to compare with one process.")] = 2,
    rss_scale: Annotated[int, typer.Option(min=2, help="Memory is compared at N and this × N.")] = 10,
    generate: Annotated[
        Path | None,
        typer.Option(help="Only write --articles generated stories into this folder (no benchmark)."),
    ] = None,
) -> None:
    """Benchmark throughput and memory on generated wire stories; prints or writes a JSON report."""
    if generate is not None:
        from eventwire.bench.corpus import write_corpus

        words = write_corpus(generate, articles, seed)
        stderr.print(f"{articles} stories ({words} words) → {generate}", highlight=False)
        return
    from eventwire.bench.report import build_report

    try:
        report = build_report(articles, only=only, seed=seed, workers=workers, rss_scale=rss_scale)
    except UsageError as exc:
        raise _fail(exc.message) from None
    text = json.dumps(report, indent=2) + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


def main() -> None:
    """Console-script entry point."""
    logging.basicConfig(level=logging.WARNING, format="eventwire: %(levelname)s %(message)s")
    app()
