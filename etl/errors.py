"""Every problem the tools find, in one shape, and the catalogue of their codes.

A `Problem` is what a contributor or a user acts on: a stable kebab-case `code`
(each listed once, with its meaning, in `CODES`, as Frictionless keeps its
error classes), a severity, where it is (file, line or row, key, column,
value), what is wrong and how to fix it. The registry, the texts, the curation
files, table validation, span verification, the knowledge files and the
build's findings all report `Problem`s, and `Problem.__str__` and
`report_json` are their only renderings, so every command reads alike. Tests
key on codes and fields, never on the prose.

An `EtlError` is a refused operation: it carries the problems that refuse it,
every one of them (a registry with three bad lines carries three).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

SEVERITIES = ("error", "warning", "info")

CODES: dict[str, str] = {
    # Projects, releases and the files a command is given.
    "etl-error": "a refused operation that has no more specific code",
    "no-project": "etl ran outside a project (no seeds/registry.csv here or above, "
    "no --project, no ETL_PROJECT)",
    "release-missing": "no release (a datapackage.json) at the folder or version given",
    "version-conflict": "a published version would be rebuilt into different bytes",
    "file-missing": "a file that should be there is not",
    "file-unreadable": "a file cannot be read as its format (CSV, Parquet)",
    "file-too-large": "a file is over its size limit and was not read",
    "not-utf8": "a text file is not valid UTF-8",
    "descriptor-invalid": "a datapackage.json is not JSON or has no list of resources",
    "unknown-resource": "a resource (or a file named after one) is not a published resource",
    "path-refused": "a path from data leaves its folder: absolute, '..', a URL or a symlink out",
    # The form of CSV files: the registry, curation files, knowledge files.
    "header-mismatch": "a header is not the columns the file must have",
    "not-comma-separated": "a CSV file's columns are separated by something else than commas",
    "wrong-cell-count": "a line has more or fewer cells than the header",
    "byte-order-mark": "a CSV file starts with a byte-order mark (ignored)",
    "windows-line-endings": "a CSV file has Windows line endings (read as \\n)",
    "no-final-newline": "a file's last line has no line ending: it may be truncated",
    "duplicate-row": "a row repeats another row of the same file",
    # Values: against the registry's rules, the schemas, the vocabularies.
    "missing-column": "a column the schema requires is not in the file or table",
    "extra-column": "a column is not in the schema",
    "missing-value": "a value that is required is empty",
    "type-error": "a value cannot take its column's type",
    "constraint-error": "a value breaks a rule of its column or row (vocabulary, range, form)",
    "unique-error": "a value that must be unique occurs more than once",
    "foreign-key-error": "a value names no row of the table it refers to",
    "bad-pattern": "a knowledge entry's regular expression does not compile",
    # Source texts and the evidence quoted from them.
    "source-unreadable": "a registered text is missing, not UTF-8 or empty",
    "hash-mismatch": "a file's bytes do not match the sha256 pinned for it",
    "name-taken": "a text of that name (or a symlink) is already in seeds/",
    "unknown-source": "a source_id names no registered text",
    "quote-not-found": "an evidence quote does not occur in its text (on the line given)",
    "quote-ambiguous": "an evidence quote occurs more than once and no line says which",
    "quote-mismatch": "a row's quote is not the text at its offsets",
    "line-mismatch": "a row's line numbers are not the lines of its offsets",
    "offsets-outside-text": "a row's offsets are not inside its text",
    # Curation files.
    "unknown-action": "a curation row's action is not add, correct or reject",
    "duplicate-target": "two curation rows correct or reject the same row",
    # Other commands.
    "fetch-error": "a download was refused: unreachable, over its size, or not as its sums say",
    "sqlite-error": "a release's SQLite copy is missing or has no such table",
    "serve-error": "a release cannot be served",
    "scheduler-error": "the Dask scheduler is unreachable or its workers run other code",
    "eval-error": "the evaluation corpus or a gold file is malformed",
    "below-floor": "an evaluation score is below its floor in tests/eval/floors.csv",
    # The build's findings, published in the `checks` resource (their `rule`).
    "aggregate-reconciled": "a count of sentences over several trials agrees with the rows",
    "aggregate-mismatch": "a count of sentences over several trials disagrees with the rows",
    "defendant-not-sentenced": "a source names a defendant of a trial but gives no sentence",
    "sentenced-not-defendant": "a source sentences a person it does not list as a defendant",
    "conflicting-sentences": "a source gives one person of one trial different penalties",
    "collective-count-mismatch": "a verdict's count of defendants differs from the list",
    "inference-does-not-close": "'N of the accused' minus those named is not who is left",
    "list-count-mismatch": "a list of names is not as long as the count it comes with",
    "execution-before-arrest": "a text dates an execution before an arrest in the same trial",
    "breakdown-sums": "a table's breakdown sums to its total (or to 100 per cent)",
    "breakdown-does-not-sum": "a table's breakdown does not sum to its total or to 100",
    "partial-breakdown": "a breakdown introduced by 'among these' covers part of a count",
    "percent-does-not-match-counts": "a share in per cent is not the ratio of its two counts",
    "restated-statistic-differs": "prose restates a table's figure with another value",
    "unresolved-name": "a name matches no person or several; its claim is left out",
    "value-out-of-bounds": "an extracted value the schema would refuse; reported, not published",
    "curation-target-missing": "a correction or rejection matches no extracted row",
}


@dataclass(frozen=True, kw_only=True)
class Problem:
    """One thing wrong (or, as `info`, worth knowing), where it is and how to fix it.

    `line` is a line of a text or CSV file; `row` (with the row's primary `key`) a row
    of a table; `file` is the file, or a resource's name for a table not written yet.
    `more`, on a summary, counts further problems of the same code and column that are
    not listed, so a table whose every row is wrong gives a short report."""

    code: str
    severity: str = "error"
    file: str | None = None
    line: int | None = None
    row: int | None = None
    key: str | None = None
    column: str | None = None
    value: str | None = None
    message: str
    fix: str | None = None
    more: int = 0

    @property
    def where(self) -> str:
        """ "file, line 4, column 'c'": the place, as every report names it."""
        parts = [self.file] if self.file else []
        parts += [f"line {self.line}"] if self.line is not None else []
        parts += [f"row {self.row}"] if self.row is not None else []
        parts += [f"key {self.key}"] if self.key else []
        parts += [f"column {self.column!r}"] if self.column else []
        return ", ".join(parts)

    @property
    def count(self) -> int:
        """How many problems this line stands for: itself, or those a summary counts."""
        return self.more or 1

    def __str__(self) -> str:
        """The problem in one line: `error[code]: where: message (value 'v'). Fix: fix`."""
        where = f"{self.where}: " if self.where else ""
        value = f" (value {self.value!r})" if self.value is not None else ""
        fix = f". Fix: {self.fix}" if self.fix else ""
        text = f"{self.severity}[{self.code}]: {where}{self.message}{value}{fix}"
        return " ".join(text.splitlines())


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)


def report_json(problems: list[Problem], **extra: object) -> str:
    """The machine-readable report of every command: valid, anything else the command
    adds (`extra`), and every problem with all its fields."""
    report = {"valid": not has_errors(problems), **extra, "problems": [asdict(p) for p in problems]}
    return json.dumps(report, indent=2, ensure_ascii=False)


class EtlError(Exception):
    """A refused operation, with every problem that refuses it; reported one line each,
    never as a traceback. A plain message becomes a problem of the class's `code`."""

    code = "etl-error"

    def __init__(self, *problems: Problem | str, summary: str | None = None) -> None:
        self.problems = [
            p if isinstance(p, Problem) else Problem(code=self.code, message=p) for p in problems
        ]
        self.summary = summary
        super().__init__(*self.problems)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class NoProject(EtlError):
    code = "no-project"


class RegistryError(EtlError):
    """seeds/registry.csv or a text being registered is refused."""


class SourceError(EtlError):
    """A text that cannot be used; etl.lang.corpus raises it with the file's path at the
    start of its message, which `located` moves into the problem's fields."""

    code = "source-unreadable"

    def located(self, path: Path | str, **fields: object) -> list[Problem]:
        """The problems with `path` (as given to etl.lang.corpus) taken out of the message
        and `fields` (file, line, row, key, column, value) set instead."""
        prefix = f"{path}: "
        return [
            Problem(**{**asdict(p), **fields, "message": p.message.removeprefix(prefix)})
            for p in self.problems
        ]


class HashMismatch(SourceError):
    code = "hash-mismatch"


class ValidationFailed(EtlError):
    """Data that breaks the contract: every problem found, and a summary line."""


class VersionConflict(EtlError):
    code = "version-conflict"
