"""Subject and object by voice, control, coordination, light and converse verbs, on
hand-built parses (the rule is under test, not the parser)."""

from __future__ import annotations

import pytest
from docbuild import build

from pipeline.claims.argspans import expand, head_args
from pipeline.claims.coref import MentionIndex, np_text_span
from pipeline.claims.frames.heads import claim_heads


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
            (["France", "U.S.", "ECOWAS"], "sanction", [], "light-verb"),
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
        [(["France", "ECOWAS"], "sanction", [], "light-verb+stranded-subject")],
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
            (["troops"], "withdraw", [], "object-control"),
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
            (["bloc"], "sanction", [], "light-verb+object-control"),
        ],
        id="accused the bloc of imposing sanctions: the object does the gerund",
    ),
    pytest.param(
        """
        which which PRON WDT 1 nsubj
        overthrew overthrow VERB VBD 1 ROOT
        President President PROPN NNP 3 compound
        Keita Keita PROPN NNP 1 dobj B-PERSON
        . . PUNCT . 1 punct
        """,
        [([], "seize_power", ["Keita"], "svo-active")],
        id="a relative pronoun cut from its antecedent (a sentence split) denotes no one",
    ),
    pytest.param(
        """
        the the DET DT 3 det
        West west ADJ JJ 2 amod B-NORP
        African african ADJ JJ 3 amod I-NORP
        bloc bloc NOUN NN 7 nsubj
        , , PUNCT , 3 punct
        ECOWAS ECOWAS PROPN NNP 3 conj B-ORG
        , , PUNCT , 5 punct
        suspended suspend VERB VBD 7 ROOT
        Mali Mali PROPN NNP 7 dobj B-GPE
        . . PUNCT . 7 punct
        """,
        [(["ECOWAS"], "suspend_cooperation", ["Mali"], "svo-active")],
        id="a description, then its name between commas parsed as a conjunct: one actor, the name",
    ),
    pytest.param(
        """
        Bah Bah PROPN NNP 1 compound B-PERSON
        Ndaw Ndaw PROPN NNP 7 nsubjpass I-PERSON
        , , PUNCT , 1 punct
        a a DET DT 5 det
        retired retired ADJ JJ 5 amod
        colonel colonel NOUN NN 7 nsubjpass
        was be AUX VBD 7 auxpass
        appointed appoint VERB VBN 7 ROOT
        president president NOUN NN 7 oprd
        . . PUNCT . 7 punct
        """,
        [([], "appoint", ["Bah Ndaw"], "passive")],
        id="a name and its apposition both taken for subjects: the name",
    ),
    pytest.param(
        """
        Civilian civilian ADJ JJ 1 amod
        diplomat diplomat NOUN NN 8 nsubjpass
        and and CCONJ CC 1 cc
        former former ADJ JJ 4 amod
        Minister Minister PROPN NNP 6 compound
        Moctar Moctar PROPN NNP 6 compound B-PERSON
        Ouane Ouane PROPN NNP 1 conj I-PERSON
        was be AUX VBD 8 auxpass
        named name VERB VBN 8 ROOT
        as as ADP IN 8 prep
        premier premier NOUN NN 9 pobj
        . . PUNCT . 8 punct
        """,
        [([], "appoint", ["Moctar Ouane"], "passive")],
        id="a bare singular noun coordinated with a person's name is a title of that person",
    ),
    pytest.param(
        """
        Members member NOUN NNS 1 nsubj
        stressed stress VERB VBD 1 ROOT
        the the DET DT 3 det
        importance importance NOUN NN 1 dobj
        for for ADP IN 3 prep
        States States PROPN NNPS 4 pobj
        , , PUNCT , 1 punct
        to to PART TO 8 aux
        cooperate cooperate VERB VB 1 advcl
        with with ADP IN 8 prep
        Mali Mali PROPN NNP 9 pobj B-GPE
        . . PUNCT . 1 punct
        """,
        [(["Members"], "appeal", ["States"], "phrase"), (["States"], "cooperate", ["Mali"], "for-subject")],
        id="the importance for X, ..., to V: the object of 'for' is the infinitive's subject",
    ),
    pytest.param(
        """
        Cooperation cooperation NOUN NN 6 nsubj
        between between ADP IN 0 prep
        the the DET DT 5 det
        U.S. U.S. PROPN NNP 5 nmod B-GPE
        and and CCONJ CC 3 cc
        forces force NOUN NNS 1 pobj
        grew grow VERB VBD 6 ROOT
        . . PUNCT . 6 punct
        """,
        [],
        id="a between-phrase with one side only names no counterpart: no claim",
    ),
    pytest.param(
        """
        Cooperation cooperation NOUN NN 7 nsubj
        between between ADP IN 0 prep
        the the DET DT 6 det
        U.S. U.S. PROPN NNP 6 nmod B-GPE
        and and CCONJ CC 3 cc
        Nigerien Nigerien PROPN NNP 3 conj B-NORP
        forces force NOUN NNS 1 pobj
        grew grow VERB VBD 7 ROOT
        . . PUNCT . 7 punct
        """,
        [(["U.S."], "cooperate", ["Nigerien"], "nominal-between-states")],
        id="between the U.S. and Nigerien forces: the coordinated modifiers are the sides",
    ),
    pytest.param(
        """
        Coordination coordination NOUN NN 2 nsubj
        will will AUX MD 2 aux
        continue continue VERB VB 2 ROOT
        between between ADP IN 2 prep
        France France PROPN NNP 3 pobj B-GPE
        and and CCONJ CC 4 cc
        Chad Chad PROPN NNP 4 conj B-GPE
        . . PUNCT . 2 punct
        """,
        [(["France"], "cooperate", ["Chad"], "nominal-between")],
        id="coordination will continue between A and B: the phrase on the verb of the event noun",
    ),
    pytest.param(
        """
        At at ADP IN 7 prep
        the the DET DT 2 det
        request request NOUN NN 0 pobj
        of of ADP IN 2 prep
        Blinken Blinken PROPN NNP 7 nsubj B-PERSON
        , , PUNCT , 4 punct
        FitzGibbon FitzGibbon PROPN NNP 4 appos B-PERSON
        visited visit VERB VBD 7 ROOT
        Niamey Niamey PROPN NNP 7 dobj B-GPE
        . . PUNCT . 7 punct
        """,
        [(["FitzGibbon"], "visit", ["Niamey"], "svo-active")],
        id="two persons are never in apposition: after a fronted phrase, the second acts",
    ),
    pytest.param(
        """
        They they PRON PRP 1 nsubj
        freed free VERB VBD 1 ROOT
        the the DET DT 3 det
        officials official NOUN NNS 1 dobj
        detained detain VERB VBD 1 advcl
        in in ADP IN 4 prep
        Bamako Bamako PROPN NNP 5 pobj B-GPE
        . . PUNCT . 1 punct
        """,
        [(["They"], "release", ["officials"], "svo-active"), ([], "detain", ["officials"], "reduced-relative")],
        id="a past verb right after a noun with no subject or object of its own is a participle on it",
    ),
    pytest.param(
        """
        They they PRON PRP 1 nsubj
        freed free VERB VBD 1 ROOT
        the the DET DT 3 det
        officials official NOUN NNS 1 dobj
        detained detain VERB VBD 1 advcl
        . . PUNCT . 1 punct
        """,
        [(["They"], "release", ["officials"], "svo-active")],
        id="a bare participle on a noun ('the officials detained') refers back: no claim",
    ),
    pytest.param(
        """
        Mali Mali PROPN NNP 1 nsubj B-GPE
        urged urge VERB VBD 1 ROOT
        all all DET DT 3 det
        parties party NOUN NNS 1 dobj
        , , PUNCT , 1 punct
        no no ADV RB 6 neg
        matter matter ADV RB 1 advmod
        their their PRON PRP$ 8 poss
        identity identity NOUN NN 1 dobj
        , , PUNCT , 8 punct
        to to PART TO 11 aux
        talk talk VERB VB 1 xcomp
        . . PUNCT . 1 punct
        """,
        [(["Mali"], "appeal", ["parties"], "svo-active")],
        id="the noun after 'no matter' is no object of the verb",
    ),
    pytest.param(
        """
        Despite despite ADP IN 4 prep
        his his PRON PRP$ 2 poss
        detainment detainment NOUN NN 0 pobj
        , , PUNCT , 4 punct
        Bazoum Bazoum PROPN NNP 5 nsubj B-PERSON
        wrote write VERB VBD 5 ROOT
        . . PUNCT . 5 punct
        """,
        [],
        id="an event noun whose only participant is a possessive pronoun refers back: no claim",
    ),
    pytest.param(
        """
        ECOWAS ECOWAS PROPN NNP 1 nsubj B-ORG
        suspended suspend VERB VBD 1 ROOT
        Mali Mali PROPN NNP 1 dobj B-GPE
        and and CCONJ CC 1 cc
        imposed impose VERB VBD 1 conj
        sanctions sanction NOUN NNS 4 dobj
        . . PUNCT . 1 punct
        """,
        [
            (["ECOWAS"], "suspend_cooperation", ["Mali"], "svo-active"),
            (["ECOWAS"], "sanction", ["Mali"], "light-verb+xcomp-inherit"),
        ],
        id="sanctions with no target, coordinated with a verb on a named actor, aim at that actor",
    ),
    pytest.param(
        """
        They they PRON PRP 1 nsubj
        stressed stress VERB VBD 1 ROOT
        the the DET DT 3 det
        need need NOUN NN 1 dobj
        to to PART TO 5 aux
        hold hold VERB VB 3 acl
        perpetrators perpetrator NOUN NNS 5 dobj
        and and CCONJ CC 6 cc
        sponsors sponsor NOUN NNS 6 conj
        accountable accountable ADJ JJ 1 advcl
        and and CCONJ CC 1 cc
        bring bring VERB VB 1 conj
        them they PRON PRP 11 dobj
        to to ADP IN 11 prep
        justice justice NOUN NN 13 pobj
        . . PUNCT . 1 punct
        """,
        [([], "prosecute", ["perpetrators", "sponsors"], "phrase+needed")],
        id="a bare infinitive hung on the finite verb coordinates with the infinitive; 'them' is its objects",
    ),
    pytest.param(
        """
        In in ADP IN 5 prep
        a a DET DT 2 det
        meeting meeting NOUN NN 0 pobj
        , , PUNCT , 5 punct
        Issoufou Issoufou PROPN NNP 5 nsubj B-PERSON
        agreed agree VERB VBD 5 ROOT
        . . PUNCT . 5 punct
        """,
        [],
        id="a light verb's 'in' + event noun fronted before it is a circumstance, no claim",
    ),
    pytest.param(
        """
        The the DET DT 1 det
        sanctions sanction NOUN NNS 2 nsubj
        include include VERB VBP 2 ROOT
        recalling recall VERB VBG 2 xcomp
        ambassadors ambassador NOUN NNS 3 dobj
        from from ADP IN 3 prep
        Bamako Bamako PROPN NNP 5 pobj B-GPE
        . . PUNCT . 2 punct
        """,
        [([], "withdraw", ["Bamako"], "phrase+xcomp-inherit")],
        id="an inherited subject that is no actor does not act: sanctions recall no one",
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
        [(["ECOWAS"], "appeal", ["junta"], "svo-active"), (["junta"], "release", ["Bazoum"], "object-control")],
        id="urged X to release Y: what was asked for is a requested claim, X its agent (SPEC 4, revision 2)",
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
        [([], "expel", ["French"], "phrase+passive")],
        id="were forced out of X, ordered out of Y: the participle shares the passive; 'order out' is expel",
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
        (["Soldiers"], "seize_power", [], "light-verb"),
        id="staged (lemma stag) a coup: light verb; the noun is the event itself, no object",
    ),
]


def test_arguments_groups_linked_to_organisations(vocab_nlp):
    """ "groups linked to X and Y" stand for X and Y; an unnamed affiliation does not."""
    from pipeline.claims.argspans import affiliates_of

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


# Round 2: general patterns learnt from the dev articles (each on sentences that are not
# in any corpus; the parse is fixed here, so the rule is under test, not the parser)
PATTERN_CASES = [
    pytest.param(
        """
        Students student NOUN NNS 1 nsubj
        called call VERB VBD 1 ROOT
        for for SCONJ IN 5 mark
        Ghana Ghana PROPN NNP 5 nsubj B-GPE
        to to PART TO 5 aux
        release release VERB VB 1 advcl
        the the DET DT 7 det
        journalists journalist NOUN NNS 5 dobj
        . . PUNCT . 1 punct
        """,
        [(["Students"], "appeal", ["Ghana"], "phrase"), (["Ghana"], "release", ["journalists"], "svo-active")],
        id="called for X to V: appeal to X, and X's requested V",
    ),
    pytest.param(
        """
        The the DET DT 1 det
        bishop bishop NOUN NN 2 nsubj
        appealed appeal VERB VBD 2 ROOT
        for for SCONJ IN 6 mark
        residents resident NOUN NNS 6 nsubj
        to to PART TO 6 aux
        stay stay VERB VB 2 advcl
        calm calm ADJ JJ 6 acomp
        . . PUNCT . 2 punct
        """,
        [(["bishop"], "appeal", ["residents"], "phrase")],
        id="appealed for X to V: the for-to subject is the addressee",
    ),
    pytest.param(
        """
        Togo Togo PROPN NNP 1 nsubj B-GPE
        demanded demand VERB VBD 1 ROOT
        that that SCONJ IN 4 mark
        France France PROPN NNP 4 nsubj B-GPE
        withdraw withdraw VERB VBP 1 ccomp
        . . PUNCT . 1 punct
        """,
        [(["Togo"], "demand", ["France"], "svo-active"), (["France"], "withdraw", [], "svo-active")],
        id="demanded that X withdraw: demand to X, and X's requested withdrawal",
    ),
    pytest.param(
        """
        The the DET DT 1 det
        junta junta NOUN NN 2 nsubj
        requested request VERB VBD 2 ROOT
        Russian russian ADJ JJ 4 amod B-NORP
        help help NOUN NN 2 dobj
        . . PUNCT . 2 punct
        """,
        [(["junta"], "request_aid", ["Russian"], "phrase")],
        id="requested Russian help: the helper named on the help is the object",
    ),
    pytest.param(
        """
        An an DET DT 1 det
        ambush ambush NOUN NN 6 nsubjpass
        on on ADP IN 1 prep
        the the DET DT 4 det
        convoy convoy NOUN NN 2 pobj
        was be AUX VBD 6 auxpass
        claimed claim VERB VBN 6 ROOT
        by by ADP IN 6 agent
        JNIM JNIM PROPN NNP 7 pobj B-ORG
        . . PUNCT . 6 punct
        """,
        [(["JNIM"], "attack", ["convoy"], "claimed")],
        id="an ambush was claimed by X: the claimant is the agent",
    ),
    pytest.param(
        """
        Shabaab Shabaab PROPN NNP 1 nsubj B-ORG
        claimed claim VERB VBD 1 ROOT
        responsibility responsibility NOUN NN 1 dobj
        for for ADP IN 2 prep
        a a DET DT 6 det
        deadly deadly ADJ JJ 6 amod
        raid raid NOUN NN 3 pobj
        on on ADP IN 6 prep
        the the DET DT 9 det
        barracks barracks NOUN NN 7 pobj
        . . PUNCT . 1 punct
        """,
        [(["Shabaab"], "attack", ["barracks"], "claimed")],
        id="X claimed responsibility for a raid on Y",
    ),
    pytest.param(
        """
        The the DET DT 1 det
        attack attack NOUN NN 3 nsubjpass
        was be AUX VBD 3 auxpass
        claimed claim VERB VBN 3 ROOT
        by by ADP IN 3 agent
        JNIM JNIM PROPN NNP 4 pobj B-ORG
        . . PUNCT . 3 punct
        """,
        [],
        id="the attack was claimed by X: a bare back-reference is no new claim",
    ),
    pytest.param(
        """
        LAGOS LAGOS PROPN NNP 10 nsubj B-GPE
        ( ( PUNCT -LRB- 0 punct
        AP AP PROPN NNP 0 appos B-ORG
        ) ) PUNCT -RRB- 0 punct
        - - PUNCT : 0 punct
        Nigeria Nigeria PROPN NNP 7 poss B-GPE
        's 's PART POS 5 case
        president president NOUN NN 10 nsubj
        on on ADP IN 7 prep
        Monday Monday PROPN NNP 8 pobj B-DATE
        condemned condemn VERB VBD 10 ROOT
        the the DET DT 12 det
        raid raid NOUN NN 10 dobj
        . . PUNCT . 10 punct
        """,
        [(["president"], "criticize", ["raid"], "svo-active")],
        id="a dateline parsed as a second subject: the one nearest the verb",
    ),
    pytest.param(
        """
        Chad Chad PROPN NNP 1 nsubj B-GPE
        remains remain VERB VBZ 1 ROOT
        willing willing ADJ JJ 1 acomp
        to to PART TO 4 aux
        cooperate cooperate VERB VB 2 xcomp
        with with ADP IN 4 prep
        Niger Niger PROPN NNP 5 pobj B-GPE
        . . PUNCT . 1 punct
        """,
        [(["Chad"], "cooperate", ["Niger"], "xcomp-inherit")],
        id="remains willing to V: the infinitive of a predicative adjective takes the subject",
    ),
    pytest.param(
        """
        Talks talk NOUN NNS 11 nsubj
        between between ADP IN 0 prep
        the the DET DT 3 det
        army army NOUN NN 1 pobj
        and and CCONJ CC 3 cc
        the the DET DT 6 det
        rebels rebel NOUN NNS 3 conj
        who who PRON WP 8 nsubj
        attacked attack VERB VBD 0 relcl
        the the DET DT 10 det
        town town NOUN NN 8 dobj
        stalled stall VERB VBN 11 ROOT
        . . PUNCT . 11 punct
        """,
        [(["rebels"], "attack", ["town"], "svo-active"), (["army"], "meet", ["rebels"], "nominal-between")],
        id="a relative clause hung on a distant non-actor: the actor right before 'who'; talks between A and B",
    ),
    pytest.param(
        """
        UNAMID UNAMID PROPN NNP 2 nsubjpass B-ORG
        was be AUX VBD 2 auxpass
        deployed deploy VERB VBN 2 ROOT
        in in ADP IN 2 prep
        2007 2007 NUM CD 3 pobj B-DATE
        . . PUNCT . 2 punct
        """,
        [(["UNAMID"], "deploy", [], "passive-owner")],
        id="a named force was deployed in a year: it deploys itself, a year is no place",
    ),
    pytest.param(
        """
        Chad Chad PROPN NNP 1 nsubj B-GPE
        has have VERB VBZ 1 ROOT
        1,000 1,000 NUM CD 3 nummod B-CARDINAL
        soldiers soldier NOUN NNS 1 dobj
        . . PUNCT . 1 punct
        """,
        [(["Chad"], "deploy", [], "phrase")],
        id="has N soldiers: the troops are never the object of deploy",
    ),
    pytest.param(
        """
        Unrest unrest NOUN NN 1 nsubj
        spread spread VERB VBD 1 ROOT
        across across ADP IN 1 prep
        the the DET DT 4 det
        Sahel Sahel PROPN NNP 2 pobj B-LOC
        , , PUNCT , 4 punct
        where where SCONJ WRB 9 advmod
        France France PROPN NNP 9 nsubj B-GPE
        had have AUX VBD 9 aux
        deployed deploy VERB VBN 4 relcl
        thousands thousand NOUN NNS 9 dobj B-CARDINAL
        of of ADP IN 10 prep
        troops troop NOUN NNS 11 pobj
        . . PUNCT . 1 punct
        """,
        [(["France"], "deploy", ["Sahel"], "svo-active")],
        id="the Sahel, where X had deployed thousands of troops: the place of the where-clause",
    ),
    pytest.param(
        """
        Britain Britain PROPN NNP 1 nsubj B-GPE
        pulled pull VERB VBD 1 ROOT
        its its PRON PRP$ 3 poss
        troops troop NOUN NNS 1 dobj
        out out ADP IN 1 prep
        of of ADP IN 4 prep
        Iraq Iraq PROPN NNP 5 pobj B-GPE
        . . PUNCT . 1 punct
        """,
        [(["Britain"], "withdraw", ["Iraq"], "phrase")],
        id="pulled its troops out of X: what is left is the object",
    ),
    pytest.param(
        """
        Nations nation NOUN NNS 11 nsubj
        that that PRON WDT 2 nsubj
        send send VERB VBP 0 relcl
        troops troop NOUN NNS 2 dobj
        , , PUNCT , 3 punct
        including include VERB VBG 3 prep
        Chad Chad PROPN NNP 5 pobj B-GPE
        and and CCONJ CC 6 cc
        Togo Togo PROPN NNP 6 conj B-GPE
        , , PUNCT , 0 punct
        have have AUX VBP 11 aux
        announced announce VERB VBN 11 ROOT
        cuts cut NOUN NNS 11 dobj
        . . PUNCT . 11 punct
        """,
        [(["Chad", "Togo"], "deploy", [], "phrase")],
        id="nations that send troops, including X and Y: the examples are the nations",
    ),
    pytest.param(
        """
        The the DET DT 1 det
        junta junta NOUN NN 2 nsubj
        proposed propose VERB VBD 2 ROOT
        to to PART TO 4 aux
        extend extend VERB VB 2 xcomp
        the the DET DT 6 det
        transition transition NOUN NN 4 dobj
        . . PUNCT . 2 punct
        """,
        [(["junta"], "propose", ["extend the transition"], "svo-active")],
        id="proposed to V: the action is the object",
    ),
    pytest.param(
        """
        The the DET DT 1 det
        rebels rebel NOUN NNS 2 nsubj
        entered enter VERB VBD 2 ROOT
        the the DET DT 4 det
        town town NOUN NN 2 dobj
        , , PUNCT , 4 punct
        a a DET DT 7 det
        claim claim NOUN NN 4 appos
        the the DET DT 9 det
        army army NOUN NN 10 nsubj
        denies deny VERB VBZ 7 relcl
        . . PUNCT . 2 punct
        """,
        [(["army"], "reject", ["claim"], "svo-active")],
        id="a claim the army denies: the noun fills the object gap of a contact relative",
    ),
]


@pytest.mark.parametrize(("table", "expected"), PATTERN_CASES)
def test_arguments_general_patterns(index, config, vocab_nlp, table, expected):
    assert triples(build(vocab_nlp.vocab, table), index, config) == expected


VOCABULARY_CASES = [
    pytest.param(
        "Chad Chad PROPN NNP 1 nsubj B-GPE|sought seek VERB VBD 1 ROOT|a a DET DT 4 det|"
        "security security NOUN NN 4 compound|partnership partnership NOUN NN 1 dobj|with with ADP IN 4 prep|"
        "Turkey Turkey PROPN NNP 5 pobj B-GPE",
        (["Chad"], "cooperate", ["Turkey"], "phrase"),
        id="sought a partnership with X: cooperate, not a request for security",
    ),
    pytest.param(
        "neighbours neighbour NOUN NNS 1 nsubj|moved move VERB VBD 1 ROOT|against against ADP IN 1 prep|"
        "the the DET DT 4 det|regime regime NOUN NN 2 pobj",
        (["neighbours"], "oppose", ["regime"], "phrase"),
        id="moved against X: oppose",
    ),
    pytest.param(
        "The the DET DT 1 det|rebels rebel NOUN NNS 2 nsubj|set set VERB VBD 2 ROOT|"
        "three three NUM CD 4 nummod B-CARDINAL|conditions condition NOUN NNS 2 dobj",
        (["rebels"], "demand", ["conditions"], "phrase"),
        id="set conditions: demand",
    ),
    pytest.param(
        "Germany Germany PROPN NNP 2 nsubj B-GPE|will will AUX MD 2 aux|bring bring VERB VB 2 ROOT|"
        "its its PRON PRP$ 4 poss|diplomats diplomat NOUN NNS 2 dobj|home home ADV RB 2 advmod",
        (["Germany"], "withdraw", ["diplomats"], "phrase"),
        id="bring its diplomats home: withdraw",
    ),
    pytest.param(
        "Canada Canada PROPN NNP 2 nsubj B-GPE|will will AUX MD 2 aux|draw draw VERB VB 2 ROOT|"
        "down down ADP RP 2 prt|its its PRON PRP$ 5 poss|contingent contingent NOUN NN 2 dobj",
        (["Canada"], "withdraw", ["contingent"], "phrase"),
        id="draw down its contingent: withdraw",
    ),
    pytest.param(
        "The the DET DT 1 det|coalition coalition NOUN NN 2 nsubj|denied deny VERB VBD 2 ROOT|"
        "the the DET DT 4 det|allegations allegation NOUN NNS 2 dobj",
        (["coalition"], "reject", ["allegations"], "svo-active"),
        id="denied the allegations (a noun, no clause): reject",
    ),
    pytest.param(
        "Doumbouya Doumbouya PROPN NNP 1 nsubj B-PERSON|seized seize VERB VBD 1 ROOT|"
        "power power NOUN NN 1 dobj|in in ADP IN 1 prep|2021 2021 NUM CD 3 pobj B-DATE",
        (["Doumbouya"], "seize_power", ["power"], "phrase"),
        id="seized power: the object is power (docs/annotation.md)",
    ),
    pytest.param(
        "Several several ADJ JJ 1 amod|countries country NOUN NNS 2 nsubj|contribute contribute VERB VBP 2 ROOT|"
        "troops troop NOUN NNS 2 dobj",
        (["Several countries"], "deploy", [], "phrase"),
        id="contribute troops: deploy",
    ),
]


VOCABULARY_CASES += [
    pytest.param(
        "Chad Chad PROPN NNP 1 nsubj B-GPE|recalled recall VERB VBD 1 ROOT|its its PRON PRP$ 3 poss|"
        "envoys envoy NOUN NNS 1 dobj|from from ADP IN 1 prep|Doha Doha PROPN NNP 4 pobj B-GPE",
        (["Chad"], "withdraw", ["Doha"], "phrase"),
        id="recalled its envoys from X: withdraw from X",
    ),
    pytest.param(
        "Witnesses witness NOUN NNS 1 nsubj|recalled recall VERB VBD 1 ROOT|the the DET DT 3 det|"
        "raid raid NOUN NN 1 dobj",
        None,
        id="witnesses recalled the raid: remembering, no withdrawal",
    ),
]


@pytest.mark.parametrize(("rows", "expected"), VOCABULARY_CASES)
def test_arguments_vocabulary(index, config, vocab_nlp, rows, expected):
    table = "\n".join(rows.split("|")) + "\n. . PUNCT . 1 punct"
    found = triples(build(vocab_nlp.vocab, table), index, config)
    if expected is None:
        assert not any(p == "withdraw" for _, p, _, _ in found)
    else:
        assert expected in found


def test_arguments_dateline_is_no_modifier(vocab_nlp):
    """ "BAMAKO, May 3 (Reuters) - Malian officials": the dateline place hung on the
    subject is no modifier of it; the nationality inside the phrase is."""
    doc = build(
        vocab_nlp.vocab,
        """
        BAMAKO BAMAKO PROPN NNP 9 nmod B-GPE
        , , PUNCT , 0 punct
        May May PROPN NNP 0 npadvmod B-DATE
        3 3 NUM CD 2 nummod I-DATE
        ( ( PUNCT -LRB- 5 punct
        Reuters Reuters PROPN NNP 2 appos B-ORG
        ) ) PUNCT -RRB- 5 punct
        - - PUNCT : 0 punct
        Malian malian ADJ JJ 9 amod B-NORP
        officials official NOUN NNS 10 nsubj
        spoke speak VERB VBD 10 ROOT
        . . PUNCT . 10 punct
        """,
    )
    mentions = MentionIndex(doc, actor_nouns=["official"])
    assert [a.text for a in head_args(doc[9], mentions)] == ["Malian"]


MORE_PATTERN_CASES = [
    pytest.param(
        """
        Raids raid NOUN NNS 5 nsubj
        by by ADP IN 0 prep
        armed armed ADJ JJ 3 amod
        groups group NOUN NNS 1 pobj
        have have AUX VBP 5 aux
        killed kill VERB VBN 5 ROOT
        hundreds hundred NOUN NNS 5 dobj B-CARDINAL
        of of ADP IN 6 prep
        villagers villager NOUN NNS 7 pobj
        . . PUNCT . 5 punct
        """,
        [(["armed groups"], "kill", ["villagers"], "svo-active"), (["armed groups"], "attack", [], "nominal")],
        id="raids by X have killed: the event's agent kills (and raids)",
    ),
    pytest.param(
        """
        The the DET DT 1 det
        bloc bloc NOUN NN 2 nsubj
        called call VERB VBD 2 ROOT
        on on ADP IN 2 prep
        the the DET DT 5 det
        generals general NOUN NNS 3 pobj
        to to PART TO 7 aux
        negotiate negotiate VERB VB 2 xcomp
        with with ADP IN 7 prep
        the the DET DT 10 det
        envoys envoy NOUN NNS 8 pobj
        . . PUNCT . 2 punct
        """,
        [(["bloc"], "appeal", ["generals"], "phrase"), (["generals"], "meet", ["envoys"], "object-control")],
        id="called on X to V: the complement of a directive phrase is X's requested V",
    ),
    pytest.param(
        """
        The the DET DT 1 det
        army army NOUN NN 2 nsubj
        insisted insist VERB VBD 2 ROOT
        that that SCONJ IN 7 mark
        the the DET DT 5 det
        guards guard NOUN NNS 7 nsubj
        had have AUX VBD 7 aux
        repelled repel VERB VBN 2 ccomp
        the the DET DT 9 det
        raid raid NOUN NN 7 dobj
        . . PUNCT . 2 punct
        """,
        [],
        id="insisted that X had V-ed: a report of a fact, no demand",
    ),
    pytest.param(
        """
        Activists activist NOUN NNS 1 nsubj
        demanded demand VERB VBD 1 ROOT
        the the DET DT 3 det
        departure departure NOUN NN 1 dobj
        of of ADP IN 3 prep
        Russian russian ADJ JJ 6 amod B-NORP
        troops troop NOUN NNS 4 pobj
        . . PUNCT . 1 punct
        """,
        [(["Activists"], "demand", ["departure"], "svo-active"), (["Russian"], "withdraw", [], "nominal")],
        id="demanded the departure of X: the demanded event is the object, and a requested claim of X's",
    ),
    pytest.param(
        """
        The the DET DT 1 det
        EU EU PROPN NNP 2 nsubj B-ORG
        gave give VERB VBD 2 ROOT
        them they PRON PRP 2 dative
        weapons weapon NOUN NNS 2 dobj
        . . PUNCT . 2 punct
        """,
        [(["EU"], "provide_aid", ["them"], "phrase")],
        id="gave them weapons: the indirect object is whom aid is given",
    ),
    pytest.param(
        """
        Paris Paris PROPN NNP 1 nsubj B-GPE
        gave give VERB VBD 1 ROOT
        the the DET DT 3 det
        envoy envoy NOUN NN 1 dative
        two two NUM CD 5 nummod B-DATE
        days day NOUN NNS 1 dobj I-DATE
        to to PART TO 7 aux
        leave leave VERB VB 5 acl
        . . PUNCT . 1 punct
        """,
        [(["Paris"], "demand", ["envoy"], "phrase"), (["envoy"], "withdraw", [], "xcomp-inherit")],
        id="gave X two days to leave: an ultimatum on X, X's requested departure",
    ),
    pytest.param(
        """
        Ghana Ghana PROPN NNP 1 nsubj B-GPE
        condemned condemn VERB VBD 1 ROOT
        what what PRON WP 4 dobj
        it it PRON PRP 4 nsubj
        called call VERB VBD 1 ccomp
        an an DET DT 7 det
        illegal illegal ADJ JJ 7 amod
        raid raid NOUN NN 4 oprd
        . . PUNCT . 1 punct
        """,
        [(["Ghana"], "criticize", ["illegal raid"], "svo-active")],
        id="condemned what it called X: the free relative's object is X",
    ),
    pytest.param(
        """
        Crowds crowd NOUN NNS 1 nsubj
        cheered cheer VERB VBD 1 ROOT
        the the DET DT 3 det
        rebels rebel NOUN NNS 1 dobj
        who who PRON WP 5 nsubj
        stormed storm VERB VBD 3 relcl
        the the DET DT 7 det
        palace palace NOUN NN 5 dobj
        . . PUNCT . 1 punct
        """,
        [(["Crowds"], "support", ["rebels"], "svo-active"), (["rebels"], "attack", ["palace"], "svo-active")],
        id="cheered (support) the rebels who stormed (attack) the palace",
    ),
]


@pytest.mark.parametrize(("table", "expected"), MORE_PATTERN_CASES)
def test_arguments_more_general_patterns(index, config, vocab_nlp, table, expected):
    assert triples(build(vocab_nlp.vocab, table), index, config) == expected


def test_arguments_actor_named_by_its_relation_keeps_the_name(vocab_nlp):
    """ "Chad's allies": an unlinked actor named by its relation to a name keeps it."""
    doc = build(
        vocab_nlp.vocab,
        """
        Chad Chad PROPN NNP 2 poss B-GPE
        's 's PART POS 0 case
        allies ally NOUN NNS 3 nsubj
        protested protest VERB VBD 3 ROOT
        . . PUNCT . 3 punct
        """,
    )
    mentions = MentionIndex(doc, actor_nouns=["ally"])
    assert [a.text.replace(" 's", "'s") for a in head_args(doc[2], mentions)] == ["Chad's allies"]


def test_arguments_remains_detained_is_a_passive_state(index, config, vocab_nlp):
    """ "Bazoum remains detained", with "remains" taken for a passive auxiliary."""
    doc = build(
        vocab_nlp.vocab,
        """
        Kabila Kabila PROPN NNP 1 nsubj B-PERSON
        remains remains AUX VBZ 2 auxpass
        detained detain VERB VBN 2 ROOT
        . . PUNCT . 2 punct
        """,
    )
    assert triples(doc, index, config) == [([], "detain", ["Kabila"], "passive")]


def test_arguments_sworn_in_as_takes_office(index, config, vocab_nlp):
    doc = build(
        vocab_nlp.vocab,
        """
        Doumbouya Doumbouya PROPN NNP 2 nsubjpass B-PERSON
        was be AUX VBD 2 auxpass
        sworn swear VERB VBN 2 ROOT
        in in ADP RP 2 prt
        as as ADP IN 2 prep
        interim interim ADJ JJ 6 amod
        president president NOUN NN 4 pobj
        . . PUNCT . 2 punct
        """,
    )
    assert triples(doc, index, config) == [
        (["Doumbouya"], "assume_office", ["interim president"], "phrase+passive-self")
    ]


def test_arguments_clause_coordination_misparse(index, config, vocab_nlp):
    """ "Officers took power and crowds then attacked the embassy": two clauses, not one
    subject "power and crowds"."""
    doc = build(
        vocab_nlp.vocab,
        """
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
        """,
    )
    assert triples(doc, index, config) == [
        (["Officers"], "seize_power", ["power"], "phrase"),
        (["crowds"], "attack", ["embassy"], "svo-active"),
    ]


def test_a_plural_demonym_heading_its_phrase_is_people_not_the_state(vocab_nlp, config):
    """ "encourage all Nigeriens": the people (text, no id); "Nigerien soldiers": the
    demonym modifies, and names the soldiers' country."""
    from spacy.tokens import Span

    doc = build(
        vocab_nlp.vocab,
        """
        Nigerien Nigerien ADJ JJ 1 amod B-NORP
        soldiers soldier NOUN NNS 2 nsubj
        arrested arrest VERB VBD 2 ROOT
        all all DET DT 4 det
        Nigeriens Nigeriens PROPN NNP 2 dobj B-NORP
        . . PUNCT . 2 punct
        """,
    )
    doc.ents = [Span(doc, 0, 1, label="NORP", kb_id="Niger"), Span(doc, 4, 5, label="NORP", kb_id="Niger")]
    mentions = MentionIndex(doc, actor_nouns=config.actor_nouns)
    assert [(a.text, a.id) for a in head_args(doc[4], mentions)] == [("Nigeriens", None)]
    assert [(a.text, a.id) for a in head_args(doc[1], mentions)] == [("Nigerien", "Niger")]
