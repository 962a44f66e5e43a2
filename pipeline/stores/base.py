"""The store interface: where ingest writes articles' records and export reads them."""

from __future__ import annotations

import hashlib
import json
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import Any, NamedTuple

from ..models import Article, ClaimReview, DocumentResult, Event


class Fingerprint(NamedTuple):
    """What an article was stored from: its content hash and the pipeline version."""

    content_hash: str
    pipeline_version: str


def content_hash(article: Article) -> str:
    """sha256 of the article's metadata and body: any change to either changes it."""
    meta = json.dumps(article.meta.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(f"{meta}\n{article.text}".encode()).hexdigest()


class Store(ABC):
    """Articles' records (SPEC section 4) keyed by article id.

    ``put`` replaces everything stored for one article in one transaction: a reader sees
    the old rows or the new ones, never a mix, and other articles are not touched, except
    that the events its claims report are updated in the same transaction
    (:mod:`pipeline.events`): its old claims leave their events, its new ones join theirs.
    """

    url: str

    @abstractmethod
    def fingerprint(self, article_id: str) -> Fingerprint | None:
        """The stored article's fingerprint, ``None`` when it is not stored."""

    def fingerprints(self, article_ids: Iterable[str]) -> dict[str, Fingerprint]:
        """The fingerprints of those of ``article_ids`` that are stored (one query on SQL)."""
        found = {aid: self.fingerprint(aid) for aid in article_ids}
        return {aid: fp for aid, fp in found.items() if fp is not None}

    @abstractmethod
    def put(self, result: DocumentResult, *, body: str | None, content_hash: str, pipeline_version: str) -> None:
        """Store ``result`` (and the ``body`` its offsets index into), replacing the
        article's previous rows atomically."""

    @abstractmethod
    def delete(self, article_id: str) -> bool:
        """Remove an article and its rows; ``False`` when it was not stored."""

    @abstractmethod
    def article_ids(self) -> list[str]:
        """Stored article ids, sorted."""

    @abstractmethod
    def results(self, article_ids: Iterable[str] | None = None) -> Iterator[DocumentResult]:
        """Stored records, by id (all when ``article_ids`` is None), read consistently."""

    @abstractmethod
    def claim_rows(self) -> Iterator[dict[str, Any]]:
        """The ``claim_rows`` view: one flat mapping per claim, by article and order."""

    @abstractmethod
    def body(self, article_id: str) -> str | None:
        """The body the article's offsets index into; ``None`` when the article is not
        stored or was stored without one."""

    # reviews (the review page's audit trail, schema version 4): appended, never updated,
    # and kept when ingest replaces or deletes the article's rows

    @abstractmethod
    def add_review(self, review: ClaimReview) -> int:
        """Append one review action; its row id."""

    @abstractmethod
    def reviews(self, article_ids: Iterable[str] | None = None) -> list[ClaimReview]:
        """Review actions (of ``article_ids``, all when None), oldest first."""

    @abstractmethod
    def reviewed_article_ids(self) -> list[str]:
        """Ids of the articles with at least one review action, sorted (stored or not)."""

    @abstractmethod
    def events(self, *, article: str | None = None, conflicts_only: bool = False) -> list[Event]:
        """The stored events (:class:`~pipeline.models.Event`), by date then id: those with a
        claim of ``article`` when given, those with a conflict when ``conflicts_only``."""

    def get(self, article_id: str) -> DocumentResult | None:
        return next(iter(self.results([article_id])), None)

    def is_current(self, article_id: str, fingerprint: Fingerprint) -> bool:
        """True when the article is stored from the same content by the same version."""
        return self.fingerprint(article_id) == fingerprint

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release connections."""

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
