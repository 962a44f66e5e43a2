"""The layout of pipeline/: imports flow one way, folders stay small, the API calls down.

Read from the source with ``ast`` (nothing is imported): every ``import`` and ``from ...
import`` of a module, relative or absolute, at module level or inside a function, that
names a module of the package.
"""

from __future__ import annotations

import ast
from itertools import pairwise
from pathlib import Path

import pytest

PIPELINE = Path(__file__).resolve().parent.parent / "pipeline"
MAX_MODULES = 15
UPPER = ("pipeline.api", "pipeline.cli")


def module_name(path: Path) -> str:
    parts = path.relative_to(PIPELINE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PIPELINE.rglob("*.py"))}


def _module_of(name: str) -> str | None:
    """``name`` or the nearest module above it (``pipeline.x.f`` -> ``pipeline.x``)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def imports_of(name: str) -> dict[str, int]:
    """The package's modules that module ``name`` imports, each with its first line."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: dict[str, int] = {}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            # ``from . import mentions`` imports a module, ``from .kb import Target`` a name of one
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
        else:
            continue
        for target in targets:
            module = _module_of(target) if target.split(".")[0] == "pipeline" else None
            if module is not None and module != name:
                found[module] = min(found.get(module, node.lineno), node.lineno)
    return found


GRAPH = {name: imports_of(name) for name in MODULES}


def find_cycle(graph: dict[str, set[str]] | dict[str, dict[str, int]]) -> list[str] | None:
    """A cycle of ``graph`` as ``[a, b, ..., a]``, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state and (cycle := visit(nxt)) is not None:
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)) is not None:
            return cycle
    return None


def _shown(cycle: list[str]) -> str:
    """``a (line 3) -> b (line 20) -> a``: each module with the line of its import."""
    return " -> ".join(f"{a} (line {GRAPH[a][b]})" for a, b in pairwise(cycle)) + f" -> {cycle[-1]}"


def test_layout_reads_the_imports_of_every_module():
    # a module-level import, a relative one inside a function body, one of a module by name
    assert "pipeline.errors" in GRAPH["pipeline.io"]
    assert "pipeline.config" in GRAPH["pipeline.batch.local"]  # imported in run_local
    assert "pipeline.gazetteer.mentions" in GRAPH["pipeline.gazetteer.index"]  # from . import mentions
    assert "pipeline" in GRAPH["pipeline.claims.assembly"]  # from .. import __version__


def test_find_cycle_reports_the_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) is None


def test_no_import_cycle_between_modules():
    cycle = find_cycle(GRAPH)
    assert cycle is None, f"import cycle: {_shown(cycle)}"


def room(name: str) -> str:
    """The top-level module or folder of pipeline/ a module belongs to."""
    return ".".join(name.split(".")[:2])


def test_no_import_cycle_between_the_folders_and_top_level_modules():
    """Data flows one way between the rooms: ``pipeline.io`` below ``pipeline.batch``
    means nothing of ``io`` imports anything of ``batch``."""
    rooms: dict[str, set[str]] = {}
    for name, targets in GRAPH.items():
        rooms.setdefault(room(name), set()).update(room(t) for t in targets if room(t) != room(name))
    cycle = find_cycle(rooms)
    assert cycle is None, "import cycle between rooms: " + " -> ".join(cycle)


FOLDERS = sorted({str(p.parent.relative_to(PIPELINE.parent)) for p in MODULES.values()})


@pytest.mark.parametrize("folder", FOLDERS)
def test_no_folder_holds_more_than_15_modules(folder):
    modules = sorted(p.name for p in (PIPELINE.parent / folder).glob("*.py"))
    assert len(modules) <= MAX_MODULES, f"{folder}: {len(modules)} modules: {modules}"


def test_the_batch_machinery_never_imports_the_api_or_the_cli():
    """The API calls down into batch/, nothing of batch/ calls up, not even through
    another module: every chain of imports from a batch module is searched."""
    for start in (name for name in MODULES if name == "pipeline.batch" or name.startswith("pipeline.batch.")):
        chains = [[start]]
        seen = {start}
        while chains:
            chain = chains.pop()
            for target in GRAPH[chain[-1]]:
                assert target not in UPPER, f"{' -> '.join([*chain, target])}"
                if target not in seen:
                    seen.add(target)
                    chains.append([*chain, target])
