"""Knowledge that is not in the texts, read from commented data files in etl/knowledge/.

Every file is a CSV whose last column, `why`, says why the entry is there.
Lines starting with "#" are comments. Extractors get a `Knowledge` object
and never open files themselves, so per-text work stays a pure function of
(text, knowledge).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from etl import paths
from etl.errors import EtlError
from etl.lang import bounds


class KnowledgeError(EtlError):
    code = "knowledge-error"


def read_table(path: Path) -> list[dict[str, str]]:
    """Rows of one knowledge file; every row must give a reason in `why`, hold only values
    of the contract's vocabularies and regular expressions that compile (checked here,
    with the file's line, not later in an extractor)."""
    numbered = [
        (number, line)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if not line.startswith("#")
    ]
    reader = csv.DictReader(io.StringIO("\n".join(line for _, line in numbered)))
    if not reader.fieldnames or reader.fieldnames[-1] != "why":
        msg = f"{path}: the last column must be 'why' (a reason for each entry)"
        raise KnowledgeError(msg)
    rows = []
    for row in reader:
        where = f"{path}, line {numbered[reader.line_num - 1][0]}"
        if None in row or any(v is None for v in row.values()):
            msg = f"{where}: wrong number of cells for {reader.fieldnames}"
            raise KnowledgeError(msg)
        row = {k: v.strip() for k, v in row.items()}
        for column, problem in row_problems(path.stem, row):
            msg = f"{where}, column {column!r}: {problem} (value {row[column]!r})"
            raise KnowledgeError(msg)
        rows.append(row)
    return rows


# What a knowledge value may be: the contract's vocabularies (etl.lang.bounds), by file and
# column; for stats_vocabulary by the row's kind.
VOCABULARIES = {
    ("penalties", "penalty"): bounds.PENALTIES,
}
STATS_VALUES = {
    "subject": bounds.SUBJECTS,
    "subject_before": bounds.SUBJECTS,
    "column": bounds.SUBJECTS,
    "reinstated": bounds.SUBJECTS,
    "qualifier": bounds.QUALIFIERS,
    "estimate": bounds.QUALIFIERS,
    "population": bounds.POPULATIONS,
}
PATTERN_COLUMNS = {"pattern", "term"}


def row_problems(table: str, row: dict[str, str]) -> list[tuple[str, str]]:
    problems = []
    if not row["why"]:
        problems.append(("why", "every entry needs a reason"))
    for (name, column), allowed in VOCABULARIES.items():
        if table == name and column in row and row[column] not in allowed:
            problems.append((column, f"must be one of {', '.join(allowed)}"))
    allowed = STATS_VALUES.get(row.get("kind", "")) if table == "stats_vocabulary" else None
    if allowed and row.get("value") and row["value"] not in allowed:
        problems.append(("value", f"a {row['kind']} must be one of {', '.join(allowed)}"))
    for column in PATTERN_COLUMNS & row.keys():
        try:
            re.compile(row[column])
        except re.error as exc:
            problems.append((column, f"not a regular expression: {exc}"))
    return problems


@dataclass(frozen=True)
class Knowledge:
    """All knowledge files of a folder, by file stem, loaded once."""

    folder: Path
    tables: dict[str, list[dict[str, str]]] = field(default_factory=dict, repr=False)

    def __getitem__(self, name: str) -> list[dict[str, str]]:
        return self.tables[name]


@cache
def load_knowledge(folder: Path = paths.KNOWLEDGE) -> Knowledge:
    tables = {p.stem: read_table(p) for p in sorted(folder.glob("*.csv"))}
    return Knowledge(folder, tables)
