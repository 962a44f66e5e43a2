"""Triggers: the words that carry a predicate, found with spaCy matchers.

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
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from ..models import PredicatesConfig, PredicateSpec

VERB_POS = ["VERB"]
NOUN_POS = ["NOUN"]
PREP_DEPS = frozenset({"prep", "agent", "dative"})
MAX_PHRASE_DEPTH = 3
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "csubjpass"})
ARGUMENT_DEPS = frozenset({"dobj", "nsubjpass"})
RESULTATIVE = frozenset({"oprd", "ccomp", "xcomp", "acomp"})

RULE_PHRASE = "phrase"
RULE_PATIENT = "patient-phrase"
RULE_LIGHT = "light-verb"
RULE_CONVERSE = "converse"
RULE_VERB = "verb"
RULE_PARTICIPLE = "participle"
RULE_NOMINAL = "nominal"


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
        if node.head.i == node.i or (node.dep_ in CLAUSE_DEPS and node.pos_ in ("VERB", "AUX")):
            return None
        node, depth = node.head, depth + 1
    return depth


def is_reporting_use(token: Token, reporting: frozenset[str]) -> bool:
    """A reporting verb that reports a clause ("said that", "suggesting it's unlikely")."""
    return _lemma(token) in reporting and any(c.dep_ in ("ccomp", "parataxis") for c in token.children)


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
        self.words = Matcher(vocab)
        self.deps = DependencyMatcher(vocab)
        self.phrases: dict[str, tuple[str, str, tuple[bool, ...]]] = {}
        self._compile(config)

    def _compile(self, config: PredicatesConfig) -> None:
        for spec in config.predicates:
            if spec.verbs:
                self.words.add(f"{RULE_VERB}|{spec.name}", [[{"LEMMA": {"IN": spec.verbs}, "POS": {"IN": VERB_POS}}]])
            if spec.nouns:
                self.words.add(
                    f"{RULE_NOMINAL}|{spec.name}", [[{"LEMMA": {"IN": spec.nouns}, "POS": {"IN": NOUN_POS}}]]
                )
            for rule, phrases in ((RULE_PHRASE, spec.phrases), (RULE_PATIENT, spec.patient_phrases)):
                for n, phrase in enumerate(phrases):
                    key = f"{rule}|{spec.name}|{n}"
                    self.deps.add(key, [self._phrase_pattern(phrase)])
                    self.phrases[key] = (spec.name, rule, tuple(len(w) > 1 for w in phrase_words(phrase)))
        nouns = sorted(self.noun_predicate)
        if nouns and self.light:
            light = {"LEMMA": {"IN": sorted(self.light)}}
            noun = {"LEMMA": {"IN": nouns}, "POS": {"IN": NOUN_POS}}
            self.deps.add(
                RULE_LIGHT,
                [
                    [
                        {"RIGHT_ID": "verb", "RIGHT_ATTRS": light},
                        {
                            "LEFT_ID": "verb",
                            "REL_OP": ">",
                            "RIGHT_ID": "noun",
                            "RIGHT_ATTRS": {**noun, "DEP": {"IN": ["dobj", "nsubjpass"]}},
                        },
                    ],
                    [
                        {"RIGHT_ID": "verb", "RIGHT_ATTRS": light},
                        {
                            "LEFT_ID": "verb",
                            "REL_OP": ">",
                            "RIGHT_ID": "prep",
                            "RIGHT_ATTRS": {"LEMMA": "in", "DEP": "prep"},
                        },
                        {"LEFT_ID": "prep", "REL_OP": ">", "RIGHT_ID": "noun", "RIGHT_ATTRS": {**noun, "DEP": "pobj"}},
                    ],
                ],
            )
        if nouns and self.converse:
            self.deps.add(
                RULE_CONVERSE,
                [
                    [
                        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(self.converse)}}},
                        {
                            "LEFT_ID": "verb",
                            "REL_OP": ">",
                            "RIGHT_ID": "noun",
                            "RIGHT_ATTRS": {"LEMMA": {"IN": nouns}, "POS": {"IN": NOUN_POS}, "DEP": "dobj"},
                        },
                    ]
                ],
            )

    @staticmethod
    def _phrase_pattern(phrase: str) -> list[dict]:
        words = phrase_words(phrase)
        pattern: list[dict] = [{"RIGHT_ID": "w0", "RIGHT_ATTRS": {"LEMMA": {"IN": words[0]}}}]
        for i, alts in enumerate(words[1:], start=1):
            pattern.append(
                {"LEFT_ID": "w0", "REL_OP": ">>", "RIGHT_ID": f"w{i}", "RIGHT_ATTRS": {"LEMMA": {"IN": alts}}}
            )
        return pattern

    def spec(self, predicate: str) -> PredicateSpec:
        return self.specs[predicate]

    def find(self, doc: Doc) -> list[Trigger]:
        """Every trigger of ``doc``, at most one per token, in text order."""
        found: dict[int, tuple[int, Trigger]] = {}
        used: set[int] = set()

        def offer(rank: int, trig: Trigger) -> None:
            best = found.get(trig.token.i)
            if best is None or rank > best[0]:
                found[trig.token.i] = (rank, trig)

        for trig in phrase_triggers(doc, self):
            offer(100 + len(trig.words), trig)
        for trig in light_triggers(doc, self):
            if trig.token.i not in found and not self._own_trigger(trig.token):
                offer(50, trig)
        for _, trig in found.values():
            used.update(t.i for t in trig.words[1:])
            if trig.noun is not None:
                used.add(trig.noun.i)
        for trig in word_triggers(doc, self):
            if trig.token.i in used or trig.token.i in found:
                continue
            offer(10, trig)
        verbs = {i for i, (_, t) in found.items() if t.rule != RULE_NOMINAL}
        return [
            t
            for _, t in sorted(found.values(), key=lambda rt: rt[1].token.i)
            if not (t.rule == RULE_NOMINAL and t.token.dep_ in ARGUMENT_DEPS and t.token.head.i in verbs)
        ]

    def _own_trigger(self, token: Token) -> bool:
        """A light verb that is a trigger itself keeps its own predicate ("offer talks"),
        unless it needs an actor object ("received aid" is aid, not a meeting)."""
        lemma = _lemma(token)
        return token.pos_ in VERB_POS and lemma in self.verb_predicate and lemma not in self.actor_verbs


def phrase_triggers(doc: Doc, index: TriggerIndex) -> list[Trigger]:
    """Multi-word triggers whose words follow each other in the text and stand below the
    first word (at most three arcs down)."""
    out = []
    for match_id, ids in index.deps(doc):
        key = doc.vocab.strings[match_id]
        if key not in index.phrases:
            continue
        predicate, rule, slotted = index.phrases[key]
        tokens = [doc[i] for i in ids]
        if any(b.i <= a.i for a, b in zip(tokens, tokens[1:], strict=False)):
            continue
        if any((d := depth_below(t, tokens[0])) is None or d > MAX_PHRASE_DEPTH for t in tokens[1:]):
            continue
        last = tokens[-1]
        obj_prep = last if len(tokens) > 1 and last.dep_ in PREP_DEPS else None
        slots = frozenset(t.i for t, slot in zip(tokens, slotted, strict=False) if slot)
        out.append(Trigger(tokens[0], predicate, rule, obj_prep=obj_prep, words=tuple(tokens), slots=slots))
    return out


def light_triggers(doc: Doc, index: TriggerIndex) -> list[Trigger]:
    """Light and converse verbs with an event noun: the noun gives the predicate."""
    out = []
    for match_id, ids in index.deps(doc):
        key = doc.vocab.strings[match_id]
        if key not in (RULE_LIGHT, RULE_CONVERSE):
            continue
        verb, noun = doc[ids[0]], doc[ids[-1]]
        predicate = index.noun_predicate[_lemma(noun)]
        out.append(Trigger(verb, predicate, key, noun=noun, words=(verb, noun)))
    return out


def word_triggers(doc: Doc, index: TriggerIndex) -> list[Trigger]:
    """Single trigger verbs and event nouns."""
    out = []
    for match_id, start, _ in index.words(doc):
        rule, predicate = doc.vocab.strings[match_id].split("|")
        token = doc[start]
        if rule == RULE_VERB:
            if is_reporting_use(token, index.reporting):
                continue
            if token.dep_ == "amod" or any(c.dep_ in RESULTATIVE and c.pos_ == "ADJ" for c in token.children):
                # "the detained president"; "clashes left dozens dead" (a result, no event)
                continue
        out.append(Trigger(token, predicate, rule, words=(token,)))
    return out
