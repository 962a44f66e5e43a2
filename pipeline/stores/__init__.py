"""Stores: where ``ingest`` loads articles' records and ``export`` reads them back.

>>> from pipeline.stores import open_store
>>> with open_store("sqlite://") as store:  # in memory
...     store.article_ids()
[]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import Fingerprint, Store, content_hash
from .sql import SqlStore, display_url, engine_url

if TYPE_CHECKING:
    from ..events.rules import EventRules


def open_store(url: str, *, create: bool = True, event_rules: EventRules | None = None) -> Store:
    """The store at ``url`` (``sqlite:///FILE``, ``postgresql://...``), migrated to the
    current schema; :class:`pipeline.errors.StoreError` when it cannot be opened, or when
    it does not exist and ``create`` is False (to read a store is never to make one).
    ``event_rules``: how its writes group claims into events (default: the flags of the
    default config's predicates file, :func:`pipeline.events.load_rules`)."""
    return SqlStore(url, create=create, event_rules=event_rules)


__all__ = ["Fingerprint", "SqlStore", "Store", "content_hash", "display_url", "engine_url", "open_store"]
