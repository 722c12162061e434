"""Cross-checks of the resolved data; their findings are published in the `checks` resource.

A check never changes a claim: it reports counts that do not close, sums
that do not add up and dates that contradict each other, with the spans on
both sides, so users see the disagreement instead of a silent merge.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd

from etl.resolve.claims import to_frame

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
    seen: dict[str, int] = {}
    for row in rows:
        row.setdefault("severity", "warning")
        base = check_id(row)
        seen[base] = seen.get(base, 0) + 1
        row["check_id"] = base if seen[base] == 1 else f"{base}:{seen[base]}"
    return to_frame("checks", rows)


def check_id(row: dict) -> str:
    """A finding's id from its rule and the first span it cites ("rule:source:char_start"),
    like a claim's: a new finding elsewhere renumbers nothing, so diffs stay small."""
    first = (row.get("evidence") or "").split(" | ")[0]
    span = re.match(r"(.+):(\d+)-\d+$", first)
    if span:
        return f"{row['rule']}:{span[1]}:{span[2]}"
    subject = re.sub(r"[^a-z0-9]+", "-", str(row.get("subject") or "all").lower()).strip("-")
    return f"{row['rule']}:{subject}"


def span_of(row: object) -> str:
    """A table row's span, cited as Span.ref cites it."""
    return f"{row.source_id}:{row.char_start}-{row.char_end}"


def spans(frame: pd.DataFrame, limit: int = 3) -> str:
    unique = frame.drop_duplicates(["source_id", "char_start", "char_end"]).head(limit)
    return " | ".join(span_of(r) for r in unique.itertuples())


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


def table_sums(frames: dict[str, pd.DataFrame]) -> list[dict]:
    """A table's breakdown in per cent sums to about 100; one in counts to its Total row."""
    stats = frames["expulsion_stats"]
    table = stats[stats.extractor == "expulsions.table"]
    keys = ["source_id", "subject", "measure", "year_start", "geography", "cited_source"]
    out = []
    for key, rows in table.groupby(keys, dropna=False):
        parts, totals = rows[rows.category.notna()], rows[rows.category.isna()]
        if len(parts) < 2:
            continue
        total = parts.value.sum()
        evidence = spans(parts, 2) + (" | " + spans(totals, 1) if len(totals) else "")
        subject = f"{key[1]} {key[2]} {key[3]} {key[4]}"
        if key[2] == "percent":
            ok = abs(total - 100) <= 1.5
            message = f"the breakdown in per cent sums to {total:g}"
        elif len(totals) == 1:
            ok = total == totals.value.iloc[0]
            message = (
                f"the breakdown sums to {total:g}; the total row says {totals.value.iloc[0]:g}"
            )
        else:
            continue
        out.append(
            {
                "rule": "breakdown-sums" if ok else "breakdown-does-not-sum",
                "severity": "info" if ok else "warning",
                "resource": "expulsion_stats",
                "subject": subject,
                "message": message,
                "evidence": evidence,
            }
        )
    return out


def partial_breakdowns(frames: dict[str, pd.DataFrame]) -> list[dict]:
    """A breakdown the text introduces with "among these" is partial: say how much of the
    count before it the categories cover."""
    stats = frames["expulsion_stats"]
    out = []
    breakdowns = stats[stats.extractor == "expulsions.breakdown"]
    for (source_id, char_start), rows in breakdowns.groupby(["source_id", "char_start"]):
        before = stats[
            (stats.source_id == source_id)
            & (stats.char_start < char_start)
            & (stats.measure == "count")
            & (stats.subject == "expelled")
            & (stats.extractor == "expulsions.prose")
        ]
        if before.empty:
            continue
        whole = before.iloc[before.char_start.argmax()]
        covered = rows.value.sum()
        out.append(
            {
                "rule": "partial-breakdown",
                "severity": "info" if covered <= whole.value else "warning",
                "resource": "expulsion_stats",
                "subject": rows.geography.iloc[0],
                "message": f"the categories cover {covered:g} of the {whole.value:g} stated before",
                "evidence": f"{spans(rows, 1)} | {span_of(whole)}",
            }
        )
    return out


def percent_of_base(frames: dict[str, pd.DataFrame]) -> list[dict]:
    """In one passage, an expelled count, the count it is a share of and the share in
    per cent must agree within rounding (120,000 of 1.5 million is 8 %, not 7.5 %)."""
    stats = frames["expulsion_stats"]
    out = []
    for _, rows in stats[stats.extractor == "expulsions.prose"].groupby(
        ["source_id", "char_start"]
    ):
        counts = rows[(rows.measure == "count") & (rows.subject == "expelled")]
        bases = rows[
            (rows.measure == "count")
            & rows.subject.isin(["investigated", "members", "cards_issued"])
        ]
        shares = rows[(rows.measure == "percent") & (rows.subject == "expelled")]
        if len(counts) != 1 or len(bases) != 1 or len(shares) != 1:
            continue
        computed = 100 * counts.value.iloc[0] / bases.value.iloc[0]
        stated = shares.value.iloc[0]
        if abs(computed - stated) > 0.25:
            out.append(
                {
                    "rule": "percent-does-not-match-counts",
                    "resource": "expulsion_stats",
                    "subject": rows.geography.iloc[0],
                    "message": (
                        f"{counts.value.iloc[0]:g} of {bases.value.iloc[0]:g} is "
                        f"{computed:.1f} per cent; "
                        f"the text says {stated:g}"
                    ),
                    "evidence": spans(rows, 1),
                }
            )
    return out


def restated_statistics(frames: dict[str, pd.DataFrame]) -> list[dict]:
    """A table's overall figure restated in prose ("Of these approx. 120,000 or 9 per cent
    were expelled") must agree with it within rounding. Only headline sentences are
    compared: those that give a count and a share of the same thing, as tables do."""
    stats = frames["expulsion_stats"]
    keys = ["subject", "measure", "year_start", "geography"]
    tables = stats[(stats.extractor == "expulsions.table") & stats.category.isna()]
    prose = stats[
        (stats.extractor == "expulsions.prose") & stats.qualifier.isin(["exact", "approx"])
    ]
    headline = prose.groupby(["source_id", "char_start"]).filter(
        lambda rows: set(rows.measure) == {"count", "percent"}
    )
    out = []
    for table_row in tables.itertuples():
        same = headline
        for key in keys:
            same = same[same[key] == getattr(table_row, key)]
        for restated in same.itertuples():
            tolerance = 0.5 if table_row.measure == "percent" else 0.01 * table_row.value
            if abs(restated.value - table_row.value) > tolerance:
                out.append(
                    {
                        "rule": "restated-statistic-differs",
                        "resource": "expulsion_stats",
                        "subject": f"{table_row.subject} {table_row.year_start}",
                        "message": f"the table says {table_row.value:g}, prose {restated.value:g}",
                        "evidence": f"{span_of(table_row)} | {span_of(restated)}",
                    }
                )
    return out


CHECKS: list[Check] = [
    defendants_sentenced,
    table_sums,
    partial_breakdowns,
    percent_of_base,
    restated_statistics,
]
