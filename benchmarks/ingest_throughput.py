"""Throughput of ``ingest`` into PostgreSQL: the local engine and the Ray engine.

    SAHEL_TEST_POSTGRES_URL=postgresql://... .venv/bin/python benchmarks/ingest_throughput.py --docs 300

Texts: as ``benchmarks/throughput.py`` (corpora/*.txt and the MEANTIME bodies, repeated to
``--docs`` articles with unique ids), written as ``--shards`` JSONL shards. Each
configuration runs in its own subprocess, into a new schema of the PostgreSQL at
``--store`` (default ``$SAHEL_TEST_POSTGRES_URL``), dropped afterwards:

- ``local``: ``api.ingest(shards, workers=N)`` (N extraction processes, the store written
  in the main process);
- ``ray``: ``ray.init(num_cpus=--cpus)`` (timed apart), then ``api.ingest(shards,
  engine="ray", workers=N)`` (N actors, each extracting and writing);
- ``writes``: the single-writer ceiling: the records are extracted first (not timed),
  then written one transaction each from one connection, as a driver that wrote for
  the whole cluster would.

Each ingest is timed from the call to its return, pipeline loads and actor start-up
inside (as users see them); ``again`` is a second run over the same shards, all of them
unchanged. ``--rounds R`` runs each configuration R times (in turn) and keeps its fastest
run, which helps on a shared machine. Not run by the test suite (the Ray extra and a PostgreSQL server are needed).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def write_shards(folder: Path, docs: int, shards: int) -> None:
    from throughput import write_batch

    whole = folder / "all.jsonl"
    write_batch(whole, docs)
    lines = whole.read_text("utf-8").splitlines(keepends=True)
    whole.unlink()
    size = -(-len(lines) // shards)
    for i in range(shards):
        (folder / f"shard-{i:03d}.jsonl").write_text("".join(lines[i * size : (i + 1) * size]), "utf-8")


def schema_url(base: str, schema: str) -> str:
    return f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"


def child(kind: str, shards: Path, url: str, workers: int, cpus: int) -> dict:
    from pipeline import api

    out: dict = {}
    if kind == "ray":
        import ray

        start = time.perf_counter()
        ray.init(num_cpus=cpus, include_dashboard=False, log_to_driver=False)
        out["ray_init"] = time.perf_counter() - start
    if kind == "writes":
        from pipeline.io import iter_articles
        from pipeline.stores import open_store
        from pipeline.stores.write import write_article

        articles = [a for a in iter_articles(sorted(shards.glob("*.jsonl"))) if not isinstance(a, Exception)]
        results = list(api.process_articles(articles, nlp=api.load_pipeline()))
        with open_store(url) as store:
            start = time.perf_counter()
            for article, result in zip(articles, results, strict=True):
                assert write_article(store, article, result) is None
            out["seconds"] = time.perf_counter() - start
        out["articles"] = len(articles)
        return out
    engine = "ray" if kind == "ray" else "local"
    for run in ("seconds", "again"):
        start = time.perf_counter()
        summary = api.ingest([shards], store=url, engine=engine, workers=workers)
        out[run] = time.perf_counter() - start
        out.setdefault("articles", summary.processed)
        assert summary.skipped == 0, summary.errors
    return out


def run(kind: str, shards: Path, base: str, workers: int, cpus: int) -> dict:
    import sqlalchemy as sa

    from pipeline.stores import engine_url

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    engine = sa.create_engine(engine_url(base))
    with engine.begin() as conn:
        conn.execute(sa.schema.CreateSchema(schema))
    try:
        args = [kind, str(shards), schema_url(base, schema), str(workers), str(cpus)]
        done = subprocess.run(
            [sys.executable, __file__, "--child", *args], capture_output=True, text=True, env=os.environ.copy()
        )
        if done.returncode != 0:
            raise SystemExit(f"{kind} failed:\n{done.stderr[-3000:]}")
        return json.loads(done.stdout.strip().splitlines()[-1])
    finally:
        with engine.begin() as conn:
            conn.execute(sa.schema.DropSchema(schema, cascade=True))
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--shards", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2, help="extraction processes / Ray actors")
    parser.add_argument("--cpus", type=int, default=2, help="ray.init(num_cpus=)")
    parser.add_argument("--store", default=os.environ.get("SAHEL_TEST_POSTGRES_URL"), help="PostgreSQL URL")
    parser.add_argument("--only", nargs="*", default=["writes", "local1", "local", "ray"])
    parser.add_argument("--rounds", type=int, default=1, help="run each configuration this often, keep the best")
    parser.add_argument("--child", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, shards, url, workers, cpus = args.child
        print(json.dumps(child(kind, Path(shards), url, int(workers), int(cpus))))
        return
    if not args.store:
        raise SystemExit("a PostgreSQL URL is needed: --store or $SAHEL_TEST_POSTGRES_URL")
    with tempfile.TemporaryDirectory() as tmp:
        shards = Path(tmp)
        write_shards(shards, args.docs, args.shards)
        print(f"{args.docs} articles in {args.shards} shards, {os.cpu_count()} CPUs on this machine")
        print(f"{'configuration':<28} {'articles':>8} {'seconds':>8} {'art/s':>7} {'again s':>8}")
        for kind in args.only:
            workers = 1 if kind == "local1" else args.workers
            engine = "local" if kind == "local1" else kind
            runs = [run(engine, shards, args.store, workers, args.cpus) for _ in range(args.rounds)]
            found = min(runs, key=lambda r: r["seconds"])
            name = {
                "writes": "writes only, 1 connection",
                "local1": "local, 1 process",
                "local": f"local, {workers} workers",
                "ray": f"ray, {workers} actors",
            }[kind]
            again = f"{found['again']:8.1f}" if "again" in found else ""
            rate = found["articles"] / found["seconds"]
            note = f"  (ray.init {found['ray_init']:.1f} s)" if "ray_init" in found else ""
            print(f"{name:<28} {found['articles']:>8} {found['seconds']:8.1f} {rate:7.1f} {again}{note}", flush=True)


if __name__ == "__main__":
    main()
