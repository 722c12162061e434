"""Knowledge files are checked when they are loaded: a bad entry names its file, line and
column at once instead of failing later inside an extractor."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from etl import paths
from etl.lang.knowledge import KnowledgeError, load_knowledge


def knowledge_with(tmp_path: Path, file: str, line: str) -> Path:
    folder = tmp_path / "knowledge"
    shutil.copytree(paths.KNOWLEDGE, folder)
    with (folder / file).open("a", encoding="utf-8") as f:
        f.write(line + "\n")
    return folder


@pytest.mark.parametrize(
    ("file", "line", "column", "code"),
    [
        (
            "penalties.csv",
            "hanged,hanging,a penalty outside the contract",
            "penalty",
            "constraint-error",
        ),
        (
            "stats_vocabulary.csv",
            "column,purged,ousted,a subject outside the contract",
            "value",
            "constraint-error",
        ),
        ("sentence_terms.csv", "verdict,(unclosed,a broken pattern", "pattern", "bad-pattern"),
        ("not_names.csv", "Kremlin,", "why", "missing-value"),
    ],
)
def test_a_bad_entry_is_refused_with_its_file_line_and_column(tmp_path, file, line, column, code):
    folder = knowledge_with(tmp_path, file, line)
    last = len((folder / file).read_text(encoding="utf-8").splitlines())
    with pytest.raises(KnowledgeError) as error:
        load_knowledge(folder)
    (problem,) = error.value.problems
    assert (problem.code, problem.file, problem.line, problem.column) == (
        code,
        str(folder / file),
        last,
        column,
    )
