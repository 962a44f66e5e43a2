"""The built pipeline, saved once and loaded at later start-ups.

:func:`pipeline.batch.load.build_pipeline` reads and validates the YAML knowledge files and
compiles their matchers on top of loading the model. :func:`load_or_build` saves what it
built (``nlp.to_disk``) in a folder named by a hash of everything the build read, and
later start-ups load that folder (``spacy.load``): no YAML, no validation of YAML, and
each component's ``from_disk`` rebuilds its tables from the JSON it saved. Output is the
same either way (tests/test_load.py, tests/test_cache.py).

The key (:func:`pipeline_key`) hashes the sahel-claims and spaCy versions, the source of
the ``pipeline`` package, the model's ``meta.json`` and where it is installed, and the
path and bytes of the pipeline config and of the knowledge files it names: any change to
one of them is a new folder, built once. Where: ``$SAHEL_CACHE_DIR``, else
``$XDG_CACHE_HOME/sahel-claims``, else ``~/.cache/sahel-claims``;
``SAHEL_CACHE_DIR=off`` turns the cache off.

Concurrent start-ups are safe: an entry is written to a temporary folder next to it and
renamed into place, so a reader sees a whole entry or none; two processes that build at
once both build, and the first rename wins. The :data:`KEEP` entries used last are kept,
older ones removed. A cache is never needed: when the folder cannot be written or an entry
cannot be loaded, the pipeline is built as without one (warning W020 for an entry that
fails to load; it is then replaced).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import spacy
from spacy.language import Language

from .. import __version__
from ..config import DEFAULT_PIPELINE_CONFIG, load_pipeline_config
from ..errors import Warnings, warn

CACHE_ENV = "SAHEL_CACHE_DIR"
OFF = "off"
KEEP = 4  # entries kept, the ones used last
STALE_TEMP_SECONDS = 3600  # a temporary folder this old is a writer that died
ENTRY_NAME = re.compile(r"^[0-9a-f]{32}$")  # only these (and their temporary folders) are ever removed
TEMP_NAME = re.compile(r"^\.[0-9a-f]{32}\.")


def cache_dir() -> Path | None:
    """The cache folder, ``None`` when turned off (``SAHEL_CACHE_DIR=off``) or when there
    is no home folder to put it in."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return None if configured.lower() == OFF else Path(configured).expanduser()
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = Path.home() / ".cache"
        except RuntimeError:  # no home folder: no cache
            return None
    return Path(base) / "sahel-claims"


def _source_digest() -> bytes:
    """A hash of the ``pipeline`` package's Python files (path and bytes)."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        for name in sorted(f for f in files if f.endswith(".py")):
            path = Path(folder, name)
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.digest()


def _model_files(model: str) -> list[Path] | None:
    """The ``meta.json`` that identifies ``model``, an installed package or else a folder
    (the order ``spacy.load`` tries them in); ``None`` when it is neither (the build then
    reports it)."""
    try:
        spec = importlib.util.find_spec(model)
    except (ImportError, ValueError):
        spec = None
    if spec is not None and spec.origin is not None:
        folder = Path(spec.origin).parent
    elif Path(model).is_dir():
        folder = Path(model)
    else:
        return None
    meta = folder.resolve() / "meta.json"
    return [meta] if meta.is_file() else None


def pipeline_key(config: Path | str | None = None) -> str | None:
    """The cache key of the pipeline ``config`` builds (see the module docstring);
    ``None`` when its model is not installed."""
    settings, base = load_pipeline_config(config)
    model_files = _model_files(settings.model)
    if model_files is None:
        return None
    config_path = Path(config) if config else DEFAULT_PIPELINE_CONFIG
    # every knowledge file of the config folder: those pipeline.yaml names, and those they
    # name in turn (predicates.yaml's breadth)
    knowledge = {
        base / settings.gazetteer,
        base / settings.predicates,
        base / settings.actor_codes,
        base / settings.places,
        *base.glob("*.yaml"),
    }
    files = [config_path.resolve(), *sorted(knowledge - {config_path.resolve()}), *model_files]
    digest = hashlib.sha256(f"sahel-claims {__version__}\0spacy {spacy.__version__}\0".encode())
    digest.update(_source_digest())
    for path in files:
        digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def load_or_build(config: Path | str | None, build: Callable[[], Language]) -> Language:
    """The pipeline of ``config``: loaded from its cache entry when there is one, else
    ``build()`` and saved for the next start-up."""
    root = cache_dir()
    try:
        key = pipeline_key(config) if root is not None else None
    except OSError:  # a knowledge file that cannot be read: the build reports it
        key = None
    if root is None or key is None:
        return build()
    entry = root / key
    if entry.is_dir():
        try:
            nlp = _load(entry)
        except Exception as exc:  # noqa: BLE001 - a broken entry is rebuilt, never fatal
            warn(Warnings.W020.format(path=entry, reason=f"{type(exc).__name__}: {exc}"))
            shutil.rmtree(entry, ignore_errors=True)
        else:
            return nlp
    nlp = build()
    _save(nlp, root, entry)
    return nlp


def _load(entry: Path) -> Language:
    nlp = spacy.load(entry)
    try:
        os.utime(entry)  # used now: kept by _prune
    except OSError:
        pass
    return nlp


def _save(nlp: Language, root: Path, entry: Path) -> None:
    """Write ``nlp`` to ``entry`` through a temporary folder renamed into place; any
    failure leaves the cache as it was."""
    try:
        root.mkdir(parents=True, exist_ok=True)
        temp = Path(tempfile.mkdtemp(prefix=f".{entry.name}.", dir=root))
    except OSError:
        return
    try:
        nlp.to_disk(temp)
        os.rename(temp, entry)
    except OSError:  # another process renamed its entry first, or the disk is full
        shutil.rmtree(temp, ignore_errors=True)
        return
    _prune(root)


def _prune(root: Path) -> None:
    """Remove all but the :data:`KEEP` entries used last, and temporary folders left by
    writers that died; nothing else in ``root`` is touched."""
    now = time.time()
    entries: list[tuple[float, Path]] = []
    for path in root.iterdir():
        is_entry, is_temp = ENTRY_NAME.match(path.name), TEMP_NAME.match(path.name)
        if not (is_entry or is_temp) or not path.is_dir():
            continue
        try:
            mtime = path.stat().st_mtime
        except OSError:
            continue
        if is_entry:
            entries.append((mtime, path))
        elif now - mtime > STALE_TEMP_SECONDS:
            shutil.rmtree(path, ignore_errors=True)
    for _, path in sorted(entries, reverse=True)[KEEP:]:
        shutil.rmtree(path, ignore_errors=True)
