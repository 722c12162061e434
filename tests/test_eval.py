"""The evaluation scores what it should: one-to-one matches, optional rows that count
neither way, a wrong term that is a miss, and floors that fail the command."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from etl.cli import cli

TEXT = (
    "# Invented for a test of the evaluation.\n"
    "Gromov was sentenced to ten years of deprivation of liberty.\n"
    "Lapin was sentenced to death.\n"
    "Sorokin was shot.\n"
    "In 1933 the commission checked 2,400 members; 312 were expelled.\n"
)
SENTENCES = (
    "line,person,penalty,term_years,date,body,required,note\n"
    "2,Gromov,imprisonment,8,,,yes,a wrong term on purpose: the row found says ten\n"
    "3,Lapin,death,,,,yes,\n"
    "4,Sorokin,death,,,,no,shot without a stated sentence\n"
    "9,Petrov,exile,5,,,yes,a row nobody can find\n"
)
STATS = (
    "line,value,value_max,measure,subject,year,geography,qualifier,required,note\n"
    "5,2400,,count,investigated,1933,,exact,yes,\n"
    "5,312,,count,expelled,1933,,exact,yes,\n"
)


def eval_dir(tmp_path: Path, floor: float) -> Path:
    folder = tmp_path / "eval"
    (folder / "texts").mkdir(parents=True)
    (folder / "gold").mkdir()
    (folder / "texts" / "mini.txt").write_text(TEXT, encoding="utf-8")
    (folder / "gold" / "mini.sentences.csv").write_text(SENTENCES, encoding="utf-8")
    (folder / "gold" / "mini.expulsion_stats.csv").write_text(STATS, encoding="utf-8")
    (folder / "corpus.csv").write_text(
        "text,path,half,written\nmini,texts/mini.txt,dev,2026\n"
        "absent,devset:no_such_text.txt,report,2019\n",
        encoding="utf-8",
    )
    (folder / "floors.csv").write_text(
        f"half,resource,metric,floor\ndev,sentences,recall,{floor}\n", encoding="utf-8"
    )
    return folder


def run(folder: Path, *extra: str):
    args = ["eval", "--eval-dir", str(folder), "--devset", str(folder / "nowhere"), *extra]
    return CliRunner().invoke(cli, args)


def test_scores_count_each_row_once_and_leave_optional_rows_out(tmp_path: Path):
    result = run(eval_dir(tmp_path, 0.0), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    text = report["texts"][0]
    # Found: Gromov 10 years (gold says 8: no match), Lapin death, Sorokin death (optional).
    assert (text["sentences"]["matched"], text["sentences"]["found"]) == (1, 2)
    assert (text["sentences"]["recalled"], text["sentences"]["required"]) == (1, 3)
    assert (text["expulsion_stats"]["recalled"], text["expulsion_stats"]["required"]) == (2, 2)
    assert report["skipped"] == ["absent"]


def test_a_score_below_its_floor_fails_the_command(tmp_path: Path):
    result = run(eval_dir(tmp_path, 0.5))
    assert result.exit_code == 1
    (below,) = [line for line in result.output.splitlines() if "[below-floor]" in line]
    assert below.startswith("error[below-floor]: dev sentences recall") and "'0.333'" in below
    assert "missed      line 9: person=Petrov" in result.output


def test_the_attributes_of_matched_rows_are_compared_where_the_gold_states_them(
    tmp_path: Path,
):
    folder = eval_dir(tmp_path, 0.0)
    # On purpose: a subject the text does not give (it says "checked") and a date it
    # does not state; the year and the other subject agree.
    (folder / "gold" / "mini.expulsion_stats.csv").write_text(
        STATS.replace("count,investigated,1933", "count,members,1933"), encoding="utf-8"
    )
    (folder / "gold" / "mini.sentences.csv").write_text(
        SENTENCES.replace("3,Lapin,death,,,", "3,Lapin,death,,1937,"), encoding="utf-8"
    )
    report = json.loads(run(folder, "--json").stdout)
    stats, sentences = report["texts"][0]["expulsion_stats"], report["texts"][0]["sentences"]
    assert stats["agreed"] == {"subject": [1, 2], "year": [2, 2], "qualifier": [2, 2]}
    assert [d.rsplit(": ", 1)[1] for d in stats["differs"]] == [
        "subject investigated, gold members"
    ]
    assert sentences["agreed"] == {"date": [0, 1]}
    assert report["halves"]["dev"]["sentences"]["agreed"] == {"date": [0, 1]}
