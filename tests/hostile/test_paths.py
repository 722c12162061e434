"""Hostile paths: every path that comes from data stays inside its folder (issue 15, item 1).

Registry rows, `etl sources add`, curation files and the descriptors read by
`etl verify` and `etl validate`: an absolute path, a `..` segment, a URL or a
symlink leaving its folder is refused in one line naming the file, the line
and the value.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from etl.publish.package import file_sha256
from tests.conftest import REPO

pytestmark = pytest.mark.usefixtures("dist_unchanged")

TELEGRAM = "seeds/000_dd2c6800fc199924.txt"  # line 2 of seeds/registry.csv
RELEASE = REPO.dist / "3.3.1"


def set_registry_path(repo: Path, value: str) -> None:
    registry = repo / "seeds" / "registry.csv"
    text = registry.read_text(encoding="utf-8")
    assert text.count(TELEGRAM) == 1
    registry.write_text(text.replace(TELEGRAM, value), encoding="utf-8")


def outside_file(tmp_path: Path) -> Path:
    """A readable text outside the scratch repository: what an attacker wants published."""
    secret = tmp_path / "secret.txt"
    secret.write_text("The secret of the machine: Smirnov was sentenced to death.\n")
    return secret


# The registry.


@pytest.mark.parametrize(
    "value",
    [
        "/etc/hostname",
        "seeds/../../secret.txt",
        "http://example.org/text.txt",
        "etl/cli.py",
        "C:\\texts\\a.txt",
    ],
    ids=["absolute", "dotdot", "url", "outside-seeds", "windows-drive"],
)
def test_registry_path_leaving_seeds_is_refused(repo, tmp_path, etl, refused, value):
    outside_file(tmp_path)
    set_registry_path(repo, value)
    result = etl("--project", repo, "check")
    refused(result, "[path-refused]", "registry.csv, line 2, column 'path'", repr(value))


def test_registry_symlink_leaving_seeds_is_refused(repo, tmp_path, etl, refused):
    link = repo / "seeds" / "link.txt"
    link.symlink_to(outside_file(tmp_path))
    set_registry_path(repo, "seeds/link.txt")
    result = etl("--project", repo, "check")
    refused(result, "[path-refused]", "registry.csv, line 2, column 'path'", "'seeds/link.txt'")


def test_registry_symlink_inside_seeds_is_accepted(repo, etl):
    """A link from one file of seeds/ to another of seeds/ leaves nothing: accepted."""
    real = repo / TELEGRAM
    (repo / "seeds" / "alias.txt").symlink_to(real)
    set_registry_path(repo, "seeds/alias.txt")
    result = etl("--project", repo, "check")
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("check: 0 error(s), 0 warning(s)")


# `etl sources add`.

ADD = ["--title", "T", "--author", "A", "--written", "1937", "--origin", "O", "--license", "L"]


def test_sources_add_of_a_symlink_leaving_seeds_is_one_line(repo, tmp_path, etl, refused):
    link = repo / "seeds" / "link.txt"
    link.symlink_to(outside_file(tmp_path))
    registry = (repo / "seeds" / "registry.csv").read_bytes()
    result = etl("--project", repo, "sources", "add", link, "--id", "linked", *ADD)
    refused(result, "error[path-refused]", "link.txt")
    assert "SameFileError" not in result.output
    assert (repo / "seeds" / "registry.csv").read_bytes() == registry


def test_sources_add_never_writes_through_a_symlink_in_seeds(repo, tmp_path, etl, refused):
    """seeds/new.txt is a link to a file outside: adding another new.txt must not overwrite
    the file the link points to."""
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    (repo / "seeds" / "new.txt").symlink_to(victim)
    text = tmp_path / "elsewhere" / "new.txt"
    text.parent.mkdir()
    text.write_text("Smirnov was sentenced to ten years.\n")
    result = etl("--project", repo, "sources", "add", text, "--id", "new-text", *ADD)
    refused(result, "error[name-taken]", "seeds/new.txt")
    assert victim.read_text() == "precious\n"


def test_sources_add_of_a_plain_text_is_accepted(repo, tmp_path, etl):
    text = tmp_path / "verdict.txt"
    text.write_text("The court sentenced Ivanov to ten years.\n")
    result = etl("--project", repo, "sources", "add", text, "--id", "verdict", *ADD)
    assert result.exit_code == 0, result.output
    assert (repo / "seeds" / "verdict.txt").read_bytes() == text.read_bytes()
    assert "seeds/verdict.txt" in (repo / "seeds" / "registry.csv").read_text()


# Curation files.


def test_curation_file_symlink_leaving_the_folder_is_refused(repo, tmp_path, etl, refused):
    elsewhere = tmp_path / "sentences.csv"
    shutil.copy(repo / "seeds" / "curation" / "sentences.csv", elsewhere)
    (repo / "seeds" / "curation" / "sentences.csv").unlink()
    (repo / "seeds" / "curation" / "sentences.csv").symlink_to(elsewhere)
    result = etl("--project", repo, "check")
    refused(result, "error[path-refused]", "seeds/curation/sentences.csv")


# Descriptors: `etl verify` and `etl validate`.


def release_copy(tmp_path: Path) -> Path:
    release = tmp_path / "release"
    shutil.copytree(RELEASE, release, ignore=shutil.ignore_patterns("csv", "index.html"))
    return release


def set_resource_path(release: Path, name: str, value: object) -> int:
    """Point resource `name` of the descriptor at `value`; the line it is written on."""
    descriptor_path = release / "datapackage.json"
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        if resource["name"] == name:
            resource["path"] = value
    text = json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"
    descriptor_path.write_text(text, encoding="utf-8")
    return next(n for n, line in enumerate(text.splitlines(), 1) if json.dumps(value) in line)


ESCAPES = {
    "dotdot": "../outside/sentences.parquet",
    "absolute": "/tmp/sentences.parquet",
    "url": "http://example.org/sentences.parquet",
}


@pytest.mark.parametrize("kind", ESCAPES)
@pytest.mark.parametrize("command", ["verify", "validate"])
def test_descriptor_path_leaving_the_package_is_refused(tmp_path, etl, refused, kind, command):
    release = release_copy(tmp_path)
    # The file the path points to exists and is valid: following it would say "OK".
    (tmp_path / "outside").mkdir()
    shutil.copy(release / "data" / "sentences.parquet", tmp_path / "outside")
    value = ESCAPES[kind]
    line = set_resource_path(release, "sentences", value)
    result = etl(command, release)
    refused(result, "error[path-refused]", "datapackage.json", f"line {line}", repr(value))
    assert "FileNotFoundError" not in result.output


def test_descriptor_symlink_leaving_the_package_is_refused(tmp_path, etl, refused):
    release = release_copy(tmp_path)
    target = tmp_path / "elsewhere.parquet"
    shutil.move(release / "data" / "sentences.parquet", target)
    (release / "data" / "sentences.parquet").symlink_to(target)
    result = etl("validate", release)
    refused(result, "error[path-refused]", "datapackage.json", "'data/sentences.parquet'")


def test_descriptor_that_is_not_json_is_one_line(tmp_path, etl, refused):
    release = release_copy(tmp_path)
    text = (release / "datapackage.json").read_text()
    (release / "datapackage.json").write_text(text.replace('"resources": [', '"resources": [,', 1))
    line = 1 + text[: text.index('"resources": [')].count("\n")
    for command in ("verify", "validate"):
        refused(etl(command, release), "[descriptor-invalid]", "datapackage.json", f"line {line}")


def test_descriptor_with_an_unknown_resource_name_is_one_line(tmp_path, etl, refused):
    release = release_copy(tmp_path)
    text = (release / "datapackage.json").read_text()
    (release / "datapackage.json").write_text(text.replace('"name": "persons"', '"name": "x"'))
    line = 1 + text[: text.index('"name": "persons"')].count("\n")
    refused(
        etl("validate", release), "[unknown-resource]", "datapackage.json", f"line {line}", "'x'"
    )


def test_published_source_path_leaving_seeds_is_a_verify_failure(tmp_path, etl, refused):
    """A release whose sources row points outside seeds/ (hashes resealed, so only the
    path is wrong) is refused at that row, and the file outside is never opened."""
    release = release_copy(tmp_path)
    sources = pd.read_parquet(release / "data" / "sources.parquet")
    sources.loc[1, "path"] = "../../etc/hostname"
    sources.to_parquet(release / "data" / "sources.parquet", index=False)
    descriptor = json.loads((release / "datapackage.json").read_text())
    for resource in descriptor["resources"]:
        if resource["name"] == "sources":
            resource["hash"] = f"sha256:{file_sha256(release / 'data' / 'sources.parquet')}"
            resource["bytes"] = (release / "data" / "sources.parquet").stat().st_size
    (release / "datapackage.json").write_text(json.dumps(descriptor, indent=2))
    result = etl("--project", REPO.root, "verify", release)
    refused(result, "[path-refused]", "sources.parquet, row 2", "'path'", "'../../etc/hostname'")


def test_the_committed_release_verifies_and_validates(tmp_path, etl):
    """The guard refuses nothing legitimate: the current release passes both commands."""
    release = release_copy(tmp_path)
    verified = etl("--project", REPO.root, "verify", release)
    assert verified.exit_code == 0 and verified.output.strip().endswith("; OK"), verified.output
    validated = etl("validate", release)
    assert validated.exit_code == 0 and validated.output.strip().endswith(": valid")


def test_guard_refuses_nul_and_empty_paths():
    from etl.errors import EtlError
    from etl.pathguard import inside

    for value in ("", "a\x00b.txt"):
        with pytest.raises(EtlError) as refusal:
            inside(value, Path(os.getcwd()), file="registry.csv", line=7)
        (problem,) = refusal.value.problems
        assert (problem.code, problem.file, problem.line, problem.value) == (
            "path-refused",
            "registry.csv",
            7,
            value,
        )
