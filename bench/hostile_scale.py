"""Scale of curation and validation on hostile input (issue 15, item 6); prints timings.

    .venv/bin/python bench/hostile_scale.py [--rows 10000] [--invalid 1000000]

1. `etl check` of a scratch repository whose seeds/curation/sentences.csv holds
   ROWS valid additions (distinct quotes of the Sedov text), then the same
   file with every row invalid;
2. `etl validate` of an expulsion_stats CSV of INVALID rows, every row invalid.
Each runs the real command line in a subprocess and prints its wall time and
the last line of its report.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from etl.contract import schemas  # noqa: E402
from etl.contribute.curation import curation_columns  # noqa: E402
from etl.project import Project  # noqa: E402

SEDOV = "sousa-class-struggle-thirties"
SEDOV_FILE = "001_79c8a30b1e1272db.txt"


def curation_rows(text: str, n: int, invalid: bool) -> list[dict]:
    """n additions, each quoting a distinct passage of the text that occurs once."""
    rows, seen, at = [], set(), 0
    while len(rows) < n and at < len(text):
        quote = text[at : at + 40]
        at += 11
        if "\n" in quote or quote in seen or text.count(quote) != 1 or quote != quote.strip():
            continue
        seen.add(quote)
        row = dict.fromkeys(curation_columns("sentences"), "")
        row.update(
            action="add",
            reason="scale benchmark",
            source_id=SEDOV,
            quote=quote,
            person_id="smirnov",
            penalty="flogging" if invalid else "imprisonment",
            term_years="-3" if invalid else "10",
        )
        rows.append(row)
    return rows


def run(*args: str) -> tuple[float, str, int]:
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    lines = (done.stdout + done.stderr).strip().splitlines()
    return time.perf_counter() - start, lines[-1] if lines else "", len(lines)


def bench_check(rows: int) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        repo = Path(scratch)
        shutil.copytree(Project(ROOT).seeds, repo / "seeds")
        text = (repo / "seeds" / SEDOV_FILE).read_text(encoding="utf-8")
        for invalid in (False, True):
            table = curation_rows(text, rows, invalid)
            with (repo / "seeds" / "curation" / "sentences.csv").open("w", newline="") as out:
                writer = csv.DictWriter(
                    out, fieldnames=curation_columns("sentences"), lineterminator="\n"
                )
                writer.writeheader()
                writer.writerows(table)
            took, last, _ = run(str(ROOT / ".venv/bin/etl"), "--project", str(repo), "check")
            kind = "invalid" if invalid else "valid"
            print(f"etl check, {len(table)} {kind} curation rows: {took:.1f} s; {last}")


def bench_validate(n: int) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "expulsion_stats.csv"
        bad = {c: "" for c in schemas.columns("expulsion_stats")}
        bad.update(
            subject="nonsense",
            measure="percent",
            value="250",
            value_max="19",
            qualifier="exact",
            year_start="1999",
            geography="USSR",
            source_id="Not_A_Slug",
            line_start="0",
            line_end="1",
            char_start="0",
            char_end="4",
            quote="9.1%",
            extractor="bench",
        )
        header = ",".join(bad)
        with path.open("w") as out:
            out.write(header + "\n")
            for i in range(n):
                out.write(",".join(f"s{i}" if c == "stat_id" else v for c, v in bad.items()))
                out.write("\n")
        took, last, lines = run(str(ROOT / ".venv/bin/etl"), "validate", str(path))
        print(f"etl validate, {n} invalid rows: {took:.1f} s; {lines} report lines; {last}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--invalid", type=int, default=1_000_000)
    options = parser.parse_args()
    bench_check(options.rows)
    bench_validate(options.invalid)
