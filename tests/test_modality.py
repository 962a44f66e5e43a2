"""claim_modality: asserted / uncertain / planned / hypothetical, on hand-built parses."""

from __future__ import annotations

import pytest
from docbuild import build

from pipeline.claims.attributes.modality import claim_modality
from pipeline.models import MODALITIES

CASES = [
    pytest.param(
        """
        ECOWAS ECOWAS PROPN NNP 1 nsubj  # 0
        imposed impose VERB VBD 1 ROOT  # 1
        sanctions sanction NOUN NNS 1 dobj  # 2
        on on ADP IN 1 prep  # 3
        Niger Niger PROPN NNP 3 pobj  # 4
        . . PUNCT . 1 punct  # 5
        """,
        1,
        "asserted",
        id="ECOWAS imposed sanctions on Niger.",
    ),
    pytest.param(
        """
        ECOWAS ecowas NOUN NN 1 nsubj  # 0
        imposes impose VERB VBZ 1 ROOT  # 1
        sanctions sanction NOUN NNS 1 dobj  # 2
        on on ADP IN 2 prep  # 3
        Niger Niger PROPN NNP 3 pobj  # 4
        . . PUNCT . 1 punct  # 5
        """,
        1,
        "asserted",
        id="ECOWAS imposes sanctions on Niger.",
    ),
    pytest.param(
        """
        Officials official NOUN NNS 1 nsubj  # 0
        disclosed disclose VERB VBD 1 ROOT  # 1
        that that SCONJ IN 7 mark  # 2
        the the DET DT 5 det  # 3
        coup coup NOUN NN 5 compound  # 4
        leaders leader NOUN NNS 7 nsubj  # 5
        had have AUX VBD 7 aux  # 6
        made make VERB VBN 1 ccomp  # 7
        contact contact NOUN NN 7 dobj  # 8
        with with ADP IN 8 prep  # 9
        Wagner Wagner PROPN NNP 9 pobj  # 10
        . . PUNCT . 1 punct  # 11
        """,
        7,
        "asserted",
        id="Officials disclosed that the coup leaders had made contact w",
    ),
    pytest.param(
        """
        There there PRON EX 1 expl  # 0
        are be VERB VBP 1 ROOT  # 1
        whispers whisper NOUN NNS 1 attr  # 2
        that that SCONJ IN 8 mark  # 3
        the the DET DT 6 det  # 4
        coup coup NOUN NN 6 compound  # 5
        leaders leader NOUN NNS 8 nsubj  # 6
        have have AUX VBP 8 aux  # 7
        been be AUX VBN 2 acl  # 8
        in in ADP IN 8 prep  # 9
        touch touch NOUN NN 9 pobj  # 10
        with with ADP IN 10 prep  # 11
        Wagner Wagner PROPN NNP 11 pobj  # 12
        . . PUNCT . 1 punct  # 13
        """,
        10,
        "uncertain",
        id="There are whispers that the coup leaders have been in touch ",
    ),
    pytest.param(
        """
        Wagner Wagner PROPN NNP 2 nsubj  # 0
        reportedly reportedly ADV RB 2 advmod  # 1
        deployed deploy VERB VBD 2 ROOT  # 2
        troops troop NOUN NNS 2 dobj  # 3
        to to ADP IN 2 prep  # 4
        Mali Mali PROPN NNP 4 pobj  # 5
        . . PUNCT . 2 punct  # 6
        """,
        2,
        "uncertain",
        id="Wagner reportedly deployed troops to Mali.",
    ),
    pytest.param(
        """
        The the DET DT 1 det  # 0
        junta junta NOUN NN 3 nsubj  # 1
        allegedly allegedly ADV RB 3 advmod  # 2
        detained detain VERB VBD 3 ROOT  # 3
        the the DET DT 5 det  # 4
        minister minister NOUN NN 3 dobj  # 5
        . . PUNCT . 3 punct  # 6
        """,
        3,
        "uncertain",
        id="The junta allegedly detained the minister.",
    ),
    pytest.param(
        """
        The the DET DT 2 det  # 0
        Wagner Wagner PROPN NNP 2 compound  # 1
        Group Group PROPN NNP 4 nsubj  # 2
        is be AUX VBZ 4 aux  # 3
        considering consider VERB VBG 4 ROOT  # 4
        the the DET DT 6 det  # 5
        proposal proposal NOUN NN 4 dobj  # 6
        from from ADP IN 6 prep  # 7
        Niger Niger PROPN NNP 7 pobj  # 8
        . . PUNCT . 4 punct  # 9
        """,
        6,
        "uncertain",
        id="The Wagner Group is considering the proposal from Niger.",
    ),
    pytest.param(
        """
        Wagner Wagner PROPN NNP 2 nsubj  # 0
        is be AUX VBZ 2 aux  # 1
        considering consider VERB VBG 2 ROOT  # 2
        deploying deploy VERB VBG 2 xcomp  # 3
        troops troop NOUN NNS 3 dobj  # 4
        to to ADP IN 3 prep  # 5
        Niger Niger PROPN NNP 5 pobj  # 6
        . . PUNCT . 2 punct  # 7
        """,
        3,
        "uncertain",
        id="Wagner is considering deploying troops to Niger.",
    ),
    pytest.param(
        """
        ECOWAS ecowas NOUN NN 1 nsubj  # 0
        seems seem VERB VBZ 1 ROOT  # 1
        to to PART TO 4 aux  # 2
        have have AUX VB 4 aux  # 3
        softened soften VERB VBN 1 xcomp  # 4
        its its PRON PRP$ 6 poss  # 5
        stance stance NOUN NN 4 dobj  # 6
        . . PUNCT . 1 punct  # 7
        """,
        4,
        "uncertain",
        id="ECOWAS seems to have softened its stance.",
    ),
    pytest.param(
        """
        Wagner Wagner PROPN NNP 1 nsubj  # 0
        appears appear VERB VBZ 1 ROOT  # 1
        to to PART TO 3 aux  # 2
        support support VERB VB 1 xcomp  # 3
        the the DET DT 5 det  # 4
        junta junta NOUN NN 3 dobj  # 5
        . . PUNCT . 1 punct  # 6
        """,
        3,
        "uncertain",
        id="Wagner appears to support the junta.",
    ),
    pytest.param(
        """
        The the DET DT 1 det  # 0
        junta junta NOUN NN 4 nsubj  # 1
        may may AUX MD 4 aux  # 2
        have have AUX VB 4 aux  # 3
        contacted contact VERB VBN 4 ROOT  # 4
        Wagner Wagner PROPN NNP 4 dobj  # 5
        . . PUNCT . 4 punct  # 6
        """,
        4,
        "uncertain",
        id="The junta may have contacted Wagner.",
    ),
    pytest.param(
        """
        He he PRON PRP 1 nsubj  # 0
        suggested suggest VERB VBD 1 ROOT  # 1
        it it PRON PRP 3 nsubj  # 2
        's be AUX VBZ 1 ccomp  # 3
        unlikely unlikely ADJ JJ 3 acomp  # 4
        that that SCONJ IN 9 mark  # 5
        the the DET DT 7 det  # 6
        U.S. U.S. PROPN NNP 9 nsubj  # 7
        would would AUX MD 9 aux  # 8
        intervene intervene VERB VB 3 ccomp  # 9
        in in ADP IN 9 prep  # 10
        Niger Niger PROPN NNP 10 pobj  # 11
        . . PUNCT . 1 punct  # 12
        """,
        9,
        "uncertain",
        id="He suggested it's unlikely that the U.S. would intervene in ",
    ),
    pytest.param(
        """
        ECOWAS ecowas NOUN NN 2 nsubj  # 0
        will will AUX MD 2 aux  # 1
        convene convene VERB VB 2 ROOT  # 2
        an an DET DT 5 det  # 3
        emergency emergency NOUN NN 5 compound  # 4
        meeting meeting NOUN NN 2 dobj  # 5
        . . PUNCT . 2 punct  # 6
        """,
        2,
        "planned",
        id="ECOWAS will convene an emergency meeting.",
    ),
    pytest.param(
        """
        ECOWAS ecowas NOUN NN 2 nsubj  # 0
        will will AUX MD 2 aux  # 1
        convene convene VERB VB 2 ROOT  # 2
        an an DET DT 5 det  # 3
        emergency emergency NOUN NN 5 compound  # 4
        meeting meeting NOUN NN 2 dobj  # 5
        to to PART TO 7 aux  # 6
        discuss discuss VERB VB 2 advcl  # 7
        the the DET DT 9 det  # 8
        situation situation NOUN NN 7 dobj  # 9
        . . PUNCT . 2 punct  # 10
        """,
        7,
        "planned",
        id="ECOWAS will convene an emergency meeting to discuss the situ",
    ),
    pytest.param(
        """
        The the DET DT 3 det  # 0
        Central Central PROPN NNP 3 compound  # 1
        African African PROPN NNP 3 compound  # 2
        Republic Republic PROPN NNP 5 nsubjpass  # 3
        is be AUX VBZ 5 auxpass  # 4
        set set VERB VBN 5 ROOT  # 5
        to to PART TO 7 aux  # 6
        hold hold VERB VB 5 xcomp  # 7
        a a DET DT 9 det  # 8
        referendum referendum NOUN NN 7 dobj  # 9
        . . PUNCT . 5 punct  # 10
        """,
        7,
        "planned",
        id="The Central African Republic is set to hold a referendum.",
    ),
    pytest.param(
        """
        The the DET DT 1 det  # 0
        junta junta NOUN NN 2 nsubj  # 1
        plans plan VERB VBZ 2 ROOT  # 2
        to to PART TO 4 aux  # 3
        hold hold VERB VB 2 xcomp  # 4
        elections election NOUN NNS 4 dobj  # 5
        . . PUNCT . 2 punct  # 6
        """,
        4,
        "planned",
        id="The junta plans to hold elections.",
    ),
    pytest.param(
        """
        France France PROPN NNP 1 nsubj  # 0
        intends intend VERB VBZ 1 ROOT  # 1
        to to PART TO 3 aux  # 2
        withdraw withdraw VERB VB 1 xcomp  # 3
        its its PRON PRP$ 5 poss  # 4
        troops troop NOUN NNS 3 dobj  # 5
        . . PUNCT . 1 punct  # 6
        """,
        3,
        "planned",
        id="France intends to withdraw its troops.",
    ),
    pytest.param(
        """
        The the DET DT 1 det  # 0
        UN UN PROPN NNP 3 nsubj  # 1
        had have AUX VBD 3 aux  # 2
        planned plan VERB VBN 3 ROOT  # 3
        to to PART TO 5 aux  # 4
        send send VERB VB 3 xcomp  # 5
        representatives representative NOUN NNS 5 dobj  # 6
        to to ADP IN 5 prep  # 7
        Niger Niger PROPN NNP 7 pobj  # 8
        . . PUNCT . 3 punct  # 9
        """,
        5,
        "planned",
        id="The UN had planned to send representatives to Niger.",
    ),
    pytest.param(
        """
        Both both DET DT 1 det  # 0
        countries country NOUN NNS 2 nsubj  # 1
        aim aim VERB VBP 2 ROOT  # 2
        to to PART TO 4 aux  # 3
        safeguard safeguard VERB VB 2 xcomp  # 4
        their their PRON PRP$ 6 poss  # 5
        interests interest NOUN NNS 4 dobj  # 6
        . . PUNCT . 2 punct  # 7
        """,
        4,
        "planned",
        id="Both countries aim to safeguard their interests.",
    ),
    pytest.param(
        """
        ECOWAS ecowas NOUN NN 1 nsubj  # 0
        is be AUX VBZ 1 ROOT  # 1
        to to PART TO 3 aux  # 2
        hold hold VERB VB 1 xcomp  # 3
        a a DET DT 5 det  # 4
        summit summit NOUN NN 3 dobj  # 5
        on on ADP IN 3 prep  # 6
        Thursday Thursday PROPN NNP 6 pobj  # 7
        . . PUNCT . 1 punct  # 8
        """,
        3,
        "planned",
        id="ECOWAS is to hold a summit on Thursday.",
    ),
    pytest.param(
        """
        He he PRON PRP 1 nsubj  # 0
        said say VERB VBD 1 ROOT  # 1
        that that SCONJ IN 5 mark  # 2
        ECOWAS ECOWAS PROPN NNP 5 nsubj  # 3
        will will AUX MD 5 aux  # 4
        convene convene VERB VB 1 ccomp  # 5
        on on ADP IN 5 prep  # 6
        Thursday Thursday PROPN NNP 6 pobj  # 7
        . . PUNCT . 1 punct  # 8
        """,
        5,
        "planned",
        id="He said that ECOWAS will convene on Thursday.",
    ),
    pytest.param(
        """
        If if SCONJ IN 2 mark  # 0
        it it PRON PRP 2 nsubj  # 1
        were be AUX VBD 12 advcl  # 2
        to to PART TO 4 aux  # 3
        do do VERB VB 2 xcomp  # 4
        so so ADV RB 4 advmod  # 5
        , , PUNCT , 12 punct  # 6
        U.S. U.S. PROPN NNP 8 compound  # 7
        aid aid NOUN NN 12 nsubj  # 8
        to to ADP IN 8 prep  # 9
        Niger Niger PROPN NNP 9 pobj  # 10
        would would AUX MD 12 aux  # 11
        cease cease VERB VB 12 ROOT  # 12
        . . PUNCT . 12 punct  # 13
        """,
        4,
        "hypothetical",
        id="If it were to do so, U.S. aid to Niger would cease.",
    ),
    pytest.param(
        """
        If if SCONJ IN 2 mark  # 0
        it it PRON PRP 2 nsubj  # 1
        were be AUX VBD 12 advcl  # 2
        to to PART TO 4 aux  # 3
        do do VERB VB 2 xcomp  # 4
        so so ADV RB 4 advmod  # 5
        , , PUNCT , 12 punct  # 6
        U.S. U.S. PROPN NNP 8 compound  # 7
        aid aid NOUN NN 12 nsubj  # 8
        to to ADP IN 8 prep  # 9
        Niger Niger PROPN NNP 9 pobj  # 10
        would would AUX MD 12 aux  # 11
        cease cease VERB VB 12 ROOT  # 12
        . . PUNCT . 12 punct  # 13
        """,
        12,
        "hypothetical",
        id="If it were to do so, U.S. aid to Niger would cease.",
    ),
    pytest.param(
        """
        Any any DET DT 2 det  # 0
        military military ADJ JJ 2 amod  # 1
        intrusion intrusion NOUN NN 4 nsubj  # 2
        could could AUX MD 4 aux  # 3
        plunge plunge VERB VB 4 ROOT  # 4
        the the DET DT 6 det  # 5
        region region NOUN NN 4 dobj  # 6
        into into ADP IN 4 prep  # 7
        chaos chaos NOUN NN 7 pobj  # 8
        . . PUNCT . 4 punct  # 9
        """,
        4,
        "hypothetical",
        id="Any military intrusion could plunge the region into chaos.",
    ),
    pytest.param(
        """
        Niger Niger PROPN NNP 2 nsubj  # 0
        might might AUX MD 2 aux  # 1
        lose lose VERB VB 2 ROOT  # 2
        foreign foreign ADJ JJ 4 amod  # 3
        aid aid NOUN NN 2 dobj  # 4
        . . PUNCT . 2 punct  # 5
        """,
        2,
        "hypothetical",
        id="Niger might lose foreign aid.",
    ),
    pytest.param(
        """
        Bazoum Bazoum PROPN NNP 3 nsubjpass  # 0
        should should AUX MD 3 aux  # 1
        be be AUX VB 3 auxpass  # 2
        released release VERB VBN 3 ROOT  # 3
        . . PUNCT . 3 punct  # 4
        """,
        3,
        "hypothetical",
        id="Bazoum should be released.",
    ),
    pytest.param(
        """
        ECOWAS ecowa NOUN NNS 2 nsubj  # 0
        will will AUX MD 2 aux  # 1
        intervene intervene VERB VB 2 ROOT  # 2
        unless unless SCONJ IN 6 mark  # 3
        the the DET DT 5 det  # 4
        junta junta PROPN NNP 6 nsubj  # 5
        releases release VERB VBZ 2 advcl  # 6
        Bazoum Bazoum PROPN NNP 6 dobj  # 7
        . . PUNCT . 2 punct  # 8
        """,
        2,
        "hypothetical",
        id="ECOWAS will intervene unless the junta releases Bazoum.",
    ),
    pytest.param(
        """
        ECOWAS ecowa NOUN NNS 2 nsubj  # 0
        will will AUX MD 2 aux  # 1
        intervene intervene VERB VB 2 ROOT  # 2
        unless unless SCONJ IN 6 mark  # 3
        the the DET DT 5 det  # 4
        junta junta PROPN NNP 6 nsubj  # 5
        releases release VERB VBZ 2 advcl  # 6
        Bazoum Bazoum PROPN NNP 6 dobj  # 7
        . . PUNCT . 2 punct  # 8
        """,
        6,
        "hypothetical",
        id="ECOWAS will intervene unless the junta releases Bazoum.",
    ),
    pytest.param(
        """
        The the DET DT 1 det  # 0
        U.S. U.S. PROPN NNP 2 nsubj  # 1
        warned warn VERB VBD 2 ROOT  # 2
        that that SCONJ IN 10 mark  # 3
        without without ADP IN 10 prep  # 4
        reinstating reinstate VERB VBG 4 pcomp  # 5
        Bazoum Bazoum PROPN NNP 5 dobj  # 6
        , , PUNCT , 10 punct  # 7
        Niger Niger PROPN NNP 10 nsubj  # 8
        might might AUX MD 10 aux  # 9
        lose lose VERB VB 2 ccomp  # 10
        aid aid NOUN NN 10 dobj  # 11
        . . PUNCT . 2 punct  # 12
        """,
        5,
        "hypothetical",
        id="The U.S. warned that without reinstating Bazoum, Niger might",
    ),
    pytest.param(
        """
        Tinubu Tinubu PROPN NNP 2 nsubj  # 0
        would would AUX MD 2 aux  # 1
        need need VERB VB 2 ROOT  # 2
        approval approval NOUN NN 2 dobj  # 3
        to to PART TO 5 aux  # 4
        deploy deploy VERB VB 3 acl  # 5
        troops troop NOUN NNS 5 dobj  # 6
        . . PUNCT . 2 punct  # 7
        """,
        5,
        "hypothetical",
        id="Tinubu would need approval to deploy troops.",
    ),
    pytest.param(
        """
        ECOWAS ecowa NOUN NNS 1 nsubj  # 0
        asked ask VERB VBD 1 ROOT  # 1
        the the DET DT 3 det  # 2
        military military NOUN NN 1 dobj  # 3
        to to PART TO 5 aux  # 4
        reinstate reinstate VERB VB 1 xcomp  # 5
        Bazoum Bazoum PROPN NNP 5 dobj  # 6
        . . PUNCT . 1 punct  # 7
        """,
        5,
        "hypothetical",
        id="ECOWAS asked the military to reinstate Bazoum.",
    ),
    pytest.param(
        """
        She she PRON PRP 3 nsubj  # 0
        could could AUX MD 3 aux  # 1
        not not PART RB 3 neg  # 2
        meet meet VERB VB 3 ROOT  # 3
        Bazoum Bazoum PROPN NNP 3 dobj  # 4
        . . PUNCT . 3 punct  # 5
        """,
        3,
        "asserted",
        id="She could not meet Bazoum.",
    ),
    pytest.param(
        """
        The the DET DT 1 det  # 0
        U.S. U.S. PROPN NNP 3 nsubj  # 1
        will will AUX MD 3 aux  # 2
        warn warn VERB VB 3 ROOT  # 3
        that that SCONJ IN 7 mark  # 4
        the the DET DT 6 det  # 5
        junta junta NOUN NN 7 nsubj  # 6
        attacked attack VERB VBD 3 ccomp  # 7
        civilians civilian NOUN NNS 7 dobj  # 8
        . . PUNCT . 3 punct  # 9
        """,
        7,
        "asserted",
        id="The U.S. will warn that the junta attacked civilians.",
    ),
    pytest.param(
        """
        The the DET DT 1 det  # 0
        U.S. U.S. PROPN NNP 2 nsubj B-GPE  # 1
        remains remain VERB VBZ 2 ROOT  # 2
        hopeful hopeful ADJ JJ 2 acomp  # 3
        about about ADP IN 3 prep  # 4
        a a DET DT 7 det  # 5
        diplomatic diplomatic ADJ JJ 7 amod  # 6
        solution solution NOUN NN 4 pobj  # 7
        to to PART TO 9 aux  # 8
        restore restore VERB VB 7 relcl  # 9
        Bazoum Bazoum PROPN NNP 9 dobj B-PERSON  # 10
        to to ADP IN 9 prep  # 11
        power power NOUN NN 11 pobj  # 12
        . . PUNCT . 2 punct  # 13
        """,
        9,
        "hypothetical",
        id="The U.S. remains hopeful about a diplomatic solution to rest",
    ),
    pytest.param(
        """
        Russia Russia PROPN NNP 1 nsubj B-GPE  # 0
        was be AUX VBD 1 ROOT  # 1
        the the DET DT 4 det  # 2
        first first ADJ JJ 4 amod B-ORDINAL  # 3
        country country NOUN NN 1 attr  # 4
        to to PART TO 6 aux  # 5
        recognize recognize VERB VB 4 relcl  # 6
        the the DET DT 8 det  # 7
        junta junta NOUN NN 6 dobj  # 8
        . . PUNCT . 1 punct  # 9
        """,
        6,
        "asserted",
        id="Russia was the first country to recognize the junta.",
    ),
]


@pytest.mark.parametrize("table,trigger,expected", CASES)
def test_claim_modality_on_hand_built_parse(vocab_nlp, table, trigger, expected):
    doc = build(vocab_nlp.vocab, table)
    modality = claim_modality(doc[trigger])
    assert modality in MODALITIES
    assert modality == expected


def test_hedge_reaches_down_until_a_reporting_verb(vocab_nlp):
    # "They reportedly fear that ECOWAS intervened": a hedge above a complement clause makes
    # it uncertain, unless the verb is configured as a reporting verb (then the frame stops).
    table = """
        They they PRON PRP 2 nsubj
        reportedly reportedly ADV RB 2 advmod
        fear fear VERB VBP 2 ROOT
        that that SCONJ IN 5 mark
        ECOWAS ECOWAS PROPN NNP 5 nsubj
        intervened intervene VERB VBD 2 ccomp
    """
    doc = build(vocab_nlp.vocab, table)
    assert claim_modality(doc[5]) == "uncertain"
    assert claim_modality(doc[5], reporting_verbs={"fear"}) == "asserted"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,trigger,expected",
    [
        ("ECOWAS imposed sanctions on Niger.", "imposed", "asserted"),
        ("This Thursday, ECOWAS will convene an emergency meeting.", "convene", "planned"),
        ("The Central African Republic is set to hold a constitutional referendum.", "hold", "planned"),
        ("Any military intrusion could plunge the Sahel region into chaos.", "plunge", "hypothetical"),
        ("Wagner reportedly deployed fighters to Mali.", "deployed", "uncertain"),
    ],
)
def test_claim_modality_with_the_pipeline(nlp, text, trigger, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    assert claim_modality(token) == expected


# --------------------------------------------------------------------------- reported speech
# (hand-built parses of invented sentences)

SAID_WOULD_LEAVE = """
The the DET DT 1 det  # 0
ministry ministry NOUN NN 2 nsubj  # 1
said say VERB VBD 2 ROOT  # 2
its its PRON PRP$ 4 poss  # 3
troops troop NOUN NNS 6 nsubj  # 4
would would AUX MD 6 aux  # 5
leave leave VERB VB 2 ccomp  # 6
the the DET DT 8 det  # 7
country country NOUN NN 6 dobj  # 8
{tail}
"""
IF_TALKS_FAILED = """
if if SCONJ IN 11 mark  # 9
talks talk NOUN NNS 11 nsubj  # 10
failed fail VERB VBD 6 advcl  # 11
. . PUNCT . 2 punct  # 12
"""
FEARED_WOULD_STRIKE = """
Officials official NOUN NNS 1 nsubj  # 0
feared fear VERB VBD 1 ROOT  # 1
the the DET DT 3 det  # 2
army army NOUN NN 5 nsubj  # 3
would would AUX MD 5 aux  # 4
strike strike VERB VB 1 ccomp  # 5
. . PUNCT . 1 punct  # 6
"""
NOT_SAID_WHETHER = """
The the DET DT 1 det  # 0
council council NOUN NN 4 nsubj  # 1
has have AUX VBZ 4 aux  # 2
not not PART RB 4 neg  # 3
said say VERB VBN 4 ROOT  # 4
whether whether SCONJ IN 8 mark  # 5
it it PRON PRP 8 nsubj  # 6
will will AUX MD 8 aux  # 7
send send VERB VB 4 ccomp  # 8
troops troop NOUN NNS 8 dobj  # 9
. . PUNCT . 4 punct  # 10
"""
SAID_COULD_WARNING = """
Experts expert NOUN NNS 1 nsubj  # 0
said say VERB VBD 1 ROOT  # 1
the the DET DT 3 det  # 2
crisis crisis NOUN NN 5 nsubj  # 3
could could AUX MD 5 aux  # 4
deepen deepen VERB VB 1 ccomp  # 5
, , PUNCT , 5 punct  # 6
warning warn VERB VBG 5 advcl  # 7
of of ADP IN 7 prep  # 8
unrest unrest NOUN NN 8 pobj  # 9
. . PUNCT . 1 punct  # 10
"""

SAID_HAD_AND_WOULD = """
Officials official NOUN NNS 1 nsubj  # 0
said say VERB VBD 1 ROOT  # 1
Rome Rome PROPN NNP 3 nsubj  # 2
received receive VERB VBD 1 ccomp  # 3
the the DET DT 5 det  # 4
letter letter NOUN NN 3 dobj  # 5
and and CCONJ CC 3 cc  # 6
would would AUX MD 8 aux  # 7
honour honour VERB VB 3 conj  # 8
the the DET DT 10 det  # 9
deal deal NOUN NN 8 dobj  # 10
. . PUNCT . 1 punct  # 11
"""
ANALYSTS_EXPECT_X_TO = """
Analysts analyst NOUN NNS 1 nsubj  # 0
expect expect VERB VBP 1 ROOT  # 1
the the DET DT 3 det  # 2
army army NOUN NN 5 nsubj  # 3
to to PART TO 5 aux  # 4
seek seek VERB VB 1 ccomp  # 5
new new ADJ JJ 7 amod  # 6
allies ally NOUN NNS 5 dobj  # 7
. . PUNCT . 1 punct  # 8
"""


@pytest.mark.parametrize(
    "table,trigger,expected",
    [
        pytest.param(SAID_HAD_AND_WOULD, 8, "planned", id="said X did and would: the conjunct is planned"),
        pytest.param(ANALYSTS_EXPECT_X_TO, 5, "uncertain", id="expect the army to seek: a prediction"),
        pytest.param(SAID_WOULD_LEAVE.format(tail=". . PUNCT . 2 punct"), 6, "planned", id="said X would: planned"),
        pytest.param(SAID_WOULD_LEAVE.format(tail=IF_TALKS_FAILED), 6, "hypothetical", id="said X would V if: hypo"),
        pytest.param(FEARED_WOULD_STRIKE, 5, "hypothetical", id="a feared would is no reported will"),
        pytest.param(NOT_SAID_WHETHER, 8, "uncertain", id="has not said whether it will: uncertain"),
        pytest.param(SAID_COULD_WARNING, 7, "asserted", id="the reporter's warning is not under could"),
        pytest.param(SAID_COULD_WARNING, 5, "hypothetical", id="the reported could stays hypothetical"),
    ],
)
def test_claim_modality_in_reported_speech(vocab_nlp, table, trigger, expected):
    doc = build(vocab_nlp.vocab, table)
    assert claim_modality(doc[trigger]) == expected
