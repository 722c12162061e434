"""Curation and validation at scale (issue 15, item 6): behaviour, never a stopwatch.

Timings are printed by `bench/hostile_scale.py`; these tests check what the
report says about many rows: every bad curation row named, duplicates named,
and a validation report that lists the first failures of each check and
counts the rest exactly.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest

from etl.contract import schemas
from etl.contract.validate import FIRST
from etl.contribute.check import run_check
from etl.contribute.curation import curation_columns
from etl.project import Project

pytestmark = pytest.mark.usefixtures("dist_unchanged")

SOUSA = "sousa-class-struggle-thirties"
SOUSA_FILE = "001_79c8a30b1e1272db.txt"


def additions(text: str, n: int, **cells: str) -> list[dict]:
    """n sentence additions, each quoting a distinct passage that occurs once in the text."""
    rows, seen, at = [], set(), 0
    while len(rows) < n:
        quote = text[at : at + 40]
        at += 13
        if "\n" in quote or quote in seen or quote != quote.strip() or text.count(quote) != 1:
            continue
        seen.add(quote)
        row = dict.fromkeys(curation_columns("sentences"), "")
        row.update(
            action="add",
            reason="scale test",
            source_id=SOUSA,
            quote=quote,
            person_id="smirnov",
            penalty="imprisonment",
            term_years="10",
        )
        row.update(cells)
        rows.append(row)
    return rows


def write_curation(repo: Path, rows: list[dict]) -> Path:
    path = repo / "seeds" / "curation" / "sentences.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=curation_columns("sentences"), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_two_thousand_invalid_curation_rows_are_each_reported(repo):
    text = (repo / "seeds" / SOUSA_FILE).read_text(encoding="utf-8")
    write_curation(repo, additions(text, 2000, penalty="flogging"))
    problems = run_check(Project(repo))
    penalty = [p for p in problems if p.column == "penalty"]
    assert [p.line for p in penalty] == list(range(2, 2002))
    assert {(p.code, p.value) for p in penalty} == {("constraint-error", "flogging")}


def test_a_duplicated_curation_row_is_reported(repo, etl, refused):
    text = (repo / "seeds" / SOUSA_FILE).read_text(encoding="utf-8")
    rows = additions(text, 3)
    write_curation(repo, [*rows, rows[1]])  # line 5 repeats line 3
    result = etl("--project", repo, "check")
    refused(result, "error[duplicate-row]", "seeds/curation/sentences.csv, line 5")


def test_two_thousand_valid_curation_rows_are_published(repo, monkeypatch):
    from etl.build import assemble

    monkeypatch.setenv("ETL_JOBS", "1")
    text = (repo / "seeds" / SOUSA_FILE).read_text(encoding="utf-8")
    rows = additions(text, 2000)
    write_curation(repo, rows)
    sentences = assemble(Project(repo))["sentences"]
    curated = sentences[(sentences.extractor == "curated") & (sentences.source_id == SOUSA)]
    assert sorted(curated.quote) == sorted(r["quote"] for r in rows)


def bad_stats(path: Path, n: int) -> Path:
    """n expulsion_stats rows, each wrong the same three ways: subject not in the list,
    a percent over 100, and a year after the period."""
    row = dict.fromkeys(schemas.columns("expulsion_stats"), "")
    row.update(
        subject="nonsense",
        measure="percent",
        value="250",
        qualifier="exact",
        year_start="1999",
        geography="USSR",
        source_id="a-text",
        line_start="1",
        line_end="1",
        char_start="0",
        char_end="4",
        quote="9.1%",
        extractor="test",
    )
    frame = pd.DataFrame([row] * n)
    frame["stat_id"] = [f"s{i}" for i in range(n)]
    frame.to_csv(path, index=False)
    return path


def test_validate_lists_the_first_failures_per_check_and_counts_the_rest(tmp_path, etl):
    n = 50_000
    path = bad_stats(tmp_path / "expulsion_stats.csv", n)
    result = etl("validate", path, "--json")
    assert result.exit_code == 1
    problems = json.loads(result.output)["problems"]
    checks = [("constraint-error", "subject"), ("constraint-error", "year_start")]
    checks.append(("constraint-error", None))  # a percent is at most 100
    assert sorted({(p["code"], p["column"]) for p in problems}, key=str) == sorted(checks, key=str)
    for code, column in checks:
        mine = [p for p in problems if (p["code"], p["column"]) == (code, column)]
        listed = [p for p in mine if not p["more"]]
        assert [p["row"] for p in listed] == list(range(1, FIRST + 1)), (code, column)
        assert [p["more"] for p in mine if p["more"]] == [n - FIRST]
    assert len(problems) == 3 * (FIRST + 1)
    text = etl("validate", path).output.splitlines()
    assert len(text) == 3 * (FIRST + 1) + 1
    assert text[-1].endswith(f"expulsion_stats.csv: {3 * n} failure(s)")


def test_validate_json_counts_every_failure(tmp_path, etl):
    n = 2_000
    result = etl("validate", bad_stats(tmp_path / "expulsion_stats.csv", n), "--json")
    report = json.loads(result.output)
    assert report["valid"] is False
    assert sum(p["more"] or 1 for p in report["problems"]) == 3 * n
