"""The scorer's inputs: gold files (SPEC section 5), the bodies they annotate, predictions.

Loading a gold file validates it twice: against :class:`pipeline.models.GoldFile` (unknown
fields, wrong types) and against its article's body (every ``text`` equals
``body[start:end]``, every claim ``evidence`` occurs exactly once, every predicate is in
the vocabulary, every sentence end lies within the body). Each problem is one message naming
the file, the line and the entry; :func:`load_gold_documents` raises them all at once as a
:class:`GoldError`, :func:`gold_problems` returns them.

Bodies come from a corpus folder of article files (SPEC section 1, read with
:mod:`pipeline.io`): ``<corpus>/<article-id>.txt`` first, otherwise any article in the
folder whose front matter carries that id. The default corpus is the ``corpora/`` folder next
to the gold folder. Without a body, offsets are checked against nothing (a warning says so);
claims cannot be located then, so a gold file with claims and no body is an error.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ..config import load_pipeline_config, load_yaml_model, node_at, parse_yaml_model
from ..errors import Errors, GoldError, InputError, Warnings
from ..io import iter_articles, json_problem, read_article
from ..models import Article, DocumentResult, GoldDocument, GoldFile, PredicatesConfig, PredicateSpec

# --------------------------------------------------------------------------- vocabulary


def _predicate_specs(path: Path | str | None) -> list[PredicateSpec]:
    if path is None:
        config, base = load_pipeline_config()
        path = base / config.predicates
    return load_yaml_model(Path(path), PredicatesConfig).predicates


def predicate_vocabulary(path: Path | str | None = None) -> frozenset[str]:
    """The predicate names of the predicates config (default: the one configs/pipeline.yaml
    names), validated by :class:`PredicatesConfig`. A config that cannot be read is an
    error (:class:`ConfigError`), never a silent fallback."""
    return frozenset(spec.name for spec in _predicate_specs(path))


def symmetric_predicates(path: Path | str | None = None) -> frozenset[str]:
    """The predicates of the same config flagged ``symmetric`` (SPEC section 6, revision 2:
    their two arguments compare unordered, a claim and its mirror count once)."""
    return frozenset(spec.name for spec in _predicate_specs(path) if spec.symmetric)


def trigger_words(path: Path | str | None = None) -> dict[str, tuple[str, ...]]:
    """Each predicate's trigger words (verbs, event nouns, the first word of its phrases)
    in the same config: what the HTML report looks for to mark a claim's trigger."""
    out: dict[str, tuple[str, ...]] = {}
    for spec in _predicate_specs(path):
        firsts = [w for phrase in spec.phrases for w in phrase.split()[0].split("|")]
        out[spec.name] = tuple(dict.fromkeys([*spec.verbs, *spec.nouns, *firsts]))
    return out


# --------------------------------------------------------------------------- bodies


def default_corpus(gold_path: Path | str) -> Path:
    """``corpora/`` next to the gold folder (or next to the folder of one gold file)."""
    gold_path = Path(gold_path)
    is_file = gold_path.is_file() or gold_path.suffix in (".yaml", ".yml")
    folder = gold_path.parent if is_file else gold_path
    return folder.parent / "corpora"


class Corpus:
    """Article bodies by id, read lazily from a folder of SPEC section 1 files."""

    def __init__(self, folder: Path | str | None) -> None:
        self.folder = Path(folder) if folder else None
        self._index: dict[str, Article] | None = None

    def _scan(self) -> dict[str, Article]:
        if self._index is None:
            self._index = {}
            if self.folder is not None and self.folder.is_dir():
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    for item in iter_articles([self.folder]):
                        if isinstance(item, Article):
                            self._index.setdefault(item.meta.id, item)
        return self._index

    def article(self, article_id: str) -> Article | None:
        """The article with ``article_id``, or ``None`` when the folder has none."""
        if self.folder is None:
            return None
        direct = self.folder / f"{article_id}.txt"
        if direct.is_file():
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    found = read_article(direct)
                if found.meta.id == article_id:
                    return found
            except InputError:
                pass
        return self._scan().get(article_id)

    def body(self, article_id: str) -> str | None:
        found = self.article(article_id)
        return found.text if found else None


# --------------------------------------------------------------------------- validation


def evidence_span(body: str, evidence: str) -> tuple[int, int] | None:
    """Offsets of the first occurrence of ``evidence`` in ``body`` (``None`` if absent)."""
    start = body.find(evidence) if evidence else -1
    return (start, start + len(evidence)) if start >= 0 else None


def occurrences(body: str, text: str) -> int:
    """How many times ``text`` occurs in ``body``, overlapping occurrences included."""
    count, at = 0, body.find(text) if text else -1
    while at >= 0:
        count += 1
        at = body.find(text, at + 1)
    return count


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def _line(root: yaml.Node | None, *loc: Any) -> int:
    node = node_at(root, loc)
    return node.start_mark.line + 1 if node is not None else 1


def _span_problems(
    path: str, root: yaml.Node | None, layer: str, entries: list[Any], body: str | None
) -> Iterator[str]:
    for i, entry in enumerate(entries):
        name = f"{layer}[{i}] ({entry.text!r} [{entry.start}:{entry.end}])"
        line = _line(root, layer, i)
        limit = len(body) if body is not None else None
        if entry.start < 0 or entry.end < entry.start or (limit is not None and entry.end > limit):
            yield Errors.E044.format(path=path, line=line, entry=name, start=entry.start, end=entry.end, length=limit)
        elif body is not None and body[entry.start : entry.end] != entry.text:
            yield Errors.E041.format(
                path=path, line=line, entry=name, text=entry.text, start=entry.start, end=entry.end,
                actual=_short(body[entry.start : entry.end]),
            )  # fmt: skip


def gold_problems(
    gold: GoldFile,
    body: str | None,
    *,
    path: Path | str = "<gold>",
    text: str = "",
    vocabulary: Iterable[str] | None = None,
) -> list[str]:
    """Every problem of a parsed gold file against its article's ``body`` (SPEC section 5).

    ``text`` is the file's YAML, used to give each problem its line; with ``body`` ``None``
    only the checks that need no body are made.
    """
    path = str(path)
    vocab = frozenset(vocabulary) if vocabulary is not None else predicate_vocabulary()
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader) if text else None
    except yaml.YAMLError:
        root = None
    problems: list[str] = []
    for i, end in enumerate(gold.sentences or []):
        if end <= 0 or (body is not None and end > len(body)):
            problems.append(
                Errors.E044.format(
                    path=path, line=_line(root, "sentences", i), entry=f"sentences[{i}]", start=end,
                    end=end, length=len(body) if body is not None else None,
                )
            )  # fmt: skip
    problems.extend(_span_problems(path, root, "entities", gold.entities or [], body))
    problems.extend(_span_problems(path, root, "dates", gold.dates or [], body))
    for i, claim in enumerate(gold.claims or []):
        name = f"claims[{i}] ({_short(claim.evidence)!r})"
        if claim.predicate not in vocab:
            line = _line(root, "claims", i, "predicate")
            problems.append(Errors.E043.format(path=path, line=line, entry=name, predicate=claim.predicate))
        if body is not None:
            count = occurrences(body, claim.evidence)
            if count != 1:
                line = _line(root, "claims", i, "evidence")
                problems.append(
                    Errors.E042.format(path=path, line=line, entry=name, evidence=_short(claim.evidence), count=count)
                )
    return problems


def parse_gold(text: str, *, path: Path | str = "<gold>") -> GoldFile:
    """Validate a gold file's YAML ``text`` as :class:`GoldFile` (GoldError naming line and field)."""
    return parse_yaml_model(text, GoldFile, path=path, error=GoldError)


def check_gold_file(
    path: Path | str, corpus: Corpus, *, vocabulary: Iterable[str] | None = None
) -> tuple[GoldDocument | None, list[str], list[str]]:
    """Load and validate one gold file: (the document or ``None``, problems, warnings)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Errors.E022.format(path=path, reason=exc)], []
    try:
        gold = parse_gold(text, path=path)
    except GoldError as exc:
        return None, str(exc).splitlines(), []
    notes: list[str] = []
    if path.stem != gold.article:
        notes.append(Warnings.W042.format(path=path, article=gold.article))
    article = corpus.article(gold.article)
    body = article.text if article else None
    published = article.meta.published.isoformat() if article and article.meta.published else None
    if article is not None and gold.published and published and gold.published != published:
        notes.append(Warnings.W046.format(path=path, gold=gold.published, article=published))
    if body is None:
        if gold.claims:
            return None, [Errors.E045.format(path=path, article=gold.article, corpus=corpus.folder)], notes
        notes.append(Warnings.W043.format(path=path, article=gold.article))
    problems = gold_problems(gold, body, path=path, text=text, vocabulary=vocabulary)
    return GoldDocument(path=str(path), gold=gold, body=body), problems, notes


def gold_paths(target: Path | str) -> list[Path]:
    """The gold files of ``target``: the ``*.yaml`` files of a folder, or one file."""
    target = Path(target)
    if target.is_dir():
        return sorted(p for p in target.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    if target.is_file():
        return [target]
    raise GoldError(Errors.E010.format(path=target))


def check_gold(
    target: Path | str, *, corpus: Path | str | None = None, vocabulary: Iterable[str] | None = None
) -> tuple[dict[str, GoldDocument], list[str], list[str]]:
    """Every gold file of ``target`` validated: (documents by article id, problems, warnings).

    Nothing is raised for a bad file: its problems are collected and the rest go on.
    """
    paths = gold_paths(target)
    if not paths:
        return {}, [Errors.E047.format(path=target)], []
    index = Corpus(corpus if corpus is not None else default_corpus(target))
    vocab = frozenset(vocabulary) if vocabulary is not None else predicate_vocabulary()
    docs: dict[str, GoldDocument] = {}
    problems: list[str] = []
    notes: list[str] = []
    for path in paths:
        doc, file_problems, file_notes = check_gold_file(path, index, vocabulary=vocab)
        problems.extend(file_problems)
        notes.extend(file_notes)
        if doc is None or file_problems:
            continue
        first = docs.get(doc.gold.article)
        if first is not None:
            problems.append(Errors.E046.format(path=path, article=doc.gold.article, first=first.path))
            continue
        docs[doc.gold.article] = doc
    return docs, problems, notes


def load_gold_documents(
    target: Path | str, *, corpus: Path | str | None = None, vocabulary: Iterable[str] | None = None
) -> tuple[dict[str, GoldDocument], list[str]]:
    """Validated gold documents by article id, and warnings; :class:`GoldError` listing every
    problem when any file fails validation (never a silent zero)."""
    docs, problems, notes = check_gold(target, corpus=corpus, vocabulary=vocabulary)
    if problems:
        raise GoldError("\n".join(problems))
    return docs, notes


# --------------------------------------------------------------------------- predictions


def read_predictions(path: Path | str) -> tuple[dict[str, DocumentResult], list[str]]:
    """Output records (SPEC section 4) of a JSON Lines file by article id, and warnings.

    A line that is not a valid record is reported and skipped (its article then counts as
    having no predictions); a second record for an article is ignored.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(Errors.E010.format(path=path))
    out: dict[str, DocumentResult] = {}
    notes: list[str] = []
    with path.open(encoding="utf-8", errors="replace") as handle:
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = DocumentResult.model_validate(json.loads(line))
            except (json.JSONDecodeError, RecursionError) as exc:
                notes.append(Errors.E048.format(path=path, line=lineno, reason=json_problem(exc)))
                continue
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first["loc"])
                notes.append(Errors.E048.format(path=path, line=lineno, reason=f"{where}: {first['msg']}"))
                continue
            if record.article.id in out:
                notes.append(Warnings.W044.format(path=path, line=lineno, article=record.article.id))
                continue
            out[record.article.id] = record
    return out, notes
