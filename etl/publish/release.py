"""Release artefacts beside each published package, for people who never run the pipeline.

For dist/<version>/: a CSV copy of every resource in csv/ with its own descriptor
(datapackage-csv.json, the same Table Schemas), a SQLite copy with full-text
search and views (soviet-purges.sqlite), the dataset page index.html, and
SHA256SUMS of every file; beside it dist/soviet-purges-<version>.zip, and
dist/CHANGELOG.md, what each release changed since the one before. Artefacts
are written once per version and never rewritten (the package stays immutable),
and are deterministic: fixed timestamps and order, so the same release gives
the same bytes.

CSV copies are safe to open in a spreadsheet: a text cell that starts with =, +,
-, @, a tab or a carriage return gets a leading single quote (OWASP's advice on
CSV injection); numeric and boolean columns are never changed.

Artefacts are written in a staging folder (dist/.staging-release-<version>-<pid>-…)
and moved into the release, SHA256SUMS last: a release without SHA256SUMS is
not finished, and the next `etl release` writes it again.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import zipfile
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from etl.project import Project
from etl.publish.diff import diff_releases, diff_text
from etl.publish.package import remove_stale_staging, staging_folder
from etl.publish.page import write_page
from etl.publish.sqlite import write_sqlite

SUMS = "SHA256SUMS"
SEMVER = re.compile(r"^\d+\.\d+\.\d+$")


def semver_key(version: str) -> tuple[int, ...]:
    return tuple(int(x) for x in version.split("."))


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NULLABLE = {pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype()}
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def versions(dist: Path) -> list[str]:
    """Released versions in SemVer order."""
    found = [
        p.name
        for p in dist.iterdir()
        if SEMVER.match(p.name) and (p / "datapackage.json").is_file()
    ]
    return sorted(found, key=semver_key)


def spreadsheet_safe(value: object) -> object:
    """A text cell a spreadsheet would run as a formula, with a leading ' (OWASP)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_cell(value: object) -> str:
    """One CSV cell: empty for null; quoted when it holds a comma, a quote or a line break,
    a carriage return included (Python's csv module leaves a lone \\r unquoted when lines
    end in \\n, and a reader then splits the row there)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    text = value if isinstance(value, str) else str(value)
    if any(c in text for c in ',"\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_text(frame: pd.DataFrame) -> str:
    rows = [",".join(csv_cell(c) for c in frame.columns)]
    for values in frame.astype(object).itertuples(index=False, name=None):
        rows.append(",".join(csv_cell(v) for v in values))
    return "\n".join(rows) + "\n"


def write_csv_copy(folder: Path) -> None:
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    (folder / "csv").mkdir(exist_ok=True)
    resources = []
    for resource in descriptor["resources"]:
        # Nullable types, so that an integer column with gaps is written as 17, not 17.0.
        frame = pq.read_table(folder / resource["path"]).to_pandas(types_mapper=NULLABLE.get)
        path = folder / "csv" / f"{resource['name']}.csv"
        for field in resource["schema"]["fields"]:
            if field["type"] == "string":
                frame[field["name"]] = frame[field["name"]].map(spreadsheet_safe)
        for column in frame.columns:
            if str(frame[column].dtype) == "boolean":
                frame[column] = frame[column].map(
                    {True: "true", False: "false"}, na_action="ignore"
                )
        data = csv_text(frame).encode("utf-8")
        path.write_bytes(data)
        resources.append(
            {
                **{
                    k: v
                    for k, v in resource.items()
                    if k not in ("path", "format", "mediatype", "bytes", "hash")
                },
                "path": f"csv/{resource['name']}.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": len(data),
                "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
            }
        )
    copy = {**descriptor, "name": f"{descriptor['name']}-csv", "resources": resources}
    text = json.dumps(copy, indent=2, ensure_ascii=False) + "\n"
    (folder / "datapackage-csv.json").write_text(text, encoding="utf-8")


def files_of(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name != SUMS)


def write_sums(folder: Path) -> None:
    lines = [
        f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.relative_to(folder).as_posix()}"
        for p in files_of(folder)
    ]
    (folder / SUMS).write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_zip(folder: Path, target: Path) -> None:
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in [*files_of(folder), folder / SUMS]:
            info = zipfile.ZipInfo(f"{folder.name}/{path.relative_to(folder).as_posix()}", ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())


def make_release(version: str, dist: Path, project: Project) -> bool:
    """Write the artefacts of one version in `dist` if it has none yet; True if written.
    The page quotes the project's texts and both copies describe columns with its data
    contract."""
    folder = dist / version
    if (folder / SUMS).is_file():
        return False
    remove_stale_staging(dist)
    staging = staging_folder(dist, f"release-{version}")
    try:
        work = staging / version
        work.mkdir()
        shutil.copy2(folder / "datapackage.json", work / "datapackage.json")
        shutil.copytree(folder / "data", work / "data")
        write_csv_copy(work)
        write_sqlite(work, project.contract)
        earlier = [v for v in versions(dist) if semver_key(v) < semver_key(version)]
        changes = None
        if earlier:
            previous = earlier[-1]
            changes = diff_text(previous, version, diff_releases(dist / previous, work))
        write_page(work, project, changes)
        write_sums(work)
        zip_name = f"soviet-purges-{version}.zip"
        write_zip(work, staging / zip_name)
        # Into place: artefacts, then the zip, then SHA256SUMS, which marks the release done.
        for entry in sorted(work.iterdir()):
            if entry.name in ("datapackage.json", "data", SUMS):
                continue
            target = folder / entry.name
            if target.is_dir():
                shutil.rmtree(target)
            entry.rename(target)
        (staging / zip_name).replace(dist / zip_name)
        (work / SUMS).replace(folder / SUMS)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return True


def write_releases(
    dist: Path, project: Project, progress: Callable[[str, bool], None] | None = None
) -> Path:
    """`etl release`: the artefacts of every release in `dist` that lacks them (`progress`
    hears of each version, and whether they were written), then dist/CHANGELOG.md, whose
    path it returns."""
    for version in versions(dist):
        written = make_release(version, dist, project)
        if progress:
            progress(version, written)
    return write_changelog(dist, project)


def write_changelog(dist: Path, project: Project) -> Path:
    """dist/CHANGELOG.md: for every release, what changed since the one before, after the
    project's release notes for it."""
    found = versions(dist)
    parts = ["# Changes in the published data", ""]
    for old, new in reversed(list(pairwise(found))):
        parts.append(f"## {new}\n")
        notes = project.release_notes / f"{new}.md"
        if notes.is_file():  # why the data changed, in the maintainers' words
            parts.append(notes.read_text(encoding="utf-8").strip() + "\n")
        parts.append(diff_text(old, new, diff_releases(dist / old, dist / new), limit=5))
    if found:
        parts.append(f"## {found[0]}\n\nFirst release.\n")
    path = dist / "CHANGELOG.md"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path
