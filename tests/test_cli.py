"""The command line (typer.testing.CliRunner): score, validate-gold, agreement."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
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


def test_cli_score_warns_about_missing_and_unknown_articles_on_stderr(tmp_path):
    other = {**prediction(), "article": {"id": "other"}}
    preds, gold = make_set(tmp_path, records=[other, prediction()])
    (tmp_path / "corpora" / "art-2.txt").write_text(ARTICLE.replace("art-1", "art-2"), encoding="utf-8")
    (gold / "art-2.yaml").write_text(GOLD.replace("article: art-1", "article: art-2"), encoding="utf-8")
    result = runner.invoke(app, ["score", str(preds), "--gold", str(gold), "--corpus", str(tmp_path / "corpora")])
    assert result.exit_code == 1  # a prediction record was not scored
    assert "warning: [W041] no predictions for article 'art-2'" in result.stderr
    assert "skipped: [W040] predictions for article 'other' have no gold file" in result.stderr
    assert "W04" not in result.stdout
    art2 = result.stdout.split("== art-2")[1]
    assert "claims     core            0.000  0.000   0.000      0   0     2" in art2


def test_cli_score_of_a_file_that_holds_no_record_exits_2_in_one_line(tmp_path):
    preds, gold = make_set(tmp_path)
    table = tmp_path / "claims.csv"
    table.write_text("article_id,claim_seq\n" + "a,1\n" * 456, encoding="utf-8")
    result = runner.invoke(app, ["score", str(table), "--gold", str(gold)])
    assert result.exit_code == 2 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: [E049] {table}: nothing to read: none of its 457 line(s) is an output record")
    assert "score reads the JSON Lines file that extract writes" in line


def test_cli_score_with_a_broken_line_scores_the_rest_and_exits_1(tmp_path):
    preds, gold = make_set(tmp_path)
    preds.write_text(preds.read_text() + '{"article": \n', encoding="utf-8")
    result = runner.invoke(app, ["score", str(preds), "--gold", str(gold)])
    assert result.exit_code == 1
    assert f"skipped: [E048] {preds}:2: not a valid output record (SPEC section 4): Expecting value at column 13" in (
        result.stderr
    )
    assert "== TOTAL" in result.stdout


def test_cli_score_of_records_for_no_gold_article_exits_2(tmp_path):
    preds, gold = make_set(tmp_path, records=[{**prediction(), "article": {"id": "other"}}])
    result = runner.invoke(app, ["score", str(preds), "--gold", str(gold)])
    assert result.exit_code == 2 and "none of its 1 record(s) is for an article of" in result.stderr


def test_cli_score_invalid_gold_exits_2_naming_file_and_entry(tmp_path):
    preds, gold = make_set(tmp_path, gold=GOLD.replace("predicate: close", "predicate: shut"))
    result = runner.invoke(app, ["score", str(preds), "--gold", str(gold)])
    assert result.exit_code == 2  # nothing scored
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
    assert result.exit_code == 2 and "art-9" in result.output


# --------------------------------------------------------------------------- ingest, export


def test_cli_ingest_export_round_trip(nlp, store_url, tmp_path):
    article = tmp_path / "art-1.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    stored = tmp_path / "stored.jsonl"
    result = runner.invoke(app, ["ingest", str(article), "--store", store_url, "--output", str(stored)])
    assert result.exit_code == 0, result.output
    assert "ingested 1 article, unchanged 0, skipped 0, in " in result.output
    result = runner.invoke(app, ["ingest", str(article), "--store", store_url])
    assert result.exit_code == 0 and "ingested 0 articles, unchanged 1, skipped 0, in " in result.output
    extracted = runner.invoke(app, ["extract", str(article)]).stdout
    exported = runner.invoke(app, ["export", "--store", store_url])
    assert exported.exit_code == 0 and "exported 1 article" in exported.stderr
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


def test_cli_ingest_reports_skipped_articles_and_exits_2_when_nothing_stored(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("---\npublished: 2023-08-09\n---\n\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(empty), "--store", f"sqlite:///{tmp_path / 'c.db'}"])
    assert result.exit_code == 2
    assert "skipped: " in result.output and "empty body" in result.output
    assert "ingested 0 articles, unchanged 0, skipped 1" in result.output


def test_cli_store_errors_exit_2(tmp_path):
    (tmp_path / "art-1.txt").write_text(ARTICLE, encoding="utf-8")
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
    assert result.exit_code == 1, result.output
    skipped = [line for line in result.output.splitlines() if line.startswith("skipped: ")]
    assert [line.split(": ")[1] for line in skipped] == [f"[E008] {batch}:1", f"[E006] {batch}:3", f"[E009] {batch}:4"]
    assert "skipped by code: E006 1, E008 1, E009 1" in result.output
    assert "warnings by code: W001 1" in result.output and f"every skip and warning: {log}" in result.output
    rows = [json.loads(line) for line in log.read_text("utf-8").splitlines()]
    assert [r["code"] for r in rows if r["kind"] == "error"] == ["E008", "E006", "E009"]
    assert [r["code"] for r in rows if r["kind"] == "warning"] == ["W001"]  # noted as read: maybe ahead
    assert result.output.strip().splitlines()[-1].startswith("extracted 1 article, skipped 3, in ")


# --------------------------------------------------------------------------- exit status, messages


def write_article(folder: Path, name: str = "art-1.txt", text: str = ARTICLE) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_cli_extract_a_mistyped_path_next_to_a_good_one_exits_1_with_the_rest_written(nlp, tmp_path):
    good = write_article(tmp_path / "in")
    out = tmp_path / "o.jsonl"
    result = runner.invoke(app, ["extract", str(good), str(tmp_path / "nope.txt"), "-o", str(out)])
    assert result.exit_code == 1
    assert f"skipped: [E010] {tmp_path / 'nope.txt'}: no such file or folder" in result.stderr
    assert [json.loads(line)["article"]["id"] for line in out.read_text().splitlines()] == ["art-1"]


def test_cli_extract_every_input_processed_exits_0(nlp, tmp_path):
    result = runner.invoke(app, ["extract", str(write_article(tmp_path / "in")), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-1].startswith("extracted 1 article, skipped 0, in ")


@pytest.mark.parametrize("layout", ["empty folder", "no article files", "missing"])
def test_cli_extract_with_nothing_to_read_exits_2_and_writes_nothing(tmp_path, layout):
    target = tmp_path / "in"
    if layout != "missing":
        target.mkdir()
    if layout == "no article files":
        (target / "notes.pdf").write_bytes(b"%PDF")
    out = tmp_path / "o.jsonl"
    result = runner.invoke(app, ["extract", str(target), "-o", str(out)])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: [E014] nothing to read: ")
    assert ("holds no .txt or .jsonl file" if layout != "missing" else "no such file or folder") in line
    assert not out.exists()


def test_cli_extract_every_input_skipped_exits_2(tmp_path):
    bad = write_article(tmp_path / "in", text="---\npublished: [2023\n---\nBody.\n")
    result = runner.invoke(app, ["extract", str(bad), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 2
    assert "extracted 0 articles, skipped 1, in " in result.stderr


def test_cli_broken_front_matter_is_one_line_with_the_files_line_and_a_fix(tmp_path):
    bad = write_article(tmp_path / "in", text="---\nid: a\npublished: [2023\n---\nBody.\n")
    result = runner.invoke(app, ["extract", str(bad), "-o", str(tmp_path / "o.jsonl")])
    (line,) = [ln for ln in result.stderr.splitlines() if ln.startswith("skipped: ")]
    assert line == (
        f"skipped: [E003] {bad}:3: front matter is not valid YAML: expected ',' or ']', but got the end of the "
        "front matter (while parsing a flow sequence at column 12); quote a value that holds ':', '#', '[' or '{'"
    )
    assert "<unicode string>" not in result.output


def test_cli_broken_json_line_gives_the_whole_reason_and_its_column(nlp, tmp_path):
    batch = tmp_path / "wire.jsonl"
    good = json.dumps({"id": "a", "published": "2023-08-09", "text": BODY})
    batch.write_text(good + '\n{"id": "b", "text": "tab\x01here"}\n', encoding="utf-8")
    result = runner.invoke(app, ["extract", str(batch), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 1
    assert (
        f"skipped: [E008] {batch}:2: JSON Lines record is not valid JSON: raw control character U+0001 at column 25:"
        " write it escaped (\\u0001)"
    ) in result.stderr


def test_cli_show_an_article_the_file_does_not_hold_exits_2(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text(json.dumps(prediction()) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["show", str(path), "--article", "nonexistent"])
    assert result.exit_code == 2 and result.stdout == ""
    assert "no record for article 'nonexistent' (it has art-1)" in result.stderr
    assert runner.invoke(app, ["show", str(path), "--article", "art-1"]).exit_code == 0


def test_cli_show_with_a_broken_line_exits_1(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text(json.dumps(prediction()) + "\n{bad\n", encoding="utf-8")
    result = runner.invoke(app, ["show", str(path)])
    assert result.exit_code == 1 and "== art-1" in result.stdout and f"skipped: [E048] {path}:2" in result.stderr


def test_cli_export_of_a_store_that_does_not_exist_is_an_error_not_a_new_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["export", "--store", "sqlite:///does_not_exist.db"])
    assert result.exit_code == 2
    assert "[E080] sqlite:///does_not_exist.db: no such store (the file does_not_exist.db does not exist)" in (
        result.stderr
    )
    assert not (tmp_path / "does_not_exist.db").exists()


def test_cli_ingest_into_a_folder_that_does_not_exist_is_an_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_article(tmp_path / "in")
    result = runner.invoke(app, ["ingest", "in", "--store", "sqlite:///missing_dir/x.db"])
    assert result.exit_code == 2
    assert "the folder missing_dir does not exist: create it first (mkdir -p missing_dir)" in result.stderr
    assert not (tmp_path / "missing_dir").exists()


def test_cli_store_without_a_scheme_suggests_the_sqlite_url(tmp_path):
    result = runner.invoke(app, ["export", "--store", "claims.db"])
    assert result.exit_code == 2 and "write sqlite:///claims.db" in result.stderr


def test_cli_postgresql_errors_show_the_url_as_given():
    result = runner.invoke(app, ["export", "--store", "postgresql://u:secret@127.0.0.1:1/db?connect_timeout=2"])
    assert result.exit_code == 2
    assert "postgresql://u:***@127.0.0.1:1/db" in result.stderr
    assert "psycopg" not in result.stderr and "secret" not in result.stderr


# --------------------------------------------------------------------------- help

COMMANDS = ["extract", "ingest", "export", "events", "score", "validate-gold", "agreement", "show"]


@pytest.mark.parametrize("name", [None, *COMMANDS])
def test_cli_help_shows_what_to_type_and_the_exit_status(name):
    result = runner.invoke(app, [name, "--help"] if name else ["--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    for noise in ("<list[", "<bool>", "<int", "<path>", "<str>", "[x>=", "{paths}", "{path}"):
        assert noise not in text, noise
    assert "Exit status: 0 every input processed; 1 some inputs skipped" in text
    if name in ("extract", "ingest"):
        assert "[OPTIONS] PATH..." in text and "--force <" not in text


def help_example(name: str) -> list[str]:
    """The arguments of the ``Example:`` line of a command's --help."""
    import shlex

    text = " ".join(runner.invoke(app, [name, "--help"], env={"COLUMNS": "400"}).stdout.split())
    example = text.split("Example: sahel-claims ", 1)[1].split(" Folders:")[0].split(" ╭")[0]
    args = shlex.split(example)
    assert args[0] == name, example
    return args


@pytest.mark.slow
def test_cli_every_help_example_runs_as_written_on_the_repository_corpora(nlp, tmp_path, monkeypatch):
    from conftest import ROOT

    monkeypatch.chdir(tmp_path)
    for folder in ("corpora", "gold"):
        (tmp_path / folder).symlink_to(ROOT / folder, target_is_directory=True)
    # in the order a user would run them: extract's output feeds show and score
    for name in ["extract", "show", "score", "ingest", "export", "events", "validate-gold", "agreement"]:
        args = help_example(name)
        result = runner.invoke(app, args)
        assert result.exit_code == 0, f"sahel-claims {' '.join(args)}\n{result.output[-3000:]}"
    assert Path("claims.jsonl").stat().st_size and Path("claims.csv").stat().st_size
    assert Path("scores.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    # review (its server stopped at once, as by Ctrl-C), one review action, then export-gold
    from werkzeug.serving import BaseWSGIServer

    from pipeline.stores import open_store
    from pipeline.stores.sql import SqlStore

    def interrupted(self):
        raise KeyboardInterrupt

    monkeypatch.setattr(BaseWSGIServer, "serve_forever", interrupted)
    args = help_example("review")
    result = runner.invoke(app, args)
    assert result.exit_code == 0 and "review page: http://127.0.0.1:8765/" in result.output, result.output
    with open_store("sqlite:///claims.db") as store:
        assert isinstance(store, SqlStore)
        first = next(store.results())
        body = store.body(first.article.id)
        claim = first.claims[0]
        from pipeline.models import ClaimReview

        store.add_review(ClaimReview(article_id=first.article.id, claim_id=claim.id, predicate=claim.predicate,
                                     evidence_text=body[claim.evidence.start : claim.evidence.end], action="accept",
                                     claim=claim, reviewer="cli", reviewed_at="2026-12-07T10:00:00Z"))  # fmt: skip
    args = help_example("export-gold")
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert runner.invoke(app, ["validate-gold", "reviewed/gold"]).exit_code == 0
