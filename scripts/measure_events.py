"""Measure the event grouping against the gold of event clusters (issue 15).

    .venv/bin/python scripts/measure_events.py                # gold/events/clusters.yaml, corpora/
    .venv/bin/python scripts/measure_events.py --predictions pred.jsonl   # saved extract output

Pairwise precision, recall and F1 (pairs of claims in one event, :mod:`pipeline.events.measure`):

- (a) grouping alone: the rule applied to the gold claims of ``gold/*.yaml`` (ids, dates,
  places, sources as annotated), the articles' ``published`` and ``source`` from ``corpora/``;
- (b) end to end: the rule applied to the pipeline's claims of ``corpora/`` (extracted now,
  or read from ``--predictions``, the JSON Lines ``extract`` writes), each predicted claim
  matched to a gold claim by the scorer standing for it.

Without ``gold/events/clusters.yaml`` it says so and lists the multi-claim events the rule
finds among the gold claims (what an annotator of the clusters would check first).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _ids(golds) -> set[str]:
    from pipeline.config import load_pipeline_config, load_yaml_model
    from pipeline.models import Gazetteer

    config, base = load_pipeline_config()
    gazetteer = load_yaml_model(base / config.gazetteer, Gazetteer)
    ids = {e.id for e in gazetteer.entries}
    ids |= {e.id for doc in golds.values() for e in doc.gold.entities or [] if e.id}
    return ids


def _line(name: str, figures) -> str:
    return (
        f"{name}: P {figures.precision:.3f} R {figures.recall:.3f} F1 {figures.f1:.3f} "
        f"(pairs: {figures.tp} right, {figures.fp} wrong, {figures.fn} missed)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "gold", help="gold claims folder")
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpora", help="the articles")
    parser.add_argument("--events", type=Path, default=None, help="clusters (default: GOLD/events/clusters.yaml)")
    parser.add_argument("--predictions", type=Path, default=None, help="extract output for the corpus")
    parser.add_argument("--json", type=Path, default=None, help="write the figures here")
    args = parser.parse_args(argv)

    from pipeline import api
    from pipeline.events import load_rules
    from pipeline.events.group import group
    from pipeline.events.measure import (
        gold_reports,
        load_event_gold,
        match_predictions,
        measure_gold,
        measure_predictions,
        resolve_clusters,
    )
    from pipeline.scoring.gold import Corpus, load_gold_documents, read_predictions, symmetric_predicates

    rules = load_rules()
    golds, _ = load_gold_documents(args.gold, corpus=args.corpus)
    corpus = Corpus(args.corpus)
    articles = {a: found for a in golds if (found := corpus.article(a)) is not None}
    reports = gold_reports(golds, articles, rules, ids=_ids(golds))
    n_claims = sum(len(d.gold.claims or []) for d in golds.values())
    found = [(e, m) for e, m in group(reports, rules) if len(m) > 1]
    print(f"{len(golds)} gold files, {n_claims} gold claims, {len(reports)} that report events")
    print(f"the rule groups the gold claims into {len(found)} events of 2 or more claims")

    events_path = args.events or args.gold / "events" / "clusters.yaml"
    if not events_path.is_file():
        for event, members in found:
            where = sorted({m.article for m in members})
            print(f"  {event.predicate} {event.subject and event.subject.text} -> {event.object and event.object.text}"
                  f" [{event.date}] {len(members)} claims in {', '.join(where)}")  # fmt: skip
        print(f"{events_path}: not found; (a) and (b) are not measured", file=sys.stderr)
        return 2
    clusters = resolve_clusters(load_event_gold(events_path), golds, path=str(events_path))
    print(f"{events_path}: {len(clusters)} clusters, {sum(len(c) for c in clusters)} claims")
    figures = {"grouping_on_gold": measure_gold(reports, clusters, rules)}
    print(_line("(a) grouping on the gold claims", figures["grouping_on_gold"]))

    if args.predictions is None:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "pred.jsonl"
            api.extract([args.corpus], output=out)
            preds, _ = read_predictions(out)
    else:
        preds, _ = read_predictions(args.predictions)
    matched = match_predictions(golds, preds, symmetric=symmetric_predicates())
    figures["end_to_end"] = measure_predictions(preds, matched, clusters, rules)
    print(_line("(b) end to end (predicted claims matched to gold)", figures["end_to_end"]))
    if args.json:
        args.json.write_text(json.dumps({k: v.model_dump() for k, v in figures.items()}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
