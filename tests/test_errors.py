"""pipeline.errors: message codes recovered from formatted messages (run summaries count by them)."""

from __future__ import annotations

import pytest

from pipeline.errors import Errors, Warnings, code_of


@pytest.mark.parametrize(
    "message,code",
    [
        (Errors.E007.format(path="wire.jsonl", line=4, id="a1", first="wire.jsonl:1"), "E007"),
        (Errors.E008.format(path="w/a: b.jsonl", line=12, reason="Expecting value"), "E008"),
        (Errors.E060.format(path="wire.jsonl:3", reason="BrokenProcessPool: died"), "E060"),
        (Warnings.W001.format(path="wire.jsonl:9"), "W001"),
        # a reason that quotes a shorter message: the more specific template wins
        (Errors.E050.format(path="a.txt", reason="ValueError: x.jsonl:2: empty body"), "E050"),
        (Errors.E073.format(path="a.txt", article="a", reason="IntegrityError: duplicate key"), "E073"),
        ("something no template makes", "other"),
    ],
)
def test_code_of_names_the_template_a_message_came_from(message, code):
    assert code_of(message) == code
