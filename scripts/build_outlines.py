"""Build configs/outlines.json: the country outlines the claims map draws (no map tiles).

Source: Natural Earth (public domain) as the ``world-atlas`` npm package ships it
(TopoJSON, version pinned below). Countries of Africa, the Mediterranean and the Middle
East at 1:50m, the rest of the world at 1:110m; coordinates rounded to 0.01 degree
(about a kilometre) and repeated points dropped. Each feature carries the country's
ISO 3166-1 numeric code (``id``) and name.

    python scripts/build_outlines.py                     # npm pack world-atlas@2.0.2
    python scripts/build_outlines.py --atlas DIR         # an unpacked world-atlas package

Reproducible: the same package version gives the same file byte for byte.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "configs" / "outlines.json"
PACKAGE = "world-atlas@2.0.2"
# lon/lat box drawn at 1:50m: Africa, the Mediterranean, the Middle East
DETAILED = (-30.0, -40.0, 65.0, 45.0)
DIGITS = 2
STEP = 0.04  # a point closer than this (degrees) to the last one kept is dropped (arc ends kept)


def fetch_atlas(workdir: Path) -> Path:
    """``npm pack`` the pinned world-atlas into ``workdir``; the unpacked package folder."""
    subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=workdir, check=True, capture_output=True)
    tgz = next(workdir.glob("world-atlas-*.tgz"))
    with tarfile.open(tgz) as tar:
        tar.extractall(workdir, filter="data")
    return workdir / "package"


def _thin(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """``points`` without those within STEP of the last kept one; both ends kept, so the
    arcs two countries share stay identical and their borders meet."""
    if len(points) <= 2:
        return points
    kept = [points[0]]
    for x, y in points[1:-1]:
        if abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= STEP:
            kept.append((x, y))
    kept.append(points[-1])
    return kept


def decode(topology: dict) -> list[dict]:
    """The countries of a TopoJSON topology as GeoJSON features (quantised arcs decoded)."""
    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(_thin(points))

    def ring(indices: list[int]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for i in indices:
            points = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(points[1:] if out else points)
        return out

    features = []
    for geom in topology["objects"]["countries"]["geometries"]:
        if geom.get("type") == "Polygon":
            polygons = [[ring(r) for r in geom["arcs"]]]
        elif geom.get("type") == "MultiPolygon":
            polygons = [[ring(r) for r in poly] for poly in geom["arcs"]]
        else:
            continue
        features.append({"id": geom.get("id"), "name": geom["properties"]["name"], "polygons": polygons})
    return features


def _bbox(polygons) -> tuple[float, float, float, float]:
    xs = [x for poly in polygons for r in poly for x, _ in r]
    ys = [y for poly in polygons for r in poly for _, y in r]
    return min(xs), min(ys), max(xs), max(ys)


def _detailed(polygons) -> bool:
    """The centre of the country's largest polygon (by its box) lies in the DETAILED box."""

    def area(poly) -> float:
        x0, y0, x1, y1 = _bbox([poly])
        return (x1 - x0) * (y1 - y0)

    x0, y0, x1, y1 = _bbox([max(polygons, key=area)])
    x, y = (x0 + x1) / 2, (y0 + y1) / 2
    return DETAILED[0] <= x <= DETAILED[2] and DETAILED[1] <= y <= DETAILED[3]


def _round_ring(r) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in r:
        p = [round(x, DIGITS), round(y, DIGITS)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def build(atlas: Path) -> dict:
    fine = {f["id"] or f["name"]: f for f in decode(json.loads((atlas / "countries-50m.json").read_text()))}
    coarse = {f["id"] or f["name"]: f for f in decode(json.loads((atlas / "countries-110m.json").read_text()))}
    features = []
    for key in sorted(set(fine) | set(coarse), key=str):
        f = fine.get(key)
        if f is None or not _detailed(f["polygons"]):
            f = coarse.get(key, f)
        polygons = [[_round_ring(r) for r in poly] for poly in f["polygons"]]
        polygons = [[r for r in poly if len(r) >= 4] for poly in polygons]
        polygons = [poly for poly in polygons if poly]
        if not polygons:
            continue
        features.append(
            {
                "type": "Feature",
                "id": f["id"],
                "properties": {"name": f["name"]},
                "geometry": {"type": "MultiPolygon", "coordinates": polygons},
            }
        )
    return {
        "type": "FeatureCollection",
        "source": f"Natural Earth (public domain), via the {PACKAGE} npm package; built by scripts/build_outlines.py",
        "features": features,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--atlas", type=Path, help="an unpacked world-atlas package (default: npm pack it)")
    parser.add_argument("--output", type=Path, default=OUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        atlas = args.atlas or fetch_atlas(Path(tmp))
        data = build(atlas)
    args.output.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{args.output}: {len(data['features'])} countries, {args.output.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
