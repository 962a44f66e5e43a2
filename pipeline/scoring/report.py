"""Scores for people: the plain-text table (:func:`format_report`). The HTML page is
:mod:`pipeline.scoring.html`."""

from __future__ import annotations

from collections.abc import Iterable

from ..models import PRF, Accuracy, ArticleScores, ScoreItem, ScoreReport
from .score import ATTRIBUTES, CODES

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
