"""The build: sources → extract → resolve → validate → verify → publish.

`build()` is what `etl build` and `make` run; each stage is a module of its
own and the data flows one way through them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from etl import checks, paths
from etl.corpus import Source, load_source
from etl.curation import apply_edits, foreign_key_problems, load_curation
from etl.errors import SourceError, ValidationFailed
from etl.extract import Record, extract_source
from etl.knowledge import load_knowledge
from etl.publish import publish
from etl.registry import SourceEntry, read_registry
from etl.resolve import resolve
from etl.validate import Failure, validate_frames
from etl.verify import verify_frames
from etl.version import DATA_VERSION

Progress = Callable[[int, int, str], None]  # (done, total, what is being done)


@dataclass
class BuildResult:
    release: Path
    created: bool
    rows: dict[str, int]
    warnings: list[Failure] = field(default_factory=list)


def load_sources(entries: list[SourceEntry], root: Path) -> dict[str, Source]:
    """Every registered text, hash-checked; all unreadable texts reported together."""
    texts, problems = {}, []
    for entry in entries:
        try:
            texts[entry.source_id] = load_source(entry.source_id, entry.file(root), entry.sha256)
        except SourceError as exc:
            problems.append(exc)
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise SourceError("; ".join(str(p) for p in problems))
    return texts


def assemble(root: Path = paths.ROOT, progress: Progress | None = None) -> dict[str, pd.DataFrame]:
    """Every resource of the release, extracted, resolved and checked, but not yet written."""
    # Load.
    entries = read_registry(root / "seeds" / "registry.csv")
    texts = load_sources(entries, root)
    kb = load_knowledge()
    curation = load_curation(root / "seeds" / "curation", texts, root)
    if curation.errors:
        msg = f"{len(curation.errors)} problem(s) in seeds/curation/; nothing was published"
        raise ValidationFailed(msg, curation.errors)
    # Extract: per text, a pure function of (text, knowledge).
    records: list[Record] = []
    for done, entry in enumerate(entries, start=1):
        if progress:
            progress(done, len(entries), entry.source_id)
        records += extract_source(texts[entry.source_id], kb)
    # Resolve across texts, then apply the contributors' corrections.
    frames, warnings = resolve(records + curation.records, entries, texts, kb)
    warnings += apply_edits(frames, curation)
    dangling = foreign_key_problems(curation, frames)
    if dangling:
        msg = f"{len(dangling)} problem(s) in seeds/curation/; nothing was published"
        raise ValidationFailed(msg, dangling)
    frames["checks"] = checks.run_checks(frames, warnings)
    # Validate and verify: every failure collected before giving up.
    failures = validate_frames(frames) + verify_frames(frames, texts)
    if failures:
        msg = f"{len(failures)} problem(s) in the extracted data; nothing was published"
        raise ValidationFailed(msg, failures)
    return frames


def build(
    dist: Path = paths.DIST,
    root: Path = paths.ROOT,
    version: str = DATA_VERSION,
    progress: Progress | None = None,
) -> BuildResult:
    """Build the release `version` into `dist`, or confirm that it is already there."""
    frames = assemble(root, progress)
    release, created = publish(frames, version, dist)
    warnings = [
        Failure(
            "checks", None, row.check_id, None, None, f"{row.rule}: {row.message}", row.severity
        )
        for row in frames["checks"].itertuples(index=False)
    ]
    return BuildResult(release, created, {k: len(v) for k, v in frames.items()}, warnings)
