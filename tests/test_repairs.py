"""Repairs of frequent misparses, each on the hand-built wrong parse it repairs."""

from __future__ import annotations

import pytest
from docbuild import build

from pipeline.claims.coref import MentionIndex
from pipeline.claims.repairs import (
    adjacent_antecedent,
    compound_participle,
    dateline_subject,
    listed_appositions,
    object_first_report,
    partitive_head,
    pobjs,
    preconj_members,
    real_subject,
    split_clause_coordination,
    stolen_object,
    stranded_conjuncts,
    stranded_subject,
)
from pipeline.claims.triggers import load_predicates


def test_repairs_stranded_subject(vocab_nlp):
    doc = build(
        vocab_nlp.vocab,
        """
        In in ADP IN 5 prep
        response response NOUN NN 0 pobj
        , , PUNCT , 3 punct
        France France PROPN NNP 1 appos B-GPE
        have have AUX VBP 5 aux
        introduced introduce VERB VBN 5 ROOT
        """,
    )
    assert stranded_subject(doc[5], MentionIndex(doc)).text == "France"


def test_repairs_stranded_conjuncts(vocab_nlp):
    doc = build(
        vocab_nlp.vocab,
        """
        According accord VERB VBG 8 prep
        to to ADP IN 0 prep
        AJ AJ PROPN NNP 1 pobj B-ORG
        , , PUNCT , 2 punct
        the the DET DT 5 det
        UN UN PROPN NNP 2 appos B-ORG
        and and CCONJ CC 0 cc
        AU AU PROPN NNP 8 nsubj B-ORG
        planned plan VERB VBD 8 ROOT
        """,
    )
    assert [t.text for t in stranded_conjuncts(doc[7], MentionIndex(doc))] == ["UN"]


def test_repairs_listed_appositions(vocab_nlp):
    doc = build(
        vocab_nlp.vocab,
        """
        France France PROPN NNP 5 nsubj B-GPE
        , , PUNCT , 0 punct
        Mali Mali PROPN NNP 0 appos B-GPE
        and and CCONJ CC 2 cc
        Chad Chad PROPN NNP 2 conj B-GPE
        met meet VERB VBD 5 ROOT
        """,
    )
    assert [t.text for t in listed_appositions(doc[0], MentionIndex(doc))] == ["Mali", "Chad"]


def test_repairs_preconj_members(vocab_nlp):
    doc = build(
        vocab_nlp.vocab,
        """
        both both CCONJ CC 4 preconj
        Bazoum Bazoum PROPN NNP 4 nmod B-PERSON
        and and CCONJ CC 1 cc
        leader leader NOUN NN 1 conj
        Chiyani Chiyani PROPN NNP 4 ROOT B-PERSON
        """,
    )
    assert [t.text for t in preconj_members(doc[4], MentionIndex(doc))] == ["Bazoum"]


def test_repairs_stolen_object(vocab_nlp):
    doc = build(
        vocab_nlp.vocab,
        """
        They they PRON PRP 1 nsubj
        declined decline VERB VBD 1 ROOT
        the the DET DT 3 det
        visit visit NOUN NN 4 nsubj
        citing cite VERB VBG 1 advcl
        concerns concern NOUN NNS 4 dobj
        """,
    )
    assert stolen_object(doc[1]).text == "visit"


def test_repairs_partitive_head_and_one_pobj(vocab_nlp):
    doc = build(
        vocab_nlp.vocab,
        """
        closed close VERB VBD 0 ROOT
        1,100 1,100 NUM CD 0 dobj
        of of ADP IN 1 prep
        dealerships dealership NOUN NNS 2 pobj
        """,
    )
    assert partitive_head(doc[1]).text == "dealerships"
    assert [t.text for t in pobjs(doc[2])] == ["dealerships"]


PARTICIPLE_AS_COMPOUND = """
    Paris Paris PROPN NNP 1 nsubj B-GPE
    imposed impose VERB VBD 1 ROOT
    curbs curb NOUN NNS 1 dobj
    , , PUNCT , 1 punct
    shutting shutting NOUN NN 5 compound
    ports port NOUN NNS 1 dobj
    . . PUNCT . 1 punct
"""


def test_repairs_compound_participle(vocab_nlp):
    """ "imposed curbs, shutting ports": the -ing word after the comma is a participle
    whose object is the noun it was hung on."""
    doc = build(vocab_nlp.vocab, PARTICIPLE_AS_COMPOUND)
    assert compound_participle(doc[4]).i == 5
    # a real noun modifier ("the shipping lanes") is left alone: no comma before it
    doc = build(
        vocab_nlp.vocab,
        """
        They they PRON PRP 1 nsubj
        closed close VERB VBD 1 ROOT
        the the DET DT 4 det
        shipping shipping NOUN NN 4 compound
        lanes lane NOUN NNS 1 dobj
        """,
    )
    assert compound_participle(doc[3]) is None


def test_repairs_compound_participle_makes_a_claim(vocab_nlp):
    from pipeline.claims.frames.heads import claim_heads
    from pipeline.claims.triggers import TriggerIndex
    from pipeline.config import CONFIG_DIR

    config = load_predicates(CONFIG_DIR / "predicates.yaml")
    config = config.model_copy(deep=True)
    close = next(p for p in config.predicates if p.name == "close")
    close.nouns.append("shutting")
    index = TriggerIndex(vocab_nlp.vocab, config)
    doc = build(vocab_nlp.vocab, PARTICIPLE_AS_COMPOUND)
    mentions = MentionIndex(doc, actor_nouns=config.actor_nouns)
    found = [
        (t.predicate, [h.text for h in heads.subjects], [h.text for h in heads.objects])
        for t, heads in claim_heads(index.find(doc), index, mentions)
    ]
    assert ("close", ["Paris"], ["ports"]) in found


CHARGE_DENIED = """
    The the DET DT 1 det
    rebels rebel NOUN NNS 2 nsubj
    attacked attack VERB VBD 9 ccomp
    the the DET DT 4 det
    base base NOUN NN 2 dobj
    , , PUNCT , 9 punct
    a a DET DT 7 det
    charge charge NOUN NN 9 dobj
    Lome Lome PROPN NNP 9 nsubj B-GPE
    rejects reject VERB VBZ 9 ROOT
    . . PUNCT . 9 punct
"""


def test_repairs_object_first_report(vocab_nlp):
    """ "The rebels attacked the base, a charge Lome rejects": the main clause parsed as the
    complement of the apposition's verb; that verb reports nothing."""
    doc = build(vocab_nlp.vocab, CHARGE_DENIED.replace("rejects reject", "denies deny"))
    assert object_first_report(doc[9])
    doc = build(
        vocab_nlp.vocab,
        """
        Lome Lome PROPN NNP 1 nsubj B-GPE
        denied deny VERB VBD 1 ROOT
        that that SCONJ IN 5 mark
        the the DET DT 4 det
        rebels rebel NOUN NNS 5 nsubj
        attacked attack VERB VBD 1 ccomp
        . . PUNCT . 1 punct
        """,
    )
    assert not object_first_report(doc[1])


def test_repairs_adjacent_antecedent(vocab_nlp):
    """ "Talks between the army and the rebels who attacked": a relative clause hung on the
    distant non-actor "Talks" belongs to the actor right before "who"."""
    doc = build(
        vocab_nlp.vocab,
        """
        Talks talk NOUN NNS 9 nsubj
        between between ADP IN 0 prep
        the the DET DT 3 det
        army army NOUN NN 1 pobj
        and and CCONJ CC 3 cc
        the the DET DT 6 det
        rebels rebel NOUN NNS 3 conj
        who who PRON WP 8 nsubj
        attacked attack VERB VBD 0 relcl
        stalled stall VERB VBD 9 ROOT
        """,
    )
    actors = {"army", "rebel"}
    is_actor = lambda t: t.lemma_ in actors  # noqa: E731
    assert adjacent_antecedent(doc[8], doc[0], is_actor).text == "rebels"
    assert adjacent_antecedent(doc[8], doc[0], lambda t: True).text == "Talks"  # an actor keeps it


SEIZED_AND_ATTACKED = """
    Officers officer NOUN NNS 1 nsubj
    took take VERB VBD 1 ROOT
    power power NOUN NN 6 nsubj
    and and CCONJ CC 2 cc
    crowds crowd NOUN NNS 2 conj
    then then ADV RB 6 advmod
    attacked attack VERB VBD 1 ccomp
    the the DET DT 8 det
    embassy embassy NOUN NN 6 dobj
    . . PUNCT . 1 punct
"""


def test_repairs_split_clause_coordination(vocab_nlp):
    """ "Officers took power and crowds then attacked the embassy", parsed with "power and
    crowds" as the subject of "attacked": power is the object of "took", crowds attack."""
    doc = build(vocab_nlp.vocab, SEIZED_AND_ATTACKED)
    obj, sub = split_clause_coordination(doc[1])
    assert (obj.text, sub.text) == ("power", "crowds")
    assert split_clause_coordination(doc[6]) is None


# "GENEVA (AP) - Malian troops killed civilians": the place is the subject, the troops its
# apposition after the dash.
DATELINE_AGENCY = """
GENEVA Geneva PROPN NNP 7 nsubj B-GPE
( ( PUNCT -LRB- 0 punct
AP AP PROPN NNP 0 appos B-ORG
) ) PUNCT -RRB- 0 punct
- - PUNCT HYPH 0 punct
Malian malian ADJ JJ 6 amod B-NORP
troops troop NOUN NNS 0 appos
killed kill VERB VBD 7 ROOT
civilians civilian NOUN NNS 7 dobj
"""
# "ACCRA, Jan 10 - leaders imposed sanctions"
DATELINE_DATE = """
ACCRA Accra PROPN NNP 7 nsubj B-GPE
, , PUNCT , 0 punct
Jan Jan PROPN NNP 0 npadvmod B-DATE
10 10 NUM CD 2 nummod I-DATE
- - PUNCT HYPH 0 punct
West west ADJ JJ 6 amod
leaders leader NOUN NNS 0 appos
imposed impose VERB VBD 7 ROOT
sanctions sanction NOUN NNS 7 dobj
"""
# "Tinubu, the president, met Tiani": an apposition, no dateline
NO_DATELINE = """
Tinubu Tinubu PROPN NNP 5 nsubj B-PERSON
, , PUNCT , 0 punct
the the DET DT 3 det
president president NOUN NN 0 appos
, , PUNCT , 0 punct
met meet VERB VBD 5 ROOT
Tiani Tiani PROPN NNP 5 dobj B-PERSON
"""


# "ACCRA (AP) - imposed sanctions": a dateline, but no apposition on its place
DATELINE_NO_APPOSITION = """
ACCRA Accra PROPN NNP 5 nsubj B-GPE
( ( PUNCT -LRB- 0 punct
AP AP PROPN NNP 0 npadvmod B-ORG
) ) PUNCT -RRB- 0 punct
- - PUNCT HYPH 0 punct
imposed impose VERB VBD 5 ROOT
sanctions sanction NOUN NNS 5 dobj
"""


@pytest.mark.parametrize(
    "table,subject",
    [
        (DATELINE_AGENCY, "troops"),
        (DATELINE_DATE, "leaders"),
        (NO_DATELINE, "Tinubu"),
        (DATELINE_NO_APPOSITION, "ACCRA"),
    ],
)
def test_repairs_dateline_subject(vocab_nlp, table, subject):
    doc = build(vocab_nlp.vocab, table)
    found = dateline_subject(doc[0])
    assert (found is None) is (subject in ("Tinubu", "ACCRA"))
    assert real_subject(doc[0]).text == subject
