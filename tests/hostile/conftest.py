"""Fixtures of the hostile-input catalogue (issue 15).

Every case runs on a scratch copy of the seeds (never the repository's), and
asserts the same two things: the refusal is one line naming the file and the
line (or row) of the bad value, or the input is correctly accepted; and the
repository's dist/ is unchanged (`dist_unchanged`, used by every module of
the catalogue through `pytestmark`).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from etl.cli import cli
from tests.conftest import REPO


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under `folder` with its size and modification time: any write shows."""
    if not folder.exists():
        return {}
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def dist_unchanged() -> Iterator[None]:
    """The repository's dist/ is exactly as it was before the test."""
    before = snapshot(REPO.dist)
    yield
    assert snapshot(REPO.dist) == before, "a hostile-input test changed dist/"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A scratch repository: seeds/ (texts, registry, curation) and an empty dist/."""
    root = tmp_path / "repo"
    shutil.copytree(REPO.seeds, root / "seeds")
    (root / "dist").mkdir()
    return root


@pytest.fixture
def etl() -> Callable[..., Result]:
    """Run the `etl` command line in this process, as a user would type it."""

    def run(*args: object) -> Result:
        return CliRunner().invoke(cli, [str(a) for a in args])

    return run


@pytest.fixture
def refused() -> Callable[..., str]:
    """Assert that a command failed with exactly one error line holding every `needle`
    (the file, the line, the value), and no traceback; return that line."""

    def check(result: Result, *needles: str) -> str:
        output = result.output
        assert result.exit_code != 0, output
        assert "Traceback" not in output, output
        assert result.exception is None or isinstance(result.exception, SystemExit), output
        hits = [line for line in output.splitlines() if all(n in line for n in needles)]
        assert len(hits) == 1, f"expected one line with {needles}, got:\n{output}"
        assert "error: error:" not in output
        return hits[0]

    return check
