"""The assembled claim: the sahel_claims component on short inline texts (full pipeline),
and its pure parts (stable ids, de-duplication)."""

from __future__ import annotations

import pytest

from pipeline import api
from pipeline.models import Claim, ClaimArg, Evidence
from pipeline.rules.assembly import claim_id, dedupe
from pipeline.rules.coref import Arg

PUBLISHED = "2023-08-09"


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
            id="he/her: an object pronoun is not its verb's subject; object control",
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
