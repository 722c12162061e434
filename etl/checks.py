"""Cross-checks of the resolved data; their findings are published in the `checks` resource.

A check never changes a claim: it reports counts that do not close, sums
that do not add up and dates that contradict each other, with the spans on
both sides, so users see the disagreement instead of a silent merge.
"""

from __future__ import annotations

import pandas as pd

from etl.resolve import to_frame


def run_checks(frames: dict[str, pd.DataFrame], warnings: list[dict]) -> pd.DataFrame:
    """Every check's findings, and the warnings resolution raised, as the `checks` table."""
    rows = [*warnings]
    for check in CHECKS:
        rows += check(frames)
    for number, row in enumerate(rows, start=1):
        row.setdefault("severity", "warning")
        row["check_id"] = f"{row['rule']}-{number:04d}"
    return to_frame("checks", rows)


CHECKS: list = []
