"""The ``sahel-claims`` command line: a thin typer layer over :mod:`pipeline.api`.

Exit status, the same for every command (:data:`EXIT_STATUS`, printed by ``--help``):
0 when every input was processed, 1 when some were skipped (each named on stderr; the
output of the rest is written), 2 on a usage error or when nothing could be processed,
130 when interrupted. Results go to stdout or ``--output``; skips, warnings, progress and
the closing summary go to stderr.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from . import __version__, api
from .errors import OTHER, GoldError, SahelError, leading_code
from .models import RunSummary
from .render import format_result

OK, SOME_SKIPPED, FAILED, INTERRUPTED = 0, 1, 2, 130
EXIT_STATUS = (
    "Exit status: 0 every input processed; 1 some inputs skipped (each named on stderr, the "
    "output of the rest written); 2 usage error, or nothing processed; 130 interrupted."
)


# --------------------------------------------------------------------------- help


def _tidy_params(params: list[Any]) -> None:
    """Help that shows what to type: a flag takes no value (no ``<bool>``), an argument
    shows its metavar only (no ``<list[Path]>``). Only attributes typer reads when it
    renders help are set; parsing is untouched."""
    for param in params:
        if getattr(param, "is_flag", False):
            param.metavar = ""
        elif getattr(param, "param_type_name", "") == "argument":
            param.display_type_rich = lambda ctx: None
            name = param.metavar or param.name.upper()
            param.metavar = f"{name}..." if param.nargs != 1 and not name.endswith("...") else name


class Command(TyperCommand):
    """A typer command whose usage line reads ``sahel-claims extract [OPTIONS] PATH...``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _tidy_params(self.params)

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            _tidy_params([option])
        return option

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if getattr(param, "param_type_name", "") != "argument":
                continue
            name = param.metavar or param.name.upper()
            pieces.append(name if param.required else f"[{name}]")
        return pieces


class Group(TyperGroup):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _tidy_params(self.params)

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            _tidy_params([option])
        return option


app = typer.Typer(
    cls=Group,
    help="Dated, attributed claims from news wire text about the Sahel.\n\n" + EXIT_STATUS,
    no_args_is_help=True,
    add_completion=False,
)


def command(name: str):  # noqa: ANN201 - typer's decorator
    return app.command(name, cls=Command, epilog=EXIT_STATUS)


def _at_least_one(value: int | None) -> int | None:
    if value is not None and value < 1:
        raise typer.BadParameter(f"must be 1 or more, got {value}")
    return value


PATHS_ARG = typer.Argument(
    ..., metavar="PATH", help="Article .txt files, folders of them, or .jsonl batches (one article a line)."
)
CONFIG_OPT = typer.Option(None, "--config", metavar="FILE", help="Pipeline config (default: configs/pipeline.yaml).")
WORKERS_OPT = typer.Option(
    1,
    "--workers",
    "-w",
    metavar="N",
    callback=_at_least_one,
    help="Processes (or Ray actors), each loading the pipeline.",
)
BATCH_OPT = typer.Option(
    None,
    "--batch-size",
    metavar="N",
    callback=_at_least_one,
    help="Articles per nlp.pipe batch (default: the config's).",
)
SKIPPED_LOG_OPT = typer.Option(
    None, "--skipped-log", metavar="FILE", help="Write every skipped article and warning here, one JSON object a line."
)
STORE_OPT = typer.Option(
    None,
    "--store",
    metavar="URL",
    help="Store URL: sqlite:///FILE or postgresql://USER@HOST/DB (default: 'store' in the config).",
)
CORPUS_OPT = typer.Option(
    None,
    "--corpus",
    metavar="FOLDER",
    help="Article files the gold annotates (default: corpora/ next to the gold folder).",
)


# --------------------------------------------------------------------------- reporting


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def by_code(counts: dict[str, int]) -> str:
    """``E007 2, E050 1``."""
    return ", ".join(f"{code} {n}" for code, n in sorted(counts.items()))


def exit_status(summary: RunSummary) -> int:
    """0, 1 or 2 for a finished run (:data:`EXIT_STATUS`): an article stored unchanged
    counts as processed, a shard that could not be read as skipped."""
    if summary.processed + summary.unchanged == 0:
        return FAILED
    return SOME_SKIPPED if summary.skipped or summary.error_counts else OK


def report(
    summary: RunSummary,
    what: str = "extracted",
    *,
    unchanged: str = "",
    timing: str = "",
    log: Path | None = None,
) -> None:
    """The run's closing lines on stderr: skips and warnings counted by code (each skip
    was printed as it happened), where the full list is, then the summary line."""
    if summary.error_counts:
        typer.echo(f"skipped by code: {by_code(summary.error_counts)}", err=True)
    if summary.warning_counts:
        typer.echo(f"warnings by code: {by_code(summary.warning_counts)}", err=True)
    if log is not None:
        typer.echo(f"every skip and warning: {log}", err=True)
    kept = f", {unchanged} {summary.unchanged}" if unchanged else ""
    took = f", {timing}" if timing else ""
    typer.echo(f"{what} {_plural(summary.processed, 'article')}{kept}, skipped {summary.skipped}{took}", err=True)


def fail(exc: BaseException | str, code: int = FAILED) -> None:
    """The error on stderr, one line per line of its message, then exit ``code``."""
    for line in str(exc).splitlines() or [""]:
        typer.secho(f"error: {line}", err=True, fg=typer.colors.RED)
    raise typer.Exit(code=code)


def interrupted(summary: RunSummary | None, where: str) -> None:
    done = f": {_plural(summary.processed, 'article')} {where} before it" if summary is not None else ""
    typer.secho(f"interrupted{done}", err=True, fg=typer.colors.RED)
    raise typer.Exit(code=INTERRUPTED)


@app.callback(invoke_without_command=True)
def main(version: bool = typer.Option(False, "--version", help="Print the version and exit.")) -> None:
    if version:
        typer.echo(__version__)
        raise typer.Exit()


# --------------------------------------------------------------------------- extract, ingest, export


@command("extract")
def extract_cli(
    paths: list[Path] = PATHS_ARG,
    output: Path = typer.Option(
        None,
        "--output",
        "-o",
        metavar="FILE",
        help="Write JSON Lines here (default: stdout; a folder for --engine ray).",
    ),
    config: Path = CONFIG_OPT,
    workers: int = WORKERS_OPT,
    engine: str = typer.Option(
        "local", "--engine", metavar="NAME", help="local, or ray (JSONL/Parquet shards, one output file each)."
    ),
    batch_size: int = BATCH_OPT,
    skipped_log: Path = SKIPPED_LOG_OPT,
) -> None:
    """Extract entities, dates and claims: one JSON object per article, a line each.

    Example: sahel-claims extract corpora/ --output claims.jsonl --workers 2
    """
    from .batch.progress import ProgressReporter, SkipLog, count_articles

    summary = RunSummary()
    try:
        total = count_articles(paths) if engine == "local" else None
        with ProgressReporter(total=total) as progress, SkipLog(skipped_log, echo=progress.note) as log:
            summary = api.extract(
                paths,
                output=output,
                config=config,
                progress=progress,
                workers=workers,
                engine=engine,
                batch_size=batch_size,
                report=log,
                summary=summary,
            )
    except KeyboardInterrupt:
        interrupted(summary, "written")
    except (SahelError, OSError) as exc:
        fail(exc)
    report(summary, unchanged="already done" if summary.unchanged else "", timing=progress.summary(), log=skipped_log)
    raise typer.Exit(code=exit_status(summary))


@command("ingest")
def ingest_cli(
    paths: list[Path] = PATHS_ARG,
    store: str = STORE_OPT,
    output: Path = typer.Option(
        None, "--output", "-o", metavar="FILE", help="Also write this run's stored records as JSON Lines."
    ),
    force: bool = typer.Option(False, "--force", help="Extract and store again even unchanged articles."),
    config: Path = CONFIG_OPT,
    workers: int = WORKERS_OPT,
    batch_size: int = BATCH_OPT,
    skipped_log: Path = SKIPPED_LOG_OPT,
    engine: str = typer.Option(
        "local", "--engine", metavar="NAME", help="local, or ray (JSONL/Parquet shards; PostgreSQL store)."
    ),
) -> None:
    """Extract articles and load them into a store (created if needed), one transaction per article.

    Unchanged articles (same content, same pipeline version) are not extracted again.
    With --workers N, N processes extract; this process writes the store as records arrive.
    With --engine ray, N Ray actors extract and each writes its articles (PostgreSQL only).

    Example: sahel-claims ingest corpora/ --store sqlite:///claims.db
    """
    from .batch.progress import ProgressReporter, SkipLog, count_articles

    summary = RunSummary()
    url = store
    try:
        url = store or api.default_store(config)
        total = count_articles(paths) if engine == "local" else None
        with ProgressReporter(total=total) as progress, SkipLog(skipped_log, echo=progress.note) as log:
            summary = api.ingest(
                paths,
                store=url,
                output=output,
                force=force,
                config=config,
                workers=workers,
                batch_size=batch_size,
                progress=progress,
                report=log,
                engine=engine,
                summary=summary,
            )
    except KeyboardInterrupt:
        interrupted(summary, "stored")
    except (SahelError, OSError) as exc:
        fail(exc)
    report(summary, f"{url}: ingested", unchanged="unchanged", timing=progress.summary(), log=skipped_log)
    raise typer.Exit(code=exit_status(summary))


@command("load")
def load_cli(
    shards: list[Path] = typer.Argument(
        ..., metavar="OUT", help="Output shards of extract --engine ray (OUT/*.jsonl, or OUT/)."
    ),
    articles: list[Path] = typer.Option(
        ...,
        "--articles",
        metavar="SHARDS",
        help="The input shards they were extracted from (for bodies and content hashes).",
    ),
    store: str = STORE_OPT,
    force: bool = typer.Option(False, "--force", help="Store again even unchanged articles."),
    config: Path = CONFIG_OPT,
    skipped_log: Path = SKIPPED_LOG_OPT,
) -> None:
    """Load the records extract --engine ray wrote into a store, as ingest would have.

    Example: sahel-claims load out/ --articles shards/ --store postgresql://me@db/claims
    """
    from .batch.progress import ProgressReporter, SkipLog

    summary = RunSummary()
    url = store
    try:
        url = store or api.default_store(config)
        with ProgressReporter(total=None) as progress, SkipLog(skipped_log, echo=progress.note) as log:
            summary = api.load(shards, articles=articles, store=url, force=force, progress=progress, report=log)
    except KeyboardInterrupt:
        interrupted(summary, "stored")
    except (SahelError, OSError) as exc:
        fail(exc)
    report(summary, f"{url}: loaded", unchanged="unchanged", timing=progress.summary(), log=skipped_log)
    raise typer.Exit(code=exit_status(summary))


@command("export")
def export_cli(
    store: str = STORE_OPT,
    format: str = typer.Option(
        "jsonl", "--format", "-f", metavar="FORMAT", help="jsonl (the records extract writes) or csv (claim_rows)."
    ),
    output: Path = typer.Option(None, "--output", "-o", metavar="FILE", help="Write here (default: stdout)."),
    config: Path = CONFIG_OPT,
) -> None:
    """Write an existing store's contents: records as extract writes them, or one CSV row per claim.

    Example: sahel-claims export --store sqlite:///claims.db --format csv --output claims.csv
    """
    try:
        url = store or api.default_store(config)
        n = api.export(store=url, format=format, output=output, config=config)
    except (SahelError, OSError) as exc:
        fail(exc)
    typer.echo(f"{url}: exported {_plural(n, 'row' if format == 'csv' else 'article')}", err=True)


@command("events")
def events_cli(
    store: str = STORE_OPT,
    conflicts: bool = typer.Option(False, "--conflicts", help="Only events whose claims disagree."),
    article: str = typer.Option(None, "--article", metavar="ID", help="Only events with a claim of this article."),
    format: str = typer.Option("jsonl", "--format", "-f", metavar="FORMAT", help="jsonl (one event a line) or csv."),
    output: Path = typer.Option(None, "--output", "-o", metavar="FILE", help="Write here (default: stdout)."),
    config: Path = CONFIG_OPT,
) -> None:
    """List the events of an existing store: claims of several articles that report one event.

    Each event has its predicate, subject, object, date and place, counts of mentions,
    articles and sources, its claims, and its conflicts (negated, retracted, dates, places).

    Example: sahel-claims events --store sqlite:///claims.db --conflicts --format csv
    """
    try:
        url = store or api.default_store(config)
        n = api.export_events(
            store=url, config=config, article=article, conflicts_only=conflicts, format=format, output=output
        )
    except (SahelError, OSError) as exc:
        fail(exc)
    typer.echo(f"{url}: {_plural(n, 'event')}{' with conflicts' if conflicts else ''}", err=True)


# --------------------------------------------------------------------------- scoring


def gold_failed(exc: GoldError, code: int = FAILED) -> None:
    """Every gold problem on its own line, then exit."""
    for line in str(exc).splitlines():
        typer.secho(f"gold: {line}", err=True, fg=typer.colors.RED)
    raise typer.Exit(code=code)


SKIPPED_PREDICTIONS = frozenset({"E048", "W040", "W044"})
"""Codes of the score's notes that mean a prediction line or record was not scored."""


def _notes(messages: list[str]) -> int:
    """Print a run's notes on stderr (``skipped:`` for an input left out, ``warning:``
    otherwise); the number of skips."""
    skipped = 0
    for message in messages:
        code = leading_code(message)
        if code in SKIPPED_PREDICTIONS or (code != OTHER and code.startswith("E")):
            skipped += 1
            typer.secho(f"skipped: {message}", err=True, fg=typer.colors.YELLOW)
        else:
            typer.secho(f"warning: {message}", err=True, fg=typer.colors.YELLOW)
    return skipped


@command("score")
def score_cli(
    predictions: Path = typer.Argument(
        ..., metavar="PREDICTIONS", help="JSON Lines of output records (extract, ingest --output, export)."
    ),
    gold: Path = typer.Option(
        ..., "--gold", metavar="FOLDER", help="Folder of gold/<article-id>.yaml files (or one file)."
    ),
    corpus: Path = CORPUS_OPT,
    json_path: Path = typer.Option(None, "--json", metavar="FILE", help="Write every figure and error as JSON here."),
    html_path: Path = typer.Option(None, "--html", metavar="FILE", help="Write a self-contained HTML report here."),
    max_errors: int = typer.Option(
        8, "--errors", metavar="N", help="Errors shown per article in the table (all in JSON/HTML)."
    ),
    lines: int = typer.Option(
        None,
        "--lines",
        metavar="N",
        callback=_at_least_one,
        help="Score only the first N lines of each body (MEANTIME annotates 6).",
    ),
) -> None:
    """Score predictions against gold: a table per article and in total, on stdout.

    Example: sahel-claims score claims.jsonl --gold gold/ --html scores.html
    """
    from .scoring.report import format_report

    try:
        result = api.score(predictions, gold=gold, corpus=corpus, json_path=json_path, html_path=html_path, lines=lines)
    except GoldError as exc:
        gold_failed(exc)
    except (SahelError, OSError) as exc:
        fail(exc)
    skipped = _notes(result.warnings)
    typer.echo(format_report(result, max_errors=max_errors, warnings=False))
    raise typer.Exit(code=SOME_SKIPPED if skipped else OK)


@command("validate-gold")
def validate_gold_cli(
    gold: Path = typer.Argument(..., metavar="GOLD", help="Folder of gold files (or one file)."),
    corpus: Path = CORPUS_OPT,
) -> None:
    """Validate gold files against their articles; exit 1 listing every problem.

    Example: sahel-claims validate-gold gold/ --corpus corpora/
    """
    try:
        problems, notes = api.validate_gold(gold, corpus=corpus)
    except (SahelError, OSError) as exc:
        fail(exc)
    for note in notes:
        typer.secho(f"warning: {note}", err=True, fg=typer.colors.YELLOW)
    if problems:
        gold_failed(GoldError("\n".join(problems)), code=SOME_SKIPPED)
    typer.echo(f"{gold}: gold valid")


@command("agreement")
def agreement_cli(
    gold_a: Path = typer.Argument(
        ..., metavar="GOLD_A", help="Annotator A's gold file (the reference), or a folder of them."
    ),
    gold_b: Path = typer.Argument(
        ..., metavar="GOLD_B", help="Annotator B's gold file for the same article, or a folder (paired by article id)."
    ),
    corpus: Path = CORPUS_OPT,
    json_path: Path = typer.Option(
        None, "--json", metavar="FILE", help="Write the figures and disagreements as JSON here."
    ),
    html_path: Path = typer.Option(None, "--html", metavar="FILE", help="Write a self-contained HTML report here."),
    max_errors: int = typer.Option(20, "--errors", metavar="N", help="Disagreements shown in the table."),
) -> None:
    """Inter-annotator agreement: B scored against A, per layer both annotate.

    Folders: every article of B against A's file for it, and a micro total.

    Example: sahel-claims agreement gold/ gold/annotator_b/
    """
    from .scoring.report import format_report

    try:
        result = api.agreement(gold_a, gold_b, corpus=corpus, json_path=json_path, html_path=html_path)
    except GoldError as exc:
        gold_failed(exc)
    except (SahelError, OSError) as exc:
        fail(exc)
    _notes(result.warnings)
    typer.echo(format_report(result, max_errors=max_errors, title="B against A", warnings=False))


@command("show")
def show_cli(
    path: Path = typer.Argument(
        ..., metavar="FILE", help="A JSON Lines file written by extract, ingest --output or export."
    ),
    article: str = typer.Option(None, "--article", metavar="ID", help="Only this article id."),
    map_path: Path = typer.Option(
        None, "--map", metavar="FILE.html", help="Draw the located claims on a map (opens offline) instead."
    ),
) -> None:
    """Print the claims of an output file as lines a person can read, or draw the located
    ones on a map (--map: one HTML file, no network needed to open it).

    Example: sahel-claims show claims.jsonl --article niger-coup-2023-08-09
    """
    if map_path is not None:
        try:
            drawn, total, notes = api.write_map(path, map_path, article=article)
        except (SahelError, OSError) as exc:
            fail(exc)
        for note in notes:
            typer.secho(f"skipped: {note}", err=True, fg=typer.colors.YELLOW)
        typer.echo(f"map: {drawn} of {total} claims located, written to {map_path}", err=True)
        raise typer.Exit(code=SOME_SKIPPED if notes else OK)
    try:
        results, notes = api.read_results(path, article=article)
    except (SahelError, OSError) as exc:
        fail(exc)
    for note in notes:
        typer.secho(f"skipped: {note}", err=True, fg=typer.colors.YELLOW)
    for result in results:
        typer.echo(format_result(result) + "\n")
    raise typer.Exit(code=SOME_SKIPPED if notes else OK)


# --------------------------------------------------------------------------- review


@command("review")
def review_cli(
    store: str = STORE_OPT,
    port: int = typer.Option(8765, "--port", metavar="N", help="Port on 127.0.0.1 (0: any free port)."),
    reviewer: str = typer.Option(
        None, "--reviewer", metavar="NAME", help="Who the actions are recorded as (default: the OS user)."
    ),
    config: Path = CONFIG_OPT,
) -> None:
    """Serve the review page on 127.0.0.1: accept, reject or correct the claims of a store.

    Every action is stored with the reviewer and the time (the machine's claims are never
    changed); export-gold writes the reviewed articles as gold files. The page listens on
    the loopback only: from another machine, forward the port (ssh -L 8765:127.0.0.1:8765).

    Example: sahel-claims review --store sqlite:///claims.db --port 8765
    """
    if not 0 <= port <= 65535:
        fail(f"--port must be 0 to 65535, got {port}")
    try:
        server = api.review_server(store, port=port, reviewer=reviewer, config=config)
    except (SahelError, OSError) as exc:
        fail(exc)
    who = server.app.extensions["sahel_review"]
    typer.echo(
        f"review page: http://127.0.0.1:{server.server_port}/ (store {who.url}, reviewer {who.reviewer}; Ctrl-C stops)",
        err=True,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        typer.echo("stopped", err=True)
    finally:
        server.server_close()
        who.store.close()


@command("export-gold")
def export_gold_cli(
    out_dir: Path = typer.Argument(..., metavar="DIR", help="Folder to write gold/ and corpora/ into (created)."),
    store: str = STORE_OPT,
    keep_unreviewed: bool = typer.Option(
        False, "--keep-unreviewed", help="Keep the claims of a reviewed article that nobody reviewed, as extracted."
    ),
    config: Path = CONFIG_OPT,
) -> None:
    """Write the reviewed articles of a store as gold files (DIR/gold/) with their articles (DIR/corpora/).

    Claims accepted or corrected (as corrected) are kept, rejected ones dropped, unreviewed
    ones dropped unless --keep-unreviewed. validate-gold DIR/gold and score --gold DIR/gold
    read them as they are.

    Example: sahel-claims export-gold --store sqlite:///claims.db reviewed/
    """
    try:
        done = api.export_gold(store=store, out_dir=out_dir, keep_unreviewed=keep_unreviewed, config=config)
    except (SahelError, OSError) as exc:
        fail(exc)
    skipped = _notes(done.notes)
    typer.echo(
        f"{done.gold_dir}: {_plural(len(done.articles), 'gold file')}, {_plural(done.claims, 'claim')} "
        f"(articles in {done.corpus_dir})",
        err=True,
    )
    raise typer.Exit(code=SOME_SKIPPED if skipped else OK)
