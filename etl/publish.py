"""Publishing: deterministic Parquet files and a Frictionless descriptor, written atomically.

Everything is written to a temporary folder beside the release and renamed
into place only when complete, so a failure leaves `dist/` as it was. A
version already in `dist/` is immutable: rebuilding it into other bytes is
refused.
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

from etl import schemas
from etl.errors import VersionConflict
from etl.tableschema import table_schema
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
    "contributors": [{"title": "The soviet-purges project", "role": "author"}],
}


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
    arrays = [
        pa.array(
            frame[f["name"]].astype(object).where(frame[f["name"]].notna(), None).tolist(),
            type=ARROW_TYPES[f["type"]],
        )
        for f in fields
    ]
    return pa.Table.from_arrays(arrays, schema=arrow_schema)


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
        "sources": [
            {"title": f"{row.title} ({row.author}, {row.written})", "path": row.path}
            for row in sources.itertuples(index=False)
        ],
        "resources": resources,
    }


def package_files(folder: Path) -> list[Path]:
    """The files that make the package (descriptor and data), not the release artefacts
    (CSV copies, page, checksums) written beside them later."""
    data = sorted(p.relative_to(folder) for p in (folder / "data").rglob("*") if p.is_file())
    return [Path("datapackage.json"), *data]


def same_release(a: Path, b: Path) -> bool:
    files_a, files_b = package_files(a), package_files(b)
    return files_a == files_b and all(filecmp.cmp(a / f, b / f, shallow=False) for f in files_a)


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
    target = dist / version
    staging = Path(tempfile.mkdtemp(prefix=f".staging-{version}-", dir=dist))
    try:
        write_files(frames, version, staging)
        if target.exists():
            if not same_release(staging, target):
                msg = (
                    f"{target} already holds release {version} with other bytes; a published "
                    "version is immutable. Bump DATA_VERSION in etl/version.py "
                    "(PATCH fixes data, MINOR adds records, MAJOR changes a schema)"
                )
                raise VersionConflict(msg)
            (target / "datapackage.json").touch()
            return target, False
        staging.chmod(0o755)
        staging.rename(target)
        return target, True
    finally:
        if staging.exists():
            shutil.rmtree(staging)
