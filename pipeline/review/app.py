"""The review page: a Flask application over a store, and the server that runs it.

- ``GET /``: the store's articles (50 a page), with how many claims each has and how many
  were reviewed.
- ``GET /article/<id>``: one article (see ``templates/article.html``): its text as written
  with entities, dates and the claims' words; its claims, each drawn on its sentence, with
  accept / reject buttons and a correction form; the orphaned reviews; its events.
- ``POST /article/<id>/claim/<claim id>/review``: accept or reject;
  ``POST .../correct``: a correction (checked by :mod:`pipeline.review.forms`). Each
  appends one row to ``claim_reviews`` with the reviewer and the time, then redirects to
  the claim (post/redirect/get); an invalid correction shows the page again with the
  errors on their fields (status 400).

Security: the server listens on 127.0.0.1 only (:func:`make_review_server`); every form
carries a CSRF token (Flask-WTF's ``CSRFProtect``) bound to a session cookie signed with a
key made anew each time the server starts (``SameSite=Strict``); requests whose ``Host`` is
not the loopback's are refused (``TRUSTED_HOSTS``, against DNS rebinding); the pages load
nothing from elsewhere and say so in their ``Content-Security-Policy`` (no inline script).
"""

from __future__ import annotations

import datetime as dt
import getpass
import re
import secrets
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, Flask, abort, current_app, flash, redirect, render_template, request, url_for
from flask_wtf.csrf import CSRFError, CSRFProtect
from werkzeug.serving import BaseWSGIServer, make_server

from ..errors import Errors, SahelError, StoreError
from ..models import ClaimReview, DocumentResult
from ..scoring.gold import trigger_words
from ..scoring.html import _CSS, _PALETTE
from ..stores import Store, open_store
from . import events as ev
from . import render
from .forms import ActionForm, CorrectionForm, to_correction
from .state import ReviewedClaim, attach, counts

HOST = "127.0.0.1"
PAGE = 50
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
CSP = (
    "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)

csrf = CSRFProtect()
bp = Blueprint("review", __name__)


def default_reviewer() -> str:
    """The OS user's name (``--reviewer`` overrides it)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "analyst"


@dataclass
class Settings:
    store: Store
    url: str
    reviewer: str
    words: dict[str, tuple[str, ...]]


def settings() -> Settings:
    return current_app.extensions["sahel_review"]


def create_app(store: str, *, reviewer: str | None = None, secret_key: bytes | None = None) -> Flask:
    """The review application over the store at ``store`` (a URL; it must exist).
    ``reviewer``: who every action is recorded as (default: the OS user)."""
    name = (reviewer or default_reviewer()).strip()
    if not name or len(name) > 100:
        raise SahelError(Errors.E120.format(field="--reviewer", reason="a name of 1 to 100 characters"))
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=secret_key or secrets.token_bytes(32),
        SESSION_COOKIE_NAME="sahel_review",
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_HTTPONLY=True,
        WTF_CSRF_TIME_LIMIT=8 * 3600,
        TRUSTED_HOSTS=LOOPBACK_HOSTS,
        MAX_CONTENT_LENGTH=64 * 1024,
    )
    opened = open_store(store, create=False)
    app.extensions["sahel_review"] = Settings(store=opened, url=opened.url, reviewer=name, words=trigger_words())
    csrf.init_app(app)
    app.register_blueprint(bp)
    app.jinja_env.globals.update(show_event=ev.show, event_claims=ev.claim_ids, arg_label=render.arg_label)
    return app


@bp.after_app_request
def _headers(response: Any) -> Any:
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.app_errorhandler(CSRFError)
def _csrf_error(exc: CSRFError) -> tuple[str, int]:
    why = f"the form was refused: {exc.description} Reload the page and try again."
    return render_template("error.html", title="refused", message=why, s=settings()), 400


@bp.app_errorhandler(404)
def _not_found(exc: Any) -> tuple[str, int]:
    return render_template("error.html", title="not found", message=exc.description, s=settings()), 404


@bp.app_errorhandler(StoreError)
def _store_error(exc: StoreError) -> tuple[str, int]:
    return render_template("error.html", title="store error", message=str(exc), s=settings()), 500


@bp.route("/report.css")
def report_css() -> Any:
    """The HTML report's style (claims drawn on their sentences, marks, tables) and its
    entity and date colours as classes (the page has no inline style)."""
    rules = "\n".join(f"mark.ent.l-{label}{{background:{color}}}" for label, color in _PALETTE.items())
    return current_app.response_class(f"{_CSS}\n{rules}\n", mimetype="text/css")


@bp.route("/favicon.ico")
def favicon() -> Any:
    return current_app.response_class(status=204)


@bp.route("/")
def index() -> str:
    s = settings()
    ids = s.store.article_ids()
    page = max(1, request.args.get("page", 1, type=int) or 1)
    shown = ids[(page - 1) * PAGE : page * PAGE]
    reviews = s.store.reviews(shown)
    rows = []
    for result in s.store.results(shown):
        mine = [r for r in reviews if r.article_id == result.article.id]
        items = attach(result, None, mine) if mine else []
        rows.append({"result": result, "counts": counts(items) if items else None, "actions": len(mine)})
    pages = max(1, (len(ids) + PAGE - 1) // PAGE)
    return render_template("index.html", s=s, rows=rows, page=page, pages=pages, total=len(ids))


def form_prefix(claim_id: str) -> str:
    return "f-" + re.sub(r"[^A-Za-z0-9_-]", "_", claim_id)


def _load(article_id: str) -> tuple[DocumentResult, str, list[ReviewedClaim]]:
    s = settings()
    result = s.store.get(article_id)
    if result is None:
        abort(404, description=Errors.E121.format(url=s.url, article=article_id))
    body = s.store.body(article_id)
    if body is None:
        abort(404, description=Errors.E124.format(article=article_id))
    return result, body, attach(result, body, s.store.reviews([article_id]))


def _article_page(
    article_id: str, *, failed: tuple[str, CorrectionForm] | None = None, status: int = 200
) -> tuple[str, int]:
    s = settings()
    result, body, items = _load(article_id)
    predicates = sorted(s.words)
    cards = []
    for item in items:
        prefix = form_prefix(item.claim.id)
        if failed is not None and failed[0] == item.claim.id:
            form = failed[1]
        else:
            form = CorrectionForm(formdata=None, prefix=prefix).set_predicates(predicates).fill(item.effective)
        cards.append(
            {
                "item": item,
                "claim": item.effective,
                "sentence": render.claim_sentence(item.effective, body, s.words) if not item.orphaned else None,
                "evidence": item.reviews[0].evidence_text if item.orphaned else None,
                "actions": ActionForm(formdata=None, prefix=prefix),
                "form": form,
                "open": failed is not None and failed[0] == item.claim.id,
            }
        )
    live = [c for c in cards if not c["item"].orphaned]
    orphans = [c for c in cards if c["item"].orphaned]
    keys = {c["item"].claim.id: c["item"].key for c in live}
    panel = ev.article_events(s.store, article_id)
    page = render_template(
        "article.html",
        s=s,
        result=result,
        text=render.article_html(body, result, items, s.words),
        claims=live,
        orphans=orphans,
        counts=counts(items),
        panel=panel,
        keys=keys,
    )
    return page, status


@bp.route("/article/<path:article_id>")
def article(article_id: str) -> tuple[str, int]:
    return _article_page(article_id)


def _find(items: list[ReviewedClaim], claim_id: str, article_id: str) -> ReviewedClaim:
    for item in items:
        if item.claim.id == claim_id:
            return item
    abort(404, description=Errors.E122.format(article=article_id, claim=claim_id))


def _record(article_id: str, body: str, item: ReviewedClaim, action: str, fields: Any, note: str | None) -> None:
    s = settings()
    first = item.reviews[0] if item.orphaned else None
    fingerprint = s.store.fingerprint(article_id)
    claim = item.claim
    review = ClaimReview(
        article_id=article_id,
        claim_id=claim.id,
        predicate=first.predicate if first else claim.predicate,
        evidence_text=first.evidence_text if first else body[claim.evidence.start : claim.evidence.end],
        action=action,
        fields=fields,
        claim=claim,
        content_hash=fingerprint.content_hash if fingerprint else None,
        reviewer=s.reviewer,
        reviewed_at=dt.datetime.now(dt.timezone.utc),
        note=(note or "").strip() or None,
    )
    s.store.add_review(review)


@bp.route("/article/<path:article_id>/claim/<claim_id>/review", methods=["POST"])
def review_claim(article_id: str, claim_id: str) -> Any:
    result, body, items = _load(article_id)
    item = _find(items, claim_id, article_id)
    form = ActionForm(prefix=form_prefix(claim_id))
    if not form.validate():
        abort(400, description="; ".join(f"{k}: {', '.join(v)}" for k, v in form.errors.items()))
    _record(article_id, body, item, form.action.data, None, form.note.data)
    triple = f"{render.arg_label(item.effective.subject)} \u2014{item.effective.predicate}\u2192 "
    flash(f"{form.action.data}ed: {triple}{render.arg_label(item.effective.object)}")
    return redirect(url_for("review.article", article_id=article_id, _anchor=item.key), code=303)


@bp.route("/article/<path:article_id>/claim/<claim_id>/correct", methods=["POST"])
def correct_claim(article_id: str, claim_id: str) -> Any:
    s = settings()
    result, body, items = _load(article_id)
    item = _find(items, claim_id, article_id)
    if item.orphaned:
        abort(400, description="an orphaned claim can be accepted or rejected, not corrected")
    form = CorrectionForm(prefix=form_prefix(claim_id)).set_predicates(sorted(s.words))
    correction = to_correction(form, item.effective, body) if form.validate() else None
    if correction is None:
        return _article_page(article_id, failed=(claim_id, form), status=400)
    _record(article_id, body, item, "correct", correction, form.note.data)
    flash(f"corrected: {', '.join(sorted(correction.model_fields_set))}")
    return redirect(url_for("review.article", article_id=article_id, _anchor=item.key), code=303)


def make_review_server(store: str, *, port: int = 8765, reviewer: str | None = None) -> BaseWSGIServer:
    """A threaded werkzeug server of the review page on 127.0.0.1:``port`` (0: any free
    port), not started (``serve_forever()``); :class:`SahelError` (E126) when it cannot listen."""
    app = create_app(store, reviewer=reviewer)
    try:
        return make_server(HOST, port, app, threaded=True)
    except (OSError, SystemExit) as exc:
        settings_ = app.extensions["sahel_review"]
        settings_.store.close()
        raise SahelError(
            Errors.E126.format(host=HOST, port=port, reason=getattr(exc, "strerror", None) or exc)
        ) from exc
