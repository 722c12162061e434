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
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TypeVar

from etl import paths
from etl.errors import EtlError, Problem
from etl.lang import bounds

T = TypeVar("T")


class KnowledgeError(EtlError):
    """A knowledge file that breaks its form or the contract's vocabularies."""


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
        message = "the last column must be 'why' (a reason for each entry)"
        raise KnowledgeError(Problem(code="header-mismatch", file=str(path), message=message))
    rows = []
    for row in reader:
        where = {"file": str(path), "line": numbered[reader.line_num - 1][0]}
        if None in row or any(v is None for v in row.values()):
            message = f"wrong number of cells for {reader.fieldnames}"
            raise KnowledgeError(Problem(code="wrong-cell-count", **where, message=message))
        row = {k: v.strip() for k, v in row.items()}
        problems = [
            Problem(code=code, **where, column=column, value=row[column], message=message)
            for code, column, message in row_problems(path.stem, row)
        ]
        if problems:
            raise KnowledgeError(*problems)
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


def row_problems(table: str, row: dict[str, str]) -> list[tuple[str, str, str]]:
    """(code, column, message) of every value of one entry that the contract refuses."""
    problems = []
    if not row["why"]:
        problems.append(("missing-value", "why", "every entry needs a reason"))
    for (name, column), allowed in VOCABULARIES.items():
        if table == name and column in row and row[column] not in allowed:
            message = f"must be one of {', '.join(allowed)}"
            problems.append(("constraint-error", column, message))
    allowed = STATS_VALUES.get(row.get("kind", "")) if table == "stats_vocabulary" else None
    if allowed and row.get("value") and row["value"] not in allowed:
        message = f"a {row['kind']} must be one of {', '.join(allowed)}"
        problems.append(("constraint-error", "value", message))
    for column in PATTERN_COLUMNS & row.keys():
        try:
            re.compile(row[column])
        except re.error as exc:
            problems.append(("bad-pattern", column, f"not a regular expression: {exc}"))
    return problems


@dataclass(frozen=True)
class Knowledge:
    """All knowledge files of a folder, by file stem, loaded once."""

    folder: Path
    tables: dict[str, list[dict[str, str]]] = field(default_factory=dict, repr=False)
    _derived: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    def __getitem__(self, name: str) -> list[dict[str, str]]:
        return self.tables[name]

    def derived(self, name: str, build: Callable[[Knowledge], T]) -> T:
        """A value made from the tables (a word set, a compiled pattern), made once: the
        extractors ask for it for every paragraph of every text."""
        if name not in self._derived:
            self._derived[name] = build(self)
        return self._derived[name]  # type: ignore[return-value]


@cache
def load_knowledge(folder: Path = paths.KNOWLEDGE) -> Knowledge:
    tables = {p.stem: read_table(p) for p in sorted(folder.glob("*.csv"))}
    return Knowledge(folder, tables)
