"""Knowledge that is not in the texts, read from commented data files in etl/knowledge/.

Every file is a CSV whose last column, `why`, says why the entry is there.
Lines starting with "#" are comments. Extractors get a `Knowledge` object
and never open files themselves, so per-text work stays a pure function of
(text, knowledge).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from etl import paths
from etl.errors import EtlError


class KnowledgeError(EtlError):
    code = "knowledge-error"


def read_table(path: Path) -> list[dict[str, str]]:
    """Rows of one knowledge file; every row must give a reason in `why`."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    if not reader.fieldnames or reader.fieldnames[-1] != "why":
        msg = f"{path}: the last column must be 'why' (a reason for each entry)"
        raise KnowledgeError(msg)
    rows = []
    for number, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            msg = f"{path}, data row {number - 1}: wrong number of cells for {reader.fieldnames}"
            raise KnowledgeError(msg)
        if not row["why"].strip():
            msg = f"{path}, data row {number - 1}, column 'why': every entry needs a reason"
            raise KnowledgeError(msg)
        rows.append({k: v.strip() for k, v in row.items()})
    return rows


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
