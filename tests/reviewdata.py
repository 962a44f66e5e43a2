"""A small stored article with hand-built claims, for the review page's tests (no model)."""

from __future__ import annotations

from pipeline.models import ArticleMeta, Claim, ClaimArg, ClaimDate, DateExpr, DocumentResult, Entity, Evidence
from pipeline.stores import open_store

JUNTA = "National_Council_for_the_Safeguard_of_the_Homeland"
BODY = (
    "Niger's junta closed the airspace on Sunday. ECOWAS imposed sanctions on Niger.\n"
    "France condemned the coup in Niamey. The talks failed. The talks failed."
)


def span(text: str, *, after: int = 0) -> tuple[int, int]:
    start = BODY.index(text, after)
    return start, start + len(text)


def arg(text: str, kb_id: str | None = None, *, after: int = 0) -> ClaimArg:
    start, end = span(text, after=after)
    return ClaimArg(text=text, start=start, end=end, id=kb_id)


def sentence(text: str) -> Evidence:
    start, end = span(text)
    return Evidence(start=start, end=end)


def claims(suffix: str = "") -> list[Claim]:
    """Three claims: close (junta -> airspace), sanction (ECOWAS -> Niger), criticize
    (France -> coup). ``suffix`` changes their ids (as a new pipeline version would)."""
    s2 = BODY.index("ECOWAS")
    return [
        Claim(
            id=f"c-close{suffix}",
            subject=arg("Niger's junta", JUNTA),
            predicate="close",
            object=arg("airspace"),
            date=ClaimDate(text="on Sunday", value="2023-08-06"),
            evidence=sentence("Niger's junta closed the airspace on Sunday."),
            rule="svo-active",
            cameo="16",
        ),
        Claim(
            id=f"c-sanction{suffix}",
            subject=arg("ECOWAS", "Economic_Community_of_West_African_States"),
            predicate="sanction",
            object=arg("Niger", "Niger", after=s2),
            evidence=sentence("ECOWAS imposed sanctions on Niger."),
            rule="light-verb",
            cameo="16",
        ),
        Claim(
            id=f"c-criticize{suffix}",
            subject=arg("France", "France"),
            predicate="criticize",
            object=arg("coup"),
            evidence=sentence("France condemned the coup in Niamey."),
            rule="svo-active",
            cameo="11",
        ),
    ]


def record(article_id: str = "niger-a", *, suffix: str = "", drop: int | None = None) -> DocumentResult:
    found = claims(suffix)
    if drop is not None:
        del found[drop]
    s2 = BODY.index("ECOWAS")
    return DocumentResult(
        article=ArticleMeta(id=article_id, published="2023-08-09", source="Wire", title="Airspace closed"),
        sentences=[span("Niger's junta closed the airspace on Sunday."), span("ECOWAS imposed sanctions on Niger.")],
        entities=[
            Entity(text="Niger", start=0, end=5, label="GPE", id="Niger"),
            Entity(text="ECOWAS", start=s2, end=s2 + 6, label="ORG", id="Economic_Community_of_West_African_States"),
            Entity(text="France", **dict(zip(("start", "end"), span("France"), strict=True)), label="GPE", id="France"),
        ],
        dates=[
            DateExpr(
                text="Sunday",
                **dict(zip(("start", "end"), span("Sunday"), strict=True)),
                type="DATE",
                value="2023-08-06",
            )
        ],  # fmt: skip
        claims=found,
    )


def stored(url: str, result: DocumentResult | None = None, *, content_hash: str = "0" * 64) -> str:
    """Store ``result`` (default: :func:`record`) with :data:`BODY` at ``url``; the URL."""
    with open_store(url) as store:
        store.put(result or record(), body=BODY, content_hash=content_hash, pipeline_version="test")
    return url
