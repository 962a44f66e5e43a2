"""Build the staged spaCy pipeline from configs/pipeline.yaml."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from .config import load_pipeline_config
from .errors import ConfigError, Errors

STAGES = ("sahel_sentences", "sahel_gazetteer", "sahel_dates", "sahel_claims")


def load_model(name: str) -> Language:
    """The bare statistical pipeline, with a clear error when it is not installed."""
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ConfigError(Errors.E030.format(model=name, reason=exc)) from exc


def build_pipeline(config_path: Path | str | None = None) -> Language:
    """The model plus the four sahel stages, each initialised with its knowledge file."""
    config, base = load_pipeline_config(config_path)
    nlp = load_model(config.model)
    nlp.add_pipe("sahel_sentences", before="parser", config={"abbreviations": config.abbreviations})
    nlp.add_pipe("sahel_gazetteer", after="ner").initialize(nlp=nlp, path=str(base / config.gazetteer))
    nlp.add_pipe("sahel_dates", after="sahel_gazetteer")
    nlp.add_pipe("sahel_claims", after="sahel_dates").initialize(nlp=nlp, path=str(base / config.predicates))
    nlp.meta.setdefault("sahel", {})["batch_size"] = config.batch_size
    return nlp
