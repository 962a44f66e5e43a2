"""The place table (configs/places.json) and how a name resolves to one of its records.

A name can denote several records: "Tillabéri" is a town and a region, "Kidal" a town
and a region, "Mali" a country (and a town of Guinea). :meth:`PlaceTable.resolve` picks,
in order: the record whose ``id`` is the entity's gazetteer id; records of the kind the
text asks for ("the Tillaberi region": an admin1), else a country of that name; records in a country the sentence
names ("Kokorou, Niger"); records in the countries the article is about; countries
before towns before regions; the most populous.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping

from ..models import PlaceRecord, PlacesConfig

KIND_ORDER = {"country": 0, "city": 1, "admin1": 2}


def fold(text: str) -> str:
    """Case-, accent-, underscore-, hyphen- and apostrophe-insensitive form of a name."""
    decomposed = unicodedata.normalize("NFKD", text.replace("_", " ").replace("-", " ").replace("’", "'"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split())


class PlaceTable:
    """Records by folded name and by folded id."""

    def __init__(self, config: PlacesConfig) -> None:
        self.config = config
        self.by_name: dict[str, list[PlaceRecord]] = defaultdict(list)
        self.by_id: dict[str, PlaceRecord] = {}
        for record in config.places:
            for name in dict.fromkeys(fold(n) for n in [record.name, *record.names]):
                self.by_name[name].append(record)
            if record.id:
                self.by_id.setdefault(fold(record.id), record)
        # a country's records: its own id and names -> alpha-3 code; alpha-3 code -> record
        self.countries: dict[str, PlaceRecord] = {
            r.country: r for r in config.places if r.kind == "country" and r.country
        }
        self.country_codes: dict[str, str] = {}
        for record in config.places:
            if record.kind == "country" and record.country:
                for key in (record.id, record.name, *record.names):
                    if key:
                        self.country_codes.setdefault(fold(key), record.country)

    def __len__(self) -> int:
        return len(self.config.places)

    def country_of(self, name_or_id: str | None) -> str | None:
        """The alpha-3 code of the country ``name_or_id`` names, else None."""
        return self.country_codes.get(fold(name_or_id)) if name_or_id else None

    def code_of_id(self, kb_id: str | None) -> str | None:
        """The country a record of id ``kb_id`` lies in (a town's, a region's, a country's)."""
        record = self.by_id.get(fold(kb_id)) if kb_id else None
        return record.country if record is not None else None

    def resolve(
        self,
        names: Iterable[str],
        *,
        kb_id: str | None = None,
        kind: str | None = None,
        countries: Iterable[str] = (),
        focus: Mapping[str, float] | None = None,
    ) -> PlaceRecord | None:
        """The record ``names`` denote (see the module docstring); ``kb_id``: the entity's
        gazetteer id; ``kind``: what the text says it is; ``countries``: alpha-3 codes the
        sentence attaches to the place; ``focus``: alpha-3 code -> how much the article is
        about it."""
        if kb_id:
            record = self.by_id.get(fold(kb_id))
            if record is not None and (kind is None or record.kind == kind):
                return record
        candidates: dict[int, PlaceRecord] = {}
        for name in names:
            for record in self.by_name.get(fold(name), ()):
                candidates[id(record)] = record
        if not candidates:
            return None
        pool = list(candidates.values())
        if kind is not None and any(r.kind == kind for r in pool):
            pool = [r for r in pool if r.kind == kind]
        elif kind is None and any(r.kind == "country" for r in pool):
            pool = [r for r in pool if r.kind == "country"]  # "Niger" is the country, not Nigeria's Niger State
        hinted = set(countries)
        focus = focus or {}
        return min(
            pool,
            key=lambda r: (
                r.country not in hinted,
                -focus.get(r.country or "", 0.0),
                KIND_ORDER[r.kind],
                -r.population,
                r.geonames or 0,
            ),
        )
