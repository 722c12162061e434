"""Span verification: every row's quote is exactly the text at its offsets and lines.

Run on every build (before publishing) and by `etl verify` on a release, so
a user can check a downloaded package against the source texts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from etl import pathguard, paths
from etl.contract import schemas
from etl.contract.validate import Failure
from etl.errors import EtlError, SourceError
from etl.lang.corpus import Source, load_source
from etl.publish.package import file_sha256


def span_failures(resource: str, frame: pd.DataFrame, texts: dict[str, Source]) -> list[Failure]:
    """Rows whose quote, offsets or line numbers do not match their source."""
    failures = []
    key_cols = schemas.primary_key(resource)
    cols = ["source_id", "char_start", "char_end", "line_start", "line_end", "quote", *key_cols]
    missing = [c for c in cols if c not in frame.columns]
    if missing:
        return [Failure(resource, None, None, c, None, "column is required") for c in missing]
    for number, row in enumerate(frame[cols].itertuples(index=False), start=1):
        rec = row._asdict()
        key = ",".join(str(rec[c]) for c in key_cols)

        def fail(column: str, value: object, check: str, key: str = key, n: int = number) -> None:
            failures.append(Failure(resource, n, key, column, str(value), check))

        source = texts.get(rec["source_id"])
        if source is None:
            fail("source_id", rec["source_id"], "source is not in the sources resource")
            continue
        start, end = int(rec["char_start"]), int(rec["char_end"])
        if not 0 <= start < end <= len(source.text):
            fail("char_end", end, f"offsets inside the text (0..{len(source.text)})")
            continue
        actual = source.text[start:end]
        if actual != rec["quote"]:
            fail("quote", rec["quote"], f"quote == text[{start}:{end}] (text has {actual!r})")
        if int(rec["line_start"]) != source.line_of(start):
            fail("line_start", rec["line_start"], f"line of char_start is {source.line_of(start)}")
        if int(rec["line_end"]) != source.line_of(end - 1):
            fail("line_end", rec["line_end"], f"line of char_end - 1 is {source.line_of(end - 1)}")
    return failures


def verify_frames(frames: dict[str, pd.DataFrame], texts: dict[str, Source]) -> list[Failure]:
    failures = []
    for resource in schemas.CLAIMS:
        if resource in frames:
            failures += span_failures(resource, frames[resource], texts)
    return failures


@dataclass
class VerifyReport:
    release: Path
    rows: dict[str, int] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def load_texts(sources: pd.DataFrame, root: Path) -> tuple[dict[str, Source], list[Failure]]:
    """Open every source the release names, checking each against its pinned sha256."""
    texts, failures = {}, []
    missing = [c for c in ("source_id", "path", "sha256") if c not in sources.columns]
    if missing:
        return texts, [
            Failure("sources", None, None, c, None, "column is required") for c in missing
        ]
    for number, row in enumerate(sources.itertuples(index=False), start=1):
        why = pathguard.problem(row.path, root / "seeds", base=root)
        if why:
            failures.append(
                Failure("sources", number, row.source_id, "path", row.path, f"path {why}")
            )
            continue
        try:
            texts[row.source_id] = load_source(row.source_id, root / row.path, row.sha256)
        except SourceError as exc:
            failures.append(
                Failure("sources", number, row.source_id, "sha256", row.sha256, exc.message)
            )
    return texts, failures


def verify_release(release: Path, root: Path = paths.ROOT) -> VerifyReport:
    """Re-open every source of a release and check every span of every row."""
    descriptor_path = release / "datapackage.json"
    if not descriptor_path.is_file():
        msg = f"{descriptor_path}: no data package here; build one with `etl build`"
        raise EtlError(msg)
    descriptor, text = pathguard.read_descriptor(descriptor_path)
    report = VerifyReport(release)
    frames = {}
    for res in descriptor["resources"]:
        path = pathguard.resource_path(res, release, descriptor_path, text)
        name = str(res.get("name"))
        if name not in schemas.MODELS:
            msg = (
                f"{pathguard.where(descriptor_path, pathguard.json_line(text, res.get('name')))}"
                f": resource name {res.get('name')!r} is not one of {', '.join(schemas.MODELS)}"
            )
            raise EtlError(msg)
        if not path.is_file():
            report.failures.append(Failure(name, None, None, None, res["path"], "file exists"))
            continue
        digest = f"sha256:{file_sha256(path)}"
        if digest != res.get("hash"):
            report.failures.append(
                Failure(
                    name,
                    None,
                    None,
                    None,
                    res["path"],
                    f"hash {res.get('hash')} of the descriptor (file has {digest})",
                )
            )
            continue
        try:
            frames[name] = pd.read_parquet(path)
        except Exception as exc:  # pyarrow raises several kinds on a file that is not Parquet
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            report.failures.append(
                Failure(name, None, None, None, res["path"], f"a readable Parquet file ({reason})")
            )
    report.rows = {name: len(f) for name, f in frames.items()}
    if "sources" in frames:
        texts, failures = load_texts(frames["sources"], root)
        report.failures += failures + verify_frames(frames, texts)
    return report
