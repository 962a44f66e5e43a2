"""Subject and object by voice, control, coordination, light and converse verbs, on
hand-built parses (the rule is under test, not the parser)."""

from __future__ import annotations

import pytest
from docbuild import build

from pipeline.config import CONFIG_DIR, load_yaml_model
from pipeline.models import PredicatesConfig
from pipeline.rules.argspans import expand, head_args
from pipeline.rules.arguments import claim_heads
from pipeline.rules.coref import MentionIndex, np_text_span
from pipeline.rules.triggers import TriggerIndex


@pytest.fixture(scope="module")
def config():
    return load_yaml_model(CONFIG_DIR / "predicates.yaml", PredicatesConfig)


@pytest.fixture(scope="module")
def index(vocab_nlp, config):
    return TriggerIndex(vocab_nlp.vocab, config)


def triples(doc, index, config):
    """(subjects, predicate, objects, rule) of every trigger that makes a claim."""
    mentions = MentionIndex(doc, actor_nouns=config.actor_nouns)
    out = []
    for trig, heads in claim_heads(index.find(doc), index, mentions):
        subs = [a.text for h in heads.subjects for t in expand(h, mentions) for a in head_args(t, mentions)]
        objs = [a.text for h in heads.objects for t in expand(h, mentions) for a in head_args(t, mentions)]
        out.append((subs, trig.predicate, objs, heads.rule))
    return out


CASES = [
    pytest.param(
        """
        The the DET DT 2 det
        Wagner Wagner PROPN NNP 2 compound B-ORG
        Group Group PROPN NNP 4 nsubjpass I-ORG
        was be AUX VBD 4 auxpass
        criticized criticize VERB VBN 4 ROOT
        by by ADP IN 4 agent
        Mali Mali PROPN NNP 5 pobj B-GPE
        . . PUNCT . 4 punct
        """,
        [(["Mali"], "criticize", ["Wagner Group"], "passive-by")],
        id="passive with by-agent: the critic is the by phrase",
    ),
    pytest.param(
        """
        The the DET DT 2 det
        Wagner Wagner PROPN NNP 2 compound B-ORG
        Group Group PROPN NNP 4 nsubjpass I-ORG
        was be AUX VBD 4 auxpass
        criticized criticize VERB VBN 4 ROOT
        . . PUNCT . 4 punct
        """,
        [([], "criticize", ["Wagner Group"], "passive")],
        id="agentless passive: no subject, the grammatical subject is the object",
    ),
    pytest.param(
        """
        France France PROPN NNP 6 nsubj B-GPE
        , , PUNCT , 0 punct
        the the DET DT 3 det
        U.S. U.S. PROPN NNP 0 conj B-GPE
        and and CCONJ CC 3 cc
        ECOWAS ECOWAS PROPN NNP 3 conj B-ORG
        introduced introduce VERB VBD 6 ROOT
        sanctions sanction NOUN NNS 6 dobj
        , , PUNCT , 6 punct
        pausing pause VERB VBG 6 advcl
        aid aid NOUN NN 9 dobj
        and and CCONJ CC 10 cc
        cooperation cooperation NOUN NN 10 conj
        . . PUNCT . 6 punct
        """,
        [
            (["France", "U.S.", "ECOWAS"], "sanction", ["sanctions"], "light-verb"),
            (["France", "U.S.", "ECOWAS"], "suspend_cooperation", ["aid", "cooperation"], "phrase+xcomp-inherit"),
        ],
        id="coordination over subjects and objects; the participle inherits the subject",
    ),
    pytest.param(
        """
        ECOWAS ECOWAS PROPN NNP 1 nsubj B-ORG
        forced force VERB VBD 1 ROOT
        the the DET DT 3 det
        military military NOUN NN 1 dobj
        to to PART TO 5 aux
        reinstate reinstate VERB VB 1 xcomp
        Bazoum Bazoum PROPN NNP 5 dobj B-PERSON
        . . PUNCT . 1 punct
        """,
        [(["military"], "reinstate", ["Bazoum"], "object-control")],
        id="object control: forced the military to reinstate Bazoum (a causative keeps its complement)",
    ),
    pytest.param(
        """
        The the DET DT 1 det
        Senate Senate PROPN NNP 2 nsubj B-ORG
        decided decide VERB VBD 2 ROOT
        against against ADP IN 2 prep
        military military ADJ JJ 5 amod
        intervention intervention NOUN NN 3 pobj
        . . PUNCT . 2 punct
        """,
        [(["Senate"], "oppose", ["military intervention"], "phrase")],
        id="decided against military intervention: oppose",
    ),
    pytest.param(
        """
        The the DET DT 1 det
        plan plan NOUN NN 2 nsubj
        faced face VERB VBD 2 ROOT
        opposition opposition NOUN NN 2 dobj
        from from ADP IN 3 prep
        Algeria Algeria PROPN NNP 4 pobj B-GPE
        . . PUNCT . 2 punct
        """,
        [(["Algeria"], "oppose", ["plan"], "converse")],
        id="converse verb: the plan faced opposition from Algeria",
    ),
    pytest.param(
        """
        Countries country NOUN NNS 5 nsubj
        like like ADP IN 0 prep
        Mali Mali PROPN NNP 1 pobj B-GPE
        and and CCONJ CC 2 cc
        Chad Chad PROPN NNP 2 conj B-GPE
        turned turn VERB VBD 5 ROOT
        to to ADP IN 5 prep
        Wagner Wagner PROPN NNP 6 pobj B-ORG
        . . PUNCT . 5 punct
        """,
        [(["Mali", "Chad"], "request_aid", ["Wagner"], "phrase")],
        id="a class given with examples stands for its examples",
    ),
    pytest.param(
        """
        Italy Italy PROPN NNP 1 nsubj B-GPE
        has have VERB VBZ 1 ROOT
        300 300 NUM CD 3 nummod
        troops troop NOUN NNS 1 dobj
        stationed station VERB VBN 3 acl
        in in ADP IN 4 prep
        Niger Niger PROPN NNP 5 pobj B-GPE
        . . PUNCT . 1 punct
        """,
        [(["Italy"], "deploy", ["Niger"], "phrase"), (["Italy"], "deploy", ["Niger"], "have-participle")],
        id="deploy: the place is the object, the holder of the troops the subject",
    ),
    pytest.param(
        """
        Over over ADV RB 1 quantmod
        1,500 1,500 NUM CD 3 nummod
        Wagner Wagner PROPN NNP 3 compound B-ORG
        members member NOUN NNS 5 nsubjpass
        are be AUX VBP 5 auxpass
        stationed station VERB VBN 5 ROOT
        in in ADP IN 5 prep
        Mali Mali PROPN NNP 6 pobj B-GPE
        . . PUNCT . 5 punct
        """,
        [(["Wagner"], "deploy", ["Mali"], "passive-owner")],
        id="agentless passive deploy: the owner of the force is the subject",
    ),
    pytest.param(
        """
        The the DET DT 2 det
        coup coup NOUN NN 2 compound
        leaders leader NOUN NNS 3 nsubj
        declined decline VERB VBD 3 ROOT
        their their PRON PRP$ 5 poss
        visit visit NOUN NN 6 nsubj
        citing cite VERB VBG 3 advcl
        concerns concern NOUN NNS 6 dobj
        . . PUNCT . 3 punct
        """,
        [(["coup leaders"], "reject", ["visit"], "svo-active")],
        id="an object misparsed as the subject of a participle is recovered",
    ),
    pytest.param(
        """
        The the DET DT 1 det
        leader leader NOUN NN 6 nsubj
        and and CCONJ CC 1 cc
        commander commander NOUN NN 1 conj
        , , PUNCT , 1 punct
        Chiyani Chiyani PROPN NNP 1 appos B-PERSON
        declared declare VERB VBD 6 ROOT
        himself himself PRON PRP 8 nsubj
        chairman chairman NOUN NN 6 ccomp
        . . PUNCT . 6 punct
        """,
        [(["Chiyani"], "assume_office", ["chairman"], "phrase")],
        id="coordinated titles with one name are one person; the role is the object",
    ),
    pytest.param(
        """
        Algeria Algeria PROPN NNP 1 nsubj B-GPE
        remains remain VERB VBZ 1 ROOT
        a a DET DT 4 det
        strategic strategic ADJ JJ 4 amod
        partner partner NOUN NN 1 attr
        for for ADP IN 4 prep
        Russia Russia PROPN NNP 5 pobj B-GPE
        . . PUNCT . 1 punct
        """,
        [(["Algeria"], "cooperate", ["Russia"], "copular")],
        id="copular relation noun: Algeria remains a strategic partner for Russia",
    ),
    pytest.param(
        """
        In in ADP IN 7 prep
        response response NOUN NN 0 pobj
        , , PUNCT , 3 punct
        France France PROPN NNP 1 appos B-GPE
        and and CCONJ CC 3 cc
        ECOWAS ECOWAS PROPN NNP 3 conj B-ORG
        have have AUX VBP 7 aux
        introduced introduce VERB VBN 7 ROOT
        sanctions sanction NOUN NNS 7 dobj
        . . PUNCT . 7 punct
        """,
        [(["France", "ECOWAS"], "sanction", ["sanctions"], "light-verb+stranded-subject")],
        id="a subject hung as an apposition in the fronted phrase is recovered",
    ),
    pytest.param(
        """
        France France PROPN NNP 6 nsubj B-GPE
        , , PUNCT , 0 punct
        the the DET DT 3 det
        U.S. U.S. PROPN NNP 0 appos B-GPE
        and and CCONJ CC 3 cc
        ECOWAS ECOWAS PROPN NNP 3 conj B-ORG
        condemned condemn VERB VBD 6 ROOT
        the the DET DT 8 det
        coup coup NOUN NN 6 dobj
        . . PUNCT . 6 punct
        """,
        [(["France", "U.S.", "ECOWAS"], "criticize", ["coup"], "svo-active")],
        id="a list misparsed as an apposition is a coordination",
    ),
    pytest.param(
        """
        GM GM PROPN NNP 1 nsubj B-ORG
        closed close VERB VBD 1 ROOT
        1,100 1,100 NUM CD 1 dobj
        of of ADP IN 2 prep
        its its PRON PRP$ 5 poss
        dealerships dealership NOUN NNS 3 pobj
        . . PUNCT . 1 punct
        """,
        [(["GM"], "close", ["dealerships"], "svo-active")],
        id="partitive: 1,100 of its dealerships",
    ),
    pytest.param(
        """
        The the DET DT 1 det
        junta junta NOUN NN 3 nsubj
        had have AUX VBD 3 aux
        ordered order VERB VBN 3 ROOT
        troops troop NOUN NNS 3 dobj
        to to PART TO 6 aux
        leave leave VERB VB 3 xcomp
        and and CCONJ CC 6 cc
        demanded demand VERB VBD 6 conj
        talks talk NOUN NNS 8 dobj
        . . PUNCT . 3 punct
        """,
        [
            (["junta"], "demand", ["troops"], "svo-active"),
            (["junta"], "demand", ["talks"], "xcomp-inherit"),
        ],
        id="a finite verb hung on an infinitive is a conjunct of the governing verb",
    ),
    pytest.param(
        """
        Mali Mali PROPN NNP 1 nsubj B-GPE
        accused accuse VERB VBD 1 ROOT
        the the DET DT 3 det
        bloc bloc NOUN NN 1 dobj
        of of ADP IN 1 prep
        imposing impose VERB VBG 4 pcomp
        sanctions sanction NOUN NNS 5 dobj
        . . PUNCT . 1 punct
        """,
        [
            (["Mali"], "accuse", ["bloc"], "svo-active"),
            (["bloc"], "sanction", ["sanctions"], "light-verb+object-control"),
        ],
        id="accused the bloc of imposing sanctions: the object does the gerund",
    ),
    pytest.param(
        """
        The the DET DT 1 det
        RSF RSF PROPN NNP 2 nsubj B-ORG
        said say VERB VBD 2 ROOT
        its its PRON PRP$ 4 poss
        fighters fighter NOUN NNS 5 nsubj
        attacked attack VERB VBD 2 ccomp
        a a DET DT 7 det
        hospital hospital NOUN NN 5 dobj
        . . PUNCT . 2 punct
        """,
        [(["RSF"], "attack", ["hospital"], "svo-active")],
        id="its fighters: an actor acting through its members",
    ),
    pytest.param(
        """
        JNIM JNIM PROPN NNP 11 nsubj B-ORG
        , , PUNCT , 0 punct
        an an DET DT 3 det
        affiliate affiliate NOUN NN 0 conj
        , , PUNCT , 3 punct
        and and CCONJ CC 3 cc
        the the DET DT 7 det
        branch branch NOUN NN 3 conj
        of of ADP IN 7 prep
        Islamic Islamic PROPN NNP 10 compound B-ORG
        State State PROPN NNP 8 pobj I-ORG
        killed kill VERB VBD 11 ROOT
        civilians civilian NOUN NNS 11 dobj
        . . PUNCT . 11 punct
        """,
        [(["JNIM", "Islamic State"], "kill", ["civilians"], "svo-active")],
        id="X, an affiliate, and the branch of Y: an apposition is no conjunct; a branch is its organisation",
    ),
    pytest.param(
        """
        ECOWAS ECOWAS PROPN NNP 1 nsubj B-ORG
        threatened threaten VERB VBD 1 ROOT
        to to PART TO 3 aux
        use use VERB VB 1 xcomp
        force force NOUN NN 3 dobj
        . . PUNCT . 1 punct
        """,
        [(["ECOWAS"], "threaten", ["force"], "svo-active")],
        id="threatened to use force: the threatened act's object, no use_force claim",
    ),
    pytest.param(
        """
        They they PRON PRP 1 nsubj
        withdrew withdraw VERB VBD 1 ROOT
        their their PRON PRP$ 3 poss
        troops troop NOUN NNS 1 dobj
        from from ADP IN 1 prep
        Mali Mali PROPN NNP 4 pobj B-GPE
        . . PUNCT . 1 punct
        """,
        [(["They"], "withdraw", ["Mali"], "svo-active")],
        id="withdrew their troops from X: what is left is the object",
    ),
    pytest.param(
        """
        In in ADP IN 5 prep
        Mali Mali PROPN NNP 5 nsubj B-GPE
        , , PUNCT , 1 punct
        the the DET DT 4 det
        junta junta NOUN NN 1 appos
        ended end VERB VBD 5 ROOT
        the the DET DT 7 det
        deal deal NOUN NN 5 dobj
        . . PUNCT . 5 punct
        """,
        [(["junta"], "cancel", ["deal"], "svo-active")],
        id="In X, the junta ended: the place is no subject (misparse repaired)",
    ),
    pytest.param(
        """
        ECOWAS ECOWAS PROPN NNP 1 nsubj B-ORG
        urged urge VERB VBD 1 ROOT
        the the DET DT 3 det
        junta junta NOUN NN 1 dobj
        to to PART TO 5 aux
        release release VERB VB 1 xcomp
        Bazoum Bazoum PROPN NNP 5 dobj B-PERSON
        . . PUNCT . 1 punct
        """,
        [(["ECOWAS"], "appeal", ["junta"], "svo-active")],
        id="urged X to release Y: what was asked for is no claim of its own",
    ),
    pytest.param(
        """
        Mali Mali PROPN NNP 2 nsubjpass B-GPE
        was be AUX VBD 2 auxpass
        suspended suspend VERB VBN 2 ROOT
        from from ADP IN 2 prep
        the the DET DT 5 det
        bloc bloc NOUN NN 7 poss
        's 's PART POS 5 case
        bodies body NOUN NNS 3 pobj
        . . PUNCT . 2 punct
        """,
        [(["bloc"], "suspend_cooperation", ["Mali"], "passive-from-body")],
        id="suspended from the bloc's bodies: the organisation excludes",
    ),
    pytest.param(
        """
        French french ADJ JJ 1 amod B-NORP
        troops troop NOUN NNS 3 nsubjpass
        were be AUX VBD 3 auxpass
        forced force VERB VBN 3 ROOT
        out out ADP IN 3 prep
        of of ADP IN 4 prep
        Mali Mali PROPN NNP 5 pobj B-GPE
        , , PUNCT , 3 punct
        ordered order VERB VBN 3 advcl
        out out ADP IN 8 prep
        of of ADP IN 9 prep
        Chad Chad PROPN NNP 10 pobj B-GPE
        . . PUNCT . 3 punct
        """,
        [([], "demand", ["French"], "phrase+passive")],
        id="were forced out of X, ordered out of Y: the participle shares the passive",
    ),
    pytest.param(
        """
        The the DET DT 2 det
        U.N. U.N. PROPN NNP 2 compound B-ORG
        mission mission NOUN NN 8 nsubj
        in in ADP IN 2 prep
        Mali Mali PROPN NNP 3 pobj B-GPE
        , , PUNCT , 4 punct
        MINUSMA MINUSMA PROPN NNP 4 appos B-ORG
        , , PUNCT , 4 punct
        ended end VERB VBD 8 ROOT
        its its PRON PRP$ 10 poss
        operation operation NOUN NN 8 dobj
        . . PUNCT . 8 punct
        """,
        [(["MINUSMA"], "withdraw", ["Mali"], "phrase")],
        id="the mission in X, NAME, ended its operation: NAME withdraws from X",
    ),
    pytest.param(
        """
        The the DET DT 1 det
        bloc bloc NOUN NN 2 nsubj
        failed fail VERB VBD 2 ROOT
        to to PART TO 4 aux
        help help VERB VB 2 xcomp
        Mali Mali PROPN NNP 6 nsubj B-GPE
        fight fight VERB VB 4 ccomp
        insurgents insurgent NOUN NNS 6 dobj
        . . PUNCT . 2 punct
        """,
        [(["bloc"], "provide_aid", ["Mali"], "xcomp-inherit")],
        id="failed to help Mali fight: the helped one is the complement's subject",
    ),
    pytest.param(
        """
        ECOWAS ECOWAS PROPN NNP 1 nsubj B-ORG
        remained remain VERB VBD 1 ROOT
        committed committed ADJ JJ 1 acomp
        to to ADP IN 2 prep
        finding find VERB VBG 3 pcomp
        a a DET DT 6 det
        solution solution NOUN NN 4 dobj
        . . PUNCT . 1 punct
        """,
        [(["ECOWAS"], "support", ["solution"], "phrase")],
        id="remained committed to finding X: the gerund's object",
    ),
]


@pytest.mark.parametrize(("table", "expected"), CASES)
def test_arguments(index, config, vocab_nlp, table, expected):
    assert triples(build(vocab_nlp.vocab, table), index, config) == expected


@pytest.mark.parametrize(
    ("table", "head", "expected"),
    [
        ("the DET DT 2 det|military ADJ JJ 2 amod|agreements NOUN NNS 2 ROOT", 2, "military agreements"),
        ("the DET DT 1 det|nation NOUN NN 3 poss|'s PART POS 1 case|airspace NOUN NN 3 ROOT", 3, "airspace"),
        ("some DET DT 2 det|economic ADJ JJ 2 amod|aid NOUN NN 2 ROOT", 2, "economic aid"),
    ],
)
def test_arguments_shortest_noun_phrase(vocab_nlp, table, head, expected):
    rows = [f"{r.split()[0]} {r.split()[0]} {' '.join(r.split()[1:])}" for r in table.split("|")]
    doc = build(vocab_nlp.vocab, "\n".join(rows))
    assert np_text_span(doc[head]).text == expected


def test_arguments_relative_clause_conjunct_inherits_the_antecedent(index, config, vocab_nlp):
    """ "Bazoum, who was ousted and remains in custody": the conjunct's subject is the
    relative pronoun's antecedent."""
    doc = build(
        vocab_nlp.vocab,
        """
        They they PRON PRP 1 nsubj
        met meet VERB VBD 1 ROOT
        Bazoum Bazoum PROPN NNP 1 dobj B-PERSON
        , , PUNCT , 2 punct
        who who PRON WP 6 nsubjpass
        was be AUX VBD 6 auxpass
        ousted oust VERB VBN 2 relcl
        and and CCONJ CC 6 cc
        remains remain VERB VBZ 6 conj
        in in ADP IN 8 prep
        custody custody NOUN NN 9 pobj
        . . PUNCT . 1 punct
        """,
    )
    found = triples(doc, index, config)
    assert ([], "detain", ["Bazoum"], "patient-phrase") in found


GENERALISATION_CASES = [
    pytest.param(
        """
        Troops troop NOUN NNS 1 nsubj
        completed complete VERB VBD 1 ROOT
        an an DET DT 4 det
        orderly orderly ADJ JJ 4 amod
        pullout pullout NOUN NN 1 dobj
        . . PUNCT . 1 punct
        """,
        (["Troops"], "withdraw", [], "light-verb"),
        id="completed a pullout: what is left is a place, never the pullout itself",
    ),
    pytest.param(
        """
        Ten ten NUM CD 1 nummod
        villagers villager NOUN NNS 3 nsubjpass
        were be AUX VBD 3 auxpass
        killed kill VERB VBN 3 ROOT
        during during ADP IN 3 prep
        a a DET DT 6 det
        raid raid NOUN NN 4 pobj
        by by ADP IN 6 prep
        the the DET DT 9 det
        rebels rebel NOUN NNS 7 pobj
        . . PUNCT . 3 punct
        """,
        (["rebels"], "kill", ["villagers"], "passive-frame"),
        id="killed during a raid by X: the event's agent is the passive's agent",
    ),
    pytest.param(
        """
        Experts expert NOUN NNS 1 nsubj
        said say VERB VBD 1 ROOT
        the the DET DT 4 det
        price price NOUN NN 4 compound
        gap gap NOUN NN 6 nsubj
        could could AUX MD 6 aux
        grow grow VERB VB 1 ccomp
        , , PUNCT , 6 punct
        warning warn VERB VBG 6 advcl
        that that SCONJ IN 12 mark
        banks bank NOUN NNS 12 nsubj
        would would AUX MD 12 aux
        fail fail VERB VB 8 ccomp
        . . PUNCT . 1 punct
        """,
        (["Experts"], "warn", ["banks"], "xcomp-inherit"),
        id="a gap warns nobody: warn takes the nearest actor subject above",
    ),
    pytest.param(
        """
        Guards guard NOUN NNS 6 nsubjpass
        halted halt VERB VBN 0 amod
        after after SCONJ IN 6 mark
        six six NUM CD 4 nummod
        envoys envoy NOUN NNS 6 nsubjpass
        were be AUX VBD 6 auxpass
        arrested arrest VERB VBN 6 ROOT
        . . PUNCT . 6 punct
        """,
        ([], "detain", ["envoys"], "passive"),
        id="two passive subjects: the one nearest the verb is its own",
    ),
    pytest.param(
        """
        The the DET DT 1 det
        curbs curb NOUN NNS 3 nsubjpass
        were be AUX VBD 3 auxpass
        lifted lift VERB VBN 3 ROOT
        . . PUNCT . 3 punct
        """,
        ([], "cancel", ["curbs"], "passive"),
        id="measures were lifted: agentless cancel",
    ),
    pytest.param(
        """
        Chad Chad PROPN NNP 1 nsubj B-GPE
        refused refuse VERB VBD 1 ROOT
        to to PART TO 3 aux
        sign sign VERB VB 1 xcomp
        the the DET DT 5 det
        text text NOUN NN 3 dobj
        . . PUNCT . 1 punct
        """,
        (["Chad"], "reject", ["text"], "svo-active"),
        id="refused to V X: reject with the infinitive's object",
    ),
    pytest.param(
        """
        The the DET DT 1 det
        camps camp NOUN NNS 3 nsubjpass
        were be AUX VBD 3 auxpass
        vacated vacate VERB VBN 3 ROOT
        . . PUNCT . 3 punct
        """,
        ([], "withdraw", ["camps"], "passive"),
        id="camps were vacated: withdraw",
    ),
    pytest.param(
        """
        Soldiers soldier NOUN NNS 1 nsubj
        stag stag VERB VBD 1 ROOT
        a a DET DT 3 det
        coup coup NOUN NN 1 dobj
        . . PUNCT . 1 punct
        """,
        (["Soldiers"], "seize_power", ["coup"], "light-verb"),
        id="staged (lemma stag) a coup: light verb, the noun is the object",
    ),
]


def test_arguments_groups_linked_to_organisations(vocab_nlp):
    """ "groups linked to X and Y" stand for X and Y; an unnamed affiliation does not."""
    from pipeline.rules.argspans import affiliates_of

    doc = build(
        vocab_nlp.vocab,
        """
        Cells cell NOUN NNS 5 nsubj
        tied tie VERB VBN 0 acl
        to to ADP IN 1 prep
        Boko Boko PROPN NNP 4 compound B-ORG
        Haram Haram PROPN NNP 2 pobj I-ORG
        struck strike VERB VBD 5 ROOT
        . . PUNCT . 5 punct
        """,
    )
    mentions = MentionIndex(doc, actor_nouns=["cell"])
    assert [t.text for t in affiliates_of(doc[0], mentions)] == ["Haram"]
    assert [a.text for t in expand(doc[0], mentions) for a in head_args(t, mentions)] == ["Boko Haram"]
    doc = build(
        vocab_nlp.vocab,
        """
        Cells cell NOUN NNS 4 nsubj
        tied tie VERB VBN 0 acl
        to to ADP IN 1 prep
        smugglers smuggler NOUN NNS 2 pobj
        struck strike VERB VBD 4 ROOT
        """,
    )
    assert affiliates_of(doc[0], MentionIndex(doc, actor_nouns=["cell"])) == []


@pytest.mark.parametrize(("table", "expected"), GENERALISATION_CASES)
def test_arguments_wire_patterns(index, config, vocab_nlp, table, expected):
    assert expected in triples(build(vocab_nlp.vocab, table), index, config)


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        pytest.param(
            """
            Chad Chad PROPN NNP 1 nsubj B-GPE
            demanded demand VERB VBD 1 ROOT
            its its PRON PRP$ 3 poss
            departure departure NOUN NN 1 dobj
            . . PUNCT . 1 punct
            """,
            (["Chad"], "demand", ["its"]),
            id="demanded its departure: the addressee is who is to depart",
        ),
        pytest.param(
            """
            Chad Chad PROPN NNP 1 nsubj B-GPE
            demanded demand VERB VBD 1 ROOT
            the the DET DT 3 det
            release release NOUN NN 1 dobj
            of of ADP IN 3 prep
            Bazoum Bazoum PROPN NNP 4 pobj B-PERSON
            . . PUNCT . 1 punct
            """,
            (["Chad"], "demand", ["release"]),
            id="demanded the release of X: X undergoes the release, it is no addressee",
        ),
    ],
)
def test_arguments_demand_addressee_of_an_event(index, vocab_nlp, table, expected):
    doc = build(vocab_nlp.vocab, table)
    mentions = MentionIndex(doc, actor_nouns=["junta"])
    found = [
        ([h.text for h in heads.subjects], trig.predicate, [h.text for h in heads.objects])
        for trig, heads in claim_heads(index.find(doc), index, mentions)
    ]
    assert expected in found


def test_arguments_ultimatum_demands_and_threatens(index, config, vocab_nlp):
    """ "urged X to quit or face curbs, including a blockade": demand X, threaten the example."""
    doc = build(
        vocab_nlp.vocab,
        """
        Ghana Ghana PROPN NNP 1 nsubj B-GPE
        urged urge VERB VBD 1 ROOT
        the the DET DT 3 det
        junta junta NOUN NN 1 dobj
        to to PART TO 5 aux
        quit quit VERB VB 1 xcomp
        or or CCONJ CC 5 cc
        face face VERB VB 5 conj
        curbs curb NOUN NNS 7 dobj
        , , PUNCT , 8 punct
        including include VERB VBG 8 prep
        a a DET DT 12 det
        blockade blockade NOUN NN 10 pobj
        . . PUNCT . 1 punct
        """,
    )
    found = [(s, p, o) for s, p, o, _ in triples(doc, index, config)]
    assert (["Ghana"], "demand", ["junta"]) in found
    assert (["Ghana"], "threaten", ["blockade"]) in found
    assert all(p != "appeal" for _, p, _ in found)
