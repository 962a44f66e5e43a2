"""The located claims of a run on a map a person opens offline: ``sahel-claims show --map``.

One self-contained HTML file: Leaflet 1.9.4 (assets/, BSD-2-Clause) and the country
outlines of configs/outlines.json (Natural Earth, public domain; scripts/build_outlines.py)
are inlined, and no map tiles are fetched, so the file opens with no network. Each claim
whose ``location`` has coordinates is a point coloured by its predicate (legend in the
corner); claims of one predicate at one place share a point, sized by their number, and
the predicates of one place sit on a small ring around it so none hides another. A
point's title and popup show its claims ("subject predicate object", date, article).
A table under the map lists the same claims for reading and searching.
"""

from __future__ import annotations

import html
import json
import math
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from ..config import CONFIG_DIR
from ..models import Claim, DocumentResult

ASSETS = Path(__file__).resolve().parent / "assets"
OUTLINES = CONFIG_DIR / "outlines.json"
SAHEL_BOUNDS = ((5.0, -18.0), (25.0, 25.0))  # the view with no located claim
RING_DEGREES = 0.18  # how far the predicates of one place sit from it


def _arg(arg) -> str:
    return "-" if arg is None else (arg.id or arg.text).replace("_", " ")


def claim_text(claim: Claim) -> str:
    """``subject predicate object`` with NOT and the modality when not asserted."""
    flags = (["NOT"] if claim.negated else []) + ([claim.modality] if claim.modality != "asserted" else [])
    return " ".join([_arg(claim.subject), *flags, claim.predicate, _arg(claim.object)])


def located(results: Iterable[DocumentResult]) -> list[tuple[DocumentResult, Claim]]:
    """The claims of ``results`` whose location has coordinates, in file and text order."""
    return [
        (r, c)
        for r in results
        for c in sorted(r.claims, key=lambda c: c.evidence.start)
        if c.location is not None and c.location.lat is not None and c.location.lon is not None
    ]


def colours(predicates: Iterable[str]) -> dict[str, str]:
    """A colour per predicate, in name order (the same predicate set, the same colours):
    hues spread evenly round the wheel, neighbours in the legend alternately dark and light."""
    names = sorted(set(predicates))
    return {p: f"hsl({round(360 * i / len(names))}, 75%, {38 if i % 2 else 58}%)" for i, p in enumerate(names)}


def points(pairs: list[tuple[DocumentResult, Claim]]) -> list[dict]:
    """One point per (place, predicate): position (spread on a ring when a place has
    several predicates), colour key, and its claims."""
    groups: dict[tuple[float, float], dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for result, claim in pairs:
        loc = claim.location
        groups[(loc.lat, loc.lon)][claim.predicate].append((result, claim))
    out = []
    for (lat, lon), by_predicate in sorted(groups.items()):
        names = sorted(by_predicate)
        for k, predicate in enumerate(names):
            lat_k, lon_k = lat, lon
            if len(names) > 1:
                angle = 2 * math.pi * k / len(names)
                lat_k = lat + RING_DEGREES * math.sin(angle)
                lon_k = lon + RING_DEGREES * math.cos(angle) / max(math.cos(math.radians(lat)), 0.2)
            claims = by_predicate[predicate]
            loc = claims[0][1].location
            place = loc.id.replace("_", " ") if loc.id else loc.text
            out.append({
                "lat": round(lat_k, 5), "lon": round(lon_k, 5), "predicate": predicate, "place": place,
                "country": loc.country, "admin1": loc.admin1,
                "claims": [{"text": claim_text(c), "date": c.date.value if c.date and c.date.value else None,
                            "article": r.article.id, "where": c.location.text} for r, c in claims],
            })  # fmt: skip
    return out


def _bounds(pts: list[dict]) -> tuple[tuple[float, float], tuple[float, float]]:
    """The view: round the points, leaving out the farthest twentieth on each side when
    there are many (a claim in Washington does not zoom a map of the Sahel out to the world;
    it is still drawn)."""
    if not pts:
        return SAHEL_BOUNDS
    lats, lons = sorted(p["lat"] for p in pts), sorted(p["lon"] for p in pts)
    cut = len(pts) // 20 if len(pts) >= 20 else 0
    lats, lons = lats[cut : len(lats) - cut], lons[cut : len(lons) - cut]
    pad = 1.5
    return (lats[0] - pad, lons[0] - pad), (lats[-1] + pad, lons[-1] + pad)


def _json(data) -> str:
    """JSON safe inside a <script> element."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


_SCRIPT = """
const DATA = __DATA__;
const map = L.map("map", {zoomSnap: 0.25, worldCopyJump: false, attributionControl: true});
map.attributionControl.setPrefix("Leaflet");
map.attributionControl.addAttribution("Outlines: Natural Earth; places: GeoNames (CC BY 4.0)");
map.fitBounds(DATA.bounds);  // a view first: layers are drawn against it
L.geoJSON(DATA.outlines, {style: {color: "#8a8a8a", weight: 0.8, fillColor: "#f3efe6", fillOpacity: 1},
  interactive: false}).addTo(map);
const esc = s => String(s).replace(/[&<>"]/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]));
let drawn = 0;
for (const p of DATA.points) {
  const n = p.claims.length;
  const marker = L.circleMarker([p.lat, p.lon], {radius: 6 + 3 * Math.sqrt(n - 1), color: "#222", weight: 1,
    fillColor: DATA.colours[p.predicate], fillOpacity: 0.9, className: "claim-point"});
  const where = [p.place, p.admin1 && p.admin1 !== p.place ? p.admin1 : null, p.country].filter(Boolean).join(", ");
  const lines = p.claims.map(c => esc(c.text) + (c.date ? " (" + esc(c.date) + ")" : "") +
    '<br><span class="art">' + esc(c.article) + "</span>");
  marker.bindPopup("<b>" + esc(where) + "</b> &middot; " + esc(p.predicate) + "<ul><li>" + lines.join("</li><li>") +
    "</li></ul>");
  marker.bindTooltip(esc(p.place) + ": " + n + " " + esc(p.predicate));
  marker.addTo(map);
  drawn++;
}
const status = document.getElementById("map-status");
status.dataset.points = drawn;
status.dataset.countries = DATA.outlines.features.length;
status.dataset.ready = "yes";
"""

_STYLE = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #222; }
header { padding: 8px 14px; }
h1 { font-size: 18px; margin: 0 0 2px 0; }
#map { height: 78vh; background: #cfe3ef; }
.legend { background: #fff; padding: 6px 10px; border-radius: 4px; box-shadow: 0 1px 4px rgba(0,0,0,.3); }
.legend div { white-space: nowrap; }
.legend i { display: inline-block; width: 11px; height: 11px; border-radius: 50%; margin-right: 6px;
  border: 1px solid #222; vertical-align: -1px; }
.art { color: #666; font-size: 12px; }
.leaflet-popup-content ul { padding-left: 18px; margin: 4px 0; }
table { border-collapse: collapse; margin: 10px 14px 24px; }
td, th { border-bottom: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
"""


def render_map(results: Iterable[DocumentResult], *, title: str = "Located claims") -> str:
    """The map page of ``results`` (see the module docstring)."""
    results = list(results)
    pairs = located(results)
    pts = points(pairs)
    colour = colours(p["predicate"] for p in pts)
    outlines = json.loads(OUTLINES.read_text(encoding="utf-8"))
    counts: dict[str, int] = defaultdict(int)
    for _, c in pairs:
        counts[c.predicate] += 1
    data = {"points": pts, "colours": colour, "bounds": _bounds(pts), "outlines": outlines}
    legend = "".join(
        f'<div><i style="background:{colour[p]}"></i>{html.escape(p)} ({counts[p]})</div>' for p in sorted(colour)
    )
    total = sum(len(r.claims) for r in results)
    rows = "".join(
        f"<tr><td>{html.escape(c.location.id or c.location.text)}</td><td>{html.escape(c.location.country or '')}</td>"
        f'<td><i style="color:{colour[c.predicate]}">&#9679;</i> {html.escape(claim_text(c))}</td>'
        f"<td>{html.escape(c.date.value if c.date and c.date.value else '')}</td>"
        f"<td>{html.escape(r.article.id)}</td></tr>"
        for r, c in pairs
    )
    leaflet_js = (ASSETS / "leaflet.js").read_text(encoding="utf-8")
    leaflet_css = (ASSETS / "leaflet.css").read_text(encoding="utf-8")
    legend_js = (
        'const legend = L.control({position: "topright"});'
        'legend.onAdd = () => { const d = L.DomUtil.create("div", "legend");'
        f"d.innerHTML = {_json(legend or '<div>no located claim</div>')}; return d; }};"
        "legend.addTo(map);"
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{leaflet_css}</style><style>{_STYLE}</style></head><body>"
        f"<header><h1>{html.escape(title)}</h1>{len(pairs)} of {total} claims located, in {len(results)} "
        f"article(s); colour: predicate. Click a point for its claims.</header>"
        '<div id="map"></div><div id="map-status" hidden></div>'
        f"<table><tr><th>place</th><th>country</th><th>claim</th><th>date</th><th>article</th></tr>{rows}</table>"
        f"<script>{leaflet_js}</script>"
        f"<script>{_SCRIPT.replace('__DATA__', _json(data))}{legend_js}</script>"
        "</body></html>"
    )


def write_map(results: Iterable[DocumentResult], path: Path | str, *, title: str = "Located claims") -> int:
    """Write the map page of ``results`` to ``path``; the number of located claims drawn."""
    results = list(results)
    Path(path).write_text(render_map(results, title=title), encoding="utf-8")
    return len(located(results))
