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
from collections.abc import Iterator
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
    file = project.relative(project.registry)
    entries: list[SourceEntry] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for line, row in _lines(project.registry, file):
        found = _line_problems(row, project, file=file, line=line)
        sid = row.get("source_id")
        if sid in seen and None not in row:
            found.append(
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
        problems += found
        if not found:
            entries.append(SourceEntry(**row))
    if problems:
        raise RegistryError(*problems)
    return entries


def _lines(registry: Path, file: str) -> Iterator[tuple[int, dict]]:
    """(line number, row) of each line of the registry, once its header is checked."""
    if not registry.is_file():
        fix = "register a text with `etl sources add`, which creates it"
        message = "the source registry is missing"
        raise RegistryError(Problem(code="file-missing", file=file, message=message, fix=fix))
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
    for row in reader:
        yield reader.line_num, row


def _line_problems(row: dict, project: Project, *, file: str, line: int) -> list[Problem]:
    """The problems of one registry line on its own: its cells, values and path."""
    if None in row:
        message = f"more cells than the {len(COLUMNS)} columns of the header"
        fix = "quote any value that holds a comma"
        return [Problem(code="wrong-cell-count", file=file, line=line, message=message, fix=fix)]
    found = _check_entry(row, file=file, line=line)
    why = None if found else pathguard.problem(row["path"], project.seeds, project.root)
    if why:
        found.append(
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
    return found


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
    target, copy = _place(file, project.seeds)
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
    problems = _check_entry(asdict(entry), file=name) + [
        Problem(
            code="unique-error",
            file=name,
            column=column,
            value=getattr(entry, column),
            message=f"is already registered, as {old.source_id!r} ({old.path})",
            fix="a text is registered once, under an id no other text has",
        )
        for old in entries
        for column in ("source_id", "path")
        if getattr(old, column) == getattr(entry, column)
    ]
    if problems:
        raise RegistryError(*problems)
    if copy:
        shutil.copyfile(file, target)
    write_registry([*entries, entry], project)
    return entry


def _place(file: Path, seeds: Path) -> tuple[Path, bool]:
    """Where a text being registered will be in seeds/, and whether it must be copied there
    (it is outside). Never through a symlink: a link in seeds/ to a file outside, or a
    link (or another file) of the text's name already in seeds/, is refused."""
    target = file.resolve()
    written_in_seeds = Path(os.path.abspath(file)).is_relative_to(os.path.abspath(seeds))
    if written_in_seeds and not target.is_relative_to(seeds.resolve()):
        raise RegistryError(
            Problem(
                code="path-refused",
                file=str(file),
                value=str(target),
                message="is a symlink to a file outside seeds/; a registered text is a file",
                fix="remove the link and add the file it points to (it is copied)",
            )
        )
    if target.is_relative_to(seeds.resolve()):
        return target, False
    target = seeds.resolve() / file.name
    taken = None
    if target.is_symlink():
        taken = "a symlink of that name is already in seeds/"
    elif target.exists() and sha256_file(target) != sha256_file(file):
        taken = "a different file of that name is already in seeds/"
    if taken:
        fix = "rename the text (or remove the one in seeds/)"
        raise RegistryError(Problem(code="name-taken", file=str(target), message=taken, fix=fix))
    return target, True
