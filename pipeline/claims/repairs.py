"""Repairs of frequent misparses of spaCy's small English model, as small pure functions.

Each recognises one pattern that the parser gets wrong in news text and returns what the
sentence means; each is a linguistic pattern, never a sentence:

- :func:`stranded_subject`: names hung as an apposition inside a fronted phrase ("In
  response to the coup, France, the U.S. ... have introduced sanctions");
- :func:`stranded_conjuncts`: the first conjuncts of a subject hung that way ("According to
  Al Jazeera, the UN, African Union, and ECOWAS had planned");
- :func:`listed_appositions`: a list parsed as an apposition ("France, the U.S. and ECOWAS");
- :func:`preconj_members`: "both X and Y" parsed as one noun phrase;
- :func:`stolen_object`: an object parsed as the subject of the participle after it
  ("declined their visit citing concerns");
- :func:`partitive_head`: "1,100 of its dealerships" (the head is the "of" object);
- :func:`compound_participle`: a participle after a comma parsed as a noun modifier
  ("imposed sanctions, closing borders": "closing" as a compound of "borders");
- :func:`object_first_report`: "X accused Y, a charge Z denies" parsed with the main
  clause as the complement of "denies";
- :func:`split_clause_coordination`: "X seized power and protesters attacked Y" parsed
  with "power and protesters" as the subject of "attacked";
- :func:`adjacent_antecedent`: a relative clause hung on a distant noun ("Relations
  between the mission and the junta that seized power");
- :func:`pobjs`: one object per preposition (several are one hyphenated word, "re-run").
"""

from __future__ import annotations

from spacy.tokens import Token

from .coref import MentionIndex
from .dateline import dateline_dash
from .vocab import PARTITIVES, PASS_SUBJ, RELATIVE_TAGS, SUBJ


def pobjs(prep: Token) -> list[Token]:
    """The object of a preposition (one: several are a misparse of one hyphenated word)."""
    found = [c for c in prep.children if c.dep_ in ("pobj", "pcomp") and c.pos_ not in ("VERB", "PUNCT")]
    return found[-1:]


def partitive_head(token: Token) -> Token:
    """ "1,100 of its dealerships", "three of its member states": the "of" object."""
    if token.pos_ == "NUM" or token.lower_ in PARTITIVES:
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
            found = pobjs(prep)
            if found:
                return found[0]
    return token


def listed_appositions(token: Token, index: MentionIndex) -> list[Token]:
    """ "France, the U.S. and ECOWAS" parsed as France with an apposition "the U.S. and
    ECOWAS": a name in apposition to a name that is itself coordinated is a list; so are
    actors in apposition to an actor ("the President, Prime Minister and other officials")."""
    named = index.entity_at(token) is not None
    if not named and not index.is_actor(token):
        return []
    fits = (lambda t: index.entity_at(t) is not None) if named else index.is_actor
    out: list[Token] = []
    for app in (c for c in token.children if c.dep_ == "appos" and fits(c)):
        conj = [c for c in app.conjuncts if fits(c)]
        if conj and (named or len(conj) == len(app.conjuncts)):
            out.extend([app, *conj])
    return out


def preconj_members(token: Token, index: MentionIndex) -> list[Token]:
    """ "both the detained Bazoum and coup leader Chiyani" parsed as one noun phrase: the
    names hanging as modifiers of a head that carries "both"/"either"/"neither"."""
    if not any(c.dep_ == "preconj" for c in token.children):
        return []
    return [
        c for c in token.children if c.dep_ in ("nmod", "compound") and c.i < token.i and index.entity_at(c) is not None
    ]


def stranded_conjuncts(token: Token, index: MentionIndex) -> list[Token]:
    """ "According to Al Jazeera, the UN, African Union, and ECOWAS had planned": the
    first conjuncts of a subject hung as an apposition in the fronted phrase before it."""
    if token.dep_ not in SUBJ | PASS_SUBJ or index.entity_at(token) is None:
        return []
    i = token.left_edge.i - 1
    while i >= token.sent.start and (token.doc[i].dep_ == "cc" or token.doc[i].is_punct):
        i -= 1
    if i < token.sent.start or token.doc[i].lower_ == token.lower_:
        return []
    node = token.doc[i]
    if index.entity_at(node) is None or not any(t.dep_ == "cc" for t in token.doc[i : token.i]):
        return []
    while node.dep_ == "conj" and node.head.i < node.i:
        node = node.head
    if node.dep_ != "appos" or index.entity_at(node) is None:
        return []
    return [node, *[c for c in node.conjuncts if index.entity_at(c) is not None]]


def stranded_subject(verb: Token, index: MentionIndex) -> Token | None:
    """A finite clause whose subject the parser hung elsewhere: the names right before its
    auxiliaries, attached as an apposition inside a fronted phrase ("In response to the
    coup, France, the U.S. and ECOWAS have introduced sanctions")."""
    if verb.dep_ not in ("ROOT",) or not any(c.dep_ == "aux" for c in verb.children):
        return None
    first = min(
        [verb] + [c for c in verb.children if c.dep_ in ("aux", "advmod", "neg") and c.i < verb.i], key=lambda t: t.i
    )
    node = verb.doc[first.i - 1] if first.i > verb.sent.start else None
    while node is not None and node.dep_ != "appos" and node.head.i != node.i and node.head.i < node.i:
        node = node.head
    if node is not None and node.dep_ == "appos" and index.entity_at(node) is not None:
        return node
    return None


def stolen_object(verb: Token) -> Token | None:
    """ "declined their visit citing concerns": the parser took the object for the subject
    of the participle that follows; a participial clause has no subject of its own."""
    for clause in (c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > verb.i):
        sub = next((c for c in clause.children if c.dep_ == "nsubj" and verb.i < c.i < clause.i), None)
        if sub is not None and sub.pos_ in ("NOUN", "PROPN"):
            return sub
    return None


def compound_participle(token: Token) -> Token | None:
    """ "imposed sanctions, closing borders and freezing assets": an -ing word right after
    a comma, parsed as a noun modifying the next noun, is a participle whose object is that
    noun; returns the object, else None."""
    if token.dep_ != "compound" or token.tag_ != "NN" or not token.lower_.endswith("ing"):
        return None
    if token.i == 0 or token.nbor(-1).lower_ not in (",", "and"):
        return None
    obj = token.head
    if obj.i != token.i + 1 or obj.dep_ not in ("dobj", "conj") or obj.pos_ != "NOUN":
        return None
    return obj


def appositive_conjunct(token: Token) -> bool:
    """An indefinite common noun between commas right after a name, parsed as a conjunct:
    "JNIM, an al Qaeda affiliate, and the local branch of IS" restates JNIM (an
    apposition), it is not another actor."""
    doc = token.doc
    if token.dep_ != "conj" or token.pos_ != "NOUN":
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
        return False
    own = [token, *(t for c in token.children if c.dep_ not in ("conj", "cc", "punct") for t in c.subtree)]
    start, end = min(t.i for t in own), max(t.i for t in own)
    if start < 2 or end + 1 >= len(doc) or doc[start - 1].text != "," or doc[end + 1].text != ",":
        return False
    before = doc[start - 2]
    return before.pos_ == "PROPN" and before.ent_type_ != "" and any(c.dep_ == "cc" for c in token.children)


def restated_name(token: Token) -> Token | None:
    """A definite description followed by its name between commas, parsed as a conjunct:
    in "the West African regional bloc, ECOWAS, suspended Mali" the name restates the
    bloc (an apposition), it is not a second actor. Returns the name's head, else None."""
    if token.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return None
    if any(c.dep_ == "cc" for c in token.children):
        return None
    names = [c for c in token.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.ent_type_]
    if len(names) != 1 or len(token.conjuncts) != 1:
        return None
    name = names[0]
    doc = token.doc
    words = [t.i for t in name.subtree if not t.is_punct]
    start, end = min(words), max(words)
    if any(c.dep_ == "cc" for c in name.children) or start < 1 or doc[start - 1].text != ",":
        return None
    if end + 1 < len(doc) and doc[end + 1].text not in (",", "(", ")"):
        return None
    return name


def apposed_name(subjects: list[Token]) -> Token | None:
    """Two subjects that are a name and, right after it past a comma, a description
    of it are one: in "Bah N'Daw, a retired colonel was appointed" the parser gave the
    verb both; the name is the argument (SPEC: the name in an apposition)."""
    if len(subjects) != 2:
        return None
    name, desc = sorted(subjects, key=lambda t: t.i)
    if not name.ent_type_ or name.pos_ != "PROPN" or desc.pos_ != "NOUN":
        return None
    words = [t.i for t in name.subtree if not t.is_punct]
    comma = desc.left_edge.i - 1
    return name if comma == max(words) + 1 and name.doc[comma].text == "," else None


def fronted_apposition(subject: Token) -> Token | None:
    """ "At the direction of Secretary Blinken, Ambassador FitzGibbon has traveled": the
    parser made the last name of the fronted phrase the subject and hung the real subject
    on it as an apposition. Two persons are never in apposition: the second one acts."""
    if subject.ent_type_ != "PERSON" or subject.sent[0].pos_ != "ADP":
        return None
    for app in subject.children:
        if app.dep_ == "appos" and app.ent_type_ == "PERSON" and app.i > subject.i:
            between = subject.doc[subject.i + 1 : app.left_edge.i]
            if any(t.text == "," for t in between):
                return app
    return None


def reduced_relative(verb: Token) -> Token | None:
    """ "the release of all the officials detained and urged ...": a past verb right after
    a noun, with no subject, object or auxiliary of its own, is a participle on that noun
    (the officials were detained), whatever the parser attached it to. Returns the noun."""
    if verb.tag_ not in ("VBD", "VBN") or verb.i == 0 or verb.dep_ not in ("advcl", "conj", "ccomp"):
        return None
    noun = verb.doc[verb.i - 1]
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ in SUBJ or noun.dep_ in PASS_SUBJ:
        return None
    if any(
        c.dep_ in SUBJ | PASS_SUBJ | {"dobj", "aux", "auxpass"}
        for c in verb.children
        if c.i < verb.i or c.dep_ == "dobj"
    ):
        return None
    return noun


def fronted_place(token: Token) -> Token | None:
    """ "In Mali, the junta ended ...": the parser made the place the subject and hung the
    real subject on it as an apposition. Returns the place when ``token`` is such an
    apposition, else None."""
    place = token.head
    if token.dep_ != "appos" or token.pos_ != "NOUN" or place.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if place.ent_type_ not in ("GPE", "LOC") or place.i == 0:
        return None
    prep = place.doc[place.left_edge.i - 1]
    if prep.pos_ != "ADP" or prep.lower_ not in ("in", "inside", "across") or any(True for _ in prep.children):
        return None
    return place


def dateline_subject(sub: Token) -> Token | None:
    """ "GENEVA (AP) - Malian troops and foreign personnel killed ...": the parser made the
    dateline's place the subject and hung the real subject on it as an apposition after
    the dash. Returns that apposition when ``sub`` lies in a wire dateline, else None."""
    appositions = [c for c in sub.children if c.dep_ == "appos"]
    if not appositions:
        return None  # (without one, no need to look for the dateline)
    dash = dateline_dash(sub.sent)
    if dash is None or sub.i >= dash.i:
        return None
    return next((c for c in appositions if c.i > dash.i), None)


def real_subject(sub: Token) -> Token:
    """The subject after :func:`fronted_place` and :func:`dateline_subject`: the apposition,
    not the place."""
    app = next((c for c in sub.children if c.dep_ == "appos" and fronted_place(c) is not None), None)
    if app is None:
        app = dateline_subject(sub)
    return app if app is not None else sub


def object_first_report(verb: Token) -> bool:
    """ "The officers accused France of plotting, a charge Paris denies": the parser made
    the main clause the complement of the reporting verb of an apposition (a reduced
    relative clause on "charge"). The sign: the verb's object stands before it, after a
    comma that closes the clausal complement. Such a verb reports nothing."""
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.i < verb.i]
    comps = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i < verb.i]
    if not objs or not comps:
        return False
    obj, comp = objs[0], comps[0]
    between = verb.doc[comp.right_edge.i + 1 : obj.left_edge.i]
    return comp.right_edge.i < obj.left_edge.i and any(t.text == "," for t in between)


def split_clause_coordination(verb: Token) -> tuple[Token, Token] | None:
    """ "a faction seized power and protesters attacked the embassy": the parser took
    "power and protesters" for the subject of a complement clause of "seized". When
    ``verb`` has no object and such a clause follows it at once, returns (the verb's
    object, the clause's real subject): the first conjunct and the second."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return None
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i):
        if any(c.dep_ == "mark" for c in clause.children):
            continue
        sub = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if sub is None or sub.left_edge.i != verb.i + 1 or sub.pos_ != "NOUN":
            continue
        conj = next((c for c in sub.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")), None)
        if conj is not None and any(c.dep_ == "cc" and c.lower_ == "and" for c in sub.children):
            return sub, conj
    return None


def adjacent_antecedent(verb: Token, antecedent: Token, is_actor) -> Token:
    """ "Relations between the mission and the junta that seized power": the parser hung
    the relative clause on a distant noun that is no actor, while the noun right before
    the relative pronoun, inside that noun's phrase, is one: the near noun is the
    antecedent. ``antecedent`` is what the parse gives; returns the repaired one."""
    rel = next((c for c in verb.children if c.dep_ in SUBJ and c.tag_ in RELATIVE_TAGS), None)
    if rel is None or rel.i == 0 or verb.dep_ != "relcl":
        return antecedent
    near = rel.doc[rel.i - 1]
    if near.pos_ not in ("NOUN", "PROPN") or near.i == antecedent.i or is_actor(antecedent) or not is_actor(near):
        return antecedent
    if not antecedent.left_edge.i <= near.i <= antecedent.right_edge.i:
        return antecedent
    return near
