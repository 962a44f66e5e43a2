"""pipeline.errors: every message coded once, in its text; run summaries count by the leading code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.errors import Errors, Warnings, leading_code

PIPELINE = Path(__file__).resolve().parent.parent / "pipeline"
TEMPLATES = {code: text for cls in (Errors, Warnings) for code, text in vars(cls).items() if code[:1] in "EW"}


def _sources() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in PIPELINE.rglob("*.py") if p.name != "errors.py")


def test_every_template_is_used_in_the_pipeline():
    sources = _sources()
    unused = [
        code
        for cls in (Errors, Warnings)
        for code in vars(cls)
        if code in TEMPLATES and not re.search(rf"\b{cls.__name__}\.{code}\b", sources)
    ]
    assert unused == []


def _shape(text: str) -> str:
    """A template without its field names, a ``:{line}`` after a field folded into it:
    ``{path}:{line}: x {entry}`` and ``{path}: x {id}`` have the same shape."""
    return re.sub(r"\{\}(:\{\})+", "{}", re.sub(r"\{[^{}]*\}", "{}", text))


def test_no_two_templates_are_the_same_message():
    by_shape: dict[str, list[str]] = {}
    for code, text in TEMPLATES.items():
        by_shape.setdefault(_shape(text), []).append(code)
    assert [codes for codes in by_shape.values() if len(codes) > 1] == []


@pytest.mark.parametrize("code", sorted(TEMPLATES))
def test_every_message_starts_with_its_code_once(code):
    cls = Errors if code.startswith("E") else Warnings
    message = getattr(cls, code)
    assert message.startswith(f"[{code}] ") and message.count(f"[{code}]") == 1
    assert message == f"[{code}] {TEMPLATES[code]}"


@pytest.mark.parametrize(
    "message,code",
    [
        (Errors.E007.format(path="wire.jsonl", line=4, id="a1", first="wire.jsonl:1"), "E007"),
        (Errors.E008.format(path="w/a: b.jsonl", line=12, reason="Expecting value"), "E008"),
        (Errors.E060.format(path="wire.jsonl:3", reason="BrokenProcessPool: died"), "E060"),
        (Warnings.W001.format(path="wire.jsonl:9"), "W001"),
        # a reason that quotes another message: the code the message starts with
        (Errors.E050.format(path="a.txt", reason="InputError: " + Errors.E006.format(path="x.jsonl", line=2)), "E050"),
        (Errors.E073.format(path="a.txt", article="a", reason="IntegrityError: duplicate key"), "E073"),
        ("something no template makes", "other"),
        ("[E999] a code that is not ours", "other"),
        ("x.jsonl:2: " + Errors.E006, "other"),
    ],
)
def test_leading_code_names_the_code_a_message_starts_with(message, code):
    assert leading_code(message) == code
