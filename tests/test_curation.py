"""Contributions through seeds/curation/: bad input gets a report naming file, line, column."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from etl.build import assemble, build
from etl.cli import cli
from etl.contribute.check import run_check
from etl.contribute.curation import curation_columns
from etl.errors import ValidationFailed
from etl.project import Project

HEADER = ",".join(curation_columns("sentences"))
SEDOV = "sedov-red-book-part-2"
QUOTE = "Smirnov was sentenced by the GPU to ten years in an isolator"


def row(**cells: str) -> str:
    values = {c: "" for c in curation_columns("sentences")}
    values.update(
        action="add",
        reason="missed by the rules",
        source_id=SEDOV,
        quote=QUOTE,
        person_id="smirnov",
        penalty="imprisonment",
        term_years="10",
    )
    values.update(cells)
    return ",".join(f'"{v}"' if "," in v else v for v in values.values())


def write(project: Path, name: str, content: str | bytes) -> Path:
    folder = project / "seeds" / "curation"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def problems(project: Path) -> list[tuple]:
    return [(p.line, p.column, p.code, p.severity) for p in run_check(Project(project))]


def test_a_good_addition_is_published_with_its_evidence(project: Path):
    write(project, "sentences.csv", f"{HEADER}\n{row(sentencing_body='GPU')}\n")
    assert problems(project) == []
    sentences = assemble(Project(project))["sentences"]
    curated = sentences[sentences.extractor == "curated"]
    assert len(curated) == 1
    (quote,) = curated.quote
    assert quote == QUOTE
    text = (project / "seeds" / "003_01b4453dcb8ce3b0.txt").read_text(encoding="utf-8")
    start, end = int(curated.char_start.iloc[0]), int(curated.char_end.iloc[0])
    assert text[start:end] == QUOTE


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ({"person_id": "nobody-at-all"}, (2, "person_id", "foreign-key-error")),
        ({"source_id": "no-such-text"}, (2, "source_id", "unknown-source")),
        ({"quote": "Smirnov was acquitted"}, (2, "quote", "quote-not-found")),
        ({"quote": "Smirnov"}, (2, "quote", "quote-ambiguous")),
        ({"penalty": "flogging"}, (2, "penalty", "constraint-error")),
        ({"term_years": "-3"}, (2, "term_years", "constraint-error")),
        ({"date": "1937-13-01"}, (2, "date", "constraint-error")),
        ({"action": "amend"}, (2, "action", "unknown-action")),
        ({"reason": ""}, (2, "reason", "missing-value")),
    ],
)
def test_bad_rows_are_reported_by_line_and_column(project: Path, cells, expected):
    write(project, "sentences.csv", f"{HEADER}\n{row(**cells)}\n")
    found = problems(project)
    assert (*expected, "error") in found, found


def test_a_duplicate_correction(project: Path):
    target = "sedov-red-book-part-2:77000:smirnov"
    twice = "\n".join(
        row(action="correct", target=target, penalty="", person_id="") for _ in range(2)
    )
    write(project, "sentences.csv", f"{HEADER}\n{twice}\n")
    assert (3, "target", "duplicate-target", "error") in problems(project)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (HEADER.replace(",term_years", "") + "\n", (1, "term_years", "missing-column")),
        (HEADER + ",colour\n", (1, "colour", "extra-column")),
        (HEADER.replace(",", ";") + "\n", (1, None, "not-comma-separated")),
        (f"{HEADER}\n{row()},extra\n", (2, None, "wrong-cell-count")),
    ],
)
def test_bad_files_are_reported(project: Path, content: str, expected):
    write(project, "sentences.csv", content)
    found = [(line, column, code) for line, column, code, _ in problems(project)]
    assert expected in found


def test_bom_crlf_and_a_missing_last_newline_are_warnings_and_still_read(project: Path):
    content = ("\ufeff" + f"{HEADER}\r\n{row()}").encode()
    write(project, "sentences.csv", content)
    found = problems(project)
    codes = {code for _, _, code, severity in found if severity == "warning"}
    assert codes == {"byte-order-mark", "windows-line-endings", "no-final-newline"}
    assert not [f for f in found if f[3] == "error"]


def test_a_50_mb_file_is_refused_without_reading_it(project: Path):
    write(project, "sentences.csv", HEADER + "\n" + "x" * 50_000_000)
    assert problems(project) == [(None, None, "file-too-large", "error")]


def test_a_bad_contribution_leaves_dist_untouched(project: Path):
    dist = project / "dist"
    release = build(Project(project), dist=dist).release
    before = {p: p.read_bytes() for p in release.rglob("*") if p.is_file()}
    write(project, "sentences.csv", f"{HEADER}\n{row(penalty='flogging')}\n")
    with pytest.raises(ValidationFailed):
        build(Project(project), dist=dist)
    assert {p: p.read_bytes() for p in release.rglob("*") if p.is_file()} == before


def test_a_correction_whose_target_is_gone_is_reported(project: Path):
    write(
        project,
        "sentences.csv",
        f"{HEADER}\n{row(action='correct', target='no:such:row', person_id='', penalty='')}\n",
    )
    checks = assemble(Project(project))["checks"]
    assert "curation-target-missing" in set(checks.rule)


def test_cli_check_prints_file_line_column_and_fix(project: Path):
    write(project, "sentences.csv", f"{HEADER}\n{row(term_years='-3')}\n")
    result = CliRunner().invoke(cli, ["--project", str(project), "check", "--json"])
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["valid"] is False
    (problem,) = report["problems"]
    assert problem["fix"]
    assert {k: problem[k] for k in ("code", "severity", "file", "line", "column", "value")} == {
        "code": "constraint-error",
        "severity": "error",
        "file": "seeds/curation/sentences.csv",
        "line": 2,
        "column": "term_years",
        "value": "-3.0",
    }


def test_cli_check_text_is_one_line_per_problem_then_a_summary(project: Path):
    write(project, "sentences.csv", f"{HEADER}\n{row(term_years='-3', penalty='flogging')}\n")
    result = CliRunner().invoke(cli, ["--project", str(project), "check"])
    assert result.exit_code == 1
    problems = run_check(Project(project))
    assert result.output.splitlines() == [*map(str, problems), "check: 2 error(s), 0 warning(s)"]
