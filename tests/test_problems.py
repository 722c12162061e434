"""One shape for every problem: each code is in the catalogue, each rendering is one line."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pandas as pd

from etl.errors import CODES, SEVERITIES, EtlError, Problem, report_json

PACKAGE = Path(__file__).resolve().parent.parent / "etl"
KEBAB = re.compile(r"^[a-z]+(?:-[a-z0-9]+)+$")
NOT_CODES = {
    "utf-8",
    "utf-8-sig",
    "soviet-purges",
    "sans-serif",
    "aggregate-claim",  # an extractor's count, reconciled into aggregate-reconciled or -mismatch
}


def kebab_literals() -> set[str]:
    """Every kebab-case string in the package's code: the codes it uses, and a few others."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            is_text = isinstance(node, ast.Constant) and isinstance(node.value, str)
            if is_text and KEBAB.match(node.value):
                found.add(node.value)
    return found


def test_every_code_the_package_uses_is_in_the_catalogue_and_every_entry_is_used():
    used = kebab_literals() - NOT_CODES
    assert used - set(CODES) == set(), "add these codes to etl.errors.CODES"
    assert set(CODES) - used == set(), "these catalogue entries are used nowhere"
    assert all(KEBAB.match(code) and meaning for code, meaning in CODES.items())


def test_every_finding_of_the_seed_build_is_a_catalogued_code(seed_frames: dict[str, pd.DataFrame]):
    checks = seed_frames["checks"]
    assert set(checks.rule) <= set(CODES)
    assert set(checks.severity) <= set(SEVERITIES)


def test_a_problem_is_one_line_with_its_code_place_value_and_fix():
    problem = Problem(
        code="constraint-error",
        file="seeds/curation/sentences.csv",
        line=2,
        column="penalty",
        value="flog\nging",
        message="must be one of death, imprisonment, exile, other",
        fix="give one of death, imprisonment, exile, other",
    )
    assert str(problem) == (
        "error[constraint-error]: seeds/curation/sentences.csv, line 2, column 'penalty': "
        "must be one of death, imprisonment, exile, other (value 'flog\\nging'). "
        "Fix: give one of death, imprisonment, exile, other"
    )
    assert str(Problem(code="no-project", message="m")) == "error[no-project]: m"


def test_the_json_report_holds_every_field():
    warning = Problem(code="byte-order-mark", severity="warning", file="f.csv", line=1, message="m")
    report = json.loads(report_json([warning], extra="kept"))
    assert report["valid"] is True and report["extra"] == "kept"
    assert report["problems"] == [
        {
            "code": "byte-order-mark",
            "severity": "warning",
            "file": "f.csv",
            "line": 1,
            "row": None,
            "key": None,
            "column": None,
            "value": None,
            "message": "m",
            "fix": None,
            "more": 0,
        }
    ]


def test_an_error_carries_every_problem_and_a_message_becomes_one():
    first, second = (Problem(code="missing-value", line=n, message="m") for n in (2, 3))
    assert EtlError(first, second).problems == [first, second]
    (plain,) = EtlError("something went wrong").problems
    assert (plain.code, plain.message) == ("etl-error", "something went wrong")
