"""Publishing: deterministic Parquet files and a Frictionless descriptor, written atomically.

Everything is written to a staging folder beside the release
(`dist/.staging-<version>-<pid>-<random>`) and renamed into place only when
complete, so a failure leaves `dist/` as it was. A process killed while
publishing (kill -9, power cut) leaves its staging folder behind: the next
build removes every staging folder whose process is gone, and every command
ignores them (they are hidden and never named like a version). A version
already in `dist/` is immutable: rebuilding it into other data is refused.
"""

from __future__ import annotations

import filecmp
import hashlib
import json
import os
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from etl.contract import schemas
from etl.contract.tableschema import table_schema
from etl.errors import Problem, VersionConflict
from etl.version import RELEASED

ARROW_TYPES = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
}
PACKAGE = {
    "name": "soviet-purges",
    "title": "Soviet party purges and Moscow trials: claims with their evidence",
    "description": (
        "Persons, trials, defendants, sentences and party-expulsion statistics as stated by "
        "historical texts of the 1930s and about them. Every row is one claim of one source "
        "and carries the exact span of text (file, lines, character offsets, quote) it was "
        "read from; disagreeing sources are kept side by side, never merged."
    ),
    "licenses": [
        {
            "name": "CC-BY-SA-4.0",
            "path": "https://creativecommons.org/licenses/by-sa/4.0/",
            "title": "Creative Commons Attribution Share-Alike 4.0",
        }
    ],
    # Data Package v2: `roles` (a list) replaces v1's `role`; kept both for v1 readers.
    "contributors": [
        {
            "title": "The soviet-purges project",
            "role": "author",
            "roles": ["creator", "publisher"],
        }
    ],
}
# Package metadata that credits and describes the data rather than being it: a rebuild of
# a published version whose data and resources are byte-identical but whose metadata was
# enriched later (v2 `roles`, source licences) is still the same release.
METADATA_KEYS = ("licenses", "contributors", "sources")
STAGING = ".staging-"


def created_timestamp() -> str:
    """`created` of the descriptor: SOURCE_DATE_EPOCH if set, else the release date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"{RELEASED}T00:00:00Z"


def arrow_table(resource: str, frame: pd.DataFrame) -> pa.Table:
    """The frame with the published column order and Arrow types, without pandas metadata."""
    fields = table_schema(resource)["fields"]
    arrow_schema = pa.schema(
        [pa.field(f["name"], ARROW_TYPES[f["type"]], nullable=True) for f in fields]
    )
    arrays = [_arrow_array(frame[f["name"]], ARROW_TYPES[f["type"]]) for f in fields]
    return pa.Table.from_arrays(arrays, schema=arrow_schema)


def _arrow_array(column: pd.Series, arrow_type: pa.DataType) -> pa.Array:
    """One column as an Arrow array of the published type, a missing value as null: read
    from the column's own buffers where its dtype is the published one (numbers without
    missing values, strings), else value by value."""
    dtype = column.dtype
    direct = (
        (arrow_type == pa.int64() and dtype == "int64")
        or (arrow_type == pa.float64() and dtype == "float64")
        or (arrow_type == pa.string() and isinstance(dtype, pd.StringDtype))
    )
    if direct:
        array = pa.array(column, from_pandas=True)
        if isinstance(array, pa.ChunkedArray):
            array = array.combine_chunks()
        return array.cast(arrow_type)
    values = column.astype(object).where(column.notna(), None).tolist()
    return pa.array(values, type=arrow_type)


def write_parquet(resource: str, frame: pd.DataFrame, path: Path) -> None:
    pq.write_table(
        arrow_table(resource, frame),
        path,
        compression="zstd",
        use_dictionary=False,
        write_statistics=True,
        store_schema=False,
    )


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def descriptor(version: str, sources: pd.DataFrame, folder: Path) -> dict:
    resources = []
    for resource in schemas.MODELS:
        path = folder / "data" / f"{resource}.parquet"
        resources.append(
            {
                "name": resource,
                "title": schemas.MODELS[resource].Config.metadata["title"],
                "description": (schemas.MODELS[resource].__doc__ or "").strip(),
                "path": f"data/{resource}.parquet",
                "type": "table",
                "format": "parquet",
                "mediatype": "application/vnd.apache.parquet",
                "bytes": path.stat().st_size,
                "hash": f"sha256:{file_sha256(path)}",
                "schema": table_schema(resource),
            }
        )
    return {
        **PACKAGE,
        "version": version,
        "created": created_timestamp(),
        "sources": [source_entry(row) for row in sources.itertuples(index=False)],
        "resources": resources,
    }


def source_entry(row: object) -> dict:
    """A `sources` item (Data Package v2: title, path) for one text, with the
    text's own licence and origin, which are not the package's."""
    return {
        "title": f"{row.title} ({row.author}, {row.written})",
        "path": row.path,
        "description": row.origin,
        "licenses": [{"title": row.license}],
    }


def package_files(folder: Path) -> list[Path]:
    """The files that make the package (descriptor and data), not the release artefacts
    (CSV copies, page, checksums) written beside them later."""
    data = sorted(p.relative_to(folder) for p in (folder / "data").rglob("*") if p.is_file())
    return [Path("datapackage.json"), *data]


def release_data(descriptor_path: Path) -> dict:
    """The descriptor without the package metadata (credits, licences, sources)."""
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    return {k: v for k, v in descriptor.items() if k not in METADATA_KEYS}


def same_release(a: Path, b: Path) -> bool:
    """Same data files byte for byte, and the same descriptor but for its package metadata."""
    files_a, files_b = package_files(a), package_files(b)
    if files_a != files_b:
        return False
    data = [f for f in files_a if f.name != "datapackage.json"]
    if not all(filecmp.cmp(a / f, b / f, shallow=False) for f in data):
        return False
    return release_data(a / "datapackage.json") == release_data(b / "datapackage.json")


def staging_pid(folder: Path) -> int | None:
    """The process id a staging folder was made by, or None if it is not one of ours."""
    parts = folder.name.removeprefix(STAGING).split("-")
    if not folder.name.startswith(STAGING) or len(parts) < 3 or not parts[-2].isdigit():
        return None
    return int(parts[-2])


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def stale_staging(dist: Path) -> list[Path]:
    """Staging folders in `dist` whose process is gone (killed while publishing)."""
    if not dist.is_dir():
        return []
    found = []
    for folder in sorted(dist.iterdir()):
        pid = staging_pid(folder) if folder.is_dir() else None
        if pid is not None and pid != os.getpid() and not process_alive(pid):
            found.append(folder)
    return found


def remove_stale_staging(dist: Path) -> list[Path]:
    """Remove the staging folders left by killed builds; returns what was removed."""
    removed = stale_staging(dist)
    for folder in removed:
        shutil.rmtree(folder, ignore_errors=True)
    return removed


def staging_folder(dist: Path, label: str) -> Path:
    """A new staging folder in `dist` that names its label and this process."""
    return Path(tempfile.mkdtemp(prefix=f"{STAGING}{label}-{os.getpid()}-", dir=dist))


def write_files(frames: dict[str, pd.DataFrame], version: str, folder: Path) -> None:
    (folder / "data").mkdir(parents=True)
    for resource in schemas.MODELS:
        write_parquet(resource, frames[resource], folder / "data" / f"{resource}.parquet")
    package = descriptor(version, frames["sources"], folder)
    text = json.dumps(package, indent=2, ensure_ascii=False) + "\n"
    (folder / "datapackage.json").write_text(text, encoding="utf-8")


def publish(frames: dict[str, pd.DataFrame], version: str, dist: Path) -> tuple[Path, bool]:
    """Write the release into dist/<version>/; returns (folder, whether it was new).

    An existing version is only confirmed, never overwritten: identical bytes
    are a no-op, different bytes are a `VersionConflict`.
    """
    dist.mkdir(parents=True, exist_ok=True)
    remove_stale_staging(dist)
    target = dist / version
    staging = staging_folder(dist, version)
    try:
        write_files(frames, version, staging)
        if target.exists():
            if not same_release(staging, target):
                raise VersionConflict(
                    Problem(
                        code="version-conflict",
                        file=str(target),
                        value=version,
                        message="already holds this release with other data; a published "
                        "version is immutable",
                        fix="bump DATA_VERSION in etl/version.py (PATCH fixes data, MINOR "
                        "adds records, MAJOR changes a schema)",
                    )
                )
            (target / "datapackage.json").touch()
            return target, False
        staging.chmod(0o755)
        staging.rename(target)
        return target, True
    finally:
        if staging.exists():
            shutil.rmtree(staging)
