"""Hostile texts, registries and curation files already refused before issue 15, restated
here so the catalogue holds every case in one place, each a one-line refusal."""

from __future__ import annotations

import json

import pytest

from etl.contribute.curation import curation_columns
from etl.errors import ValidationFailed

pytestmark = pytest.mark.usefixtures("dist_unchanged")

ADD = ["--title", "T", "--author", "A", "--written", "1937", "--origin", "O", "--license", "L"]
HEADER = ",".join(curation_columns("sentences"))
SEDOV_FILE = "003_01b4453dcb8ce3b0.txt"


def curation(repo, content: str | bytes) -> None:
    path = repo / "seeds" / "curation" / "sentences.csv"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")


def test_text_that_is_not_utf8_is_refused_with_its_line(repo, tmp_path, etl, refused):
    text = tmp_path / "latin1.txt"
    text.write_bytes("First line\nSecond line with \xe9\n".encode("latin-1"))
    result = etl("--project", repo, "sources", "add", text, "--id", "latin", *ADD)
    refused(result, "error[source-unreadable]", "latin1.txt", "line 2")


def test_empty_text_is_refused(repo, tmp_path, etl, refused):
    text = tmp_path / "empty.txt"
    text.write_text(" \n\n")
    result = etl("--project", repo, "sources", "add", text, "--id", "empty", *ADD)
    refused(result, "error[source-unreadable]", "empty.txt")


def test_text_changed_after_it_was_pinned_is_refused(repo, etl, refused):
    path = repo / "seeds" / SEDOV_FILE
    path.write_bytes(path.read_bytes() + b"One more line.\n")
    result = etl("--project", repo, "check")
    refused(result, "error[hash-mismatch]", f"seeds/{SEDOV_FILE}")


def test_registry_with_a_wrong_header_is_refused(repo, etl, refused):
    registry = repo / "seeds" / "registry.csv"
    registry.write_text(registry.read_text().replace("source_id,", "id,", 1))
    refused(etl("--project", repo, "check"), "error[header-mismatch]", "registry.csv, line 1")


def test_curation_header_with_semicolons_is_refused(repo, etl, refused):
    curation(repo, HEADER.replace(",", ";") + "\n")
    refused(etl("--project", repo, "check"), "[not-comma-separated]", "sentences.csv, line 1")


def test_curation_row_with_too_many_cells_is_refused(repo, etl, refused):
    cells = ["add", "", "why", "sedov-red-book-part-2", "x", "", "smirnov"]
    cells += [""] * (HEADER.count(",") + 1 - len(cells)) + ["extra"]
    curation(repo, f"{HEADER}\n{','.join(cells)}\n")
    refused(etl("--project", repo, "check"), "[wrong-cell-count]", "sentences.csv, line 2")


def test_curation_file_over_the_limit_is_refused_unread(repo, etl, refused):
    curation(repo, HEADER + "\n" + "x" * 5_000_001 + "\n")
    refused(etl("--project", repo, "check"), "[file-too-large]", "sentences.csv")


def test_curation_file_named_after_no_resource_is_refused(repo, etl, refused):
    (repo / "seeds" / "curation" / "sentence.csv").write_text(HEADER + "\n")
    refused(etl("--project", repo, "check"), "[unknown-resource]", "seeds/curation/sentence.csv")


def test_curation_with_bom_and_crlf_is_read_with_warnings(repo, etl):
    """A byte-order mark and Windows line endings are accepted, each with a warning."""
    path = repo / "seeds" / "curation" / "sentences.csv"
    content = path.read_bytes()
    path.write_bytes(b"\xef\xbb\xbf" + content.replace(b"\n", b"\r\n"))
    result = etl("--project", repo, "check", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["valid"] is True
    found = {(p["severity"], p["code"], p["file"], p["line"]) for p in report["problems"]}
    assert found == {
        ("warning", "byte-order-mark", "seeds/curation/sentences.csv", 1),
        ("warning", "windows-line-endings", "seeds/curation/sentences.csv", None),
    }


def test_failed_build_prints_each_curation_error_once(etl, monkeypatch):
    """`make` runs `etl build`; each problem is one line, once, then the summary."""
    from etl import build as build_module
    from etl.errors import Problem

    problem = Problem(
        code="constraint-error",
        file="seeds/curation/sentences.csv",
        line=2,
        column="penalty",
        value="flogging",
        message="must be one of death, imprisonment, exile, other",
    )
    summary = "1 problem(s) in seeds/curation/; nothing was published"

    def failing_build(*_: object, **__: object) -> None:
        raise ValidationFailed(problem, summary=summary)

    monkeypatch.setattr(build_module, "build", failing_build)
    result = etl("build", "--quiet")
    assert result.exit_code == 1
    assert result.output.splitlines() == [str(problem), summary]
