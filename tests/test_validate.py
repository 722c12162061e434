"""`etl validate` and `etl verify` on bad rows: every failure named by row, column, value, check."""

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from etl.cli import cli
from etl.contract import schemas
from etl.contract.validate import describe
from etl.contract.verify import span_failures
from etl.errors import Problem
from etl.lang.corpus import Source

STAT = {
    "stat_id": "s1",
    "subject": "expelled",
    "measure": "percent",
    "value": "9.1",
    "value_max": "",
    "qualifier": "exact",
    "year_start": "1935",
    "year_end": "1935",
    "geography": "USSR",
    "population": "",
    "category": "",
    "operation": "",
    "cited_source": "",
    "source_id": "a-text",
    "line_start": "1",
    "line_end": "1",
    "char_start": "0",
    "char_end": "4",
    "quote": "9.1%",
    "extractor": "test",
}


def write_csv(path: Path, rows: list[dict]) -> Path:
    pd.DataFrame(rows, columns=schemas.columns("expulsion_stats")).to_csv(path, index=False)
    return path


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_valid_csv_passes(tmp_path: Path):
    result = invoke("validate", str(write_csv(tmp_path / "expulsion_stats.csv", [STAT])))
    assert result.exit_code == 0, result.output
    assert result.output.endswith("expulsion_stats.csv: valid\n")


def test_percent_of_140_and_duplicate_key_are_reported(tmp_path: Path):
    rows = [STAT, {**STAT, "value": "140"}]
    path = write_csv(tmp_path / "stats.csv", rows)
    result = invoke("validate", str(path), "--resource", "expulsion_stats", "--json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    found = {(p["code"], p["row"], p["column"], p["value"]) for p in report["problems"]}
    assert found == {
        ("constraint-error", 2, None, None),  # a percent is at most 100
        ("unique-error", 1, "stat_id", "s1"),
        ("unique-error", 2, "stat_id", "s1"),
    }
    assert {p["key"] for p in report["problems"]} == {"s1"}


def test_enum_and_type_failures_name_row_and_column(tmp_path: Path):
    rows = [{**STAT, "qualifier": "roughly"}, {**STAT, "stat_id": "s2", "year_start": "19x5"}]
    path = write_csv(tmp_path / "expulsion_stats.csv", rows)
    result = invoke("validate", str(path), "--json")
    assert result.exit_code == 1
    found = [
        (p["code"], p["file"], p["row"], p["column"], p["value"])
        for p in json.loads(result.output)["problems"]
    ]
    assert found == [
        ("type-error", str(path), 2, "year_start", "19x5"),
        ("constraint-error", str(path), 1, "qualifier", "roughly"),
    ]


def test_missing_column_is_reported(tmp_path: Path):
    path = tmp_path / "expulsion_stats.csv"
    pd.DataFrame([STAT]).drop(columns=["qualifier"]).to_csv(path, index=False)
    result = invoke("validate", str(path), "--json")
    assert result.exit_code == 1
    (problem,) = json.loads(result.output)["problems"]
    assert (problem["code"], problem["column"]) == ("missing-column", "qualifier")


def test_dangling_foreign_key_in_a_package_is_reported(release: Path):
    stats_path = release / "data" / "expulsion_stats.parquet"
    row = {**STAT, "source_id": "no-such-text"}
    frame = pd.DataFrame([row], columns=schemas.columns("expulsion_stats"))
    from etl.contract.validate import coerce
    from etl.publish.package import write_parquet

    write_parquet("expulsion_stats", coerce("expulsion_stats", frame)[0], stats_path)
    result = invoke("validate", str(release / "datapackage.json"), "--json")
    assert result.exit_code == 1
    problems = json.loads(result.output)["problems"]
    assert [(p["code"], p["file"], p["row"], p["column"], p["value"]) for p in problems] == [
        ("foreign-key-error", str(stats_path), 1, "source_id", "no-such-text")
    ]


def test_quote_not_at_its_offsets_is_named():
    source = Source.from_text("a-text", "Kamenev was shot.\nZinoviev too.\n")
    frame = pd.DataFrame(
        [
            {
                "stat_id": "s1",
                "source_id": "a-text",
                "char_start": 0,
                "char_end": 7,
                "line_start": 1,
                "line_end": 1,
                "quote": "Kamenev",
            },
            {
                "stat_id": "s2",
                "source_id": "a-text",
                "char_start": 18,
                "char_end": 26,
                "line_start": 1,
                "line_end": 2,
                "quote": "Zinovyev",
            },
        ]
    )
    problems = span_failures("expulsion_stats", frame, {"a-text": source})
    assert [(p.code, p.row, p.key, p.column, p.value) for p in problems] == [
        ("quote-mismatch", 2, "s2", "quote", "Zinovyev"),
        ("line-mismatch", 2, "s2", "line_start", "1"),
    ]


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help(command: str):
    assert cli.commands[command].help
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert "Usage:" in result.output


def test_committed_schemas_are_generated_from_the_models(tmp_path: Path):
    result = invoke("schemas", "--to", str(tmp_path))
    assert result.exit_code == 0
    committed = Path(__file__).parent.parent / "schemas"
    for generated in tmp_path.iterdir():
        assert generated.read_text() == (committed / generated.name).read_text(), generated.name


def listed_first(problems: list[Problem], first: int) -> list:
    """Every problem, cut the way `etl validate` cuts its report: the first `first` of each
    (code, column, message), in order, and one (code, column, count) of the rest."""
    groups: dict = {}
    for p in problems:
        groups.setdefault((p.code, p.column, p.message), []).append(p)
    out = []
    for (code, column, _), group in groups.items():
        out += group[:first]
        if len(group) > first:
            out.append((code, column, len(group) - first))
    return out


def short_report(problems: list[Problem]) -> list:
    """The problems, each summary as (code, column, count)."""
    return [(p.code, p.column, p.more) if p.more else p for p in problems]


def test_first_failures_and_counts_agree_with_the_full_pandera_report():
    """The short report (checks counted column by column, Pandera run on a sample of the
    failing rows) says what Pandera's report of the whole table says, cut per check."""
    from etl.contract.validate import check_frame, coerce

    rows = []
    for i in range(60):
        row = {**STAT, "stat_id": f"s{i}"}
        if i % 3 == 0:
            row["qualifier"] = "roughly"
        if i % 4 == 1:
            row["value"] = "140"
        if i % 5 == 2:
            row["value_max"] = "1"
        if i % 7 == 3:
            row["geography"] = ""
        if i % 11 == 4:
            row["source_id"] = "Not_A_Slug"
        if i in (2, 57):  # a duplicate whose twin is far beyond the first listed rows
            row["stat_id"] = "twin"
        if i in (5, 6, 40):
            row["stat_id"] = "triplet"
        rows.append(row)
    frame = pd.DataFrame(rows, columns=schemas.columns("expulsion_stats"))
    frame, type_failures = coerce("expulsion_stats", frame)
    assert type_failures == []
    everything = check_frame("expulsion_stats", frame)
    broken = ["field_uniqueness", "not_nullable", "a percent is at most 100", "value_max >= value"]
    assert {(p.code, p.message) for p in everything} >= {describe(c)[:2] for c in broken}
    for first in (1, 2, 3, 10):
        short = short_report(check_frame("expulsion_stats", frame, first))
        assert short == listed_first(everything, first)


def test_a_valid_table_has_no_failures_in_the_short_report():
    from etl.contract.validate import check_frame, coerce

    rows = [{**STAT, "stat_id": f"s{i}"} for i in range(30)]
    frame = coerce("expulsion_stats", pd.DataFrame(rows))[0]
    assert check_frame("expulsion_stats", frame, 3) == []
