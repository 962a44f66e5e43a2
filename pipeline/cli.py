"""The ``sahel-claims`` command line: a thin typer layer over :mod:`pipeline.api`."""

from __future__ import annotations

from pathlib import Path

import typer

from . import __version__, api
from .errors import GoldError, SahelError
from .models import RunSummary
from .render import format_result

app = typer.Typer(
    help="Dated, attributed claims from news wire text about the Sahel.",
    no_args_is_help=True,
    add_completion=False,
)

CONFIG_OPT = typer.Option(None, "--config", help="Pipeline config (default: configs/pipeline.yaml).")
WORKERS_OPT = typer.Option(1, "--workers", "-w", min=1, help="Processes (or Ray actors), each loading the pipeline.")
BATCH_OPT = typer.Option(None, "--batch-size", min=1, help="Articles per nlp.pipe batch (default: the config's).")
SKIPPED_LOG_OPT = typer.Option(
    None, "--skipped-log", help="Write every skipped article and warning here, one JSON object a line."
)


def by_code(counts: dict[str, int]) -> str:
    """``E007 2, E050 1``."""
    return ", ".join(f"{code} {n}" for code, n in sorted(counts.items()))


def report(
    summary: RunSummary,
    what: str = "extracted",
    *,
    unchanged: bool = False,
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
    kept = f", unchanged {summary.unchanged}" if unchanged else ""
    took = f" {timing}" if timing else ""
    typer.echo(f"{what} {summary.processed} article(s){kept}, skipped {summary.skipped}{took}", err=True)


def fail(exc: Exception) -> None:
    typer.secho(f"error: {exc}", err=True, fg=typer.colors.RED)
    raise typer.Exit(code=2)


@app.callback(invoke_without_command=True)
def main(version: bool = typer.Option(False, "--version", help="Print the version and exit.")) -> None:
    if version:
        typer.echo(__version__)
        raise typer.Exit()


@app.command("extract")
def extract_cli(
    paths: list[Path] = typer.Argument(..., help="Article .txt files, folders of them, or .jsonl batches."),
    output: Path = typer.Option(None, "--output", "-o", help="Write JSON Lines here (default: stdout)."),
    config: Path = CONFIG_OPT,
    workers: int = WORKERS_OPT,
    engine: str = typer.Option("local", "--engine", help="local, or ray (JSONL/Parquet shards to --output/)."),
    batch_size: int = BATCH_OPT,
    skipped_log: Path = SKIPPED_LOG_OPT,
) -> None:
    """Extract entities, dates and claims, one JSON object per article (SPEC section 4).

    Example: sahel-claims extract corpora/ --output claims.jsonl --workers 2
    """
    from .batch.progress import ProgressReporter, SkipLog, count_articles

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
            )
    except (SahelError, OSError) as exc:
        fail(exc)
    report(summary, timing=progress.summary(), log=skipped_log)
    if summary.processed == 0 and summary.skipped:
        raise typer.Exit(code=1)


STORE_OPT = typer.Option(
    None, "--store", help="Store URL: sqlite:///FILE or postgresql://USER@HOST/DB (default: 'store' in the config)."
)


@app.command("ingest")
def ingest_cli(
    paths: list[Path] = typer.Argument(..., help="Article .txt files, folders of them, or .jsonl batches."),
    store: str = STORE_OPT,
    output: Path = typer.Option(None, "--output", "-o", help="Also write this run's stored records as JSON Lines."),
    force: bool = typer.Option(False, "--force", help="Extract and store again even unchanged articles."),
    config: Path = CONFIG_OPT,
    workers: int = WORKERS_OPT,
    batch_size: int = BATCH_OPT,
    skipped_log: Path = SKIPPED_LOG_OPT,
    engine: str = typer.Option("local", "--engine", help="local, or ray (JSONL/Parquet shards; PostgreSQL store)."),
) -> None:
    """Extract articles and load them into a store, one transaction per article.

    Unchanged articles (same content, same pipeline version) are not extracted again.
    With --workers N, N processes extract; this process writes the store as records arrive.
    With --engine ray, N Ray actors extract and each writes its articles (PostgreSQL only).
    Example: sahel-claims ingest corpora/ --store sqlite:///claims.db --workers 2
    """
    from .batch.progress import ProgressReporter, SkipLog, count_articles

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
            )
    except (SahelError, OSError) as exc:
        fail(exc)
    report(summary, f"{url}: ingested", unchanged=True, timing=progress.summary(), log=skipped_log)
    if summary.processed == 0 and summary.unchanged == 0 and summary.skipped:
        raise typer.Exit(code=1)


@app.command("load")
def load_cli(
    shards: list[Path] = typer.Argument(..., help="Output shards of extract --engine ray (OUT/*.jsonl, or OUT/)."),
    articles: list[Path] = typer.Option(
        ..., "--articles", help="The input shards they were extracted from (for bodies and content hashes)."
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

    try:
        url = store or api.default_store(config)
        with ProgressReporter(total=None) as progress, SkipLog(skipped_log, echo=progress.note) as log:
            summary = api.load(shards, articles=articles, store=url, force=force, progress=progress, report=log)
    except (SahelError, OSError) as exc:
        fail(exc)
    report(summary, f"{url}: loaded", unchanged=True, timing=progress.summary(), log=skipped_log)
    if summary.processed == 0 and summary.unchanged == 0 and summary.skipped:
        raise typer.Exit(code=1)


@app.command("export")
def export_cli(
    store: str = STORE_OPT,
    format: str = typer.Option("jsonl", "--format", "-f", help="jsonl (SPEC section 4 records) or csv (claim_rows)."),
    output: Path = typer.Option(None, "--output", "-o", help="Write here (default: stdout)."),
    config: Path = CONFIG_OPT,
) -> None:
    """Write a store's contents: records as extract writes them, or one CSV row per claim.

    Example: sahel-claims export --store sqlite:///claims.db --format csv --output claims.csv
    """
    try:
        url = store or api.default_store(config)
        n = api.export(store=url, format=format, output=output, config=config)
    except SahelError as exc:
        fail(exc)
    typer.echo(f"{url}: exported {n} {'row(s)' if format == 'csv' else 'article(s)'}", err=True)


CORPUS_OPT = typer.Option(
    None, "--corpus", help="Article files the gold annotates (default: corpora/ next to the gold folder)."
)


def gold_failed(exc: GoldError) -> None:
    """Every gold problem on its own line, then exit 1."""
    for line in str(exc).splitlines():
        typer.secho(f"gold: {line}", err=True, fg=typer.colors.RED)
    raise typer.Exit(code=1)


@app.command("score")
def score_cli(
    predictions: Path = typer.Argument(..., help="JSON Lines of output records (sahel-claims extract)."),
    gold: Path = typer.Option(..., "--gold", help="Folder of gold/<article-id>.yaml files (or one file)."),
    corpus: Path = CORPUS_OPT,
    json_path: Path = typer.Option(None, "--json", help="Write every figure and error as JSON here."),
    html_path: Path = typer.Option(None, "--html", help="Write a self-contained HTML report here."),
    max_errors: int = typer.Option(8, "--errors", help="Errors shown per article in the table (all in JSON/HTML)."),
    lines: int = typer.Option(
        None, "--lines", min=1, help="Score only the first N lines of each body (MEANTIME annotates 6)."
    ),
) -> None:
    """Score predictions against gold (SPEC section 6): a table per article and in total.

    Example: sahel-claims score claims.jsonl --gold gold/ --json scores.json --html scores.html
    """
    from .scoring.report import format_report

    try:
        result = api.score(predictions, gold=gold, corpus=corpus, json_path=json_path, html_path=html_path, lines=lines)
    except GoldError as exc:
        gold_failed(exc)
    except SahelError as exc:
        fail(exc)
    typer.echo(format_report(result, max_errors=max_errors))


@app.command("validate-gold")
def validate_gold_cli(
    gold: Path = typer.Argument(..., help="Folder of gold files (or one file)."),
    corpus: Path = CORPUS_OPT,
) -> None:
    """Validate gold files against their articles (SPEC section 5); exit 1 listing every problem.

    Example: sahel-claims validate-gold gold/ --corpus corpora/
    """
    try:
        problems, notes = api.validate_gold(gold, corpus=corpus)
    except SahelError as exc:
        fail(exc)
    for note in notes:
        typer.secho(f"warning: {note}", err=True, fg=typer.colors.YELLOW)
    if problems:
        gold_failed(GoldError("\n".join(problems)))
    typer.echo(f"{gold}: gold valid")


@app.command("agreement")
def agreement_cli(
    gold_a: Path = typer.Argument(..., help="Annotator A's gold file (the reference), or a folder of them."),
    gold_b: Path = typer.Argument(
        ..., help="Annotator B's gold file for the same article, or a folder (paired by article id)."
    ),
    corpus: Path = CORPUS_OPT,
    json_path: Path = typer.Option(None, "--json", help="Write the figures and disagreements as JSON here."),
    html_path: Path = typer.Option(None, "--html", help="Write a self-contained HTML report here."),
    max_errors: int = typer.Option(20, "--errors", help="Disagreements shown in the table."),
) -> None:
    """Inter-annotator agreement: B scored against A, per layer both annotate.

    Example: sahel-claims agreement gold/a.yaml other/a.yaml --corpus corpora/

    Folders: every article of B against A's file for it, and a micro total.
    """
    from .scoring.report import format_report

    try:
        result = api.agreement(gold_a, gold_b, corpus=corpus, json_path=json_path, html_path=html_path)
    except GoldError as exc:
        gold_failed(exc)
    except SahelError as exc:
        fail(exc)
    typer.echo(format_report(result, max_errors=max_errors, title="B against A"))


@app.command("show")
def show_cli(
    path: Path = typer.Argument(..., help="A JSON Lines file written by extract, ingest --output or export."),
    article: str = typer.Option(None, "--article", help="Only this article id."),
) -> None:
    """Print the claims of an output file as lines a person can read.

    Example: sahel-claims show claims.jsonl --article niger-coup-2023-08-09
    """
    try:
        results, notes = api.read_results(path)
    except SahelError as exc:
        fail(exc)
    for note in notes:
        typer.secho(f"skipped: {note}", err=True, fg=typer.colors.YELLOW)
    for result in results:
        if article is None or result.article.id == article:
            typer.echo(format_result(result) + "\n")
