"""is_negated: polarity of a claim's trigger, on hand-built parses (no model loaded)."""

from __future__ import annotations

import pytest
from docbuild import build

from pipeline.claims.attributes.negation import is_negated, local_negation

CASES = [
    pytest.param(
        """
        The the DET DT 2 det  # 0
        coup coup NOUN NN 2 compound  # 1
        leaders leader NOUN NNS 5 nsubj  # 2
        have have AUX VBP 5 aux  # 3
        not not PART RB 5 neg  # 4
        reinstated reinstate VERB VBN 5 ROOT  # 5
        Bazoum Bazoum PROPN NNP 5 dobj  # 6
        . . PUNCT . 5 punct  # 7
        """,
        5,
        True,
        id="The coup leaders have not reinstated Bazoum.",
    ),
    pytest.param(
        """
        The the DET DT 1 det  # 0
        U.S. U.S. PROPN NNP 2 nsubj  # 1
        has have VERB VBZ 2 ROOT  # 2
        yet yet ADV RB 2 advmod  # 3
        to to PART TO 5 aux  # 4
        label label VERB VB 2 xcomp  # 5
        the the DET DT 7 det  # 6
        situation situation NOUN NN 5 dobj  # 7
        as as ADP IN 5 prep  # 8
        a a DET DT 10 det  # 9
        coup coup NOUN NN 8 pobj  # 10
        . . PUNCT . 2 punct  # 11
        """,
        5,
        True,
        id="The U.S. has yet to label the situation as a coup.",
    ),
    pytest.param(
        """
        The the DET DT 1 det  # 0
        organization organization NOUN NN 2 nsubj  # 1
        refrained refrain VERB VBN 2 ROOT  # 2
        from from ADP IN 2 prep  # 3
        using use VERB VBG 3 pcomp  # 4
        force force NOUN NN 4 dobj  # 5
        . . PUNCT . 2 punct  # 6
        """,
        4,
        True,
        id="The organization refrained from using force.",
    ),
    pytest.param(
        """
        The the DET DT 2 det  # 0
        coup coup NOUN NN 2 compound  # 1
        leaders leader NOUN NNS 3 nsubj  # 2
        declined decline VERB VBD 3 ROOT  # 3
        to to PART TO 5 aux  # 4
        meet meet VERB VB 3 xcomp  # 5
        the the DET DT 7 det  # 6
        delegation delegation NOUN NN 5 dobj  # 7
        . . PUNCT . 3 punct  # 8
        """,
        5,
        True,
        id="The coup leaders declined to meet the delegation.",
    ),
    pytest.param(
        """
        The the DET DT 2 det  # 0
        coup coup NOUN NN 2 compound  # 1
        leaders leader NOUN NNS 3 nsubj  # 2
        declined decline VERB VBD 3 ROOT  # 3
        their their PRON PRP$ 5 poss  # 4
        visit visit NOUN NN 3 dobj  # 5
        . . PUNCT . 3 punct  # 6
        """,
        3,
        False,
        id="The coup leaders declined their visit.",
    ),
    pytest.param(
        """
        The the DET DT 2 det  # 0
        coup coup NOUN NN 2 compound  # 1
        leaders leader NOUN NNS 3 nsubj  # 2
        declined decline VERB VBD 3 ROOT  # 3
        their their PRON PRP$ 5 poss  # 4
        visit visit NOUN NN 3 dobj  # 5
        . . PUNCT . 3 punct  # 6
        """,
        5,
        False,
        id="The coup leaders declined their visit.",
    ),
    pytest.param(
        """
        The the DET DT 1 det  # 0
        junta junta NOUN NN 2 nsubj  # 1
        failed fail VERB VBD 2 ROOT  # 2
        to to PART TO 4 aux  # 3
        release release VERB VB 2 xcomp  # 4
        Bazoum Bazoum PROPN NNP 4 dobj  # 5
        . . PUNCT . 2 punct  # 6
        """,
        4,
        True,
        id="The junta failed to release Bazoum.",
    ),
    pytest.param(
        """
        Without without ADP IN 6 prep  # 0
        reinstating reinstate VERB VBG 0 pcomp  # 1
        Bazoum Bazoum PROPN NNP 1 dobj  # 2
        , , PUNCT , 6 punct  # 3
        Niger Niger PROPN NNP 6 nsubj  # 4
        might might AUX MD 6 aux  # 5
        lose lose VERB VB 6 ROOT  # 6
        aid aid NOUN NN 6 dobj  # 7
        . . PUNCT . 6 punct  # 8
        """,
        1,
        True,
        id="Without reinstating Bazoum, Niger might lose aid.",
    ),
    pytest.param(
        """
        Without without ADP IN 6 prep  # 0
        reinstating reinstate VERB VBG 0 pcomp  # 1
        Bazoum Bazoum PROPN NNP 1 dobj  # 2
        , , PUNCT , 6 punct  # 3
        Niger Niger PROPN NNP 6 nsubj  # 4
        might might AUX MD 6 aux  # 5
        lose lose VERB VB 6 ROOT  # 6
        aid aid NOUN NN 6 dobj  # 7
        . . PUNCT . 6 punct  # 8
        """,
        6,
        False,
        id="Without reinstating Bazoum, Niger might lose aid.",
    ),
    pytest.param(
        """
        Neither neither CCONJ CC 1 preconj  # 0
        Russia Russia PROPN NNP 4 nsubj  # 1
        nor nor CCONJ CC 1 cc  # 2
        Wagner Wagner PROPN NNP 1 conj  # 3
        had have VERB VBD 4 ROOT  # 4
        a a DET DT 6 det  # 5
        hand hand NOUN NN 4 dobj  # 6
        in in ADP IN 4 prep  # 7
        the the DET DT 9 det  # 8
        coup coup NOUN NN 7 pobj  # 9
        . . PUNCT . 4 punct  # 10
        """,
        4,
        True,
        id="Neither Russia nor Wagner had a hand in the coup.",
    ),
    pytest.param(
        """
        Neither neither CCONJ CC 1 preconj  # 0
        Russia Russia PROPN NNP 4 nsubj  # 1
        nor nor CCONJ CC 1 cc  # 2
        Wagner Wagner PROPN NNP 1 conj  # 3
        had have VERB VBD 4 ROOT  # 4
        a a DET DT 6 det  # 5
        hand hand NOUN NN 4 dobj  # 6
        in in ADP IN 4 prep  # 7
        the the DET DT 9 det  # 8
        coup coup NOUN NN 7 pobj  # 9
        . . PUNCT . 4 punct  # 10
        """,
        6,
        True,
        id="Neither Russia nor Wagner had a hand in the coup.",
    ),
    pytest.param(
        """
        The the DET DT 1 det  # 0
        junta junta NOUN NN 3 nsubj  # 1
        never never ADV RB 3 neg  # 2
        released release VERB VBD 3 ROOT  # 3
        Bazoum Bazoum PROPN NNP 3 dobj  # 4
        . . PUNCT . 3 punct  # 5
        """,
        3,
        True,
        id="The junta never released Bazoum.",
    ),
    pytest.param(
        """
        France France PROPN NNP 3 nsubj  # 0
        no no ADV RB 2 neg  # 1
        longer long ADV RB 3 advmod  # 2
        supports support VERB VBZ 3 ROOT  # 3
        the the DET DT 5 det  # 4
        junta junta NOUN NN 3 dobj  # 5
        . . PUNCT . 3 punct  # 6
        """,
        3,
        True,
        id="France no longer supports the junta.",
    ),
    pytest.param(
        """
        These these DET DT 1 det  # 0
        appointments appointment NOUN NNS 5 nsubjpass  # 1
        have have AUX VBP 5 aux  # 2
        not not PART RB 5 neg  # 3
        been be AUX VBN 5 auxpass  # 4
        recognized recognize VERB VBN 5 ROOT  # 5
        by by ADP IN 5 agent  # 6
        France France PROPN NNP 6 pobj  # 7
        . . PUNCT . 5 punct  # 8
        """,
        5,
        True,
        id="These appointments have not been recognized by France.",
    ),
    pytest.param(
        """
        The the DET DT 1 det  # 0
        U.S. U.S. PROPN NNP 4 nsubj  # 1
        did do AUX VBD 4 aux  # 2
        not not PART RB 4 neg  # 3
        decide decide VERB VB 4 ROOT  # 4
        to to PART TO 6 aux  # 5
        impose impose VERB VB 4 xcomp  # 6
        sanctions sanction NOUN NNS 6 dobj  # 7
        . . PUNCT . 4 punct  # 8
        """,
        6,
        True,
        id="The U.S. did not decide to impose sanctions.",
    ),
    pytest.param(
        """
        The the DET DT 1 det  # 0
        junta junta NOUN NN 4 nsubj  # 1
        did do AUX VBD 4 aux  # 2
        not not PART RB 4 neg  # 3
        fail fail VERB VB 4 ROOT  # 4
        to to PART TO 6 aux  # 5
        release release VERB VB 4 xcomp  # 6
        Bazoum Bazoum PROPN NNP 6 dobj  # 7
        . . PUNCT . 4 punct  # 8
        """,
        6,
        False,
        id="The junta did not fail to release Bazoum.",
    ),
    pytest.param(
        """
        The the DET DT 1 det  # 0
        organization organization NOUN NN 3 nsubj  # 1
        never never ADV RB 3 neg  # 2
        refrained refrain VERB VBD 3 ROOT  # 3
        from from ADP IN 3 prep  # 4
        using use VERB VBG 4 pcomp  # 5
        force force NOUN NN 5 dobj  # 6
        . . PUNCT . 3 punct  # 7
        """,
        5,
        False,
        id="The organization never refrained from using force.",
    ),
    pytest.param(
        """
        Not not PART RB 4 preconj  # 0
        only only ADV RB 0 advmod  # 1
        did do AUX VBD 4 aux  # 2
        France France PROPN NNP 4 nsubj  # 3
        condemn condemn VERB VB 4 ROOT  # 4
        the the DET DT 6 det  # 5
        coup coup NOUN NN 4 dobj  # 6
        , , PUNCT , 4 punct  # 7
        but but CCONJ CC 4 cc  # 8
        it it PRON PRP 11 nsubj  # 9
        also also ADV RB 11 advmod  # 10
        suspended suspend VERB VBD 4 conj  # 11
        aid aid NOUN NN 11 dobj  # 12
        . . PUNCT . 11 punct  # 13
        """,
        4,
        False,
        id="Not only did France condemn the coup, but it also suspended ",
    ),
    pytest.param(
        """
        Not not PART RB 4 preconj  # 0
        only only ADV RB 0 advmod  # 1
        did do AUX VBD 4 aux  # 2
        France France PROPN NNP 4 nsubj  # 3
        condemn condemn VERB VB 4 ROOT  # 4
        the the DET DT 6 det  # 5
        coup coup NOUN NN 4 dobj  # 6
        , , PUNCT , 4 punct  # 7
        but but CCONJ CC 4 cc  # 8
        it it PRON PRP 11 nsubj  # 9
        also also ADV RB 11 advmod  # 10
        suspended suspend VERB VBD 4 conj  # 11
        aid aid NOUN NN 11 dobj  # 12
        . . PUNCT . 11 punct  # 13
        """,
        11,
        False,
        id="Not only did France condemn the coup, but it also suspended ",
    ),
    pytest.param(
        """
        The the DET DT 1 det  # 0
        junta junta NOUN NN 2 nsubj  # 1
        is be AUX VBZ 2 ROOT  # 2
        unable unable ADJ JJ 2 acomp  # 3
        to to PART TO 5 aux  # 4
        release release VERB VB 3 xcomp  # 5
        Bazoum Bazoum PROPN NNP 5 dobj  # 6
        . . PUNCT . 2 punct  # 7
        """,
        5,
        True,
        id="The junta is unable to release Bazoum.",
    ),
    pytest.param(
        """
        The the DET DT 1 det  # 0
        junta junta NOUN NN 2 nsubj  # 1
        denied deny VERB VBD 2 ROOT  # 2
        that that SCONJ IN 6 mark  # 3
        it it PRON PRP 6 nsubj  # 4
        had have AUX VBD 6 aux  # 5
        detained detain VERB VBN 2 ccomp  # 6
        Bazoum Bazoum PROPN NNP 6 dobj  # 7
        . . PUNCT . 2 punct  # 8
        """,
        6,
        True,
        id="The junta denied that it had detained Bazoum.",
    ),
    pytest.param(
        """
        Instead instead ADV RB 1 advmod  # 0
        of of ADP IN 5 prep  # 1
        attacking attack VERB VBG 1 pcomp  # 2
        , , PUNCT , 5 punct  # 3
        ECOWAS ECOWAS PROPN NNP 5 nsubj  # 4
        negotiated negotiate VERB VBN 5 ROOT  # 5
        . . PUNCT . 5 punct  # 6
        """,
        2,
        True,
        id="Instead of attacking, ECOWAS negotiated.",
    ),
    pytest.param(
        """
        Instead instead ADV RB 1 advmod  # 0
        of of ADP IN 5 prep  # 1
        attacking attack VERB VBG 1 pcomp  # 2
        , , PUNCT , 5 punct  # 3
        ECOWAS ECOWAS PROPN NNP 5 nsubj  # 4
        negotiated negotiate VERB VBN 5 ROOT  # 5
        . . PUNCT . 5 punct  # 6
        """,
        5,
        False,
        id="Instead of attacking, ECOWAS negotiated.",
    ),
    pytest.param(
        """
        Nobody nobody PRON NN 1 nsubj  # 0
        recognized recognize VERB VBD 1 ROOT  # 1
        the the DET DT 3 det  # 2
        junta junta NOUN NN 1 dobj  # 3
        . . PUNCT . 1 punct  # 4
        """,
        1,
        True,
        id="Nobody recognized the junta.",
    ),
    pytest.param(
        """
        There there PRON EX 1 expl  # 0
        were be VERB VBD 1 ROOT  # 1
        no no DET DT 3 det  # 2
        talks talk NOUN NNS 1 attr  # 3
        with with ADP IN 3 prep  # 4
        the the DET DT 6 det  # 5
        junta junta NOUN NN 4 pobj  # 6
        . . PUNCT . 1 punct  # 7
        """,
        3,
        True,
        id="There were no talks with the junta.",
    ),
    pytest.param(
        """
        The the DET DT 2 det  # 0
        coup coup NOUN NN 2 compound  # 1
        leaders leader NOUN NNS 5 nsubj  # 2
        have have AUX VBP 5 aux  # 3
        not not PART RB 5 neg  # 4
        reinstated reinstate VERB VBN 5 ROOT  # 5
        Bazoum Bazoum PROPN NNP 5 dobj  # 6
        and and CCONJ CC 5 cc  # 7
        have have AUX VBP 9 aux  # 8
        voided void VERB VBN 5 conj  # 9
        the the DET DT 11 det  # 10
        agreements agreement NOUN NNS 9 dobj  # 11
        . . PUNCT . 5 punct  # 12
        """,
        9,
        False,
        id="The coup leaders have not reinstated Bazoum and have voided ",
    ),
    pytest.param(
        """
        The the DET DT 1 det  # 0
        junta junta NOUN NN 4 nsubj  # 1
        did do AUX VBD 4 aux  # 2
        not not PART RB 4 neg  # 3
        meet meet VERB VB 4 ROOT  # 4
        or or CCONJ CC 4 cc  # 5
        call call VERB VB 4 conj  # 6
        the the DET DT 8 det  # 7
        envoy envoy NOUN NN 6 dobj  # 8
        . . PUNCT . 4 punct  # 9
        """,
        6,
        True,
        id="The junta did not meet or call the envoy.",
    ),
    pytest.param(
        """
        The the DET DT 1 det  # 0
        junta junta NOUN NN 2 nsubj  # 1
        met meet VERB VBD 2 ROOT  # 2
        the the DET DT 4 det  # 3
        envoy envoy NOUN NN 2 dobj  # 4
        . . PUNCT . 2 punct  # 5
        """,
        2,
        False,
        id="The junta met the envoy.",
    ),
    pytest.param(
        """
        The the DET DT 1 det  # 0
        junta junta NOUN NN 4 nsubj  # 1
        has have AUX VBZ 4 aux  # 2
        not not PART RB 4 neg  # 3
        held hold VERB VBN 4 ROOT  # 4
        talks talk NOUN NNS 4 dobj  # 5
        with with ADP IN 5 prep  # 6
        ECOWAS ecowa NOUN NNS 6 pobj  # 7
        . . PUNCT . 4 punct  # 8
        """,
        5,
        True,
        id="The junta has not held talks with ECOWAS.",
    ),
    pytest.param(
        """
        Raids raid NOUN NNS 3 nsubj  # 0
        have have AUX VBP 3 aux  # 1
        not not PART RB 3 neg  # 2
        eased ease VERB VBN 3 ROOT  # 3
        . . PUNCT . 3 punct  # 4
        """,
        0,
        False,
        id="Raids have not eased: the easing is negated, not the raids.",
    ),
    pytest.param(
        """
        The the DET DT 1 det  # 0
        talks talk NOUN NNS 4 nsubj  # 1
        did do AUX VBD 4 aux  # 2
        not not PART RB 4 neg  # 3
        happen happen VERB VB 4 ROOT  # 4
        . . PUNCT . 4 punct  # 5
        """,
        1,
        True,
        id="The talks did not happen: a verb of occurrence negates its subject event.",
    ),
]


@pytest.mark.parametrize("table,trigger,expected", CASES)
def test_is_negated_on_hand_built_parse(vocab_nlp, table, trigger, expected):
    doc = build(vocab_nlp.vocab, table)
    assert is_negated(doc[trigger]) is expected


def test_not_only_parsed_as_neg_is_still_not_negation(vocab_nlp):
    # The same focus construction when a parser labels "Not" as ``neg``.
    doc = build(
        vocab_nlp.vocab,
        """
        Not not PART RB 4 neg
        only only ADV RB 0 advmod
        did do AUX VBD 4 aux
        France France PROPN NNP 4 nsubj
        condemn condemn VERB VB 4 ROOT
        the the DET DT 6 det
        coup coup NOUN NN 4 dobj
        """,
    )
    assert local_negation(doc[4]) is False
    assert is_negated(doc[4]) is False


def test_double_marker_in_one_clause_counts_once(vocab_nlp):
    # "never ... no longer" style pile-ups (negative concord) stay a single negation.
    doc = build(
        vocab_nlp.vocab,
        """
        France France PROPN NNP 4 nsubj
        never never ADV RB 4 neg
        no no ADV RB 3 neg
        longer long ADV RB 4 advmod
        supported support VERB VBD 4 ROOT
        the the DET DT 6 det
        junta junta NOUN NN 4 dobj
        """,
    )
    assert is_negated(doc[4]) is True


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,trigger,expected",
    [
        ("The coup leaders have not reinstated President Bazoum to power.", "reinstated", True),
        ("The U.S. has yet to label the situation in Niger as a coup.", "label", True),
        ("The organization refrained from using force.", "using", True),
        ("The coup leaders declined their visit.", "declined", False),
        ("ECOWAS imposed sanctions on Niger.", "imposed", False),
    ],
)
def test_is_negated_with_the_pipeline(nlp, text, trigger, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    assert is_negated(token) is expected
