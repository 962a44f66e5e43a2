"""Selectional restrictions (pipeline/rules/selection.py) on hand-built Docs, and their
effect on whole claims through ``extract_claims`` (no parser weights involved)."""

from __future__ import annotations

import pytest
from docbuild import build

from pipeline.components.claims import extract_claims
from pipeline.config import CONFIG_DIR, load_yaml_model
from pipeline.models import PredicatesConfig, PredicateSpec
from pipeline.rules.selection import admits_objects, has_participant, reported_event
from pipeline.rules.triggers import TriggerIndex


@pytest.fixture(scope="module")
def config():
    return load_yaml_model(CONFIG_DIR / "predicates.yaml", PredicatesConfig)


@pytest.fixture(scope="module")
def index(vocab_nlp, config):
    return TriggerIndex(vocab_nlp.vocab, config)


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
        pytest.param(ORDERED_TO_LEAVE, [(None, "demand", "envoy")], id="was ordered to leave: demand, no withdraw"),
        pytest.param(HOURS_TO_LEAVE, [], id="a clause naming no participant makes no claim"),
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
