"""Events: the claims of many articles (and sentences) that report one event, grouped.

The rule, in small pure functions (the store applies it, :mod:`pipeline.stores.events`):

1. A claim reports an event when its modality is ``asserted`` or ``uncertain`` and it
   names a subject or an object (:mod:`.reports`); its **key** is (predicate, subject,
   object), arguments by id, else actor codes, else the head of their text, sorted for a
   ``symmetric`` predicate.
2. Reports of one key are one event when their **dates** are compatible (equal, or one
   within the other's granularity; an undated report falls in the ``window_days`` before
   its article's ``published`` date) and their **places** too (equal, one inside the
   other, or either missing) (:mod:`.dates`, :mod:`.places`, :mod:`.group`). A
   ``one_time`` predicate (a coup) makes one event of its key whatever the dates.
3. An event keeps its reports and counts mentions, articles and sources; its date and
   place are the ones most reports agree with; disagreements are **conflicts**
   (:mod:`.conflicts`): negated by another source, retracted, dates, places.

Grouping is a function of the set of reports of a key (:func:`.group.cluster`), so a
store's events do not depend on the order articles arrive in; ids hash the key and the
event's anchor (:func:`.group.event_id`).
"""

from __future__ import annotations

from .group import build_event, cluster, events_of_key, group
from .reports import Report, event_key, reports_of
from .rules import EventRules, load_rules, rules_from_config

__all__ = [
    "EventRules",
    "Report",
    "build_event",
    "cluster",
    "event_key",
    "events_of_key",
    "group",
    "load_rules",
    "reports_of",
    "rules_from_config",
]
