"""``sahel_places``: where each claimed event happened (SPEC section 4, revision 2).

Runs after ``sahel_claims`` and sets ``location`` on the claims of ``doc._.claims``,
reading only the Doc (:mod:`pipeline.doc`): the claims' triggers
(``user_data[TRIGGERS_KEY]``), the entities and their gazetteer ids, what the article is
about (``user_data[FOCUS_KEY]``) and the wire datelines (``spans[DATELINE_KEY]``).

1. :func:`pipeline.places.rules.clause_place` - the place of the claim's own clause:
   a place preposition's object, a fronted one, one on the subject, or the object of a
   ``place_object`` predicate (configs/predicates.yaml);
2. else, for a ``local_event`` predicate whose sentence names no place, the place of the
   article's last wire dateline before it ("BAMAKO, Mali (Reuters) -"): a physical event
   reported from a place happened there; a statement, an appeal, a sanction did not;
3. the place resolved against configs/places.json (:class:`~pipeline.places.table.PlaceTable`,
   GeoNames-derived): its GeoNames id, country, admin1 and centre; ambiguous names go to
   the country the sentence names, then to the countries the article is about.

``initialize(nlp=..., path=..., predicates=...)`` loads and validates the place table
and the predicates' place flags; ``to_disk`` writes both as JSON, ``from_disk`` reads them
back without YAML.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from spacy import util
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..config import CONFIG_DIR, load_json_model
from ..doc import DATELINE_KEY, FOCUS_KEY, TRIGGERS_KEY
from ..models import Claim, Location, PlaceRecord, PlacesConfig, Strict
from .rules import (
    BORDER,
    Context,
    Mention,
    clause_distance,
    clause_place,
    entity_at,
    in_place_phrase,
    last_entity_before,
    shared_heads,
)
from .table import PlaceTable, fold
from .vocab import PLACE_LABELS

DEFAULT_PLACES = CONFIG_DIR / "places.json"
DEFAULT_PREDICATES = CONFIG_DIR / "predicates.yaml"


class PlaceFlags(Strict):
    """The place behaviour of one predicate (``PredicateSpec``'s place fields)."""

    place_object: bool = False
    place_preps: list[str] = []
    local_event: bool = False
    place_trigger_only: bool = False


class PlaceFlagsConfig(Strict):
    predicates: dict[str, PlaceFlags] = {}
    reporting_verbs: list[str] = []


def load_place_flags(path: str | Path) -> PlaceFlagsConfig:
    """The place flags of each predicate of configs/predicates.yaml (validated there)."""
    from ..claims.triggers import load_predicates  # the one reader of predicates.yaml

    config = load_predicates(str(path))
    return PlaceFlagsConfig(
        predicates={
            p.name: PlaceFlags(
                place_object=p.place_object,
                place_preps=p.place_preps,
                local_event=p.local_event,
                place_trigger_only=p.place_trigger_only,
            )
            for p in config.predicates
        },
        reporting_verbs=config.reporting_verbs,
    )


class PlaceResolver:
    """Sets ``location`` on ``doc._.claims``; see the module docstring."""

    def __init__(self, nlp: Language, name: str = "sahel_places") -> None:
        self.nlp = nlp
        self.name = name
        self.path: str | None = None
        self.table: PlaceTable | None = None
        self.flags = PlaceFlagsConfig()

    def initialize(
        self,
        get_examples=None,
        *,
        nlp: Language | None = None,
        path: str | None = None,
        predicates: str | None = None,
    ) -> None:
        """Load the place table ``path`` (default configs/places.json) and the place flags
        of ``predicates`` (default configs/predicates.yaml)."""
        self.path = str(path or DEFAULT_PLACES)
        self.table = PlaceTable(load_json_model(self.path, PlacesConfig))
        self.flags = load_place_flags(predicates or DEFAULT_PREDICATES)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write ``cfg`` (the source path) and, once initialised, ``places.json`` and
        ``flags.json``."""
        serializers = {"cfg": lambda p: p.write_text(json.dumps({"path": self.path}), encoding="utf-8")}
        if self.table is not None:
            table = self.table.config
            serializers["places.json"] = lambda p: p.write_text(table.model_dump_json(), encoding="utf-8")
            serializers["flags.json"] = lambda p: p.write_text(self.flags.model_dump_json(), encoding="utf-8")
        util.to_disk(path, serializers, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> PlaceResolver:
        """Read what :meth:`to_disk` wrote."""

        def read_cfg(p: Path) -> None:
            if p.exists():
                self.path = json.loads(p.read_text(encoding="utf-8")).get("path")

        def read_places(p: Path) -> None:
            if p.exists():
                self.table = PlaceTable(load_json_model(p, PlacesConfig))

        def read_flags(p: Path) -> None:
            if p.exists():
                self.flags = load_json_model(p, PlaceFlagsConfig)

        util.from_disk(path, {"cfg": read_cfg, "places.json": read_places, "flags.json": read_flags}, exclude)
        return self

    def __call__(self, doc: Doc) -> Doc:
        claims = doc._.claims
        if self.table is None or not claims:
            return doc
        doc._.claims = locate_claims(doc, claims, self.table, self.flags)
        return doc


def article_countries(doc: Doc, table: PlaceTable) -> dict[str, float]:
    """Alpha-3 code -> how much the article is about the country: the mentions of it (GPE;
    NORP, "Malian", half), half of those of its towns and regions (not the dateline's), and
    once more what the gazetteer found the article is about (``user_data[FOCUS_KEY]``)."""
    weights: dict[str, float] = defaultdict(float)

    def add(key: str, count: float) -> None:
        code = table.country_of(key)
        if code is not None:
            weights[code] += count
        elif (code := table.code_of_id(key)) is not None:
            weights[code] += count / 2

    dated = {(d.start, d.end) for d in doc.spans[DATELINE_KEY]} if DATELINE_KEY in doc.spans else set()
    for ent in doc.ents:
        if ent.label_ in ("GPE", "NORP") and (ent.start, ent.end) not in dated:  # a dateline: where it was filed
            add(ent.kb_id_ or ent.text, 1 if ent.label_ == "GPE" else 0.5)
    for kb_id, count in doc.user_data.get(FOCUS_KEY, {}).items():
        add(kb_id, count)
    return dict(weights)


def _main_country(weights: dict[str, float], table: PlaceTable) -> str | None:
    """The id of the country the article is most about, when one leads."""
    ranked = sorted(weights.items(), key=lambda kv: -kv[1])
    if not ranked or (len(ranked) > 1 and ranked[1][1] >= ranked[0][1]):
        return None
    for record in table.config.places:
        if record.kind == "country" and record.country == ranked[0][0]:
            return record.id
    return None


def place_context(doc: Doc, table: PlaceTable, focus: dict[str, float]) -> Context:
    """What the rules may ask of ``doc`` and the table (:class:`~pipeline.places.rules.Context`)."""
    home = None
    if DATELINE_KEY in doc.spans and len(doc.spans[DATELINE_KEY]):
        record = table.resolve([doc.spans[DATELINE_KEY][0].text], focus=focus)
        home = table.countries[record.country].id if record is not None and record.country in table.countries else None

    def is_country(name: str) -> bool:
        return table.country_of(name) is not None

    def capital_of(country: str) -> str | None:
        code = table.country_of(country)
        record = table.countries.get(code) if code else None
        return record.capital if record is not None else None

    return Context(
        known=lambda text: fold(text) in table.by_name,
        is_country=is_country,
        capital_of=capital_of,
        country_before=last_entity_before(doc, lambda e: e.label_ == "GPE" and is_country(e.kb_id_ or e.text)),
        place_before=last_entity_before(doc, in_place_phrase),
        main_country=_main_country(focus, table),
        home_country=home,
    )


def locate_claims(doc: Doc, claims: list[Claim], table: PlaceTable, flags: PlaceFlagsConfig) -> list[Claim]:
    """``claims`` with ``location`` set where the text says (see the module docstring)."""
    triggers = doc.user_data.get(TRIGGERS_KEY, {})
    focus = article_countries(doc, table)
    ctx = place_context(doc, table, focus)
    datelines = list(doc.spans[DATELINE_KEY]) if DATELINE_KEY in doc.spans else []
    trigger_words = {i for pair in triggers.values() for i in pair if i >= 0}
    reporting = frozenset(flags.reporting_verbs)

    def is_event(token) -> bool:
        return token.i in trigger_words or token.lemma_.lower() in reporting

    out = []
    for claim in claims:
        found = triggers.get(claim.id)
        spec = flags.predicates.get(claim.predicate, PlaceFlags())
        if found is None:
            out.append(claim)
            continue
        trigger = doc[found[0]]
        anchors = [trigger] + ([doc[found[1]]] if found[1] >= 0 else [])
        place_objects = []
        if spec.place_object and claim.object is not None:
            span = doc.char_span(claim.object.start, claim.object.end, alignment_mode="expand")
            if span is not None and trigger.sent.start <= span.root.i < trigger.sent.end:
                place_objects.append(span.root)  # (an antecedent elsewhere: the clause's own words say where)
        mention = clause_place(
            anchors,
            ctx,
            extra_preps=spec.place_preps,
            place_objects=place_objects,
            shared=[h for a in anchors for h in shared_heads(a, is_event=is_event)],
            trigger_only=spec.place_trigger_only,
        )
        if mention is None and spec.local_event:
            mention = _dateline_place(trigger, datelines, table, focus)
        out.append(
            claim if mention is None else claim.model_copy(update={"location": to_location(mention, table, focus)})
        )
    return out


def _dateline_place(trigger, datelines: list[Span], table: PlaceTable, focus: dict[str, float]) -> Mention | None:
    """The place of the last dateline at or before the sentence of ``trigger``, when the
    sentence names no place of its own near the trigger (a place preposition's object, at
    most one clause away: "Niger's junta" is an actor, "... as the bloc threatens to
    intervene in Niger" another event) and the dateline's place lies in a country the
    article is about (a story filed from a regional bureau, "DAKAR (Reuters) - ... in
    northern Mali", is not local to Dakar)."""
    sent = trigger.sent
    before = [d for d in datelines if d.start <= sent.start or d.sent.start == sent.start]
    if not before:
        return None
    dateline = before[-1]
    for ent in sent.ents:
        if ent.label_ in PLACE_LABELS and in_place_phrase(ent) and not dateline.start <= ent.start < dateline.end:
            if clause_distance(ent.root, trigger) < 2:
                return None
    record = table.resolve([dateline.text], focus=focus)
    if record is None or focus.get(record.country or "", 0) <= 0:
        return None
    return Mention(dateline, dateline.text, None)


def to_location(mention: Mention, table: PlaceTable, focus: dict[str, float]) -> Location:
    """The ``Location`` of ``mention``: its words, the id (the gazetteer's, else the
    record's) and the record's geographic fields (``null`` when no record)."""
    hints = [c for c in (table.country_of(n) for n in mention.countries) if c is not None]
    record: PlaceRecord | None = None
    if mention.kind == BORDER:
        record = None  # "the border with Mali" is no place of the table, nor in Mali
    elif mention.kb_id and fold(mention.kb_id) not in table.by_id and mention.kind is None:
        record = None  # linked to what the table does not hold ("the Sahel", a wider area): no guess
    else:
        record = table.resolve([mention.name], kb_id=mention.kb_id, kind=mention.kind, countries=hints, focus=focus)
    if record is None:
        place_id = mention.kb_id
    elif mention.kb_id and fold(mention.kb_id) == fold(record.id or ""):
        place_id = mention.kb_id
    else:
        place_id = record.id
    span = mention.span
    return Location(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        id=place_id,
        geonames=record.geonames if record else None,
        country=record.country if record else None,
        admin1=record.admin1 if record else None,
        lat=record.lat if record else None,
        lon=record.lon if record else None,
    )


@Language.factory("sahel_places", assigns=["doc._.claims"], requires=["doc._.claims"])
def make_place_resolver(nlp: Language, name: str) -> PlaceResolver:
    return PlaceResolver(nlp, name)


__all__ = ["PlaceResolver", "entity_at", "locate_claims", "make_place_resolver"]
