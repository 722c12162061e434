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

from etl import schemas
from etl.errors import EtlError
from etl.tableschema import field_type


@dataclass(frozen=True)
class Failure:
    resource: str
    row: int | None
    key: str | None
    column: str | None
    value: str | None
    check: str
    severity: str = "error"

    def __str__(self) -> str:
        where = [self.resource]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.key:
            where.append(f"key {self.key}")
        if self.column:
            where.append(f"column {self.column!r}")
        value = "" if self.value is None else f": value {self.value!r}"
        return f"{', '.join(where)}{value} breaks {self.check}"


def coerce(resource: str, frame: pd.DataFrame) -> tuple[pd.DataFrame, list[Failure]]:
    """Give each column its published type; cells that cannot take it become failures.

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
        for index in col[bad].index:
            failures.append(
                Failure(resource, int(index) + 1, None, name, str(col[index]), f"type {kind}")
            )
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


def check_frame(resource: str, frame: pd.DataFrame) -> list[Failure]:
    """All Pandera failures of one table, as `Failure`s."""
    model = schemas.MODELS[resource]
    try:
        model.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        failures: list[Failure] = []
        for case in exc.failure_cases.itertuples(index=False):
            row = None if pd.isna(case.index) else int(case.index) + 1
            column = None if pd.isna(case.column) else str(case.column)
            value = None if pd.isna(case.failure_case) else str(case.failure_case)
            if case.schema_context == "DataFrameSchema" and row is not None:
                column = value = None  # a check across columns fails the whole row
            key = None if row is None else _key_of(frame, resource, case.index)
            failure = Failure(resource, row, key, column, value, str(case.check))
            if failure not in failures:
                failures.append(failure)
        return failures
    return []


def check_foreign_keys(frames: dict[str, pd.DataFrame]) -> list[Failure]:
    """Every foreign key of every table resolves (Pandera cannot check across tables)."""
    failures = []
    for resource, frame in frames.items():
        for column, ref, ref_column in schemas.foreign_keys(resource):
            if ref not in frames or column not in frame.columns:
                continue
            known = set(frames[ref][ref_column].dropna())
            values = frame[column]
            for index in values[values.notna() & ~values.isin(known)].index:
                failures.append(
                    Failure(
                        resource,
                        int(index) + 1,
                        _key_of(frame, resource, index),
                        column,
                        str(values[index]),
                        f"foreign key to {ref}.{ref_column}",
                    )
                )
    return failures


def validate_frames(frames: dict[str, pd.DataFrame]) -> list[Failure]:
    failures = []
    for resource, frame in frames.items():
        failures += check_frame(resource, frame)
    return failures + check_foreign_keys(frames)


def read_table_file(path: Path, resource: str) -> tuple[pd.DataFrame, list[Failure]]:
    """Read one resource from CSV or Parquet and coerce it to the published types."""
    if path.suffix == ".parquet":
        frame = pd.read_parquet(path)
    elif path.suffix == ".csv":
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    else:
        msg = f"{path}: expected a .csv or .parquet file, or a datapackage.json"
        raise EtlError(msg)
    failures = []
    expected = schemas.columns(resource)
    missing = [c for c in expected if c not in frame.columns]
    extra = [c for c in frame.columns if c not in expected]
    for column in missing:
        failures.append(Failure(resource, None, None, column, None, "column is required"))
    for column in extra:
        failures.append(Failure(resource, None, None, column, None, "column is not in the schema"))
    frame, type_failures = coerce(resource, frame)
    return frame, failures + type_failures


def validate_path(path: Path, resource: str | None = None) -> list[Failure]:
    """Validate a data package, or one CSV/Parquet file of a resource (named or by file stem)."""
    if not path.exists():
        msg = f"{path}: no such file"
        raise EtlError(msg)
    if path.name == "datapackage.json" or path.is_dir():
        descriptor_path = path / "datapackage.json" if path.is_dir() else path
        descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
        frames, failures = {}, []
        for res in descriptor["resources"]:
            frame, read_failures = read_table_file(
                descriptor_path.parent / res["path"], res["name"]
            )
            frames[res["name"]] = frame
            failures += read_failures
        return failures + validate_frames(frames)
    resource = resource or path.stem
    if resource not in schemas.MODELS:
        known = ", ".join(schemas.MODELS)
        msg = f"{path}: cannot tell which resource this is; pass --resource (one of {known})"
        raise EtlError(msg)
    frame, failures = read_table_file(path, resource)
    if any(f.row is None for f in failures):
        return failures
    return failures + check_frame(resource, frame)


def failures_json(failures: list[Failure]) -> str:
    return json.dumps(
        {
            "valid": not any(f.severity == "error" for f in failures),
            "failures": [asdict(f) for f in failures],
        },
        indent=2,
        ensure_ascii=False,
    )
