"""Shared fixtures: the full pipeline (loaded once), the bare model, paths to data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
MEANTIME = SHARED / "data" / "meantime"
SEED_ID = "niger-coup-2023-08-09"


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
def meantime_dir() -> Path:
    if not (MEANTIME / "gold").is_dir():
        pytest.skip(f"MEANTIME not found at {MEANTIME} (it lives in ../shared, outside the repo)")
    return MEANTIME
