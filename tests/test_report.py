"""The score table and the HTML report."""

from __future__ import annotations

import re

from pipeline.models import DocumentResult, GoldDocument, GoldFile, ScoreReport
from pipeline.scoring.report import format_report, render_html, score_rows
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


def test_report_html_is_self_contained_with_both_sides():
    doc = GoldDocument(path="a.yaml", gold=GOLD, body=BODY)
    page = render_html(report(), {"a": doc}, {"a": PRED})
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page and "<link" not in page
    assert "GPE Niger" in page and "LOC" in page and "DATE 2023-08-06" in page
    assert page.count('class="side"') == 1


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
