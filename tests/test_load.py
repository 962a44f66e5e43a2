"""pipeline.batch.load: the built pipeline saves itself (``nlp.to_disk``) and loads back
(``spacy.load``) with the same output, in this process and in a fresh one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
import spacy
from conftest import ROOT, SEED_ID, SHARED

from pipeline.batch.load import STAGES, build_pipeline
from pipeline.batch.run import json_line, make_doc
from pipeline.batch.serialize import doc_to_result
from pipeline.errors import ConfigError, SahelWarning
from pipeline.gazetteer.index import MATCHER_ATTRS
from pipeline.gazetteer.linker import Linker
from pipeline.io import read_article
from pipeline.models import Article, ArticleMeta

REAL_CORPORA = SHARED / "data" / "real" / "corpora"

TEXTS = [
    ("coup", "2023-08-09", "Niger's junta closed the airspace on Sunday. ECOWAS leaders will meet on Thursday."),
    ("undated", None, "The United States suspended aid to Niger last month, officials said."),
    ("troops", "2023-09-01", "France said it would withdraw its 1,500 troops from Niger by the end of the year."),
    ("mali", "2022-02-17", 'Mali\'s government asked U.S.-backed forces to leave "without delay", Col. Goita said.'),
]


def articles() -> list[Article]:
    return [Article(meta=ArticleMeta(id=i, published=p), text=t, origin=i) for i, p, t in TEXTS]


def records(nlp, items: list[Article]) -> list[str]:
    """Each article's output record as its JSON line (the bytes ``extract`` writes)."""
    return [json_line(doc_to_result(nlp(make_doc(nlp, a)), a.meta)) for a in items]


@pytest.fixture(scope="module")
def built():
    return build_pipeline()


@pytest.fixture(scope="module")
def saved(built, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("saved") / "pipeline"
    built.to_disk(path)
    return path


@pytest.fixture(scope="module")
def loaded(saved):
    return spacy.load(saved)


@pytest.mark.slow
def test_saved_pipeline_loads_with_the_same_stages_and_meta(built, loaded):
    assert loaded.pipe_names == built.pipe_names
    assert [n for n in loaded.pipe_names if n.startswith("sahel_")] == list(STAGES)
    assert loaded.meta["sahel"] == built.meta["sahel"]


@pytest.mark.slow
def test_saved_pipeline_gives_the_same_records(built, loaded):
    assert records(loaded, articles()) == records(built, articles())


@pytest.mark.slow
def test_saved_pipeline_gives_the_same_record_on_a_real_article(built, loaded):
    if not REAL_CORPORA.is_dir():
        pytest.skip(f"no real articles at {REAL_CORPORA} (they live in ../shared, outside the repo)")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SahelWarning)  # its front matter has fields of its own
        article = read_article(sorted(REAL_CORPORA.glob("*.txt"))[0])
    assert records(loaded, [article]) == records(built, [article])


@pytest.mark.slow
def test_components_load_the_data_they_saved(built, loaded):
    for name in ("sahel_gazetteer", "sahel_claims"):
        assert loaded.get_pipe(name).config == built.get_pipe(name).config
        assert loaded.get_pipe(name).path == built.get_pipe(name).path
    assert loaded.get_pipe("sahel_gazetteer").index == built.get_pipe("sahel_gazetteer").index
    assert loaded.get_pipe("sahel_sentences").abbreviations == built.get_pipe("sahel_sentences").abbreviations


@pytest.mark.slow
def test_loaded_gazetteer_matchers_find_what_the_built_ones_find(built, loaded):
    text = read_article(ROOT / "corpora" / f"{SEED_ID}.txt").text
    matchers = built.get_pipe("sahel_gazetteer").matchers, loaded.get_pipe("sahel_gazetteer").matchers
    for name in MATCHER_ATTRS:
        found = [sorted(getattr(m, name)(nlp.make_doc(text))) for m, nlp in zip(matchers, (built, loaded), strict=True)]
        assert found[0] == found[1] and found[0], name
    assert json.loads(json.dumps(matchers[0].patterns)) == matchers[1].patterns


@pytest.mark.slow
def test_loaded_gazetteer_registers_its_own_linker(built, loaded):
    doc = loaded("Niger's junta closed the airspace.")
    gazetteer = loaded.get_pipe("sahel_gazetteer")
    assert gazetteer.linker_key is not None and gazetteer.linker_key != built.get_pipe("sahel_gazetteer").linker_key
    assert isinstance(doc._.sahel_linker, Linker) and doc._.sahel_linker.index is gazetteer.index


@pytest.mark.slow
def test_from_disk_names_a_corrupt_file(saved, loaded, tmp_path):
    (tmp_path / "predicates.json").write_text('{"predicates": "not a list"}', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"predicates\.json: not a saved PredicatesConfig"):
        loaded.get_pipe("sahel_claims").from_disk(tmp_path)


def entry_points_site(tmp_path: Path) -> Path:
    """A folder holding the ``spacy_factories`` entry points of pyproject.toml as an
    installed distribution's metadata (pip writes the same on install), for a
    subprocess's PYTHONPATH: the venv may hold an older install of the package."""
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    factories = project["entry-points"]["spacy_factories"]
    assert sorted(factories) == sorted(STAGES)
    info = tmp_path / "site" / "sahel_claims_factories-0.0.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: sahel-claims-factories\nVersion: 0.0.0\n")
    lines = [f"{name} = {target}" for name, target in factories.items()]
    (info / "entry_points.txt").write_text("[spacy_factories]\n" + "\n".join(lines) + "\n")
    return info.parent


FRESH = """
import json, sys
import spacy
assert not [m for m in sys.modules if m.split(".")[0] == "pipeline"], "pipeline imported before spacy.load"
nlp = spacy.load(sys.argv[1])
from pipeline.batch.run import json_line, make_doc
from pipeline.batch.serialize import doc_to_result
from pipeline.models import Article
for line in sys.stdin:
    article = Article.model_validate_json(line)
    sys.stdout.write(json_line(doc_to_result(nlp(make_doc(nlp, article)), article.meta)))
"""


@pytest.mark.slow
def test_saved_pipeline_loads_in_a_fresh_process_through_the_entry_points(built, saved, tmp_path):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(entry_points_site(tmp_path))])}
    stdin = "".join(a.model_dump_json() + "\n" for a in articles())
    run = subprocess.run(
        [sys.executable, "-c", FRESH, str(saved)], input=stdin, capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines(keepends=True) == records(built, articles())
    assert [json.loads(line)["article"]["id"] for line in run.stdout.splitlines()] == [i for i, _, _ in TEXTS]
