"""Span verification: every row's quote is exactly the text at its offsets and lines.

Run on every build (before publishing) and by `etl verify` on a release, so
a user can check a downloaded package against the source texts.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd

from etl import pathguard
from etl.contract import schemas
from etl.contract.validate import column_problem, package_resources
from etl.errors import EtlError, Problem, SourceError
from etl.lang.corpus import Source, load_source
from etl.project import Project
from etl.publish.package import file_sha256


def span_failures(resource: str, frame: pd.DataFrame, texts: dict[str, Source]) -> list[Problem]:
    """Rows whose quote, offsets or line numbers do not match their source.

    The rows are checked a source at a time on whole columns (offsets in range, line
    numbers by a binary search of all of a source's offsets at once, quotes compared in
    one pass), and only the rows that fail are looked at one by one, for their problems
    and key (every build runs this on every row, and `etl verify` on every row of a
    release)."""
    failures = []
    key_cols = schemas.primary_key(resource)
    cols = ["source_id", "char_start", "char_end", "line_start", "line_end", "quote", *key_cols]
    missing = [c for c in cols if c not in frame.columns]
    if missing:
        return [column_problem(resource, c) for c in missing]
    suspects = _suspect_rows(frame, texts)
    if suspects is None:
        suspects = list(range(len(frame)))
    values = {c: frame[c].take(suspects).tolist() for c in dict.fromkeys(cols)}
    rows = zip(suspects, *values.values(), strict=True)
    for position, *row in rows:
        rec = dict(zip(values, row, strict=True))
        mismatches = _span_mismatches(rec, texts.get(rec["source_id"]))
        if not mismatches:
            continue
        key = ",".join(str(rec[c]) for c in key_cols)
        failures += [
            Problem(
                code=code,
                file=resource,
                row=position + 1,
                key=key,
                column=column,
                value=str(rec[column]),
                message=message,
            )
            for code, column, message in mismatches
        ]
    return failures


def _suspect_rows(frame: pd.DataFrame, texts: dict[str, Source]) -> list[int] | None:
    """The positions of the rows whose span may not match its text (a superset of those
    `_span_mismatches` finds a problem in), in order; None when the offsets and lines are
    not all integers (a file read as it is), and every row must be looked at."""
    numbers = ["char_start", "char_end", "line_start", "line_end"]
    if not all(pd.api.types.is_integer_dtype(frame[c].dtype) for c in numbers):
        return None
    if any(frame[c].hasnans for c in numbers):
        return None
    starts, ends, firsts, lasts = (frame[c].to_numpy(dtype=np.int64) for c in numbers)
    quotes = frame["quote"].tolist()
    codes, names = pd.factorize(frame["source_id"], use_na_sentinel=True)
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(-1, len(names) + 1))
    suspect = np.zeros(len(frame), dtype=bool)
    suspect[order[bounds[0] : bounds[1]]] = True  # no source_id
    for code, source_id in enumerate(names):
        rows = order[bounds[code + 1] : bounds[code + 2]]
        source = texts.get(source_id)
        if source is None:
            suspect[rows] = True
            continue
        text, line_starts = source.text, np.asarray(source.line_starts, dtype=np.int64)
        start, end = starts[rows], ends[rows]
        ok = (start >= 0) & (start < end) & (end <= len(text))
        ok &= np.searchsorted(line_starts, start, side="right") == firsts[rows]
        ok &= np.searchsorted(line_starts, end - 1, side="right") == lasts[rows]
        same = [
            text[a:b] == quotes[i]
            for a, b, i in zip(start.tolist(), end.tolist(), rows.tolist(), strict=True)
        ]
        ok &= np.array(same, dtype=bool)
        suspect[rows[~ok]] = True
    return np.flatnonzero(suspect).tolist()


def _span_mismatches(rec: dict, source: Source | None) -> list[tuple[str, str, str]]:
    """(code, column, message) of each way one row's span does not match its text."""
    if source is None:
        return [("unknown-source", "source_id", "names no text of the sources resource")]
    start, end = int(rec["char_start"]), int(rec["char_end"])
    if not 0 <= start < end <= len(source.text):
        message = f"offsets {start}-{end} are not inside the text (0..{len(source.text)})"
        return [("offsets-outside-text", "char_end", message)]
    found = []
    actual = source.text[start:end]
    if actual != rec["quote"]:
        found.append(("quote-mismatch", "quote", f"is not text[{start}:{end}], {actual!r}"))
    if int(rec["line_start"]) != source.line_of(start):
        message = f"char_start is on line {source.line_of(start)}"
        found.append(("line-mismatch", "line_start", message))
    if int(rec["line_end"]) != source.line_of(end - 1):
        message = f"char_end - 1 is on line {source.line_of(end - 1)}"
        found.append(("line-mismatch", "line_end", message))
    return found


def verify_frames(frames: dict[str, pd.DataFrame], texts: dict[str, Source]) -> list[Problem]:
    failures = []
    for resource in schemas.CLAIMS:
        if resource in frames:
            failures += span_failures(resource, frames[resource], texts)
    return failures


@dataclass
class VerifyReport:
    release: Path
    rows: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def load_texts(sources: pd.DataFrame, project: Project) -> tuple[dict[str, Source], list[Problem]]:
    """Open every source the release names, in the project's seeds/, checking each against
    its pinned sha256."""
    texts, failures = {}, []
    missing = [c for c in ("source_id", "path", "sha256") if c not in sources.columns]
    if missing:
        return texts, [column_problem("sources", c) for c in missing]
    for number, row in enumerate(sources.itertuples(index=False), start=1):
        where = {"file": "sources", "row": number, "key": row.source_id, "column": "path"}
        why = pathguard.problem(row.path, project.seeds, base=project.root)
        if why:
            message = f"path {why}"
            failures.append(Problem(code="path-refused", **where, value=row.path, message=message))
            continue
        path = project.path(row.path)
        try:
            texts[row.source_id] = load_source(row.source_id, path, row.sha256)
        except SourceError as exc:
            failures += exc.located(path, **where, value=row.path)
    return texts, failures


def verify_release(release: Path, project: Project) -> VerifyReport:
    """Re-open every source of a release (in the project's seeds/) and check every span of
    every row."""
    descriptor_path = release / "datapackage.json"
    if not descriptor_path.is_file():
        raise EtlError(
            Problem(
                code="release-missing",
                file=str(descriptor_path),
                message="no data package here",
                fix="build one with `etl build`",
            )
        )
    report = VerifyReport(release)
    frames, files = {}, {}
    for name, path, res in package_resources(descriptor_path):
        where = {"file": str(path), "value": res["path"]}
        if not path.is_file():
            report.problems.append(Problem(code="file-missing", **where, message="no such file"))
            continue
        digest = f"sha256:{file_sha256(path)}"
        if digest != res.get("hash"):
            message = f"the file's hash is {digest}, the descriptor's {res.get('hash')}"
            report.problems.append(Problem(code="hash-mismatch", **where, message=message))
            continue
        try:
            frames[name], files[name] = pd.read_parquet(path), str(path)
        except Exception as exc:  # pyarrow raises several kinds on a file that is not Parquet
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            message = f"not a readable Parquet file ({reason})"
            report.problems.append(Problem(code="file-unreadable", **where, message=message))
    report.rows = {name: len(f) for name, f in frames.items()}
    if "sources" in frames:
        texts, problems = load_texts(frames["sources"], project)
        problems += verify_frames(frames, texts)
        report.problems += [replace(p, file=files.get(p.file, p.file)) for p in problems]
    return report
