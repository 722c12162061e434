"""Downloading published releases: fetch a version, verified, and load a resource.

Every file is streamed into a staging folder beside the target, counted as it
arrives and cut off as soon as it exceeds the size the descriptor gives (the
SHA256SUMS and the descriptor have fixed caps), then checked against
SHA256SUMS and, for the data, against the hash in the descriptor. Every path
a served file names passes the path guard, so nothing is written outside the
staging folder; it is moved into the target only when every file is verified,
so a corrupted, oversized or broken download leaves nothing behind.
"""

from __future__ import annotations

import hashlib
import http.client
import os
import re
import shutil
import tempfile
import urllib.request
from pathlib import Path

import pandas as pd
import pooch

from etl import pathguard
from etl.errors import EtlError, Problem
from etl.publish.release import SUMS

# Where dist/ is served. The project has no public host yet: this placeholder is the one
# place to change when it has; until then pass --from URL or set SOVIET_PURGES_URL.
BASE_URL = "https://soviet-purges.example/dist/"
ENV_URL = "SOVIET_PURGES_URL"
SUMS_CAP = 1_000_000  # a SHA256SUMS lists a few dozen files
DESCRIPTOR_CAP = 10_000_000  # a datapackage.json is a few tens of kilobytes
CHUNK = 1 << 16
TIMEOUT = 60  # seconds without a byte before a download is given up
VERSION = re.compile(r"^\d+\.\d+\.\d+$")
SUMS_LINE = re.compile(r"^([0-9a-f]{64})  (\S(?:.*\S)?)$")
HASH = re.compile(r"^sha256:([0-9a-f]{64})$")


class FetchError(EtlError):
    code = "fetch-error"


def base_url(override: str | None = None) -> str:
    url = override or os.environ.get(ENV_URL) or BASE_URL
    return url if url.endswith("/") else url + "/"


def cache_dir(override: Path | None = None) -> Path:
    return Path(override) if override else Path(pooch.os_cache("soviet-purges"))


def download(url: str, dest: Path, cap: int, sha256: str | None, name: str) -> None:
    """Stream `url` into `dest`, refusing it as soon as it passes `cap` bytes, and check its
    sha256 when one is known; a refused file is deleted."""
    digest, size = hashlib.sha256(), 0
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response, dest.open("wb") as out:
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > cap:
                msg = f"{name}: the server announces {length} bytes, more than the {cap} expected"
                raise FetchError(f"{msg}; refused before downloading")
            while chunk := response.read(CHUNK):
                size += len(chunk)
                if size > cap:
                    msg = f"{name}: more than the {cap} bytes expected; download stopped, refused"
                    raise FetchError(msg)
                digest.update(chunk)
                out.write(chunk)
    except FetchError:
        dest.unlink(missing_ok=True)
        raise
    except (OSError, http.client.HTTPException, ValueError) as exc:
        dest.unlink(missing_ok=True)
        msg = f"{name}: download from {url} failed: {exc}"
        raise FetchError(msg) from None
    if sha256 is not None and digest.hexdigest() != sha256:
        dest.unlink(missing_ok=True)
        msg = (
            f"{name}: the download does not match its sha256 (expected {sha256}, "
            f"got {digest.hexdigest()}, {size} bytes); refused"
        )
        raise FetchError(msg)


def read_sums(path: Path, label: str, staging: Path) -> dict[str, str]:
    """SHA256SUMS as {relative path: sha256}; a malformed line, a path leaving the release
    or a file listed twice with two hashes is refused, naming the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        msg = f"{label}: not valid UTF-8 ({exc.reason}); refused"
        raise FetchError(msg) from None
    sums: dict[str, str] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        if not line and number == text.count("\n") + 1:
            break  # the final newline
        match = SUMS_LINE.match(line)
        if not match:
            msg = (
                f"{label}, line {number}: not '<64 lowercase hex digits>  <path>' "
                f"(value {line[:80]!r}); refused"
            )
            raise FetchError(msg)
        digest, name = match.groups()
        if why := pathguard.problem(name, staging):
            msg = f"{label}, line {number}: path {name!r} {why}; refused"
            raise FetchError(msg)
        if sums.get(name, digest) != digest:
            msg = f"{label}, line {number}: {name!r} is listed twice with two hashes; refused"
            raise FetchError(msg)
        sums[name] = digest
    return sums


def planned(descriptor: dict, text: str, label: str, staging: Path, sums: dict) -> list:
    """(relative path, bytes, sha256) of every resource, each value checked before anything
    is downloaded."""
    plan = []
    for resource in descriptor["resources"]:
        dest = pathguard.resource_path(resource, staging, label, text)
        name = resource["path"]
        size, digest = resource.get("bytes"), HASH.match(str(resource.get("hash", "")))
        at = {"code": "fetch-error", "file": label, "line": pathguard.json_line(text, name)}
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            message = "not a byte count; the download cannot be capped"
            column = f"resources[{name}].bytes"
            raise FetchError(Problem(**at, column=column, value=repr(size), message=message))
        if not digest:
            message = "not 'sha256:<64 hex digits>'"
            column, value = f"resources[{name}].hash", repr(resource.get("hash"))
            raise FetchError(Problem(**at, column=column, value=value, message=message))
        if sums.get(name, digest[1]) != digest[1]:
            msg = f"{name}: {SUMS} and datapackage.json give different hashes; refused"
            raise FetchError(msg)
        plan.append((dest, name, size, digest[1]))
    return plan


def fetch(version: str, url: str | None = None, to: Path | None = None) -> Path:
    """Download release `version` into `to`/<version>/ (the cache by default), verified."""
    if not VERSION.match(version):
        msg = f"version {version!r} is not a release version such as 3.3.0"
        raise FetchError(msg)
    folder = cache_dir(to)
    if folder.exists() and not folder.is_dir():
        msg = f"{folder}: not a folder; give --to a folder"
        raise FetchError(msg)
    target = folder / version
    if target.is_symlink():
        msg = f"{target}: is a symlink; remove it or fetch into another folder"
        raise FetchError(msg)
    if (target / SUMS).is_file():
        return target  # complete and verified when it was fetched
    base = f"{base_url(url)}{version}/"
    folder.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".fetch-{version}-", dir=folder))
    try:
        download(base + SUMS, staging / SUMS, SUMS_CAP, None, SUMS)
        sums = read_sums(staging / SUMS, base + SUMS, staging)
        if "datapackage.json" not in sums:
            msg = f"{SUMS} of {version} does not list datapackage.json"
            raise FetchError(msg)
        descriptor_path = staging / "datapackage.json"
        download(
            base + "datapackage.json",
            descriptor_path,
            DESCRIPTOR_CAP,
            sums["datapackage.json"],
            "datapackage.json",
        )
        try:
            descriptor, text = pathguard.read_descriptor(descriptor_path, base + "datapackage.json")
        except pathguard.PathRefused:
            raise
        except EtlError as exc:
            raise FetchError(*exc.problems) from None
        for dest, name, size, digest in planned(
            descriptor, text, base + "datapackage.json", staging, sums
        ):
            dest.parent.mkdir(parents=True, exist_ok=True)
            download(base + name, dest, size, digest, Path(name).name)
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
    descriptor_path = folder / "datapackage.json"
    descriptor, text = pathguard.read_descriptor(descriptor_path)
    found = {r.get("name"): r for r in descriptor["resources"]}
    if resource not in found:
        names = ", ".join(str(n) for n in found)
        msg = f"release {version} has no resource {resource!r}; it has {names}"
        raise FetchError(msg)
    return pd.read_parquet(pathguard.resource_path(found[resource], folder, descriptor_path, text))
