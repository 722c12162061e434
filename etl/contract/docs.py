"""The column descriptions of the data contract (docs/data-contract.md), read for the
SQLite copy and the Datasette metadata, so that they are written in one place.

Each resource has a `### <resource>` section with a table whose rows start with
the column name in backticks and end with its meaning; the `### provenance`
section describes the columns every claim table ends with.
"""

from __future__ import annotations

import re
from pathlib import Path

from etl.contract import schemas
from etl.errors import EtlError, Problem

ROW = re.compile(r"^\|\s*`([a-z_0-9]+)`\s*\|")
CELL = re.compile(r"(?<!\\)\|")


def sections(text: str) -> dict[str, dict[str, str]]:
    """{section: {column: meaning}} of every `### section` table of the contract."""
    found: dict[str, dict[str, str]] = {}
    current = None
    for line in text.splitlines():
        if line.startswith("### "):
            current = line[4:].strip()
            found.setdefault(current, {})
        elif current and (match := ROW.match(line)):
            cells = [c.strip() for c in CELL.split(line.strip().strip("|"))]
            found[current][match.group(1)] = cells[-1].replace("\\|", "|")
    return found


def column_descriptions(contract: Path) -> dict[str, dict[str, str]]:
    """{resource: {column: meaning}} for every column of every model that the contract (the
    project's docs/data-contract.md) describes (provenance columns from its `provenance`
    section)."""
    if not contract.is_file():
        raise EtlError(
            Problem(
                code="file-missing",
                file=str(contract),
                message="the data contract is missing; it describes every published column",
                fix="copy docs/data-contract.md from the repository into the project",
            )
        )
    found = sections(contract.read_text(encoding="utf-8"))
    provenance = found.get("provenance", {})
    result = {}
    for resource, model in schemas.MODELS.items():
        own = found.get(resource, {})
        inherited = provenance if issubclass(model, schemas.Provenance) else {}
        result[resource] = {
            column: own.get(column) or inherited.get(column, "")
            for column in schemas.columns(resource)
        }
    return result
