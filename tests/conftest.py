"""Shared fixtures: scratch copies of the project's seeds, so tests never touch the real ones.

The seed release is built once per session (`seed_release`, `seed_frames`) and tests
read it; a test that changes a release works on a copy of it, and a test that needs a
build of its own uses the seeds (`project`) or, when the seeds' size is beside its
point, the three short seed texts (`small_project`). All builds of a session share one
extraction cache, so each text is extracted once however many tests build it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from etl.project import Project
from etl.version import DATA_VERSION

if TYPE_CHECKING:  # pandas is imported by the tests that use it, not by pytest's main process
    import pandas as pd

REPO = Project(Path(__file__).resolve().parent.parent)
"""The project these tests belong to: its seeds are copied, never changed."""

SMALL = {
    "moskvin-telegram-lithuania-1937",
    "trotsky-cable-ap-1936",
    "trotsky-oppositionists-expelled-1936",
}


@pytest.fixture(scope="session", autouse=True)
def extraction_cache(tmp_path_factory) -> Iterator[Path]:
    """One extraction cache for the whole session (its keys are hashes of each text and of
    the extraction code, so builds of different scratch projects can share it); and no
    $ETL_PROJECT of the caller's, so every command finds the project it is run in. The
    workers of `pytest -n` share the cache too, so that each extracts the seeds only if no
    other worker did (entries are written to a temporary file and renamed, so concurrent
    writers are safe)."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the session's folder, above each worker's own
    folder = base / "extraction-cache"
    folder.mkdir(exist_ok=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ETL_CACHE", str(folder))
        patch.delenv("ETL_PROJECT", raising=False)
        yield folder


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder laid out like the repository: seeds/ with the registry and the texts."""
    shutil.copytree(REPO.seeds, tmp_path / "seeds")
    return tmp_path


@pytest.fixture
def small_project(tmp_path: Path) -> Path:
    """A project of the three short seed texts (no curation files, which cite the others)."""
    shutil.copytree(REPO.seeds, tmp_path / "seeds", ignore=shutil.ignore_patterns("curation"))
    registry = tmp_path / "seeds" / "registry.csv"
    header, *rows = registry.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [row for row in rows if row.split(",", 1)[0] in SMALL]
    registry.write_text(header + "".join(kept), encoding="utf-8")
    return tmp_path


@pytest.fixture(scope="session")
def seed_project(tmp_path_factory) -> Path:
    """A scratch copy of the seeds shared by the session: read it, never change it."""
    root = tmp_path_factory.mktemp("seed-project")
    shutil.copytree(REPO.seeds, root / "seeds")
    return root


@pytest.fixture(scope="session")
def seed_release(seed_project: Path) -> Path:
    """The seed release, built once per session: read it, never change it."""
    from etl.build import build

    return build(Project(seed_project), dist=seed_project / "dist").release


@pytest.fixture(scope="session")
def seed_frames(seed_project: Path, seed_release: Path) -> dict[str, pd.DataFrame]:
    """Every resource of the seed release as the build assembles it (tests get copies)."""
    from etl.build import assemble

    return assemble(Project(seed_project))


@pytest.fixture
def release(project: Path, seed_release: Path) -> Path:
    """A copy of the seed release in `project`'s dist/, free to change."""
    copy = project / "dist" / DATA_VERSION
    shutil.copytree(seed_release, copy)
    return copy


def seed_path(project: Path, source_id: str) -> Path:
    from etl.contribute.registry import read_registry

    entry = next(e for e in read_registry(Project(project)) if e.source_id == source_id)
    return entry.file(Project(project))


def register(project: Path, path: Path, source_id: str, title: str = "T") -> None:
    """Register a text written for a test in the scratch project."""
    from etl.contribute.registry import add_source

    add_source(
        path,
        source_id=source_id,
        title=title,
        author="A",
        written="1937",
        origin="written for this test",
        license="CC0",
        project=Project(project),
    )
