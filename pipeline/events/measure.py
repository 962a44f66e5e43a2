"""How well the grouping finds events: pairwise precision, recall and F1 against a gold
of event clusters (``gold/events/clusters.yaml``, :class:`~pipeline.models.EventGoldFile`).

A pair is two claims in one event. Precision: the predicted pairs that are gold pairs;
recall: the gold pairs that are predicted. Two measures:

- **grouping alone** (:func:`measure_gold`): the rule applied to the gold claims
  themselves (their ids, dates, places and sources as annotated), so that extraction
  errors do not count;
- **end to end** (:func:`measure_predictions`): the rule applied to the pipeline's claims;
  each predicted claim matched to a gold claim (the scorer's one-to-one matching,
  SPEC section 6) stands for it. A predicted pair counts when both its claims are
  matched; every gold pair counts, so a gold claim the pipeline missed costs recall.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from itertools import combinations
from pathlib import Path

from ..errors import Errors, GoldError
from ..models import (
    PRF,
    Article,
    DocumentResult,
    EventArg,
    EventGoldFile,
    EventPlace,
    GoldDocument,
)
from ..scoring.score import Context, align_claims, fold, prf
from .group import group
from .reports import REPORTED_MODALITIES, Report, event_key
from .rules import EventRules

Ref = tuple[str, int]
"""A gold claim: (article id, index in its gold file's claims)."""


def pairs(clusters: Iterable[Iterable[Hashable]]) -> set[frozenset]:
    """Every unordered pair of items that share a cluster."""
    out: set[frozenset] = set()
    for cluster in clusters:
        members = sorted(set(cluster), key=repr)
        out.update(frozenset(p) for p in combinations(members, 2))
    return out


def pairwise(predicted: Iterable[Iterable[Hashable]], gold: Iterable[Iterable[Hashable]]) -> PRF:
    """Pairwise precision, recall and F1 of ``predicted`` clusters against ``gold``."""
    p, g = pairs(predicted), pairs(gold)
    tp = len(p & g)
    return prf(tp, len(p) - tp, len(g) - tp)


# --------------------------------------------------------------------------- gold


def resolve_clusters(
    events: EventGoldFile, golds: Mapping[str, GoldDocument], *, path: str = "clusters.yaml"
) -> list[list[Ref]]:
    """The gold clusters as lists of gold claims. A named claim is every gold claim of its
    article with that evidence and predicate (and subject and object, when it gives them:
    "attacks on a school and the airport" names two claims, unless the object is given);
    one that names none is an error."""
    problems, out = [], []
    for cluster in events.clusters:
        refs: list[Ref] = []
        for named in cluster.claims:
            doc = golds.get(named.article)
            claims = (doc.gold.claims or []) if doc else []
            given = named.model_fields_set & {"subject", "object"}
            found = [
                (named.article, i)
                for i, c in enumerate(claims)
                if c.predicate == named.predicate
                and fold(c.evidence) == fold(named.evidence)
                and all(fold(getattr(c, side)) == fold(getattr(named, side)) for side in given)
            ]
            if not found:
                what = f"predicate {named.predicate} and evidence {named.evidence!r}"
                reason = f"no gold claim of '{named.article}' with {what}"
                problems.append(Errors.E111.format(path=path, cluster=cluster.id, reason=reason))
            refs += found
        out.append(refs)
    if problems:
        raise GoldError("\n".join(problems))
    return out


def _gold_arg(value: str | None, codes: tuple[str | None, str | None] | None, ids: frozenset[str]) -> EventArg | None:
    if value is None:
        return None
    country, sector = codes or (None, None)
    return EventArg(text=value, id=value if fold(value) in ids else None, country=country, sector=sector)


def gold_reports(
    golds: Mapping[str, GoldDocument], articles: Mapping[str, Article], rules: EventRules, *, ids: Iterable[str]
) -> list[Report]:
    """The gold claims as reports (``seq`` is the claim's index in its gold file): an
    argument that is an id of ``ids`` (the gazetteer's, the gold entities') is an id,
    else a text; a location is a place of unknown geography."""
    known = frozenset(fold(i) for i in ids)
    out = []
    for article_id in sorted(golds):
        doc = golds[article_id]
        meta = articles[article_id].meta if article_id in articles else None
        for seq, c in enumerate(doc.gold.claims or []):
            subject = _gold_arg(c.subject, c.subject_codes, known)
            obj = _gold_arg(c.object, c.object_codes, known)
            key = event_key(c.predicate, subject, obj, rules)
            if key is None or c.modality not in REPORTED_MODALITIES:
                continue
            start = doc.body.find(c.evidence) if doc.body else -1
            out.append(
                Report(
                    article=article_id, seq=seq, claim_id=f"{article_id}#{seq}", key=key,
                    predicate=c.predicate, subject=subject, object=obj, negated=c.negated,
                    modality=c.modality, date=c.date, published=meta.published if meta else None,
                    article_source=meta.source if meta else None, sources=tuple(c.source),
                    evidence=(start, start + len(c.evidence)),
                    location=EventPlace(text=c.location, id=c.location) if c.location else None,
                )
            )  # fmt: skip
    return out


def measure_gold(reports: Sequence[Report], gold_clusters: Sequence[Sequence[Ref]], rules: EventRules) -> PRF:
    """Pairwise figures of the rule applied to the gold claims themselves."""
    predicted = [[r.ref for r in members] for _, members in group(reports, rules)]
    return pairwise(predicted, gold_clusters)


# --------------------------------------------------------------------------- end to end


def match_predictions(
    golds: Mapping[str, GoldDocument], preds: Mapping[str, DocumentResult], *, symmetric: Iterable[str]
) -> dict[Ref, Ref]:
    """Each matched predicted claim, ``(article, index in its record's claims)``, and the
    gold claim it matches (the scorer's one-to-one matching)."""
    out: dict[Ref, Ref] = {}
    for article_id, doc in golds.items():
        pred = preds.get(article_id)
        if pred is None or not doc.gold.claims:
            continue
        ctx = Context(doc.body, doc.gold.sentences, pred.sentences)
        for g, p, _ in align_claims(doc.gold.claims, pred.claims, ctx, symmetric=symmetric).pairs:
            out[(article_id, p)] = (article_id, g)
    return out


def measure_predictions(
    preds: Mapping[str, DocumentResult],
    matched: Mapping[Ref, Ref],
    gold_clusters: Sequence[Sequence[Ref]],
    rules: EventRules,
) -> PRF:
    """Pairwise figures of the rule applied to the pipeline's claims, each matched
    prediction standing for its gold claim (unmatched ones leave the pairs)."""
    from .reports import reports_of

    reports = [r for article_id in sorted(preds) for r in reports_of(preds[article_id], rules)]
    predicted = [[matched[r.ref] for r in members if r.ref in matched] for _, members in group(reports, rules)]
    return pairwise(predicted, gold_clusters)


def load_event_gold(path: Path | str) -> EventGoldFile:
    """``gold/events/clusters.yaml``; :class:`GoldError` (E112) naming the file when it is invalid."""
    from ..config import load_yaml_model

    try:
        return load_yaml_model(path, EventGoldFile, error=GoldError)
    except GoldError as exc:
        raise GoldError(Errors.E112.format(path=path, reason=exc)) from exc
