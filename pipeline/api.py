"""The library API: what the CLI, the tests and other programs call.

>>> from pipeline import api
>>> result = api.extract_text("Niger's junta closed the airspace on Sunday.", published="2023-08-09")
>>> [c.predicate for c in result.claims]  # doctest: +SKIP
['close']
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.language import Language

from .batch.load import load_pipeline
from .batch.local import iter_extract
from .batch.run import Progress, Report, json_line, make_doc, note, process_articles, write_jsonl
from .batch.serialize import doc_to_result
from .errors import ConfigError, Errors, InputError
from .io import check_inputs
from .models import Article, ArticleMeta, DocumentResult, Event, GoldDocument, RunSummary, ScoreReport

if TYPE_CHECKING:
    from werkzeug.serving import BaseWSGIServer

    from .review.gold import GoldExport


def extract_text(
    text: str,
    *,
    published: dt.date | str | None = None,
    article_id: str = "text",
    source: str | None = None,
    nlp: Language | None = None,
) -> DocumentResult:
    """Extract one article given as a string (its body); ``source``: its publisher or
    issuer, as in front matter (who "we" is in a statement)."""
    meta = ArticleMeta(id=article_id, published=published, source=source)
    (result,) = process_articles([Article(meta=meta, text=text)], nlp=nlp or load_pipeline())
    if isinstance(result, InputError):
        raise result
    return result


def extract(
    paths: Iterable[Path | str],
    *,
    output: Path | str | None = None,
    config: Path | str | None = None,
    progress: Progress | None = None,
    workers: int = 1,
    batch_size: int | None = None,
    engine: str = "local",
    report: Report | None = None,
    summary: RunSummary | None = None,
) -> RunSummary:
    """Extract articles under ``paths`` to ``output`` (JSON Lines; stdout when None).

    ``workers``: processes (each loads the pipeline once); ``progress(n)``: called after
    each article with the number handled (written or skipped) so far. ``engine="ray"``:
    JSONL/Parquet shards on Ray Data, one output file per shard in the folder ``output``
    (:func:`pipeline.batch.ray_engine.extract_shards`). ``report``: see :data:`Report`.
    ``summary``: counted into as the run goes (so a caller interrupted midway knows how
    far it got); returned. :class:`InputError` (E014), before anything is written, when
    ``paths`` hold no input file at all.
    """
    paths = list(paths)
    if engine == "ray":
        from .batch.ray_engine import extract_shards

        return extract_shards(
            paths,
            output_dir=output,
            config=config,
            actors=workers,
            batch_size=batch_size,
            progress=progress,
            report=report,
            summary=summary,
        )
    if engine != "local":
        raise ConfigError(Errors.E065.format(engine=engine, expected="local, ray"))
    check_inputs(paths)
    summary = summary if summary is not None else RunSummary()
    nlp = load_pipeline(config) if workers <= 1 else None
    results = iter_extract(
        paths,
        nlp=nlp,
        summary=summary,
        config=config,
        workers=workers,
        batch_size=batch_size,
        progress=progress,
        report=report,
    )
    if output is None:
        write_jsonl(results, sys.stdout)
    else:
        with open(output, "w", encoding="utf-8") as handle:
            write_jsonl(results, handle)
    return summary


# --------------------------------------------------------------------------- stores


def default_store(config: Path | str | None = None) -> str:
    """The ``store`` URL of the pipeline config (a relative SQLite path is cwd-relative)."""
    from .config import load_pipeline_config

    return load_pipeline_config(config)[0].store


def ingest(
    paths: Iterable[Path | str],
    *,
    store: str | None = None,
    config: Path | str | None = None,
    output: Path | str | None = None,
    force: bool = False,
    workers: int = 1,
    batch_size: int | None = None,
    progress: Progress | None = None,
    report: Report | None = None,
    engine: str = "local",
    summary: RunSummary | None = None,
) -> RunSummary:
    """Extract the articles under ``paths`` and load them into ``store`` (a URL; default:
    the config's ``store``; created when it does not exist), one transaction per article.

    An article stored from the same content (hash of metadata and body) by the same
    pipeline version is not extracted again and counts as ``unchanged`` (``force``: redo
    all). A changed one replaces its rows atomically. An article that fails (bad input, a
    stage, the write) is skipped and reported; what the store held stays. ``output``: write
    the stored records of this run's articles (ingested and unchanged) as JSON Lines, in
    input order. ``workers``: extraction processes; the store is written in this process
    as records arrive, so memory holds only the articles in flight. ``summary``: as for
    :func:`extract`; :class:`InputError` (E014) before the store is opened when ``paths``
    hold no input file.

    ``engine="ray"``: JSONL/Parquet shards extracted on Ray Data, ``workers`` actors each
    writing the articles it extracted into ``store`` (PostgreSQL; SQLite is refused:
    E076), with the same write path and idempotency; no ``output``
    (:func:`pipeline.batch.ray_ingest.ingest_shards`).
    """
    if engine == "ray":
        from .batch.ray_ingest import ingest_shards

        if output is not None:
            raise ConfigError(Errors.E077)
        return ingest_shards(
            paths,
            store=store or default_store(config),
            config=config,
            actors=workers,
            batch_size=batch_size,
            force=force,
            progress=progress,
            report=report,
        )
    if engine != "local":
        raise ConfigError(Errors.E065.format(engine=engine, expected="local, ray"))
    from collections import deque

    from .events import load_rules
    from .stores import open_store
    from .stores.write import unchanged_ids, write_article

    paths = list(paths)
    check_inputs(paths)
    summary = summary if summary is not None else RunSummary()
    pending: dict[str, Article] = {}  # article id -> the article, in flight
    queue: deque[tuple[str, bool]] = deque()  # (id, extracting?) read, not yet resolved, in order
    url = store or default_store(config)
    with open_store(url, create=True, event_rules=load_rules(config)) as target, ExitStack() as stack:
        handle = stack.enter_context(open(output, "w", encoding="utf-8")) if output is not None else None

        def write_stored(article_id: str) -> None:
            if handle is not None:
                write_jsonl(target.results([article_id]), handle)

        def keep(article: Article) -> bool:
            if not force and unchanged_ids(target, [article]):
                summary.unchanged += 1
                if not queue:
                    write_stored(article.meta.id)
                elif handle is not None:
                    queue.append((article.meta.id, False))
                return False
            pending[article.meta.id] = article
            queue.append((article.meta.id, True))
            return True

        def resolve(upto: str | None) -> None:
            """Settle what was read before ``upto`` (None: everything): unchanged articles
            are written out, extracting ones without a result were skipped."""
            while queue:
                article_id, extracting = queue.popleft()
                if not extracting:
                    write_stored(article_id)
                elif article_id == upto:
                    return
                else:
                    pending.pop(article_id, None)

        nlp = load_pipeline(config) if workers <= 1 else None
        results = iter_extract(
            paths,
            nlp=nlp,
            summary=summary,
            config=config,
            workers=workers,
            batch_size=batch_size,
            progress=progress,
            keep=keep,
            report=report,
        )
        for result in results:
            resolve(result.article.id)
            try:
                failure = write_article(target, pending.pop(result.article.id), result)
            except BaseException:  # interrupted mid-write: rolled back, so not stored
                summary.processed -= 1
                raise
            if failure is not None:
                summary.processed -= 1  # counted as extracted: not stored after all
                summary.skipped += 1
                note(summary, "error", failure, report)
                continue
            write_stored(result.article.id)
        resolve(None)
    return summary


def load(
    shards: Iterable[Path | str],
    *,
    articles: Iterable[Path | str],
    store: str | None = None,
    config: Path | str | None = None,
    force: bool = False,
    progress: Progress | None = None,
    report: Report | None = None,
) -> RunSummary:
    """Load the output shards that ``extract(engine="ray")`` wrote (``OUT/<name>.jsonl``,
    or the folder) into ``store``, each record with its article from the input shard of
    the same name under ``articles`` (its body and content hash): the store ends as
    ``ingest`` of those articles would leave it, and articles already stored from the same
    content by this version count as ``unchanged`` (``force``: store again). No model is
    loaded (:func:`pipeline.batch.loader.load_records`)."""
    from .batch.loader import load_records

    url = store or default_store(config)
    return load_records(
        shards, articles=articles, store=url, force=force, config=config, progress=progress, report=report
    )


def export(
    *,
    store: str | None = None,
    config: Path | str | None = None,
    format: str = "jsonl",
    output: Path | str | None = None,
) -> int:
    """Write what ``store`` holds to ``output`` (stdout when None): ``jsonl``, one record
    per article as ``extract`` writes it (SPEC section 4), by article id; ``csv``, the rows
    of the ``claim_rows`` view. Returns the number of records or rows written.
    :class:`~pipeline.errors.StoreError` when the store does not exist (never created)."""
    from .errors import StoreError
    from .stores import open_store
    from .stores.export import EXPORT_FORMATS, write_csv
    from .stores.schema import claim_rows

    if format not in EXPORT_FORMATS:
        raise StoreError(Errors.E075.format(format=format, expected=", ".join(EXPORT_FORMATS)))
    with open_store(store or default_store(config), create=False) as source:
        handle = sys.stdout if output is None else open(output, "w", encoding="utf-8", newline="")
        try:
            if format == "csv":
                return write_csv(source.claim_rows(), handle, columns=list(claim_rows.c.keys()))
            return write_jsonl(source.results(), handle)
        finally:
            if output is not None:
                handle.close()


def events(
    store: str | None = None,
    *,
    article: str | None = None,
    conflicts_only: bool = False,
    config: Path | str | None = None,
) -> list[Event]:
    """The events of ``store`` (a URL; default: the config's ``store``), by date then id:
    claims of several articles (or sentences) that report one event, with their counts and
    conflicts (README, "Events"). ``article``: only the events with a claim of that article;
    ``conflicts_only``: only those whose claims disagree. :class:`~pipeline.errors.StoreError`
    when the store does not exist (never created)."""
    from .stores import open_store

    with open_store(store or default_store(config), create=False) as source:
        return source.events(article=article, conflicts_only=conflicts_only)


def export_events(
    *,
    store: str | None = None,
    config: Path | str | None = None,
    article: str | None = None,
    conflicts_only: bool = False,
    format: str = "jsonl",
    output: Path | str | None = None,
) -> int:
    """Write the events of ``store`` (as :func:`events` selects them) to ``output`` (stdout
    when None): ``jsonl``, one :class:`~pipeline.models.Event` object a line; ``csv``, one
    row per event. Returns the number written."""
    from .errors import StoreError
    from .stores.export import EVENT_FORMATS, write_events

    if format not in EVENT_FORMATS:
        raise StoreError(Errors.E110.format(format=format, expected=", ".join(EVENT_FORMATS)))
    found = events(store, article=article, conflicts_only=conflicts_only, config=config)
    if output is None:
        return write_events(found, sys.stdout, format=format)
    with open(output, "w", encoding="utf-8", newline="") as handle:
        return write_events(found, handle, format=format)


# --------------------------------------------------------------------------- review


def review_server(
    store: str | None = None, *, port: int = 8765, reviewer: str | None = None, config: Path | str | None = None
) -> BaseWSGIServer:
    """The review page's server over ``store`` (which must exist) on 127.0.0.1:``port``
    (0: a free port), not started: call ``serve_forever()`` (``server_port`` says where).
    ``reviewer``: who the actions are recorded as (default: the OS user).
    :class:`~pipeline.errors.StoreError` when the store does not exist;
    :class:`~pipeline.errors.SahelError` (E126) when the port cannot be had."""
    from .review.app import make_review_server

    return make_review_server(store or default_store(config), port=port, reviewer=reviewer)


def export_gold(
    *, store: str | None = None, out_dir: Path | str, keep_unreviewed: bool = False, config: Path | str | None = None
) -> GoldExport:
    """Write every reviewed article of ``store`` as a gold file ``out_dir/gold/<id>.yaml``
    (SPEC section 5) with its article ``out_dir/corpora/<id>.txt``: accepted and corrected
    claims as corrected, rejected ones dropped, unreviewed ones dropped unless
    ``keep_unreviewed`` (:mod:`pipeline.review.gold`). Returns what was written (a
    :class:`~pipeline.review.gold.GoldExport`); :class:`~pipeline.errors.StoreError` when
    the store does not exist or nothing was reviewed (E123)."""
    from .review.gold import export_gold as _export

    return _export(store or default_store(config), out_dir, keep_unreviewed=keep_unreviewed)


# --------------------------------------------------------------------------- scoring


def validate_gold(target: Path | str, *, corpus: Path | str | None = None) -> tuple[list[str], list[str]]:
    """(problems, warnings) of the gold files of ``target`` (a folder or one file) checked
    against their article bodies in ``corpus`` (default: ``corpora/`` next to the gold
    folder); no problems when all are valid (SPEC section 5)."""
    from .errors import GoldError
    from .scoring.gold import check_gold, gold_paths

    if not gold_paths(target):
        raise GoldError(Errors.E047.format(path=target))
    _, problems, notes = check_gold(target, corpus=corpus)
    return problems, notes


def _write_reports(
    report: ScoreReport,
    golds: dict[str, GoldDocument],
    preds: dict[str, DocumentResult],
    *,
    json_path: Path | str | None,
    html_path: Path | str | None,
    title: str,
    lines: int | None = None,
) -> None:
    from .scoring.html import render_html

    if json_path is not None:
        Path(json_path).write_text(report.model_dump_json(indent=2) + "\n", encoding="utf-8")
    if html_path is not None:
        Path(html_path).write_text(render_html(report, golds, preds, title=title, lines=lines), encoding="utf-8")


def _something_to_score(
    path: Path | str,
    preds: dict[str, DocumentResult],
    pred_notes: list[str],
    golds: dict[str, GoldDocument],
    gold: Path | str,
) -> None:
    """:class:`InputError` (E049) when no prediction can be scored: the file holds no
    output record (a CSV file, an empty file), or none for an article of the gold."""
    from .errors import InputError, leading_code

    if not preds:
        bad = [n for n in pred_notes if leading_code(n) == "E048"]
        if bad:  # "[E048] x.csv:1: not a valid output record (SPEC section 4): <why>"
            why = f"none of its {len(bad)} line(s) is an output record (the first: {bad[0].rsplit('): ', 1)[-1]})"
        else:
            why = "it holds no output record"
        reason = f"{why}; score reads the JSON Lines file that extract writes"
        raise InputError(Errors.E049.format(path=path, reason=reason))
    if not set(preds) & set(golds):
        reason = (
            f"none of its {len(preds)} record(s) is for an article of {gold} ({len(golds)} gold file(s)): check --gold"
        )
        raise InputError(Errors.E049.format(path=path, reason=reason))


def score(
    predictions: Path | str,
    *,
    gold: Path | str,
    corpus: Path | str | None = None,
    json_path: Path | str | None = None,
    html_path: Path | str | None = None,
    lines: int | None = None,
) -> ScoreReport:
    """Score a JSON Lines file of output records against a gold folder (SPEC section 6).

    Gold files are validated first (:class:`GoldError` listing every problem); an article
    with gold but no predictions counts as predicting nothing, predictions without gold are
    ignored; both are warned about in the report, as are lines that are not records.
    :class:`InputError` (E049) when nothing can be scored (no record, or none with gold).
    Writes ``json_path``/``html_path`` if given.
    ``lines``: score only what starts in the first ``lines`` lines of each body (for gold
    that annotates only the head of each article, as MEANTIME does: ``lines=6``).
    """
    from .errors import Warnings
    from .scoring.gold import load_gold_documents, read_predictions, symmetric_predicates
    from .scoring.score import micro_total, score_article

    golds, notes = load_gold_documents(gold, corpus=corpus)
    symmetric = symmetric_predicates()
    preds, pred_notes = read_predictions(predictions)
    _something_to_score(predictions, preds, pred_notes, golds, gold)
    notes += pred_notes
    notes += [Warnings.W040.format(article=a) for a in sorted(preds) if a not in golds]
    notes += [Warnings.W041.format(article=a) for a in sorted(golds) if a not in preds]
    for article_id in sorted(golds):
        body, pred = golds[article_id].body, preds.get(article_id)
        if body is None or pred is None:
            continue
        for layer, spans in (("entity", pred.entities), ("date", pred.dates)):
            notes += [
                Warnings.W045.format(article=article_id, layer=layer, text=s.text, start=s.start, end=s.end)
                for s in spans
                if body[s.start : s.end] != s.text
            ]
    articles = [
        score_article(golds[a].gold, preds.get(a), body=golds[a].body, lines=lines, symmetric=symmetric)
        for a in sorted(golds)
    ]
    report = ScoreReport(articles=articles, total=micro_total(articles), warnings=notes)
    _write_reports(
        report, golds, preds, json_path=json_path, html_path=html_path, title="sahel-claims scores", lines=lines
    )
    return report


def agreement(
    gold_a: Path | str,
    gold_b: Path | str,
    *,
    corpus: Path | str | None = None,
    json_path: Path | str | None = None,
    html_path: Path | str | None = None,
) -> ScoreReport:
    """Inter-annotator agreement: annotator B's gold scored against A's with the scorer's
    matching, on the layers both annotate (B's claims are located by the sentence of A's
    segmentation that holds their evidence text, as a prediction's evidence is its sentence).

    ``gold_a`` and ``gold_b`` are two files for one article, or two folders: then every
    article of B is paired with A's file for it (B having an article A lacks is an error) and
    the total is micro over the pairs."""
    from .errors import Errors, GoldError
    from .scoring.gold import Corpus, check_gold_file, default_corpus, gold_paths, symmetric_predicates
    from .scoring.score import gold_as_prediction, micro_total, score_article

    index = Corpus(corpus if corpus is not None else default_corpus(gold_a))
    docs_a, docs_b, problems = {}, [], []
    for paths, side in ((gold_paths(gold_a), "a"), (gold_paths(gold_b), "b")):
        for path in paths:
            doc, found, _ = check_gold_file(path, index)
            problems += found
            if doc is not None and side == "a":
                docs_a[doc.gold.article] = doc
            elif doc is not None:
                docs_b.append(doc)
    if problems:
        raise GoldError("\n".join(problems))
    layers = ("sentences", "entities", "dates", "claims")
    symmetric = symmetric_predicates()
    articles, golds, preds = [], {}, {}
    for b in docs_b:
        a = docs_a.get(b.gold.article)
        if a is None:
            reason = f"'{b.gold.article}' has no file in {gold_a}"
            raise GoldError(Errors.E040.format(path=b.path, entry="article", reason=reason))
        shared = a.gold.model_copy(update={n: None for n in layers if getattr(b.gold, n) is None})
        pred = gold_as_prediction(b.gold, a.body or "", sentence_ends=a.gold.sentences or b.gold.sentences)
        articles.append(score_article(shared, pred, body=a.body, symmetric=symmetric))
        golds[a.gold.article], preds[a.gold.article] = a.model_copy(update={"gold": shared}), pred
    report = ScoreReport(articles=articles, total=micro_total(articles, name="AGREEMENT"))
    _write_reports(report, golds, preds, json_path=json_path, html_path=html_path, title="inter-annotator agreement")
    return report


def read_results(path: Path | str, *, article: str | None = None) -> tuple[list[DocumentResult], list[str]]:
    """The records of an output JSON Lines file (extract, ingest --output, export), in
    file order (only ``article``'s when given), and a note for each line that is not a
    valid record. :class:`InputError` (E049) when there is nothing to give: no record, or
    none for ``article``."""
    from .scoring.gold import read_predictions

    records, notes = read_predictions(path)
    if not records:
        reason = f"none of its {len(notes)} line(s) is an output record" if notes else "it holds no output record"
        raise InputError(Errors.E049.format(path=path, reason=reason))
    if article is None:
        return list(records.values()), notes
    if article not in records:
        ids = sorted(records)
        listed = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
        raise InputError(Errors.E049.format(path=path, reason=f"no record for article '{article}' (it has {listed})"))
    return [records[article]], notes


def write_map(path: Path | str, output: Path | str, *, article: str | None = None) -> tuple[int, int, list[str]]:
    """The located claims of an output file (:func:`read_results`) drawn on a map that
    opens offline (:mod:`pipeline.maps`), written to ``output``: (claims drawn, claims in
    all, notes on lines that are no record)."""
    from .maps import write_map as _write_map

    results, notes = read_results(path, article=article)
    drawn = _write_map(results, output, title=f"Located claims of {Path(path).name}")
    return drawn, sum(len(r.claims) for r in results), notes


__all__ = [
    "Progress",
    "Report",
    "agreement",
    "check_inputs",
    "default_store",
    "doc_to_result",
    "events",
    "export",
    "export_events",
    "export_gold",
    "extract",
    "extract_text",
    "ingest",
    "iter_extract",
    "json_line",
    "load",
    "load_pipeline",
    "make_doc",
    "process_articles",
    "read_results",
    "review_server",
    "write_map",
    "score",
    "validate_gold",
    "write_jsonl",
]
