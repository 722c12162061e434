"""Validation of resource tables: Pandera checks (lazy, all failures kept) and foreign keys.

A `Failure` names resource, row, primary key, column, value and the broken
check, so that a report line can be acted on without reading the code.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from etl import pathguard
from etl.contract import schemas
from etl.contract.tableschema import field_type
from etl.errors import EtlError


@dataclass(frozen=True)
class Failure:
    resource: str
    row: int | None
    key: str | None
    column: str | None
    value: str | None
    check: str
    severity: str = "error"
    more: int = 0
    """On a summary line: how many more rows break this check in this column, not listed."""

    def __str__(self) -> str:
        where = [self.resource]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.key:
            where.append(f"key {self.key}")
        if self.column:
            where.append(f"column {self.column!r}")
        if self.more:
            return f"{', '.join(where)}: {self.more} more row(s) break {self.check} (not listed)"
        value = "" if self.value is None else f": value {self.value!r}"
        return f"{', '.join(where)}{value} breaks {self.check}"


FIRST = 10
"""`etl validate` lists the first FIRST failures of each check in each column and counts the
rest, so a file whose every row is wrong gives a short report, as fast as a valid one."""


def failure_count(failures: list[Failure]) -> int:
    """Every failure, the listed ones and those a summary line counts."""
    return sum(f.more or 1 for f in failures)


def coerce(
    resource: str, frame: pd.DataFrame, first: int | None = None
) -> tuple[pd.DataFrame, list[Failure]]:
    """Give each column its published type; cells that cannot take it become failures
    (the first `first` of each column, and a count of the rest; all if None).

    Blank cells are missing values; whether a column may have them is the
    model's business, checked afterwards.
    """
    failures: list[Failure] = []
    out = frame.copy()
    dtypes = schemas.MODELS[resource].to_schema().dtypes
    for name, dtype in dtypes.items():
        if name not in out.columns:
            continue
        col = out[name]
        blank = col.isna() | (col.astype("str").str.strip() == "")
        kind = field_type(dtype)
        if kind == "string":
            out[name] = col.where(~blank).astype("str")
            continue
        if kind == "boolean":
            converted = col.where(~blank).map(_to_bool, na_action="ignore").astype("boolean")
        else:
            converted = pd.to_numeric(col.where(~blank), errors="coerce")
            if kind == "integer":
                converted = converted.where(converted % 1 == 0)
        bad = ~blank & converted.isna()
        cells = col[bad]
        listed = cells if first is None else cells.head(first)
        check = f"type {kind}"
        failures += [
            Failure(resource, int(index) + 1, None, name, str(value), check)
            for index, value in listed.items()
        ]
        if len(cells) > len(listed):
            more = len(cells) - len(listed)
            failures.append(Failure(resource, None, None, name, None, check, more=more))
        if kind == "integer":
            converted = converted.astype("Int64")
            if str(dtype) == "int64" and converted.notna().all():
                converted = converted.astype("int64")
        elif kind == "number":
            converted = converted.astype("float64")
        out[name] = converted
    return out, failures


def _to_bool(value: object) -> object:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    return {"true": True, "false": False, "1": True, "0": False}.get(text, pd.NA)


def _key_of(frame: pd.DataFrame, resource: str, index: object) -> str | None:
    key = [c for c in schemas.primary_key(resource) if c in frame.columns]
    if not key or index not in frame.index:
        return None
    return ",".join(str(frame.at[index, c]) for c in key)


def check_frame(resource: str, frame: pd.DataFrame, first: int | None = None) -> list[Failure]:
    """The Pandera failures of one table (lazy validation: every check runs), as `Failure`s:
    the first `first` of each check in each column and a count of the rest (all if None).

    With `first`, the model's own checks are run column by column to count the failures,
    and Pandera validates only a sample (the first `first` failing rows of each check) to
    word the listed ones: a table whose every row is wrong does not make Pandera format
    and sort millions of failure cases."""
    if first is not None:
        sampled = _check_sample(resource, frame, first)
        if sampled is not None:
            return sampled
    return _check_all(resource, frame, first)


def _check_all(resource: str, frame: pd.DataFrame, first: int | None) -> list[Failure]:
    model = schemas.MODELS[resource]
    try:
        model.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        return _failures(resource, frame, exc.failure_cases, first)
    return []


def _failing_rows(resource: str, frame: pd.DataFrame) -> dict[tuple[str | None, str], pd.Series]:
    """(column, check) -> boolean mask of the rows that break it, from the model's own
    Check objects (Pandera's wording of each check, as in its failure cases); column None
    for a check across columns."""
    schema = schemas.MODELS[resource].to_schema()
    masks: dict[tuple[str | None, str], pd.Series] = {}

    def add(key: tuple[str | None, str], passed: object) -> None:
        if isinstance(passed, pd.Series):  # Pandera leaves out the nulls it does not check
            bad = ~passed.reindex(frame.index, fill_value=True).fillna(False).astype(bool)
        else:  # a check that gives one verdict for the whole column: not counted per row
            bad = pd.Series(not bool(passed), index=frame.index)
        if bad.any():
            masks[key] = bad

    for name, column in schema.columns.items():
        if name not in frame.columns:
            continue
        series = frame[name]
        if not column.nullable:
            add((name, "not_nullable"), series.notna())
        if column.unique:
            add((name, "field_uniqueness"), ~series.duplicated(keep=False))
        for check in column.checks:
            add((name, _label(check)), check(series).check_output)
    if all(c in frame.columns for c in schema.columns):
        for check in schema.checks:
            add((None, _label(check)), check(frame).check_output)
    return masks


def _label(check: pa.Check) -> str:
    return str(check.error if check.error is not None else check.name)


def _check_sample(resource: str, frame: pd.DataFrame, first: int) -> list[Failure] | None:
    """`check_frame` for a large table: counts from `_failing_rows`, wording from Pandera on
    a sample of the failing rows; None if the two disagree on which checks fail (then the
    caller runs Pandera on the whole table)."""
    masks = _failing_rows(resource, frame)
    totals = {key: int(mask.sum()) for key, mask in masks.items()}
    rows = [frame.index[:1]]  # a failure of a whole column (dtype, strictness) shows on any row
    for (column, check), mask in masks.items():
        listed = frame.index[mask.to_numpy()][:first]
        rows.append(listed)
        if check == "field_uniqueness":  # each listed duplicate needs a partner in the sample
            series = frame[column]
            others = series[mask & ~series.index.isin(listed)].drop_duplicates()
            rows.append(others[others.isin(series[listed])].index)
    sample = frame.loc[frame.index.isin(rows[0].append(rows[1:]))]
    try:
        schemas.MODELS[resource].validate(sample, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    else:
        return None if totals else []
    failures = _failures(resource, frame, cases, first, totals)
    seen = {(f.column, f.check) for f in failures}
    per_row = {(f.column, f.check) for f in failures if f.row is not None or f.more}
    if not set(totals) <= seen or not per_row <= set(totals):
        return None
    return failures


def _failures(
    resource: str,
    frame: pd.DataFrame,
    cases: pd.DataFrame,
    first: int | None,
    totals: dict[tuple[str | None, str], int] | None = None,
) -> list:
    """Pandera's failure_cases table as Failures, grouped by (column, check), in its order;
    `totals`, if given, counts the failures of each (column, check) in the whole table when
    `cases` holds only a sample of them."""
    cases = cases[["schema_context", "column", "check", "index", "failure_case"]].copy()
    # A check across columns fails the whole row: no single column or value to name.
    wide = (cases["schema_context"] == "DataFrameSchema") & cases["index"].notna()
    cases["column"] = cases["column"].where(~wide & cases["column"].notna(), None)
    cases["failure_case"] = cases["failure_case"].where(~wide & cases["failure_case"].notna())
    cases["check"] = cases["check"].astype(str)
    cases = cases.drop_duplicates(["column", "check", "index", "failure_case"])
    failures: list[Failure] = []
    for (column, check), group in cases.groupby(["column", "check"], sort=False, dropna=False):
        column = None if pd.isna(column) else str(column)
        listed = group if first is None else group.head(first)
        rows = []
        for case in listed.itertuples(index=False):
            row = None if pd.isna(case.index) else int(case.index) + 1
            value = None if pd.isna(case.failure_case) else str(case.failure_case)
            key = None if row is None else _key_of(frame, resource, case.index)
            rows.append(Failure(resource, row, key, column, value, check))
        failures += rows
        total = len(group) if totals is None else totals.get((column, check), len(group))
        if total > len(listed):
            failures.append(
                Failure(resource, None, None, column, None, check, more=total - len(listed))
            )
    return failures


def check_foreign_keys(frames: dict[str, pd.DataFrame], first: int | None = None) -> list:
    """Every foreign key of every table resolves (Pandera cannot check across tables)."""
    failures = []
    for resource, frame in frames.items():
        for column, ref, ref_column in schemas.foreign_keys(resource):
            if ref not in frames or column not in frame.columns:
                continue
            if ref_column not in frames[ref].columns:
                continue
            known = set(frames[ref][ref_column].dropna())
            values = frame[column]
            bad = values[values.notna() & ~values.isin(known)]
            listed = bad if first is None else bad.head(first)
            check = f"foreign key to {ref}.{ref_column}"
            for index, value in listed.items():
                key = _key_of(frame, resource, index)
                failures.append(Failure(resource, int(index) + 1, key, column, str(value), check))
            if len(bad) > len(listed):
                more = len(bad) - len(listed)
                failures.append(Failure(resource, None, None, column, None, check, more=more))
    return failures


def validate_frames(frames: dict[str, pd.DataFrame], first: int | None = FIRST) -> list[Failure]:
    failures = []
    for resource, frame in frames.items():
        failures += check_frame(resource, frame, first)
    return failures + check_foreign_keys(frames, first)


def read_table_file(
    path: Path, resource: str, first: int | None = FIRST
) -> tuple[pd.DataFrame, list[Failure]]:
    """Read one resource from CSV or Parquet and coerce it to the published types."""
    try:
        if path.suffix == ".parquet":
            frame = pd.read_parquet(path)
        elif path.suffix == ".csv":
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        else:
            msg = f"{path}: expected a .csv or .parquet file, or a datapackage.json"
            raise EtlError(msg)
    except EtlError:
        raise
    except UnicodeDecodeError as exc:
        msg = f"{path}: byte {exc.start}: not valid UTF-8 ({exc.reason}); save it as UTF-8"
        raise EtlError(msg) from None
    except Exception as exc:  # pandas' ParserError names the line; pyarrow's errors vary
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[-1]
        msg = f"{path}: cannot be read as {path.suffix[1:].upper()}: {reason}"
        raise EtlError(msg) from None
    failures = []
    expected = schemas.columns(resource)
    missing = [c for c in expected if c not in frame.columns]
    extra = [c for c in frame.columns if c not in expected]
    for column in missing:
        failures.append(Failure(resource, None, None, column, None, "column is required"))
    for column in extra:
        failures.append(Failure(resource, None, None, column, None, "column is not in the schema"))
    frame, type_failures = coerce(resource, frame, first)
    return frame, failures + type_failures


def validate_path(path: Path, resource: str | None = None) -> list[Failure]:
    """Validate a data package, or one CSV/Parquet file of a resource (named or by file stem).

    Every check runs; each check lists its first FIRST failures per column and counts the rest.
    Paths in a descriptor must stay inside the package's folder."""
    if not path.exists():
        msg = f"{path}: no such file"
        raise EtlError(msg)
    if path.name == "datapackage.json" or path.is_dir():
        descriptor_path = path / "datapackage.json" if path.is_dir() else path
        descriptor, text = pathguard.read_descriptor(descriptor_path)
        frames, failures = {}, []
        for res in descriptor["resources"]:
            file = pathguard.resource_path(res, descriptor_path.parent, descriptor_path, text)
            name = res.get("name")
            if name not in schemas.MODELS:
                line = pathguard.json_line(text, name)
                msg = (
                    f"{pathguard.where(descriptor_path, line)}: resource name {name!r} "
                    f"is not one of {', '.join(schemas.MODELS)}"
                )
                raise EtlError(msg)
            if not file.is_file():
                msg = f"{descriptor_path}: resource {name!r}: {res['path']!r} is not a file"
                raise EtlError(msg)
            frame, read_failures = read_table_file(file, name)
            frames[name] = frame
            failures += read_failures
        return failures + validate_frames(frames)
    resource = resource or path.stem
    if resource not in schemas.MODELS:
        known = ", ".join(schemas.MODELS)
        msg = f"{path}: cannot tell which resource this is; pass --resource (one of {known})"
        raise EtlError(msg)
    frame, failures = read_table_file(path, resource)
    if any(f.check.startswith("column is") for f in failures):
        return failures
    return failures + check_frame(resource, frame, FIRST)


def failures_json(failures: list[Failure]) -> str:
    return json.dumps(
        {
            "valid": not any(f.severity == "error" for f in failures),
            "failures": [asdict(f) for f in failures],
        },
        indent=2,
        ensure_ascii=False,
    )
