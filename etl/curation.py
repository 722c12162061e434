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

from etl import schemas
from etl.corpus import Source, Span
from etl.extract import Record

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


def locate(source: Source, quote: str, line: str) -> tuple[int, int] | str:
    """Offsets of the quote in the text, or why it cannot be placed."""
    starts = [m.start() for m in re.finditer(re.escape(quote), source.text)]
    if line:
        starts = [s for s in starts if source.line_of(s) == int(line)]
    if not starts:
        return "the quote does not occur in the text" + (f" on line {line}" if line else "")
    if len(starts) > 1:
        lines = ", ".join(str(source.line_of(s)) for s in starts[:8])
        more = ", …" if len(starts) > 8 else ""
        return f"the quote occurs {len(starts)} times (lines {lines}{more}); give its line"
    return starts[0], starts[0] + len(quote)


def load_curation(folder: Path, texts: dict[str, Source], root: Path) -> Curation:
    """Every curation file of the folder, read, checked and turned into records and edits."""
    result = Curation()
    seen_targets: dict[tuple[str, str], int] = {}
    for path in sorted(folder.glob("*.csv")) if folder.is_dir() else []:
        rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        resource = path.stem
        if resource not in schemas.MODELS or resource in ("sources", "checks"):
            fix = f"name it after a resource: {', '.join(schemas.CLAIMS)}"
            result.problems.append(Problem(rel, None, None, None, "unknown resource file", fix))
            continue
        rows, problems = read_rows(path, resource, rel)
        result.problems += problems
        for line, row in rows:
            read_row(result, resource, rel, line, row, texts, seen_targets)
    return result


def read_row(
    result: Curation,
    resource: str,
    rel: str,
    line: int,
    row: dict,
    texts: dict[str, Source],
    seen: dict[tuple[str, str], int],
) -> None:
    """Check one curation row, reporting every problem it has, and keep it if it has none."""
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
        where = locate(source, row["quote"], row["line"])
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
    placeholder = Span(row["source_id"] or "x", 0, 1, 1, 1, "x")
    for column, value, rule in value_problems(
        resource, fields, span or placeholder, required=action == "add"
    ):
        problem(column, value, f"must be {plain(rule)}", f"give {plain(rule)}")
    if len(result.problems) > before or span is None:
        return
    entry = Problem(rel, line, None, None, "", "")
    if action == "add":
        result.records.append(Record(resource, fields, span, CURATED, refs={"curation": entry}))
    elif action == "correct":
        result.corrections.append((resource, row["target"], fields, entry))
    else:
        result.rejections.append((resource, row["target"], entry))


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
    from etl.validate import check_frame, coerce

    row = {c: None for c in schemas.columns(resource)}
    row.update(span.provenance(), extractor=CURATED)
    for column in schemas.primary_key(resource):
        row[column] = "curation-check"
    row.update(fields)
    frame, failures = coerce(resource, pd.DataFrame([row]))
    found = [(f.column, f.value, f.check) for f in failures]
    typed = {f.column for f in failures}
    for failure in check_frame(resource, frame):
        column = failure.column
        if column in typed or (column and column not in fields and not required):
            continue
        if column is None and not required:
            continue
        rule = "a value is required" if failure.check == "not_nullable" else failure.check
        found.append((column, failure.value if column in fields else None, rule))
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
    from etl.validate import coerce

    """Corrections and rejections on the resolved tables; a target that no longer exists
    (the extractor changed) is reported as a check, never dropped silently."""

    findings = []
    for resource, target, fields, entry in curation.corrections:
        frame = frames[resource]
        key = schemas.primary_key(resource)[0]
        hit = frame[key] == target
        if not hit.any():
            findings.append(missing_target(resource, target, entry, "correction"))
            continue
        frame = frame.astype({c: object for c in fields})
        for column, value in fields.items():
            frame.loc[hit, column] = value
        frame.loc[hit, "extractor"] = CURATED
        frames[resource] = coerce(resource, frame)[0]
    for resource, target, entry in curation.rejections:
        frame = frames[resource]
        key = schemas.primary_key(resource)[0]
        if not (frame[key] == target).any():
            findings.append(missing_target(resource, target, entry, "rejection"))
            continue
        frames[resource] = frame[frame[key] != target].reset_index(drop=True)
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
