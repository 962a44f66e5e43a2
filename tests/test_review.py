"""The review page without a browser: the reviews table (both backends), which review belongs
to which claim after a re-ingest, the page through Flask's test client (CSRF, input checks,
the loopback), the events panel's wiring, and export-gold read back by validate-gold and
score. The browser drives the page in tests/test_review_browser.py."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
import yaml
from reviewdata import BODY, JUNTA, record, stored
from typer.testing import CliRunner

from pipeline import api
from pipeline.cli import app as cli_app
from pipeline.errors import StoreError
from pipeline.models import ArticleMeta, Claim, ClaimCorrection, ClaimReview, DocumentResult, Evidence
from pipeline.review.app import HOST, create_app, form_prefix, make_review_server
from pipeline.review.gold import unique_evidence
from pipeline.review.state import attach
from pipeline.stores import open_store


def review(claim: Claim, action: str, fields: dict | None = None, *, who: str = "ana", minute: int = 0) -> ClaimReview:
    return ClaimReview(
        article_id="niger-a",
        claim_id=claim.id,
        predicate=claim.predicate,
        evidence_text=BODY[claim.evidence.start : claim.evidence.end],
        action=action,
        fields=None if fields is None else ClaimCorrection.model_validate(fields),
        claim=claim,
        reviewer=who,
        reviewed_at=dt.datetime(2026, 12, 7, 10, minute, tzinfo=dt.timezone.utc),
    )


# --------------------------------------------------------------------------- store


def test_reviews_are_appended_and_survive_reingest_and_delete(store_url):
    url = stored(store_url)
    first = record().claims
    with open_store(url) as store:
        store.add_review(review(first[0], "reject"))
        store.add_review(review(first[2], "correct", {"negated": True, "object": None}, minute=1))
        store.put(record(suffix="-v2"), body=BODY, content_hash="1" * 64, pipeline_version="test2")  # re-ingest
        kept = store.reviews()
        assert [(r.action, r.claim_id, r.reviewer) for r in kept] == [
            ("reject", "c-close", "ana"),
            ("correct", "c-criticize", "ana"),
        ]
        assert kept[1].fields.changes() == {"negated": True, "object": None}
        assert kept[1].reviewed_at == dt.datetime(2026, 12, 7, 10, 1, tzinfo=dt.timezone.utc)
        assert kept[0].claim == first[0]  # the machine's claim as it was reviewed
        assert store.get("niger-a").claims[0].id == "c-close-v2"  # the claims rows were replaced, not edited
        assert store.delete("niger-a")
        assert len(store.reviews()) == 2 and store.reviewed_article_ids() == ["niger-a"]
        assert store.body("niger-a") is None


# --------------------------------------------------------------------------- state


def test_statuses_fold_in_order_and_corrections_accumulate():
    c = record().claims
    items = attach(
        record(),
        BODY,
        [
            review(c[0], "reject"),
            review(c[0], "accept", minute=1),  # a later verdict overrides
            review(c[1], "correct", {"negated": True}),
            review(c[1], "correct", {"modality": "uncertain"}, minute=1),
            review(c[1], "reject", minute=2),
        ],
    )
    assert [i.status for i in items] == ["accepted", "rejected", "unreviewed"]
    assert items[1].effective.negated is True and items[1].effective.modality == "uncertain"
    assert items[1].claim == c[1]  # the machine's claim untouched


def test_reviews_reattach_by_evidence_and_predicate_when_ids_change_and_orphan_when_gone():
    c = record().claims
    reviews = [review(c[0], "accept"), review(c[2], "reject")]
    items = attach(record(suffix="-v2"), BODY, reviews)
    assert [(i.claim.id, i.status) for i in items] == [
        ("c-close-v2", "accepted"),
        ("c-sanction-v2", "unreviewed"),
        ("c-criticize-v2", "rejected"),
    ]
    items = attach(record(suffix="-v2", drop=2), BODY, reviews)  # the criticize claim is no longer extracted
    assert [(i.claim.id, i.status, i.orphaned) for i in items][-1] == ("c-criticize", "rejected", True)


# --------------------------------------------------------------------------- the page


@pytest.fixture
def client(tmp_path):
    url = stored(f"sqlite:///{tmp_path / 'claims.db'}")
    app = create_app(url, reviewer="ana")
    with app.test_client() as c:
        c.store_url = url
        yield c
    app.extensions["sahel_review"].store.close()


def token(page: str, claim_id: str) -> str:
    found = re.search(rf'name="{form_prefix(claim_id)}-csrf_token" type="hidden" value="([^"]+)"', page)
    assert found, "no CSRF token in the page"
    return found.group(1)


def correction_form(page: str, claim_id: str, **changes: str) -> dict[str, str]:
    """The correction form of ``claim_id`` as the page fills it, with ``changes``."""
    prefix = form_prefix(claim_id)
    data = {f"{prefix}-csrf_token": token(page, claim_id)}
    for name in ("subject_text", "subject_id", "object_text", "object_id", "date_text", "date_value", "place_text",
                 "place_id"):  # fmt: skip
        found = re.search(rf'name="{prefix}-{name}" type="text" value="([^"]*)"', page)
        data[f"{prefix}-{name}"] = html.unescape(found.group(1)) if found else ""
    data[f"{prefix}-predicate"] = re.search(rf'id="{prefix}-predicate".*?<option selected value="(\w+)"', page, re.S)[1]
    data[f"{prefix}-modality"] = re.search(rf'id="{prefix}-modality".*?<option selected value="(\w+)"', page, re.S)[1]
    data.update({f"{prefix}-{k}": v for k, v in changes.items()})
    return data


def rows(client) -> list[ClaimReview]:
    with open_store(client.store_url) as store:
        return store.reviews()


def test_page_shows_the_text_claims_and_reviewer(client):
    page = client.get("/article/niger-a").get_data(as_text=True)
    assert 'reviewing as <b id="reviewer">ana</b>' in page
    # the text as written, its words tagged with the claims they belong to
    text = re.search(r'<div class="body" id="body">(.*?)</div>', page, re.S).group(1)
    visible = html.unescape(re.sub(r"<[^>]+>", "", re.sub(r'<span class="tag">.*?</span>', "", text)))
    assert visible == BODY.replace("\n", "")
    assert '<span class="seg" data-c="c0-o">airspace</span>' in text
    assert re.search(r'<span class="seg" data-c="c0-t">closed</span>', text)  # the trigger, found in the sentence
    assert (
        '<mark class="ent l-GPE"><span class="seg" data-c="c0-s">Niger</span><span class="tag">GPE</span></mark>'
        in text
    )
    # each claim drawn on its sentence (the HTML report's drawing) with its buttons
    assert page.count('<article class="claim unreviewed"') == 3
    assert '<span class="subj" title="subject">Niger&#x27;s junta<span class="tag">S</span></span>' in page
    assert client.get("/article/nope").status_code == 404


def test_forged_post_without_or_with_a_wrong_csrf_token_is_refused(client):
    prefix = form_prefix("c-close")
    for data in ({f"{prefix}-action": "reject"}, {f"{prefix}-action": "reject", f"{prefix}-csrf_token": "forged"}):
        resp = client.post("/article/niger-a/claim/c-close/review", data=data)
        assert resp.status_code == 400 and "the form was refused" in resp.get_data(as_text=True)
    assert rows(client) == []


def test_a_request_for_another_host_is_refused(client):
    """DNS rebinding: a page of evil.example resolving to 127.0.0.1 sends its own Host."""
    assert client.get("/article/niger-a", headers={"Host": "evil.example:8765"}).status_code == 400
    assert client.get("/article/niger-a", headers={"Host": "127.0.0.1:8765"}).status_code == 200


def test_reject_is_recorded_with_who_and_when_and_redirects_to_the_claim(client):
    page = client.get("/article/niger-a").get_data(as_text=True)
    prefix = form_prefix("c-close")
    data = {f"{prefix}-csrf_token": token(page, "c-close"), f"{prefix}-action": "reject"}
    resp = client.post("/article/niger-a/claim/c-close/review", data=data)
    assert resp.status_code == 303 and resp.headers["Location"].endswith("/article/niger-a#c0")
    (row,) = rows(client)
    assert (row.action, row.claim_id, row.reviewer, row.fields) == ("reject", "c-close", "ana", None)
    assert abs((dt.datetime.now(dt.timezone.utc) - row.reviewed_at).total_seconds()) < 60
    page = client.get("/article/niger-a").get_data(as_text=True)
    assert '<article class="claim rejected"' in page and "<b>reject</b> by ana" in page
    bad = {f"{prefix}-csrf_token": token(page, "c-close"), f"{prefix}-action": "delete"}
    assert client.post("/article/niger-a/claim/c-close/review", data=bad).status_code == 400
    assert client.post("/article/niger-a/claim/c-gone/review", data=data).status_code == 404


def test_correcting_an_argument_and_its_id(client):
    page = client.get("/article/niger-a").get_data(as_text=True)
    form = correction_form(page, "c-criticize", object_text="coup in Niamey", object_id="2023_Nigerien_coup_d'état")
    resp = client.post("/article/niger-a/claim/c-criticize/correct", data=form)
    assert resp.status_code == 303
    (row,) = rows(client)
    start = BODY.index("coup in Niamey")
    assert row.action == "correct" and row.fields.changes() == {
        "object": {"text": "coup in Niamey", "start": start, "end": start + 14, "id": "2023_Nigerien_coup_d'état"}
    }
    page = client.get("/article/niger-a").get_data(as_text=True)
    assert '<article class="claim corrected"' in page and "2023_Nigerien_coup_d&#39;état</span>" in page


@pytest.mark.parametrize(
    "changes,field,message",
    [
        ({"object_text": "the border"}, "object_text", "is not in the claim's sentence"),
        ({"object_id": "two words"}, "object_id", "an id is one word"),
        ({"subject_text": "", "subject_id": JUNTA}, "subject_id", "an id needs the subject's words"),
        ({"date_value": "next Sunday"}, "date_value", "not a TIMEX3 value"),
        ({"place_text": "Paris"}, "place_text", "'Paris' is not in the article"),
        ({"predicate": "overthrow"}, "predicate", "Not a valid choice"),
        ({}, "predicate", "nothing changed"),
    ],
)
def test_invalid_corrections_are_refused_with_the_reason_on_the_field(client, changes, field, message):
    page = client.get("/article/niger-a").get_data(as_text=True)
    resp = client.post("/article/niger-a/claim/c-close/correct", data=correction_form(page, "c-close", **changes))
    assert resp.status_code == 400
    shown = resp.get_data(as_text=True)
    prefix = form_prefix("c-close")
    after = shown.split(f'name="{prefix}-{field}"', 1)[1].split("</label>", 1)[0]
    assert message in after.replace("&#39;", "'"), after
    assert rows(client) == []


def test_the_server_listens_on_the_loopback_only(tmp_path):
    url = stored(f"sqlite:///{tmp_path / 'claims.db'}")
    server = make_review_server(url, port=0, reviewer="ana")
    try:
        assert HOST == "127.0.0.1" and server.server_address[0] == "127.0.0.1"
    finally:
        server.server_close()
        server.app.extensions["sahel_review"].store.close()
    result = CliRunner().invoke(cli_app, ["review", "--help"])
    assert result.exit_code == 0 and "--host" not in result.output and "127.0.0.1" in result.output


def test_review_refuses_a_store_that_does_not_exist(tmp_path):
    with pytest.raises(StoreError, match="E080"):
        create_app(f"sqlite:///{tmp_path / 'none.db'}")


# --------------------------------------------------------------------------- events panel


def test_events_panel_says_why_when_the_events_cannot_be_read(client, monkeypatch):
    from pipeline.stores.sql import SqlStore

    def broken(self, **kwargs):
        raise StoreError("[E074] events table unreadable")

    monkeypatch.setattr(SqlStore, "events", broken)
    resp = client.get("/article/niger-a")
    page = resp.get_data(as_text=True)
    assert resp.status_code == 200 and "the events could not be read: StoreError: [E074]" in page
    assert 'id="events-table"' not in page


def test_events_panel_lists_the_articles_events_and_conflicts(client):
    """Another article's report negates the closure: one event, with a conflict, listed with
    a link to this article's claim (the events the store keeps, through pipeline.api.events)."""
    other = "Niger's junta did not close the airspace on Sunday, officials said."
    claim = record().claims[0]
    negated = claim.model_copy(
        update={
            "id": "c-close-b",
            "negated": True,
            "subject": claim.subject.model_copy(update={"start": 0, "end": 13}),
            "object": claim.object.model_copy(
                update={"start": other.index("airspace"), "end": other.index("airspace") + 8}
            ),
            "evidence": Evidence(start=0, end=len(other)),
        }
    )
    b = DocumentResult(article=ArticleMeta(id="niger-b", published="2023-08-10", source="Other Wire"), claims=[negated])
    with open_store(client.store_url) as store:
        store.put(b, body=other, content_hash="2" * 64, pipeline_version="test")
    found = api.events(client.store_url, article="niger-a")
    assert [(e.predicate, [c.reason for c in e.conflicts]) for e in found] == [
        ("close", ["negated"]),
        ("criticize", []),
        ("sanction", []),
    ]
    page = client.get("/article/niger-a").get_data(as_text=True)
    table = page.split('id="events-table"', 1)[1].split("</table>", 1)[0]
    assert f'<span class="s">{JUNTA}</span> &mdash;close&rarr; <span class="o">airspace</span>' in table
    assert "2 · 2 · 2<br>1 negated" in table
    assert 'href="#c0" data-key="c0">c-close</a>' in table and "<b>negated</b>" in table and "c-close-b" in table


# --------------------------------------------------------------------------- export-gold


def test_unique_evidence_extends_a_repeated_sentence():
    start = BODY.index("The talks failed.")
    evidence = unique_evidence(BODY, start, start + len("The talks failed."))
    assert BODY.count(evidence) == 1 and evidence.startswith("The talks failed.") and evidence != "The talks failed."
    last = BODY.rindex("The talks failed.")
    evidence = unique_evidence(BODY, last, len(BODY))
    assert BODY.count(evidence) == 1 and evidence.endswith("The talks failed.")


def test_export_gold_validates_and_scores(store_url, tmp_path):
    url = stored(store_url)
    c = record().claims
    with open_store(url) as store:
        store.add_review(review(c[0], "accept"))
        store.add_review(review(c[1], "reject"))
        start = BODY.index("coup in Niamey")
        obj = {"text": "coup in Niamey", "start": start, "end": start + 14, "id": None}
        store.add_review(review(c[2], "correct", {"object": obj, "negated": True}))
    out = tmp_path / "reviewed"
    result = CliRunner().invoke(cli_app, ["export-gold", "--store", url, str(out)])
    assert result.exit_code == 0, result.output
    gold = yaml.safe_load((out / "gold" / "niger-a.yaml").read_text(encoding="utf-8"))
    assert [(g["subject"], g["predicate"], g["object"], g["negated"]) for g in gold["claims"]] == [
        (JUNTA, "close", "airspace", False),
        ("France", "criticize", "coup in Niamey", True),
    ]
    assert gold["claims"][0]["date"] == "2023-08-06" and gold["published"] == "2023-08-09"
    assert "'2023-08-06'" in (out / "gold" / "niger-a.yaml").read_text(encoding="utf-8")  # quoted, as SPEC 5 asks
    assert len(gold["entities"]) == 3 and len(gold["dates"]) == 1
    assert api.validate_gold(out / "gold") == ([], [])
    pred = tmp_path / "pred.jsonl"
    api.export(store=url, output=pred)
    scores = api.score(pred, gold=out / "gold")  # corpus: reviewed/corpora, written beside
    core = scores.total.claims.core
    assert (core.tp, core.fp, core.fn) == (2, 1, 0)  # the rejected sanction is the machine's false positive
    assert scores.total.claims.contradictions == 1  # the analyst negated the criticism
    keep = CliRunner().invoke(cli_app, ["export-gold", "--store", url, "--keep-unreviewed", str(tmp_path / "k")])
    assert keep.exit_code == 0


def test_export_gold_keeps_unreviewed_claims_only_when_asked_and_orphans_while_their_sentence_is_there(tmp_path):
    url = stored(f"sqlite:///{tmp_path / 'claims.db'}")
    c = record().claims
    with open_store(url) as store:
        store.add_review(review(c[2], "accept"))
        store.put(record(suffix="-v2", drop=2), body=BODY, content_hash="1" * 64, pipeline_version="v2")
    done = api.export_gold(store=url, out_dir=tmp_path / "a")
    gold = yaml.safe_load((tmp_path / "a" / "gold" / "niger-a.yaml").read_text(encoding="utf-8"))
    assert [g["predicate"] for g in gold["claims"]] == ["criticize"]  # the orphan, its sentence still there
    assert done.articles == {"niger-a": 1} and done.notes == []
    api.export_gold(store=url, out_dir=tmp_path / "b", keep_unreviewed=True)
    gold = yaml.safe_load((tmp_path / "b" / "gold" / "niger-a.yaml").read_text(encoding="utf-8"))
    assert [g["predicate"] for g in gold["claims"]] == ["close", "sanction", "criticize"]


def test_export_gold_with_nothing_reviewed_is_an_error(tmp_path):
    url = stored(f"sqlite:///{tmp_path / 'claims.db'}")
    result = CliRunner().invoke(cli_app, ["export-gold", "--store", url, str(tmp_path / "out")])
    assert result.exit_code == 2 and "E123" in result.output
