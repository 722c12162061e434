"""`etl check`: everything a contribution can touch, checked at once, in one report.

The source registry (slugs, metadata, pinned hashes), the curation files
(form, values, evidence found in the text, keys to persons, trials and
sources), the data the build would publish, and the committed release.
"""

from __future__ import annotations

from etl.build import assemble, load_sources
from etl.contract.verify import verify_release
from etl.contribute.curation import load_curation
from etl.contribute.registry import read_registry
from etl.errors import EtlError, Problem
from etl.project import Project
from etl.version import DATA_VERSION


def run_check(project: Project, version: str = DATA_VERSION) -> list[Problem]:
    """Every problem found, errors and warnings; an empty list means the contribution is fine.

    Each stage runs only if the one before it found no error: a registry that cannot be
    read has no texts to check curation quotes against, and so on."""
    try:
        entries = read_registry(project)
        texts = load_sources(entries, project)
    except EtlError as exc:
        return exc.problems
    curation = load_curation(project, texts)
    problems = list(curation.problems)
    if curation.errors:
        return problems
    try:
        assemble(project)
    except EtlError as exc:
        return problems + exc.problems
    release = project.release(version)
    if release.is_dir():
        problems += verify_release(release, project).problems
    return problems
