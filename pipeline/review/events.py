"""The events panel of the review page: the article's events and their conflicts.

Events are kept by the store as articles are written (pipeline/events):
``pipeline.api.events(store=URL, article=ID)`` gives the :class:`~pipeline.models.Event` s
with a claim of the article: ``predicate``, ``subject``, ``object``, ``date``,
``location``, the counts ``mentions``, ``articles``, ``sources``, the ``claims`` that report
it (of every article) and its ``conflicts`` (``reason``, the ``claims`` involved, ``detail``).
Should the call be missing or fail, the panel says so: nothing is made up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

UNAVAILABLE = "events are not available in this version of sahel-claims (no pipeline.api.events)"


@dataclass
class EventsPanel:
    """What the panel shows: the events (plain mappings), or why there are none to show."""

    events: list[dict[str, Any]] = field(default_factory=list)
    unavailable: str | None = None
    error: str | None = None


def _plain(event: Any) -> dict[str, Any]:
    if hasattr(event, "model_dump"):
        return event.model_dump(mode="json")
    if isinstance(event, dict):
        return dict(event)
    return dict(vars(event))


def article_events(store: str, article_id: str) -> EventsPanel:
    """The events of ``article_id`` in ``store`` through ``pipeline.api.events``."""
    from .. import api

    events = getattr(api, "events", None)
    if events is None:
        return EventsPanel(unavailable=UNAVAILABLE)
    try:
        found = events(store=store, article=article_id)
    except Exception as exc:  # noqa: BLE001 - the panel shows the failure, the page still works
        return EventsPanel(error=f"{type(exc).__name__}: {exc}")
    return EventsPanel(events=[_plain(e) for e in found])


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
