"""resolve_span and owner_before on hand-built Docs with a small gazetteer."""

from __future__ import annotations

import datetime as dt

import pytest
from docbuild import build
from spacy.tokens import Span

import pipeline.doc  # noqa: F401 - registers doc._.published
from pipeline.config import parse_yaml_model
from pipeline.gazetteer.entities import owner_before
from pipeline.gazetteer.index import build_index
from pipeline.gazetteer.mentions import resolve_span
from pipeline.models import Gazetteer

MINI = """
entries:
  - {id: Niger, label: GPE}
  - {id: Mali, label: GPE}
  - {id: Niger_junta, label: ORG, descriptions: [{about: [Niger], phrases: [junta, military junta]}]}
  - {id: Mali_junta, label: ORG, descriptions: [{about: [Mali], phrases: [junta, military junta]}]}
  - id: Mohamed_Bazoum
    label: PERSON
    roles: [{title: president, of: Niger, start: 2021-04-02, end: 2023-07-26}]
"""
MALI_JUNTA_MET = """
    Mali Mali PROPN NNP 3 poss  # 0
    's 's PART POS 0 case  # 1
    military military ADJ JJ 3 amod  # 2
    junta junta NOUN NN 4 nsubj  # 3
    met meet VERB VBD 4 ROOT  # 4
    Niger Niger PROPN NNP 7 poss  # 5
    's 's PART POS 5 case  # 6
    president president NOUN NN 4 dobj  # 7
    . . PUNCT . 4 punct  # 8
"""
WHOSE_JUNTA = """
    Mali Mali PROPN NNP 4 nsubj  # 0
    , , PUNCT , 0 punct  # 1
    whose whose DET WP$ 3 poss  # 2
    junta junta NOUN NN 0 appos  # 3
    left leave VERB VBD 4 ROOT  # 4
"""


@pytest.fixture(scope="module")
def index():
    return build_index(parse_yaml_model(MINI, Gazetteer))


def _doc(vocab_nlp, table, ents):
    doc = build(vocab_nlp.vocab, table)
    doc.ents = [Span(doc, s, e, label=label, kb_id=kb) for s, e, label, kb in ents]
    doc._.published = dt.date(2023, 7, 1)
    return doc


@pytest.mark.parametrize(
    "start,end,expected",
    [
        (0, 4, "Mali_junta"),  # "Mali's military junta": the owner inside the phrase
        (2, 4, "Mali_junta"),  # "military junta": the owner just before it, over "'s"
        (3, 4, None),  # "junta": no owner, and the article is about both countries
        (5, 8, "Mohamed_Bazoum"),  # "Niger's president": a role of its owner, on the date
        (7, 8, "Mohamed_Bazoum"),
        (4, 5, None),
    ],
)
def test_resolve_span_owner_before_the_description(vocab_nlp, index, start, end, expected):
    doc = _doc(vocab_nlp, MALI_JUNTA_MET, [(0, 1, "GPE", "Mali"), (5, 6, "GPE", "Niger")])
    doc.user_data["sahel_focus"] = {"Niger": 3, "Mali": 3}
    span = doc[start:end]
    assert resolve_span(span, index) == expected
    # the entities read once by the caller, as a tuple or a list, give the same answer
    assert resolve_span(span, index, ents=doc.ents) == expected
    assert resolve_span(span, index, ents=list(doc.ents)) == expected


@pytest.mark.parametrize(
    "table,ents,start,expected",
    [
        (MALI_JUNTA_MET, [(0, 1, "GPE", "Mali")], 2, "Mali"),  # "Mali 's | military"
        (MALI_JUNTA_MET, [(0, 1, "GPE", "Mali")], 1, "Mali"),  # right after the name
        (MALI_JUNTA_MET, [(0, 1, "GPE", "Mali")], 3, None),
        (MALI_JUNTA_MET, [(0, 1, "GPE", "")], 2, None),  # an unlinked name owns nothing
        (WHOSE_JUNTA, [(0, 1, "GPE", "Mali")], 3, "Mali"),  # "Mali, whose | junta"
        (WHOSE_JUNTA, [(0, 1, "GPE", "Mali")], 0, None),
    ],
)
def test_owner_before(vocab_nlp, table, ents, start, expected):
    doc = _doc(vocab_nlp, table, ents)
    assert owner_before(doc, start, doc.ents) == expected
    # only the entities that end at most two tokens before the start can be the owner
    near = [e for e in doc.ents if start - 2 <= e.end <= start]
    assert owner_before(doc, start, near) == expected
