"""Extraction time of one text that is a single long sentence of names, as registers and
verdict lists flattened into prose give: the rules must cost time in proportion to its
length (a pattern that backtracks over the names grew exponentially with their count).
Prints timings; asserts nothing.

    .venv/bin/python bench/long_sentences.py [--names 20,40,200,1000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from etl.extract import extract_source
from etl.lang.corpus import Source
from etl.lang.knowledge import load_knowledge

SHAPES = {
    "a colon list of names with initials": "Sentenced to 10 years: {names} and Lastname S. S.",
    "names before a verb": "{names} were sentenced to death.",
    "names, then no verdict": "{names} were arrested and released.",
}


def surname(i: int) -> str:
    return "Kal" + chr(97 + i % 26) + chr(97 + (i // 26) % 26) + "ov"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--names", default="20,40,200,1000")
    args = parser.parse_args()
    kb = load_knowledge()
    for shape, template in SHAPES.items():
        for count in (int(n) for n in args.names.split(",")):
            names = ", ".join(f"{surname(i)} A. B." for i in range(count))
            text = template.format(names=names) + "\n"
            started = time.perf_counter()
            records = extract_source(Source.from_text("bench", text), kb)
            took = time.perf_counter() - started
            print(
                f"{shape:38} {count:5} names {len(text):7} chars {len(records):5} rows "
                f"{took:6.2f} s"
            )


if __name__ == "__main__":
    main()
