"""Build the staged spaCy pipeline from configs/pipeline.yaml, or load it from the cache
of an earlier build (:mod:`pipeline.batch.cache`)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from ..claims import component as _claims  # noqa: F401  (each import registers a stage's factory)
from ..codes import component as _codes  # noqa: F401
from ..config import load_pipeline_config
from ..dates import component as _dates  # noqa: F401
from ..errors import ConfigError, Errors
from ..gazetteer import component as _gazetteer  # noqa: F401
from ..places import component as _places  # noqa: F401
from ..sentences import component as _sentences  # noqa: F401
from .cache import load_or_build

STAGES = ("sahel_sentences", "sahel_gazetteer", "sahel_dates", "sahel_claims", "sahel_codes", "sahel_places")


def load_model(name: str) -> Language:
    """The bare statistical pipeline, with a clear error when it is not installed."""
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ConfigError(Errors.E030.format(model=name, reason=exc)) from exc


def build_pipeline(config_path: Path | str | None = None) -> Language:
    """The model plus the sahel stages, each initialised with its knowledge file."""
    config, base = load_pipeline_config(config_path)
    nlp = load_model(config.model)
    sentences = {"abbreviations": config.abbreviations, "max_tokens": config.max_sentence_tokens}
    nlp.add_pipe("sahel_sentences", before="parser", config=sentences)
    nlp.add_pipe("sahel_gazetteer", after="ner").initialize(nlp=nlp, path=str(base / config.gazetteer))
    nlp.add_pipe("sahel_dates", after="sahel_gazetteer")
    nlp.add_pipe("sahel_claims", after="sahel_dates").initialize(nlp=nlp, path=str(base / config.predicates))
    nlp.add_pipe("sahel_codes", after="sahel_claims").initialize(nlp=nlp, path=str(base / config.actor_codes))
    places = nlp.add_pipe("sahel_places", after="sahel_codes")
    places.initialize(nlp=nlp, path=str(base / config.places), predicates=str(base / config.predicates))
    nlp.meta.setdefault("sahel", {})["batch_size"] = config.batch_size
    nlp.meta["sahel"]["max_article_chars"] = config.max_article_chars
    return nlp


@lru_cache(maxsize=4)
def _cached_pipeline(config: str | None) -> Language:
    return load_or_build(config, lambda: build_pipeline(config))


def load_pipeline(config: Path | str | None = None) -> Language:
    """The full pipeline for ``config`` (default configs/pipeline.yaml), once per process:
    loaded from the start-up cache, or built (and then cached)."""
    return _cached_pipeline(str(Path(config).resolve()) if config else None)
