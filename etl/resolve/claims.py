"""Resolution across texts: records of every source become the published tables.

This is the only stage (with validation) that sees the whole corpus: it
turns names as written into persons, gives every row its stable id, and
orders rows so that two builds are byte-identical.
"""

from __future__ import annotations

from dataclasses import asdict, replace

import numpy as np
import pandas as pd
import pyarrow as pa

from etl.contract import schemas
from etl.contract.validate import coerce
from etl.contribute.registry import SourceEntry
from etl.extract import Record
from etl.lang.corpus import Source
from etl.lang.knowledge import Knowledge
from etl.lang.names import NameTokens
from etl.resolve.persons import resolve_persons

# Claim ids: "<source_id>:<char_start>:<what the claim is about>", stable across builds.
# A second claim with the same id (two terms for one person in one span) gets ":2".
ID_PARTS = {
    "mentions": ("mention_id", ["person_id"]),
    "defendants": ("defendant_id", ["trial_id", "person_id"]),
    "sentences": ("sentence_id", ["person_id"]),
    "expulsion_stats": ("stat_id", []),
}


def sources_frame(entries: list[SourceEntry], texts: dict[str, Source]) -> pd.DataFrame:
    rows = [
        {**asdict(e), "lines": texts[e.source_id].lines, "chars": len(texts[e.source_id].text)}
        for e in entries
    ]
    return pd.DataFrame(rows, columns=schemas.columns("sources"))


def claim_id(row: dict, parts: list[str]) -> str:
    return ":".join([row["source_id"], str(row["char_start"]), *(str(row[p]) for p in parts)])


def numbered(ids: list[str]) -> list[str]:
    """Ids made unique in order: the second of an id gets ":2", the third ":3"."""
    if len(set(ids)) == len(ids):  # as a rule: one set, not a count per id
        return ids
    seen: dict[str, int] = {}
    out = []
    for base in ids:
        n = seen[base] = seen.get(base, 0) + 1
        out.append(base if n == 1 else f"{base}:{n}")
    return out


def joined_ids(keys: list[list]) -> list[str]:
    """Each row's values of the columns `keys` joined by ":", as `claim_id` joins them (one
    f-string per column for the whole column, not a join per row)."""
    ids = [str(value) for value in keys[0]]
    for column in keys[1:]:
        ids = [f"{done}:{value}" for done, value in zip(ids, column, strict=True)]
    return ids


def typed_column(values: list) -> object:
    """A column of Python values with the dtype pandas would infer for it, given at once
    where every value is an int (int64) or a str (str): inferring it value by value took
    most of making the mentions frame."""
    types = set(map(type, values))
    if types == {int}:
        return np.array(values, dtype=np.int64)
    if types == {str}:  # through Arrow, as pandas stores it: faster than pd.array(values)
        return pd.array(pa.array(values, type=pa.large_string()), dtype="str")
    return values


def to_frame(
    resource: str, rows: list[dict], columns: dict[str, list] | None = None
) -> pd.DataFrame:
    """Rows as a typed frame in published column order, sorted by primary key; `columns`,
    more rows given by column (every value present), come after `rows`."""
    id_column, parts = ID_PARTS.get(resource, (None, []))
    if columns is not None and rows:  # both: as rows (a curated row among the mentions)
        listed = zip(*columns.values(), strict=True)
        rows = rows + [dict(zip(columns, values, strict=True)) for values in listed]
        columns = None
    if columns is not None:
        if id_column:
            if id_column not in columns:
                keys = [columns["source_id"], columns["char_start"], *(columns[p] for p in parts)]
                columns[id_column] = joined_ids(keys)
            columns[id_column] = numbered(columns[id_column])
        typed = {name: typed_column(values) for name, values in columns.items()}
        frame = pd.DataFrame(typed).reindex(columns=schemas.columns(resource))
    else:
        if id_column:
            seen: dict[str, int] = {}
            for row in rows:
                base = row.get(id_column) or claim_id(row, parts)
                seen[base] = seen.get(base, 0) + 1
                row[id_column] = base if seen[base] == 1 else f"{base}:{seen[base]}"
        frame = pd.DataFrame(rows).reindex(columns=schemas.columns(resource))
    frame, failures = coerce(resource, frame)
    if failures:
        msg = f"{resource}: extracted values of the wrong type: {failures[:3]}"
        raise ValueError(msg)
    key = schemas.primary_key(resource)
    return frame.sort_values(key, kind="stable").reset_index(drop=True)


def resolve(
    records: list[Record],
    entries: list[SourceEntry],
    texts: dict[str, Source],
    kb: Knowledge,
    tokens: dict[str, NameTokens] | None = None,
) -> tuple[dict[str, pd.DataFrame], list[dict]]:
    """All resources as frames, persons and trials resolved across texts, and the
    warnings resolution raised (names it could not resolve); `tokens`, the name tokens
    of the texts by source id (those not given are read from the texts)."""
    persons, records, warnings, mentions = resolve_persons(records, texts, kb, tokens)
    warnings += list_counts(records)
    records = resolve_trials(records)
    warnings += [check_row(r) for r in records if r.resource == "checks"]
    records = [r for r in records if r.resource != "checks"]
    rows: dict[str, list[dict]] = {name: [] for name in schemas.MODELS}
    for record in records:
        rows[record.resource].append(record.row())
    frames = {"sources": sources_frame(entries, texts), "persons": to_frame("persons", persons)}
    frames["mentions"] = to_frame("mentions", rows["mentions"], mentions.columns())
    for resource in schemas.MODELS:
        if resource not in frames:
            frames[resource] = to_frame(resource, rows[resource])
    return frames, warnings


def list_counts(records: list[Record]) -> list[dict]:
    """A list whose length differs from the count its sentence gives ("18 of the accused"
    and 13 names), reported with the list's span."""
    out, seen = [], set()
    for record in records:
        if record.resource != "defendants" or record.span in seen:
            continue
        seen.add(record.span)
        count, listed = record.refs.get("count"), record.refs.get("listed")
        if count and listed and count != listed:
            out.append(
                {
                    "rule": "list-count-mismatch",
                    "resource": "defendants",
                    "subject": record.fields["trial_id"],
                    "message": f"the text gives {count} and lists {listed} names",
                    "evidence": record.span.ref,
                }
            )
    return out


def check_row(record: Record) -> dict:
    """A finding an extractor made, as a row for the checks stage, its spans as evidence."""
    spans = [record.span.ref, *record.refs.get("evidence", [])]
    row = {**record.fields, "evidence": " | ".join(spans), "source_id": record.span.source_id}
    if "counts" in record.refs:
        row["counts"] = record.refs["counts"]
    return row


def date_precision(record: Record) -> tuple:
    """How well a passage defines a trial: exact days beat months, more fields beat fewer."""
    fields = record.fields
    start = fields.get("start_date") or ""
    filled = sum(v is not None for v in fields.values())
    return (len(start), fields.get("end_date") is not None, filled)


def resolve_trials(records: list[Record]) -> list[Record]:
    """One trial row per trial: the best defining passage over all texts wins; a trial that
    defendants refer to but no passage defines gets no row (the defendants then fail their
    foreign key, which validation reports)."""
    best: dict[str, Record] = {}
    for record in records:
        if record.resource != "trials":
            continue
        current = best.get(record.fields["trial_id"])
        if current is None or date_precision(record) > date_precision(current):
            best[record.fields["trial_id"]] = record
    stated = {}
    for record in records:
        if record.resource == "defendants" and record.refs.get("stated"):
            stated.setdefault(record.fields["trial_id"], record.refs["stated"])
    kept = [r for r in records if r.resource != "trials"]
    for trial_id, record in sorted(best.items()):
        fields = {**record.fields, "defendants_stated": stated.get(trial_id)}
        kept.append(replace(record, fields=fields))
    return kept
