"""Differences between two releases, resource by resource, by primary key."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from etl.errors import EtlError, NoProject, Problem


@dataclass
class ResourceDiff:
    resource: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: dict[str, list[str]] = field(default_factory=dict)  # key → changed columns
    schema_changed: bool = False


def release_path(version_or_path: str, dist: Path | None) -> Path:
    """The release folder given, or the folder of the version given in `dist` (None
    outside a project: then only a folder will do)."""
    path = Path(version_or_path)
    if (path / "datapackage.json").is_file():
        return path
    if dist is None:
        raise NoProject(
            Problem(
                code="no-project",
                value=version_or_path,
                message="not a release folder, and no project here to find it as a version in",
                fix="give a release folder, or run etl in a project (or pass --project DIR)",
            )
        )
    if (dist / version_or_path / "datapackage.json").is_file():
        return dist / version_or_path
    raise EtlError(
        Problem(
            code="release-missing",
            value=version_or_path,
            message=f"neither a release folder nor a version in {dist}",
        )
    )


def read_release(folder: Path) -> tuple[dict, dict[str, pd.DataFrame]]:
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    frames = {r["name"]: pd.read_parquet(folder / r["path"]) for r in descriptor["resources"]}
    return descriptor, frames


def _keyed(frame: pd.DataFrame, key: list[str]) -> pd.DataFrame:
    """The frame indexed by its primary key as text ("a|b" for a key of two columns), built
    column by column: joining row by row cost more than the whole diff."""
    keyed = frame.copy()
    parts = [keyed[column].astype(str) for column in key]
    joined = parts[0].str.cat(parts[1:], sep="|") if len(parts) > 1 else parts[0]
    keyed.index = pd.Index(joined.to_numpy(dtype=object))
    return keyed


def _changed(before: pd.DataFrame, now: pd.DataFrame, rows: list[str]) -> dict[str, list[str]]:
    """The columns that differ in each of `rows` (keys present in both frames), compared a
    column at a time. The cells are compared as Python objects, as a row-by-row loop would
    compare them: two missing values are equal, a missing and a present value differ, and
    1 equals 1.0 when a column changed its type between releases."""
    shared = [c for c in now.columns if c in before.columns]
    if not rows or not shared:
        return {}
    old, new = before.loc[rows, shared], now.loc[rows, shared]
    differs = np.zeros((len(rows), len(shared)), dtype=bool)
    for j, column in enumerate(shared):
        a = old[column].to_numpy(dtype=object)
        b = new[column].to_numpy(dtype=object)
        both_missing = pd.isna(a) & pd.isna(b)
        differs[:, j] = ~both_missing & (a != b).astype(bool)
    return {
        rows[i]: [shared[j] for j in np.flatnonzero(differs[i])]
        for i in np.flatnonzero(differs.any(axis=1))
    }


def diff_releases(old: Path, new: Path) -> list[ResourceDiff]:
    """Rows added, removed and changed (with the changed columns) in each resource."""
    old_descriptor, old_frames = read_release(old)
    new_descriptor, new_frames = read_release(new)
    old_schemas = {r["name"]: r["schema"] for r in old_descriptor["resources"]}
    result = []
    for resource in new_descriptor["resources"]:
        name = resource["name"]
        key = resource["schema"]["primaryKey"]
        now = _keyed(new_frames[name], key)
        before = _keyed(old_frames.get(name, pd.DataFrame(columns=now.columns)), key)
        diff = ResourceDiff(name, schema_changed=old_schemas.get(name) != resource["schema"])
        diff.added = sorted(set(now.index) - set(before.index))
        diff.removed = sorted(set(before.index) - set(now.index))
        diff.changed = _changed(before, now, sorted(set(now.index) & set(before.index)))
        result.append(diff)
    return result


def diff_text(old: str, new: str, diffs: list[ResourceDiff], limit: int = 20) -> str:
    lines = [f"Changes from {old} to {new}", ""]
    for d in diffs:
        schema = " (schema changed)" if d.schema_changed else ""
        lines.append(
            f"- {d.resource}: {len(d.added)} added, {len(d.removed)} removed, "
            f"{len(d.changed)} changed{schema}"
        )
        for label, keys in (("added", d.added), ("removed", d.removed)):
            for row_key in keys[:limit]:
                lines.append(f"  - {label} {row_key}")
            if len(keys) > limit:
                lines.append(f"  - … and {len(keys) - limit} more {label}")
        for row_key, columns in list(d.changed.items())[:limit]:
            lines.append(f"  - changed {row_key}: {', '.join(columns)}")
    return "\n".join(lines) + "\n"


def diff_json(diffs: list[ResourceDiff]) -> str:
    return json.dumps([asdict(d) for d in diffs], indent=2, ensure_ascii=False)
