"""The one write path of ``ingest`` and ``load``: every engine stores an article here.

Both engines and ``load`` decide what to skip with :func:`unchanged_ids` and write with
:func:`write_article`: the local engine (:func:`pipeline.api.ingest`, the store written
in the main process), the Ray engine (:mod:`pipeline.batch.ray_ingest`, each actor
writing with its own connection) and ``load`` (:mod:`pipeline.batch.loader`, the records
``extract --engine ray`` wrote), so that whatever a write does (an article's rows in one
transaction; the events it updates, when they exist) is done the same way whichever
engine extracted the article. The events are updated by the store's ``put`` itself, in
the article's transaction (:mod:`pipeline.stores.events`): the article's previous claims
leave their events and its new ones join theirs, whichever engine wrote it.
"""

from __future__ import annotations

from collections.abc import Iterable

from .. import __version__
from ..errors import Errors, StoreError
from ..models import Article, DocumentResult
from .base import Fingerprint, Store, content_hash


def unchanged_ids(store: Store, articles: Iterable[Article]) -> set[str]:
    """Ids of the ``articles`` stored from the same content (metadata and body) by this
    pipeline version: idempotent ingest leaves them alone. One query for all of them."""
    wanted = {a.meta.id: Fingerprint(content_hash(a), __version__) for a in articles}
    return {aid for aid, found in store.fingerprints(wanted).items() if found == wanted[aid]}


def write_article(store: Store, article: Article, result: DocumentResult) -> str | None:
    """Store ``result``, extracted from ``article``, replacing the article's rows in one
    transaction (its body, content hash and this pipeline version with them, and the events
    its claims report). Returns
    ``None`` when stored, or the E073 message when the write failed: it was rolled back,
    the store keeps the article's previous rows and the caller goes on with the next.
    (``KeyboardInterrupt`` and other ``BaseException`` s are not caught: the transaction is
    rolled back and the run stops.)"""
    try:
        store.put(result, body=article.text, content_hash=content_hash(article), pipeline_version=__version__)
    except Exception as exc:  # noqa: BLE001 - this article is rolled back, the run goes on
        reason = str(exc) if isinstance(exc, StoreError) else f"{type(exc).__name__}: {exc}"
        return Errors.E073.format(path=article.origin, article=result.article.id, reason=reason)
    return None
