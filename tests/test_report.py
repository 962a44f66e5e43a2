"""The score table and the HTML report."""

from __future__ import annotations

import html
import re

import pytest

from pipeline.models import DocumentResult, GoldDocument, GoldFile, ScoreReport
from pipeline.scoring.html import render_html
from pipeline.scoring.report import format_report, score_rows
from pipeline.scoring.score import micro_total, score_article

BODY = "Niger closed its airspace on Sunday.\nFrance objected."
GOLD = GoldFile.model_validate(
    {
        "article": "a",
        "entities": [{"text": "Niger", "start": 0, "end": 5, "label": "GPE", "id": "Niger"},
                     {"text": "France", "start": 37, "end": 43, "label": "GPE", "id": "France"}],
        "dates": [{"text": "Sunday", "start": 29, "end": 35, "type": "DATE", "value": "2023-08-06"}],
    }
)  # fmt: skip
PRED = DocumentResult.model_validate(
    {
        "article": {"id": "a"},
        "entities": [{"text": "Niger", "start": 0, "end": 5, "label": "GPE", "id": "Niger"},
                     {"text": "airspace", "start": 17, "end": 25, "label": "LOC", "id": None}],
    }
)  # fmt: skip


def report() -> ScoreReport:
    scores = score_article(GOLD, PRED, body=BODY)
    return ScoreReport(articles=[scores], total=micro_total([scores]), warnings=["a warning"])


def test_report_rows_only_for_scored_layers():
    rows = score_rows(report().total)
    assert [r[:2] for r in rows][:3] == [["entities", "strict"], ["entities", "overlap"], ["entities", "linking acc"]]
    assert not any(r[0] in ("claims", "sentences") for r in rows)
    assert rows[0][2:] == ["0.500", "0.500", "0.500", "1", "1", "1"]


def test_report_table_lists_errors_with_sentences():
    text = format_report(report(), max_errors=2)
    assert "== a" in text and "== TOTAL" in text and "warning: a warning" in text
    assert "errors (3, first 2; all in --json/--html):" in text
    assert "FN entities  [37:43]" in text and "in: France objected." in text


def visible(fragment: str) -> str:
    """The text a reader sees in an HTML fragment, mark labels left out."""
    fragment = re.sub(r'<span class="tag">.*?</span>', "", fragment)
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def test_report_html_is_self_contained_with_the_text_as_written_and_differences_marked():
    doc = GoldDocument(path="a.yaml", gold=GOLD, body=BODY)
    page = render_html(report(), {"a": doc}, {"a": PRED})
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page and "<link" not in page
    gold_side, pred_side = re.findall(r'<div class="side"><h4>(?:gold|predicted)</h4>(.*?)</div>', page)
    # the article as written, paragraph by paragraph (not tokens)
    assert [visible(p) for p in re.findall(r"<p>(.*?)</p>", gold_side)] == BODY.split("\n")
    assert [visible(p) for p in re.findall(r"<p>(.*?)</p>", pred_side)] == BODY.split("\n")
    marks = {side: dict(re.findall(r'<mark class="(\w+)"[^>]*>([^<]+)<', text))
             for side, text in (("gold", gold_side), ("pred", pred_side))}  # fmt: skip
    assert marks["gold"]["ok"] == "Niger" and marks["pred"]["extra"] == "airspace"
    assert re.search(r'<mark class="missed"[^>]*>France<span class="tag">GPE</span>', gold_side)
    assert re.search(r'<mark class="missed"[^>]*>Sunday<span class="tag">DATE 2023-08-06</span>', gold_side)
    assert re.search(r'<mark class="ok"[^>]*>Niger<span class="tag">GPE</span>', pred_side)
    assert re.search(r'<mark class="extra"[^>]*>airspace<span class="tag">LOC</span>', pred_side)


def test_report_html_summary_has_cards_and_where_the_errors_fall():
    doc = GoldDocument(path="a.yaml", gold=GOLD, body=BODY)
    page = render_html(report(), {"a": doc}, {"a": PRED})
    summary = page.split("<section>")[0]
    assert "entities F1 (strict)" in summary and '<span class="big">0.500</span>' in summary
    bars = dict(re.findall(r'<span class="name" title="([^"]+)">.*?<span class="n">(\d+)</span>', summary))
    assert bars["entities"] == "2" and bars["dates"] == "1"
    assert bars["entities: missed"] == "1" and bars["entities: extra"] == "1" and bars["dates: missed"] == "1"
    assert 'href="#a-a"' in summary and 'id="a-a"' in page


CLAIM_GOLD = GoldFile.model_validate(
    {"article": "a", "claims": [{"evidence": "Niger closed its airspace", "subject": "Niger", "predicate": "close",
                                 "object": "airspace", "date": "2023-08-06", "location": "Niger"}]}
)  # fmt: skip
CLAIM_PRED = DocumentResult.model_validate(
    {"article": {"id": "a"}, "claims": [{"id": "c", "subject": {"text": "Niger", "start": 0, "end": 5, "id": "Niger"},
     "predicate": "close", "object": {"text": "airspace", "start": 17, "end": 25}, "evidence": {"start": 0, "end": 36},
     "rule": "test"}]}
)  # fmt: skip


def test_report_claim_rows_include_facts_and_location():
    scores = score_article(CLAIM_GOLD, CLAIM_PRED, body=BODY)
    rows = score_rows(scores)
    measures = [r[1] for r in rows if r[0] == "claims"]
    assert measures[:3] == ["core", "strict", "facts"]
    # location accuracy only where gold annotates locations, actor codes likewise (none here)
    assert measures[-1] == "location acc" and "country acc" not in measures
    assert next(r for r in rows if r[1] == "location acc")[4:] == ["0.000", "0", "", "1"]
    facts = next(r for r in rows if r[1] == "facts")
    assert facts[2:] == ["1.000", "1.000", "1.000", "1", "0", "0"]
    report = ScoreReport(articles=[scores], total=micro_total([scores]))
    assert re.search(r"^claims +facts +1.000", format_report(report), re.M)
    assert report.model_dump(mode="json")["total"]["claims"]["facts"]["f1"] == 1.0
    page = render_html(report, {"a": GoldDocument(path="a.yaml", gold=CLAIM_GOLD, body=BODY)}, {"a": CLAIM_PRED})
    assert '<td class="">facts</td>' in page


def _claim(predicate, subject, obj, start, end, **kw):
    return {"id": f"c-{predicate}-{start}", "subject": subject, "predicate": predicate, "object": obj,
            "evidence": {"start": start, "end": end}, "rule": "test", **kw}  # fmt: skip


NIGER = {"text": "Niger", "start": 0, "end": 5, "id": "Niger"}
AIRSPACE = {"text": "airspace", "start": 17, "end": 25, "id": None}
ALIGN_GOLD = GoldFile.model_validate(
    {"article": "a", "claims": [
        {"evidence": "Niger closed its airspace", "subject": "Niger", "predicate": "close", "object": "airspace",
         "date": "2023-08-06"},
        {"evidence": "France objected", "subject": "France", "predicate": "oppose"}]}
)  # fmt: skip
ALIGN_PRED = DocumentResult.model_validate(
    {"article": {"id": "a"}, "claims": [
        _claim("close", NIGER, AIRSPACE, 0, 36),  # no date: the pair differs in one attribute
        _claim("oppose", {"text": "France", "start": 37, "end": 43, "id": "Mali"}, None, 37, 53),  # wrong subject
        _claim("close", {"text": "France", "start": 37, "end": 43, "id": "France"}, None, 37, 53)]}  # not in gold
)  # fmt: skip


def test_report_html_aligns_claims_and_draws_each_on_its_sentence():
    scores = score_article(ALIGN_GOLD, ALIGN_PRED, body=BODY)
    page = render_html(
        ScoreReport(articles=[scores], total=micro_total([scores])),
        {"a": GoldDocument(path="a.yaml", gold=ALIGN_GOLD, body=BODY)},
        {"a": ALIGN_PRED},
    )
    rows = re.findall(
        r'<tr class="(\w+)"><td class="status">(.*?)</td><td[^>]*>(.*?)</td><td[^>]*>(.*?)</td></tr>', page
    )
    assert [(cls, visible(status)) for cls, status, _, _ in rows] == [
        ("differs", "attributes differ"),
        ("missed", "wrong subjecta miss and an extra"),
        ("extra", "extra"),
    ]
    gold_cell, pred_cell = rows[0][2], rows[0][3]
    # the pair on one row, the differing attribute in red on both sides
    assert '<span class="bad">date 2023-08-06</span>' in gold_cell and '<span class="bad">date None</span>' in pred_cell
    # drawn on the sentence: subject, trigger ("closed" for close), object, the gold evidence
    for cell in (gold_cell, pred_cell):
        assert re.search(r'<span class="subj" title="subject">Niger<span class="tag">S</span></span>', cell)
        assert re.search(r'<span class="trig" title="trigger">closed<span class="tag">T</span></span>', cell)
        assert re.search(r'<span class="obj" title="object">airspace<span class="tag">O</span></span>', cell)
        assert visible(cell.split('<div class="sent">')[1]).startswith("Niger closed its airspace on Sunday.")
    assert '<span class="ev">' in gold_cell
    # the wrong argument red on the row of a miss and the extra prediction beside it
    assert '<span class="s bad">France</span>' in rows[1][2] and '<span class="s bad">Mali</span>' in rows[1][3]
    assert "not in gold" in rows[2][2] and '<span class="s">France</span>' in rows[2][3]
    # the charts count claims by predicate: close has an extra and a differing pair, oppose a miss and an extra
    bars = dict(re.findall(r'<span class="name" title="([^"]+)">.*?<span class="n">(\d+)</span>', page))
    assert bars["close"] == "2" and bars["oppose"] == "2" and bars["claims: date"] == "1"


# --------------------------------------------------------------------------- in Chromium


def _screenshots_script():
    import importlib.util

    from conftest import ROOT

    spec = importlib.util.spec_from_file_location("report_screenshots", ROOT / "scripts" / "report_screenshots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def chromium_script():
    """scripts/report_screenshots.py, when Chromium is there: skipped without it, except in CI
    (.ci/run installs Debian's chromium), where its absence fails."""
    import os

    module = _screenshots_script()
    if module.chromium() is None:
        if os.environ.get("CI", "").lower() in ("true", "1"):
            pytest.fail("CI is set but chromium is not installed (.ci/run installs it)")
        pytest.skip("headless Chromium not installed (apt-get install chromium)")
    return module


@pytest.mark.slow
def test_report_renders_in_chromium_with_no_mark_over_another(chromium_script, tmp_path):
    scores = score_article(ALIGN_GOLD.model_copy(update={"entities": GOLD.entities, "dates": GOLD.dates}),
                           ALIGN_PRED.model_copy(update={"entities": PRED.entities}), body=BODY)  # fmt: skip
    doc = GoldDocument(path="a.yaml", gold=ALIGN_GOLD.model_copy(update={"entities": GOLD.entities}), body=BODY)
    long_id = "A_" + "very_long_identifier_" * 6  # a label longer than its line: wraps, covers nothing
    pred = ALIGN_PRED.model_copy(update={"entities": [*PRED.entities[:1],
        PRED.entities[1].model_copy(update={"id": long_id})]})  # fmt: skip
    page = tmp_path / "report.html"
    page.write_text(render_html(ScoreReport(articles=[scores], total=micro_total([scores])), {"a": doc}, {"a": pred}))
    marks, problems = chromium_script.layout_problems(page, width=900)
    assert marks >= 10 and problems == []
    shot = chromium_script.screenshot(page, tmp_path / "shot.png", anchor="a-a-claims", width=900, height=700)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(data[16:20], "big") == 900 and len(data) > 10_000


@pytest.mark.slow
def test_chromium_layout_check_finds_marks_over_each_other(chromium_script, tmp_path):
    page = tmp_path / "bad.html"
    page.write_text(
        '<!DOCTYPE html><div class="side" style="width:300px"><p>'
        '<mark>Niger</mark> <mark style="position:relative;left:-30px">closed</mark> '
        '<mark style="display:inline-block;width:600px">wide</mark></p></div>'
    )
    _, problems = chromium_script.layout_problems(page, width=900)
    assert any(p.startswith("overlap: Niger / closed") for p in problems)
    assert any(p.startswith("wider than its column: wide") for p in problems)


def test_report_html_counts_actor_code_errors_by_code():
    from pipeline.models import ScoreItem
    from pipeline.scoring.html import error_kind

    detail = "subject country: gold NER, predicted None; object sector: gold MIL, predicted GOV | a -b-> c"
    item = ScoreItem(kind="mismatch", layer="claims", text="x", detail=detail)
    assert error_kind(item) == "claims: country, sector"
