"""How a batch runs: articles through ``nlp.pipe`` in memory zones, failures isolated, in
input order; the run's report (:data:`Report`, :func:`note`) and JSON Lines output.

The engines (:mod:`~pipeline.batch.local`, :mod:`~pipeline.batch.ray_engine`) call
:func:`process_articles`; :func:`pipeline.batch.local.iter_extract` reads the input and counts the run. Nothing here
imports the API.
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import IO

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import Errors, InputError
from ..models import Article, DocumentResult, RunSummary
from .serialize import doc_to_result
from .tokenizer_cache import TokenizerLearner

Progress = Callable[[int], None]
Report = Callable[[str, str, str], None]
"""``report(kind, code, message)``: called as each message of a run happens; ``kind`` is
``"error"`` (an article or shard skipped) or ``"warning"``. The CLI prints errors on stderr
and writes both to ``--skipped-log``; the :class:`RunSummary` keeps counts and examples."""


def note(summary: RunSummary, kind: str, message: str, report: Report | None = None) -> None:
    """Count ``message`` in ``summary`` (kept among the first examples) and report it."""
    code = summary.add("error" if kind == "error" else "warning", message)
    if report is not None:
        report(kind, code, message)


def make_doc(nlp: Language, article: Article) -> Doc:
    """A tokenised ``Doc`` carrying the article's id, publication date and warnings."""
    doc = nlp.make_doc(article.text)
    doc._.article_id = article.meta.id
    doc._.published = article.meta.published
    doc._.source = article.meta.source
    doc._.sahel_warnings = []
    if article.meta.published is None:
        doc._.sahel_warnings.append("no 'published' date: relative date expressions have value null")
    return doc


def _run_batch(nlp: Language, batch: list[Article]) -> list[DocumentResult | InputError]:
    """Process a batch with ``nlp.pipe``; if a stage fails, redo it one article at a time
    so that only the failing article is skipped.

    Runs inside ``nlp.memory_zone()``: the strings and lexemes the batch adds to the
    vocab are freed afterwards, so memory stays flat over millions of articles. Docs are
    turned into plain records before the zone closes and never leave this function.
    """
    out: list[DocumentResult | InputError] = []
    with nlp.memory_zone():
        try:
            docs = list(nlp.pipe([make_doc(nlp, a) for a in batch], batch_size=len(batch)))
        except Exception:  # noqa: BLE001 - isolate the failing article below
            docs = None
        for i, article in enumerate(batch):
            try:
                doc = docs[i] if docs is not None else nlp(make_doc(nlp, article))
                out.append(doc_to_result(doc, article.meta))
            except Exception as exc:  # noqa: BLE001 - reported and skipped, the batch goes on
                out.append(InputError(Errors.E050.format(path=article.origin, reason=f"{type(exc).__name__}: {exc}")))
        del docs
    _learner(nlp)(nlp, [a.text for a in batch])  # outside the zone: the tokenizer may cache
    return out


_LEARNERS: weakref.WeakKeyDictionary[Language, TokenizerLearner] = weakref.WeakKeyDictionary()


def _learner(nlp: Language) -> TokenizerLearner:
    """The pipeline's :class:`~pipeline.batch.tokenizer_cache.TokenizerLearner`."""
    learner = _LEARNERS.get(nlp)
    if learner is None:
        learner = _LEARNERS[nlp] = TokenizerLearner()
    return learner


def too_long(item: Article | InputError, limit: int | None) -> Article | InputError:
    """``item``, or an :class:`InputError` (E051) in its place when it is an article longer
    than ``limit`` characters (the config's ``max_article_chars``): the cost of an article
    grows faster than its length (docs/performance.md), so one pathological input could
    hold a worker for an hour and gigabytes; it is skipped and named instead."""
    if limit is None or not isinstance(item, Article) or len(item.text) <= limit:
        return item
    return InputError(Errors.E051.format(path=item.origin, length=len(item.text), limit=limit))


def process_articles(
    items: Iterable[Article | InputError], *, nlp: Language, batch_size: int | None = None
) -> Iterator[DocumentResult | InputError]:
    """Results in input order; bad input passes through as :class:`InputError`.

    Streams: reads ``batch_size`` items at a time (default: the config's), so nothing
    accumulates however long the input is. An article longer than the config's
    ``max_article_chars`` comes out as an error in its place (:func:`too_long`).
    """
    size = batch_size or nlp.meta.get("sahel", {}).get("batch_size", 16)
    limit = nlp.meta.get("sahel", {}).get("max_article_chars")
    iterator = iter(items)
    while True:
        chunk = [too_long(item, limit) for item in islice(iterator, size)]
        if not chunk:
            return
        articles = [a for a in chunk if isinstance(a, Article)]
        results = iter(_run_batch(nlp, articles)) if articles else iter(())
        for item in chunk:
            yield item if isinstance(item, InputError) else next(results)


def json_line(result: DocumentResult) -> str:
    """One output record as a JSON Lines line (every engine writes exactly this)."""
    return json.dumps(result.model_dump(mode="json"), ensure_ascii=False) + "\n"


def write_jsonl(results: Iterable[DocumentResult], handle: IO[str], *, progress: Progress | None = None) -> int:
    """Write results as JSON Lines, flushing each line (nothing done is lost on a crash)."""
    n = 0
    for result in results:
        handle.write(json_line(result))
        handle.flush()
        n += 1
        if progress:
            progress(n)
    return n
