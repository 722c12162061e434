"""The source registry: `seeds/registry.csv`, one row per text with its pinned sha256.

The registry is the contract between a contributor and the build: a text is
used only if it is registered, and only while its bytes match the pin.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from etl import pathguard, paths
from etl.errors import RegistryError
from etl.lang.corpus import decode_text, sha256_file

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PARTIAL_DATE = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class SourceEntry:
    source_id: str
    path: str
    sha256: str
    title: str
    author: str
    written: str
    origin: str
    license: str

    def file(self, root: Path = paths.ROOT) -> Path:
        return root / self.path


COLUMNS = [f.name for f in fields(SourceEntry)]
RULES = {
    "source_id": (SLUG, "a lowercase slug of letters, digits and single hyphens"),
    "sha256": (SHA256, "64 lowercase hex digits"),
    "written": (PARTIAL_DATE, "an ISO date, possibly partial: 1936, 1936-01 or 1936-01-11"),
}


def _check_entry(row: dict[str, str], where: str) -> list[str]:
    problems = []
    for column in COLUMNS:
        value = row.get(column) or ""
        if not value.strip():
            problems.append(f"{where}, column {column!r}: required value is empty")
        elif column in RULES and not RULES[column][0].match(value):
            problems.append(f"{where}, column {column!r}: {value!r} is not {RULES[column][1]}")
    return problems


def read_registry(registry: Path = paths.REGISTRY) -> list[SourceEntry]:
    """Read and check the registry; every problem in it is reported at once."""
    if not registry.is_file():
        msg = f"{registry}: the source registry is missing"
        raise RegistryError(msg)
    reader = csv.DictReader(io.StringIO(registry.read_text(encoding="utf-8"), newline=""))
    header = reader.fieldnames or []
    if header != COLUMNS:
        msg = f"{registry}, line 1: header is {header}, expected {COLUMNS}"
        raise RegistryError(msg)
    seeds, root = registry.parent, registry.parent.parent
    entries: list[SourceEntry] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        where = f"{registry}, line {line}"
        if None in row:
            problems.append(f"{where}: more cells than the {len(COLUMNS)} columns of the header")
            continue
        row_problems = _check_entry(row, where)
        if not row_problems and (why := pathguard.problem(row["path"], seeds, base=root)):
            row_problems.append(
                f"{where}, column 'path': path {row['path']!r} {why}; "
                "give the path of a text inside seeds/, relative to the repository"
            )
        sid = row["source_id"]
        if sid in seen:
            row_problems.append(
                f"{where}, column 'source_id': {sid!r} duplicates line {seen[sid]}; "
                "source ids must be unique"
            )
        seen.setdefault(sid, line)
        problems += row_problems
        if not row_problems:
            entries.append(SourceEntry(**row))
    if problems:
        raise RegistryError("; ".join(problems))
    return entries


def write_registry(entries: list[SourceEntry], registry: Path = paths.REGISTRY) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for entry in sorted(entries, key=lambda e: e.path):
        writer.writerow(asdict(entry))
    registry.write_text(buffer.getvalue(), encoding="utf-8")


def add_source(
    file: Path,
    *,
    source_id: str,
    title: str,
    author: str,
    written: str,
    origin: str,
    license: str,
    root: Path = paths.ROOT,
) -> SourceEntry:
    """Register a new text: copy it under seeds/ if needed, pin its hash, append it."""
    registry = root / "seeds" / "registry.csv"
    entries = read_registry(registry) if registry.exists() else []
    if not file.is_file():
        msg = f"{file}: no such file"
        raise RegistryError(msg)
    decode_text(file, file.read_bytes())
    seeds = root / "seeds"
    target = file.resolve()
    written_in_seeds = Path(os.path.abspath(file)).is_relative_to(os.path.abspath(seeds))
    if written_in_seeds and not target.is_relative_to(seeds.resolve()):
        msg = (
            f"{file}: is a symlink to {target}, outside seeds/; a registered text must be "
            f"a file in seeds/: remove the link and add {target} itself (it is copied)"
        )
        raise RegistryError(msg)
    copy = not target.is_relative_to(seeds.resolve())
    if copy:
        target = seeds.resolve() / file.name
        if target.is_symlink():
            msg = (
                f"{target}: a symlink of that name is already in seeds/; "
                "remove it or rename the text"
            )
            raise RegistryError(msg)
        if target.exists() and sha256_file(target) != sha256_file(file):
            msg = f"{target}: a different file of that name is already in seeds/; rename the text"
            raise RegistryError(msg)
    rel = target.relative_to(root.resolve()).as_posix()
    entry = SourceEntry(
        source_id=source_id,
        path=rel,
        sha256=sha256_file(file),
        title=title,
        author=author,
        written=written,
        origin=origin,
        license=license,
    )
    problems = _check_entry(asdict(entry), f"new entry for {file}")
    for old in entries:
        if old.source_id == source_id:
            problems.append(f"source_id {source_id!r} is already registered for {old.path}")
        if old.path == rel:
            problems.append(f"{rel} is already registered as {old.source_id!r}")
    if problems:
        raise RegistryError("; ".join(problems))
    if copy:
        shutil.copyfile(file, target)
    write_registry([*entries, entry], registry)
    return entry
