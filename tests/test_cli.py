"""The command line (typer.testing.CliRunner): score, validate-gold, agreement."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app

runner = CliRunner()

BODY = "Niger's junta closed the airspace on Sunday. France has not recognized the junta.\n"
ARTICLE = f"---\nid: art-1\npublished: 2023-08-09\n---\n{BODY}"
JUNTA = "National_Council_for_the_Safeguard_of_the_Homeland"
GOLD = f"""article: art-1
published: "2023-08-09"
sentences: [44, 82]
entities:
  - {{text: Niger, start: 0, end: 5, label: GPE, id: Niger}}
  - {{text: France, start: 45, end: 51, label: GPE, id: France}}
dates:
  - {{text: Sunday, start: 37, end: 43, type: DATE, value: "2023-08-06"}}
claims:
  - {{evidence: closed the airspace, subject: {JUNTA}, predicate: close, object: airspace}}
  - {{evidence: has not recognized the junta, subject: France, predicate: recognize, object: {JUNTA}, negated: true}}
"""


def prediction(negated: bool = True) -> dict:
    def claim(predicate, subject, obj, start, end, **kw):
        return {"id": f"c-{predicate}", "subject": subject, "predicate": predicate, "object": obj,
                "evidence": {"start": start, "end": end}, "rule": "test", **kw}  # fmt: skip

    return {
        "article": {"id": "art-1", "published": "2023-08-09"},
        "sentences": [[0, 44], [45, 82]],
        "entities": [{"text": "Niger's", "start": 0, "end": 7, "label": "GPE", "id": "Niger"}],
        "dates": [{"text": "Sunday", "start": 37, "end": 43, "type": "DATE", "value": "2023-08-06"}],
        "claims": [
            claim("close", {"text": "junta", "start": 8, "end": 13, "id": JUNTA},
                  {"text": "the airspace", "start": 21, "end": 33, "id": None}, 0, 44),
            claim("recognize", {"text": "France", "start": 45, "end": 51, "id": "France"},
                  {"text": "the junta", "start": 72, "end": 81, "id": JUNTA}, 45, 82, negated=negated),
        ],
    }  # fmt: skip


def make_set(root: Path, *, gold: str = GOLD, records: list[dict] | None = None) -> tuple[Path, Path]:
    (root / "corpora").mkdir()
    (root / "corpora" / "art-1.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "gold").mkdir()
    (root / "gold" / "art-1.yaml").write_text(gold, encoding="utf-8")
    preds = root / "pred.jsonl"
    records = [prediction()] if records is None else records
    preds.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return preds, root / "gold"


def test_cli_score_prints_table_and_writes_json_and_html(tmp_path):
    preds, gold = make_set(tmp_path)
    out_json, out_html = tmp_path / "s.json", tmp_path / "s.html"
    result = runner.invoke(app, ["score", str(preds), "--gold", str(gold), "--json", str(out_json),
                                 "--html", str(out_html)])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "== art-1" in result.output and "== TOTAL" in result.output
    assert "entities   overlap" in result.output and "FN entities" in result.output
    data = json.loads(out_json.read_text())
    assert data["total"]["claims"]["core"]["f1"] == 1.0
    assert data["total"]["entities"]["strict"]["tp"] == 0 and data["total"]["entities"]["overlap"]["tp"] == 1
    assert {e["kind"] for e in data["articles"][0]["errors"]} == {"fn", "mismatch"}
    page = out_html.read_text()
    assert page.startswith("<!DOCTYPE html>") and "art-1" in page and "http" not in page


def test_cli_score_lists_contradictions(tmp_path):
    preds, gold = make_set(tmp_path, records=[prediction(negated=False)])
    result = runner.invoke(app, ["score", str(preds), "--gold", str(gold)])
    assert result.exit_code == 0
    assert "contradictions (1)" in result.output and "negated: gold True, predicted False" in result.output


def test_cli_score_warns_about_missing_and_unknown_articles(tmp_path):
    other = {**prediction(), "article": {"id": "other"}}
    preds, gold = make_set(tmp_path, records=[other])
    result = runner.invoke(app, ["score", str(preds), "--gold", str(gold), "--corpus", str(tmp_path / "corpora")])
    assert result.exit_code == 0
    assert "no predictions for article 'art-1'" in result.output
    assert "predictions for article 'other' have no gold file" in result.output
    assert "claims     core            0.000  0.000   0.000      0   0     2" in result.output


def test_cli_score_invalid_gold_exits_1_naming_file_and_entry(tmp_path):
    preds, gold = make_set(tmp_path, gold=GOLD.replace("predicate: close", "predicate: shut"))
    result = runner.invoke(app, ["score", str(preds), "--gold", str(gold)])
    assert result.exit_code == 1
    assert "art-1.yaml:10: gold entry claims[0] ('closed the airspace')" in result.output


def test_cli_validate_gold(tmp_path):
    _, gold = make_set(tmp_path)
    result = runner.invoke(app, ["validate-gold", str(gold)])
    assert result.exit_code == 0 and "gold valid" in result.output
    (gold / "art-1.yaml").write_text(GOLD.replace("start: 45, end: 51", "start: 45, end: 52").replace("source", "x"))
    (gold / "broken.yaml").write_text("article: b\nentities: [{text: X}]\nextra: 1\n")
    result = runner.invoke(app, ["validate-gold", str(gold)])
    assert result.exit_code == 1
    lines = [ln for ln in result.output.splitlines() if ln.startswith("gold: ")]
    assert any("entities[1] ('France' [45:52])" in ln for ln in lines)
    assert any("broken.yaml:3: field 'extra'" in ln for ln in lines)
    assert any("broken.yaml:2: field 'entities.0.start'" in ln for ln in lines)


def test_cli_validate_gold_meantime(meantime_dir):
    args = ["validate-gold", str(meantime_dir / "gold"), "--corpus", str(meantime_dir / "corpora")]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output


def test_cli_agreement(tmp_path):
    _, gold = make_set(tmp_path)
    other = tmp_path / "b.yaml"
    flipped = GOLD.replace("negated: true", "negated: false")
    other.write_text("".join(ln for ln in flipped.splitlines(True) if "dates:" not in ln and "DATE" not in ln))
    out_json = tmp_path / "a.json"
    result = runner.invoke(app, ["agreement", str(gold / "art-1.yaml"), str(other), "--json", str(out_json)])
    assert result.exit_code == 0, result.output
    data = json.loads(out_json.read_text())
    total = data["total"]
    assert total["dates"] is None
    assert total["entities"]["strict"]["f1"] == 1.0 and total["claims"]["core"]["f1"] == 1.0
    assert total["claims"]["attributes"]["negated"]["accuracy"] == 0.5 and total["claims"]["contradictions"] == 1
    assert "AGREEMENT" in result.output


def test_cli_agreement_pairs_folders_by_article(tmp_path):
    _, gold = make_set(tmp_path)
    folder_b = tmp_path / "annotator_b"
    folder_b.mkdir()
    (folder_b / "art-1.yaml").write_text(GOLD.replace("negated: true", "negated: false"))
    out_json = tmp_path / "a.json"
    args = ["agreement", str(gold), str(folder_b), "--corpus", str(tmp_path / "corpora"), "--json", str(out_json)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(out_json.read_text())
    assert [a["article"] for a in data["articles"]] == ["art-1"] and data["total"]["claims"]["contradictions"] == 1
    (folder_b / "art-9.yaml").write_text(GOLD.replace("article: art-1", "article: art-9"))
    result = runner.invoke(app, args)
    assert result.exit_code == 1 and "art-9" in result.output


# --------------------------------------------------------------------------- ingest, export


def test_cli_ingest_export_round_trip(nlp, store_url, tmp_path):
    article = tmp_path / "art-1.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    stored = tmp_path / "stored.jsonl"
    result = runner.invoke(app, ["ingest", str(article), "--store", store_url, "--output", str(stored)])
    assert result.exit_code == 0, result.output
    assert "ingested 1 article(s), unchanged 0, skipped 0" in result.output
    result = runner.invoke(app, ["ingest", str(article), "--store", store_url])
    assert result.exit_code == 0 and "ingested 0 article(s), unchanged 1, skipped 0" in result.output
    extracted = runner.invoke(app, ["extract", str(article)]).stdout
    exported = runner.invoke(app, ["export", "--store", store_url])
    assert exported.exit_code == 0 and "exported 1 article(s)" in exported.output
    assert exported.stdout == extracted == stored.read_text(encoding="utf-8")
    table = runner.invoke(app, ["export", "--store", store_url, "--format", "csv"]).stdout.splitlines()
    assert table[0].startswith("article_id,claim_seq,claim_id,subject_id,subject_text,predicate,")
    assert len(table) == 1 + len(json.loads(extracted)["claims"])


def test_cli_ingest_default_store_is_relative_to_the_cwd(nlp, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("art-1.txt").write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["ingest", "art-1.txt"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "claims.db").is_file() and "sqlite:///claims.db: ingested 1" in result.output
    result = runner.invoke(app, ["export", "--output", "out.jsonl"])
    assert result.exit_code == 0 and json.loads(Path("out.jsonl").read_text())["article"]["id"] == "art-1"


def test_cli_ingest_reports_skipped_articles_and_exits_1_when_nothing_stored(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("---\npublished: 2023-08-09\n---\n\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(empty), "--store", f"sqlite:///{tmp_path / 'c.db'}"])
    assert result.exit_code == 1
    assert "skipped: " in result.output and "empty body" in result.output
    assert "ingested 0 article(s), unchanged 0, skipped 1" in result.output


def test_cli_store_errors_exit_2(tmp_path):
    result = runner.invoke(app, ["ingest", str(tmp_path), "--store", "mysql://u@localhost/db"])
    assert result.exit_code == 2 and "unsupported store URL" in result.output
    result = runner.invoke(app, ["export", "--store", f"sqlite:///{tmp_path / 'c.db'}", "--format", "xml"])
    assert result.exit_code == 2 and "unknown export format 'xml'" in result.output


def test_cli_extract_reports_each_skip_and_writes_the_skipped_log(nlp, tmp_path):
    batch = tmp_path / "wire.jsonl"
    good = json.dumps({"id": "art-1", "text": BODY})  # undated: a W001 warning
    batch.write_text("\n".join(['{"id": 1', good, json.dumps({"text": " "}), '{"text": 2}']) + "\n", "utf-8")
    log = tmp_path / "skipped.jsonl"
    result = runner.invoke(app, ["extract", str(batch), "-o", str(tmp_path / "o.jsonl"), "--skipped-log", str(log)])
    assert result.exit_code == 0, result.output
    skipped = [line for line in result.output.splitlines() if line.startswith("skipped: ")]
    assert [line.split(": ")[1] for line in skipped] == [f"[E008] {batch}:1", f"[E006] {batch}:3", f"[E009] {batch}:4"]
    assert "skipped by code: E006 1, E008 1, E009 1" in result.output
    assert "warnings by code: W001 1" in result.output and f"every skip and warning: {log}" in result.output
    rows = [json.loads(line) for line in log.read_text("utf-8").splitlines()]
    assert [r["code"] for r in rows if r["kind"] == "error"] == ["E008", "E006", "E009"]
    assert [r["code"] for r in rows if r["kind"] == "warning"] == ["W001"]  # noted as read: maybe ahead
    assert result.output.strip().splitlines()[-1].startswith("extracted 1 article(s), skipped 3 in ")
