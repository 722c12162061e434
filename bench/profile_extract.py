"""Profile extraction alone: every text of seeds/ (and with --eval, tests/eval/texts/; or
with --corpus, of a corpus made by bench/corpus.py) run through `extract_source`, under
cProfile; prints the top functions and writes the stats.

    python bench/profile_extract.py [--eval] [--corpus FOLDER] [--out FILE] [--top N]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dump_extraction import ROOT


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval", action="store_true", help="the evaluation texts too")
    parser.add_argument("--corpus", default="", help="the texts of FOLDER/seeds instead")
    parser.add_argument("--out", default="")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--sort", default="tottime")
    parser.add_argument("--no-profile", action="store_true", help="wall time only")
    args = parser.parse_args()

    from etl.extract import extract_source
    from etl.lang.corpus import Source
    from etl.lang.knowledge import load_knowledge

    paths = sorted(((Path(args.corpus) if args.corpus else ROOT) / "seeds").glob("*.txt"))
    if args.eval:
        paths += sorted((ROOT / "tests" / "eval" / "texts").glob("*.txt"))
    sources = [Source.from_text(p.stem, p.read_text(encoding="utf-8")) for p in paths]
    size = sum(len(s.text.encode()) for s in sources) / 1e6
    kb = load_knowledge()
    extract_source(Source.from_text("warm", "Warm up. Comrade I. Petrov was shot."), kb)

    profile = None if args.no_profile else cProfile.Profile()
    start, cpu = time.perf_counter(), time.process_time()
    if profile:
        profile.enable()
    for source in sources:
        extract_source(source, kb)
    if profile:
        profile.disable()
    took, cpu = time.perf_counter() - start, time.process_time() - cpu
    rate = size / took
    print(f"{len(sources)} texts, {size:.2f} MB: {took:.2f} s ({cpu:.2f} s CPU), {rate:.3f} MB/s")
    if profile:
        if args.out:
            profile.dump_stats(args.out)
        pstats.Stats(profile).sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
