"""The assembled claim: the sahel_claims component on short inline texts (full pipeline),
and its pure parts (stable ids, de-duplication)."""

from __future__ import annotations

import pytest

from pipeline import api
from pipeline.claims.assembly import claim_id, dedupe
from pipeline.claims.coref import Arg
from pipeline.models import Claim, ClaimArg, Evidence

PUBLISHED = "2023-08-09"


MINUSMA = "United_Nations_Multidimensional_Integrated_Stabilization_Mission_in_Mali"


def claims_of(nlp, text: str) -> list[tuple]:
    result = api.extract_text(text, published=PUBLISHED, nlp=nlp)
    return [
        (
            c.subject.id or c.subject.text if c.subject else None,
            c.predicate,
            c.object.id or c.object.text if c.object else None,
            c.negated,
        )
        for c in result.claims
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The Wagner Group was criticized by France on Monday.",
            [("France", "criticize", "Wagner_Group", False)],
            id="passive with by-agent",
        ),
        pytest.param(
            "The Wagner Group was criticized.",
            [(None, "criticize", "Wagner_Group", False)],
            id="agentless passive",
        ),
        pytest.param(
            "France, the U.S. and ECOWAS have introduced sanctions on Niger.",
            [
                ("France", "sanction", "Niger", False),
                ("United_States", "sanction", "Niger", False),
                ("Economic_Community_of_West_African_States", "sanction", "Niger", False),
            ],
            id="coordination",
        ),
        pytest.param(
            "The U.S. has yet to label the situation in Niger as a coup.",
            [("United_States", "designate", "situation", True)],
            id="has yet to",
        ),
        pytest.param(
            "Nigeria's Senate decided against military intervention in Niger.",
            [("Senate_of_Nigeria", "oppose", "military intervention", False)],
            id="decided against",
        ),
        pytest.param(
            "Niger's junta closed the airspace. They also rejected talks with ECOWAS.",
            [
                ("National_Council_for_the_Safeguard_of_the_Homeland", "close", "airspace", False),
                ("National_Council_for_the_Safeguard_of_the_Homeland", "reject", "talks", False),
            ],
            id="pronoun subject resolved to the description's id",
        ),
        pytest.param(
            "Tinubu met Nuland on Monday. He urged her to back sanctions.",
            [
                ("Bola_Tinubu", "meet", "Victoria_Nuland", False),
                ("Bola_Tinubu", "appeal", "Victoria_Nuland", False),
                ("Victoria_Nuland", "support", "sanctions", False),
            ],
            id="he/her: an object pronoun is not its verb's subject; what was urged is her requested claim",
        ),
        pytest.param(
            "The Secretary-General praised MINUSMA. He recognizes the Mission's support to the peace process.",
            [
                (
                    "António_Guterres",
                    "support",
                    "United_Nations_Multidimensional_Integrated_Stabilization_Mission_in_Mali",
                    False,
                ),
                (
                    "António_Guterres",
                    "support",
                    "United_Nations_Multidimensional_Integrated_Stabilization_Mission_in_Mali",
                    False,
                ),
            ],
            id="an event noun stands for its owner; 'the Mission' names the body whose name has the word",
        ),
        pytest.param(
            "Nigeria urged the junta to honor its commitments.",
            [
                ("Nigeria", "appeal", "junta", False),
                ("junta", "cooperate", "commitments", False),
            ],
            id="a possessive pronoun on a proxy noun is the subject's own: the noun stays the object",
        ),
        pytest.param(
            "Colonel Goita took over the presidency. The army took over power.",
            [("Assimi_Goïta", "assume_office", "presidency", False), ("army", "seize_power", "power", False)],
            id="taking over an office is assuming it; taking over power is seizing it",
        ),
        pytest.param(
            "The appointments have not been recognized by France. Mali recognized the sacrifices of the soldiers.",
            [("France", "recognize", "appointments", True), ("Mali", "support", "soldiers", False)],
            id="an appointment keeps recognize's own sense; sacrifices are support (no_actor_sense)",
        ),
        pytest.param(
            "Mali suspended the constitution. Mali suspended aid.",
            [("Mali", "cancel", "constitution", False), ("Mali", "suspend_cooperation", "aid", False)],
            id="object_senses: suspending a constitution voids it (cancel); suspending aid stays",
        ),
        pytest.param(
            "Algeria proposed a six-month transition.",
            [("Algeria", "propose", "six-month transition", False)],
            id="shortest noun phrase keeps a hyphenated modifier",
        ),
    ],
)
def test_claims_assembled(nlp, text, expected):
    assert claims_of(nlp, text) == expected


@pytest.mark.slow
def test_claims_attribution_sets_source_and_no_claim_of_its_own(nlp):
    result = api.extract_text(
        "According to Al Jazeera, ECOWAS will send troops to Niger.", published=PUBLISHED, nlp=nlp
    )
    (claim,) = result.claims
    assert (claim.predicate, claim.subject.id, claim.object.id) == (
        "deploy",
        "Economic_Community_of_West_African_States",
        "Niger",
    )
    assert claim.source == ["Al_Jazeera"]
    assert claim.modality == "planned"


@pytest.mark.slow
def test_claims_fields_and_offsets(nlp):
    text = "Niger's junta closed the airspace on Sunday."
    (claim,) = api.extract_text(text, published=PUBLISHED, nlp=nlp).claims
    assert claim.id.startswith("c-") and len(claim.id) == 14
    assert (claim.predicate, claim.cameo, claim.object.text) == ("close", "16", "airspace")
    assert text[claim.object.start : claim.object.end] == "airspace"
    assert (claim.evidence.start, claim.evidence.end) == (0, len(text))
    assert claim.rule == "svo-active"


@pytest.mark.slow
def test_claims_ids_are_stable(nlp):
    text = "ECOWAS threatened military intervention in Niger."
    first = api.extract_text(text, published=PUBLISHED, nlp=nlp).claims
    second = api.extract_text(text, published=PUBLISHED, nlp=nlp).claims
    assert [c.id for c in first] == [c.id for c in second]


def test_claims_id_depends_on_article_text_and_offsets():
    subject, obj = Arg("ECOWAS", 0, 6, "ECOWAS"), Arg("Niger", 20, 25, "Niger")
    one = claim_id("a", (0, 30), "threaten", subject, obj)
    assert one == claim_id("a", (0, 30), "threaten", subject, obj)
    assert one != claim_id("b", (0, 30), "threaten", subject, obj)
    assert one != claim_id("a", (0, 30), "threaten", subject, None)
    # members of one group phrase share its offsets ("the juntas"): the id tells them apart
    other = Arg("ECOWAS", 0, 6, "African_Union")
    assert one != claim_id("a", (0, 30), "threaten", other, obj)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Russian troops arrived in Bamako last week.",
            [("Russia", "deploy", "Bamako", False)],
            id="troops arriving: a deployment, not a visit",
        ),
        pytest.param(
            "The governments of Mali, Chad and Niger said they would leave ECOWAS.",
            [(c, "withdraw", "Economic_Community_of_West_African_States", False) for c in ("Mali", "Chad", "Niger")],
            id="they: one claim per member of the coordinated antecedent",
        ),
        pytest.param(
            "A Russian delegation was received by Tiani in Niamey.",
            [("Abdourahamane_Tchiani", "meet", "Russia", False)],
            id="received by X: X meets the received",
        ),
        pytest.param(
            "Niger received aid from Russia.",
            [("Russia", "provide_aid", "Niger", False)],
            id="received aid: the event noun, not a meeting",
        ),
        pytest.param(
            "The presidents of Nigeria and Ghana met in Abuja.",
            [("Bola_Tinubu", "meet", None, False), ("Nana_Akufo-Addo", "meet", None, False)],
            id="the presidents of X and Y: who held the role in each country",
        ),
    ],
)
def test_claims_groups_and_troop_movements(nlp, text, expected):
    assert claims_of(nlp, text) == expected


@pytest.mark.slow
def test_claims_help_needs_an_actor_object(nlp):
    helped = api.extract_text("The bloc failed to help Mali fight insurgents.", published=PUBLISHED, nlp=nlp)
    assert [(c.predicate, c.object.id, c.negated) for c in helped.claims] == [("provide_aid", "Mali", True)]
    talks = api.extract_text("The talks helped ease tensions.", published=PUBLISHED, nlp=nlp)
    assert "provide_aid" not in [c.predicate for c in talks.claims]


@pytest.mark.slow
def test_claims_source_of_a_sentence_final_figures_show(nlp):
    text = "Militants have killed hundreds of civilians in Mali, U.N. figures show."
    (claim,) = api.extract_text(text, published=PUBLISHED, nlp=nlp).claims
    assert (claim.predicate, claim.source) == ("kill", ["United_Nations"])


def _claim(predicate: str, subject: str | None, obj: str | None, n: int) -> Claim:
    arg = lambda text: ClaimArg(text=text, start=0, end=len(text)) if text else None  # noqa: E731
    return Claim(
        id=f"c-{n:012d}",
        subject=arg(subject),
        predicate=predicate,
        object=arg(obj),
        evidence=Evidence(start=0, end=10),
        rule="test",
    )


def test_claims_dedupe_one_fact_per_sentence():
    claims = [
        _claim("meet", "Nuland", "Niger", 1),
        _claim("meet", "nuland", "Niger", 2),
        _claim("meet", None, "Niger", 3),
        _claim("meet", "Nuland", None, 4),
        _claim("visit", "Nuland", "Niger", 5),
    ]
    assert [c.id for c in dedupe(claims)] == ["c-000000000001", "c-000000000005"]


@pytest.mark.slow
def test_a_verb_read_as_a_noun_conjunct_is_no_object_of_the_first_verb(nlp):
    """ "condemns these actions and calls for X": the tagger reads "calls" as a noun
    coordinated with "actions"; it is the appeal's verb, not a second thing condemned."""
    text = "The Secretary-General strongly condemns these actions and calls for the restoration of order."
    claims = claims_of(nlp, text)
    assert [c[2] for c in claims if c[1] == "criticize"] == ["actions"]
    assert any(c[1] == "appeal" for c in claims)


@pytest.mark.slow
def test_a_name_modifying_a_proxy_noun_owns_it_not_an_event_noun(nlp):
    """ "supported the ECOWAS action" supports ECOWAS; "condemned the Niger coup" does not
    condemn Niger (an event noun's modifier is where it happened)."""
    assert ("Nigeria", "support", "Economic_Community_of_West_African_States", False) in claims_of(
        nlp, "Nigeria supported the ECOWAS action."
    )
    assert ("Nigeria", "criticize", "Niger coup", False) in claims_of(nlp, "Nigeria condemned the Niger coup.")
