"""Downloading published releases: fetch a version, verified, and load a resource.

Every file is checked against SHA256SUMS and, for the data, against the hash
in the descriptor; pooch does the downloading and caching. Files land in a
staging folder and are moved into the cache only when all of them are
verified, so a corrupted or broken download leaves nothing behind.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pooch

from etl.errors import EtlError
from etl.release import SUMS

# Where dist/ is served. The project has no public host yet: this placeholder is the one
# place to change when it has; until then pass --from URL or set SOVIET_PURGES_URL.
BASE_URL = "https://soviet-purges.example/dist/"
ENV_URL = "SOVIET_PURGES_URL"


class FetchError(EtlError):
    code = "fetch-error"


def base_url(override: str | None = None) -> str:
    url = override or os.environ.get(ENV_URL) or BASE_URL
    return url if url.endswith("/") else url + "/"


def cache_dir(override: Path | None = None) -> Path:
    return Path(override) if override else Path(pooch.os_cache("soviet-purges"))


def _get(url: str, known_hash: str | None, folder: Path, name: str) -> Path:
    try:
        return Path(
            pooch.retrieve(url, known_hash=known_hash, fname=name, path=folder, progressbar=False)
        )
    except ValueError as exc:  # pooch: hash mismatch; it deletes the download
        msg = f"{name}: the download does not match its sha256 ({exc}); refused"
        raise FetchError(msg) from None
    except Exception as exc:  # network errors, truncated bodies, HTTP errors
        msg = f"{name}: download from {url} failed: {exc}"
        raise FetchError(msg) from None


def fetch(version: str, url: str | None = None, to: Path | None = None) -> Path:
    """Download release `version` into `to`/<version>/ (the cache by default), verified."""
    target = cache_dir(to) / version
    if (target / SUMS).is_file():
        return target  # complete and verified when it was fetched
    base = f"{base_url(url)}{version}/"
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".fetch-{version}-", dir=target.parent))
    try:
        sums_path = _get(base + SUMS, None, staging, SUMS)
        sums = dict(
            reversed(line.split("  ", 1)) for line in sums_path.read_text().splitlines() if line
        )
        if "datapackage.json" not in sums:
            msg = f"{SUMS} of {version} does not list datapackage.json"
            raise FetchError(msg)
        descriptor_path = _get(
            base + "datapackage.json",
            f"sha256:{sums['datapackage.json']}",
            staging,
            "datapackage.json",
        )
        descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
        for resource in descriptor["resources"]:
            name = resource["path"]
            if sums.get(name) and f"sha256:{sums[name]}" != resource["hash"]:
                msg = f"{name}: {SUMS} and datapackage.json give different hashes; refused"
                raise FetchError(msg)
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            _get(base + name, resource["hash"], staging / Path(name).parent, Path(name).name)
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
        return target
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def load(
    resource: str, version: str, url: str | None = None, cache: Path | None = None
) -> pd.DataFrame:
    """A resource of a published release as a DataFrame, downloaded and verified if needed.

    Example: ``etl.load("sentences", version="3.3.0")``
    """
    folder = fetch(version, url, cache)
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    paths = {r["name"]: r["path"] for r in descriptor["resources"]}
    if resource not in paths:
        msg = f"release {version} has no resource {resource!r}; it has {', '.join(paths)}"
        raise FetchError(msg)
    return pd.read_parquet(folder / paths[resource])
