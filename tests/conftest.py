"""Shared fixtures: the full pipeline (loaded once), the bare model, paths to data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
MEANTIME = SHARED / "data" / "meantime"
REAL = SHARED / "data" / "real"
SEED_ID = "niger-coup-2023-08-09"


@pytest.fixture(scope="session", autouse=True)
def cache_dir(tmp_path_factory):
    """The start-up cache (pipeline.batch.cache) of the session, under its tmp folder:
    tests never write the user's cache. Worker processes inherit it."""
    with pytest.MonkeyPatch.context() as patch:
        path = tmp_path_factory.mktemp("sahel-cache")
        patch.setenv("SAHEL_CACHE_DIR", str(path))
        yield path


@pytest.fixture(scope="session")
def nlp():
    """The full sahel-claims pipeline from configs/pipeline.yaml."""
    from pipeline import api

    return api.load_pipeline()


@pytest.fixture(scope="session")
def vocab_nlp():
    """A blank English pipeline: tokenizer and vocab only, for hand-built Docs."""
    import spacy

    return spacy.blank("en")


@pytest.fixture(scope="session")
def config():
    """The predicates config (configs/predicates.yaml with its derived breadth), for the
    claims rules on hand-built Docs."""
    from pipeline.claims.triggers import load_predicates

    return load_predicates(ROOT / "configs" / "predicates.yaml")


@pytest.fixture(scope="session")
def index(vocab_nlp, config):
    """The claims stage's trigger index over the blank vocabulary."""
    from pipeline.claims.triggers import TriggerIndex

    return TriggerIndex(vocab_nlp.vocab, config)


@pytest.fixture(scope="session")
def meantime_dir() -> Path:
    if not (MEANTIME / "gold").is_dir():
        pytest.skip(f"MEANTIME not found at {MEANTIME} (it lives in ../shared, outside the repo)")
    return MEANTIME


@pytest.fixture(scope="session")
def real_dir() -> Path:
    if not (REAL / "annotator_b").is_dir():
        pytest.skip(f"the real set not found at {REAL} (it lives in ../shared, outside the repo)")
    return REAL


def _postgres_base() -> str:
    """``$SAHEL_TEST_POSTGRES_URL``; without it the test is skipped, or fails under ``CI=true``."""
    import os

    base = os.environ.get("SAHEL_TEST_POSTGRES_URL")
    if not base:
        if os.environ.get("CI", "").lower() in ("true", "1"):
            pytest.fail("CI is set but SAHEL_TEST_POSTGRES_URL is not: .ci/postgres.sh failed to start PostgreSQL")
        pytest.skip("PostgreSQL store tests need SAHEL_TEST_POSTGRES_URL (run: . .ci/postgres.sh)")
    return base


@pytest.fixture
def postgres_schemas():
    """``new()`` gives the URL of a new, empty schema of the PostgreSQL at
    ``$SAHEL_TEST_POSTGRES_URL`` (started by .ci/postgres.sh); all are dropped afterwards."""
    import uuid

    import sqlalchemy as sa

    from pipeline.stores import engine_url

    base = _postgres_base()
    engine = sa.create_engine(engine_url(base))
    made: list[str] = []

    def new() -> str:
        schema = f"test_{uuid.uuid4().hex[:12]}"
        with engine.begin() as conn:
            conn.execute(sa.schema.CreateSchema(schema))
        made.append(schema)
        return f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"

    try:
        yield new
    finally:
        with engine.begin() as conn:
            for schema in made:
                conn.execute(sa.schema.DropSchema(schema, cascade=True))
        engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    """An empty store URL on each backend: a SQLite file under ``tmp_path``, and a throwaway
    schema of the PostgreSQL at ``$SAHEL_TEST_POSTGRES_URL`` (started by .ci/postgres.sh).
    Without that variable the PostgreSQL cases are skipped, or fail when ``CI=true``."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'claims.db'}"
        return
    yield request.getfixturevalue("postgres_schemas")()


@pytest.fixture(scope="session")
def ray_local():
    """Ray in local mode (``ray.init(num_cpus=2)``), started once for the session's Ray
    tests and shut down after them; the tests are skipped without the ray extra."""
    ray = pytest.importorskip("ray", reason="the ray extra is not installed (pip install -e '.[ray]')")
    pytest.importorskip("ray.data", reason="ray[data] is not installed")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        yield ray
    finally:
        ray.shutdown()
