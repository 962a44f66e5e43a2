"""configs/actor_codes.yaml as lookup tables (scispacy's ``linking_utils`` style: plain
records built by a pure function), and how it is loaded.

The file is derived from PETRARCH2's Phoenix dictionaries by scripts/derive_actor_codes.py
(:class:`pipeline.models.ActorCodesConfig`): ``countries`` (names, adjectives and cities,
lower case -> ISO alpha-3), ``agents`` (agent nouns, last word singular -> sector) and
``actors`` (people and organisations, upper case without accents -> dated codes).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from ..config import load_yaml_model
from ..gazetteer.kb import DatedCodes
from ..models import ActorCodesConfig


@dataclass
class CodeTables:
    countries: dict[str, str] = field(default_factory=dict)
    agents: dict[str, str] = field(default_factory=dict)
    actors: dict[str, tuple[DatedCodes, ...]] = field(default_factory=dict)
    longest_country: int = 1  # words in the longest country name


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def build_tables(config: ActorCodesConfig) -> CodeTables:
    """The lookup tables of ``config`` (pure)."""
    actors = {
        name: tuple(DatedCodes(country, sector, _day(start), _day(end)) for country, sector, start, end in codes)
        for name, codes in config.actors.items()
    }
    longest = max((len(n.split()) for n in config.countries), default=1)
    return CodeTables(dict(config.countries), dict(config.agents), actors, longest)


def load_actor_codes(path: str | Path) -> ActorCodesConfig:
    """Read and validate configs/actor_codes.yaml. The file is large (~1 MB), so it is parsed
    with libyaml when PyYAML has it; a file that fails validation is read again by
    :func:`pipeline.config.load_yaml_model` for its messages (file, line, field)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - a safe loader
        return ActorCodesConfig.model_validate(data)
    except (OSError, yaml.YAMLError, ValidationError, UnicodeDecodeError):
        return load_yaml_model(path, ActorCodesConfig)


def plain(name: str) -> str:
    """Upper case without accents, single spaces: how ``actors`` is keyed."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(folded.upper().split())


def singular(word: str) -> str:
    """The regular singular PETRARCH assumes (``-ies`` -> ``-y``, ``-sses`` -> ``-ss``, ``-s``
    dropped), as the ``agents`` table is keyed (scripts/derive_actor_codes.py)."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def dated(codes: tuple[DatedCodes, ...], day: dt.date | None) -> tuple[str | None, str | None] | None:
    """The first of ``codes`` in force on ``day`` (without a day: the undated one)."""
    for c in codes:
        if c.holds(day):
            return c.country, c.sector
    return None
