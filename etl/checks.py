"""Cross-checks of the resolved data; their findings are published in the `checks` resource.

A check never changes a claim: it reports counts that do not close, sums
that do not add up and dates that contradict each other, with the spans on
both sides, so users see the disagreement instead of a silent merge.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from etl.resolve import to_frame

Check = Callable[[dict[str, pd.DataFrame]], list[dict]]


def run_checks(frames: dict[str, pd.DataFrame], findings: list[dict]) -> pd.DataFrame:
    """Every check's findings, with those of extraction and resolution, as the `checks` table.

    An extractor's aggregate claim ("55 people got capital punishment") arrives here
    with its counts and is reconciled against the rows of the same source.
    """
    rows = []
    for finding in findings:
        if "counts" in finding:
            rows.append(reconcile_aggregate(frames["sentences"], finding))
        else:
            rows.append(finding)
    for check in CHECKS:
        rows += check(frames)
    for number, row in enumerate(rows, start=1):
        row.setdefault("severity", "warning")
        row["check_id"] = f"{row['rule']}-{number:04d}"
    return to_frame("checks", rows)


def spans(frame: pd.DataFrame, limit: int = 3) -> str:
    unique = frame.drop_duplicates(["source_id", "char_start", "char_end"]).head(limit)
    return " | ".join(f"{r.source_id}:{r.char_start}-{r.char_end}" for r in unique.itertuples())


def reconcile_aggregate(sentences: pd.DataFrame, finding: dict) -> dict:
    """Compare "N people got penalty P" with the persons the same source sentences in trials."""
    rows = sentences[(sentences.source_id == finding["source_id"]) & sentences.trial_id.notna()]
    found = {
        penalty: rows[rows.penalty == penalty][["trial_id", "person_id"]].drop_duplicates().shape[0]
        for penalty in finding["counts"]
    }
    agree = found == finding["counts"]
    said = ", ".join(f"{n} {p}" for p, n in finding["counts"].items())
    have = ", ".join(f"{n} {p}" for p, n in found.items())
    trials = ", ".join(sorted(rows.trial_id.unique()))
    return {
        "rule": "aggregate-reconciled" if agree else "aggregate-mismatch",
        "severity": "info" if agree else "warning",
        "resource": "sentences",
        "subject": trials or None,
        "message": f"the text says {said}; its sentence rows of {trials} give {have}",
        "evidence": finding["evidence"],
    }


def defendants_sentenced(frames: dict[str, pd.DataFrame]) -> list[dict]:
    """Per trial and source that states a verdict: every defendant sentenced, nobody else,
    and nobody twice with different penalties."""
    out = []
    defendants, sentences = frames["defendants"], frames["sentences"]
    for (trial_id, source_id), given in sentences[sentences.trial_id.notna()].groupby(
        ["trial_id", "source_id"]
    ):
        accused = defendants[
            (defendants.trial_id == trial_id) & (defendants.source_id == source_id)
        ]
        named = set(accused.person_id)
        sentenced = set(given.person_id)
        for person in sorted(named - sentenced):
            out.append(
                {
                    "rule": "defendant-not-sentenced",
                    "resource": "sentences",
                    "subject": f"{trial_id}: {person}",
                    "message": f"{source_id} names {person} as a defendant but gives no sentence",
                    "evidence": spans(accused[accused.person_id == person]),
                }
            )
        for person in sorted(sentenced - named):
            out.append(
                {
                    "rule": "sentenced-not-defendant",
                    "resource": "sentences",
                    "subject": f"{trial_id}: {person}",
                    "message": f"{source_id} sentences {person}, not a listed defendant",
                    "evidence": spans(given[given.person_id == person]),
                }
            )
        for person, rows in given.groupby("person_id"):
            if rows.penalty.nunique() > 1:
                out.append(
                    {
                        "rule": "conflicting-sentences",
                        "resource": "sentences",
                        "subject": f"{trial_id}: {person}",
                        "message": f"{source_id} gives {person} "
                        + " and ".join(sorted(rows.penalty.unique())),
                        "evidence": spans(rows),
                    }
                )
    return out


CHECKS: list[Check] = [defendants_sentenced]
