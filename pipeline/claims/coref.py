"""Who a pronoun or a description stands for, within one article (claim arguments only).

The rule, in words a reader can check:

1. **Candidates** are the actors named before the word: entities (PERSON, ORG, GPE; NORP
   only as a noun, "the Nigerians"), descriptions the gazetteer linked
   (``doc.spans["sahel_mentions"]``), other definite descriptions of an actor ("the
   junta", kept as text when nothing links them), coordinations of two or more entities ("the UN,
   African Union, and ECOWAS", one plural candidate), plural nouns that denote people or
   groups ("its legislators"), and earlier pronouns (resolved in turn).
2. **Compatibility**: "he/she/him/her/his" want a PERSON; "they/them/their" a plural
   candidate, and only when there is none a singular ORG or GPE ("the U.S. ... they");
   "it/its" a singular ORG or GPE; "the organization/the group/the bloc" an ORG, "the
   country/the nation" a GPE, "both nations/the two countries" a coordination of GPEs;
   "these/the leaders" an earlier linked description with the same head noun.
3. **Search order**: a pronoun in a clause fronted before the main clause first takes
   the main clause's subject ("Though they refused ..., the coup leaders held");
   then the nearest compatible candidate before it in its own sentence that is the
   subject of a clause, then the nearest other one before it; then, up to
   three sentences back, the subject of each sentence's main clause when compatible,
   else its first compatible candidate. ``exclude`` drops ids that cannot be the
   antecedent; an object pronoun never stands for its own verb's subject ("He urged
   her": her is not he), nor the possessor of an object for the clause's subject.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
from spacy.attrs import LEMMA, LOWER, POS, TAG
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from ..doc import MENTIONS_KEY, ROLE_LABEL
from ..models import ENTITY_LABELS
from .clause_chain import to_infinitives_between
from .speakers import in_quotation, is_first_person
from .vocab import (
    ACTOR_LABELS,
    ANAPHORIC_DETERMINERS,
    GROUP_DETERMINERS,
    GROUP_DETERMINERS_ALL,
    GROUP_NOUNS,
    KEEP_MODIFIERS,
    KIND_NOUNS,
    LEADER_NOUNS,
    MEMBERSHIP_NOUNS,
    NEUTER_PRONOUNS,
    NUMERALS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    POPULATION_NOUNS,
    REFLEXIVES,
    SET_NOUNS,
    SIDE_NOUNS,
    SKIP_MODIFIERS,
)

SENTENCES_BACK = 3

PERSON, PLURAL, NEUTER = "person", "plural", "neuter"

# the hashes and POS ids the candidate search reads from ``Doc.to_array``
_NN, _NNS, _PRP, _PRPS = (get_string_id(t) for t in ("NN", "NNS", "PRP", "PRP$"))
_NUM, _PRON = POS_IDS["NUM"], POS_IDS["PRON"]
_PRONOUN_IDS = frozenset(get_string_id(w) for w in PERSON_PRONOUNS | PLURAL_PRONOUNS | NEUTER_PRONOUNS)
_NUMERAL_IDS = frozenset(get_string_id(w) for w in NUMERALS)


@dataclass(frozen=True)
class Arg:
    """A claim argument: its text and char offsets in the body, and its id (or None)."""

    text: str
    start: int
    end: int
    id: str | None = None

    @classmethod
    def of(cls, span: Span | Token, kb_id: str | None = None) -> Arg:
        if isinstance(span, Token):
            span = span.doc[span.i : span.i + 1]
        return cls(span.text, span.start_char, span.end_char, kb_id or None)

    @property
    def key(self) -> str:
        return (self.id or self.text).lower()


@dataclass(frozen=True)
class Referent:
    """A candidate antecedent: its head token, label-like kind and the args it denotes."""

    head: Token
    kind: str
    plural: bool
    args: tuple[Arg, ...]


def pronoun_class(token: Token) -> str | None:
    low = token.lower_
    if token.pos_ != "PRON" and token.tag_ not in ("PRP", "PRP$"):
        return None
    if low in PERSON_PRONOUNS:
        return PERSON
    if low in PLURAL_PRONOUNS:
        return PLURAL
    if low in NEUTER_PRONOUNS:
        return NEUTER
    return None


def description_kind(token: Token) -> tuple[str, bool] | None:
    """("ORG", plural?) for "the organization", "both nations"; None otherwise."""
    if not common_noun(token) or token.lemma_.lower() not in KIND_NOUNS:
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return None  # "the free movement of people", "the state of emergency": not an anaphor
    if not any(
        c.lower_ in ANAPHORIC_DETERMINERS and c.dep_ in ("det", "predet", "preconj", "nummod") for c in token.children
    ):
        if not any(c.lower_ in ("two", "three") for c in token.children):
            return None
    plural = token.tag_ in ("NNS", "NNPS") or any(c.lower_ in GROUP_DETERMINERS for c in token.children)
    return KIND_NOUNS[token.lemma_.lower()], plural


def common_noun(token: Token) -> bool:
    """A common noun, also when the tagger took a lower-case one for a name ("the bloc")
    or a capitalised one for a name: "the Mission" of a UN text is the mission named
    before (a description, capitalised by house style), when no entity covers it and
    "the" or another anaphoric determiner comes with it."""
    if token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.is_lower):
        return True
    return (
        token.pos_ == "PROPN"
        and token.is_title
        and not token.ent_type_
        and is_definite(token)
        and not any(c.dep_ == "compound" for c in token.children)
    )


def is_definite(token: Token) -> bool:
    return any(c.dep_ in ("det", "predet") and c.lower_ in ANAPHORIC_DETERMINERS for c in token.children)


def main_subject(sent: Span) -> Token | None:
    root = sent.root
    return next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)


class MentionIndex:
    """Entities, linked descriptions and antecedents of one ``Doc``.

    ``describe`` is the gazetteer's resolver (``Span -> id | None``) for descriptions;
    ``ents``: ``doc.ents``, when the caller has read them."""

    def __init__(
        self,
        doc: Doc,
        *,
        actor_nouns: Iterable[str] = (),
        mentions_key: str = MENTIONS_KEY,
        describe: Callable[[Span], str | None] | None = None,
        describe_owned: Callable[[str, str], str | None] | None = None,
        ents: tuple[Span, ...] | None = None,
        speakers: tuple[str, ...] = (),
    ) -> None:
        self.doc = doc
        self.speakers = speakers  # who "we" is outside quotations (pipeline.claims.speakers)
        self._text: str | None = None
        self.actor_nouns = frozenset(actor_nouns)
        self.describe = describe
        self.describe_owned = describe_owned
        self._countries: dict[int, tuple[Arg, ...]] = {}
        # read once (or given by a caller that has them): spaCy rebuilds the tuple on every read
        self.ents: tuple[Span, ...] = doc.ents if ents is None else ents
        self.ent_of: dict[int, Span] = {}
        for ent in self.ents:
            if ent.label_ in ENTITY_LABELS:
                for i in range(ent.start, ent.end):
                    self.ent_of[i] = ent
        self.mention_of: dict[int, Span] = {}
        for span in doc.spans[mentions_key] if mentions_key in doc.spans else ():
            for i in range(span.start, span.end):
                self.mention_of.setdefault(i, span)
        self._memo: dict[tuple[int, tuple[str, ...]], tuple[Arg, ...]] = {}
        self._sents: list[Span] | None = None
        self._sent_starts: list[int] = []
        # one array per Doc instead of a Token object per token (docs/performance.md)
        self._tags, self._pos, self._lower, self._lemmas = doc.to_array([TAG, POS, LOWER, LEMMA]).T
        self._noun_lemmas: dict[int, str] | None = None
        self._group_capable: list[int] | None = None
        self.referents = self._referents()
        self._by_sentence: dict[int, list[Referent]] | None = None
        self._subjects: dict[int, Token | None] = {}

    # ------------------------------------------------------------------ lookups

    @property
    def text(self) -> str:
        """``doc.text``, read once (spaCy joins the tokens on every read)."""
        if self._text is None:
            self._text = self.doc.text
        return self._text

    def sentences(self) -> list[Span]:
        """``doc.sents``, listed once (spaCy rebuilds the spans on every read)."""
        if self._sents is None:
            self._sents = list(self.doc.sents)
            self._sent_starts = [s.start for s in self._sents]
        return self._sents

    def sentence_index(self, i: int) -> int:
        """The index in :meth:`sentences` of the sentence holding token ``i`` (0 if none)."""
        sents = self.sentences()
        n = bisect_right(self._sent_starts, i) - 1
        return n if n >= 0 and i < sents[n].end else 0

    def referents_in(self, index: int) -> list[Referent]:
        """The referents whose head is in sentence ``index`` of :meth:`sentences`."""
        if self._by_sentence is None:
            self._by_sentence = {}
            for ref in self.referents:
                self._by_sentence.setdefault(self.sentence_index(ref.head.i), []).append(ref)
        return self._by_sentence.get(index, [])

    def subject_of(self, index: int) -> Token | None:
        """:func:`main_subject` of sentence ``index`` of :meth:`sentences`."""
        if index not in self._subjects:
            self._subjects[index] = main_subject(self.sentences()[index])
        return self._subjects[index]

    def noun_lemmas(self) -> dict[int, str]:
        """Token index -> lower-cased lemma, for the nouns tagged NN or NNS."""
        if self._noun_lemmas is None:
            nouns = np.flatnonzero((self._tags == _NN) | (self._tags == _NNS))
            strings = self.doc.vocab.strings
            self._noun_lemmas = {
                i: strings[h].lower() for i, h in zip(nouns.tolist(), self._lemmas[nouns].tolist(), strict=True)
            }
        return self._noun_lemmas

    @staticmethod
    def _having(mask: np.ndarray, values: np.ndarray, ids: frozenset[int]) -> list[int]:
        """The tokens of ``mask`` whose value (a hash) is one of ``ids``."""
        where = np.flatnonzero(mask).tolist()
        return [i for i, h in zip(where, values[where].tolist(), strict=True) if h in ids]

    def group_capable(self) -> list[int]:
        """The tokens :meth:`group_countries` can find countries for (names, plural
        actor, group or set nouns, numerals), in text order: for any other its answer is
        empty."""
        if self._group_capable is None:
            words, lemmas = self.actor_nouns | GROUP_NOUNS | SET_NOUNS, self.noun_lemmas()
            capable = {i for i in np.flatnonzero(self._tags == _NNS).tolist() if lemmas[i] in words}
            capable.update(self._having(self._pos == _NUM, self._lower, _NUMERAL_IDS))
            self._group_capable = sorted(capable | set(self.ent_of))
        return self._group_capable

    def entity_at(self, token: Token) -> Span | None:
        return self.ent_of.get(token.i)

    def mention_at(self, token: Token) -> Span | None:
        return self.mention_of.get(token.i)

    def is_actor(self, token: Token) -> bool:
        """A name, a linked description, a pronoun, or a noun that denotes people."""
        ent = self.entity_at(token)
        return bool(
            (ent is not None and ent.label_ in ACTOR_LABELS)
            or self.mention_at(token) is not None
            or pronoun_class(token) is not None
            or (is_first_person(token) and bool(self.speakers))
            or token.lemma_.lower() in self.actor_nouns
            # "all States": a capitalised plural the lemmatizer leaves as it is
            or (token.tag_ == "NNPS" and token.lower_[:-1] in self.actor_nouns)
        )

    def speaker_args(self, token: Token) -> tuple[Arg, ...]:
        """A first-person pronoun outside quotations: the issuers of the statement."""
        if not is_first_person(token) or in_quotation(self.text, token.idx):
            return ()
        return tuple(Arg(token.text, token.idx, token.idx + len(token), s) for s in self.speakers)

    def members_of(self, token: Token) -> tuple[Arg, ...]:
        """The bodies a membership noun denotes: "the members of the Security Council" is the
        Council, "representatives of A and B" are A and B (SPEC section 4, members and
        delegations)."""
        lemma = token.lemma_.lower()
        if token.pos_ != "NOUN" or not (lemma in MEMBERSHIP_NOUNS or (lemma in LEADER_NOUNS and token.tag_ == "NNS")):
            return ()  # "the leaders of ECOWAS" speak and act for it; "the leader of X" is a person
        span = np_text_span(token)
        out = []
        # "elements of the defence forces", and the same as a compound: "the defence forces elements"
        owners = [
            p
            for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for p in prep.children
            if p.dep_ == "pobj"
        ]
        owners += [c for c in token.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
        for member in (m for owner in owners for m in (owner, *owner.conjuncts)):
            ent = self.ent_of.get(member.i)
            if ent is not None and ent.kb_id_ and ent.label_ in ("ORG", "GPE"):
                out.append(Arg(span.text, span.start_char, span.end_char, ent.kb_id_))
            elif (mention := self.mention_of.get(member.i)) is not None and mention.label_ != ROLE_LABEL:
                # "elements of the defence and security forces": a linked description
                out.append(Arg(span.text, span.start_char, span.end_char, mention.kb_id_))
        return tuple(dict.fromkeys(out))

    def group_arg(self, token: Token) -> Arg:
        """A plural actor noun: its country or organisation when named ("Wagner members",
        "French troops", "the members of the Council"), else the noun phrase."""
        members = self.members_of(token)
        if len(members) == 1:
            return members[0]
        if token.lemma_.lower() in POPULATION_NOUNS:
            return Arg.of(np_text_span(token))  # "the Malian people": the population, not the state
        for child in token.children:
            ent = self.entity_at(child)
            if child.dep_ in ("compound", "amod", "nmod") and ent is not None and ent.label_ in ("GPE", "ORG", "NORP"):
                return Arg.of(ent, ent.kb_id_)
        return Arg.of(np_text_span(token))

    def place_before(self, token: Token) -> Token | None:
        """ "there": the nearest place (GPE, LOC) named before, in this or the previous sentence."""
        sents = self.sentences()
        index = self.sentence_index(token.i)
        start = sents[max(0, index - 1)].start
        for i in range(token.i - 1, start - 1, -1):
            ent = self.ent_of.get(i)
            if ent is not None and ent.label_ in ("GPE", "LOC") and ent.root.dep_ not in ("amod", "compound", "poss"):
                return ent.root
        return None

    # ------------------------------------------------------------------ candidates

    def _referents(self) -> list[Referent]:
        """The candidates, by head position. Only the tokens the arrays single out become
        ``Token`` objects: group heads among :meth:`group_capable` (a plural noun or a
        numeral that is no name), plural or singular actor nouns, pronouns."""
        out: list[Referent] = []
        seen_heads: set[int] = set()
        doc, tags = self.doc, self._tags
        for ent in self.ents:
            label = ent.label_
            if label not in ACTOR_LABELS:
                continue
            root = ent.root
            if label == "NORP" and (root.pos_ not in ("NOUN", "PROPN") or root.dep_ in ("amod", "compound")):
                continue
            out.append(Referent(root, label, False, (Arg.of(ent, ent.kb_id_),)))
            group = self._coordination(root)
            if group and root.i not in seen_heads:
                seen_heads.add(root.i)
                labels = {self.ent_of[t.i].label_ for t in group}
                kind = labels.pop() if len(labels) == 1 else "GROUP"
                args = tuple(Arg.of(self.ent_of[t.i], self.ent_of[t.i].kb_id_) for t in group)
                out.append(Referent(root, kind, True, args))
        group_heads: set[int] = set()
        for i in self.group_capable():
            if i in self.ent_of:
                continue
            token = doc[i]  # a plural noun or a numeral ("all three"): only those denote a group
            members = self.group_members(token)
            if members:
                group_heads.add(token.i)
                out.append(Referent(token, "GROUP", True, members))
        for span in {id(s): s for s in self.mention_of.values()}.values():
            if span.root.i in group_heads:
                continue
            kind = "PERSON" if span.label_ == ROLE_LABEL else "MENTION"  # a role's holder is a person
            out.append(Referent(span.root, kind, span.root.tag_ in ("NNS", "NNPS"), (Arg.of(span, span.kb_id_),)))
        pronouns = self._having((self._pos == _PRON) | (tags == _PRP) | (tags == _PRPS), self._lower, _PRONOUN_IDS)
        candidates = {i for i, lemma in self.noun_lemmas().items() if lemma in self.actor_nouns}
        for i in sorted(candidates.union(pronouns)):
            token = doc[i]
            tag = token.tag_
            if (
                tag == "NNS"
                and token.lemma_.lower() in self.actor_nouns
                and token.i not in self.ent_of
                and token.i not in self.mention_of
                and token.i not in group_heads
            ):
                out.append(Referent(token, "GROUP", True, (self.group_arg(token),)))
            if (
                tag == "NN"
                and token.pos_ == "NOUN"
                and token.lemma_.lower() in self.actor_nouns
                and is_definite(token)
                and token.i not in self.ent_of
                and token.i not in self.mention_of
            ):
                out.append(Referent(token, "DESC", False, (Arg.of(np_text_span(token)),)))
            pclass = pronoun_class(token)
            if pclass is not None and token.lower_ not in REFLEXIVES:
                out.append(Referent(token, "PRONOUN", pclass == PLURAL, ()))
        out.sort(key=lambda r: r.head.i)
        return out

    def _coordination(self, head: Token) -> list[Token]:
        """Entity heads coordinated with ``head`` (itself first), when all are entities."""
        if head.dep_ == "conj":
            return []
        group = [head, *head.conjuncts]
        if len(group) < 2 or any(t.i not in self.ent_of for t in group):
            return []
        return sorted(group, key=lambda t: t.i)

    # ------------------------------------------------------------------ groups

    def group_members(self, token: Token) -> tuple[Arg, ...]:
        """One actor per country for a plural description of a set of countries: "the
        military rulers of Mali, Burkina Faso and Niger", later "the juntas", "the three
        governments", "all three". Each member is what the description denotes for that
        country (the gazetteer's description for it, "junta" of Mali), else the country."""
        countries = self.group_countries(token)
        if not countries:
            return self.sides(token)
        span = np_text_span(token) if token.pos_ in ("NOUN", "PROPN") else None
        phrases = [] if span is None else _phrases(span, token)
        out = []
        for country in countries:
            kb_id = None
            if self.describe_owned is not None and country.id:
                kb_id = next((k for p in phrases if (k := self.describe_owned(p, country.id))), None)
            if kb_id is None or span is None:
                out.append(country if span is None else Arg(span.text, span.start_char, span.end_char, country.id))
            else:
                out.append(Arg(span.text, span.start_char, span.end_char, kb_id))
        return tuple(out)

    def owned_description(self, token: Token, owner: Span) -> Arg | None:
        """What a description denotes for one named country ("In Mali, the junta ...")."""
        if self.describe_owned is None or not owner.kb_id_:
            return None
        span = np_text_span(token)
        kb_id = next((k for p in _phrases(span, token) if (k := self.describe_owned(p, owner.kb_id_))), None)
        return Arg.of(span, kb_id) if kb_id else None

    def member_for(self, token: Token) -> Arg | None:
        """The member a country stands for inside a group description: "Mali" in "the
        military rulers of Mali, Burkina Faso and Niger" is Mali's junta."""
        first = token
        while first.dep_ == "conj":
            first = first.head
        ent = self.ent_of.get(token.i)
        if ent is None or first.dep_ != "pobj" or first.head.dep_ != "prep":
            return None
        members = self.group_members(first.head.head)
        countries = self.group_countries(first.head.head)
        for country, member in zip(countries, members, strict=False):
            if country.id == ent.kb_id_:
                return member
        return None

    def sides(self, token: Token) -> tuple[Arg, ...]:
        """ "the two sides", "both parties": the two actors of the nearest clause before
        it (in its sentence or the one before) that names exactly two ("X was received by
        Y ..., when the two sides agreed")."""
        if token.lemma_.lower() not in SIDE_NOUNS or plural_group_size(token) != 2:
            return ()
        sents = self.sentences()
        index = self.sentence_index(token.i)
        start = sents[max(0, index - 1)].start
        for verb in (t for t in reversed(self.doc[start : token.i]) if t.pos_ in ("VERB", "AUX")):
            args: dict[str, Arg] = {}
            for tok in _participants(verb):
                arg = self._actor_arg(tok)
                if arg is not None:
                    args.setdefault(arg.key, arg)
            if len(args) == 2:
                return tuple(args.values())
        return ()

    def _actor_arg(self, token: Token) -> Arg | None:
        ent = self.ent_of.get(token.i)
        if ent is not None:
            return Arg.of(ent, ent.kb_id_) if ent.label_ in ("PERSON", "ORG", "GPE") else None
        if token.lemma_.lower() in self.actor_nouns:
            return self.group_arg(token)
        return None

    def group_countries(self, token: Token) -> tuple[Arg, ...]:
        """The countries (two or more GPE entities) a plural phrase ranges over: its own
        "of X, Y and Z", else the nearest earlier set of the same size."""
        if token.i not in self._countries:
            self._countries[token.i] = ()
            self._countries[token.i] = self._group_countries(token)
        return self._countries[token.i]

    def _gpe_set(self, token: Token) -> tuple[Arg, ...]:
        if token.dep_ == "conj" or token.i not in self.ent_of:
            return ()
        members = [token, *token.conjuncts]
        ents = [self.ent_of.get(t.i) for t in sorted(members, key=lambda t: t.i)]
        if len(ents) < 2 or any(e is None or e.label_ != "GPE" or not e.kb_id_ for e in ents):
            return ()
        return tuple(Arg.of(e, e.kb_id_) for e in ents)

    def _group_countries(self, token: Token) -> tuple[Arg, ...]:
        if token.i in self.ent_of:
            return self._gpe_set(token)
        if token.tag_ == "NNS" and token.lemma_.lower() in self.actor_nouns:
            for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "in", "from")):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    if found := self._gpe_set(pobj):
                        return found
        size = plural_group_size(token, self.actor_nouns)
        if size is None:
            return ()
        if size == 0 and not is_definite(token):
            return ()
        sents = self.sentences()
        index = self.sentence_index(token.i)
        capable = self.group_capable()
        for sent in reversed(sents[: index + 1]):
            # the others' answer is empty (group_capable): they are not asked
            end = min(sent.end, token.i)
            cands = [self.doc[j] for j in capable[bisect_left(capable, sent.start) : bisect_left(capable, end)]]
            cands.sort(key=lambda t: (t.dep_ not in ("nsubj", "nsubjpass"), -t.i))
            for cand in cands:
                if _within(token, cand) or _within(cand, token):
                    continue
                found = self.group_countries(cand)
                if found and (size in (0, len(found))):
                    return found
        return ()

    # ------------------------------------------------------------------ resolution

    def resolve(self, token: Token, *, exclude: Iterable[str] = ()) -> tuple[Arg, ...]:
        """The args a pronoun or a definite description stands for (empty when unknown)."""
        key = (token.i, tuple(sorted(exclude)))
        if key not in self._memo:
            self._memo[key] = ()  # guards against cycles
            self._memo[key] = self._resolve(token, frozenset(exclude))
        return self._memo[key]

    def _resolve(self, token: Token, exclude: frozenset[str]) -> tuple[Arg, ...]:
        cls = pronoun_class(token)
        if cls is not None:
            exclude = exclude | self._binding_exclusions(token)
            return self._antecedent(token, lambda r: self._fits_pronoun(r, cls), exclude, cls == PLURAL)
        if token.pos_ == "PROPN" and token.is_title and not token.ent_type_ and is_definite(token):
            named = self._named_by_word(token)
            if named:
                return named
        kind = description_kind(token)
        if kind is not None:
            label, plural = kind
            return self._antecedent(token, lambda r: r.kind == label and r.plural == plural, exclude, False)
        if is_definite(token) and token.pos_ == "NOUN":
            if self.describe is not None:
                kb_id = self.describe(np_text_span(token, keep_det=True))
                if kb_id:
                    return (Arg.of(np_text_span(token, keep_det=True), kb_id),)
            owner = self._own_country(token)
            if owner is not None:
                # "The French government" after "the military government": a description
                # naming its own country is no anaphor; it is that country's (member)
                owned = self.owned_description(token, owner)
                return (owned,) if owned is not None else (Arg.of(owner, owner.kb_id_),)
            lemma = token.lemma_.lower()
            return self._antecedent(
                token,
                lambda r: r.kind == "MENTION" and r.head.lemma_.lower() == lemma and any(a.id for a in r.args),
                exclude,
                False,
                sentences_back=10,
            )
        return ()

    def _named_by_word(self, token: Token) -> tuple[Arg, ...]:
        """ "the Mission", "the Council", "the Court": a capitalised short form names the
        nearest body mentioned before whose name has that word (MINUSMA's name has
        "Mission"), within the last few sentences."""
        first = self.sentence_index(token.i) - 3
        for ref in sorted(self.referents, key=lambda r: -r.head.i):
            if ref.head.i >= token.i:
                continue
            if self.sentence_index(ref.head.i) < first:
                break
            for arg in ref.args:
                if arg.id and token.text in arg.id.replace("(", "").replace(")", "").split("_"):
                    return (arg,)
        return ()

    def _own_country(self, token: Token) -> Span | None:
        """The linked GPE or nationality modifying an actor noun ("the French government")."""
        if token.lemma_.lower() not in self.actor_nouns or token.lemma_.lower() in POPULATION_NOUNS:
            return None
        for child in token.children:
            ent = self.ent_of.get(child.i)
            if child.dep_ in ("amod", "compound", "nmod") and ent is not None and ent.kb_id_:
                if ent.label_ in ("GPE", "NORP"):
                    return ent
        return None

    def _binding_exclusions(self, token: Token) -> frozenset[str]:
        """ "He urged her": a non-reflexive object pronoun is not its verb's subject."""
        if token.dep_ not in ("dobj", "dative", "pobj") or token.lower_ in REFLEXIVES:
            return frozenset()
        verb = token.head.head if token.dep_ == "pobj" else token.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i), None)
        if subject is None:
            return frozenset()
        if subject.i in self.ent_of:
            ent = self.ent_of[subject.i]
            return frozenset({Arg.of(ent, ent.kb_id_).key})
        if pronoun_class(subject) is not None:
            return frozenset(a.key for a in self.resolve(subject))
        return frozenset()

    def _member_arg(self, token: Token) -> Arg:
        ent = self.ent_of.get(token.i)
        return Arg.of(ent, ent.kb_id_) if ent is not None else Arg.of(np_text_span(token))

    def _parallel_objects(self, token: Token, before: list[Referent]) -> list[Referent]:
        """Referents that are the direct object of a verb coordinated with the verb of the
        object pronoun ``token``, nearest first."""
        if token.dep_ != "dobj" or pronoun_class(token) is None:
            return []
        verbs = {v.i for v in _parallel_verbs(token.head)}
        if not verbs:
            return []
        found = [r for r in before if r.head.dep_ == "dobj" and r.head.head.i in verbs]
        return sorted(found, key=lambda r: -r.head.i)

    def _opens_sentence(self, token: Token) -> bool:
        """A subject pronoun that is the first word of its sentence."""
        sent = self.sentences()[self.sentence_index(token.i)]
        return token.i == sent.start and token.dep_ in ("nsubj", "nsubjpass") and pronoun_class(token) is not None

    def _fits_pronoun(self, ref: Referent, cls: str) -> bool:
        if ref.kind == "PRONOUN":
            return pronoun_class(ref.head) == cls or (cls == PLURAL and pronoun_class(ref.head) == NEUTER)
        if cls == PERSON:
            return ref.kind == "PERSON"
        if cls == PLURAL:
            return ref.plural
        return not ref.plural and ref.kind in ("ORG", "GPE", "MENTION", "DESC")

    def _args(self, ref: Referent, exclude: frozenset[str]) -> tuple[Arg, ...]:
        args = ref.args if ref.kind != "PRONOUN" else self.resolve(ref.head)
        if ref.kind == "DESC":
            # "The bloc said that it ...": it is what the description denotes, when known
            linked = self.resolve(ref.head)
            args = linked if linked and all(a.id for a in linked) else args
        return tuple(a for a in args if a.key not in exclude)

    def _antecedent(
        self,
        token: Token,
        fits: Callable[[Referent], bool],
        exclude: frozenset[str],
        plural_pronoun: bool,
        *,
        sentences_back: int = SENTENCES_BACK,
    ) -> tuple[Arg, ...]:
        singular = lambda r: not r.plural and r.kind in ("ORG", "GPE", "MENTION", "DESC")  # noqa: E731
        if exclude and plural_pronoun:
            # "the leaders ..., seeking their support": the possessor of the object is another
            # participant of the same sentence
            found = self._search(token, fits, exclude, 0) or self._search(token, singular, exclude, 0)
            if found:
                return found
        found = self._search(token, fits, exclude, sentences_back)
        if not found and plural_pronoun:
            found = self._search(token, singular, exclude, sentences_back)
        return found

    def _search(
        self, token: Token, fits: Callable[[Referent], bool], exclude: frozenset[str], sentences_back: int
    ) -> tuple[Arg, ...]:
        index = self.sentence_index(token.i)
        own = [r for r in self.referents_in(index) if r.head.i != token.i]
        subject = self.subject_of(index)
        if subject is not None and subject.i > token.i and not _within(token, subject):
            for ref in own:
                if ref.head.i == subject.i and fits(ref) and (args := self._args(ref, exclude)):
                    return args
        if self._opens_sentence(token):
            # "They condemned ... They called on ...": a statement's sentences that open with
            # the same subject pronoun go on with the same speaker, whatever a sentence
            # between them made its subject
            for prev in range(index - 1, max(0, index - sentences_back) - 1, -1):
                first = self.subject_of(prev)
                if first is not None and first.lower_ == token.lower_ and self._opens_sentence(first):
                    ref = next((r for r in self.referents_in(prev) if r.head.i == first.i), None)
                    if ref is not None and fits(ref) and (args := self._args(ref, exclude)):
                        return args
        before = [r for r in own if r.head.i < token.i]
        for ref in self._parallel_objects(token, before):
            # "hold X accountable and bring them to justice": an object pronoun of a
            # coordinated verb is the object of the verb before it (all of a coordination
            # for "them")
            if fits(ref) and (args := self._args(ref, exclude)):
                if pronoun_class(token) == PLURAL and ref.head.conjuncts:
                    others = (self._member_arg(m) for m in ref.head.conjuncts)
                    args = tuple(dict.fromkeys((*args, *(a for a in others if a.key not in exclude))))
                return args
        # the nearest subject of a clause first, then the nearest candidate
        for ref in sorted(before, key=lambda r: (r.head.dep_ not in ("nsubj", "nsubjpass"), -r.head.i)):
            if _within(token, ref.head) or _within(ref.head, token):
                continue
            if fits(ref) and (args := self._args(ref, exclude)):
                return args
        for prev in range(index - 1, max(0, index - sentences_back) - 1, -1):
            cands = [r for r in self.referents_in(prev) if fits(r)]
            subject = self.subject_of(prev)
            cands.sort(key=lambda r: (subject is None or r.head.i != subject.i, r.head.i))
            for ref in cands:
                if args := self._args(ref, exclude):
                    return args
        return ()


def _parallel_verbs(verb: Token) -> list[Token]:
    """The verbs ``verb`` coordinates with, before it: its conjunct head, and, for a bare
    infinitive the parser hung on a finite verb, the "to"-infinitives in between."""
    out = [verb.head] if verb.dep_ == "conj" and verb.head.i < verb.i else []
    if verb.tag_ == "VB" and verb.dep_ == "conj":
        out += to_infinitives_between(verb.head, verb)
    return out


def _participants(verb: Token) -> list[Token]:
    """Subject, object, by-agent and with/to object of ``verb``."""
    out = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    for prep in (c for c in verb.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ("with", "to"))):
        out.extend(c for c in prep.children if c.dep_ == "pobj")
    return out


def plural_group_size(token: Token, actor_nouns: Iterable[str] = ()) -> int | None:
    """For a phrase that can denote a set of actors, its size (0: not given), else None:
    "the juntas" (0), "the three governments" (3), "all three" (3), "both sides" (2)."""
    if token.pos_ == "NUM" and token.lower_ in NUMERALS:
        if token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and any(
            c.lower_ in GROUP_DETERMINERS_ALL for c in token.children
        ):
            return NUMERALS[token.lower_]
        return None
    if token.pos_ != "NOUN" or token.tag_ != "NNS":
        return None
    lemma = token.lemma_.lower()
    if any(c.dep_ in ("amod", "compound", "poss", "nmod") and c.ent_type_ for c in token.children):
        return None  # "the Malian authorities": one owner named
    for child in token.children:
        if child.lower_ in NUMERALS and child.dep_ in ("nummod", "det", "predet", "quantmod"):
            if lemma in actor_nouns or lemma in GROUP_NOUNS:
                return NUMERALS[child.lower_]
            return None
    return 0 if lemma in SET_NOUNS else None


def _phrases(span: Span, head: Token) -> list[str]:
    """Description phrases to look up for a plural noun phrase: as written, with the
    head singular, the head alone."""
    text = span.text.lower()
    lemma = head.lemma_.lower()
    singular = text[: len(text) - len(head.text)] + lemma
    return list(dict.fromkeys([text, singular, lemma]))


def _within(token: Token, ancestor: Token) -> bool:
    return token.i == ancestor.i or ancestor.is_ancestor(token)


def np_text_span(token: Token, *, keep_det: bool = False) -> Span:
    """The shortest noun phrase for ``token``: the head with the compound and adjective
    modifiers right before it, no determiner, possessor, number or clause."""
    doc = token.doc
    start = token.i
    for child in sorted(token.lefts, key=lambda t: -t.i):
        if child.dep_ in KEEP_MODIFIERS or (keep_det and child.dep_ in ("det", "poss")):
            subtree = list(child.subtree)
            if subtree[-1].i + 1 < start and doc[subtree[-1].i + 1 : start].text.strip(" -"):
                break
            start = min(start, subtree[0].i)
        elif child.dep_ in SKIP_MODIFIERS:
            break
        else:
            break
    while start < token.i and (
        doc[start].is_punct or (doc[start].head.i == token.i and doc[start].dep_ in SKIP_MODIFIERS and not keep_det)
    ):
        start += 1
    while (
        start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and not doc[start - 2].whitespace_
    ):
        start -= 2
    end = token.i + 1
    # a hyphenated word the parser split after its head: "re-run", "second-in-command"
    while (
        end < len(doc)
        and not doc[end - 1].whitespace_
        and token.is_ancestor(doc[end])
        and (doc[end].text == "-" or doc[end - 1].text == "-")
    ):
        end += 1
    return doc[start:end]
