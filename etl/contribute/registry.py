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

from etl import pathguard
from etl.errors import Problem, RegistryError, SourceError
from etl.lang.corpus import decode_text, sha256_file
from etl.project import Project

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

    def file(self, project: Project) -> Path:
        return project.path(self.path)


COLUMNS = [f.name for f in fields(SourceEntry)]
RULES = {
    "source_id": (SLUG, "a lowercase slug of letters, digits and single hyphens"),
    "sha256": (SHA256, "64 lowercase hex digits"),
    "written": (PARTIAL_DATE, "an ISO date, possibly partial: 1936, 1936-01 or 1936-01-11"),
}


def _check_entry(row: dict[str, str], **where: object) -> list[Problem]:
    """The registry's rules for one entry's values; `where` locates it (file, line)."""
    problems = []
    for column in COLUMNS:
        value = row.get(column) or ""
        if not value.strip():
            problems.append(
                Problem(
                    code="missing-value",
                    **where,
                    column=column,
                    message="a required value is empty",
                    fix=f"give the text's {column}",
                )
            )
        elif column in RULES and not RULES[column][0].match(value):
            problems.append(
                Problem(
                    code="constraint-error",
                    **where,
                    column=column,
                    value=value,
                    message=f"is not {RULES[column][1]}",
                    fix=f"give {RULES[column][1]}",
                )
            )
    return problems


def read_registry(project: Project) -> list[SourceEntry]:
    """Read and check the project's registry; a `RegistryError` carries every line's problem."""
    registry = project.registry
    file = project.relative(registry)
    if not registry.is_file():
        fix = "register a text with `etl sources add`, which creates it"
        raise RegistryError(
            Problem(
                code="file-missing", file=file, message="the source registry is missing", fix=fix
            )
        )
    reader = csv.DictReader(io.StringIO(registry.read_text(encoding="utf-8"), newline=""))
    header = reader.fieldnames or []
    if header != COLUMNS:
        raise RegistryError(
            Problem(
                code="header-mismatch",
                file=file,
                line=1,
                value=",".join(header),
                message="the header is not the registry's columns",
                fix=f"make the first line {','.join(COLUMNS)}",
            )
        )
    entries: list[SourceEntry] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        if None in row:
            problems.append(
                Problem(
                    code="wrong-cell-count",
                    file=file,
                    line=line,
                    message=f"more cells than the {len(COLUMNS)} columns of the header",
                    fix="quote any value that holds a comma",
                )
            )
            continue
        row_problems = _check_entry(row, file=file, line=line)
        why = None if row_problems else pathguard.problem(row["path"], project.seeds, project.root)
        if why:
            row_problems.append(
                Problem(
                    code="path-refused",
                    file=file,
                    line=line,
                    column="path",
                    value=row["path"],
                    message=f"path {why}",
                    fix="give the path of a text inside seeds/, relative to the repository",
                )
            )
        sid = row["source_id"]
        if sid in seen:
            row_problems.append(
                Problem(
                    code="unique-error",
                    file=file,
                    line=line,
                    column="source_id",
                    value=sid,
                    message=f"duplicates line {seen[sid]}",
                    fix="give every text its own source id",
                )
            )
        seen.setdefault(sid, line)
        problems += row_problems
        if not row_problems:
            entries.append(SourceEntry(**row))
    if problems:
        raise RegistryError(*problems)
    return entries


def write_registry(entries: list[SourceEntry], project: Project) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for entry in sorted(entries, key=lambda e: e.path):
        writer.writerow(asdict(entry))
    project.registry.write_text(buffer.getvalue(), encoding="utf-8")


def add_source(
    file: Path,
    *,
    source_id: str,
    title: str,
    author: str,
    written: str,
    origin: str,
    license: str,
    project: Project,
) -> SourceEntry:
    """Register a new text in `project`: copy it under seeds/ if needed, pin its hash,
    append it (a project's first text creates the registry)."""
    entries = read_registry(project) if project.registry.exists() else []
    name = str(file)
    if not file.is_file():
        raise RegistryError(Problem(code="file-missing", file=name, message="no such file"))
    try:
        decode_text(file, file.read_bytes())
    except SourceError as exc:
        raise SourceError(*exc.located(file, file=name)) from None
    seeds = project.seeds
    target = file.resolve()
    written_in_seeds = Path(os.path.abspath(file)).is_relative_to(os.path.abspath(seeds))
    if written_in_seeds and not target.is_relative_to(seeds.resolve()):
        raise RegistryError(
            Problem(
                code="path-refused",
                file=name,
                value=str(target),
                message="is a symlink to a file outside seeds/; a registered text is a file",
                fix="remove the link and add the file it points to (it is copied)",
            )
        )
    copy = not target.is_relative_to(seeds.resolve())
    if copy:
        target = seeds.resolve() / file.name
        taken = None
        if target.is_symlink():
            taken = "a symlink of that name is already in seeds/"
        elif target.exists() and sha256_file(target) != sha256_file(file):
            taken = "a different file of that name is already in seeds/"
        if taken:
            fix = "rename the text (or remove the one in seeds/)"
            raise RegistryError(
                Problem(code="name-taken", file=str(target), message=taken, fix=fix)
            )
    rel = target.relative_to(project.root.resolve()).as_posix()
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
    problems = _check_entry(asdict(entry), file=name)
    for old in entries:
        for column in ("source_id", "path"):
            if getattr(old, column) == getattr(entry, column):
                problems.append(
                    Problem(
                        code="unique-error",
                        file=name,
                        column=column,
                        value=getattr(entry, column),
                        message=f"is already registered, as {old.source_id!r} ({old.path})",
                        fix="a text is registered once, under an id no other text has",
                    )
                )
    if problems:
        raise RegistryError(*problems)
    if copy:
        shutil.copyfile(file, target)
    write_registry([*entries, entry], project)
    return entry
