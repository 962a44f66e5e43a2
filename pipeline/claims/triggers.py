"""Triggers: the words that carry a predicate, found in the parse by lemma.

A :class:`TriggerIndex` is compiled once from configs/predicates.yaml
(:class:`pipeline.models.PredicatesConfig`) and finds, in a ``Doc``:

- ``phrase``: multi-word triggers ("cut off", "be in touch with", "call on"), the first
  word being the trigger and the others standing below it in the parse, in order;
- ``patient-phrase``: phrases whose subject undergoes the event ("remain in custody");
- ``light-verb``: a light verb with an event noun as object ("held talks with",
  "introduced sanctions", "engaged in talks"): the noun gives the predicate, the verb
  its clause;
- ``converse``: a converse verb with an event noun ("faced opposition from X");
- ``verb``: a trigger verb ("voided", "visited"); a reporting verb with a clausal
  complement reports, it is no trigger ("suggested that ...");
- a trigger verb used as an adjective ("the detained president") makes no claim;
- ``nominal``: an event noun on its own ("their visit to Mali"); the argument rules keep
  it only when it names its agent. An event noun that is the object of another trigger
  ("declined their visit", "threatened military intervention") is that claim's object,
  not a claim of its own.

One token carries at most one trigger; a phrase wins over a light verb, which wins over
a single word. The component decides nothing here: it only keeps what the argument rules
can fill.

The vocabulary is compiled into dicts keyed by lemma (a phrase by its first word) and
into arrays of lemma hashes, rather than into spaCy ``Matcher``/``DependencyMatcher``
patterns: the ``{"LEMMA": {"IN": [...]}}`` predicates of those were evaluated on every
token of every doc and cost more than the whole model (docs/performance.md). One
``Doc.to_array([LEMMA, POS])`` and one binary search of its lemmas in the vocabulary's
hashes (:meth:`TriggerIndex.scan`) find the few candidate tokens; only those become
``Token`` objects. The semantics are the matchers' ones: lemmas compared exactly
(``lemma_``), and among several readings of a token the one the matchers gave first (the
longest phrase, then config order, then the earliest words; a light verb's earliest
object noun, then "in" + noun, then a converse noun).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from spacy.attrs import LEMMA, POS
from spacy.errors import Errors
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from ..config import load_yaml_model
from ..models import PredicatesConfig, PredicateSpec
from .clause_chain import has_to_marker
from .repairs import object_first_report, split_clause_coordination
from .vocab import CLAUSE_BOUNDARY_DEPS, NOUN_POS, PATIENT_DEPS, PREP_DEPS, RESULTATIVE, VERB_POS

MAX_PHRASE_DEPTH = 3

RULE_PHRASE = "phrase"
RULE_PATIENT = "patient-phrase"
RULE_LIGHT = "light-verb"
RULE_CONVERSE = "converse"
RULE_VERB = "verb"
RULE_PARTICIPLE = "participle"
RULE_NOMINAL = "nominal"

# what a lemma can be, as bits of TriggerIndex.scan's table (then one bit per word POS)
_PHRASE_START, _PHRASE_WORD, _LIGHT, _WORD_BIT = 1, 2, 4, 8


@dataclass(frozen=True)
class Trigger:
    """A predicate found at ``token`` (the verb of the clause, or the event noun of a
    ``nominal``). ``noun`` is the event noun of a light or converse verb; ``obj_prep``
    the final preposition of a phrase (its object is the claim's object); ``words`` the
    tokens of the phrase; ``slots`` the indices of its words written with alternatives
    ("pause aid|cooperation"): such a word is what the event is done to, so it can be the
    object, while a fixed word is part of the idiom ("use force", "take power")."""

    token: Token
    predicate: str
    rule: str
    noun: Token | None = None
    obj_prep: Token | None = None
    words: tuple[Token, ...] = field(default_factory=tuple)
    slots: frozenset[int] = frozenset()
    # what an appeal or a demand asks for ("urged X to free Y", "called for the release of
    # Y"): a claim of its own, hypothetical (SPEC section 4, requested events)
    requested: bool = False


def phrase_words(phrase: str) -> list[list[str]]:
    """ "call on|upon" -> [["call"], ["on", "upon"]]."""
    return [word.split("|") for word in phrase.lower().split()]


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def depth_below(token: Token, ancestor: Token) -> int | None:
    """How many arcs ``token`` stands below ``ancestor`` within its clause (None when it
    does not, or when the path crosses into another clause: "there are whispers that they
    have been in touch" is no "be in touch" of "are")."""
    depth, node = 0, token
    while node.i != ancestor.i:
        if node.head.i == node.i or (node.dep_ in CLAUSE_BOUNDARY_DEPS and node.pos_ in ("VERB", "AUX")):
            return None
        node, depth = node.head, depth + 1
    return depth


def is_reporting_use(token: Token, reporting: frozenset[str]) -> bool:
    """A reporting verb that reports a clause ("said that", "suggesting it's unlikely"),
    not one misparsed over the main clause ("..., a charge Paris denies")."""
    if _lemma(token) not in reporting or not any(c.dep_ in ("ccomp", "parataxis") for c in token.children):
        return False
    return not object_first_report(token)


@dataclass(frozen=True)
class Phrase:
    """A compiled phrase: the lemma alternatives of each word after the first."""

    predicate: str
    rule: str
    rest: tuple[frozenset[str], ...]
    slotted: tuple[bool, ...]
    rest_ids: tuple[frozenset[int], ...] = ()  # the hashes of ``rest``
    for_to: bool = False  # two words, the second "for": also a for-to clause (for_to_clause)


@dataclass(frozen=True)
class Scan:
    """The candidate tokens of one Doc (:meth:`TriggerIndex.scan`), by index in text
    order: tokens whose lemma starts a phrase, is a light or converse verb, or is a
    trigger word with its POS; and where the phrases' other words occur last (lemma hash
    -> token index)."""

    phrase_starts: list[int]
    last_word: dict[int, int]
    light: list[int]
    words: list[int]


def load_predicates(path: Path | str) -> PredicatesConfig:
    """The predicates config at ``path``, validated, with the trigger breadth it names
    (``breadth:``, a file beside it) merged in: the vocabulary the claims stage runs with."""
    path = Path(path)
    config = load_yaml_model(path, PredicatesConfig)
    if config.breadth:
        config = merge_breadth(config, load_yaml_model(path.parent / config.breadth, PredicatesConfig))
    return config


def merge_breadth(config: PredicatesConfig, derived: PredicatesConfig) -> PredicatesConfig:
    """``config`` with the verbs, nouns and phrases of ``derived`` added to its predicates
    of the same name (pure). The hand lists stay the authority: a word that any predicate
    of ``config`` lists as verb, noun or phrase head, a reporting, light, converse or
    content verb, or one of ``config.breadth_exclude`` is not taken."""
    taken_verbs = {v for p in config.predicates for v in p.verbs}
    taken_nouns = {n for p in config.predicates for n in p.nouns}
    stop = set(config.reporting_verbs) | set(config.light_verbs) | set(config.converse_verbs)
    stop |= set(config.content_verbs) | set(config.breadth_exclude)
    known_phrases = {ph for p in config.predicates for ph in (*p.phrases, *p.patient_phrases)}
    extra = {p.name: p for p in derived.predicates}
    merged = []
    for spec in config.predicates:
        more = extra.get(spec.name)
        if more is None:
            merged.append(spec)
            continue
        verbs = [v for v in more.verbs if v not in taken_verbs and v not in stop]
        nouns = [n for n in more.nouns if n not in taken_nouns and n not in stop]
        phrases = [ph for ph in more.phrases if ph not in known_phrases and phrase_words(ph)[0][0] not in stop]
        taken_verbs.update(verbs)
        taken_nouns.update(nouns)
        merged.append(
            spec.model_copy(
                update={
                    "verbs": [*spec.verbs, *verbs],
                    "nouns": [*spec.nouns, *nouns],
                    "phrases": [*spec.phrases, *phrases],
                }
            )
        )
    return config.model_copy(update={"predicates": merged})


class TriggerIndex:
    """The compiled trigger vocabulary of one :class:`PredicatesConfig`."""

    def __init__(self, vocab: Vocab, config: PredicatesConfig) -> None:
        self.config = config
        self.specs: dict[str, PredicateSpec] = {p.name: p for p in config.predicates}
        self.reporting = frozenset(config.reporting_verbs)
        self.light = frozenset(config.light_verbs)
        self.converse = frozenset(config.converse_verbs)
        self.noun_predicate = {n: p.name for p in config.predicates for n in p.nouns}
        self.verb_predicate = {v: p.name for p in config.predicates for v in p.verbs}
        self.actor_verbs = frozenset(v for p in config.predicates for v in p.actor_verbs)
        self.nouns = frozenset(self.noun_predicate)
        # (lemma, coarse POS) -> (rule, predicate); the first predicate listing it wins
        self.word_rules: dict[tuple[str, str], tuple[str, str]] = {}
        # first word lemma -> its phrases, in config order (phrases, then patient phrases)
        self.phrase_starts: dict[str, list[Phrase]] = {}
        self.phrases: dict[str, tuple[str, str, tuple[bool, ...]]] = {}
        self._compile(config)

    def _compile(self, config: PredicatesConfig) -> None:
        for spec in config.predicates:
            for rule, lemmas, tags in ((RULE_VERB, spec.verbs, VERB_POS), (RULE_NOMINAL, spec.nouns, NOUN_POS)):
                for lemma in lemmas:
                    for pos in tags:
                        self.word_rules.setdefault((lemma, pos), (rule, spec.name))
            for rule, phrases in ((RULE_PHRASE, spec.phrases), (RULE_PATIENT, spec.patient_phrases)):
                for n, phrase in enumerate(phrases):
                    words = phrase_words(phrase)
                    slotted = tuple(len(w) > 1 for w in words)
                    self.phrases[f"{rule}|{spec.name}|{n}"] = (spec.name, rule, slotted)
                    rest = tuple(frozenset(w) for w in words[1:])
                    rest_ids = tuple(frozenset(get_string_id(x) for x in w) for w in rest)
                    for_to = len(rest) == 1 and "for" in rest[0]
                    compiled = Phrase(spec.name, rule, rest, slotted, rest_ids, for_to)
                    for first in dict.fromkeys(words[0]):
                        self.phrase_starts.setdefault(first, []).append(compiled)
        # lemma hash -> what it can be (bits), as sorted arrays for TriggerIndex.scan
        bits: dict[int, int] = {}

        def mark(words, bit: int) -> None:
            for h in {get_string_id(w) for w in words}:
                bits[h] = bits.get(h, 0) | bit

        mark(self.phrase_starts, _PHRASE_START)
        mark((w for ps in self.phrase_starts.values() for p in ps for alts in p.rest for w in alts), _PHRASE_WORD)
        mark(self.light | self.converse, _LIGHT)
        self.word_bits: dict[int, int] = {}  # POS id -> its bit
        for pos in dict.fromkeys(p for _, p in self.word_rules):
            self.word_bits[POS_IDS[pos]] = _WORD_BIT << len(self.word_bits)
            mark((lemma for lemma, p in self.word_rules if p == pos), self.word_bits[POS_IDS[pos]])
        self.lemma_ids = np.array(sorted(bits), dtype=np.uint64)
        self.lemma_bits = np.array([bits[h] for h in sorted(bits)], dtype=np.int64)

    def scan(self, doc: Doc) -> Scan:
        """The candidate tokens of ``doc``: one ``to_array`` and one binary search of its
        lemma hashes in the vocabulary's."""
        array = doc.to_array([LEMMA, POS])
        lemmas, pos = array[:, 0], array[:, 1]
        if not len(self.lemma_ids) or not len(lemmas):
            return Scan([], {}, [], [])
        at = np.searchsorted(self.lemma_ids, lemmas)
        at[at == len(self.lemma_ids)] = 0
        bits = np.where(self.lemma_ids[at] == lemmas, self.lemma_bits[at], 0)
        words = np.zeros(len(lemmas), dtype=bool)
        for pos_id, bit in self.word_bits.items():
            words |= ((bits & bit) != 0) & (pos == pos_id)
        words_at = np.flatnonzero(bits & _PHRASE_WORD)
        return Scan(
            np.flatnonzero(bits & _PHRASE_START).tolist(),
            dict(zip(lemmas[words_at].tolist(), words_at.tolist(), strict=True)),  # the last one wins
            np.flatnonzero(bits & _LIGHT).tolist(),
            np.flatnonzero(words).tolist(),
        )

    def spec(self, predicate: str) -> PredicateSpec:
        return self.specs[predicate]

    def find(self, doc: Doc) -> list[Trigger]:
        """Every trigger of ``doc``, at most one per token, in text order."""
        require_parse(doc)
        scan = self.scan(doc)
        found: dict[int, tuple[int, Trigger]] = {}
        used: set[int] = set()

        def offer(rank: int, trig: Trigger) -> None:
            best = found.get(trig.token.i)
            if best is None or rank > best[0]:
                found[trig.token.i] = (rank, trig)

        for trig in phrase_triggers(doc, self, scan):
            offer(100 + len(trig.words), trig)
        for trig in light_triggers(doc, self, scan):
            if trig.token.i not in found and not self._own_trigger(trig.token):
                offer(50, trig)
        for _, trig in found.values():
            used.update(t.i for t in trig.words[1:])
            if trig.noun is not None:
                used.add(trig.noun.i)
        for trig in word_triggers(doc, self, scan):
            if trig.token.i in used or trig.token.i in found:
                continue
            offer(10, trig)
        # an event noun that is a trigger verb's object is that claim's object, unless the verb
        # asks for it or takes a stance on it ("demanded the release of X", "condemned the
        # arrest of X by Y"): then it is a claim of its own too (SPEC section 4)
        verbs = {
            i
            for i, (_, t) in found.items()
            if t.rule != RULE_NOMINAL
            and not (self.specs[t.predicate].directive or self.specs[t.predicate].event_object_claim)
        }
        return [
            t
            for _, t in sorted(found.values(), key=lambda rt: rt[1].token.i)
            if not (t.rule == RULE_NOMINAL and t.token.dep_ in PATIENT_DEPS and t.token.head.i in verbs)
        ]

    def _own_trigger(self, token: Token) -> bool:
        """A light verb that is a trigger itself keeps its own predicate ("offer talks"),
        unless it needs an actor object ("received aid" is aid, not a meeting)."""
        lemma = _lemma(token)
        return token.pos_ in VERB_POS and lemma in self.verb_predicate and lemma not in self.actor_verbs


def require_parse(doc: Doc) -> None:
    """Triggers need lemmas, coarse tags and a parse (a non-empty doc without them is a
    pipeline set up wrong: spaCy's own error, as its matchers raise it)."""
    for attr, pipe in (("LEMMA", "lemmatizer"), ("POS", "morphologizer or tagger+attribute_ruler"), ("DEP", "parser")):
        if not doc.has_annotation(attr):
            raise ValueError(Errors.E155.format(pipe=pipe, attr=attr))


def phrase_reach(token: Token) -> list[Token]:
    """The tokens after ``token`` that stand at most ``MAX_PHRASE_DEPTH`` arcs below it
    within its clause (:func:`depth_below`), in text order."""
    out: list[Token] = []
    if (split := split_clause_coordination(token)) is not None:
        out.append(split[0])  # "seized power and protesters attacked": "power" is its own
    level = [token]
    for _ in range(MAX_PHRASE_DEPTH):
        level = [
            c for t in level for c in t.children if not (c.dep_ in CLAUSE_BOUNDARY_DEPS and c.pos_ in ("VERB", "AUX"))
        ]
        if not level:
            break
        out.extend(level)
    return sorted((t for t in out if t.i > token.i), key=lambda t: t.i)


def phrase_match(token: Token, phrase: Phrase, reach: list[Token]) -> list[Token] | None:
    """The phrase's words from ``token`` on, each after the one before and in ``reach``:
    the earliest such words, or None."""
    tokens = [token]
    for alts in phrase.rest:
        nxt = next((t for t in reach if t.i > tokens[-1].i and t.lemma_ in alts), None)
        if nxt is None:
            return None
        tokens.append(nxt)
    return tokens


def for_to_clause(verb: Token) -> Token | None:
    """ "called for Burkina Faso to turn to Moscow", "appealed for people to stop": the
    complementizer "for" of an infinitive clause with its own subject under ``verb``
    (the clause is what is asked for, its subject the addressee), else None."""
    for clause in (c for c in verb.children if c.dep_ in ("advcl", "ccomp", "xcomp") and c.i > verb.i):
        mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "for"), None)
        if mark is None or not has_to_marker(clause):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") and mark.i < c.i < clause.i for c in clause.children):
            return mark
    return None


def phrase_triggers(doc: Doc, index: TriggerIndex, scan: Scan | None = None) -> list[Trigger]:
    """Multi-word triggers whose words follow each other in the text and stand below the
    first word (at most three arcs down): per token the longest phrase, the first in
    config order among equals. A two-word phrase ending in "for" also matches the
    complementizer of a for-to clause (:func:`for_to_clause`): "call for X to V".
    ``scan``: :meth:`TriggerIndex.scan` of ``doc``, when the caller has it."""
    out: list[Trigger] = []
    scan = scan or index.scan(doc)
    options: dict[str, list[tuple[Phrase, int]]] = {}  # per first word, the phrases that can match
    for i in scan.phrase_starts:
        token = doc[i]
        lemma = token.lemma_
        if lemma not in options:
            options[lemma] = _phrase_options(index.phrase_starts.get(lemma, ()), scan.last_word, len(doc))
        reach: list[Token] | None = None
        best: tuple[Phrase, list[Token]] | None = None
        for phrase, bound in options[lemma]:
            tokens = None
            if i < bound:
                reach = phrase_reach(token) if reach is None else reach
                tokens = phrase_match(token, phrase, reach)
            if tokens is None and phrase.for_to:
                mark = for_to_clause(token)
                tokens = [token, mark] if mark is not None else None
            if tokens is not None and (best is None or len(tokens) > len(best[1])):
                best = (phrase, tokens)
        if best is None:
            continue
        phrase, tokens = best
        last = tokens[-1]
        obj_prep = last if len(tokens) > 1 and (last.dep_ in PREP_DEPS or last.dep_ == "mark") else None
        slots = frozenset(t.i for t, slot in zip(tokens, phrase.slotted, strict=False) if slot)
        out.append(Trigger(token, phrase.predicate, phrase.rule, obj_prep=obj_prep, words=tuple(tokens), slots=slots))
    return out


def _phrase_options(phrases: list[Phrase], last_at: dict[int, int], size: int) -> list[tuple[Phrase, int]]:
    """``phrases`` (in config order) with the token index before which each can start
    (each of its other words must occur after it: ``last_at``, lemma hash -> its last
    index in the Doc); a phrase whose words are not all in the Doc can only match as a
    for-to clause, so it is left out unless it may."""
    out = []
    for phrase in phrases:
        bound = size
        for alts in phrase.rest_ids:
            bound = min(bound, max([last_at.get(h, -1) for h in alts]))
        if bound >= 0 or phrase.for_to:
            out.append((phrase, bound))
    return out


def _event_noun(token: Token, index: TriggerIndex, deps: tuple[str, ...]) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps and c.pos_ in NOUN_POS and c.lemma_ in index.nouns), None)


def event_object(verb: Token, index: TriggerIndex) -> tuple[str, Token] | None:
    """The event noun of a light verb (its object, or "in" + noun) or of a converse verb
    (its object), with the rule: the earliest one."""
    lemma = verb.lemma_
    if lemma in index.light:
        noun = _event_noun(verb, index, ("dobj", "nsubjpass"))
        if noun is not None:
            return RULE_LIGHT, noun
        for prep in verb.children:
            # "engaged in talks"; a phrase fronted before the verb is a circumstance ("in a
            # meeting with X, he agreed to ...")
            if (
                prep.dep_ == "prep"
                and prep.lemma_ == "in"
                and prep.i > verb.i
                and (noun := _event_noun(prep, index, ("pobj",)))
            ):
                return RULE_LIGHT, noun
    if lemma in index.converse and (noun := _event_noun(verb, index, ("dobj",))) is not None:
        return RULE_CONVERSE, noun
    return None


def light_triggers(doc: Doc, index: TriggerIndex, scan: Scan | None = None) -> list[Trigger]:
    """Light and converse verbs with an event noun: the noun gives the predicate."""
    out: list[Trigger] = []
    if not index.nouns:
        return out
    for i in (scan or index.scan(doc)).light:
        verb = doc[i]
        if (hit := event_object(verb, index)) is not None:
            rule, noun = hit
            predicate = index.noun_predicate[_lemma(noun)]
            out.append(Trigger(verb, predicate, rule, noun=noun, words=(verb, noun)))
    return out


def word_triggers(doc: Doc, index: TriggerIndex, scan: Scan | None = None) -> list[Trigger]:
    """Single trigger verbs and event nouns."""
    out: list[Trigger] = []
    for i in (scan or index.scan(doc)).words:
        token = doc[i]
        hit = index.word_rules.get((token.lemma_, token.pos_))
        if hit is None:
            continue
        rule, predicate = hit
        if rule == RULE_VERB:
            if is_reporting_use(token, index.reporting):
                continue
            if token.dep_ == "amod" or any(c.dep_ in RESULTATIVE and c.pos_ == "ADJ" for c in token.children):
                # "the detained president"; "clashes left dozens dead" (a result, no event)
                continue
        out.append(Trigger(token, predicate, rule, words=(token,)))
    return out
