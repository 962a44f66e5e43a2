"""To whom the text attributes a claim (SPEC section 4, ``source``), and which verbs only
report (they are not claims of their own).

Usage (CORE): ``source_spans(trigger, reporting_verbs=...)`` -> ``list[Span]`` (map each
span to an id with the gazetteer's resolver; ``[]`` when the article itself asserts the
claim); ``is_reporting_verb(token, lemmas=...)`` -> ``bool`` (skip such verbs as triggers).
Pass the ``reporting_verbs`` list of configs/predicates.yaml; the default is
:data:`pipeline.claims.vocab.REPORTING_VERBS`. Pure; reads the parse, ``doc.ents`` and, when present,
``doc.spans["sahel_mentions"]``.

A claim is attributed when its clause lies inside the complement of a reporting verb
("X said/stated/stressed/added/disclosed/told Y that ...", "..., he said", a quote) or of a
speech act that is a claim itself ("X warned/alleged/demanded that ...", ``SPEECH_ACT_VERBS``)
or of an attitude ("they fear that ...", "the U.S. remains hopeful about a solution to ..."), or
carries an "according to X"; climbing stops at the nearest such frame, so a claim of the
main clause has ``[]``. The speaker is the reporting verb's subject (the ``by`` agent of a
passive, or the subject of the verb a participle hangs from: "released a message, stating
that ..."), distributed over coordination. Each speaker becomes spans as follows:

- a name (an entity of ``doc.ents``) or a known description (``sahel_mentions``): itself;
- a pronoun: the pronoun (coreference maps it to its antecedent);
- a description affiliated with names, through "from"/"of"/"at", an apposition, a
  possessive or a proper-noun compound ("officials from France and Mali", "ECOWAS's
  spokesperson", "U.S. officials"): those names, one span each;
- any other description: its noun phrase without relative clauses and without a leading
  article ("anonymous Western military official"). A nationality adjective ("Western", "French") is description, not
  affiliation: it says where a person is from, not for whom they speak.

Scope and speakers in news prose:

- A sentence-final "..., according to X" scopes every clause of the sentence, also a verb
  conjunct before the one the parser hangs it on ("Eleven soldiers were killed and 50
  were reported missing, according to the army").
- An event noun that is the subject of a passive report is attributed to its agent ("An
  assault on the camp was claimed by JNIM").
- An indirect question ("has yet to say whether they will ...") asserts nothing: no source.
- A speech act participle hanging in the reported clause ("Analysts said the vacuum could
  widen, warning that ...") is the reporter's own act, not part of the report: it climbs
  on from the reporting verb (:func:`reporters_participle`).
- A relative pronoun speaker ("leaders, who said in a statement that ...") is its
  antecedent.
- The writer's asides inside a report are not reported: an apposition ("..., a charge the
  junta denies"), a non-restrictive relative clause ("Russia, which backs the junta,
  is expected to ..., a diplomat said") and a reason clause after a comma ("Analysts said
  the measures could hit the country hard, since it relies on ports ...";
  docs/annotation.md s.5: "as she couldn't meet ...").

Decision on "X told the Associated Press that ...": both the speaker and a *named
organisation* that is told (the outlet that carries the claim, SPEC's "told the Associated
Press") are sources; an addressee that is not an ORG name ("told reporters") is not.

Reporting lemmas are vocabulary (configs/predicates.yaml, key ``reporting_verbs``); a verb
with such a lemma that takes only a nominal object ("announced sanctions", "declared
himself chairman") is not reporting there and may be a claim.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Span, Token

from ...doc import MENTIONS_KEY
from ..clause_chain import children, event_verb, is_verbal, mark_of
from ..dateline import in_dateline
from ..vocab import (
    ADDRESSEE_VERBS,
    AFFILIATION_PREPOSITIONS,
    ARTICLES,
    ASIDE_PUNCT,
    ATTITUDE_ADJECTIVES,
    ATTITUDE_VERBS,
    CONTENT_PRONOUNS,
    INDIRECT_QUESTION_MARKS,
    NON_ACTOR_LABELS,
    NP_LEFT_DEPS,
    REASON_MARKS,
    RELATIVE_TAGS,
    REPORTING_VERBS,
    SPEECH_ACT_VERBS,
    SUBJECT_DEPS,
)


def is_reporting_verb(token: Token, *, lemmas: Collection[str] = REPORTING_VERBS) -> bool:
    """``token`` reports speech or belief here: a reporting lemma used with a clause, a
    quote or no object ("said that", "..., he said", "told the AP that"), not with a
    nominal object alone ("announced sanctions")."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in lemmas:
        return False
    if any(c.dep_ in ("ccomp", "parataxis") for c in token.children) or token.dep_ == "parataxis":
        return True
    objects = [c for c in token.children if c.dep_ in ("dobj", "oprd") and c.lower_ not in CONTENT_PRONOUNS]
    if not objects:
        return True
    return token.lemma_ in ADDRESSEE_VERBS and all(c.dep_ == "dobj" for c in objects)


def source_spans(trigger: Token, *, reporting_verbs: Collection[str] = REPORTING_VERBS) -> list[Span]:
    """The spans of whom the claim of ``trigger`` is attributed to (see module docstring)."""
    node = trigger
    if (
        not is_verbal(trigger)
        and trigger.dep_ == "nsubjpass"
        and is_reporting_verb(trigger.head, lemmas=reporting_verbs)
        and children(trigger.head, ("agent",))
    ):
        return speaker_spans(trigger.head, reporting_verbs=reporting_verbs)  # "was claimed by X"
    for _ in range(16):
        according = according_to(node) or _final_according(node)
        if according:
            return according
        head = node.head  # the root's head is itself: the root is examined like any clause
        aside = _reporting_aside(node, reporting_verbs)
        if aside is not None:
            return speaker_spans(aside, reporting_verbs=reporting_verbs)
        reporter = reporters_participle(node, reporting_verbs)
        if reporter is not None:
            node = reporter
            continue
        if is_aside(node):
            return []
        if node.dep_ in ("ccomp", "parataxis") and (
            is_reporting_verb(head, lemmas=reporting_verbs) or head.lemma_ in SPEECH_ACT_VERBS | ATTITUDE_VERBS
        ):
            if mark_of(node) in INDIRECT_QUESTION_MARKS:
                return []
            return speaker_spans(head, reporting_verbs=reporting_verbs)
        if node is not trigger and node.dep_ == "acomp" and node.lemma_ in ATTITUDE_ADJECTIVES:
            return speaker_spans(head, reporting_verbs=reporting_verbs)
        if head.i == node.i and node is not trigger:
            return []  # at the root again: the steps left would ask the same questions
        node = head
    return []


def reporters_participle(node: Token, reporting_verbs: Collection[str] = REPORTING_VERBS) -> Token | None:
    """The reporting verb whose speaker makes the speech act ``node``, when ``node`` is a
    participle without subject hanging in the reported clause ("Analysts said the vacuum
    could widen, warning that ..."); else None."""
    if node.dep_ != "advcl" or node.tag_ != "VBG" or children(node, SUBJECT_DEPS):
        return None
    if node.lemma_ not in SPEECH_ACT_VERBS and node.lemma_ not in reporting_verbs:
        return None
    clause = node.head
    if clause.dep_ == "ccomp" and is_reporting_verb(clause.head, lemmas=reporting_verbs):
        return clause.head
    return None


def is_aside(node: Token) -> bool:
    """``node`` opens the writer's aside: an apposition, a reason clause after a comma, or
    a relative clause set off by commas in mid-sentence ("Russia, which backs the junta,
    is expected to ..."); a relative clause that ends the report ("..., where France keeps
    a base") goes on with it."""
    if node.dep_ == "appos":
        return True
    if node.dep_ == "advcl" and mark_of(node) in REASON_MARKS:
        first = node.left_edge.i
        return first > node.sent.start and node.doc[first - 1].text == ","
    if node.dep_ != "relcl":
        return False
    doc, first, last = node.doc, node.left_edge.i, node.right_edge.i
    opened = first > node.sent.start and doc[first - 1].text in ASIDE_PUNCT
    closed = last + 2 < node.sent.end and doc[last + 1].text in ASIDE_PUNCT
    return opened and closed


def _final_according(verb: Token) -> list[Span]:
    """ "X happened and Y happened, according to Z": an "according to" that ends the
    sentence on a later verb conjunct of ``verb`` scopes ``verb`` too."""
    for conj in verb.conjuncts:
        if conj.i <= verb.i or not is_verbal(conj):
            continue
        for child in conj.children:
            if child.lower_ == "according" and _ends_sentence(child):
                return according_to(conj)
    return []


def _ends_sentence(token: Token) -> bool:
    sent = token.sent
    rest = token.doc[token.right_edge.i + 1 : sent.end]
    return all(t.is_punct or t.is_space for t in rest)


def according_to(verb: Token) -> list[Span]:
    """ "According to Al Jazeera, ..." on ``verb``'s clause: the spans of its sources."""
    for child in verb.children:
        if child.lower_ != "according":
            continue
        for to in child.children:
            if to.lower_ == "to":
                return _distribute([p for p in to.children if p.dep_ == "pobj"], apposition=False)
    return []


def speaker_spans(verb: Token, *, reporting_verbs: Collection[str] = REPORTING_VERBS) -> list[Span]:
    """Who speaks through reporting verb ``verb`` (and the named outlet told, if any)."""
    speaker = _speaker(verb, reporting_verbs)
    spans = _distribute([speaker]) if speaker is not None else []
    if verb.lemma_ in ADDRESSEE_VERBS:
        for obj in children(verb, ("dobj", "dative")):
            ent = entity_span(obj)
            if ent is not None and ent.label_ == "ORG":
                spans.append(ent)
    return _unique(spans)


def entity_span(token: Token) -> Span | None:
    """The named entity (of a person, group or place) that ``token`` is part of."""
    if token.ent_iob_ in ("", "O"):
        return None
    ent = _entity_of(token)
    return ent if ent is not None and ent.label_ not in NON_ACTOR_LABELS else None


def _entity_of(token: Token) -> Span | None:
    """The span of ``doc.ents`` that holds ``token`` (an ``I`` or ``B`` token), read off
    the IOB tags around it: ``doc.ents`` would build every entity of the Doc."""
    doc, start = token.doc, token.i
    while start > 0 and doc[start].ent_iob == 1:  # 1: I(nside)
        start -= 1
    first = doc[start]
    if first.ent_iob != 3 or first.ent_type == 0:  # no B(egin) with a label: let doc.ents decide
        return next((e for e in doc.ents if e.start <= token.i < e.end), None)
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob == 1:
        end += 1
    return Span(doc, start, end, label=first.ent_type, kb_id=first.ent_kb_id, span_id=first.ent_id)


def _mention_span(token: Token) -> Span | None:
    if MENTIONS_KEY not in token.doc.spans:
        return None
    for span in token.doc.spans[MENTIONS_KEY]:
        if span.start <= token.i < span.end:
            return span
    return None


def _reporting_aside(node: Token, reporting_verbs: Collection[str]) -> Token | None:
    """ "X attacked Y, he said" when parsed as X's clause with a parataxis reporting verb."""
    for child in node.children:
        if child.dep_ == "parataxis" and child.lemma_ in reporting_verbs and child.pos_ == "VERB":
            if not any(c.dep_ == "ccomp" for c in child.children):
                return child
    return None


def _speaker(verb: Token, reporting_verbs: Collection[str]) -> Token | None:
    """The subject of the reporting verb; the agent of a passive; for a participle or
    infinitive without subject ("..., stating that"), the subject of the verb above."""
    node = verb
    for _ in range(5):
        subject = _subject(node)
        if subject is not None:
            return subject
        if node.dep_ not in ("advcl", "xcomp", "conj", "acl", "pcomp"):
            return None
        head = node.head.head if node.dep_ == "pcomp" else node.head
        if not is_verbal(head):
            head = event_verb(head)
            if not is_verbal(head):
                return None
        if head.dep_ == "ccomp" and head.head.lemma_ in reporting_verbs:
            # "He added that the U.S. is cautious, suggesting ...": a speech act hanging in a
            # reported clause is the reporter's, not the reported subject's.
            head = head.head
        node = head
    return None


def _subject(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.dep_ != "expl"]
    if any(c.dep_ == "auxpass" for c in verb.children):
        agents = [p for a in children(verb, ("agent",)) for p in children(a, ("pobj",))]
        if agents:
            return agents[0]
        subjects = [s for s in subjects if s.lower_ != "it"]
    if len(subjects) > 1:
        # "CONAKRY, Sept 6 - Guinea's commander said ...": the dateline is no speaker
        subjects = [s for s in subjects if not _dateline_place(s)] or subjects
    if subjects and subjects[0].tag_ in RELATIVE_TAGS:
        return _antecedent(verb, subjects[0])  # "religious leaders, who said that ...": the leaders
    return subjects[0] if subjects else None


def _dateline_place(token: Token) -> bool:
    """The upper-case place that opens a wire dateline ("CONAKRY, Sept 6 - ...")."""
    return token.i == token.sent.start and in_dateline(token)


def _antecedent(verb: Token, relative: Token) -> Token:
    """The noun a relative pronoun stands for: the head of its relative clause, or (when
    the parser hung the clause elsewhere) the noun just before the pronoun."""
    if verb.dep_ == "relcl" and verb.head.i != verb.i:
        return verb.head
    before = relative.i - 1
    while before >= relative.sent.start and relative.doc[before].is_punct:
        before -= 1
    if before >= relative.sent.start and relative.doc[before].pos_ in ("NOUN", "PROPN"):
        return relative.doc[before]
    return relative


def _distribute(heads: list[Token], *, apposition: bool = True) -> list[Span]:
    """Spans for each head and its conjuncts ("France and Mali" -> two)."""
    spans: list[Span] = []
    for head in heads:
        for actor in (head, *head.conjuncts):
            spans.extend(actor_spans(actor, apposition=apposition))
    return _unique(spans)


def actor_spans(token: Token, *, apposition: bool = True) -> list[Span]:
    """The spans that name the actor a speaker token stands for (see module docstring)."""
    doc = token.doc
    ent = entity_span(token)
    if ent is not None:
        return [ent]
    mention = _mention_span(token)
    if mention is not None:
        return [mention]
    if token.pos_ == "PRON":
        return [doc[token.i : token.i + 1]]
    if apposition:
        named = [s for a in children(token, ("appos",)) for t in (a, *a.conjuncts) if (s := entity_span(t))]
        if named:
            return _unique(named)  # "the leader of the Wagner Group, Prigozhin": Prigozhin
    affiliated: list[Span] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in AFFILIATION_PREPOSITIONS:
            for pobj in children(child, ("pobj",)):
                affiliated += [s for t in (pobj, *pobj.conjuncts) if (s := entity_span(t)) is not None]
        elif child.dep_ == "poss":
            poss = entity_span(child)
            if poss is not None:
                affiliated.append(poss)
            elif child.pos_ == "PRON":
                affiliated.append(doc[child.i : child.i + 1])
        elif child.dep_ == "compound" and (s := entity_span(child)) is not None:
            affiliated.append(s)
    if affiliated:
        return _unique(affiliated)
    left = [c for c in token.children if c.i < token.i and c.dep_ in NP_LEFT_DEPS]
    start = min((c.left_edge.i for c in left), default=token.i)
    while start < token.i and doc[start].lower_ in ARTICLES:
        start += 1  # "An anonymous official" -> "anonymous official" (the shortest phrase)
    return [doc[start : token.i + 1]]


def _unique(spans: list[Span]) -> list[Span]:
    seen: set[tuple[int, int]] = set()
    out = []
    for span in spans:
        if (span.start, span.end) not in seen:
            seen.add((span.start, span.end))
            out.append(span)
    return out
