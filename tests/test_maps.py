"""The claims map (``sahel-claims show --map``): contents, offline, and drawn by Chromium."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.maps import colours, located, points, render_map
from pipeline.models import ArticleMeta, Claim, ClaimArg, DocumentResult, Evidence, Location

ROOT = Path(__file__).resolve().parent.parent


def _claim(i: int, predicate: str, place: Location | None) -> Claim:
    return Claim(
        id=f"c-{i:012d}",
        subject=ClaimArg(text="jihadists", start=0, end=9),
        predicate=predicate,
        object=ClaimArg(text="civilians", start=17, end=26),
        evidence=Evidence(start=0, end=40),
        rule="svo-active",
        location=place,
    )


DJIBO = Location(text="Djibo", start=30, end=35, id="Djibo", geonames=2361177, country="BFA", admin1="Sahel",
                 lat=14.0986, lon=-1.6266)  # fmt: skip
NIAMEY = Location(text="Niamey", start=30, end=36, id="Niamey", geonames=2440485, country="NER", admin1="Niamey",
                  lat=13.5137, lon=2.1098)  # fmt: skip
MOURA = Location(text="Moura", start=30, end=35, id="Moura,_Mali")  # no coordinates: not drawn
RESULTS = [
    DocumentResult(
        article=ArticleMeta(id="a1"),
        claims=[_claim(1, "kill", DJIBO), _claim(2, "attack", DJIBO), _claim(3, "kill", DJIBO),
                _claim(4, "detain", NIAMEY), _claim(5, "kill", MOURA), _claim(6, "support", None)],
    ),
    DocumentResult(article=ArticleMeta(id="a2<script>"), claims=[_claim(7, "kill", NIAMEY)]),
]  # fmt: skip


def test_points_group_a_predicate_at_a_place_and_spread_predicates_around_it():
    pairs = located(RESULTS)
    assert len(pairs) == 5  # Moura has no coordinates, the support claim no location
    pts = points(pairs)
    by = {(p["place"], p["predicate"]): p for p in pts}
    assert len(by[("Djibo", "kill")]["claims"]) == 2 and len(by[("Djibo", "attack")]["claims"]) == 1
    assert (by[("Djibo", "kill")]["lat"], by[("Djibo", "kill")]["lon"]) != (DJIBO.lat, DJIBO.lon)  # spread
    assert (by[("Niamey", "detain")]["lat"], by[("Niamey", "detain")]["lon"]) != (NIAMEY.lat, NIAMEY.lon)
    assert colours(["kill", "attack", "kill"]) == colours(["attack", "kill"])  # by name, stable


def test_page_is_self_contained_and_escaped():
    page = render_map(RESULTS, title="Claims <of> a run")
    assert "<title>Claims &lt;of&gt; a run</title>" in page
    assert "<script src" not in page and "<link" not in page and "url(http" not in page  # nothing fetched
    assert "tileLayer" not in page.split("<script>")[-1]  # our script draws no tile layer
    assert "a2&lt;script&gt;" in page and "a2<script>" not in page  # text in the table, \u003c in the data
    assert "5 of 7 claims located" in page
    assert "Natural Earth" in page and "GeoNames (CC BY 4.0)" in page


def test_show_map_cli(tmp_path):
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(r.model_dump(mode="json")) + "\n" for r in RESULTS), encoding="utf-8")
    out = tmp_path / "map.html"
    result = CliRunner().invoke(app, ["show", str(pred), "--map", str(out)])
    assert result.exit_code == 0, result.output
    assert "map: 5 of 7 claims located" in result.output and out.read_text(encoding="utf-8").startswith("<!DOCTYPE")


def _chromium_script():
    spec = importlib.util.spec_from_file_location("report_screenshots", ROOT / "scripts" / "report_screenshots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if module.chromium() is None:
        if os.environ.get("CI", "").lower() in ("true", "1"):
            pytest.fail("CI is set but chromium is not installed (.ci/run installs it)")
        pytest.skip("headless Chromium not installed (apt-get install chromium)")
    return module


@pytest.mark.slow
def test_map_renders_in_headless_chromium_offline(tmp_path):
    """Chromium draws every point and every country outline, with the network off."""
    script = _chromium_script()
    page = tmp_path / "map.html"
    page.write_text(render_map(RESULTS), encoding="utf-8")
    dom = subprocess.run(
        [script.chromium(), *script.FLAGS, "--virtual-time-budget=10000", "--proxy-server=127.0.0.1:9",
         "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=180, check=True,
    ).stdout  # fmt: skip
    status = re.search(r'<div id="map-status"[^>]*>', dom).group(0)
    assert 'data-ready="yes"' in status and 'data-points="4"' in status
    assert int(re.search(r'data-countries="(\d+)"', status).group(1)) > 200
    assert len(re.findall(r'class="claim-point', dom)) == 4
    assert dom.count("leaflet-interactive") >= 4
    shot = script.screenshot(page, tmp_path / "map.png", width=900, height=700)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
