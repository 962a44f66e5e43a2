"""SPEC section 4, revision 2: requested events, event-noun frames and the sense and
selection flags of configs/predicates.yaml. The dependency rules run on hand-built
parses (the rule is under test, not the parser); the flags the claims component applies
are checked through the full pipeline."""

from __future__ import annotations

import pytest
from docbuild import build

from pipeline import api
from pipeline.claims.argspans import expand, head_args
from pipeline.claims.coref import MentionIndex
from pipeline.claims.frames.heads import claim_heads
from pipeline.claims.frames.objects import raised_object
from pipeline.claims.selection import admits_objects

PUBLISHED = "2023-08-09"
US_MISSION = "U.S. Mission to the United Nations"  # "we" is the United States


def found_heads(doc, index, config):
    """(trigger, heads) of every trigger of ``doc`` that makes a claim."""
    mentions = MentionIndex(doc, actor_nouns=config.actor_nouns)
    return list(claim_heads(index.find(doc), index, mentions)), mentions


def triples(doc, index, config):
    """(subjects, predicate, objects, rule) of every trigger that makes a claim."""
    found, mentions = found_heads(doc, index, config)
    out = []
    for trig, heads in found:
        subs = [a.text for h in heads.subjects for t in expand(h, mentions) for a in head_args(t, mentions)]
        objs = [a.text for h in heads.objects for t in expand(h, mentions) for a in head_args(t, mentions)]
        out.append((subs, trig.predicate, objs, heads.rule))
    return out


def claims(nlp, text, *, source=None):
    """(subject text, subject id, predicate, object text, object id, modality) of each claim."""
    result = api.extract_text(text, published=PUBLISHED, source=source, nlp=nlp)
    return [
        (
            c.subject.text if c.subject else None,
            c.subject.id if c.subject else None,
            c.predicate,
            c.object.text if c.object else None,
            c.object.id if c.object else None,
            c.modality,
        )
        for c in result.claims
    ]


# ---------------------------------------------------------------- 1. requested events

URGED_TO_RELEASE = """
ECOWAS ECOWAS PROPN NNP 1 nsubj B-ORG
urged urge VERB VBD 1 ROOT
the the DET DT 3 det
junta junta NOUN NN 1 dobj
to to PART TO 5 aux
release release VERB VB 1 xcomp
Bazoum Bazoum PROPN NNP 5 dobj B-PERSON
. . PUNCT . 1 punct
"""


def test_rev2_urged_x_to_v_is_an_appeal_and_a_requested_event_of_x(index, config, vocab_nlp):
    found, _ = found_heads(build(vocab_nlp.vocab, URGED_TO_RELEASE), index, config)
    got = [
        (trig.predicate, [h.text for h in heads.subjects], [h.text for h in heads.objects], trig.requested)
        for trig, heads in found
    ]
    assert got == [
        ("appeal", ["ECOWAS"], ["junta"], False),
        ("release", ["junta"], ["Bazoum"], True),
    ]


@pytest.mark.slow
def test_rev2_called_for_the_release_is_a_hypothetical_release_with_no_agent(nlp):
    found = claims(nlp, "ECOWAS called for the release of Bazoum.")
    appeal = [c for c in found if c[2] == "appeal"]
    release = [c for c in found if c[2] == "release"]
    assert [c[1] for c in appeal] == ["Economic_Community_of_West_African_States"]
    assert appeal[0][5] == "asserted"
    assert release == [(None, None, "release", "Bazoum", "Mohamed_Bazoum", "hypothetical")]


# ---------------------------------------------------------------- 2. of_role

WITHDRAWAL_BEGAN = """
The the DET DT 1 det
withdrawal withdrawal NOUN NN 7 nsubj
of of ADP IN 1 prep
French french ADJ JJ 4 amod B-NORP
troops troop NOUN NNS 2 pobj
from from ADP IN 1 prep
Mali Mali PROPN NNP 5 pobj B-GPE
began begin VERB VBD 7 ROOT
. . PUNCT . 7 punct
"""

SUSPENSION_BEGAN = """
The the DET DT 1 det
suspension suspension NOUN NN 5 nsubj
of of ADP IN 1 prep
the the DET DT 4 det
constitution constitution NOUN NN 2 pobj
began begin VERB VBD 5 ROOT
. . PUNCT . 5 punct
"""


def _heads_of(predicate, found):
    return [
        ([h.text for h in heads.subjects], [h.text for h in heads.objects], heads.rule)
        for trig, heads in found
        if trig.predicate == predicate
    ]


def test_rev2_of_role_subject_the_of_phrase_withdraws_from_the_from_phrase(index, config, vocab_nlp):
    """withdraw (of_role: subject): "the withdrawal of French troops from Mali"."""
    found, _ = found_heads(build(vocab_nlp.vocab, WITHDRAWAL_BEGAN), index, config)
    assert _heads_of("withdraw", found) == [(["troops"], ["Mali"], "nominal")]


def test_rev2_of_role_object_the_of_phrase_undergoes_the_event(index, config, vocab_nlp):
    """suspend_cooperation (of_role: object): "the suspension of the constitution" names no agent."""
    found, _ = found_heads(build(vocab_nlp.vocab, SUSPENSION_BEGAN), index, config)
    assert _heads_of("suspend_cooperation", found) == [([], ["constitution"], "nominal")]


# ---------------------------------------------------------------- 3. between

PRAISED_AGREEMENT = """
They they PRON PRP 1 nsubj
praised praise VERB VBD 1 ROOT
an an DET DT 3 det
agreement agreement NOUN NN 1 dobj
between between ADP IN 3 prep
Russia Russia PROPN NNP 4 pobj B-GPE
and and CCONJ CC 5 cc
Mali Mali PROPN NNP 5 conj B-GPE
. . PUNCT . 1 punct
"""


def test_rev2_agreement_between_a_and_b_is_cooperation_of_a_with_b(index, config, vocab_nlp):
    doc = build(vocab_nlp.vocab, PRAISED_AGREEMENT)
    found = triples(doc, index, config)
    assert [t for t in found if t[1] == "cooperate"] == [(["Russia"], "cooperate", ["Mali"], "nominal-between")]


def test_rev2_the_first_party_of_between_is_not_distributed_over_the_other(config, vocab_nlp):
    doc = build(vocab_nlp.vocab, PRAISED_AGREEMENT)
    mentions = MentionIndex(doc, actor_nouns=config.actor_nouns)
    assert [t.text for t in expand(doc[5], mentions)] == ["Russia"]


# ---------------------------------------------------------------- 4. need nouns

NEED_TO_BRING = """
They they PRON PRP 1 nsubj
underlined underline VERB VBD 1 ROOT
the the DET DT 3 det
need need NOUN NN 1 dobj
to to PART TO 5 aux
bring bring VERB VB 3 acl
the the DET DT 7 det
perpetrators perpetrator NOUN NNS 5 dobj
to to ADP IN 5 prep
justice justice NOUN NN 8 pobj
. . PUNCT . 1 punct
"""

PLAN_TO_BRING = """
They they PRON PRP 1 nsubj
announced announce VERB VBD 1 ROOT
their their PRON PRP$ 3 poss
plan plan NOUN NN 1 dobj
to to PART TO 5 aux
bring bring VERB VB 3 acl
the the DET DT 7 det
perpetrators perpetrator NOUN NNS 5 dobj
to to ADP IN 5 prep
justice justice NOUN NN 8 pobj
. . PUNCT . 1 punct
"""


def test_rev2_the_need_to_v_names_no_agent(index, config, vocab_nlp):
    found = triples(build(vocab_nlp.vocab, NEED_TO_BRING), index, config)
    assert found == [([], "prosecute", ["perpetrators"], "phrase+needed")]


def test_rev2_an_intent_noun_passes_its_possessor_unlike_a_need_noun(index, config, vocab_nlp):
    """ "their plan to bring X to justice": the planner acts (the contrast to the need)."""
    found = triples(build(vocab_nlp.vocab, PLAN_TO_BRING), index, config)
    assert (["their"], "prosecute", ["perpetrators"], "phrase+xcomp-inherit") in found


# ---------------------------------------------------------------- 5. a phrase head read as a noun

HIS_CALLS_FOR = """
He he PRON PRP 1 nsubj
reiterated reiterate VERB VBD 1 ROOT
his his PRON PRP$ 3 poss
calls call NOUN NNS 1 dobj
for for ADP IN 3 prep
a a DET DT 6 det
solution solution NOUN NN 4 pobj
. . PUNCT . 1 punct
"""


def test_rev2_his_calls_for_x_the_possessor_appeals(index, config, vocab_nlp):
    found = triples(build(vocab_nlp.vocab, HIS_CALLS_FOR), index, config)
    assert found == [(["his"], "appeal", ["solution"], "phrase+noun-phrase")]


# ---------------------------------------------------------------- 6. raised_object

RECOGNIZE_AND_APPRECIATE = """
We we PRON PRP 1 nsubj
recognize recognize VERB VBP 1 ROOT
and and CCONJ CC 1 cc
appreciate appreciate VERB VBP 1 conj
the the DET DT 5 det
work work NOUN NN 3 dobj
. . PUNCT . 1 punct
"""

ORDERED_AND_DEMANDED = """
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
"""


def test_rev2_coordinated_verbs_share_the_object_of_the_last(index, config, vocab_nlp):
    doc = build(vocab_nlp.vocab, RECOGNIZE_AND_APPRECIATE)
    assert [t.text for t in raised_object(doc[1])] == ["work"]
    found, _ = found_heads(doc, index, config)
    recognize = [(trig.token.text, [h.text for h in heads.objects]) for trig, heads in found if trig.token.i == 1]
    assert recognize == [("recognize", ["work"])]


def test_rev2_a_verb_of_another_form_shares_no_object(index, config, vocab_nlp):
    """ "ordered troops to leave and demanded talks": "demanded" (VBD) is no conjunct of
    the infinitive "leave" (VB), so the talks are not left."""
    doc = build(vocab_nlp.vocab, ORDERED_AND_DEMANDED)
    assert raised_object(doc[6]) == ()
    found = triples(doc, index, config)
    assert (["troops"], "withdraw", [], "object-control") in found
    assert not any(p == "withdraw" and "talks" in o for _, p, o, _ in found)


# ---------------------------------------------------------------- 7. stranded_prep_objects

SUPPORT_TO_MISSION = """
We we PRON PRP 1 nsubj
reiterate reiterate VERB VBP 1 ROOT
our our PRON PRP$ 3 poss
support support NOUN NN 1 dobj
to to ADP IN 1 prep
the the DET DT 6 det
mission mission NOUN NN 4 pobj
. . PUNCT . 1 punct
"""

TO_COUNCIL_SUPPORT = """
We we PRON PRP 1 nsubj
reiterate reiterate VERB VBP 1 ROOT
to to ADP IN 1 prep
the the DET DT 4 det
Council council PROPN NNP 2 pobj
our our PRON PRP$ 6 poss
support support NOUN NN 1 dobj
. . PUNCT . 1 punct
"""


def test_rev2_event_noun_takes_the_prep_object_hung_on_its_verb(index, config, vocab_nlp):
    found, _ = found_heads(build(vocab_nlp.vocab, SUPPORT_TO_MISSION), index, config)
    assert _heads_of("support", found) == [(["our"], ["mission"], "nominal")]


def test_rev2_a_prep_phrase_before_the_event_noun_is_not_its_object(index, config, vocab_nlp):
    """ "We reiterate to the Council our support": the Council is told, not supported."""
    found, _ = found_heads(build(vocab_nlp.vocab, TO_COUNCIL_SUPPORT), index, config)
    # no frame makes the Council supported ("our support" alone names no one: a
    # possessive pronoun with no object is a back-reference, no frame at all)
    assert _heads_of("support", found) == []


# ---------------------------------------------------------------- 8. subject_required


@pytest.mark.slow
def test_rev2_agentless_passive_keeps_an_agentive_claim_without_subject(nlp):
    assert claims(nlp, "The Wagner Group was criticized.") == [
        (None, None, "criticize", "Wagner Group", "Wagner_Group", "asserted")
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The provision of aid supports stability.", id="support"),
        pytest.param("The provision of aid depends on security.", id="depend_on"),
    ],
)
def test_rev2_agentive_predicate_with_a_non_actor_agent_makes_no_claim(nlp, text):
    found = claims(nlp, text)
    assert not any(c[2] in ("support", "depend_on") for c in found), found


@pytest.mark.slow
def test_rev2_agentive_predicate_with_an_actor_agent_makes_its_claim(nlp):
    """The control of the case above: the same frame with an actor as agent."""
    assert ("France", "France", "support", "stability", None, "asserted") in claims(nlp, "France supports stability.")


# ---------------------------------------------------------------- 9. no_actor_sense


@pytest.mark.slow
def test_rev2_recognizing_what_is_no_actor_is_support(nlp):
    found = claims(nlp, "France recognized the sacrifices of the soldiers.")
    assert [c[2] for c in found] == ["support"]
    assert found[0][:2] == ("France", "France")
    assert found[0][3] == "soldiers"  # the sacrifices stand for their owner (object_owner)


@pytest.mark.slow
def test_rev2_recognizing_an_actor_stays_recognize(nlp):
    assert claims(nlp, "France recognized the junta.") == [("France", "France", "recognize", "junta", None, "asserted")]


# ---------------------------------------------------------------- 10. object_not

THANK_YOU = """
We we PRON PRP 1 nsubj
thank thank VERB VBP 1 ROOT
you you PRON PRP 1 dobj
. . PUNCT . 1 punct
"""


def test_rev2_thank_you_is_no_object_of_support(index, config, vocab_nlp):
    doc = build(vocab_nlp.vocab, THANK_YOU)
    found, mentions = found_heads(doc, index, config)
    ((trig, heads),) = found
    assert trig.predicate == "support" and [h.text for h in heads.objects] == ["you"]
    spec = index.spec("support")
    assert not admits_objects(spec, heads.objects, mentions.is_actor)
    assert admits_objects(spec, [doc[0]], mentions.is_actor)  # any other object is admitted


@pytest.mark.slow
@pytest.mark.parametrize("text", ["Thank you, Mr. President.", "We thank you, Mr. President."])
def test_rev2_thank_you_makes_no_support_claim(nlp, text):
    assert not any(c[2] == "support" for c in claims(nlp, text, source=US_MISSION))


@pytest.mark.slow
def test_rev2_thanking_someone_is_support(nlp):
    """The control of the courtesy: thanking a named addressee is support."""
    found = claims(nlp, "We thank the President.", source=US_MISSION)
    assert [(c[1], c[2], c[3]) for c in found] == [("United_States", "support", "President")]
