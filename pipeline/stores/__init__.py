"""Stores: where ``ingest`` loads articles' records and ``export`` reads them back.

>>> from pipeline.stores import open_store
>>> with open_store("sqlite://") as store:  # in memory
...     store.article_ids()
[]
"""

from __future__ import annotations

from .base import Fingerprint, Store, content_hash
from .sql import SqlStore, engine_url


def open_store(url: str) -> Store:
    """The store at ``url`` (``sqlite:///FILE``, ``postgresql://...``), migrated to the
    current schema; :class:`pipeline.errors.StoreError` when it cannot be opened."""
    return SqlStore(url)


__all__ = ["Fingerprint", "SqlStore", "Store", "content_hash", "engine_url", "open_store"]
