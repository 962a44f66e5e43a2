"""Places of reports (a claim's ``location``, SPEC section 4 revision 2) and when two are
compatible: either is missing, they are the same place (same id, or same name), or one is
inside the other as the gazetteer's fields tell (a country holds its places; an admin1
region holds the places with that admin1). Two places known to lie in different
countries, or in different admin1 regions of one country, are incompatible. Places
whose geography is unknown (no ``country``) and whose names differ cannot be told apart:
they are taken as compatible (no split, no conflict), since no field says they differ.
"""

from __future__ import annotations

from ..models import EventPlace
from ..scoring.score import fold


def name(place: EventPlace) -> str:
    """The place's identity for comparison: its folded id, else its folded text."""
    return fold(place.id or place.text)


def compatible(a: EventPlace | None, b: EventPlace | None) -> bool:
    if a is None or b is None or name(a) == name(b):
        return True
    if a.country is None or b.country is None:
        return True
    if fold(a.country) != fold(b.country):
        return False
    if a.admin1 is None or b.admin1 is None:
        return True
    return fold(a.admin1) == fold(b.admin1)


def level(place: EventPlace | None) -> int:
    """How precise a place is: 0 none, 1 unknown geography, 2 a country, 3 an admin1
    region, 4 a place within one (a city, a village)."""
    if place is None:
        return 0
    if place.country is None:
        return 1
    if place.admin1 is None:
        return 2
    return 3 if name(place) == fold(place.admin1) else 4
