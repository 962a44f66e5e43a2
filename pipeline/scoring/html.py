"""The HTML report of ``score --html`` and ``agreement --html``: one self-contained page (no
script, no request) that an analyst reads from the top.

- **Summary**: each layer's main figures as cards, then where the errors fall, drawn as
  bars: by layer, by predicate (claims) and by kind of error (a claim's attribute, an
  entity's span or id, a date's value...), and a table of the articles with links.
- **Each article**: its text as written (paragraphs, not tokens), gold on the left and
  the prediction on the right, entities and dates marked on both: a mark that agrees is
  plain, one only gold has is *missed* (dashed, red), one only the prediction has is
  *extra* (red), a pair that differs in span, label, id, value or type is *differs*
  (orange) with the difference in its tooltip. Labels sit inline after their words, so a
  long id wraps with the text and never covers the next line.
- **Its claims**, aligned as the scorer paired them: a matched pair on one row (gold |
  prediction), then what gold has and the prediction missed, then what the prediction has
  and gold does not. Each claim is drawn on its sentence: subject (blue), trigger
  (yellow) and object (green) marked where they are, with the predicate, negation,
  modality, date, source and quantity above; the attributes that differ are red.

The alignment is the scorer's own (:func:`pipeline.scoring.score.align_claims`,
:func:`~pipeline.scoring.score.entity_pairs`, :func:`~pipeline.scoring.score.date_pairs`), so
the page shows exactly what the figures count. A claim's trigger is not in the output
records: it is found in the sentence as the nearest word that starts like one of the
predicate's trigger words (configs/predicates.yaml); gold marks its evidence phrase.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..models import (
    PRF,
    ArticleScores,
    Claim,
    ClaimArg,
    DocumentResult,
    GoldClaim,
    GoldDocument,
    GoldFile,
    ScoreItem,
    ScoreReport,
)
from .report import HEADER, KIND_TAG, score_rows
from .score import (
    ATTRIBUTES,
    ClaimAlignment,
    Context,
    _attribute_ok,
    _attribute_text,
    align_claims,
    clip,
    date_pairs,
    entity_pairs,
    fold,
    norm_value,
    object_matches,
    same_id,
    subject_matches,
)

KIND_NAME = {"fn": "missed", "fp": "extra", "mismatch": "differs"}
"""What the page calls the scorer's error kinds: gold only, prediction only, a pair that differs."""

_PALETTE = {
    "PERSON": "#e4defe",
    "ORG": "#d3f6f6",
    "GPE": "#feeccc",
    "NORP": "#efdbfd",
    "LOC": "#ffdccb",
    "FAC": "#eeeeee",
    "DATE": "#dcefe9",
    "TIME": "#dcefe9",
    "DURATION": "#eef0e4",
    "SET": "#eef0e4",
}

_CSS = """
:root{--missed:#c62828;--extra:#c62828;--differs:#ef6c00;--ok:#2e7d32;--subj:#1565c0;--obj:#2e7d32;--trig:#f9a825}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#222;background:#fafafa}
main{max-width:1500px;margin:0 auto;padding:1.2em 2em 4em}
h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.3em;margin:1.6em 0 .4em;border-bottom:2px solid #ddd}
h3{font-size:1.05em;margin:1.2em 0 .4em}a{color:#1565c0}
.note{color:#666;font-size:.9em}
.cards{display:flex;flex-wrap:wrap;gap:.8em;margin:.6em 0}
.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.6em .9em;min-width:11em}
.card b{display:block;font-size:.8em;color:#555;text-transform:uppercase;letter-spacing:.04em}
.card .big{font-size:1.7em;font-weight:600}.card small{color:#555;display:block}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(24em,1fr));gap:1em;margin:.6em 0}
.chart{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.6em .9em}
.chart h4{margin:.1em 0 .5em;font-size:.95em}
.bar{display:grid;grid-template-columns:9.5em 1fr 2.6em;align-items:center;gap:.4em;font-size:.82em;margin:.18em 0}
.bar .name{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}.bar .n{text-align:right;color:#555}
.track{display:flex;height:1.05em;background:#f0f0f0;border-radius:3px;overflow:hidden}
.seg.fn{background:var(--missed)}.seg.fp{background:#f28b82}.seg.mismatch{background:var(--differs)}
.legend{font-size:.8em;color:#444;margin:.3em 0}.legend i{display:inline-block;width:.9em;height:.9em;
  vertical-align:-.1em;margin:0 .25em 0 .8em;border-radius:2px}
table.fig{border-collapse:collapse;background:#fff;font-size:.85em;margin:.4em 0}
table.fig td,table.fig th{border:1px solid #ddd;padding:2px 7px}table.fig td.n{text-align:right}
table.fig th{background:#f3f3f3;text-align:left}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1em}
.side{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.3em 1em}
.side h4{margin:.4em 0;font-size:.85em;color:#555;text-transform:uppercase;letter-spacing:.05em}
.side p{line-height:2.15;margin:.5em 0}
mark{background:#eee;border-radius:3px;padding:.05em .15em;border:1.5px solid transparent}
mark .tag{font-size:.66em;font-weight:600;color:#333;margin-left:.3em;vertical-align:.12em;
  background:rgba(255,255,255,.75);border-radius:2px;padding:0 .2em;overflow-wrap:anywhere}
mark.missed{border:2px dashed var(--missed)}mark.extra{border:2px solid var(--extra)}
mark.differs{border:2px solid var(--differs)}
.claims{border-collapse:separate;border-spacing:0 .45em;width:100%;table-layout:fixed}
.claims td{vertical-align:top;background:#fff;border:1px solid #ddd;padding:.4em .6em}
.claims td.status{width:7.5em;font-size:.8em;font-weight:600;text-align:center;border-radius:6px 0 0 6px}
.claims td.empty{background:#f5f5f5;color:#888;font-style:italic;font-size:.85em}
tr.ok td.status{color:var(--ok)}tr.differs td.status{color:var(--differs)}
tr.missed td.status,tr.extra td.status{color:var(--missed)}
tr.differs td{border-color:#f5c28b}tr.missed td,tr.extra td{border-color:#f2b8b5}
.triple{font-weight:600;margin-bottom:.25em}.triple .p{color:#6a1b9a}
.triple .s{color:var(--subj)}.triple .o{color:var(--obj)}
.flags{font-size:.8em;color:#444;margin-bottom:.3em}.flags span{margin-right:.8em}
.flags .bad,.triple .bad{color:var(--missed);font-weight:700}
.sent{line-height:2.1;font-size:.92em}
.sent .subj{border-bottom:3px solid var(--subj)}.sent .obj{border-bottom:3px solid var(--obj)}
.sent .trig{background:#fff3c4;border-bottom:3px solid var(--trig)}.sent .ev{background:#fffbe6}
.sent .tag{font-size:.66em;font-weight:700;vertical-align:.2em;margin-left:.15em}
.sent .subj>.tag{color:var(--subj)}.sent .obj>.tag{color:var(--obj)}.sent .trig>.tag{color:#b07d00}
details{margin:.6em 0}summary{cursor:pointer;font-weight:600}
.errors td{font-size:.82em}
"""


# --------------------------------------------------------------------------- marking text


@dataclass(frozen=True)
class Mark:
    """A span of text to mark: [start, end) in the text, a CSS class, a tag shown after
    it (may be empty) and a tooltip."""

    start: int
    end: int
    cls: str
    tag: str = ""
    title: str = ""
    color: str = ""


def _open(mark: Mark, element: str) -> str:
    style = f' style="background:{mark.color}"' if mark.color else ""
    title = f' title="{html.escape(mark.title)}"' if mark.title else ""
    return f'<{element} class="{mark.cls}"{style}{title}>'


def marked(text: str, marks: Iterable[Mark], *, element: str = "mark", offset: int = 0) -> str:
    """``text`` as HTML with ``marks`` (offsets into the text ``offset`` starts) wrapped in
    ``element``; a mark inside another nests, one that crosses another is cut at its end."""
    spans = sorted(
        (m for m in marks if m.end > m.start), key=lambda m: (m.start, -(m.end - m.start))
    )  # outer first at a start
    out: list[str] = []
    stack: list[Mark] = []
    at = offset

    def close_until(pos: int) -> None:
        nonlocal at
        while stack and stack[-1].end <= pos:
            top = stack.pop()
            out.append(html.escape(text[at - offset : top.end - offset]))
            at = top.end
            if top.tag:
                out.append(f'<span class="tag">{html.escape(top.tag)}</span>')
            out.append(f"</{element}>")

    for mark in spans:
        start = max(mark.start, offset)
        if start >= offset + len(text):
            continue
        close_until(start)
        end = min(mark.end, stack[-1].end if stack else mark.end, offset + len(text))
        if start < at or end <= start:
            continue  # crosses an open mark, or emptied: left out
        out.append(html.escape(text[at - offset : start - offset]))
        at = start
        out.append(_open(mark, element))
        stack.append(Mark(start, end, mark.cls, mark.tag, mark.title, mark.color))
    close_until(offset + len(text) + 1)
    out.append(html.escape(text[at - offset :]))
    return "".join(out)


# --------------------------------------------------------------------------- text, side by side


def _entity_tag(label: str, kb_id: str | None) -> str:
    return f"{label} {kb_id}" if kb_id else label


def _same_entity(a, b) -> bool:
    return (a.start, a.end, a.label) == (b.start, b.end, b.label) and same_id(a.id, b.id)


def _same_date(a, b) -> bool:
    return (a.start, a.end, a.type) == (b.start, b.end, b.type) and norm_value(a.value) == norm_value(b.value)


def _entity_mark_tag(x) -> str:
    """``GPE``, or ``GPE United_States`` when the id says more than the words ("U.S.")."""
    return x.label if x.id is None or fold(x.id) == fold(x.text) else _entity_tag(x.label, x.id)


def _date_mark_tag(x) -> str:
    return f"{x.type} {x.value}"


def layer_marks(gold: GoldFile, pred: DocumentResult) -> tuple[list[Mark], list[Mark]]:
    """Marks for the gold and the predicted side: entities and dates, each with its status
    (agrees, missed, extra, differs) from the scorer's overlap pairing."""
    left: list[Mark] = []
    right: list[Mark] = []
    layers = []
    if gold.entities is not None:
        pairs = entity_pairs(gold.entities, pred.entities)
        layers.append((gold.entities, pred.entities, pairs, _entity_mark_tag, _same_entity))
    if gold.dates is not None:
        pairs = date_pairs(gold.dates, pred.dates)
        layers.append((gold.dates, pred.dates, pairs, _date_mark_tag, _same_date))
    for golds, preds, pairs, tag, same in layers:
        paired_g = dict(pairs)
        paired_p = {p for _, p in pairs}
        for g, a in enumerate(golds):
            color = _PALETTE.get(tag(a).split(" ")[0], "#eee")
            if g not in paired_g:
                left.append(Mark(a.start, a.end, "missed", tag(a), "in gold, not predicted", color))
                continue
            b = preds[paired_g[g]]
            if same(a, b):
                left.append(Mark(a.start, a.end, "ok", tag(a), color=color))
                right.append(Mark(b.start, b.end, "ok", tag(b), color=color))
            else:
                why = f"gold {a.text!r} {tag(a)} | predicted {b.text!r} {tag(b)}"
                left.append(Mark(a.start, a.end, "differs", tag(a), why, color))
                right.append(Mark(b.start, b.end, "differs", tag(b), why, color))
        for p, b in enumerate(preds):
            if p not in paired_p:
                color = _PALETTE.get(tag(b).split(" ")[0], "#eee")
                right.append(Mark(b.start, b.end, "extra", tag(b), "predicted, not in gold", color))
    return left, right


def side_by_side(body: str, gold: GoldFile, pred: DocumentResult) -> str:
    """The article as written, paragraph by paragraph, gold marks left, predicted right."""
    left, right = layer_marks(gold, pred)
    cols = []
    for name, marks in (("gold", left), ("predicted", right)):
        paragraphs, offset = [], 0
        for para in body.split("\n"):
            start, offset = offset, offset + len(para) + 1
            if not para.strip():
                continue
            inside = [m for m in marks if m.start < start + len(para) and m.end > start]
            paragraphs.append(f"<p>{marked(para, inside, offset=start)}</p>")
        cols.append(f'<div class="side"><h4>{name}</h4>{"".join(paragraphs)}</div>')
    return f'<div class="pair">{"".join(cols)}</div>'


# --------------------------------------------------------------------------- claims


def _find(sentence: str, needle: str | None, *, start: int = 0) -> tuple[int, int] | None:
    """Where ``needle`` (an id with underscores, or a text) occurs in ``sentence``,
    case-insensitively, as whole words; None when it does not."""
    if not needle:
        return None
    words = [re.escape(w) for w in re.split(r"[\s_]+", needle.strip()) if w]
    if not words:
        return None
    found = re.search(r"\b" + r"\W+".join(words) + r"\b", sentence[start:], flags=re.I)
    return (start + found.start(), start + found.end()) if found else None


def _trigger(sentence: str, words: Sequence[str], near: Sequence[int]) -> tuple[int, int] | None:
    """The word of ``sentence`` that starts like one of ``words`` (trigger lemmas:
    "close" finds "closed", "closing") nearest to the offsets ``near``; None if none does."""
    best: tuple[int, tuple[int, int]] | None = None
    for word in words:
        stem = word.split()[0]
        stem = stem[:-1] if len(stem) > 3 and stem.endswith("e") else stem
        if len(stem) < 3:  # "be" (in touch), "do": every auxiliary would be a trigger
            continue
        for found in re.finditer(rf"\b{re.escape(stem)}\w*", sentence, flags=re.I):
            distance = min((abs(found.start() - n) for n in near), default=found.start())
            if best is None or distance < best[0]:
                best = (distance, (found.start(), found.end()))
    return best[1] if best else None


@dataclass(frozen=True)
class DrawnClaim:
    """A claim ready to draw: its sentence and where subject, trigger and object are in it."""

    sentence: str
    subject: tuple[int, int] | None
    trigger: tuple[int, int] | None
    obj: tuple[int, int] | None
    evidence: tuple[int, int] | None = None


def _sentence_at(body: str, ctx: Context, start: int) -> tuple[int, int]:
    """The sentence holding offset ``start`` (the gold sentences, else the predicted ones),
    else its line."""
    for s0, s1 in ctx.spans:
        if s0 <= start < s1:
            return s0, s1
    s1 = body.find("\n", start)
    return body.rfind("\n", 0, start) + 1, s1 if s1 >= 0 else len(body)


def draw_gold(
    claim: GoldClaim,
    *,
    body: str,
    ctx: Context,
    start: int,
    words: Sequence[str],
    entities: Sequence = (),
    paired: Claim | None = None,
) -> DrawnClaim:
    """A gold claim on its sentence: its evidence phrase, and in it the trigger. Gold names
    an argument by id or text, not by offsets: it is drawn where the paired prediction has
    it (same id or words), else on a gold entity of that id, else where its words occur."""
    if start < 0:
        return DrawnClaim(claim.evidence, None, None, None)
    s0, s1 = _sentence_at(body, ctx, start)
    s1 = max(s1, start + len(claim.evidence))
    raw = body[s0:s1]
    s0 += len(raw) - len(raw.lstrip())
    sentence = raw.strip()
    ev = (start - s0, start - s0 + len(claim.evidence))
    trig = _trigger(sentence[ev[0] : ev[1]], words, [0])
    trig = (ev[0] + trig[0], ev[0] + trig[1]) if trig else None

    def place(value: str | None, predicted: ClaimArg | None) -> tuple[int, int] | None:
        if value is None:
            return None
        inside = [
            (a - s0, b - s0) for a, b in _arg_spans(value, predicted, entities) if s0 <= a and b <= s0 + len(sentence)
        ]
        return min(inside, key=lambda x: abs(x[0] - ev[0])) if inside else _find(sentence, value)

    subj = place(claim.subject, paired.subject if paired else None)
    obj = place(claim.object, paired.object if paired else None)
    return DrawnClaim(sentence, subj, trig, obj, ev)


def _arg_spans(value: str, predicted: ClaimArg | None, entities: Sequence) -> list[tuple[int, int]]:
    """Body offsets where a gold argument ``value`` (an id or a text) is: the paired
    prediction's argument when it is the same, and the gold entities with that id."""
    out = []
    if predicted is not None and (same_id(value, predicted.id) or fold(value) == fold(predicted.text)):
        out.append((predicted.start, predicted.end))
    out += [(e.start, e.end) for e in entities if e.id is not None and same_id(value, e.id)]
    return out


def draw_pred(claim: Claim, *, body: str | None, words: Sequence[str], within: tuple[int, int] | None) -> DrawnClaim:
    """A predicted claim on its evidence sentence: subject and object where their offsets
    are (when inside it), the trigger found between them (inside ``within``, the gold
    evidence it matched, when given)."""
    s0, s1 = claim.evidence.start, claim.evidence.end
    sentence = body[s0:s1] if body is not None else ""

    def local(arg: ClaimArg | None) -> tuple[int, int] | None:
        if arg is None or body is None or not (s0 <= arg.start and arg.end <= s1):
            return None
        return arg.start - s0, arg.end - s0

    subj, obj = local(claim.subject), local(claim.object)
    near = [x[1] for x in (subj,) if x] + [x[0] for x in (obj,) if x]
    trig = None
    if within is not None:
        found = _trigger(sentence[within[0] : within[1]], words, [n - within[0] for n in near] or [0])
        trig = (within[0] + found[0], within[0] + found[1]) if found else None
    if trig is None:
        trig = _trigger(sentence, words, near or [0])
    return DrawnClaim(sentence, subj, trig, obj, within)


ROLES = (("subject", "subj", "S"), ("trigger", "trig", "T"), ("object", "obj", "O"))


def _sentence_html(drawn: DrawnClaim) -> str:
    marks = [Mark(*drawn.evidence, "ev")] if drawn.evidence else []
    for role, cls, letter in ROLES:
        span = getattr(drawn, "obj" if role == "object" else role)
        if span:
            marks.append(Mark(span[0], span[1], cls, tag=letter, title=role))
    return f'<div class="sent">{marked(drawn.sentence, marks, element="span")}</div>'


def _arg_label(arg: ClaimArg | str | None) -> str:
    if arg is None:
        return "-"
    if isinstance(arg, str):
        return arg
    return arg.id or f"\u201c{arg.text}\u201d"


def claim_html(claim: GoldClaim | Claim, drawn: DrawnClaim, *, wrong: Iterable[str] = ()) -> str:
    """A claim: ``subject -predicate-> object`` with its attributes, those in ``wrong`` (an
    attribute, or ``subject``/``object``) red, then its sentence with the subject, trigger
    and object marked."""
    bad = set(wrong)
    subj, obj = _arg_label(claim.subject), _arg_label(claim.object)
    s_bad, o_bad = (" bad" if role in bad else "" for role in ("subject", "object"))
    triple = (
        f'<span class="s{s_bad}">{html.escape(subj)}</span> '
        f'<span class="p">\u2014{html.escape(claim.predicate)}\u2192</span> '
        f'<span class="o{o_bad}">{html.escape(obj)}</span>'
    )
    flags = []
    for name in ATTRIBUTES:
        text = _attribute_text(name, claim)
        default = {"negated": "False", "modality": "asserted", "source": "[]", "date": "None", "quantity": "None"}[name]
        if text == default and name not in bad:
            continue
        shown = {"negated": "NOT" if claim.negated else "not negated"}.get(name, f"{name} {text}")
        cls = ' class="bad"' if name in bad else ""
        flags.append(f"<span{cls}>{html.escape(shown)}</span>")
    flags_html = f'<div class="flags">{"".join(flags)}</div>' if flags else ""
    return f'<div class="triple">{triple}</div>{flags_html}{_sentence_html(drawn)}'


def claims_table(
    doc: GoldDocument, pred: DocumentResult, *, symmetric: frozenset[str], words: Mapping[str, Sequence[str]]
) -> tuple[str, Counter]:
    """The aligned claims of one article, and the count of its claim errors by
    (predicate, kind) and by attribute, for the summary's charts."""
    gold = doc.gold.claims or []
    body = doc.body
    ctx = Context(body, doc.gold.sentences, pred.sentences)
    alignment = align_claims(gold, pred.claims, ctx, symmetric=symmetric)
    rows: list[tuple[int, str]] = []
    counts: Counter = Counter()

    def gold_drawn(g: int, paired: Claim | None = None) -> DrawnClaim:
        c = gold[g]
        return draw_gold(
            c,
            body=body or "",
            ctx=ctx,
            start=alignment.spans[g],
            words=words.get(c.predicate, ()),
            entities=doc.gold.entities or (),
            paired=paired,
        )

    def _within(drawn_g: DrawnClaim, a: GoldClaim, b: Claim, g: int) -> tuple[int, int] | None:
        """The gold evidence inside the prediction's sentence (None when it is not there)."""
        start = alignment.spans[g]
        if drawn_g.evidence is None or start < 0 or not b.evidence.start <= start < b.evidence.end:
            return None
        lo = start - b.evidence.start
        return lo, lo + len(a.evidence)

    for g, p, oriented in alignment.pairs:
        a = gold[g]
        wrong = [n for n in ATTRIBUTES if not _attribute_ok(n, a, oriented)]
        drawn_g = gold_drawn(g, oriented)
        b = pred.claims[p]
        start = alignment.spans[g]
        drawn_p = draw_pred(b, body=body, words=words.get(b.predicate, ()), within=_within(drawn_g, a, b, g))
        status = "differs" if wrong else "ok"
        label = "attributes differ" if wrong else "match"
        for n in wrong:
            counts[("attribute", n)] += 1
            counts[("predicate", a.predicate, "mismatch")] += 1
        cells = (
            f'<td class="status">{label}</td><td>{claim_html(a, drawn_g, wrong=wrong)}</td>'
            f"<td>{claim_html(b, drawn_p, wrong=wrong)}</td>"
        )
        rows.append((start if start >= 0 else b.evidence.start, f'<tr class="{status}">{cells}</tr>'))
    near = near_misses(gold, pred.claims, alignment, symmetric)
    for unit in alignment.missed:
        g = unit[0]
        a, drawn_g = gold[g], gold_drawn(g)
        counts[("predicate", a.predicate, "fn")] += 1
        counts[("attribute", "missed claim")] += 1
        mirror = " (and its mirror)" if len(unit) > 1 else ""
        other = near.get(g)
        if other is None:
            cells = (
                f'<td class="status">missed{mirror}</td><td>{claim_html(a, drawn_g)}</td>'
                '<td class="empty">no predicted claim matches</td>'
            )
        else:  # the prediction of its sentence with its predicate: shown beside it
            b = pred.claims[other]
            drawn_p = draw_pred(b, body=body, words=words.get(b.predicate, ()), within=_within(drawn_g, a, b, g))
            checks = zip(("subject", "object"), argument_checks(a, b, symmetric), strict=True)
            wrong = [role for role, ok in checks if not ok]
            cells = (
                f'<td class="status">wrong {" and ".join(wrong) or "arguments"}<br><small>a miss{mirror} and an '
                "extra</small></td>"
                f"<td>{claim_html(a, drawn_g, wrong=wrong)}</td><td>{claim_html(b, drawn_p, wrong=wrong)}</td>"
            )
        rows.append((alignment.spans[g], f'<tr class="missed">{cells}</tr>'))
    shown_beside = set(near.values())
    for unit in alignment.extra:
        b = pred.claims[unit[0]]
        counts[("predicate", b.predicate, "fp")] += 1
        counts[("attribute", "extra claim")] += 1
        if unit[0] in shown_beside:
            continue
        drawn_p = draw_pred(b, body=body, words=words.get(b.predicate, ()), within=None)
        cells = f'<td class="status">extra</td><td class="empty">not in gold</td><td>{claim_html(b, drawn_p)}</td>'
        rows.append((b.evidence.start, f'<tr class="extra">{cells}</tr>'))
    rows.sort(key=lambda r: r[0])
    head = '<colgroup><col style="width:7.5em"><col><col></colgroup><tr><th></th><th>gold</th><th>predicted</th></tr>'
    legend = (
        '<div class="legend">in each sentence: <i style="background:var(--subj)"></i>subject'
        '<i style="background:var(--trig)"></i>trigger <i style="background:var(--obj)"></i>object'
        '<i style="background:#fffbe6;border:1px solid #ddd"></i>gold evidence</div>'
    )
    return legend + f'<table class="claims">{head}{"".join(r for _, r in rows)}</table>', counts


def near_misses(
    gold: Sequence[GoldClaim], pred: Sequence[Claim], alignment: ClaimAlignment, symmetric: frozenset[str]
) -> dict[int, int]:
    """Missed gold claims paired with an extra prediction of the same predicate whose
    sentence holds the gold evidence and that gets one of its two arguments right (the one
    with the most right, then the first; each used once): a claim found with a wrong
    argument, shown on one row. Both still count, as a miss and as an extra."""
    free = [unit[0] for unit in alignment.extra]
    out: dict[int, int] = {}
    for unit in alignment.missed:
        g, start = unit[0], alignment.spans[unit[0]]
        candidates = [
            (sum(argument_checks(gold[g], pred[p], symmetric)), -i, p)
            for i, p in enumerate(free)
            if pred[p].predicate == gold[g].predicate
            and start >= 0
            and pred[p].evidence.start <= start < pred[p].evidence.end
        ]
        best = max(candidates, default=None)
        if best is not None and best[0] > 0:
            out[g] = best[2]
            free.remove(best[2])
    return out


def argument_checks(gold: GoldClaim, pred: Claim, symmetric: frozenset[str]) -> tuple[bool, bool]:
    """Whether the subject and the object match, as the scorer compares them."""
    if gold.predicate in symmetric:
        return object_matches(gold.subject, pred.subject), object_matches(gold.object, pred.object)
    return subject_matches(gold.subject, pred.subject), object_matches(gold.object, pred.object)


# --------------------------------------------------------------------------- summary


def _f(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _card(title: str, main: str, sub: str) -> str:
    return f'<div class="card"><b>{html.escape(title)}</b><span class="big">{main}</span><small>{sub}</small></div>'


def _prf_sub(s: PRF) -> str:
    return f"P {_f(s.precision)} \u00b7 R {_f(s.recall)} \u00b7 tp {s.tp} fp {s.fp} fn {s.fn}"


def cards(total: ArticleScores) -> str:
    out = []
    if total.entities:
        e = total.entities
        out.append(
            _card("entities F1 (strict)", _f(e.strict.f1), _prf_sub(e.strict) + f"<br>linking {_f(e.linking.accuracy)}")
        )
    if total.dates:
        d = total.dates
        out.append(
            _card("dates value F1", _f(d.value_f1.f1), _prf_sub(d.value_f1) + f"<br>relaxed F1 {_f(d.relaxed.f1)}")
        )
    if total.claims:
        c = total.claims
        out.append(_card("claims core F1", _f(c.core.f1), _prf_sub(c.core)))
        out.append(
            _card("claims strict F1", _f(c.strict.f1), _prf_sub(c.strict) + f"<br>contradictions {c.contradictions}")
        )
        out.append(_card("claims facts F1", _f(c.facts.f1), _prf_sub(c.facts)))
    if total.sentences:
        out.append(
            _card("sentence boundaries F1", _f(total.sentences.boundaries.f1), _prf_sub(total.sentences.boundaries))
        )
    return f'<div class="cards">{"".join(out)}</div>'


def _bars(title: str, rows: Sequence[tuple[str, Counter]], *, limit: int = 15) -> str:
    """Horizontal stacked bars: one row per name, segments missed / extra / differs."""
    rows = [r for r in rows if sum(r[1].values())][:limit]
    if not rows:
        return f'<div class="chart"><h4>{html.escape(title)}</h4><p class="note">no errors</p></div>'
    top = max(sum(c.values()) for _, c in rows)
    lines = []
    for name, counter in rows:
        segs = "".join(
            f'<span class="seg {kind}" style="width:{100 * counter[kind] / top:.2f}%" '
            f'title="{KIND_NAME[kind]} {counter[kind]}"></span>'
            for kind in ("fn", "fp", "mismatch")
            if counter[kind]
        )
        lines.append(
            f'<div class="bar"><span class="name" title="{html.escape(name)}">{html.escape(name)}</span>'
            f'<span class="track">{segs}</span><span class="n">{sum(counter.values())}</span></div>'
        )
    return f'<div class="chart"><h4>{html.escape(title)}</h4>{"".join(lines)}</div>'


_DETAIL_KIND = re.compile(r"^(span|id|value|type|negated|modality|source|date|quantity|location)\b")
# an actor code's detail names the argument first: "subject country: gold NER, predicted None"
_CODE_KIND = re.compile(r"^(?:subject|object) (country|sector)\b")


def _detail_kind(part: str) -> str | None:
    m = _DETAIL_KIND.match(part) or _CODE_KIND.match(part)
    return m.group(1) if m else None


def error_kind(item: ScoreItem) -> str:
    """What went wrong, in a word or two: ``claims: date``, ``entities: missed``."""
    if item.kind != "mismatch":
        return f"{item.layer}: {KIND_NAME[item.kind]}"
    kinds = sorted({k for part in item.detail.split("|")[0].split("; ") if (k := _detail_kind(part))})
    return f"{item.layer}: {', '.join(kinds) or 'differs'}"


def charts(report: ScoreReport, claim_counts: Counter) -> str:
    by_layer: dict[str, Counter] = {}
    by_kind: dict[str, Counter] = {}
    for art in report.articles:
        for item in art.errors:
            by_layer.setdefault(item.layer, Counter())[item.kind] += 1
            by_kind.setdefault(error_kind(item), Counter())[item.kind] += 1
    by_predicate: dict[str, Counter] = {}
    for key, n in claim_counts.items():
        if key[0] == "predicate":
            by_predicate.setdefault(key[1], Counter())[key[2]] += n
    order = ["entities", "dates", "claims", "sentences"]
    layer_rows = [(layer, by_layer[layer]) for layer in order if layer in by_layer]
    pred_rows = sorted(by_predicate.items(), key=lambda r: (-sum(r[1].values()), r[0]))
    kind_rows = sorted(by_kind.items(), key=lambda r: (-sum(r[1].values()), r[0]))
    legend = (
        '<div class="legend">errors: <i style="background:var(--missed)"></i>missed (gold only)'
        '<i style="background:#f28b82"></i>extra (predicted only)'
        '<i style="background:var(--differs)"></i>differs (paired, something wrong)</div>'
    )
    return legend + (
        '<div class="charts">'
        + _bars("errors by layer", layer_rows)
        + _bars("claim errors by predicate (top 15)", pred_rows)
        + _bars("errors by kind (top 15)", kind_rows)
        + "</div>"
    )


def _overview(report: ScoreReport) -> str:
    names = ["article", "entities F1", "dates value F1", "claims core F1", "claims strict F1", "missed", "extra"]
    head = "<tr>" + "".join(f"<th>{n}</th>" for n in [*names, "differs"]) + "</tr>"
    rows = []
    for art in report.articles:
        kinds = Counter(i.kind for i in art.errors)
        cells = [
            f'<a href="#{_anchor(art.article)}">{html.escape(art.article)}</a>',
            _f(art.entities.strict.f1) if art.entities else "",
            _f(art.dates.value_f1.f1) if art.dates else "",
            _f(art.claims.core.f1) if art.claims else "",
            _f(art.claims.strict.f1) if art.claims else "",
            str(kinds["fn"]),
            str(kinds["fp"]),
            str(kinds["mismatch"]),
        ]
        rows.append("<tr>" + "".join(f'<td class="{"n" if i else ""}">{c}</td>' for i, c in enumerate(cells)) + "</tr>")
    return f'<table class="fig">{head}{"".join(rows)}</table>'


def _article_line(art: ArticleScores) -> str:
    """One line of an article's figures and error counts, with a link to its claims."""
    bits = []
    if art.entities:
        bits.append(f"entities F1 {_f(art.entities.strict.f1)}")
    if art.dates:
        bits.append(f"dates value F1 {_f(art.dates.value_f1.f1)}")
    if art.claims:
        bits.append(f"claims core F1 {_f(art.claims.core.f1)}, strict {_f(art.claims.strict.f1)}")
    kinds = Counter(i.kind for i in art.errors)
    bits.append(", ".join(f"{kinds[k]} {KIND_NAME[k]}" for k in ("fn", "fp", "mismatch")))
    dot = " \u00b7 "
    link = f'{dot}<a href="#{_anchor(art.article)}-claims">claims</a>' if art.claims else ""
    return f'<p class="note">{html.escape(dot.join(bits))}{link}</p>'


def _anchor(article: str) -> str:
    return "a-" + re.sub(r"[^A-Za-z0-9_-]", "-", article)


def figures_table(scores: ArticleScores) -> str:
    cells = "".join(f"<th>{h}</th>" for h in HEADER)
    body = "".join(
        "<tr>" + "".join(f'<td class="{"n" if i > 1 else ""}">{html.escape(c)}</td>' for i, c in enumerate(r)) + "</tr>"
        for r in score_rows(scores)
    )
    return f'<table class="fig"><tr>{cells}</tr>{body}</table>'


def _errors_table(items: list[ScoreItem]) -> str:
    rows = "".join(
        f"<tr><td>{KIND_TAG[i.kind]} {KIND_NAME[i.kind]}</td><td>{i.layer}</td><td>{i.start}:{i.end}</td>"
        f"<td>{html.escape(i.text)}</td><td>{html.escape(i.detail)}</td></tr>"
        for i in items
    )
    head = "<tr><th></th><th>layer</th><th>span</th><th>text</th><th>why</th></tr>"
    return f'<table class="fig errors">{head}{rows}</table>'


# --------------------------------------------------------------------------- page


def render_html(
    report: ScoreReport,
    golds: Mapping[str, GoldDocument],
    preds: Mapping[str, DocumentResult],
    *,
    title: str = "sahel-claims scores",
    lines: int | None = None,
    symmetric: Iterable[str] | None = None,
) -> str:
    """The self-contained page (see the module docstring). ``lines``: as the scores were
    computed (only the first ``lines`` lines of each body); ``symmetric``: the symmetric
    predicates (default: the predicates config's)."""
    from .gold import symmetric_predicates, trigger_words

    sym = frozenset(symmetric_predicates() if symmetric is None else symmetric)
    words = trigger_words()
    sections = []
    claim_counts: Counter = Counter()
    for art in report.articles:
        doc, pred = golds.get(art.article), preds.get(art.article)
        pred = pred or DocumentResult.model_validate({"article": {"id": art.article}})
        parts = [f'<h2 id="{_anchor(art.article)}">{html.escape(art.article)}</h2>', _article_line(art)]
        if doc is not None and doc.body is not None:
            gold_file, shown = doc.gold, pred
            if lines is not None:
                gold_file, shown = clip(doc.gold, pred, body=doc.body, lines=lines)
            if gold_file.entities is not None or gold_file.dates is not None:
                parts.append(
                    "<h3>Text: entities and dates</h3>"
                    '<div class="legend">marks: <i style="border:2px dashed var(--missed)"></i>missed'
                    '<i style="border:2px solid var(--extra)"></i>extra'
                    '<i style="border:2px solid var(--differs)"></i>differs (tooltip: how)'
                    '<i style="background:#eee"></i>agree</div>'
                )
                parts.append(side_by_side(doc.body, gold_file, shown))
            if gold_file.claims is not None:
                table, counts = claims_table(
                    doc.model_copy(update={"gold": gold_file}), shown, symmetric=sym, words=words
                )
                claim_counts.update(counts)
                heading = f"Claims: {len(gold_file.claims)} in gold, {len(shown.claims)} predicted"
                parts.append(f'<h3 id="{_anchor(art.article)}-claims">{heading}</h3>{table}')
        elif doc is not None:
            parts.append('<p class="note">no body for this article: the text and claims cannot be shown</p>')
        parts.append(f"<details><summary>Figures and every error ({len(art.errors)})</summary>")
        parts.append(figures_table(art) + _errors_table(art.errors) + "</details>")
        sections.append(f"<section>{''.join(parts)}</section>")
    warnings = ""
    if report.warnings:
        items = "".join(f"<li>{html.escape(w)}</li>" for w in report.warnings)
        warnings = f"<details><summary>Warnings ({len(report.warnings)})</summary><ul>{items}</ul></details>"
    n = len(report.articles)
    summary = (
        f"<h1>{html.escape(title)}</h1>"
        f'<p class="note">{n} article{"s" if n != 1 else ""}, micro totals; every figure and error is also '
        "in --json.</p>"
        "<h2>Summary</h2>"
        + cards(report.total)
        + "<h3>Where the errors fall</h3>"
        + charts(report, claim_counts)
        + "<h3>Articles</h3>"
        + _overview(report)
        + f"<details><summary>All figures (micro total)</summary>{figures_table(report.total)}</details>"
        + warnings
    )
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{_CSS}</style></head>'
        f"<body><main>{summary}{''.join(sections)}</main></body></html>"
    )
