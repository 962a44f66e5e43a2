"""One-to-one matching of gold and predicted items for the scorer.

:func:`match_pairs` takes a compatibility-and-preference function and returns a matching
with the most pairs possible and, among those, the largest total preference: a maximum
weight assignment (the Hungarian method, O(n^2 m)) on each connected component of the
compatibility graph, with every compatible pair weighted above any sum of preferences so
that cardinality comes first. Components are small in practice (the items of one sentence
or of overlapping spans), so no scipy is needed.
"""

from __future__ import annotations

from collections.abc import Callable


def _hungarian(cost: list[list[int]]) -> list[int]:
    """Column of each row in a minimum-cost assignment (rows <= columns), O(n^2 m)."""
    n, m = len(cost), len(cost[0])
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    owner, way = [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        owner[0], col = i, 0
        minv, used = [inf] * (m + 1), [False] * (m + 1)
        while True:
            used[col] = True
            row, delta, nxt = owner[col], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[row - 1][j - 1] - u[row] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, col
                    if minv[j] < delta:
                        delta, nxt = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            col = nxt
            if owner[col] == 0:
                break
        while col:
            prev = way[col]
            owner[col] = owner[prev]
            col = prev
    result = [-1] * n
    for j in range(1, m + 1):
        if owner[j]:
            result[owner[j] - 1] = j - 1
    return result


def _components(edges: dict[tuple[int, int], int]) -> list[tuple[list[int], list[int]]]:
    """Connected components of the bipartite graph, as (gold indices, predicted indices)."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for g, p in edges:
        parent[find(("g", g))] = find(("p", p))
    groups: dict[tuple[str, int], tuple[list[int], list[int]]] = {}
    for node in sorted(parent):
        side, index = node
        group = groups.setdefault(find(node), ([], []))
        (group[0] if side == "g" else group[1]).append(index)
    return list(groups.values())


def match_pairs(n_gold: int, n_pred: int, weight: Callable[[int, int], int | None]) -> list[tuple[int, int]]:
    """A one-to-one matching of gold and predicted items, as (gold, pred) index pairs.

    ``weight(g, p)`` is ``None`` when the two cannot match, else a non-negative preference.
    The matching has the most pairs possible and, among those, the largest total weight.
    """
    edges = {(g, p): w for g in range(n_gold) for p in range(n_pred) if (w := weight(g, p)) is not None}
    pairs: list[tuple[int, int]] = []
    for golds, preds in _components(edges):
        if len(golds) == 1 or len(preds) == 1:
            best = max((edges[(g, p)], -g, -p) for g in golds for p in preds if (g, p) in edges)
            pairs.append((-best[1], -best[2]))
            continue
        members = set(golds)
        big = (max(w for (g, _), w in edges.items() if g in members) + 1) * min(len(golds), len(preds)) + 1
        transpose = len(golds) > len(preds)
        rows, cols = (preds, golds) if transpose else (golds, preds)
        cost = []
        for r in rows:
            line = []
            for c in cols:
                w = edges.get((c, r) if transpose else (r, c))
                line.append(0 if w is None else -(big + w))
            cost.append(line)
        for r, c in enumerate(_hungarian(cost)):
            g, p = (cols[c], rows[r]) if transpose else (rows[r], cols[c])
            if c >= 0 and (g, p) in edges:
                pairs.append((g, p))
    return sorted(pairs)
