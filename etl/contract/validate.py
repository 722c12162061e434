"""Validation of resource tables: Pandera checks (lazy, all failures kept) and foreign keys.

Every failure is a `Problem` naming the table (its file, or the resource's name
while the build holds it), the row and its primary key, the column, the value and
the broken check in words a contributor can act on (`describe`), so that a
report line can be acted on without reading the code.
"""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from etl import pathguard
from etl.contract import schemas
from etl.contract.tableschema import field_type
from etl.errors import EtlError, Problem


def _builtin_checks_without_hypothesis() -> None:
    """Load Pandera's built-in checks with `hypothesis` hidden, unless it is loaded already.

    Pandera registers its checks on the first validation, and the module that does imports
    its data-synthesis strategies, which import hypothesis whenever it is installed (it is,
    for the tests): 0.3 s of every build and `etl validate`, for strategies that validation
    never uses. Hidden, Pandera takes it for absent, as its own import guard allows; a
    process that wants Pandera's strategies imports hypothesis before this module."""
    if "hypothesis" in sys.modules or "pandera.strategies.base_strategies" in sys.modules:
        return
    sys.modules["hypothesis"] = None  # type: ignore[assignment]  # import → ImportError
    try:
        import pandera.backends.pandas.builtin_checks  # noqa: F401
    finally:
        del sys.modules["hypothesis"]


_builtin_checks_without_hypothesis()

FIRST = 10
"""`etl validate` lists the first FIRST failures of each check in each column and counts the
rest, so a file whose every row is wrong gives a short report, as fast as a valid one."""


def describe(check: str) -> tuple[str, str, str]:
    """(code, message, fix) of a broken Pandera check (or "type T"), in plain words."""
    if check == "not_nullable":
        return "missing-value", "a value is required", "give a value (the column is required)"
    if check == "field_uniqueness":
        return "unique-error", "must be unique", "give each row its own value"
    if check.startswith("type "):
        return "type-error", f"must be of type {check[5:]}", f"give a value of type {check[5:]}"
    words = _plain(check)
    if words is None:
        return "constraint-error", f"breaks the check {check!r}", "correct the row"
    return "constraint-error", f"must be {words}", f"give {words}"


def _plain(check: str) -> str | None:
    """What a column check asks for, in words; None for a check that is a sentence itself."""
    if m := re.fullmatch(r"isin\(\[(.*)\]\)", check):
        return "one of " + m[1].replace("'", "")
    if m := re.fullmatch(r"greater_than_or_equal_to\((.*)\)", check):
        return f"a number of at least {m[1]}"
    if m := re.fullmatch(r"less_than_or_equal_to\((.*)\)", check):
        return f"a number of at most {m[1]}"
    if schemas.PARTIAL_DATE in check:
        return "an ISO date: 1937, 1937-01 or 1937-01-30"
    if schemas.SLUG in check:
        return "a slug of lowercase letters, digits and hyphens"
    return None


def failure(
    resource: str,
    check: str,
    *,
    row: int | None = None,
    key: str | None = None,
    column: str | None = None,
    value: str | None = None,
    more: int = 0,
) -> Problem:
    """The problem of one cell (or row, or column) of a table that breaks `check`; with
    `more`, the summary of that many further failures of it, not listed."""
    code, message, fix = describe(check)
    if more:
        message = f"{more} more row(s) break this: {message} (not listed)"
    return Problem(
        code=code,
        file=resource,
        row=row,
        key=key,
        column=column,
        value=value,
        message=message,
        fix=fix,
        more=more,
    )


def count(problems: list[Problem]) -> int:
    """Every problem, the listed ones and those a summary line counts."""
    return sum(p.count for p in problems)


def coerce(
    resource: str, frame: pd.DataFrame, first: int | None = None
) -> tuple[pd.DataFrame, list[Problem]]:
    """Give each column its published type; cells that cannot take it become failures
    (the first `first` of each column, and a count of the rest; all if None).

    Blank cells are missing values; whether a column may have them is the
    model's business, checked afterwards.
    """
    failures: list[Problem] = []
    out = frame.copy()
    dtypes = schemas.MODELS[resource].to_schema().dtypes
    for name, dtype in dtypes.items():
        if name not in out.columns:
            continue
        col = out[name]
        if pd.api.types.is_numeric_dtype(col.dtype):  # numbers and booleans: never blank text
            blank = col.isna()
        else:
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
            failure(resource, check, row=int(index) + 1, column=name, value=str(value))
            for index, value in listed.items()
        ]
        if len(cells) > len(listed):
            more = len(cells) - len(listed)
            failures.append(failure(resource, check, column=name, more=more))
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


def check_frame(resource: str, frame: pd.DataFrame, first: int | None = None) -> list[Problem]:
    """The Pandera failures of one table (lazy validation: every check runs), as problems:
    the first `first` of each check in each column and a count of the rest (all if None).

    With `first`, the model's own checks are run column by column to count the failures,
    and Pandera validates only a sample (the first `first` failing rows of each check) to
    word the listed ones: a table whose every row is wrong does not make Pandera format
    and sort millions of failure cases."""
    if first is not None:
        if len(frame) <= WHOLE and _passes(resource, frame):
            return []
        sampled = _check_sample(resource, frame, first)
        if sampled is not None:
            return sampled
    return _check_all(resource, frame, first)


WHOLE = 100_000
"""A table of at most WHOLE rows is first validated whole, stopping at its first failure: a
valid one (every table of a build, as a rule) then costs one Pandera run, not two."""


def _passes(resource: str, frame: pd.DataFrame) -> bool:
    """Whether Pandera finds no failure in the table (checked to its first failure)."""
    try:
        schemas.MODELS[resource].validate(frame, lazy=False)
    except Exception:  # any failure: the caller words them all
        return False
    return True


def _check_all(resource: str, frame: pd.DataFrame, first: int | None) -> list[Problem]:
    model = schemas.MODELS[resource]
    try:
        model.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        return _failures(resource, frame, _grouped(exc.failure_cases, first))
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


def _check_sample(resource: str, frame: pd.DataFrame, first: int) -> list[Problem] | None:
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
    groups = _grouped(cases, first, totals)
    seen = {(column, check) for column, check, _, _ in groups}
    per_row = {
        (column, check)
        for column, check, listed, total in groups
        if listed["index"].notna().any() or total > len(listed)
    }
    if not set(totals) <= seen or not per_row <= set(totals):
        return None
    return _failures(resource, frame, groups)


Group = tuple[str | None, str, pd.DataFrame, int]
"""(column, check, the failure cases to list, how many there are in all)."""


def _grouped(
    cases: pd.DataFrame,
    first: int | None,
    totals: dict[tuple[str | None, str], int] | None = None,
) -> list[Group]:
    """Pandera's failure_cases table grouped by (column, check), in its order; `totals`, if
    given, counts the failures of each (column, check) in the whole table when `cases`
    holds only a sample of them."""
    cases = cases[["schema_context", "column", "check", "index", "failure_case"]].copy()
    # A check across columns fails the whole row: no single column or value to name.
    wide = (cases["schema_context"] == "DataFrameSchema") & cases["index"].notna()
    cases["column"] = cases["column"].where(~wide & cases["column"].notna(), None)
    cases["failure_case"] = cases["failure_case"].where(~wide & cases["failure_case"].notna())
    cases["check"] = cases["check"].astype(str)
    cases = cases.drop_duplicates(["column", "check", "index", "failure_case"])
    groups = []
    for (column, check), group in cases.groupby(["column", "check"], sort=False, dropna=False):
        column = None if pd.isna(column) else str(column)
        listed = group if first is None else group.head(first)
        total = len(group) if totals is None else totals.get((column, check), len(group))
        groups.append((column, check, listed, total))
    return groups


def _failures(resource: str, frame: pd.DataFrame, groups: list[Group]) -> list[Problem]:
    """The listed failure cases of each group as problems, and a summary of the rest."""
    failures: list[Problem] = []
    for column, check, listed, total in groups:
        for case in listed.itertuples(index=False):
            row = None if pd.isna(case.index) else int(case.index) + 1
            value = None if pd.isna(case.failure_case) else str(case.failure_case)
            key = None if row is None else _key_of(frame, resource, case.index)
            failures.append(failure(resource, check, row=row, key=key, column=column, value=value))
        if total > len(listed):
            failures.append(failure(resource, check, column=column, more=total - len(listed)))
    return failures


def check_foreign_keys(frames: dict[str, pd.DataFrame], first: int | None = None) -> list[Problem]:
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
            missing = Problem(
                code="foreign-key-error",
                file=resource,
                column=column,
                message=f"names no {ref_column} of {ref}",
                fix=f"use an existing {ref_column} (see the {ref} resource)",
            )
            for index, value in listed.items():
                key = _key_of(frame, resource, index)
                failures.append(replace(missing, row=int(index) + 1, key=key, value=str(value)))
            if len(bad) > len(listed):
                more = len(bad) - len(listed)
                message = f"{more} more row(s) name no {ref_column} of {ref} (not listed)"
                failures.append(replace(missing, message=message, more=more))
    return failures


def validate_frames(frames: dict[str, pd.DataFrame], first: int | None = FIRST) -> list[Problem]:
    failures = []
    for resource, frame in frames.items():
        failures += check_frame(resource, frame, first)
    return failures + check_foreign_keys(frames, first)


def read_table_file(
    path: Path, resource: str, first: int | None = FIRST
) -> tuple[pd.DataFrame, list[Problem]]:
    """Read one resource from CSV or Parquet and coerce it to the published types; the
    problems are located in the file (`file` is the path)."""
    unreadable = Problem(code="file-unreadable", file=str(path), message="")
    try:
        if path.suffix == ".parquet":
            frame = pd.read_parquet(path)
        elif path.suffix == ".csv":
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        else:
            message = "expected a .csv or .parquet file, or a datapackage.json"
            raise EtlError(replace(unreadable, message=message))
    except EtlError:
        raise
    except UnicodeDecodeError as exc:
        message = f"byte {exc.start}: not valid UTF-8 ({exc.reason})"
        problem = replace(unreadable, code="not-utf8", message=message, fix="save it as UTF-8")
        raise EtlError(problem) from None
    except Exception as exc:  # pandas' ParserError names the line; pyarrow's errors vary
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[-1]
        message = f"cannot be read as {path.suffix[1:].upper()}: {reason}"
        raise EtlError(replace(unreadable, message=message)) from None
    expected = schemas.columns(resource)
    failures = [column_problem(resource, c) for c in expected if c not in frame.columns]
    extra = [c for c in frame.columns if c not in expected]
    failures += [column_problem(resource, c, extra=True) for c in extra]
    frame, type_failures = coerce(resource, frame, first)
    return frame, [replace(p, file=str(path)) for p in failures + type_failures]


def column_problem(resource: str, column: str, *, extra: bool = False) -> Problem:
    """A column the table lacks (or, `extra`, has and should not)."""
    if extra:
        fix = f"remove it; the columns are {','.join(schemas.columns(resource))}"
        message = "the column is not in the schema"
        return Problem(code="extra-column", file=resource, column=column, message=message, fix=fix)
    message = "a required column is missing"
    fix = "add the column (see schemas/)"
    return Problem(code="missing-column", file=resource, column=column, message=message, fix=fix)


def package_resources(descriptor_path: Path) -> list[tuple[str, Path, dict]]:
    """(name, file, resource) of each resource of a data package, its path guarded to stay
    in the package; a name that is no published resource is refused with its line."""
    descriptor, text = pathguard.read_descriptor(descriptor_path)
    found = []
    for res in descriptor["resources"]:
        file = pathguard.resource_path(res, descriptor_path.parent, descriptor_path, text)
        name = res.get("name")
        if name not in schemas.MODELS:
            raise EtlError(
                Problem(
                    code="unknown-resource",
                    file=str(descriptor_path),
                    line=pathguard.json_line(text, name),
                    column="resources[].name",
                    value=str(name),
                    message="is not a published resource",
                    fix=f"use one of {', '.join(schemas.MODELS)}",
                )
            )
        found.append((name, file, res))
    return found


def validate_path(path: Path, resource: str | None = None) -> list[Problem]:
    """Validate a data package, or one CSV/Parquet file of a resource (named or by file stem).

    Every check runs; each check lists its first FIRST failures per column and counts the rest.
    Paths in a descriptor must stay inside the package's folder."""
    if not path.exists():
        raise EtlError(Problem(code="file-missing", file=str(path), message="no such file"))
    if path.name == "datapackage.json" or path.is_dir():
        descriptor_path = path / "datapackage.json" if path.is_dir() else path
        frames, failures, files = {}, [], {}
        for name, file, res in package_resources(descriptor_path):
            if not file.is_file():
                raise EtlError(
                    Problem(
                        code="file-missing",
                        file=str(descriptor_path),
                        column=f"resources[{name}].path",
                        value=res["path"],
                        message="is not a file",
                    )
                )
            frame, read_failures = read_table_file(file, name)
            frames[name], files[name] = frame, str(file)
            failures += read_failures
        table_failures = validate_frames(frames)
        return failures + [replace(p, file=files.get(p.file, p.file)) for p in table_failures]
    resource = resource or path.stem
    if resource not in schemas.MODELS:
        raise EtlError(
            Problem(
                code="unknown-resource",
                file=str(path),
                message="cannot tell which resource this is",
                fix=f"pass --resource (one of {', '.join(schemas.MODELS)})",
            )
        )
    frame, failures = read_table_file(path, resource)
    if any(p.code in ("missing-column", "extra-column") for p in failures):
        return failures
    return failures + [replace(p, file=str(path)) for p in check_frame(resource, frame, FIRST)]
