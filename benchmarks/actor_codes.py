"""How many matched claim arguments that denote an actor get a country, and a sample to check
by hand (SPEC section 4, revision 2: actor codes).

    python benchmarks/actor_codes.py PRED.jsonl --gold GOLD_DIR [--corpus DIR] [--sample 30] [--seed 0]

Claims are paired as the scorer pairs them (:func:`pipeline.scoring.score.align_claims`). An
argument of a matched pair "denotes an actor" when its gold value is the id of a gazetteer
entry that is a person, an organisation or a state (a GPE with codes), or when the prediction
got a sector (an agent noun: "soldiers", "protesters"). Printed: the share of those with a
country, the share with a sector, and, where gold has codes, their accuracy; then a seeded
random sample of coded arguments (article, role, text, id, codes, sentence) for a person to
judge. Use it on gold without codes (the real development set) to measure coverage.
"""

from __future__ import annotations

import argparse
import random
import sys

from pipeline.config import CONFIG_DIR, load_yaml_model
from pipeline.models import Gazetteer
from pipeline.scoring.gold import load_gold_documents, read_predictions, symmetric_predicates
from pipeline.scoring.score import Context, align_claims, fold

ACTOR_LABELS = ("PERSON", "ORG", "GPE")


def actor_ids() -> set[str]:
    """Folded ids of the gazetteer's coded people, organisations and states."""
    gazetteer = load_yaml_model(CONFIG_DIR / "gazetteer.yaml", Gazetteer)
    return {
        fold(e.id)
        for e in gazetteer.entries
        if e.label in ACTOR_LABELS and (e.country or e.sector or e.codes or e.roles)
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("pred")
    parser.add_argument("--gold", required=True)
    parser.add_argument("--corpus")
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    gold_docs, _ = load_gold_documents(args.gold, corpus=args.corpus)
    preds, _ = read_predictions(args.pred)
    actors = actor_ids()
    sym = symmetric_predicates()
    rows = []
    checked = {"country": [0, 0], "sector": [0, 0]}
    for aid, doc in sorted(gold_docs.items()):
        pred = preds.get(aid)
        if pred is None or not doc.gold.claims:
            continue
        ctx = Context(doc.body, doc.gold.sentences, pred.sentences)
        for g, _, claim in align_claims(doc.gold.claims, pred.claims, ctx, symmetric=sym).pairs:
            gold = doc.gold.claims[g]
            for role, want, codes in (("subject", gold.subject, gold.subject_codes),
                                      ("object", gold.object, gold.object_codes)):  # fmt: skip
                arg = getattr(claim, role)
                if arg is None or want is None:
                    continue
                if fold(want) not in actors and arg.sector is None:
                    continue
                sentence = ctx.sentence(arg.start, arg.end) if doc.body else ""
                rows.append((aid, role, arg, want, sentence))
                for name, value in zip(("country", "sector"), codes or (None, None), strict=True):
                    if value is not None:
                        checked[name][1] += 1
                        checked[name][0] += fold(getattr(arg, name)) == fold(value)
    n = len(rows)
    if not n:
        print("no matched actor argument")
        return 1
    with_country = sum(r[2].country is not None for r in rows)
    with_sector = sum(r[2].sector is not None for r in rows)
    print(f"matched actor arguments: {n}")
    print(f"  with a country: {with_country} ({with_country / n:.3f})")
    print(f"  with a sector:  {with_sector} ({with_sector / n:.3f})")
    for name, (ok, total) in checked.items():
        if total:
            print(f"  {name} accuracy against gold codes: {ok}/{total} ({ok / total:.3f})")
    coded = [r for r in rows if r[2].country is not None or r[2].sector is not None]
    sample = random.Random(args.seed).sample(coded, min(args.sample, len(coded)))
    print(f"\nsample of {len(sample)} coded arguments (seed {args.seed}):")
    for i, (aid, role, arg, want, sentence) in enumerate(sample, 1):
        print(f"{i:2}. {aid} {role} {arg.text!r} id={arg.id} -> [{arg.country}, {arg.sector}] (gold {want})")
        print(f"    {' '.join(sentence.split())[:200]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
