"""The library API: what the CLI, the tests and other programs call.

>>> from pipeline import api
>>> result = api.extract_text("Niger's junta closed the airspace on Sunday.", published="2023-08-09")
>>> [c.predicate for c in result.claims]  # doctest: +SKIP
['close']
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import IO

from spacy.language import Language
from spacy.tokens import Doc

from .errors import Errors, InputError, SahelWarning
from .io import iter_articles
from .models import Article, ArticleMeta, DocumentResult, RunSummary
from .nlp import build_pipeline
from .serialize import doc_to_result

Progress = Callable[[int], None]


@lru_cache(maxsize=4)
def _cached_pipeline(config: str | None) -> Language:
    return build_pipeline(config)


def load_pipeline(config: Path | str | None = None) -> Language:
    """The full pipeline for ``config`` (default configs/pipeline.yaml), built once."""
    return _cached_pipeline(str(Path(config).resolve()) if config else None)


def make_doc(nlp: Language, article: Article) -> Doc:
    """A tokenised ``Doc`` carrying the article's id, publication date and warnings."""
    doc = nlp.make_doc(article.text)
    doc._.article_id = article.meta.id
    doc._.published = article.meta.published
    doc._.sahel_warnings = []
    if article.meta.published is None:
        doc._.sahel_warnings.append("no 'published' date: relative date expressions have value null")
    return doc


def _run_batch(nlp: Language, batch: list[Article]) -> Iterator[DocumentResult | InputError]:
    """Process a batch with ``nlp.pipe``; if a stage fails, redo it one article at a time
    so that only the failing article is skipped."""
    try:
        docs = list(nlp.pipe([make_doc(nlp, a) for a in batch], batch_size=len(batch)))
    except Exception:  # noqa: BLE001 - isolate the failing article below
        docs = None
    for i, article in enumerate(batch):
        try:
            doc = docs[i] if docs is not None else nlp(make_doc(nlp, article))
            yield doc_to_result(doc, article.meta)
        except Exception as exc:  # noqa: BLE001 - reported and skipped, the batch goes on
            yield InputError(Errors.E050.format(path=article.origin, reason=f"{type(exc).__name__}: {exc}"))


def process_articles(
    items: Iterable[Article | InputError], *, nlp: Language, batch_size: int | None = None
) -> Iterator[DocumentResult | InputError]:
    """Results in input order; bad input passes through as :class:`InputError`."""
    size = batch_size or nlp.meta.get("sahel", {}).get("batch_size", 16)
    iterator = iter(items)
    while True:
        chunk = list(islice(iterator, size))
        if not chunk:
            return
        articles = [a for a in chunk if isinstance(a, Article)]
        results = iter(_run_batch(nlp, articles)) if articles else iter(())
        for item in chunk:
            yield item if isinstance(item, InputError) else next(results)


def extract_text(
    text: str,
    *,
    published: dt.date | str | None = None,
    article_id: str = "text",
    nlp: Language | None = None,
) -> DocumentResult:
    """Extract one article given as a string (its body)."""
    meta = ArticleMeta(id=article_id, published=published)
    (result,) = process_articles([Article(meta=meta, text=text)], nlp=nlp or load_pipeline())
    if isinstance(result, InputError):
        raise result
    return result


def iter_extract(
    paths: Iterable[Path | str], *, nlp: Language | None = None, summary: RunSummary | None = None
) -> Iterator[DocumentResult]:
    """Extract every article under ``paths``; skipped items are counted in ``summary``."""
    summary = summary if summary is not None else RunSummary()
    nlp = nlp or load_pipeline()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", SahelWarning)
        for item in process_articles(iter_articles(paths), nlp=nlp):
            summary.warnings.extend(str(w.message) for w in caught if issubclass(w.category, SahelWarning))
            caught.clear()
            if isinstance(item, InputError):
                summary.skipped += 1
                summary.errors.append(str(item))
                continue
            summary.processed += 1
            yield item


def write_jsonl(results: Iterable[DocumentResult], handle: IO[str], *, progress: Progress | None = None) -> int:
    """Write results as JSON Lines, flushing each line (nothing done is lost on a crash)."""
    n = 0
    for result in results:
        handle.write(json.dumps(result.model_dump(mode="json"), ensure_ascii=False) + "\n")
        handle.flush()
        n += 1
        if progress:
            progress(n)
    return n


def extract(
    paths: Iterable[Path | str],
    *,
    output: Path | str | None = None,
    config: Path | str | None = None,
    progress: Progress | None = None,
) -> RunSummary:
    """Extract articles under ``paths`` to ``output`` (JSON Lines; stdout when None)."""
    summary = RunSummary()
    results = iter_extract(paths, nlp=load_pipeline(config), summary=summary)
    if output is None:
        write_jsonl(results, sys.stdout, progress=progress)
    else:
        with open(output, "w", encoding="utf-8") as handle:
            write_jsonl(results, handle, progress=progress)
    return summary
