"""Release artefacts beside each published package, for people who never run the pipeline.

For dist/<version>/: a CSV copy of every resource in csv/ with its own descriptor
(datapackage-csv.json, the same Table Schemas), the dataset page index.html, and
SHA256SUMS of every file; beside it dist/soviet-purges-<version>.zip, and
dist/CHANGELOG.md, what each release changed since the one before. Artefacts
are written once per version and never rewritten (the package stays immutable),
and are deterministic: fixed timestamps and order, so the same release gives
the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from itertools import pairwise
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from etl import paths
from etl.diff import diff_releases, diff_text
from etl.page import write_page

SUMS = "SHA256SUMS"
NULLABLE = {pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype()}
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def versions(dist: Path = paths.DIST) -> list[str]:
    """Released versions in SemVer order."""
    found = [p.name for p in dist.iterdir() if (p / "datapackage.json").is_file()]
    return sorted(found, key=lambda v: tuple(int(x) for x in v.split(".")))


def write_csv_copy(folder: Path) -> None:
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    (folder / "csv").mkdir(exist_ok=True)
    resources = []
    for resource in descriptor["resources"]:
        # Nullable types, so that an integer column with gaps is written as 17, not 17.0.
        frame = pq.read_table(folder / resource["path"]).to_pandas(types_mapper=NULLABLE.get)
        path = folder / "csv" / f"{resource['name']}.csv"
        for column in frame.columns:
            if str(frame[column].dtype) == "boolean":
                frame[column] = frame[column].map(
                    {True: "true", False: "false"}, na_action="ignore"
                )
        frame.to_csv(path, index=False, lineterminator="\n")
        data = path.read_bytes()
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


def make_release(version: str, dist: Path = paths.DIST, root: Path = paths.ROOT) -> bool:
    """Write the artefacts of one version if it has none yet; True if written."""
    folder = dist / version
    if (folder / SUMS).is_file():
        return False
    write_csv_copy(folder)
    write_page(folder, root)
    write_sums(folder)
    write_zip(folder, dist / f"soviet-purges-{version}.zip")
    return True


def write_changelog(dist: Path = paths.DIST) -> Path:
    """dist/CHANGELOG.md: for every release, what changed since the one before."""
    found = versions(dist)
    parts = ["# Changes in the published data", ""]
    for old, new in reversed(list(pairwise(found))):
        parts.append(f"## {new}\n")
        parts.append(diff_text(old, new, diff_releases(dist / old, dist / new), limit=5))
    if found:
        parts.append(f"## {found[0]}\n\nFirst release.\n")
    path = dist / "CHANGELOG.md"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path
