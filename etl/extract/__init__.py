"""Extractors: small functions that read one source text and yield records with spans.

Adding an extractor is adding a module here that defines
`extract(source: Source, kb: Knowledge) -> Iterable[Record]`; it is found by
name, runs on every text, and never reads files or writes output itself.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from etl.lang import bounds
from etl.lang.corpus import Source, Span
from etl.lang.knowledge import Knowledge


@dataclass(frozen=True)
class Record:
    """One row for a resource, with the span it was read from and the rule that read it."""

    resource: str
    fields: dict
    span: Span
    extractor: str
    refs: dict = field(default_factory=dict, compare=False)
    """What resolution needs and is not published as is (a name to resolve, a count)."""

    def row(self) -> dict:
        return {**self.fields, **self.span.provenance(), "extractor": self.extractor}


Extractor = Callable[[Source, Knowledge], Iterable[Record]]


def extractors() -> dict[str, Extractor]:
    """Every extractor module of this package, by module name, in name order."""
    found = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "extract"):
            found[info.name] = module.extract
    return found


def extract_source(
    source: Source, kb: Knowledge, only: Iterable[str] | None = None
) -> list[Record]:
    """All records of one text: a pure function of (text, knowledge); with `only`, those of
    the extractors so named (the records of every extractor, in name order, are the
    text's records).

    No extractor's row reaches the tables if its schema would refuse it: a value the text
    states that the schema cannot hold becomes a `checks` warning with the row's span."""
    chosen = extractors()
    if only is not None:
        chosen = {name: chosen[name] for name in only}
    return [guarded(record) for run in chosen.values() for record in run(source, kb)]


def guarded(record: Record) -> Record:
    """The record, or, if its schema would refuse one of its values, a warning about it."""
    refused = bounds.problems(record.resource, record.fields)
    if not refused:
        return record
    said = "; ".join(f"{column} {value!r} is not {rule}" for column, value, rule in refused)
    fields = {
        "rule": "value-out-of-bounds",
        "severity": "warning",
        "resource": record.resource,
        "subject": ", ".join(f"{column}={value}" for column, value, _ in refused),
        "message": f"{record.extractor} read a value the schema cannot hold ({said}); "
        f"no {record.resource} row was made from this passage",
    }
    return Record("checks", fields, record.span, record.extractor)
