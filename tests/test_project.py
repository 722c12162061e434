"""The project a command acts on: --project, then $ETL_PROJECT, then the current folder
upward. Two clones and one installed `etl`: each command acts on the clone it is run in."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from etl.errors import NoProject
from etl.project import ENV, Project
from etl.version import DATA_VERSION
from tests.conftest import REPO, SMALL

ETL = Path(sys.executable).parent / "etl"  # the installed command, as a user runs it


def clone(folder: Path, texts: set[str]) -> Path:
    """A project of some of the short seed texts (no curation files, which cite others)."""
    shutil.copytree(REPO.seeds, folder / "seeds", ignore=shutil.ignore_patterns("curation"))
    registry = folder / "seeds" / "registry.csv"
    header, *rows = registry.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [row for row in rows if row.split(",", 1)[0] in texts]
    registry.write_text(header + "".join(kept), encoding="utf-8")
    return folder


def etl(cwd: Path, *args: object, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != ENV} | env
    command = [str(ETL), *map(str, args)]
    return subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True)


def source_ids(result: subprocess.CompletedProcess) -> set[str]:
    assert result.returncode == 0, result.stderr
    return {entry["source_id"] for entry in json.loads(result.stdout)}


def test_found_from_the_option_then_the_environment_then_the_folder_upward(tmp_path, monkeypatch):
    one, two = clone(tmp_path / "one", SMALL), clone(tmp_path / "two", SMALL)
    monkeypatch.delenv(ENV, raising=False)
    assert Project.find(start=two / "seeds" / "curation") == Project(two)
    monkeypatch.setenv(ENV, str(one))
    assert Project.find(start=two) == Project(one)
    assert Project.find(two, start=two) == Project(two)
    new = tmp_path / "new"
    new.mkdir()
    assert Project.find(new) == Project(new)  # named: `etl sources add` creates its registry


def test_no_project_is_one_problem(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV, raising=False)
    with pytest.raises(NoProject) as nowhere:
        Project.find(start=tmp_path)
    (problem,) = nowhere.value.problems
    assert (problem.code, problem.file) == ("no-project", str(tmp_path))
    with pytest.raises(NoProject) as missing:
        Project.find(tmp_path / "absent")
    assert [p.code for p in missing.value.problems] == ["no-project"]


def test_two_clones_one_installed_etl(tmp_path: Path):
    a = clone(tmp_path / "a", SMALL)
    b = clone(tmp_path / "b", SMALL - {"trotsky-cable-ap-1936"})

    # Each build publishes into the dist/ of the clone it is run in (from a subfolder too).
    built = etl(a, "build", "--quiet")
    assert built.returncode == 0, built.stderr
    assert built.stdout.startswith(f"{a / 'dist' / DATA_VERSION}: built")
    assert not (b / "dist").exists()
    assert etl(b / "seeds", "build", "--quiet").returncode == 0
    assert (b / "dist" / DATA_VERSION / "datapackage.json").is_file()
    assert etl(a, "verify").returncode == 0
    assert etl(b, "verify").returncode == 0

    # Each reads its own registry, unless --project or $ETL_PROJECT names another.
    assert source_ids(etl(a, "sources", "list", "--json")) == SMALL
    assert source_ids(etl(b, "sources", "list", "--json")) == SMALL - {"trotsky-cable-ap-1936"}
    assert source_ids(etl(b, "--project", a, "sources", "list", "--json")) == SMALL
    assert source_ids(etl(tmp_path, "sources", "list", "--json", **{ENV: str(b)})) == (
        SMALL - {"trotsky-cable-ap-1936"}
    )

    # `etl check` reads the registry of the clone it is run in.
    registry = b / "seeds" / "registry.csv"
    registry.write_text(registry.read_text().replace("moskvin-telegram", "Moskvin_Telegram"))
    broken = etl(b, "check", "--json")
    assert broken.returncode == 1
    problems = json.loads(broken.stdout)["problems"]
    assert [(p["code"], p["file"], p["line"]) for p in problems] == [
        ("constraint-error", "seeds/registry.csv", 2)
    ]
    assert etl(a, "sources", "list").returncode == 0


def test_outside_a_project_one_line_and_exit_2_but_project_free_commands_work(tmp_path):
    nowhere = tmp_path / "nowhere"
    nowhere.mkdir()
    for command in (["check"], ["sources", "list"], ["diff", "1", "2"]):
        result = etl(nowhere, *command)
        assert result.returncode == 2, (command, result.stderr)
        assert result.stdout == ""
        assert result.stderr.startswith("error[no-project]: ")
        assert result.stderr.count("\n") == 1, result.stderr
    release = REPO.release()
    validated = etl(nowhere, "validate", release / "data" / "trials.parquet")
    assert validated.returncode == 0, validated.stderr
    differences = etl(nowhere, "diff", release, release, "--json")
    assert differences.returncode == 0, differences.stderr
    assert etl(nowhere, "--version").returncode == 0
    assert etl(nowhere, "build", "--help").returncode == 0
