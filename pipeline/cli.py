"""The ``sahel-claims`` command line: a thin typer layer over :mod:`pipeline.api`."""

from __future__ import annotations

from pathlib import Path

import typer

from . import __version__, api
from .errors import SahelError
from .models import RunSummary

app = typer.Typer(
    help="Dated, attributed claims from news wire text about the Sahel.",
    no_args_is_help=True,
    add_completion=False,
)

CONFIG_OPT = typer.Option(None, "--config", help="Pipeline config (default: configs/pipeline.yaml).")


def report(summary: RunSummary, what: str = "extracted") -> None:
    """The run's summary line, with each skipped item's reason, on stderr."""
    for message in summary.errors:
        typer.secho(f"skipped: {message}", err=True, fg=typer.colors.YELLOW)
    typer.echo(f"{what} {summary.processed} article(s), skipped {summary.skipped}", err=True)


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
) -> None:
    """Extract entities, dates and claims, one JSON object per article (SPEC section 4).

    Example: sahel-claims extract corpora/ --output claims.jsonl
    """
    try:
        summary = api.extract(paths, output=output, config=config)
    except SahelError as exc:
        fail(exc)
    report(summary)
    if summary.processed == 0 and summary.skipped:
        raise typer.Exit(code=1)
