"""Gold files: loading, validation against the body, errors naming file, line and entry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.errors import ConfigError, GoldError
from pipeline.scoring.gold import (
    Corpus,
    check_gold,
    default_corpus,
    load_gold_documents,
    occurrences,
    parse_gold,
    predicate_vocabulary,
    read_predictions,
    symmetric_predicates,
)

BODY = "Niger's junta closed the airspace on Sunday. The junta closed the border.\n"
ARTICLE = f"---\nid: art-1\npublished: 2023-08-09\n---\n{BODY}"
GOOD = """article: art-1
published: 2023-08-09
sentences: [44, 73]
entities:
  - {text: Niger, start: 0, end: 5, label: GPE, id: Niger}
dates:
  - {text: Sunday, start: 37, end: 43, type: DATE, value: 2023-08-06}
claims:
  - evidence: closed the airspace
    subject: National_Council_for_the_Safeguard_of_the_Homeland
    predicate: close
    object: airspace
    date: 2023-08-06
"""


def write_set(root: Path, gold: str = GOOD, name: str = "art-1") -> Path:
    (root / "corpora").mkdir(exist_ok=True)
    (root / "corpora" / "art-1.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "gold").mkdir(exist_ok=True)
    (root / "gold" / f"{name}.yaml").write_text(gold, encoding="utf-8")
    return root / "gold"


def problems_of(tmp_path: Path, gold: str) -> list[str]:
    _, problems, _ = check_gold(write_set(tmp_path, gold))
    return problems


def test_gold_valid_file_loads_with_iso_text(tmp_path):
    docs, notes = load_gold_documents(write_set(tmp_path))
    doc = docs["art-1"]
    assert doc.body == BODY and notes == []
    assert doc.gold.published == "2023-08-09" and doc.gold.claims[0].date == "2023-08-06"
    assert doc.gold.dates[0].value == "2023-08-06"


@pytest.mark.parametrize(
    "old,new,fragments",
    [
        ("{text: Niger, start: 0, end: 5", "{text: Nigeria, start: 0, end: 5",
         ["art-1.yaml:5:", "entities[0] ('Nigeria' [0:5])", "does not equal the body", "'Niger'"]),
        ("{text: Sunday, start: 37, end: 43", "{text: Sunday, start: 37, end: 430",
         ["art-1.yaml:7:", "dates[0]", "outside the body"]),
        ("evidence: closed the airspace", "evidence: closed the",
         ["art-1.yaml:9:", "claims[0] ('closed the')", "occurs 2 times"]),
        ("evidence: closed the airspace", "evidence: opened the airspace",
         ["claims[0] ('opened the airspace')", "occurs 0 times"]),
        ("predicate: close", "predicate: shut",
         ["art-1.yaml:11:", "claims[0] ('closed the airspace')", "predicate 'shut' is not in the vocabulary"]),
        ("    date: 2023-08-06", "    when: 2023-08-06",
         ["art-1.yaml:13:", "claims.0.when", "Extra inputs are not permitted"]),
        ("sentences: [44, 73]", "sentences: [44, 99]", ["art-1.yaml:3:", "sentences[1]", "outside the body"]),
        ("predicate: close", "predicate: [close]", ["art-1.yaml:11:", "claims.0.predicate"]),
    ],
)  # fmt: skip
def test_gold_validation_names_file_line_and_entry(tmp_path, old, new, fragments):
    assert old in GOOD
    problems = problems_of(tmp_path, GOOD.replace(old, new))
    assert len(problems) == 1
    for fragment in fragments:
        assert fragment in problems[0]


def test_gold_every_problem_is_listed_and_raised(tmp_path):
    bad = GOOD.replace("text: Niger,", "text: Niger!,").replace("predicate: close", "predicate: shut")
    with pytest.raises(GoldError) as caught:
        load_gold_documents(write_set(tmp_path, bad))
    message = str(caught.value)
    assert "entities[0]" in message and "'shut'" in message and len(message.splitlines()) == 2


def test_gold_absent_layers_stay_none_empty_layers_are_lists(tmp_path):
    docs, _ = load_gold_documents(write_set(tmp_path, "article: art-1\ndates: []\n"))
    gold = docs["art-1"].gold
    assert gold.dates == [] and gold.entities is None and gold.claims is None and gold.sentences is None


def test_gold_duplicate_article_is_an_error(tmp_path):
    write_set(tmp_path)
    problems = check_gold(write_set(tmp_path, GOOD, name="copy"))[1]
    assert len(problems) == 1 and "already has a gold file" in problems[0] and "copy.yaml" in problems[0]


def test_gold_file_name_mismatch_is_a_warning(tmp_path):
    _, problems, notes = check_gold(write_set(tmp_path, GOOD, name="other"))
    assert problems == [] and "does not match its article id 'art-1'" in notes[0]


def test_gold_published_mismatch_is_a_warning(tmp_path):
    _, problems, notes = check_gold(write_set(tmp_path, GOOD.replace("published: 2023-08-09", "published: 2023-08-10")))
    assert problems == [] and "published 2023-08-10 differs from the article's 2023-08-09" in notes[0]


def test_gold_without_body(tmp_path):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "art-1.yaml").write_text("article: art-1\nentities:\n  - {text: X, start: 0, end: 1, label: GPE}\n")
    docs, problems, notes = check_gold(gold_dir)
    assert problems == [] and docs["art-1"].body is None and "no body" in notes[0]
    (gold_dir / "art-1.yaml").write_text(GOOD)
    _, problems, _ = check_gold(gold_dir)
    assert "no body for article 'art-1'" in problems[0] and "--corpus" in problems[0]


def test_gold_corpus_finds_article_by_front_matter_id(tmp_path):
    (tmp_path / "renamed.txt").write_text(ARTICLE, encoding="utf-8")
    assert Corpus(tmp_path).body("art-1") == BODY
    assert Corpus(tmp_path).body("missing") is None
    assert default_corpus(tmp_path / "gold") == tmp_path / "corpora"


def test_gold_no_yaml_files_is_a_problem(tmp_path):
    assert "no gold files" in check_gold(tmp_path)[1][0]


# SPEC section 4, revision 2: the predicate vocabulary the config must hold, in its order
SPEC_PREDICATES = (
    "seize_power", "detain", "release", "reinstate", "appoint", "assume_office", "recognize",
    "designate", "meet", "visit", "contact", "convene", "cooperate", "support", "appeal",
    "demand", "propose", "request_aid", "provide_aid", "reject", "oppose", "criticize", "accuse",
    "warn", "threaten", "cancel", "sanction", "suspend_cooperation", "close", "deploy",
    "withdraw", "use_force", "attack", "kill", "investigate", "depend_on",
    "expel", "ban", "prosecute", "protest", "abduct",
)  # fmt: skip


@pytest.mark.parametrize(
    "content,expected",
    [
        ("predicates:\n  - {name: close, cameo: '16'}\n  - {name: open, cameo: null}\n", {"close", "open"}),
    ],
)
def test_gold_predicate_vocabulary_from_config(tmp_path, content, expected):
    path = tmp_path / "predicates.yaml"
    path.write_text(content)
    assert predicate_vocabulary(path) == expected


@pytest.mark.parametrize("content", ["predicates: []\n", "- {name: close}\n"])
def test_gold_predicate_vocabulary_unreadable_config_is_an_error(tmp_path, content):
    path = tmp_path / "predicates.yaml"
    path.write_text(content)
    with pytest.raises(ConfigError, match="predicates.yaml"):
        predicate_vocabulary(path)


def test_gold_predicate_vocabulary_default_is_the_spec_table():
    assert predicate_vocabulary() == set(SPEC_PREDICATES)


def test_gold_symmetric_predicates_from_config(tmp_path):
    assert symmetric_predicates() == {"meet", "contact", "cooperate", "use_force"}
    path = tmp_path / "predicates.yaml"
    path.write_text("predicates:\n  - {name: close}\n  - {name: talk, symmetric: true}\n")
    assert symmetric_predicates(path) == {"talk"} and predicate_vocabulary(path) == {"close", "talk"}


def test_gold_read_predictions_accepts_location_and_codes(tmp_path):
    claim = {"id": "c", "predicate": "meet", "evidence": {"start": 0, "end": 9}, "rule": "r",
             "subject": {"text": "Niger", "start": 0, "end": 5, "id": "Niger", "country": "NER", "sector": None},
             "location": {"text": "Niamey", "start": 0, "end": 6, "id": "Niamey", "geonames": 2440485,
                          "country": "NER", "admin1": "Niamey", "lat": 13.51, "lon": 2.11}}  # fmt: skip
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps({"article": {"id": "art-1"}, "claims": [claim]}) + "\n")
    preds, notes = read_predictions(path)
    (read,) = preds["art-1"].claims
    assert notes == [] and read.location.geonames == 2440485 and read.subject.country == "NER"
    # optional revision-2 fields are written only when set: the pipeline's output is unchanged
    dumped = read.model_dump(mode="json")
    assert "sector" not in dumped["subject"] and dumped["location"]["admin1"] == "Niamey"
    bare = read.model_copy(update={"location": None, "subject": read.subject.model_copy(update={"country": None})})
    assert set(bare.model_dump(mode="json")) == set(dumped) - {"location"}
    assert set(bare.model_dump(mode="json")["subject"]) == {"text", "start", "end", "id"}


def test_gold_parse_reads_yaml_ints_as_text():
    gold = parse_gold("article: a\ndates:\n  - {text: '2019', start: 0, end: 4, type: DATE, value: 2019}\n")
    assert gold.dates[0].value == "2019"


def test_gold_read_predictions_skips_bad_lines(tmp_path):
    good = {"article": {"id": "art-1"}, "entities": []}
    lines = [json.dumps(good), "{not json", json.dumps({"article": {"id": "x"}, "extra": 1}), json.dumps(good)]
    path = tmp_path / "p.jsonl"
    path.write_text("\n".join(lines) + "\n")
    preds, notes = read_predictions(path)
    assert list(preds) == ["art-1"]
    assert [n.split(": ")[0] for n in notes] == [f"[E048] {path}:2", f"[E048] {path}:3", f"[W044] {path}:4"]


def test_gold_meantime_all_valid(meantime_dir):
    docs, problems, _ = check_gold(meantime_dir / "gold", corpus=meantime_dir / "corpora")
    assert problems == [] and len(docs) == 120
    assert all(d.gold.entities is None and d.gold.claims is None and d.body for d in docs.values())


@pytest.mark.parametrize("body,text,count", [("abcabc", "abc", 2), ("aaa", "aa", 2), ("abc", "", 0), ("abc", "x", 0)])
def test_gold_occurrences_count_overlaps(body, text, count):
    assert occurrences(body, text) == count
