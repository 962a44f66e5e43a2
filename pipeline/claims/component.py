"""``sahel_claims``: rule-based relation extraction into SPEC section 4 claims.

``initialize`` loads configs/predicates.yaml (validated as
:class:`pipeline.models.PredicatesConfig`) and compiles its triggers once into lemma
tables (:class:`pipeline.claims.triggers.TriggerIndex`).
``__call__`` only calls the rules, in order, and writes ``doc._.claims``:

1. :meth:`TriggerIndex.find` - the triggers of the doc (phrases, light verbs, verbs,
   event nouns);
2. :func:`pipeline.claims.frames.heads.find_heads` - subject and object heads by voice,
   control, light verbs and nominal patterns; :func:`~pipeline.claims.argspans.expand`
   distributes coordination;
3. :func:`pipeline.claims.argspans.head_args` - heads to arguments: entity ids, linked
   descriptions, pronoun and description antecedents (:mod:`pipeline.claims.coref`), or
   the shortest noun phrase;
4. :func:`pipeline.claims.assembly.attributes` - negation, modality, source, quantity
   and date of the trigger's clause; reporting verbs make no claim, they set ``source``;
5. :func:`pipeline.claims.assembly.build_claims` and :func:`~pipeline.claims.assembly.dedupe`
   - stable ids, one claim per fact and sentence.

``to_disk`` writes the validated predicates config as JSON (``predicates.json``) and
where it came from (``cfg``); ``from_disk`` validates it again and compiles the
``TriggerIndex``, as ``initialize`` does, without reading YAML.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from pathlib import Path

from spacy import util
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..config import CONFIG_DIR, load_json_model
from ..doc import DATELINE_KEY, DATES_KEY, MENTIONS_KEY, TRIGGERS_KEY
from ..models import Claim, PredicatesConfig
from .argspans import expand, head_args, proxy_owner
from .assembly import attributes, build_claims, dedupe, text_key
from .coref import Arg, MentionIndex
from .dateline import datelines
from .frames.heads import claim_heads
from .frames.nominal import RULE_STATES
from .selection import admits_objects, designates_an_office, has_participant, reported_event
from .speakers import in_quotation, quotation_start, speaker_ids
from .triggers import RULE_NOMINAL, RULE_PHRASE, Trigger, TriggerIndex, load_predicates
from .vocab import FIRST_PERSON

DEFAULT_PREDICATES = CONFIG_DIR / "predicates.yaml"


class ClaimExtractor:
    """Writes ``doc._.claims`` (a list of :class:`pipeline.models.Claim`)."""

    def __init__(self, nlp: Language, name: str = "sahel_claims") -> None:
        self.nlp = nlp
        self.name = name
        self.path: str | None = None
        self.config: PredicatesConfig | None = None
        self.index: TriggerIndex | None = None

    def initialize(self, get_examples=None, *, nlp: Language | None = None, path: str | None = None) -> None:
        """Load and compile the predicate vocabulary of ``path`` (default
        configs/predicates.yaml); ``nlp`` is accepted as ``nlp.initialize`` passes it."""
        self.path = str(path or DEFAULT_PREDICATES)
        self._set_config(load_predicates(self.path))

    def _set_config(self, config: PredicatesConfig) -> None:
        self.config = config
        self.index = TriggerIndex(self.nlp.vocab, config)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write ``cfg`` (the source path) and, once initialised, ``predicates.json``."""
        serializers = {"cfg": lambda p: p.write_text(json.dumps({"path": self.path}), encoding="utf-8")}
        if self.config is not None:
            serializers["predicates.json"] = lambda p: p.write_text(self.config.model_dump_json(), encoding="utf-8")
        util.to_disk(path, serializers, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> ClaimExtractor:
        """Read what :meth:`to_disk` wrote and compile the trigger index."""

        def read_cfg(p: Path) -> None:
            if p.exists():
                self.path = json.loads(p.read_text(encoding="utf-8")).get("path")

        def read_predicates(p: Path) -> None:
            if p.exists():
                self._set_config(load_json_model(p, PredicatesConfig))

        util.from_disk(path, {"cfg": read_cfg, "predicates.json": read_predicates}, exclude)
        return self

    def __call__(self, doc: Doc) -> Doc:
        if self.index is None:  # not initialized: no vocabulary, no claims
            doc._.claims = []
            return doc
        ents = doc.ents  # read once for the resolver and the mention index
        linker = doc._.sahel_linker  # the gazetteer's, when it ran (pipeline.doc)
        owned = linker.owned(doc) if linker is not None else None
        describe = linker.resolver(doc, ents) if linker is not None else None
        speakers = linker.issuers(doc._.source) if linker is not None else ()
        state_of = linker.state_of if linker is not None else (lambda kb_id: kb_id)
        trigger_of: dict[str, list[int]] = {}
        doc._.claims = extract_claims(
            doc,
            self.index,
            describe=describe,
            describe_owned=owned,
            ents=ents,
            speakers=speakers,
            state_of=state_of,
            trigger_of=trigger_of,
        )
        kept = {c.id for c in doc._.claims}
        doc.user_data[TRIGGERS_KEY] = {k: v for k, v in trigger_of.items() if k in kept}
        doc.spans[DATELINE_KEY] = datelines(doc)
        return doc


def extract_claims(
    doc: Doc,
    index: TriggerIndex,
    *,
    describe=None,
    describe_owned=None,
    ents: tuple[Span, ...] | None = None,
    speakers: tuple[str, ...] = (),
    state_of=lambda kb_id: kb_id,
    trigger_of: dict[str, list[int]] | None = None,
) -> list[Claim]:
    """Every claim of ``doc`` (see the module docstring for the steps); ``ents``:
    ``doc.ents``, when the caller has read them; ``speakers``: who "we" is outside
    quotations; ``state_of``: the state a government body acts for (the linker's);
    ``trigger_of``, when given, receives each claim's trigger and event noun token indices
    (``{claim id: [i, noun i or -1]}``)."""
    config = index.config
    mentions = MentionIndex(
        doc,
        actor_nouns=config.actor_nouns,
        mentions_key=MENTIONS_KEY,
        describe=describe,
        describe_owned=describe_owned,
        ents=ents,
        speakers=speakers,
    )
    date_spans = list(doc.spans[DATES_KEY]) if DATES_KEY in doc.spans else []
    text = doc.text  # spaCy joins the tokens on every read
    article_key = text_key(text)
    # an event noun stands for its owner too: "recognizes the Mission's support to X"
    named_owners = frozenset(config.proxy_nouns)
    offices = frozenset(config.office_nouns)
    proxies = named_owners | frozenset(index.nouns)
    claims: list[Claim] = []
    triggers = index.find(doc)
    # "condemns these actions and calls for X": a verb the tagger read as a noun conjunct
    # of the object is no object of the first verb
    verb_nouns = frozenset(
        t.token.i for t in triggers if t.rule == RULE_PHRASE and t.token.pos_ == "NOUN" and t.token.dep_ == "conj"
    )
    for trig, heads in claim_heads(triggers, index, mentions):
        trig = _sense(_troop_movement(trig, heads, index), heads, index, mentions, offices)
        spec = index.spec(trig.predicate)
        if spec.object_owner and heads.objects:
            # "honor its commitments": a possessive pronoun is mostly the subject's own
            # (no one else's), so the noun stays the object
            owners = [_owner_or_self(o, mentions, proxies, named_owners) for o in heads.objects]
            heads = dataclasses.replace(heads, objects=tuple(dict.fromkeys(owners)))
        subjects = _args(heads.subjects, mentions, actors_only=True)
        exclude = frozenset(a.key for a in subjects)
        objects = _args(heads.objects, mentions, exclude=exclude, skip=verb_nouns - {trig.token.i})
        if heads.rule == RULE_STATES:
            subjects, objects = _states(subjects, state_of), _states(objects, state_of)
        if not _admitted(trig, spec, heads, subjects, objects, mentions, config.reporting_verbs):
            continue
        attrs = attributes(trig.token, date_spans, reporting_verbs=config.reporting_verbs)
        if trig.requested:
            attrs = dataclasses.replace(attrs, modality="hypothetical")
        if not attrs.sources and (said := _quotation_sources(doc, text, trig.token, date_spans, config)):
            # a sentence inside a quotation opened in an earlier one: its speaker speaks
            attrs = dataclasses.replace(attrs, sources=said)
        sources = _sources(attrs.sources, mentions)
        if in_quotation(text, trig.token.idx) and attrs.sources:
            # "We urge ...", said the spokesperson: the quoted speaker, or the body they speak for
            quoted = [i for span in attrs.sources for i in speaker_ids(span, state_of)]
            subjects, objects = _quoted_first_person(subjects, quoted), _quoted_first_person(objects, quoted)
        built = build_claims(
            article_key=article_key,
            trigger=trig.token,
            predicate=trig.predicate,
            subjects=subjects,
            objects=objects,
            attrs=attrs,
            sources=sources,
            rule=heads.rule,
            cameo=spec.cameo,
        )
        if trigger_of is not None:
            for claim in built:
                trigger_of.setdefault(claim.id, [trig.token.i, trig.noun.i if trig.noun is not None else -1])
        claims.extend(built)
    claims.sort(key=lambda c: (c.evidence.start, _first_offset(c)))
    return dedupe(claims)


def _sense(trig: Trigger, heads, index: TriggerIndex, mentions: MentionIndex, offices: frozenset[str]) -> Trigger:
    """The predicate's sense by its objects, through the spec's sense flags in turn:
    ``as_office`` (designated as an office: appoint), ``object_senses`` (suspending a
    constitution: cancel), ``office_sense`` (taking over the presidency: assume_office),
    ``no_actor_sense`` (recognizing sacrifices: support, unless ``own_sense_objects``)."""
    spec = index.spec(trig.predicate)
    objects = heads.objects
    if spec.as_office and designates_an_office(trig.token, objects, mentions.is_actor):
        trig = dataclasses.replace(trig, predicate=spec.as_office)
        spec = index.spec(trig.predicate)
    senses = {spec.object_senses.get(o.lemma_.lower()) for o in objects}
    if objects and len(senses) == 1 and None not in senses:
        trig = dataclasses.replace(trig, predicate=senses.pop())
        spec = index.spec(trig.predicate)
    if spec.office_sense and objects and all(o.lemma_.lower() in offices for o in objects):
        trig = dataclasses.replace(trig, predicate=spec.office_sense)
        spec = index.spec(trig.predicate)
    if (
        spec.no_actor_sense
        and objects
        and not any(_actor(t, mentions) for t in objects)
        and not any(t.lemma_.lower() in spec.own_sense_objects for t in objects)
    ):
        trig = dataclasses.replace(trig, predicate=spec.no_actor_sense)
    return trig


def _admitted(trig: Trigger, spec, heads, subjects, objects, mentions: MentionIndex, reporting_verbs) -> bool:
    """Whether the frame makes a claim: the arguments the predicate needs are there and
    fit its sense, and the trigger is no reporting verb's bare event noun."""
    if spec.object_required and not objects:
        return False
    if spec.subject_required and "passive" not in heads.rule:
        # an agentive predicate whose agent the text names (no agentless passive) needs an
        # actor that acts: none found, or "the provision ... depends on", is no claim
        if not (subjects and any(_actor(t, mentions) for t in heads.subjects)):
            return False
    if not has_participant(trig.rule, subjects, objects, nominal_rule=RULE_NOMINAL):
        return False
    actor_needed = spec.object_actor or trig.token.lemma_.lower() in spec.actor_verbs
    if actor_needed and (not heads.objects or not all(_actor(t, mentions) for t in heads.objects)):
        return False
    if not admits_objects(spec, heads.objects, lambda t: _actor(t, mentions)):
        return False
    return not reported_event(trig.token, trig.noun, heads.objects, reporting_verbs, preps=spec.object_preps)


def _troop_movement(trig: Trigger, heads, index: TriggerIndex) -> Trigger:
    """Movements of troops are deployments, not visits (docs/annotation.md: "deploy is for
    troops"): "Russian military personnel arrived in Ouagadougou" (``troop_subject``)."""
    becomes = index.spec(trig.predicate).troop_subject
    if becomes is None or not heads.subjects:
        return trig
    troops = frozenset(index.config.troop_nouns)
    if all(t.lemma_.lower() in troops for t in heads.subjects):
        return dataclasses.replace(trig, predicate=becomes)
    return trig


def _quoted_first_person(args: list[Arg], speakers: list[str]) -> list[Arg]:
    """First-person args of a quotation stand for its speakers (when known)."""
    if not speakers:
        return args
    out: list[Arg] = []
    for arg in args:
        if arg.text.lower() in FIRST_PERSON and arg.id is None:
            out.extend(Arg(arg.text, arg.start, arg.end, s) for s in speakers)
        else:
            out.append(arg)
    return out


def _quotation_sources(doc, text: str, token, date_spans, config) -> tuple:
    """The attribution of the sentence that opened the quotation ``token`` lies in, when
    that is an earlier sentence ("X said, 'We share ...'. We urge ..."); () otherwise."""
    opening = quotation_start(text, token.idx)
    if opening is None or opening >= token.sent.start_char:
        return ()
    first = doc.char_span(opening, opening + 1, alignment_mode="expand")
    if first is None:
        return ()
    sent = first.sent
    inside = next((t for t in sent if t.idx > opening and t.pos_ in ("VERB", "AUX")), None)
    if inside is None:
        return ()
    return attributes(inside, date_spans, reporting_verbs=config.reporting_verbs).sources


def _owner_or_self(token, mentions: MentionIndex, proxies: frozenset[str], named_owners: frozenset[str]):
    owner = proxy_owner(token, mentions, proxies, named_owners)
    return token if owner is None or (owner.dep_ == "poss" and owner.pos_ == "PRON") else owner


def _states(args: list[Arg], state_of) -> list[Arg]:
    """Each argument as the state it acts for ("Nigerien armed forces" -> Niger)."""
    return [dataclasses.replace(a, id=state_of(a.id)) if a.id else a for a in args]


def _first_offset(claim: Claim) -> int:
    offsets = [a.start for a in (claim.subject, claim.object) if a is not None]
    return min(offsets) if offsets else claim.evidence.start


def _args(
    heads,
    mentions: MentionIndex,
    *,
    exclude: frozenset[str] = frozenset(),
    actors_only: bool = False,
    skip: frozenset[int] = frozenset(),
) -> list[Arg]:
    """Heads to arguments, coordination distributed. With ``actors_only`` (subjects), a
    conjunct that is no actor beside one that is does not act: "the French troops and
    their equipment would leave" is the troops' leaving."""
    out: list[Arg] = []
    for head in heads:
        tokens = [t for t in expand(head, mentions) if t.i not in skip]
        some_actor = actors_only and len(tokens) > 1 and any(mentions.is_actor(t) for t in tokens)
        for token in tokens:
            args = head_args(token, mentions, exclude=exclude)
            if some_actor and not mentions.is_actor(token) and not any(a.id for a in args):
                continue
            out.extend(args)
    seen: set[tuple[str, int]] = set()
    return [a for a in out if not ((a.key, a.start) in seen or seen.add((a.key, a.start)))]


def _actor(token, mentions: MentionIndex) -> bool:
    return any(mentions.is_actor(t) for t in expand(token, mentions))


def _publisher(token, mentions: MentionIndex) -> Arg | None:
    """The organisation or country behind a document-like source: "U.N. figures",
    "the army's statement" (not an actor noun, one named owner)."""
    if mentions.is_actor(token) or token.pos_ != "NOUN":
        return None
    owners = [c for c in token.children if c.dep_ in ("compound", "poss", "nmod") and mentions.entity_at(c) is not None]
    owners = [mentions.entity_at(c) for c in owners if mentions.entity_at(c).label_ in ("ORG", "GPE")]
    return Arg.of(owners[0], owners[0].kb_id_) if len(owners) == 1 else None


def _sources(spans, mentions: MentionIndex) -> list[str]:
    """Source spans to ids (entity, description, antecedent) or, unlinked, their text."""
    out: list[str] = []
    for span in spans:
        member = mentions.member_for(span.root) or _publisher(span.root, mentions)
        for arg in [member] if member is not None else head_args(span.root, mentions):
            value = arg.id or arg.text
            if value not in out:
                out.append(value)
    return out


@Language.factory("sahel_claims", assigns=["doc._.claims"], requires=["doc.ents", "token.dep"])
def make_claim_extractor(nlp: Language, name: str) -> ClaimExtractor:
    return ClaimExtractor(nlp, name)


__all__ = ["ClaimExtractor", "Trigger", "extract_claims"]
