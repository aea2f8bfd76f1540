"""The ``eventwire`` command line: a thin layer over the library (see shared/CONTRACT.md).

Every command calls the same functions the Python API and the REST API use, so what the CLI
prints is what a script gets. Listings write JSONL by default (one contract record per line),
or ``--format table``/``csv``. Exit codes: 0 success, 1 some inputs failed (each reported on
stderr, the rest stored), 2 usage errors.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from eventwire.config import DEFAULT_DB, Settings
from eventwire.errors import EventwireError, InputFailure, UsageError
from eventwire.render import OutputFormat, write_records
from eventwire.store import EventQuery, open_store

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
stderr = Console(stderr=True)

DbOption = Annotated[
    str,
    typer.Option(
        "--db", help="SQLite file (created if missing) or postgresql:// URL.", envvar="EVENTWIRE_DB"
    ),
]
FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="jsonl (default), table or csv.")]
DateOption = Annotated[datetime | None, typer.Option(formats=["%Y-%m-%d"], metavar="YYYY-MM-DD")]


def _day(value: datetime | None) -> date | None:
    return value.date() if value else None


def _fail(message: str, code: int = 2) -> typer.Exit:
    stderr.print(f"[red]eventwire: {message}[/red]", highlight=False)
    return typer.Exit(code)


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
) -> None:
    """Ingest and process articles into the store, with a progress bar on stderr."""
    from eventwire.runner import RunSummary
    from eventwire.runner import run as run_job

    settings = Settings(published=_day(published))

    def report_failure(failure: InputFailure) -> None:
        stderr.print(f"[yellow]eventwire: {failure}[/yellow]", highlight=False)

    try:
        store = open_store(db)
    except EventwireError as exc:
        raise _fail(exc.message) from None
    with (
        store,
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
            summary = run_job(paths, store, settings, on_progress=show, on_failure=report_failure)
        except EventwireError as exc:
            raise _fail(exc.message, 1) from None
    skipped = ", ".join(f"{count} {reason}" for reason, count in summary.skipped.items())
    stderr.print(
        f"{summary.stored} article(s) stored ({summary.events} events, {summary.quotes} quotes), "
        f"{summary.already_stored} already stored, {len(summary.failures)} failed"
        + (f"; skipped NLP: {skipped}" if skipped else "")
        + f" → {db}",
        highlight=False,
    )
    if summary.failures:
        raise typer.Exit(1)


def _open_for_reading(db: str):  # type: ignore[no-untyped-def]
    try:
        return open_store(db, read_only=True)
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
def events(
    db: DbOption = DEFAULT_DB,
    output_format: FormatOption = "jsonl",
    actor: Annotated[
        str | None, typer.Option(help="Actor code prefix, source or target (RUS, SYRMIL).")
    ] = None,
    cameo: Annotated[str | None, typer.Option(help="CAMEO code prefix (19 = fight, 112 = accuse).")] = None,
    since: DateOption = None,
    until: DateOption = None,
    country: Annotated[str | None, typer.Option(help="ISO 3166 alpha-3 code of the event location.")] = None,
    search: Annotated[str | None, typer.Option(help="Full-text search in articles and evidence.")] = None,
    include_negated: Annotated[
        bool, typer.Option(help="Also list negated events (hidden by default).")
    ] = False,
    limit: Annotated[int | None, typer.Option(min=0, help="At most this many events.")] = None,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many events first (paging).")] = 0,
) -> None:
    """List coded events with their evidence."""
    query = EventQuery(
        actor=actor,
        cameo=cameo,
        since=_day(since),
        until=_day(until),
        country=country,
        search=search,
        include_negated=include_negated,
        limit=limit,
        offset=offset,
    )
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


def main() -> None:
    """Console-script entry point."""
    logging.basicConfig(level=logging.WARNING, format="eventwire: %(levelname)s %(message)s")
    app()
