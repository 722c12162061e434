"""Cross-checks of the resolved data; their findings are published in the `checks` resource.

A check never changes a claim: it reports counts that do not close, sums
that do not add up and dates that contradict each other, with the spans on
both sides, so users see the disagreement instead of a silent merge.

The checks select and count on whole columns and loop in Python only over the
groups that give a finding: filtering the wide frames once per group made the
checks most of an incremental build (issue 12), and grew with the corpus times
the number of groups.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import pandas as pd

from etl.resolve.claims import to_frame

Check = Callable[[dict[str, pd.DataFrame]], list[dict]]


def run_checks(frames: dict[str, pd.DataFrame], findings: list[dict]) -> pd.DataFrame:
    """Every check's findings, with those of extraction and resolution, as the `checks` table.

    An extractor's aggregate claim ("55 people got capital punishment") arrives here
    with its counts and is reconciled against the rows of the same source.
    """
    rows = []
    sentenced = None
    for finding in findings:
        if "counts" in finding:
            if sentenced is None:
                sentenced = sentenced_by_source(frames["sentences"])
            rows.append(reconcile_aggregate(frames["sentences"], finding, sentenced))
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


def span_refs(frame: pd.DataFrame) -> list[str]:
    """Every row's span, cited as Span.ref cites it, computed once for a whole frame."""
    return [
        f"{source_id}:{start}-{end}"
        for source_id, start, end in zip(
            frame["source_id"].tolist(),
            frame["char_start"].tolist(),
            frame["char_end"].tolist(),
            strict=True,
        )
    ]


def first_spans(refs: list[str], positions: Iterable[int], limit: int = 3) -> str:
    """`spans` of the rows at `positions` (in that order): the first `limit` distinct spans.
    A span's text names its source, start and end, so distinct texts are distinct spans."""
    chosen: list[str] = []
    for position in positions:
        ref = refs[position]
        if ref not in chosen:
            chosen.append(ref)
            if len(chosen) == limit:
                break
    return " | ".join(chosen)


def groups(
    frame: pd.DataFrame, keys: list[str], dropna: bool = True
) -> list[tuple[tuple, list[int]]]:
    """Each group of `frame.groupby(keys)` as its key and the positions of its rows, in the
    order that iterating the groupby gives (sorted keys) and with the same keys, rows in
    frame order; rows with a missing key are left out when `dropna`, as groupby does. One
    pass over the frame, where iterating the groupby copies every column of every group."""
    grouped = frame.groupby(keys, dropna=dropna)
    found: list[tuple[tuple, list[int]]] = [(key, []) for key in grouped.size().index]
    for position, number in enumerate(grouped.ngroup().tolist()):
        if number == number and number >= 0:  # not NaN: a row left out
            found[int(number)][1].append(position)
    return found


Sentenced = dict[str, list[tuple[str, object, object]]]
"""source_id → (trial_id, person_id, penalty) of each of its sentence rows that names a trial,
in frame order (a missing person or penalty as None)."""


def sentenced_by_source(sentences: pd.DataFrame) -> Sentenced:
    """The sentence rows that name a trial, by source: read once for every aggregate claim
    rather than selected from the whole table once per claim."""
    found: Sentenced = {}
    given = sentences[sentences.trial_id.notna()]
    for source_id, trial_id, person_id, penalty in zip(
        given.source_id.tolist(),
        given.trial_id.tolist(),
        given.person_id.tolist(),
        given.penalty.tolist(),
        strict=True,
    ):
        found.setdefault(source_id, []).append(
            (trial_id, _missing_as_none(person_id), _missing_as_none(penalty))
        )
    return found


def _missing_as_none(value: object) -> object:
    """NaN as None, so that two missing values are one, as drop_duplicates counts them."""
    return None if value is None or value != value else value


def reconcile_aggregate(
    sentences: pd.DataFrame, finding: dict, sentenced: Sentenced | None = None
) -> dict:
    """Compare "N people got penalty P" with the persons the same source sentences in trials
    (`sentenced`: `sentenced_by_source(sentences)`, made once for many findings)."""
    if sentenced is None:
        sentenced = sentenced_by_source(sentences)
    rows = sentenced.get(finding["source_id"], [])
    found = {
        penalty: len({(trial_id, person_id) for trial_id, person_id, p in rows if p == penalty})
        for penalty in finding["counts"]
    }
    agree = found == finding["counts"]
    said = ", ".join(f"{n} {p}" for p, n in finding["counts"].items())
    have = ", ".join(f"{n} {p}" for p, n in found.items())
    trials = ", ".join(sorted({trial_id for trial_id, _, _ in rows}))
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
    given = sentences[sentences.trial_id.notna()].reset_index(drop=True)
    given_refs, accused_refs = span_refs(given), span_refs(defendants)
    given_persons = given.person_id.tolist()
    accused_persons = defendants.person_id.tolist()
    accused_of: dict[tuple, list[int]] = {}
    for position, key in enumerate(
        zip(defendants.trial_id.tolist(), defendants.source_id.tolist(), strict=True)
    ):
        accused_of.setdefault(key, []).append(position)
    # Persons given more than one distinct penalty by one source in one trial.
    distinct = given.groupby(["trial_id", "source_id", "person_id"]).penalty.nunique()
    conflicting = set(distinct[distinct > 1].index)
    for (trial_id, source_id), rows in groups(given, ["trial_id", "source_id"]):
        accused = accused_of.get((trial_id, source_id), [])
        named = {accused_persons[i] for i in accused}
        sentenced = {given_persons[i] for i in rows}
        for person in sorted(named - sentenced):
            out.append(
                {
                    "rule": "defendant-not-sentenced",
                    "resource": "sentences",
                    "subject": f"{trial_id}: {person}",
                    "message": f"{source_id} names {person} as a defendant but gives no sentence",
                    "evidence": first_spans(
                        accused_refs, (i for i in accused if accused_persons[i] == person)
                    ),
                }
            )
        for person in sorted(sentenced - named):
            out.append(
                {
                    "rule": "sentenced-not-defendant",
                    "resource": "sentences",
                    "subject": f"{trial_id}: {person}",
                    "message": f"{source_id} sentences {person}, not a listed defendant",
                    "evidence": first_spans(
                        given_refs, (i for i in rows if given_persons[i] == person)
                    ),
                }
            )
        for person in sorted(p for p in sentenced if (trial_id, source_id, p) in conflicting):
            same = [i for i in rows if given_persons[i] == person]
            out.append(
                {
                    "rule": "conflicting-sentences",
                    "resource": "sentences",
                    "subject": f"{trial_id}: {person}",
                    "message": f"{source_id} gives {person} "
                    + " and ".join(sorted(given.penalty.iloc[same].unique())),
                    "evidence": first_spans(given_refs, same),
                }
            )
    return out


def table_sums(frames: dict[str, pd.DataFrame]) -> list[dict]:
    """A table's breakdown in per cent sums to about 100; one in counts to its Total row."""
    stats = frames["expulsion_stats"]
    table = stats[stats.extractor == "expulsions.table"].reset_index(drop=True)
    keys = ["source_id", "subject", "measure", "year_start", "geography", "cited_source"]
    values, refs = table.value, span_refs(table)
    is_part = table.category.notna().tolist()
    out = []
    for key, rows in groups(table, keys, dropna=False):
        parts = [i for i in rows if is_part[i]]
        totals = [i for i in rows if not is_part[i]]
        if len(parts) < 2:
            continue
        total = values.iloc[parts].sum()  # summed as pandas sums the column, to the last bit
        evidence = first_spans(refs, parts, 2) + (
            " | " + first_spans(refs, totals, 1) if totals else ""
        )
        subject = f"{key[1]} {key[2]} {key[3]} {key[4]}"
        if key[2] == "percent":
            ok = abs(total - 100) <= 1.5
            message = f"the breakdown in per cent sums to {total:g}"
        elif len(totals) == 1:
            stated = values.iat[totals[0]]
            ok = total == stated
            message = f"the breakdown sums to {total:g}; the total row says {stated:g}"
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
    breakdowns = stats[stats.extractor == "expulsions.breakdown"].reset_index(drop=True)
    # The counts a breakdown can be part of, selected once and listed by source.
    counts = stats[
        (stats.measure == "count")
        & (stats.subject == "expelled")
        & (stats.extractor == "expulsions.prose")
    ].reset_index(drop=True)
    count_starts, count_values = counts.char_start.tolist(), counts.value
    count_refs = span_refs(counts)
    counts_of: dict[str, list[int]] = {}
    for position, source_id in enumerate(counts.source_id.tolist()):
        counts_of.setdefault(source_id, []).append(position)
    refs, values = span_refs(breakdowns), breakdowns.value
    geography = breakdowns.geography.tolist()
    for (source_id, char_start), rows in groups(breakdowns, ["source_id", "char_start"]):
        before = [i for i in counts_of.get(source_id, []) if count_starts[i] < char_start]
        if not before:
            continue
        whole = max(before, key=count_starts.__getitem__)  # the first of the latest, as argmax
        whole_value = count_values.iat[whole]
        covered = values.iloc[rows].sum()  # summed as pandas sums the group, in frame order
        out.append(
            {
                "rule": "partial-breakdown",
                "severity": "info" if covered <= whole_value else "warning",
                "resource": "expulsion_stats",
                "subject": geography[rows[0]],
                "message": f"the categories cover {covered:g} of the {whole_value:g} stated before",
                "evidence": f"{first_spans(refs, rows, 1)} | {count_refs[whole]}",
            }
        )
    return out


def percent_of_base(frames: dict[str, pd.DataFrame]) -> list[dict]:
    """In one passage, an expelled count, the count it is a share of and the share in
    per cent must agree within rounding (120,000 of 1.5 million is 8 %, not 7.5 %)."""
    stats = frames["expulsion_stats"]
    prose = stats[stats.extractor == "expulsions.prose"].reset_index(drop=True)
    measure, subject, values = prose.measure, prose.subject, prose.value
    is_count = ((measure == "count") & (subject == "expelled")).tolist()
    is_base = (
        (measure == "count") & subject.isin(["investigated", "members", "cards_issued"])
    ).tolist()
    is_share = ((measure == "percent") & (subject == "expelled")).tolist()
    refs = span_refs(prose)
    out = []
    for _, rows in groups(prose, ["source_id", "char_start"]):
        counts = [i for i in rows if is_count[i]]
        bases = [i for i in rows if is_base[i]]
        shares = [i for i in rows if is_share[i]]
        if len(counts) != 1 or len(bases) != 1 or len(shares) != 1:
            continue
        # numpy scalars, as the row-by-row check had: a base of 0 gives inf, not an error.
        count, base, stated = values.iat[counts[0]], values.iat[bases[0]], values.iat[shares[0]]
        computed = 100 * count / base
        if abs(computed - stated) > 0.25:
            out.append(
                {
                    "rule": "percent-does-not-match-counts",
                    "resource": "expulsion_stats",
                    "subject": prose.geography.iat[rows[0]],
                    "message": (
                        f"{count:g} of {base:g} is "
                        f"{computed:.1f} per cent; "
                        f"the text says {stated:g}"
                    ),
                    "evidence": first_spans(refs, rows, 1),
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
    ].reset_index(drop=True)
    measures = prose.measure.tolist()
    headline = sorted(
        i
        for _, rows in groups(prose, ["source_id", "char_start"])
        if {measures[i] for i in rows} == {"count", "percent"}
        for i in rows
    )
    # Headline rows by their key; a missing value equals nothing, as in a comparison.
    prose_keys = list(zip(*(prose[key].tolist() for key in keys), strict=True))
    by_key: dict[tuple, list[int]] = {}
    for i in headline:
        if not any(pd.isna(value) for value in prose_keys[i]):
            by_key.setdefault(prose_keys[i], []).append(i)
    # Columns as lists, not itertuples: a tuple of pandas scalars per row of both tables.
    prose_values = prose.value.tolist()
    prose_refs = span_refs(prose) if by_key else []
    out = []
    table_keys = zip(*(tables[key].tolist() for key in keys), strict=True)
    table_values, table_refs = tables.value.tolist(), span_refs(tables)
    for key, value, ref in zip(table_keys, table_values, table_refs, strict=True):
        if any(pd.isna(part) for part in key):
            continue
        subject, measure, year_start, _ = key
        for i in by_key.get(key, []):
            tolerance = 0.5 if measure == "percent" else 0.01 * value
            if abs(prose_values[i] - value) > tolerance:
                out.append(
                    {
                        "rule": "restated-statistic-differs",
                        "resource": "expulsion_stats",
                        "subject": f"{subject} {year_start}",
                        "message": f"the table says {value:g}, prose {prose_values[i]:g}",
                        "evidence": f"{ref} | {prose_refs[i]}",
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
