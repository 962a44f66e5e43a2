"""The events panel of the review page: the article's events and their conflicts.

Events are kept by the store as articles are written (pipeline/events):
``pipeline.api.events(store=URL, article=ID)`` gives the :class:`~pipeline.models.Event` s
with a claim of the article: ``predicate``, ``subject``, ``object``, ``date``,
``location``, the counts ``mentions``, ``articles``, ``sources``, the ``claims`` that report
it (of every article) and its ``conflicts`` (``reason``, the ``claims`` involved, ``detail``).
The page reads them through its open store (the same call underneath); should that fail,
the panel says why: nothing is made up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..stores import Store


@dataclass
class EventsPanel:
    """What the panel shows: the events (plain mappings), or why they could not be read."""

    events: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None


def article_events(store: Store, article_id: str) -> EventsPanel:
    """The events with a claim of ``article_id`` (what ``pipeline.api.events(store=URL,
    article=ID)`` gives, read through the page's open store)."""
    try:
        found = store.events(article=article_id)
    except Exception as exc:  # noqa: BLE001 - the panel shows the failure, the page still works
        return EventsPanel(error=f"{type(exc).__name__}: {exc}")
    return EventsPanel(events=[e.model_dump(mode="json") for e in found])


def show(value: Any) -> str:
    """A field of an event as text: an argument's id or text, a date's value, a list joined."""
    if value is None:
        return "-"
    if isinstance(value, dict):
        for key in ("id", "value", "text"):
            if value.get(key):
                return str(value[key])
        return "-"
    if isinstance(value, (list, tuple)):
        return ", ".join(show(v) for v in value) or "-"
    return str(value)


def claim_ids(value: Any, article: str | None = None) -> list[str]:
    """The claim ids an event or a conflict lists (ids, or claims with an ``id``), only
    those of ``article`` when given and the claims say their article."""
    out = []
    for item in value or ():
        if isinstance(item, dict):
            if article is not None and item.get("article") not in (None, article):
                continue
            item = item.get("id") or item.get("claim")
        if item is not None:
            out.append(str(item))
    return out
