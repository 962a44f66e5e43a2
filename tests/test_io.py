"""Reading articles (SPEC section 1): front matter, bodies byte for byte, bad input."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from pipeline.errors import InputError, SahelWarning
from pipeline.io import iter_articles, parse_article, read_article, split_front_matter
from pipeline.models import Article


def test_front_matter_and_body_kept_byte_for_byte():
    text = "---\nid: a1\npublished: 2023-08-09\nsource: VOA\n---\n  Body, with  spaces.\n\n"
    art = parse_article(text, default_id="x")
    assert art.meta.id == "a1"
    assert art.meta.published == dt.date(2023, 8, 9)
    assert art.meta.source == "VOA"
    assert art.text == "  Body, with  spaces.\n\n"


def test_no_front_matter_whole_file_is_body_and_id_defaults_to_file_name(tmp_path):
    path = tmp_path / "wire-42.txt"
    path.write_text("Niger closed its airspace.", encoding="utf-8")
    with pytest.warns(SahelWarning, match="no 'published' date"):
        art = read_article(path)
    assert art.meta.id == "wire-42"
    assert art.meta.published is None
    assert art.text == "Niger closed its airspace."


@pytest.mark.parametrize(
    "content, match",
    [
        ("---\nid: a\npublished: 2023-08-09\nBody without a closing line", r":1: front matter opened"),
        ("---\nid: [a\n---\nBody", r"front matter is not valid YAML"),
        ("---\n- a\n- b\n---\nBody", r"must be a mapping"),
        ("---\nid: a\npublished: 2023-13-45\n---\nBody", r":3: field 'published'"),
        ("---\nid: a\npublished: 2023-08-09\n---\n \n\n", r":5: empty body"),
    ],
)
def test_bad_articles_name_file_and_line(tmp_path, content, match):
    path = tmp_path / "bad.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=match) as info:
        read_article(path)
    assert str(path) in str(info.value)


def test_undecodable_bytes_are_an_error_naming_the_file(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Niamey, caf\xe9".encode("latin-1"))
    with pytest.raises(InputError, match=r"latin1.txt:1: cannot decode as UTF-8 at byte 11"):
        read_article(path)


def test_batch_goes_on_past_bad_input_and_duplicate_ids(tmp_path):
    (tmp_path / "a.txt").write_text("---\nid: same\npublished: 2023-08-09\n---\nOne.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe bad")
    (tmp_path / "c.txt").write_text("---\nid: same\npublished: 2023-08-09\n---\nTwo.", encoding="utf-8")
    (tmp_path / "d.txt").write_text("---\nid: other\npublished: 2023-08-10\n---\nThree.", encoding="utf-8")
    items = list(iter_articles([tmp_path]))
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["Article", "InputError", "InputError", "Article"]
    assert "duplicate article id 'same'" in str(items[2]) and "first seen at " in str(items[2])
    assert str(items[2]).endswith("a.txt)")
    assert [i.meta.id for i in items if isinstance(i, Article)] == ["same", "other"]


def test_duplicate_ids_past_the_kept_locations_are_still_caught(tmp_path, monkeypatch):
    monkeypatch.setattr("pipeline.io.FIRST_SEEN_KEPT", 1)
    lines = [{"id": i, "published": "2023-08-09", "text": "Mali expelled the envoy."} for i in ("a", "b", "b", "a")]
    path = tmp_path / "batch.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    items = list(iter_articles([path]))
    assert [type(i).__name__ for i in items] == ["Article", "Article", "InputError", "InputError"]
    assert "first seen at an earlier article of this run" in str(items[2])  # b's location was not kept
    assert "first seen at" in str(items[3]) and "batch.jsonl:1" in str(items[3])


def test_jsonl_batch_reports_bad_lines_with_line_numbers(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "j1", "published": "2023-08-09", "text": "Mali expelled the envoy."}),
        "{not json",
        json.dumps({"id": "j3", "published": "2023-08-09"}),
        json.dumps({"id": "j4", "published": "yesterday", "text": "x"}),
        json.dumps({"id": "j5", "published": "2024-01-02", "text": "Burkina Faso left ECOWAS."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_articles([path]))
    assert [i.meta.id for i in items if isinstance(i, Article)] == ["j1", "j5"]
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert f"{path}:2:" in errors[0] and "not valid JSON" in errors[0]
    assert f"{path}:3:" in errors[1] and "'text'" in errors[1]
    assert f"{path}:4:" in errors[2] and "published" in errors[2]


def test_missing_and_unsupported_paths_are_reported(tmp_path):
    other = tmp_path / "notes.pdf"
    other.write_bytes(b"%PDF")
    items = list(iter_articles([tmp_path / "nope.txt", other]))
    assert all(isinstance(i, InputError) for i in items)
    assert "no such file" in str(items[0]) and "unsupported input" in str(items[1])


def test_split_front_matter_reports_body_line():
    meta, body, line = split_front_matter("---\nid: a\n---\nBody\n")
    assert meta == {"id": "a"} and body == "Body\n" and line == 4


def test_seed_corpus_body_equals_the_seed_file(tmp_path):
    from conftest import ROOT, SEED_ID, SHARED

    seed = SHARED / "seed" / f"{SEED_ID}.txt"
    if not seed.exists():
        pytest.skip("../shared/seed is absent")
    art = read_article(ROOT / "corpora" / f"{SEED_ID}.txt")
    assert art.text == seed.read_bytes().decode("utf-8")
    assert art.meta.published == dt.date(2023, 8, 9)
