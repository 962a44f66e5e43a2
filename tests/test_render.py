"""Readable claim lines (``sahel-claims show``)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.models import ArticleMeta, Claim, ClaimArg, ClaimDate, DocumentResult, Evidence, Quantity
from pipeline.render import claim_line, format_result


def make_claim(**kw) -> Claim:
    base = dict(
        id="c-000000000001",
        subject=ClaimArg(text="the junta", start=0, end=9, id="National_Council_for_the_Safeguard_of_the_Homeland"),
        predicate="close",
        object=ClaimArg(text="airspace", start=20, end=28),
        evidence=Evidence(start=0, end=29),
        rule="svo-active",
    )
    base.update(kw)
    return Claim(**base)


def test_claim_line_shows_ids_with_the_words_used_and_unlinked_text_quoted():
    line = claim_line(make_claim())
    assert line.startswith('[0] National_Council_for_the_Safeguard_of_the_Homeland ("the junta") close "airspace"')
    assert "rule svo-active" in line


def test_claim_line_flags_negation_and_modality_and_details():
    claim = make_claim(
        negated=True,
        modality="planned",
        source=["Al_Jazeera"],
        date=ClaimDate(text="on Sunday", value="2023-08-06"),
        quantity=Quantity(value=1000, unit="troops", approx="over"),
        subject=ClaimArg(text="Niger", start=0, end=5, id="Niger"),
    )
    line = claim_line(claim)
    assert "[0] Niger NOT PLANNED close" in line
    assert 'date 2023-08-06 ("on Sunday")' in line
    assert "quantity over 1000 troops" in line
    assert "according to Al_Jazeera" in line


def test_format_result_heading_and_warnings():
    result = DocumentResult(article=ArticleMeta(id="a1"), claims=[make_claim()], warnings=["no 'published' date"])
    text = format_result(result)
    assert text.splitlines()[0].startswith("== a1 (undated): 1 claim(s)")
    assert "warning: no 'published' date" in text


def test_show_command_reads_jsonl_and_filters_by_article(tmp_path):
    path = tmp_path / "out.jsonl"
    records = [
        DocumentResult(article=ArticleMeta(id=i, published="2023-08-09"), claims=[make_claim()]) for i in ("a", "b")
    ]
    path.write_text("".join(json.dumps(r.model_dump(mode="json")) + "\n" for r in records) + "{bad\n")
    result = CliRunner().invoke(app, ["show", str(path), "--article", "b"])
    assert result.exit_code == 1, result.output  # a line skipped
    assert "== b (2023-08-09)" in result.output and "== a " not in result.output
    assert "skipped:" in result.output
