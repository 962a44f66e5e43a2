"""Selectional restrictions (pipeline/claims/selection.py) on hand-built Docs, and their
effect on whole claims through ``extract_claims`` (no parser weights involved)."""

from __future__ import annotations

import pytest
from docbuild import build

from pipeline.claims.component import extract_claims
from pipeline.claims.selection import admits_objects, designates_an_office, has_participant, reported_event
from pipeline.models import PredicateSpec


def triples(doc, index):
    return [
        (c.subject.text if c.subject else None, c.predicate, c.object.text if c.object else None)
        for c in extract_claims(doc, index)
    ]


CLOSE_BORDER = """
    The the DET DT 1 det
    junta junta NOUN NN 2 nsubj
    closed close VERB VBD 2 ROOT
    the the DET DT 4 det
    border border NOUN NN 2 dobj
    . . PUNCT . 2 punct
"""
CLOSE_MISSION = """
    The the DET DT 1 det
    army army NOUN NN 2 nsubj
    closed close VERB VBD 2 ROOT
    a a DET DT 5 det
    long long ADJ JJ 5 amod
    mission mission NOUN NN 2 dobj
    . . PUNCT . 2 punct
"""
TERMS_MET = """
    The the DET DT 1 det
    terms term NOUN NNS 4 nsubjpass
    were be AUX VBD 4 auxpass
    not not PART RB 4 neg
    met meet VERB VBN 4 ROOT
    . . PUNCT . 4 punct
"""
MET_ENVOY = """
    Chad Chad PROPN NNP 1 nsubj B-GPE
    met meet VERB VBD 1 ROOT
    the the DET DT 3 det
    envoy envoy NOUN NN 1 dobj
    . . PUNCT . 1 punct
"""
ANNOUNCED_THE_PULLOUT = """
    Paris Paris PROPN NNP 1 nsubj B-GPE
    announced announce VERB VBD 1 ROOT
    the the DET DT 3 det
    pullout pullout NOUN NN 1 dobj
    on on ADP IN 3 prep
    Friday Friday PROPN NNP 4 pobj B-DATE
    . . PUNCT . 1 punct
"""
ANNOUNCED_PULLOUT_FROM = """
    Paris Paris PROPN NNP 1 nsubj B-GPE
    announced announce VERB VBD 1 ROOT
    the the DET DT 3 det
    pullout pullout NOUN NN 1 dobj
    from from ADP IN 3 prep
    Chad Chad PROPN NNP 4 pobj B-GPE
    . . PUNCT . 1 punct
"""
ORDERED_TO_LEAVE = """
    The the DET DT 1 det
    envoy envoy NOUN NN 3 nsubjpass
    was be AUX VBD 3 auxpass
    ordered order VERB VBN 3 ROOT
    to to PART TO 5 aux
    leave leave VERB VB 3 xcomp
    . . PUNCT . 3 punct
"""
HOURS_TO_LEAVE = """
    Giving give VERB VBG 0 ROOT
    him he PRON PRP 0 dative
    two two NUM CD 3 nummod
    days day NOUN NNS 0 dobj
    to to PART TO 5 aux
    leave leave VERB VB 3 acl
    . . PUNCT . 0 punct
"""


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        pytest.param(CLOSE_BORDER, [("junta", "close", "border")], id="close admits a border"),
        pytest.param(CLOSE_MISSION, [], id="closing a mission is ending it, not close"),
        pytest.param(TERMS_MET, [], id="terms were met: no actor object, no meet"),
        pytest.param(MET_ENVOY, [("Chad", "meet", "envoy")], id="met an actor: meet"),
        pytest.param(ANNOUNCED_THE_PULLOUT, [], id="announced the pullout reports a known event"),
        pytest.param(
            ANNOUNCED_PULLOUT_FROM, [("Paris", "withdraw", "Chad")], id="a pullout with its own place is new content"
        ),
        pytest.param(
            ORDERED_TO_LEAVE,
            [(None, "demand", "envoy"), ("envoy", "withdraw", None)],
            id="was ordered to leave: demand, and the envoy's requested withdrawal",
        ),
        pytest.param(
            HOURS_TO_LEAVE,
            [(None, "demand", "him"), ("him", "withdraw", None)],
            id="giving him two days to leave: a demand on him, and his requested departure (SPEC 4, revision 2)",
        ),
    ],
)
def test_selection_claims(vocab_nlp, index, table, expected):
    assert triples(build(vocab_nlp.vocab, table), index) == expected


def test_selection_admits_objects_by_head_and_actor(vocab_nlp):
    doc = build(vocab_nlp.vocab, CLOSE_MISSION)
    mission, army = doc[5], doc[1]
    spec = PredicateSpec(name="close", object_heads=["border"])
    assert not admits_objects(spec, [mission], lambda t: True)
    assert admits_objects(spec, [], lambda t: True)
    spec = PredicateSpec(name="meet", object_actor_if_any=True)
    assert admits_objects(spec, [army], lambda t: t.i == army.i)
    assert not admits_objects(spec, [mission], lambda t: t.i == army.i)
    assert admits_objects(spec, [], lambda t: False)


def test_selection_reported_event_needs_a_definite_bare_noun(vocab_nlp):
    doc = build(vocab_nlp.vocab, ANNOUNCED_THE_PULLOUT)
    verb, noun = doc[1], doc[3]
    assert reported_event(verb, noun, [noun], {"announce"})
    assert not reported_event(verb, noun, [noun], {"say"})  # not a reporting verb
    assert not reported_event(verb, noun, [doc[0]], {"announce"})  # the object is not the noun
    doc = build(vocab_nlp.vocab, ANNOUNCED_PULLOUT_FROM)
    assert not reported_event(doc[1], doc[3], [doc[3]], {"announce"}, preps=["from"])


def test_selection_has_participant():
    assert has_participant("verb", ["x"], [], nominal_rule="nominal")
    assert not has_participant("verb", [], [], nominal_rule="nominal")
    assert has_participant("nominal", [], [], nominal_rule="nominal")


DESIGNATE_PRESIDENT = """
    The the DET DT 1 det
    council council NOUN NN 3 nsubj
    will will AUX MD 3 aux
    designate designate VERB VB 3 ROOT
    an an DET DT 6 det
    interim interim ADJ JJ 6 amod
    president president NOUN NN 3 dobj
    . . PUNCT . 3 punct
"""

DESIGNATE_AS = """
    Washington Washington PROPN NNP 1 nsubj B-GPE
    designated designate VERB VBD 1 ROOT
    the the DET DT 3 det
    militia militia NOUN NN 1 dobj
    as as ADP IN 1 prep
    a a DET DT 7 det
    terrorist terrorist ADJ JJ 7 amod
    group group NOUN NN 4 pobj
    . . PUNCT . 1 punct
"""


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        pytest.param(DESIGNATE_PRESIDENT, [("council", "appoint", "interim president")], id="designate a president"),
        pytest.param(DESIGNATE_AS, [("Washington", "designate", "militia")], id="designate X as a class"),
    ],
)
def test_selection_designate_an_office_is_appoint(vocab_nlp, index, table, expected):
    assert triples(build(vocab_nlp.vocab, table), index) == expected


def test_selection_designates_an_office(vocab_nlp):
    doc = build(vocab_nlp.vocab, DESIGNATE_PRESIDENT)
    assert designates_an_office(doc[3], [doc[6]], lambda t: t.lemma_ == "president")
    assert not designates_an_office(doc[3], [doc[6]], lambda t: False)  # no role holder
    assert not designates_an_office(doc[3], [], lambda t: True)
    doc = build(vocab_nlp.vocab, DESIGNATE_AS)
    assert not designates_an_office(doc[1], [doc[3]], lambda t: True)  # a class is named


def test_selection_a_time_is_no_object(vocab_nlp):
    """ "ending a tense weekend" is no cancel: a date is the object of no predicate."""
    doc = build(
        vocab_nlp.vocab,
        """
        Talks talk NOUN NNS 1 nsubj
        ended end VERB VBD 1 ROOT
        a a DET DT 4 det B-DATE
        tense tense ADJ JJ 4 amod I-DATE
        weekend weekend NOUN NN 1 dobj I-DATE
        . . PUNCT . 1 punct
        """,
    )
    assert not admits_objects(PredicateSpec(name="cancel"), [doc[4]], lambda t: True)
    assert admits_objects(PredicateSpec(name="cancel"), [doc[0]], lambda t: True)


def test_selection_apposition_verb_neither_negates_nor_reports(vocab_nlp, index):
    """ "The rebels attacked the base, a charge Lome denies", parsed with the main clause as
    the complement of "denies": the attack is asserted, unnegated and the article's own;
    Lome rejects the charge."""
    doc = build(
        vocab_nlp.vocab,
        """
        The the DET DT 1 det
        rebels rebel NOUN NNS 2 nsubj
        attacked attack VERB VBD 9 ccomp
        the the DET DT 4 det
        base base NOUN NN 2 dobj
        , , PUNCT , 9 punct
        a a DET DT 7 det
        charge charge NOUN NN 9 dobj
        Lome Lome PROPN NNP 9 nsubj B-GPE
        denies deny VERB VBZ 9 ROOT
        . . PUNCT . 9 punct
        """,
    )
    found = {
        (c.predicate, c.subject.text, c.object.text, c.negated, tuple(c.source)) for c in extract_claims(doc, index)
    }
    assert found == {("attack", "rebels", "base", False, ()), ("reject", "Lome", "charge", False, ())}


def test_selection_a_thing_beside_an_actor_does_not_act(vocab_nlp, index):
    """ "The troops and their equipment left": the troops leave; the equipment is no agent."""
    doc = build(
        vocab_nlp.vocab,
        """
        The the DET DT 1 det
        troops troop NOUN NNS 5 nsubj
        and and CCONJ CC 1 cc
        their their PRON PRP$ 4 poss
        equipment equipment NOUN NN 1 conj
        left leave VERB VBD 5 ROOT
        . . PUNCT . 5 punct
        """,
    )
    assert triples(doc, index) == [("troops", "withdraw", None)]
