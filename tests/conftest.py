"""Shared fixtures: a scratch copy of the project's seeds, so tests never touch the real ones."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from etl import paths


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder laid out like the repository: seeds/ with the registry and the texts."""
    shutil.copytree(paths.SEEDS, tmp_path / "seeds")
    return tmp_path


def seed_path(project: Path, source_id: str) -> Path:
    from etl.registry import read_registry

    entry = next(
        e for e in read_registry(project / "seeds" / "registry.csv") if e.source_id == source_id
    )
    return entry.file(project)


def register(project: Path, path: Path, source_id: str, title: str = "T") -> None:
    """Register a text written for a test in the scratch project."""
    from etl.registry import add_source

    add_source(
        path,
        source_id=source_id,
        title=title,
        author="A",
        written="1937",
        origin="written for this test",
        license="CC0",
        root=project,
    )
