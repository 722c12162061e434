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
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd

from etl.contract import schemas
from etl.extract import Record
from etl.lang.corpus import Source, Span

ACTIONS = ("add", "correct", "reject")
META = ["action", "target", "reason", "source_id", "quote", "line"]
MAX_BYTES = 5_000_000  # a curation file is a few hundred rows; anything larger is a mistake
CURATED = "curated"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a contribution, and how to fix it."""

    file: str
    line: int | None
    column: str | None
    value: str | None
    rule: str
    fix: str
    severity: str = "error"

    def __str__(self) -> str:
        where = self.file + (f", line {self.line}" if self.line else "")
        where += f", column {self.column!r}" if self.column else ""
        value = f" (value {self.value!r})" if self.value is not None else ""
        return f"{self.severity}: {where}: {self.rule}{value}. Fix: {self.fix}"


@dataclass
class Curation:
    records: list[Record] = field(default_factory=list)
    corrections: list[tuple[str, str, dict, Problem]] = field(default_factory=list)
    rejections: list[tuple[str, str, Problem]] = field(default_factory=list)
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
    if path.stat().st_size > MAX_BYTES:
        fix = f"split it or remove what is not curation; the limit is {MAX_BYTES} bytes"
        return [], [Problem(rel, None, None, str(path.stat().st_size), "file is too large", fix)]
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return [], [Problem(rel, line, None, None, "not valid UTF-8", "save the file as UTF-8")]
    if text.startswith("\ufeff"):
        text = text[1:]
        problems.append(
            Problem(
                rel,
                1,
                None,
                None,
                "starts with a byte-order mark",
                "save as UTF-8 without BOM (it was ignored)",
                "warning",
            )
        )
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
        problems.append(
            Problem(
                rel,
                None,
                None,
                None,
                "has Windows line endings",
                "save with \\n line endings (they were read as such)",
                "warning",
            )
        )
    if text and not text.endswith("\n"):
        problems.append(
            Problem(
                rel,
                text.count("\n") + 1,
                None,
                None,
                "the last line has no line ending (truncated?)",
                "check that the last row is complete and end it with a newline",
                "warning",
            )
        )
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    expected = curation_columns(resource)
    if len(header) == 1 and re.search(r"[;\t|]", header[0]):
        return [], [
            *problems,
            Problem(
                rel,
                1,
                None,
                header[0],
                "the header is not comma-separated",
                "separate the columns with commas",
            ),
        ]
    for column in expected:
        if column not in header:
            problems.append(
                Problem(
                    rel,
                    1,
                    column,
                    None,
                    "a required column is missing",
                    f"add the column; the header is {','.join(expected)}",
                )
            )
    for column in header:
        if column not in expected:
            problems.append(
                Problem(
                    rel,
                    1,
                    column,
                    None,
                    "column is not in the schema",
                    f"remove it; the columns are {','.join(expected)}",
                )
            )
    if any(p.severity == "error" for p in problems):
        return [], problems
    rows = []
    for row in reader:
        line = reader.line_num
        if None in row or any(v is None for v in row.values()):
            problems.append(
                Problem(
                    rel,
                    line,
                    None,
                    None,
                    "wrong number of cells",
                    f"give exactly {len(expected)} cells, quoting any comma",
                )
            )
            continue
        rows.append((line, {k: v.strip() for k, v in row.items()}))
    return rows, problems


class QuoteIndex:
    """Where the quotes of a curation file occur in one text: one index per text, built once,
    so ten thousand rows are located without scanning the text ten thousand times."""

    K = 8  # quotes at least this long are looked up by their first K characters

    def __init__(self, source: Source) -> None:
        self.source = source
        self._grams: dict[str, list[int]] | None = None

    def starts(self, quote: str) -> list[int]:
        """Every offset where `quote` occurs (overlapping occurrences too), in order."""
        text = self.source.text
        if len(quote) < self.K:
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


def locate(source: Source | QuoteIndex, quote: str, line: str) -> tuple[int, int] | str:
    """Offsets of the quote in the text, or why it cannot be placed."""
    index = source if isinstance(source, QuoteIndex) else QuoteIndex(source)
    source = index.source
    starts = index.starts(quote)
    if line:
        starts = [s for s in starts if source.line_of(s) == int(line)]
    if not starts:
        return "the quote does not occur in the text" + (f" on line {line}" if line else "")
    if len(starts) > 1:
        lines = ", ".join(str(source.line_of(s)) for s in starts[:8])
        more = ", …" if len(starts) > 8 else ""
        return f"the quote occurs {len(starts)} times (lines {lines}{more}); give its line"
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


def load_curation(folder: Path, texts: dict[str, Source], root: Path) -> Curation:
    """Every curation file of the folder, read, checked and turned into records and edits."""
    result = Curation()
    seen_targets: dict[tuple[str, str], int] = {}
    indexes: dict[str, QuoteIndex] = {}
    seeds = root / "seeds"
    if folder.is_dir() and not folder.resolve().is_relative_to(seeds.resolve()):
        fix = "make seeds/curation/ a real folder of the repository"
        result.problems.append(
            Problem(str(folder), None, None, str(folder.resolve()), "leaves seeds/", fix)
        )
        return result
    for path in sorted(folder.glob("*.csv")) if folder.is_dir() else []:
        rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        if not path.resolve().is_relative_to(folder.resolve()):
            fix = "put the file itself in seeds/curation/, not a link to it"
            rule = "is a symlink leaving seeds/curation/"
            result.problems.append(Problem(rel, None, None, str(path.resolve()), rule, fix))
            continue
        resource = path.stem
        if resource not in schemas.MODELS or resource in ("sources", "checks"):
            fix = f"name it after a resource: {', '.join(schemas.CLAIMS)}"
            result.problems.append(Problem(rel, None, None, None, "unknown resource file", fix))
            continue
        rows, problems = read_rows(path, resource, rel)
        file_result = Curation(problems=problems)
        seen_rows: dict[tuple, int] = {}
        pending = [
            read_row(file_result, resource, rel, line, row, texts, seen_targets, indexes)
            for line, row in rows
        ]
        for line, row in rows:
            if row["action"] in ("correct", "reject"):
                continue  # two rows for one target are reported by read_row
            same = (row["action"], row["target"], row["source_id"], row["quote"], row["line"])
            key = (*same, tuple(sorted((k, v) for k, v in row.items() if k not in META)))
            if key in seen_rows:
                file_result.problems.append(
                    Problem(
                        rel,
                        line,
                        None,
                        None,
                        f"duplicate: line {seen_rows[key]} is the same curation",
                        "delete one of the two rows",
                    )
                )
            seen_rows.setdefault(key, line)
        check_values(file_result, resource, rel, pending)
        file_result.problems.sort(key=lambda p: p.line or 0)
        result.problems += file_result.problems
        result.records += file_result.records
        result.corrections += file_result.corrections
        result.rejections += file_result.rejections
    return result


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

    def problem(column: str | None, value: str | None, rule: str, fix: str) -> None:
        result.problems.append(Problem(rel, line, column, value, rule, fix))

    action = row["action"]
    if action not in ACTIONS:
        problem("action", action, "unknown action", f"use one of {', '.join(ACTIONS)}")
    if not row["reason"]:
        problem("reason", None, "every curation needs a reason", "say why, with the source")
    if action in ("correct", "reject"):
        key = (resource, row["target"])
        if not row["target"]:
            problem(
                "target",
                None,
                f"a {action} names its target",
                f"give the {schemas.primary_key(resource)[0]} of the row to {action}",
            )
        elif key in seen:
            problem(
                "target",
                row["target"],
                f"duplicate: line {seen[key]} already curates it",
                "merge the two rows into one",
            )
        else:
            seen[key] = line
    span = None
    source = texts.get(row["source_id"])
    if source is None:
        problem(
            "source_id",
            row["source_id"],
            "unknown source",
            "use a source_id of seeds/registry.csv (etl sources list)",
        )
    elif not row["quote"]:
        problem("quote", None, "the evidence quote is empty", "copy the passage from the text")
    elif row["line"] and not row["line"].isdigit():
        problem("line", row["line"], "not a line number", "give the 1-based line of the quote")
    else:
        indexes = {} if indexes is None else indexes
        index = indexes.setdefault(source.source_id, QuoteIndex(source))
        where = locate(index, row["quote"], row["line"])
        if isinstance(where, str):
            problem(
                "quote",
                row["quote"][:60],
                where,
                "copy the passage exactly from the text, or give its line",
            )
        else:
            span = source.span(*where, strip=False)
    fields = {k: v for k, v in row.items() if k not in META and v != ""}
    if resource == "sentences" and action == "add":
        fields.setdefault("basis", "explicit")
    ok = len(result.problems) == before
    return _Row(line, action, row["target"], fields, span, row["source_id"], ok)


def check_values(result: Curation, resource: str, rel: str, rows: list[_Row]) -> None:
    """Every value of every row of one file against the resource's schema, in one validation;
    the rows with no problem become records, corrections and rejections."""
    found = value_problems_all(
        resource,
        [(r.fields, r.span or Span(r.source_id or "x", 0, 1, 1, 1, "x")) for r in rows],
        [r.action == "add" for r in rows],
    )
    for row, problems in zip(rows, found, strict=True):
        for column, value, rule in problems:
            result.problems.append(
                Problem(
                    rel, row.line, column, value, f"must be {plain(rule)}", f"give {plain(rule)}"
                )
            )
        if problems or not row.ok or row.span is None:
            continue
        entry = Problem(rel, row.line, None, None, "", "")
        if row.action == "add":
            result.records.append(
                Record(resource, row.fields, row.span, CURATED, refs={"curation": entry})
            )
        elif row.action == "correct":
            result.corrections.append((resource, row.target, row.fields, entry))
        else:
            result.rejections.append((resource, row.target, entry))


def plain(rule: str) -> str:
    """A Pandera check in words a contributor can act on."""
    if rule == "a value is required":
        return "given (the column is required)"
    if m := re.fullmatch(r"isin\(\[(.*)\]\)", rule):
        return "one of " + m[1].replace("'", "")
    if m := re.fullmatch(r"greater_than_or_equal_to\((.*)\)", rule):
        return f"a number of at least {m[1]}"
    if m := re.fullmatch(r"less_than_or_equal_to\((.*)\)", rule):
        return f"a number of at most {m[1]}"
    if rule.startswith("type "):
        return f"of type {rule[5:]}"
    if schemas.PARTIAL_DATE in rule:
        return "an ISO date: 1937, 1937-01 or 1937-01-30"
    if schemas.SLUG in rule:
        return "a slug of lowercase letters, digits and hyphens"
    return rule


def value_problems(
    resource: str, fields: dict, span: object, required: bool
) -> list[tuple[str, str | None, str]]:
    """(column, value, rule) for every value of a curation row its resource's schema refuses;
    with `required`, also every required column left empty. Keys are made up here."""
    return value_problems_all(resource, [(fields, span)], [required])[0]


def value_problems_all(
    resource: str, rows: list[tuple[dict, Span]], required: list[bool]
) -> list[list[tuple[str, str | None, str]]]:
    """`value_problems` of many rows at once: one frame, one coercion, one Pandera validation
    (lazy, every failure kept), the failures sorted back to their rows."""
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
    found: list[list[tuple[str, str | None, str]]] = [[] for _ in rows]
    typed: set[tuple[int, str]] = set()
    for failure in failures:
        found[failure.row - 1].append((failure.column, failure.value, failure.check))
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
        rule = "a value is required" if failure.check == "not_nullable" else failure.check
        found[number].append((column, failure.value if column in fields else None, rule))
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
                        entry.file,
                        entry.line,
                        column,
                        value,
                        f"no such {ref_column} in {ref}",
                        f"use an existing {ref_column} (see the {ref} resource)",
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


def missing_target(resource: str, target: str, entry: Problem, kind: str) -> dict:
    return {
        "rule": "curation-target-missing",
        "resource": resource,
        "subject": target,
        "message": f"the {kind} at {entry.file}, line {entry.line} matches no extracted row",
        "evidence": None,
    }


def problems_json(problems: list[Problem]) -> list[dict]:
    return [asdict(p) for p in problems]
