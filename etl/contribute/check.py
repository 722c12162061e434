"""`etl check`: everything a contribution can touch, checked at once, in one report.

The source registry (slugs, metadata, pinned hashes), the curation files
(form, values, evidence found in the text, keys to persons, trials and
sources), the data the build would publish, and the committed release.
"""

from __future__ import annotations

from pathlib import Path

from etl import paths
from etl.build import assemble, load_sources
from etl.contract.validate import Failure
from etl.contract.verify import verify_release
from etl.contribute.curation import Problem, load_curation
from etl.contribute.registry import read_registry
from etl.errors import EtlError, ValidationFailed
from etl.version import DATA_VERSION


def as_problem(failure: Failure | Problem, file: str) -> Problem:
    if isinstance(failure, Problem):
        return failure
    where = f"{file} ({failure.resource})"
    fix = "correct the row with seeds/curation/ or fix the extractor that made it"
    return Problem(where, failure.row, failure.column, failure.value, failure.check, fix)


def run_check(
    root: Path = paths.ROOT, dist: Path = paths.DIST, version: str = DATA_VERSION
) -> list[Problem]:
    """Every problem found, errors and warnings; an empty list means the contribution is fine."""
    registry = root / "seeds" / "registry.csv"
    try:
        entries = read_registry(registry)
        texts = load_sources(entries, root)
    except EtlError as exc:
        return [
            Problem(
                "seeds/registry.csv",
                None,
                None,
                None,
                exc.message,
                "fix the registry or the text as the message says",
            )
        ]
    curation = load_curation(root / "seeds" / "curation", texts, root)
    problems = list(curation.problems)
    if curation.errors:
        return problems
    try:
        assemble(root)
    except ValidationFailed as exc:
        return problems + [as_problem(f, "the build") for f in exc.failures]
    release = dist / version
    if release.is_dir():
        report = verify_release(release, root)
        problems += [as_problem(f, f"dist/{version}") for f in report.failures]
    return problems
