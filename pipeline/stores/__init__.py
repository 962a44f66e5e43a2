"""Stores: where ``ingest`` loads articles' records and ``export`` reads them back.

>>> from pipeline.stores import open_store
>>> with open_store("sqlite://") as store:  # in memory
...     store.article_ids()
[]
"""

from __future__ import annotations

from .base import Fingerprint, Store, content_hash
from .sql import SqlStore, display_url, engine_url


def open_store(url: str, *, create: bool = True) -> Store:
    """The store at ``url`` (``sqlite:///FILE``, ``postgresql://...``), migrated to the
    current schema; :class:`pipeline.errors.StoreError` when it cannot be opened, or when
    it does not exist and ``create`` is False (to read a store is never to make one)."""
    return SqlStore(url, create=create)


__all__ = ["Fingerprint", "SqlStore", "Store", "content_hash", "display_url", "engine_url", "open_store"]
