"""HTML fragments of the review page: the article as written with its entities, dates and
the arguments of its claims, and each claim drawn on its sentence.

The claims are drawn with the HTML report's functions (:mod:`pipeline.scoring.html`):
``draw_pred`` finds the trigger (the record has no trigger span: the nearest word of the
sentence that starts like one of the predicate's trigger words) and ``_sentence_html``
marks subject (blue), trigger (yellow) and object (green) with their letters.

The text is cut at every boundary of an entity, a date and a claim's subject, trigger and
object, so that one claim's words can be lit without re-rendering: each piece covered by
claims says which in ``data-c`` (``c3-s c5-o``: subject of claim 3, object of claim 5); the
page's script lights the pieces of the claim under the pointer (or focused), and a click
on a piece shows the claims it belongs to. Entities and dates are marked as displaCy does,
their label (and id when it says more than the words) after them.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from markupsafe import Markup

from ..models import Claim, DocumentResult
from ..scoring.html import DrawnClaim, _entity_mark_tag, _sentence_html, draw_pred
from .state import ReviewedClaim

ROLE_LETTERS = {"subject": "s", "trigger": "t", "object": "o"}


def drawn(claim: Claim, body: str, words: Mapping[str, Sequence[str]]) -> DrawnClaim:
    """``claim`` on its sentence: where subject, trigger and object are (sentence offsets)."""
    return draw_pred(claim, body=body, words=words.get(claim.predicate, ()), within=None)


def claim_sentence(claim: Claim, body: str, words: Mapping[str, Sequence[str]]) -> Markup:
    """The claim's sentence with its subject, trigger and object marked."""
    return Markup(_sentence_html(drawn(claim, body, words)))


def claim_spans(claim: Claim, body: str, words: Mapping[str, Sequence[str]]) -> dict[str, tuple[int, int]]:
    """Body offsets of the claim's subject, trigger and object (those found)."""
    d = drawn(claim, body, words)
    s0 = claim.evidence.start
    found = {"subject": d.subject, "trigger": d.trigger, "object": d.obj}
    return {role: (s0 + span[0], s0 + span[1]) for role, span in found.items() if span}


def article_html(
    body: str, result: DocumentResult, items: Sequence[ReviewedClaim], words: Mapping[str, Sequence[str]]
) -> Markup:
    """The article as written, paragraph by paragraph: entities and dates marked with
    their labels, the words of every claim (``items`` not orphaned) tagged for the script
    (module docstring). Rejected claims are tagged too, so they can be found."""
    labels: list[tuple[int, int, str, str]] = []  # (start, end, tag, label): entities, then dates
    for ent in result.entities:
        labels.append((ent.start, ent.end, _entity_mark_tag(ent), ent.label))
    for date in result.dates:
        if not any(a < date.end and date.start < b for a, b, _, _ in labels):
            tag = f"{date.type} {date.value}" if date.value else date.type
            labels.append((date.start, date.end, tag, date.type))
    labels.sort()
    roles: list[tuple[int, int, str]] = []
    for item in items:
        if item.index is None:
            continue
        claim = item.effective or item.claim
        for role, (a, b) in claim_spans(claim, body, words).items():
            if 0 <= a < b <= len(body):
                roles.append((a, b, f"{item.key}-{ROLE_LETTERS[role]}"))
    cuts = (
        {0, len(body)}
        | {i for i, ch in enumerate(body) if ch == "\n"}
        | {i + 1 for i, ch in enumerate(body) if ch == "\n"}
    )
    for a, b, *_ in labels:
        cuts |= {a, b}
    for a, b, _ in roles:
        cuts |= {a, b}
    points = sorted(c for c in cuts if 0 <= c <= len(body))
    starts = {a: (a, b, tag, color) for a, b, tag, color in labels}
    out: list[str] = ['<p class="para">']
    open_label: tuple[int, int, str, str] | None = None
    for a, b in zip(points, points[1:], strict=False):
        piece = body[a:b]
        if piece == "\n":
            if open_label is not None:  # a label never spans a paragraph break
                out.append(f'<span class="tag">{html.escape(open_label[2])}</span></mark>')
                open_label = None
            out.append('</p><p class="para">')
            continue
        if open_label is None and a in starts:
            open_label = starts[a]
            out.append(f'<mark class="ent l-{open_label[3]}">')
        covering = sorted({key for x, y, key in roles if x <= a and b <= y})
        text = html.escape(piece)
        if covering:
            out.append(f'<span class="seg" data-c="{" ".join(covering)}">{text}</span>')
        else:
            out.append(text)
        if open_label is not None and b >= open_label[1]:
            out.append(f'<span class="tag">{html.escape(open_label[2])}</span></mark>')
            open_label = None
    if open_label is not None:
        out.append(f'<span class="tag">{html.escape(open_label[2])}</span></mark>')
    out.append("</p>")
    return Markup("".join(out).replace('<p class="para"></p>', ""))


def arg_label(arg) -> str:
    """An argument as the triple shows it: its id, else its words in quotes; ``-`` when none."""
    if arg is None:
        return "-"
    return arg.id or f"\u201c{arg.text}\u201d"
