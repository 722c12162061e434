"""The curation layer: records a contributor adds, corrects or rejects, under version control.

One CSV per resource in seeds/curation/ (`sentences.csv`, `defendants.csv`,
`expulsion_stats.csv`, …). Every row has an `action` (add, correct, reject), a
`reason`, and evidence: the `source_id` and the exact `quote`; the tool finds
the offsets (a `line` number picks one occurrence when the quote occurs more
than once). `add` gives the resource's own columns; `correct` names its
`target` (the primary key of an extracted row) and the columns to change;
`reject` names its `target`. Curated rows are claims like any other, with
`extractor` = "curated".
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from etl.contract import schemas
from etl.errors import Problem, has_errors
from etl.extract import Record
from etl.lang.corpus import Source, Span
from etl.project import Project

ACTIONS = ("add", "correct", "reject")
META = ["action", "target", "reason", "source_id", "quote", "line"]
MAX_BYTES = 5_000_000  # a curation file is a few hundred rows; anything larger is a mistake
CURATED = "curated"
WARNINGS = {"byte-order-mark", "windows-line-endings", "no-final-newline"}
"""Problems of a file's form that do not stop it being read."""


@dataclass(frozen=True)
class Origin:
    """The curation row a record or an edit comes from, for the problems found later."""

    file: str
    line: int


@dataclass
class Curation:
    records: list[Record] = field(default_factory=list)
    corrections: list[tuple[str, str, dict, Origin]] = field(default_factory=list)
    rejections: list[tuple[str, str, Origin]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def curation_columns(resource: str) -> list[str]:
    own = [c for c in schemas.columns(resource) if c not in schemas.Provenance.to_schema().columns]
    key = schemas.primary_key(resource)
    return META + [c for c in own if c not in key]


def read_rows(path: Path, resource: str, rel: str) -> tuple[list[tuple[int, dict]], list[Problem]]:
    """The rows of one curation file, with every problem of its form reported."""
    problems: list[Problem] = []

    def problem(code: str, message: str, fix: str, **where: object) -> None:
        severity = "warning" if code in WARNINGS else "error"
        problems.append(
            Problem(code=code, severity=severity, file=rel, message=message, fix=fix, **where)
        )

    if path.stat().st_size > MAX_BYTES:
        fix = f"split it or remove what is not curation; the limit is {MAX_BYTES} bytes"
        problem("file-too-large", "the file is too large", fix, value=str(path.stat().st_size))
        return [], problems
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problem("not-utf8", "not valid UTF-8", "save the file as UTF-8", line=line)
        return [], problems
    if text.startswith("\ufeff"):
        text = text[1:]
        fix = "save as UTF-8 without BOM (it was ignored)"
        problem("byte-order-mark", "starts with a byte-order mark", fix, line=1)
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
        fix = "save with \\n line endings (they were read as such)"
        problem("windows-line-endings", "has Windows line endings", fix)
    if text and not text.endswith("\n"):
        message = "the last line has no line ending (truncated?)"
        fix = "check that the last row is complete and end it with a newline"
        problem("no-final-newline", message, fix, line=text.count("\n") + 1)
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    expected = curation_columns(resource)
    if len(header) == 1 and re.search(r"[;\t|]", header[0]):
        message = "the header is not comma-separated"
        fix = "separate the columns with commas"
        problem("not-comma-separated", message, fix, line=1, value=header[0])
        return [], problems
    for column in expected:
        if column not in header:
            fix = f"add the column; the header is {','.join(expected)}"
            problem("missing-column", "a required column is missing", fix, line=1, column=column)
    for column in header:
        if column not in expected:
            fix = f"remove it; the columns are {','.join(expected)}"
            problem("extra-column", "column is not in the schema", fix, line=1, column=column)
    if has_errors(problems):
        return [], problems
    rows = []
    for row in reader:
        line = reader.line_num
        if None in row or any(v is None for v in row.values()):
            fix = f"give exactly {len(expected)} cells, quoting any comma"
            problem("wrong-cell-count", "wrong number of cells", fix, line=line)
            continue
        rows.append((line, {k: v.strip() for k, v in row.items()}))
    return rows, problems


class QuoteIndex:
    """Where the quotes of a curation file occur in one text: one index per text, built once,
    so ten thousand rows are located without scanning the text ten thousand times."""

    K = 8  # quotes at least this long are looked up by their first K characters
    # Indexing a text costs as much as a few thousand scans of it (0.16 s against 0.07 ms
    # for the longest seed): the first quotes of a text are found by scanning, and only
    # files with many more of them build the index.
    SCANS = 1000

    def __init__(self, source: Source) -> None:
        self.source = source
        self._grams: dict[str, list[int]] | None = None
        self._lookups = 0

    def starts(self, quote: str) -> list[int]:
        """Every offset where `quote` occurs (overlapping occurrences too), in order."""
        text = self.source.text
        self._lookups += 1
        if len(quote) < self.K or (self._grams is None and self._lookups <= self.SCANS):
            found, at = [], text.find(quote)
            while at >= 0:
                found.append(at)
                at = text.find(quote, at + 1)
            return found
        if self._grams is None:
            grams: dict[str, list[int]] = {}
            for at in range(len(text) - self.K + 1):
                grams.setdefault(text[at : at + self.K], []).append(at)
            self._grams = grams
        return [at for at in self._grams.get(quote[: self.K], ()) if text.startswith(quote, at)]


class Unplaced(NamedTuple):
    """Why a quote cannot be placed: not in the text, or in it more than once."""

    code: str
    message: str


def locate(source: Source | QuoteIndex, quote: str, line: str) -> tuple[int, int] | Unplaced:
    """Offsets of the quote in the text, or why it cannot be placed."""
    index = source if isinstance(source, QuoteIndex) else QuoteIndex(source)
    source = index.source
    starts = index.starts(quote)
    if line:
        starts = [s for s in starts if source.line_of(s) == int(line)]
    if not starts:
        message = "the quote does not occur in the text" + (f" on line {line}" if line else "")
        return Unplaced("quote-not-found", message)
    if len(starts) > 1:
        lines = ", ".join(str(source.line_of(s)) for s in starts[:8])
        more = ", …" if len(starts) > 8 else ""
        message = f"the quote occurs {len(starts)} times (lines {lines}{more}); give its line"
        return Unplaced("quote-ambiguous", message)
    return starts[0], starts[0] + len(quote)


@dataclass
class _Row:
    """A curation row that passed its own checks, waiting for the file's value check."""

    line: int
    action: str
    target: str
    fields: dict
    span: Span | None
    source_id: str
    ok: bool


def load_curation(project: Project, texts: dict[str, Source]) -> Curation:
    """Every curation file of the project, read, checked and turned into records and edits."""
    result = Curation()
    seen_targets: dict[tuple[str, str], int] = {}
    indexes: dict[str, QuoteIndex] = {}
    folder = project.curation
    if folder.is_dir() and not folder.resolve().is_relative_to(project.seeds.resolve()):
        result.problems.append(
            Problem(
                code="path-refused",
                file=str(folder),
                value=str(folder.resolve()),
                message="leaves seeds/",
                fix="make seeds/curation/ a real folder of the repository",
            )
        )
        return result
    for path in sorted(folder.glob("*.csv")) if folder.is_dir() else []:
        rel = project.relative(path)
        refused = _refused_file(path, folder, rel)
        if refused:
            result.problems.append(refused)
            continue
        resource = path.stem
        rows, problems = read_rows(path, resource, rel)
        file_result = Curation(problems=problems)
        pending = [
            read_row(file_result, resource, rel, line, row, texts, seen_targets, indexes)
            for line, row in rows
        ]
        file_result.problems += duplicate_rows(rows, rel)
        check_values(file_result, resource, rel, pending)
        file_result.problems.sort(key=lambda p: p.line or 0)
        result.problems += file_result.problems
        result.records += file_result.records
        result.corrections += file_result.corrections
        result.rejections += file_result.rejections
    return result


def _refused_file(path: Path, folder: Path, rel: str) -> Problem | None:
    """Why a file of seeds/curation/ is not read: a link out of the folder, or a name that
    is no curated resource."""
    if not path.resolve().is_relative_to(folder.resolve()):
        return Problem(
            code="path-refused",
            file=rel,
            value=str(path.resolve()),
            message="is a symlink leaving seeds/curation/",
            fix="put the file itself in seeds/curation/, not a link to it",
        )
    if path.stem not in schemas.MODELS or path.stem in ("sources", "checks"):
        return Problem(
            code="unknown-resource",
            file=rel,
            message="the file is named after no resource",
            fix=f"name it after a resource: {', '.join(schemas.CLAIMS)}",
        )
    return None


def duplicate_rows(rows: list[tuple[int, dict]], rel: str) -> list[Problem]:
    """Additions that repeat an earlier row of the file (two rows for one target of a
    correction or rejection are reported by `read_row`)."""
    problems, seen = [], {}
    for line, row in rows:
        if row["action"] in ("correct", "reject"):
            continue
        same = (row["action"], row["target"], row["source_id"], row["quote"], row["line"])
        key = (*same, tuple(sorted((k, v) for k, v in row.items() if k not in META)))
        if key in seen:
            problems.append(
                Problem(
                    code="duplicate-row",
                    file=rel,
                    line=line,
                    message=f"duplicate: line {seen[key]} is the same curation",
                    fix="delete one of the two rows",
                )
            )
        seen.setdefault(key, line)
    return problems


def read_row(
    result: Curation,
    resource: str,
    rel: str,
    line: int,
    row: dict,
    texts: dict[str, Source],
    seen: dict[tuple[str, str], int],
    indexes: dict[str, QuoteIndex] | None = None,
) -> _Row:
    """Check one curation row's action, target, reason and evidence; its values are checked
    with the whole file's by `check_values`."""
    before = len(result.problems)

    def problem(code: str, column: str, message: str, fix: str, value: str | None = None) -> None:
        result.problems.append(
            Problem(
                code=code, file=rel, line=line, column=column, value=value, message=message, fix=fix
            )
        )

    action = row["action"]
    if action not in ACTIONS:
        fix = f"use one of {', '.join(ACTIONS)}"
        problem("unknown-action", "action", "unknown action", fix, action)
    if not row["reason"]:
        fix = "say why, with the source"
        problem("missing-value", "reason", "every curation needs a reason", fix)
    if action in ("correct", "reject"):
        key = (resource, row["target"])
        if not row["target"]:
            fix = f"give the {schemas.primary_key(resource)[0]} of the row to {action}"
            problem("missing-value", "target", f"a {action} names its target", fix)
        elif key in seen:
            message = f"duplicate: line {seen[key]} already curates it"
            fix = "merge the two rows into one"
            problem("duplicate-target", "target", message, fix, row["target"])
        else:
            seen[key] = line
    span = _evidence(row, texts, {} if indexes is None else indexes, problem)
    fields = {k: v for k, v in row.items() if k not in META and v != ""}
    if resource == "sentences" and action == "add":
        fields.setdefault("basis", "explicit")
    ok = len(result.problems) == before
    return _Row(line, action, row["target"], fields, span, row["source_id"], ok)


def _evidence(
    row: dict, texts: dict[str, Source], indexes: dict[str, QuoteIndex], problem: Callable
) -> Span | None:
    """The span of a row's evidence (source_id, quote and line), or None once `problem` has
    heard why it cannot be placed."""
    source = texts.get(row["source_id"])
    if source is None:
        fix = "use a source_id of seeds/registry.csv (etl sources list)"
        problem("unknown-source", "source_id", "unknown source", fix, row["source_id"])
    elif not row["quote"]:
        fix = "copy the passage from the text"
        problem("missing-value", "quote", "the evidence quote is empty", fix)
    elif row["line"] and not row["line"].isdigit():
        fix = "give the 1-based line of the quote"
        problem("type-error", "line", "not a line number", fix, row["line"])
    else:
        index = indexes.setdefault(source.source_id, QuoteIndex(source))
        where = locate(index, row["quote"], row["line"])
        if not isinstance(where, Unplaced):
            return source.span(*where, strip=False)
        fix = "copy the passage exactly from the text, or give its line"
        problem(where.code, "quote", where.message, fix, row["quote"][:60])
    return None


def check_values(result: Curation, resource: str, rel: str, rows: list[_Row]) -> None:
    """Every value of every row of one file against the resource's schema, in one validation;
    the rows with no problem become records, corrections and rejections."""
    found = value_problems(
        resource,
        [(r.fields, r.span or Span(r.source_id or "x", 0, 1, 1, 1, "x")) for r in rows],
        [r.action == "add" for r in rows],
    )
    for row, problems in zip(rows, found, strict=True):
        result.problems += [replace(p, file=rel, line=row.line) for p in problems]
        if problems or not row.ok or row.span is None:
            continue
        origin = Origin(rel, row.line)
        if row.action == "add":
            result.records.append(
                Record(resource, row.fields, row.span, CURATED, refs={"curation": origin})
            )
        elif row.action == "correct":
            result.corrections.append((resource, row.target, row.fields, origin))
        else:
            result.rejections.append((resource, row.target, origin))


def value_problems(
    resource: str, rows: list[tuple[dict, Span]], required: list[bool]
) -> list[list[Problem]]:
    """The problems of each row's values (its fields, at its span) that the resource's schema
    refuses, and with `required` every required column left empty, without row or file (the
    caller gives the line). One frame, one coercion, one Pandera validation (lazy, every
    failure kept), the failures sorted back to their rows; keys are made up here."""
    from etl.contract.validate import check_frame, coerce

    if not rows:
        return []
    columns = schemas.columns(resource)
    key_columns = schemas.primary_key(resource)
    table = []
    for number, (fields, span) in enumerate(rows):
        row = dict.fromkeys(columns)
        row.update(span.provenance(), extractor=CURATED)
        for column in key_columns:
            row[column] = f"curation-check-{number}"  # distinct, so `unique` holds
        row.update(fields)
        table.append(row)
    frame, failures = coerce(resource, pd.DataFrame(table, columns=columns))
    found: list[list[Problem]] = [[] for _ in rows]
    typed: set[tuple[int, str | None]] = set()
    for failure in failures:
        found[failure.row - 1].append(replace(failure, row=None, key=None))
        typed.add((failure.row - 1, failure.column))
    for failure in check_frame(resource, frame):
        if failure.row is None:
            continue  # a column-wide dtype failure: its cells are reported by `coerce` above
        number, column = failure.row - 1, failure.column
        fields, needed = rows[number][0], required[number]
        if (number, column) in typed or (column and column not in fields and not needed):
            continue
        if column is None and not needed:
            continue
        value = failure.value if column in fields else None
        found[number].append(replace(failure, row=None, key=None, value=value))
    return found


def foreign_key_problems(curation: Curation, frames: dict[str, pd.DataFrame]) -> list[Problem]:
    """Curated person_id, trial_id values that name no person or trial of the build."""
    problems = []
    rows = [(r.resource, r.fields, r.refs["curation"]) for r in curation.records]
    rows += [(res, fields, entry) for res, _, fields, entry in curation.corrections]
    for resource, fields, entry in rows:
        for column, ref, ref_column in schemas.foreign_keys(resource):
            value = fields.get(column)
            if value and value not in set(frames[ref][ref_column]):
                problems.append(
                    Problem(
                        code="foreign-key-error",
                        file=entry.file,
                        line=entry.line,
                        column=column,
                        value=value,
                        message=f"no such {ref_column} in {ref}",
                        fix=f"use an existing {ref_column} (see the {ref} resource)",
                    )
                )
    return problems


def apply_edits(frames: dict[str, pd.DataFrame], curation: Curation) -> list[dict]:
    """Corrections and rejections on the resolved tables; a target that no longer exists
    (the extractor changed) is reported as a check, never dropped silently. Each resource
    is retyped once, however many corrections it has."""
    from etl.contract.validate import coerce

    findings = []
    by_resource: dict[str, list] = {}
    for resource, target, fields, entry in curation.corrections:
        by_resource.setdefault(resource, []).append((target, fields, entry))
    for resource, corrections in by_resource.items():
        frame = frames[resource]
        key = schemas.primary_key(resource)[0]
        position = {value: index for index, value in zip(frame.index, frame[key], strict=True)}
        touched = {c for _, fields, _ in corrections for c in fields} | {"extractor"}
        frame = frame.astype({c: object for c in touched})
        changed = False
        for target, fields, entry in corrections:
            if target not in position:
                findings.append(missing_target(resource, target, entry, "correction"))
                continue
            for column, value in {**fields, "extractor": CURATED}.items():
                frame.at[position[target], column] = value
            changed = True
        if changed:
            frames[resource] = coerce(resource, frame)[0]
    rejected: dict[str, set[str]] = {}
    keys: dict[str, set] = {}
    for resource, target, entry in curation.rejections:
        if resource not in keys:
            keys[resource] = set(frames[resource][schemas.primary_key(resource)[0]])
        if target not in keys[resource]:
            findings.append(missing_target(resource, target, entry, "rejection"))
            continue
        rejected.setdefault(resource, set()).add(target)
    for resource, targets in rejected.items():
        frame = frames[resource]
        key = schemas.primary_key(resource)[0]
        frames[resource] = frame[~frame[key].isin(targets)].reset_index(drop=True)
    return findings


def missing_target(resource: str, target: str, entry: Origin, kind: str) -> dict:
    return {
        "rule": "curation-target-missing",
        "resource": resource,
        "subject": target,
        "message": f"the {kind} at {entry.file}, line {entry.line} matches no extracted row",
        "evidence": None,
    }
