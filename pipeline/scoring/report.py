"""Scores for people: a plain-text table (:func:`format_report`) and a self-contained HTML
page (:func:`render_html`) with each article's text, gold and predicted spans side by side
(displaCy's span renderer, manual mode: no model needed), its claims and its errors."""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping

from ..models import PRF, Accuracy, ArticleScores, DocumentResult, GoldDocument, ScoreItem, ScoreReport
from .score import ATTRIBUTES, CODES, describe_claim

KIND_TAG = {"fp": "FP", "fn": "FN", "mismatch": "~~"}


# --------------------------------------------------------------------------- rows


def _num(value: float | None) -> str:
    return "    -" if value is None else f"{value:5.3f}"


def _prf_row(layer: str, measure: str, s: PRF) -> list[str]:
    return [layer, measure, _num(s.precision), _num(s.recall), _num(s.f1), str(s.tp), str(s.fp), str(s.fn)]


def _acc_row(layer: str, measure: str, a: Accuracy) -> list[str]:
    return [layer, measure, "", "", _num(a.accuracy), str(a.correct), "", str(a.total)]


def score_rows(scores: ArticleScores) -> list[list[str]]:
    """The figures of one article (or total) as rows: layer, measure, P, R, F1|acc, tp|correct,
    fp, fn|total."""
    rows: list[list[str]] = []
    if scores.entities:
        e = scores.entities
        rows += [_prf_row("entities", "strict", e.strict), _prf_row("entities", "overlap", e.overlap),
                 _acc_row("entities", "linking acc", e.linking)]  # fmt: skip
    if scores.dates:
        d = scores.dates
        rows += [_prf_row("dates", "strict", d.strict), _prf_row("dates", "relaxed", d.relaxed),
                 _acc_row("dates", "value acc", d.value), _acc_row("dates", "type acc", d.type),
                 _prf_row("dates", "value F1", d.value_f1)]  # fmt: skip
    if scores.claims:
        c = scores.claims
        rows += [_prf_row("claims", "core", c.core), _prf_row("claims", "strict", c.strict),
                 _prf_row("claims", "facts", c.facts)]  # fmt: skip
        rows += [_acc_row("claims", f"{n} acc", c.attributes[n]) for n in ATTRIBUTES]
        rows.append(["claims", "contradictions", "", "", "", str(c.contradictions), "", ""])
        # revision 2, only where gold annotates them: not part of strict
        extras = [("location acc", c.location)] + [(f"{code} acc", c.codes[code]) for code in CODES]
        rows += [_acc_row("claims", measure, acc) for measure, acc in extras if acc.total]
    if scores.sentences:
        rows.append(_prf_row("sentences", "boundary", scores.sentences.boundaries))
    return rows


HEADER = ["layer", "measure", "P", "R", "F1/acc", "tp/ok", "fp", "fn/n"]


def format_table(rows: Iterable[list[str]]) -> str:
    rows = [HEADER, *rows]
    widths = [max(len(r[i]) for r in rows) for i in range(len(HEADER))]
    lines = []
    for r in rows:
        cells = [c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


def format_item(item: ScoreItem, *, width: int = 110) -> str:
    """One error on one line (or two: the sentence, clipped, below)."""
    where = f"[{item.start}:{item.end}]" if item.start is not None else "[?]"
    head = f"  {KIND_TAG[item.kind]} {item.layer:<9} {where:<13} {_clip(item.text, 50)!r} {_clip(item.detail, width)}"
    if item.sentence and item.layer != "sentences":
        return head + "\n" + " " * 30 + "in: " + _clip(item.sentence, width)
    return head


def format_report(report: ScoreReport, *, max_errors: int = 8, title: str = "scores", warnings: bool = True) -> str:
    """The readable table: per article its figures and its first ``max_errors`` errors, then
    the micro total and (``warnings``) the run's warnings; the CLI prints those on stderr."""
    out = []
    for art in report.articles:
        out.append(f"== {art.article}")
        out.append(format_table(score_rows(art)))
        if art.contradictions:
            out.append(f"contradictions ({len(art.contradictions)}):")
            out += [format_item(i) for i in art.contradictions]
        if art.errors and max_errors:
            shown = art.errors[:max_errors]
            more = len(art.errors) - len(shown)
            out.append(f"errors ({len(art.errors)}" + (f", first {len(shown)}; all in --json/--html" if more else "")
                       + "):")  # fmt: skip
            out += [format_item(i) for i in shown]
        out.append("")
    n = len(report.articles)
    out.append(f"== {report.total.article} ({title}, micro over {n} article{'s' if n != 1 else ''})")
    out.append(format_table(score_rows(report.total)))
    if warnings and report.warnings:
        out.append("")
        out += [f"warning: {w}" for w in report.warnings]
    return "\n".join(out)


# --------------------------------------------------------------------------- HTML

_PALETTE = {"PERSON": "#aa9cfc", "ORG": "#7aecec", "GPE": "#feca74", "NORP": "#c887fb", "LOC": "#ff9561",
            "FAC": "#ddd", "DATE": "#bfe1d9", "TIME": "#bfe1d9", "DURATION": "#e4e7d2", "SET": "#e4e7d2"}  # fmt: skip

_CSS = """
body{font-family:sans-serif;margin:1.5em;max-width:1600px}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:2px 6px;font-size:.85em}
td.n{text-align:right}.side{display:grid;grid-template-columns:1fr 1fr;gap:1em}
.side>div{border:1px solid #ddd;padding:.5em;overflow-x:auto}.fp{color:#b00}.fn{color:#05a}.mismatch{color:#a60}
details{margin:.5em 0}summary{cursor:pointer;font-weight:bold}
"""


def _spans_html(nlp: object, text: str, spans: list[tuple[int, int, str]], colors: dict[str, str]) -> str:
    """Render ``text`` with character ``spans`` (start, end, label) through displaCy."""
    from spacy import displacy

    doc = nlp(text)  # type: ignore[operator]
    items = []
    for start, end, label in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            items.append({"start_token": span.start, "end_token": span.end, "label": label})
    data = {"text": text, "tokens": [t.text for t in doc], "spans": items}
    return displacy.render(data, style="span", manual=True, page=False, options={"colors": colors})


def _layer_spans(entities: Iterable, dates: Iterable) -> list[tuple[int, int, str]]:
    out = [(e.start, e.end, f"{e.label} {e.id or ''}".strip()) for e in entities]
    out += [(d.start, d.end, f"{d.type} {d.value}") for d in dates]
    return out


def _side_by_side(nlp: object, body: str, gold: list, pred: list) -> str:
    """Paragraph by paragraph: gold spans on the left, predicted spans on the right."""
    colors = {label: _PALETTE.get(label.split(" ")[0], "#ddd") for _, _, label in gold + pred}
    rows, offset = [], 0
    for para in body.split("\n"):
        lo, hi = offset, offset + len(para)
        offset = hi + 1
        if not para.strip():
            continue
        cells = []
        for spans in (gold, pred):
            inside = [(s - lo, e - lo, lab) for s, e, lab in spans if lo <= s and e <= hi]
            cells.append(f"<div>{_spans_html(nlp, para, inside, colors)}</div>")
        rows.append("".join(cells))
    head = "<div><b>gold</b></div><div><b>predicted</b></div>"
    return f'<div class="side">{head}{"".join(rows)}</div>'


def _figures_html(scores: ArticleScores) -> str:
    cells = "".join(f"<th>{h}</th>" for h in HEADER)
    body = "".join(
        "<tr>" + "".join(f'<td class="{"n" if i > 1 else ""}">{html.escape(c)}</td>' for i, c in enumerate(r)) + "</tr>"
        for r in score_rows(scores)
    )
    return f"<table><tr>{cells}</tr>{body}</table>"


def _items_html(items: list[ScoreItem]) -> str:
    rows = "".join(
        f'<tr class="{i.kind}"><td>{KIND_TAG[i.kind]}</td><td>{i.layer}</td><td>{i.start}:{i.end}</td>'
        f"<td>{html.escape(i.text)}</td><td>{html.escape(i.detail)}</td><td>{html.escape(i.sentence)}</td></tr>"
        for i in items
    )
    head = "<tr><th></th><th>layer</th><th>span</th><th>text</th><th>why</th><th>sentence</th></tr>"
    return f"<table>{head}{rows}</table>"


def _claims_html(doc: GoldDocument, pred: DocumentResult | None) -> str:
    gold = [html.escape(f"{describe_claim(c)}  «{c.evidence}»") for c in doc.gold.claims or []]
    mine = [html.escape(describe_claim(c)) for c in (pred.claims if pred else [])]
    left = "<br>".join(gold) or "(none)"
    right = "<br>".join(mine) or "(none)"
    return (
        f'<div class="side"><div><b>gold claims</b><br>{left}</div><div><b>predicted claims</b><br>{right}</div></div>'
    )


def render_html(
    report: ScoreReport,
    golds: Mapping[str, GoldDocument],
    preds: Mapping[str, DocumentResult],
    *,
    title: str = "sahel-claims scores",
) -> str:
    """A self-contained HTML page: the total, then per article its figures, text with gold and
    predicted spans side by side, claims, contradictions and every error."""
    import spacy

    nlp = spacy.blank("en")
    parts = [f"<h1>{html.escape(title)}</h1>", "<h2>Total (micro)</h2>", _figures_html(report.total)]
    if report.warnings:
        parts.append("<ul>" + "".join(f"<li>{html.escape(w)}</li>" for w in report.warnings) + "</ul>")
    for art in report.articles:
        doc, pred = golds.get(art.article), preds.get(art.article)
        parts.append(f"<h2>{html.escape(art.article)}</h2>{_figures_html(art)}")
        if art.contradictions:
            parts.append("<h3>Contradictions</h3>" + _items_html(art.contradictions))
        parts.append(f"<details open><summary>Errors ({len(art.errors)})</summary>{_items_html(art.errors)}</details>")
        if doc is not None and doc.body is not None:
            gold = _layer_spans(doc.gold.entities or [], doc.gold.dates or [])
            mine = _layer_spans(
                pred.entities if pred and doc.gold.entities is not None else [],
                pred.dates if pred and doc.gold.dates is not None else [],
            )
            parts.append(f"<details><summary>Text</summary>{_side_by_side(nlp, doc.body, gold, mine)}</details>")
        if doc is not None and doc.gold.claims is not None:
            parts.append(f"<details><summary>Claims</summary>{_claims_html(doc, pred)}</details>")
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{_CSS}</style></head><body>{''.join(parts)}</body></html>"
    )
