"""``sahel_codes``: actor codes (SPEC section 4, revision 2) on claim arguments.

Runs after ``sahel_claims``. ``initialize(nlp=..., path=...)`` loads and validates
configs/actor_codes.yaml (:class:`pipeline.models.ActorCodesConfig`, derived from
PETRARCH2's Phoenix dictionaries by scripts/derive_actor_codes.py) into lookup tables
(:mod:`pipeline.codes.tables`). ``__call__`` reads only the Doc: ``doc._.claims``, the
entities, the article's date, and the gazetteer's linker
(``doc._.sahel_linker``: the gazetteer's codes, which win for every entity it links), and
writes each claim's ``subject`` and ``object`` again with ``country`` and ``sector``
(:func:`pipeline.codes.rules.code_arg`); nothing else of a claim changes, its id neither.

``to_disk`` writes the validated tables as JSON (``actor_codes.json``) and where they came
from (``cfg``); ``from_disk`` validates them again without reading YAML.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from spacy import util
from spacy.language import Language
from spacy.tokens import Doc

from ..config import CONFIG_DIR, load_json_model
from ..models import ActorCodesConfig, Claim, ClaimArg
from .rules import CodeContext, arg_span, code_arg, main_country
from .tables import CodeTables, build_tables, load_actor_codes

DEFAULT_ACTOR_CODES = CONFIG_DIR / "actor_codes.yaml"


class ActorCoder:
    """Sets ``country``/``sector`` on the arguments of ``doc._.claims``."""

    def __init__(self, nlp: Language, name: str = "sahel_codes") -> None:
        self.nlp = nlp
        self.name = name
        self.path: str | None = None
        self.config: ActorCodesConfig | None = None
        self.tables: CodeTables | None = None

    def initialize(self, get_examples=None, *, nlp: Language | None = None, path: str | None = None) -> None:
        """Load ``path`` (default configs/actor_codes.yaml); ``nlp`` is accepted as
        ``nlp.initialize`` passes it."""
        self.path = str(path or DEFAULT_ACTOR_CODES)
        self._set_config(load_actor_codes(self.path))

    def _set_config(self, config: ActorCodesConfig) -> None:
        self.config = config
        self.tables = build_tables(config)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write ``cfg`` (the source path) and, once initialised, ``actor_codes.json``."""
        serializers = {"cfg": lambda p: p.write_text(json.dumps({"path": self.path}), encoding="utf-8")}
        if self.config is not None:
            serializers["actor_codes.json"] = lambda p: p.write_text(self.config.model_dump_json(), encoding="utf-8")
        util.to_disk(path, serializers, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> ActorCoder:
        """Read what :meth:`to_disk` wrote and build the tables."""

        def read_cfg(p: Path) -> None:
            if p.exists():
                self.path = json.loads(p.read_text(encoding="utf-8")).get("path")

        def read_codes(p: Path) -> None:
            if p.exists():
                self._set_config(load_json_model(p, ActorCodesConfig))

        util.from_disk(path, {"cfg": read_cfg, "actor_codes.json": read_codes}, exclude)
        return self

    def __call__(self, doc: Doc) -> Doc:
        claims = doc._.claims
        if self.tables is None or not claims:
            return doc
        linker = doc._.sahel_linker
        ents = tuple(doc.ents)
        ctx = CodeContext(
            linker=linker, tables=self.tables, day=doc._.published, main_country=main_country(ents, linker), ents=ents
        )
        known: dict[tuple[int, int, str | None], tuple[str | None, str | None]] = {}
        doc._.claims = [code_claim(doc, claim, ctx, known) for claim in claims]
        return doc


def _coded(doc: Doc, arg: ClaimArg | None, ctx: CodeContext, known: dict) -> ClaimArg | None:
    if arg is None:
        return None
    key = (arg.start, arg.end, arg.id)
    if key not in known:  # an argument of several claims is coded once
        known[key] = code_arg(arg, arg_span(doc, arg), ctx)
    country, sector = known[key]
    if (country, sector) == (arg.country, arg.sector):
        return arg
    return arg.model_copy(update={"country": country, "sector": sector})


def code_claim(doc: Doc, claim: Claim, ctx: CodeContext, known: dict | None = None) -> Claim:
    """``claim`` with its arguments coded (the same object when nothing changes)."""
    known = {} if known is None else known
    subject, obj = _coded(doc, claim.subject, ctx, known), _coded(doc, claim.object, ctx, known)
    if subject is claim.subject and obj is claim.object:
        return claim
    return claim.model_copy(update={"subject": subject, "object": obj})


@Language.factory("sahel_codes", assigns=["doc._.claims"], requires=["doc._.claims"])
def make_actor_coder(nlp: Language, name: str) -> ActorCoder:
    return ActorCoder(nlp, name)
