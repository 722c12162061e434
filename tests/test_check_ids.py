"""A finding's id comes from its rule and the span it cites, so a new finding never
renumbers the others (and `etl diff` shows only what changed)."""

from __future__ import annotations

import pandas as pd

from etl.resolve.crosschecks import run_checks
from tests.conftest import REPO

RELEASE = REPO.dist / "3.3.1" / "data"


def frames() -> dict[str, pd.DataFrame]:
    return {p.stem: pd.read_parquet(p) for p in RELEASE.glob("*.parquet")}


def test_a_new_finding_leaves_the_ids_of_the_others_alone():
    before = run_checks(frames(), [])
    extra = {
        "rule": "unresolved-name",
        "resource": "sentences",
        "subject": "Ivanov",
        "message": "'Ivanov' matches no person or several; claim left out",
        "evidence": "sousa-class-struggle-thirties:10-17",
    }
    after = run_checks(frames(), [extra])
    assert len(after) == len(before) + 1
    assert set(before.check_id) < set(after.check_id)
    assert "unresolved-name:sousa-class-struggle-thirties:10" in set(after.check_id)


def test_two_findings_of_one_rule_at_one_span_get_distinct_ids():
    finding = {
        "rule": "unresolved-name",
        "resource": "sentences",
        "subject": "Ivanov",
        "message": "m",
        "evidence": "t:5-9",
    }
    ids = run_checks(frames(), [dict(finding), dict(finding)]).check_id
    assert {"unresolved-name:t:5", "unresolved-name:t:5:2"} <= set(ids)
