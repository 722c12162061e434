"""`etl build` end to end: a verifiable, immutable, reproducible release; bad input refused."""

import json
import pickle
import shutil
from pathlib import Path

import frictionless
import pandas as pd
import pytest

from etl import paths
from etl.build import build
from etl.contract.verify import verify_release
from etl.errors import SourceError, VersionConflict
from etl.project import Project
from etl.publish import package as publish
from etl.version import DATA_VERSION
from tests.conftest import REPO, seed_path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_the_seeds_reproduce_the_committed_release(seed_release: Path):
    """The release this session builds from a copy of the seeds (with an extraction cache
    that starts empty) is the committed one, by the rule a build applies to a version that
    exists: the same data files byte for byte, the same descriptor but for its package
    metadata. `make check` rebuilds it once more with --no-cache; `make test`, which has
    built it here already, relies on this test instead."""
    committed = REPO.dist / DATA_VERSION
    differ = [
        f.as_posix()
        for f in publish.package_files(committed)
        if f.name != "datapackage.json"
        and (seed_release / f).read_bytes() != (committed / f).read_bytes()
    ]
    assert differ == []
    assert publish.same_release(seed_release, committed)


def test_release_layout_and_descriptor(release: Path):
    descriptor = json.loads((release / "datapackage.json").read_text())
    assert descriptor["name"] == "soviet-purges"
    assert descriptor["version"] == release.name
    assert descriptor["created"].endswith("T00:00:00Z")
    assert len(descriptor["sources"]) == 5
    names = [r["name"] for r in descriptor["resources"]]
    assert names[:7] == [
        "sources",
        "persons",
        "mentions",
        "trials",
        "defendants",
        "sentences",
        "expulsion_stats",
    ]
    for resource in descriptor["resources"]:
        assert (release / resource["path"]).stat().st_size == resource["bytes"]
        assert resource["hash"].startswith("sha256:")
    sentences = next(r for r in descriptor["resources"] if r["name"] == "sentences")
    penalty = next(f for f in sentences["schema"]["fields"] if f["name"] == "penalty")
    assert penalty["constraints"]["enum"] == ["death", "imprisonment", "exile", "other"]
    assert {"fields": "person_id", "reference": {"resource": "persons", "fields": "person_id"}} in (
        sentences["schema"]["foreignKeys"]
    )


def test_sources_resource_counts_lines_and_chars(release: Path):
    sources = pd.read_parquet(release / "data" / "sources.parquet").set_index("source_id")
    # The Trotsky cable: `wc -l` counts 30 newlines and the last line, "Last updated on:
    # 20 March 2018", has none after it, so the text has 31 lines.
    cable = sources.loc["trotsky-cable-ap-1936"]
    assert cable["written"] == "1936-01-28"
    assert cable["author"] == "Leon Trotsky"
    assert cable["lines"] == 31


def frictionless_errors(release: Path) -> set[str]:
    report = frictionless.validate(release / "datapackage.json")
    return {e.type for task in report.tasks for e in task.errors}


def test_frictionless_validates_the_release(release: Path):
    assert frictionless.validate(release / "datapackage.json").valid


def test_frictionless_rejects_a_corrupted_file(release: Path):
    target = release / "data" / "sources.parquet"
    data = bytearray(target.read_bytes())
    data[100] ^= 0xFF
    target.write_bytes(bytes(data))
    assert frictionless_errors(release)


def test_frictionless_rejects_a_readable_file_with_an_altered_value(release: Path):
    target = release / "data" / "sources.parquet"
    frame = pd.read_parquet(target)
    frame.loc[0, "title"] = "Something else"
    frame.to_parquet(target, index=False)
    assert "hash-count" in frictionless_errors(release)


def test_verify_passes_then_names_a_tampered_file(release: Path, project: Path):
    assert verify_release(release, Project(project)).ok
    target = release / "data" / "sources.parquet"
    target.write_bytes(target.read_bytes() + b"x")
    problems = verify_release(release, Project(project)).problems
    assert [(p.code, p.file, p.value) for p in problems] == [
        ("hash-mismatch", str(target), "data/sources.parquet")
    ]


def test_rebuild_is_byte_identical_and_a_noop(small_project: Path):
    release = build(Project(small_project), dist=small_project / "dist").release
    before = snapshot(release)
    again = build(Project(small_project), dist=small_project / "dist")
    assert again.created is False
    assert snapshot(release) == before


def test_builds_with_a_cold_cache_a_warm_cache_and_none_give_the_same_bytes(
    small_project: Path, tmp_path: Path, monkeypatch
):
    """(`make check` also reproduces the committed seed release with --no-cache.)"""
    monkeypatch.setenv("ETL_CACHE", str(tmp_path / "cache"))
    cold = build(Project(small_project), dist=tmp_path / "cold").release
    assert len(list((tmp_path / "cache" / "extract").rglob("*.pickle"))) == 3  # one per text
    warm = build(Project(small_project), dist=tmp_path / "warm").release
    none = build(Project(small_project), dist=tmp_path / "none", cache=False).release
    assert snapshot(cold) == snapshot(warm) == snapshot(none)


def test_the_cache_is_read_under_its_key_and_no_cache_ignores_it(
    small_project: Path, tmp_path: Path, monkeypatch
):
    """An entry is trusted while its key matches: emptying one shows the build reads it,
    and --no-cache (through the CLI) reads the texts instead."""
    from click.testing import CliRunner

    from etl.cli import cli

    monkeypatch.setenv("ETL_CACHE", str(tmp_path / "cache"))
    full = build(Project(small_project), dist=tmp_path / "full").release
    stats = pd.read_parquet(full / "data" / "expulsion_stats.parquet")
    assert len(stats) > 0
    entries = sorted((tmp_path / "cache" / "extract").rglob("*.pickle"))
    assert len(entries) == 3
    for entry in entries:
        entry.write_bytes(pickle.dumps([]))  # as if no text had anything to extract
    emptied = build(Project(small_project), dist=tmp_path / "emptied").release
    assert len(pd.read_parquet(emptied / "data" / "expulsion_stats.parquet")) == 0
    again = tmp_path / "again"
    result = CliRunner().invoke(
        cli,
        ["--project", str(small_project), "build", "--quiet", "--no-cache", "--dist", str(again)],
    )
    assert result.exit_code == 0, result.output
    assert snapshot(again / full.name) == snapshot(full)


def test_an_unreadable_cache_entry_is_extracted_again(
    small_project: Path, tmp_path: Path, monkeypatch
):
    monkeypatch.setenv("ETL_CACHE", str(tmp_path / "cache"))
    first = build(Project(small_project), dist=tmp_path / "first").release
    for entry in (tmp_path / "cache" / "extract").rglob("*.pickle"):
        entry.write_bytes(entry.read_bytes()[:20])  # a write cut short
    second = build(Project(small_project), dist=tmp_path / "second").release
    assert snapshot(first) == snapshot(second)


def test_the_cache_key_follows_the_knowledge_files(tmp_path: Path):
    from etl.cache import code_hash

    knowledge = tmp_path / "knowledge"
    shutil.copytree(paths.KNOWLEDGE, knowledge)
    before = code_hash(knowledge)
    assert code_hash(paths.KNOWLEDGE) == before  # same files, same key
    penalties = knowledge / "penalties.csv"
    penalties.write_text(penalties.read_text(encoding="utf-8") + "# one more comment\n")
    assert code_hash(knowledge) != before


def test_the_cache_key_covers_every_module_extraction_runs():
    """An extractor that is a package (etl/extract/sentences/) is found by name, not
    imported by name: its files, and what they import, are part of the key all the same."""
    from etl.cache import _extraction_modules

    files, _ = _extraction_modules()
    package = Path(paths.KNOWLEDGE).parent
    expected = set((package / "extract").rglob("*.py")) | {
        package / "lang" / "paragraphs.py",
        package / "lang" / "tables.py",
    }
    assert expected <= set(files)


def test_rebuilding_a_version_into_other_bytes_is_refused(small_project: Path):
    release = build(Project(small_project), dist=small_project / "dist").release
    before = snapshot(release)
    registry = small_project / "seeds" / "registry.csv"
    registry.write_text(registry.read_text().replace("Leon Trotsky", "L. Trotsky"))
    with pytest.raises(VersionConflict) as conflict:
        build(Project(small_project), dist=small_project / "dist")
    (problem,) = conflict.value.problems
    assert (problem.code, problem.file) == ("version-conflict", str(release))
    assert snapshot(release) == before


def test_a_seed_edited_by_one_byte_is_refused_and_dist_untouched(project: Path, release: Path):
    before = snapshot(project / "dist")
    path = seed_path(project, "trotsky-cable-ap-1936")
    data = bytearray(path.read_bytes())
    data[0] = ord("l")
    path.write_bytes(bytes(data))
    with pytest.raises(SourceError) as refusal:
        build(Project(project), dist=project / "dist")
    (problem,) = refusal.value.problems
    assert (problem.code, problem.file) == ("hash-mismatch", "seeds/002_00f24f511f1c3f60.txt")
    assert snapshot(project / "dist") == before


def test_missing_seed_is_named(project: Path):
    seed_path(project, "sedov-red-book-part-2").unlink()
    with pytest.raises(SourceError) as refusal:
        build(Project(project), dist=project / "dist")
    (problem,) = refusal.value.problems
    assert (problem.code, problem.file) == ("source-unreadable", "seeds/003_01b4453dcb8ce3b0.txt")
    assert not (project / "dist").exists()


def test_failure_half_way_through_writing_leaves_dist_untouched(small_project: Path, monkeypatch):
    dist = small_project / "dist"
    dist.mkdir()
    (dist / "0.9.0").mkdir()
    (dist / "0.9.0" / "datapackage.json").write_text("{}")
    before = snapshot(dist)
    written = []
    real_write = publish.write_parquet

    def write_then_fail(resource, frame, path):
        if written:
            raise OSError("disk full")
        written.append(resource)
        real_write(resource, frame, path)

    monkeypatch.setattr(publish, "write_parquet", write_then_fail)
    with pytest.raises(OSError, match="disk full"):
        build(Project(small_project), dist=dist)
    assert written == ["sources"]
    assert snapshot(dist) == before
    assert sorted(p.name for p in dist.iterdir()) == ["0.9.0"]


def test_a_text_of_noise_builds_and_verifies(small_project: Path, tmp_path: Path):
    """Hostile input: shuffled fragments of verdicts, tables and dates must give only
    rows that pass the schemas (no percent over 100, no year outside the period)."""
    import random

    from tests.conftest import register

    pieces = [
        "the accused",
        "Orlov",
        "were sentenced to",
        "death",
        "1989",
        "140 per cent",
        "12,5",
        "expelled",
        "(A. Belov, Cd, Ef and Gh)",
        "—",
        "1.",
        "2)",
        "[3]",
        "Trial of the sixteen",
        "January",
        "between two and three",
        "<script>",
        "\u00a0\u00a0",
        "\n\n",
        "he was shot on June 11,",
        "1,935",
        "170.000",
        "--",
        "Total",
        "Ibid, p 5",
        "99 years imprisonment",
        "1999",
        "1960s",
    ]
    rng = random.Random(7)
    path = tmp_path / "noise.txt"
    path.write_text(" ".join(rng.choice(pieces) for _ in range(8000)), encoding="utf-8")
    register(small_project, path, "noise")
    release = build(Project(small_project), dist=small_project / "dist").release
    assert verify_release(release, Project(small_project)).ok
    assert frictionless.validate(release / "datapackage.json").valid


def test_a_dask_cluster_on_localhost_gives_the_same_bytes(small_project: Path, tmp_path: Path):
    from dask.distributed import LocalCluster

    local = build(Project(small_project), dist=tmp_path / "local", cache=False).release
    with LocalCluster(
        n_workers=1,
        threads_per_worker=1,
        processes=False,
        host="127.0.0.1",
        protocol="tcp://",
        dashboard_address=None,
    ) as cluster:
        address = cluster.scheduler_address
        assert address.startswith("tcp://127.0.0.1:")
        remote = build(
            Project(small_project), dist=tmp_path / "dask", cache=False, scheduler=address
        ).release
    assert snapshot(remote) == snapshot(local)


def test_a_build_without_scheduler_imports_no_dask(small_project: Path):
    """dask is installed for --scheduler only: a default build (and pandera, which looks
    for dask whenever it is installed) must not load it."""
    import subprocess
    import sys

    script = (
        "import sys; from pathlib import Path; from etl.build import build; "
        "from etl.project import Project; "
        f"build(Project(Path({str(small_project)!r})), dist=Path({str(small_project / 'dist')!r})); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_a_cache_that_cannot_be_written_does_not_fail_the_build(
    small_project: Path, tmp_path: Path, monkeypatch
):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be")
    monkeypatch.setenv("ETL_CACHE", str(blocked))
    release = build(Project(small_project), dist=tmp_path / "dist").release
    assert verify_release(release, Project(small_project)).ok
