"""The source registry and `etl sources`."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from etl.cli import cli
from etl.contribute.registry import add_source, read_registry
from etl.errors import RegistryError
from etl.lang.corpus import sha256_file


def rewrite(registry: Path, old: str, new: str) -> None:
    registry.write_text(registry.read_text().replace(old, new, 1))


def test_seed_registry_pins_every_text(project: Path):
    entries = read_registry(project / "seeds" / "registry.csv")
    assert len(entries) == 5
    for entry in entries:
        assert sha256_file(entry.file(project)) == entry.sha256


def test_malformed_slug_names_line_and_column(project: Path):
    registry = project / "seeds" / "registry.csv"
    rewrite(registry, "trotsky-cable-ap-1936", "Trotsky_Cable")
    with pytest.raises(
        RegistryError, match=r"registry.csv, line 4, column 'source_id': 'Trotsky_Cable'"
    ):
        read_registry(registry)


def test_duplicate_id_is_refused(project: Path):
    registry = project / "seeds" / "registry.csv"
    rewrite(registry, "trotsky-cable-ap-1936", "sedov-red-book-part-2")
    with pytest.raises(RegistryError, match="duplicates line 4; source ids must be unique"):
        read_registry(registry)


def test_bad_written_date_is_refused(project: Path):
    registry = project / "seeds" / "registry.csv"
    rewrite(registry, ",1936-01-28,", ",1936-13-28,")
    with pytest.raises(RegistryError, match="column 'written': '1936-13-28' is not an ISO date"):
        read_registry(registry)


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
        root=project,
    )
    assert entry.path == "seeds/new_text.txt"
    assert entry.sha256 == sha256_file(new)
    assert [e.source_id for e in read_registry(project / "seeds" / "registry.csv")][
        -1
    ] == "new-text"


def test_add_source_refuses_a_taken_id_and_copies_nothing(project: Path, tmp_path: Path):
    new = tmp_path / "again.txt"
    new.write_text("text\n")
    with pytest.raises(RegistryError, match="'trotsky-cable-ap-1936' is already registered"):
        add_source(
            new,
            source_id="trotsky-cable-ap-1936",
            title="T",
            author="A",
            written="1937",
            origin="o",
            license="l",
            root=project,
        )
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
    assert result.output == f"Error: [registry-error] {missing}: no such file\n"
