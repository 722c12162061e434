"""`etl build --quiet` counts the findings by rule instead of listing each one."""

from pathlib import Path

from etl.cli import findings_summary
from etl.errors import Problem


def finding(code: str, severity: str, key: str) -> Problem:
    return Problem(code=code, severity=severity, file="checks", key=key, message="m")


def test_the_quiet_summary_counts_findings_by_rule():
    findings = [finding("breakdown-sums", "info", str(i)) for i in range(3)] + [
        finding("list-count-mismatch", "warning", "a"),
        finding("aggregate-reconciled", "info", "b"),
    ]
    lines = findings_summary(findings, Path("dist/9.9.9"))
    assert lines[0] == (
        "findings: 5 (4 info, 1 warning), each a row of dist/9.9.9/data/checks.parquet; by rule:"
    )
    assert [line.split() for line in lines[1:]] == [
        ["3", "info[breakdown-sums]"],
        ["1", "info[aggregate-reconciled]"],
        ["1", "warning[list-count-mismatch]"],
    ]
    assert findings_summary([], Path("dist/9.9.9")) == []
