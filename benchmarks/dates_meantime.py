"""Benchmark of the dates stage on MEANTIME (120 English Wikinews articles, 488 TIMEX3).

    .venv/bin/python benchmarks/dates_meantime.py [--data ../shared/data/meantime] [--errors]

Runs the full pipeline over ``corpora/*.txt`` and scores its dates against
``gold/*.yaml`` (SPEC section 6, TempEval-3 style): strict and relaxed extraction F1,
value accuracy over relaxed matches, and value F1; overall and per expression class.
Also scores the repository's own gold articles (``gold/<id>.yaml`` with a ``dates``
layer, body in ``corpora/<id>.txt``). The data stays in ``../shared`` (never copied into the repository); without it the
script says so and exits 0.

MEANTIME annotates the title, the dateline and the first four sentences of each article
(lines 0-5 of the rebuilt body), so predictions after that are not scored.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import api  # noqa: E402
from pipeline.dates.lexicon import MONTHS, WEEKDAYS  # noqa: E402
from pipeline.io import read_article  # noqa: E402
from pipeline.models import DateExpr, GoldDate  # noqa: E402
from pipeline.scoring.score import Context, line_limit, score_dates  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "meantime"
SEED_CORPUS = ROOT / "corpora"
SEED_GOLD = ROOT / "gold"
ANNOTATED_LINES = 6
CLASSES = ("weekday", "day of month", "month", "year", "decade", "duration", "vague/ref", "other")
REFS = {"PAST_REF", "PRESENT_REF", "FUTURE_REF"}


def expression_class(text: str, type_: str, value: str | None) -> str:
    """The class of an expression, from its text, type and value (gold or predicted alike)."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    value = str(value or "")
    if type_ in {"DURATION", "SET"}:
        return "duration"
    if value in REFS:
        return "vague/ref"
    if words & set(WEEKDAYS):
        return "weekday"
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value) and (words & set(MONTHS) or re.search(r"\d(st|nd|rd|th)\b", text)):
        return "day of month"
    if re.fullmatch(r"\d{4}-\d\d", value):
        return "month"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    if re.fullmatch(r"\d{3}X?", value):
        return "decade"
    return "other"


def read_gold(path: Path) -> tuple[str, list[GoldDate]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return str(data["article"]), [GoldDate.model_validate(d) for d in data.get("dates") or []]


Triple = tuple[str, list[GoldDate], list[DateExpr]]  # body, gold, predicted


def tally(pairs: list[Triple]) -> tuple[dict[str, int], list]:
    """Summed counts over articles (``strict.tp``, ``value_f1.fn``, ``value.correct``...)
    and the scorer's error items."""
    totals: dict[str, int] = defaultdict(int)
    errors = []
    for body, gold, pred in pairs:
        scores, items = score_dates(gold, pred, Context(body, None, []))
        errors.extend(items)
        for name in ("strict", "relaxed", "value_f1"):
            prf = getattr(scores, name)
            for part in ("tp", "fp", "fn"):
                totals[f"{name}.{part}"] += getattr(prf, part)
        totals["value.correct"] += scores.value.correct
        totals["value.total"] += scores.value.total
        totals["gold"] += len(gold)
    return totals, errors


def f1(totals: dict[str, int], name: str) -> float:
    tp, fp, fn = totals[f"{name}.tp"], totals[f"{name}.fp"], totals[f"{name}.fn"]
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _print_row(label: str, t: dict[str, int]) -> None:
    acc = t["value.correct"] / t["value.total"] if t["value.total"] else 0.0
    print(
        f"{label:16} gold {t['gold']:4}  strict F1 {f1(t, 'strict'):.3f}  relaxed F1 {f1(t, 'relaxed'):.3f}  "
        f"value acc {acc:.3f}  value F1 {f1(t, 'value_f1'):.3f}"
    )


def score_corpus(pairs: list[Triple], show_errors: bool) -> None:
    """Print overall and per-class figures (each class scored on its own gold and predictions)."""
    totals, errors = tally(pairs)
    _print_row("overall", totals)
    for cls in CLASSES:
        subset = [
            (
                body,
                [d for d in gold if expression_class(d.text, d.type, d.value) == cls],
                [d for d in pred if expression_class(d.text, d.type, d.value) == cls],
            )
            for body, gold, pred in pairs
        ]
        _print_row(f"  {cls}", tally(subset)[0])
    if show_errors:
        for item in errors:
            print(f"    {item.kind:8} {item.text!r:32} {item.detail}  || {item.sentence[:110]!r}")


def meantime_pairs(data: Path) -> list[Triple]:
    """Run the pipeline over MEANTIME; predictions limited to the annotated region."""
    gold_by_id = dict(read_gold(p) for p in sorted((data / "gold").glob("*.yaml")))
    pairs = []
    for result in api.iter_extract([data / "corpora"]):
        gold = gold_by_id.get(result.article.id)
        if gold is None:
            continue
        body = read_article(data / "corpora" / f"{result.article.id}.txt").text
        limit = line_limit(body, ANNOTATED_LINES)
        pairs.append((body, gold, [d for d in result.dates if d.start < limit]))
    return pairs


def run_meantime(data: Path, show_errors: bool) -> None:
    pairs = meantime_pairs(data)
    print(f"MEANTIME ({len(pairs)} articles, annotated region only)")
    score_corpus(pairs, show_errors)


def run_seed(show_errors: bool) -> None:
    """Score the repository's own gold articles (gold/<id>.yaml with a ``dates`` layer)."""
    pairs = []
    for gold_path in sorted(SEED_GOLD.glob("*.yaml")):
        data = yaml.safe_load(gold_path.read_text(encoding="utf-8")) or {}
        article = SEED_CORPUS / f"{data.get('article', gold_path.stem)}.txt"
        if data.get("dates") is None or not article.is_file():
            continue
        gold = [GoldDate.model_validate(d) for d in data["dates"]]
        (result,) = list(api.iter_extract([article]))
        body = read_article(article).text
        pairs.append((body, gold, result.dates))
    if not pairs:
        print("seed: no gold/*.yaml with a dates layer yet")
        return
    print(f"seed gold ({len(pairs)} article(s))")
    score_corpus(pairs, show_errors)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="MEANTIME folder (corpora/, gold/)")
    parser.add_argument("--errors", action="store_true", help="list false positives, negatives and mismatches")
    args = parser.parse_args(argv)
    if not (args.data / "gold").is_dir():
        print(f"MEANTIME not found at {args.data} (it lives in ../shared, outside the repository): skipped")
    else:
        run_meantime(args.data, args.errors)
    run_seed(args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
