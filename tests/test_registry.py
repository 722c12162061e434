"""The source registry and `etl sources`."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from etl.cli import cli
from etl.contribute.registry import add_source, read_registry
from etl.errors import RegistryError
from etl.lang.corpus import sha256_file
from etl.project import Project


def rewrite(registry: Path, old: str, new: str) -> None:
    registry.write_text(registry.read_text().replace(old, new, 1))


def test_seed_registry_pins_every_text(project: Path):
    entries = read_registry(Project(project))
    assert len(entries) == 5
    for entry in entries:
        assert sha256_file(entry.file(Project(project))) == entry.sha256


def refusal(project: Path) -> list[tuple]:
    """(code, file, line, column, value) of every problem of a registry that is refused."""
    with pytest.raises(RegistryError) as error:
        read_registry(Project(project))
    return [(p.code, p.file, p.line, p.column, p.value) for p in error.value.problems]


def test_malformed_slug_names_line_and_column(project: Path):
    registry = project / "seeds" / "registry.csv"
    rewrite(registry, "trotsky-cable-ap-1936", "Trotsky_Cable")
    assert refusal(project) == [
        ("constraint-error", "seeds/registry.csv", 4, "source_id", "Trotsky_Cable")
    ]


def test_duplicate_id_is_refused(project: Path):
    registry = project / "seeds" / "registry.csv"
    rewrite(registry, "trotsky-cable-ap-1936", "sedov-red-book-part-2")
    assert refusal(project) == [
        ("unique-error", "seeds/registry.csv", 5, "source_id", "sedov-red-book-part-2")
    ]


def test_bad_written_date_is_refused(project: Path):
    registry = project / "seeds" / "registry.csv"
    rewrite(registry, ",1936-01-28,", ",1936-13-28,")
    assert refusal(project) == [
        ("constraint-error", "seeds/registry.csv", 4, "written", "1936-13-28")
    ]


def test_every_bad_line_is_its_own_problem(project: Path):
    """Three bad lines, three problems, each with its line and code (`etl check --json`)."""
    registry = project / "seeds" / "registry.csv"
    header, *rows = registry.read_text(encoding="utf-8").splitlines(keepends=True)
    rows[0] = rows[0].replace(",", ",,", 1)  # line 2: one cell too many
    rows[1] = rows[1].replace(rows[1].split(",")[0], "Bad_Slug", 1)  # line 3
    rows[3] = rows[3].replace(rows[3].split(",")[1], "/etc/hostname", 1)  # line 5
    registry.write_text(header + "".join(rows), encoding="utf-8")
    result = CliRunner().invoke(cli, ["--project", str(project), "check", "--json"])
    assert result.exit_code == 1
    problems = json.loads(result.output)["problems"]
    assert [(p["code"], p["file"], p["line"]) for p in problems] == [
        ("wrong-cell-count", "seeds/registry.csv", 2),
        ("constraint-error", "seeds/registry.csv", 3),
        ("path-refused", "seeds/registry.csv", 5),
    ]


def test_add_source_copies_and_pins(project: Path, tmp_path: Path):
    new = tmp_path / "new_text.txt"
    new.write_text("The court sentenced Ivanov to ten years.\n")
    entry = add_source(
        new,
        source_id="new-text",
        title="T",
        author="A",
        written="1937",
        origin="written for this test",
        license="CC0",
        project=Project(project),
    )
    assert entry.path == "seeds/new_text.txt"
    assert entry.sha256 == sha256_file(new)
    assert [e.source_id for e in read_registry(Project(project))][-1] == "new-text"


def test_add_source_refuses_a_taken_id_and_copies_nothing(project: Path, tmp_path: Path):
    new = tmp_path / "again.txt"
    new.write_text("text\n")
    with pytest.raises(RegistryError) as error:
        add_source(
            new,
            source_id="trotsky-cable-ap-1936",
            title="T",
            author="A",
            written="1937",
            origin="o",
            license="l",
            project=Project(project),
        )
    assert [(p.code, p.column) for p in error.value.problems] == [("unique-error", "source_id")]
    assert not (project / "seeds" / "again.txt").exists()


def test_cli_sources_add_reports_errors_in_one_line(tmp_path: Path):
    missing = tmp_path / "nope.txt"
    result = CliRunner().invoke(
        cli,
        [
            "sources",
            "add",
            str(missing),
            "--id",
            "x",
            "--title",
            "t",
            "--author",
            "a",
            "--written",
            "1936",
            "--origin",
            "o",
            "--license",
            "l",
        ],
    )
    assert result.exit_code == 1
    assert result.output == f"error[file-missing]: {missing}: no such file\n"
