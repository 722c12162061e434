"""Benchmark: prints the figures the performance targets are judged by, each as a ratio
to a reference measured in the same run, so that the noise of a shared machine cancels.

- seeds: a clean build (no extraction cache, and with a warm one) against the import
  floor (pandas, pandera, pyarrow, frictionless, click), bytecode compiled by make;
  a no-op `make`.
- generated corpora of 10x and 100x the seeds (bench/corpus.py: altered copies with
  other names and numbers): wall time, MB of text per second per core beyond the import
  floor, peak RSS of the largest process, and the 100x/10x time ratio (linear is 10).
- one text added to the 100x corpus: the rebuild (cache warm) against the full build.
- `etl verify` against `frictionless validate` of the seed release.

Nothing here asserts: it measures and prints. `--repeat N` (default 3) runs the seed
measurements N times and takes medians; `--corpus-repeat N` (default 1) the corpus
builds, which take minutes. `--factors 10,100` picks the corpora.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import corpus_bytes, make_corpus

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CORES = os.cpu_count() or 1
FLOOR = [sys.executable, "-c", "import pandas, pandera, pyarrow, frictionless, click"]
RSS = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
    "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def run(command: list[str], before=None) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB of the largest process) of one run of a command."""
    if before:
        before()
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", RSS, *command], check=True, capture_output=True, cwd=ROOT
    )
    return time.perf_counter() - start, int(out.stdout) / 1024


def median(command: list[str], repeat: int, before=None) -> tuple[float, float]:
    runs = [run(command, before) for _ in range(repeat)]
    return statistics.median(t for t, _ in runs), max(m for _, m in runs)


def build(root: Path, dist: Path, *options: str) -> list[str]:
    return [
        str(BIN / "etl"),
        "--project",
        str(root),
        "build",
        "--quiet",
        "--dist",
        str(dist),
        *options,
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--corpus-repeat", type=int, default=1)
    parser.add_argument("--factors", default="10,100")
    args = parser.parse_args()
    factors = [int(f) for f in args.factors.split(",") if f]

    from etl.version import DATA_VERSION

    release = ROOT / "dist" / DATA_VERSION
    scratch = Path(tempfile.mkdtemp(prefix="bench-"))
    os.environ["ETL_CACHE"] = str(scratch / "cache")  # never the repository's own cache
    lines: list[str] = []
    try:
        floor, _ = median(FLOOR, args.repeat)

        def clean() -> None:
            shutil.rmtree(scratch / "dist", ignore_errors=True)

        cold, cold_rss = median(build(ROOT, scratch / "dist", "--no-cache"), args.repeat, clean)
        run(build(ROOT, scratch / "dist"), clean)  # fills the cache
        warm, _ = median(build(ROOT, scratch / "dist"), args.repeat, clean)
        # A tree whose code no longer reproduces the committed release makes `make` fail:
        # the no-op is then not measured, and the rest of the figures still are.
        made = subprocess.run(["make", "--quiet"], capture_output=True, cwd=ROOT)
        noop = median(["make", "--quiet"], args.repeat)[0] if made.returncode == 0 else None
        verify, _ = median([str(BIN / "etl"), "verify", str(release)], args.repeat)
        fvalidate, _ = median(
            [str(BIN / "frictionless"), "validate", str(release / "datapackage.json")],
            args.repeat,
        )
        lines += [
            f"seeds (median of {args.repeat}; cores {CORES})",
            f"  import floor                           {floor:8.2f} s",
            f"  clean build, --no-cache                {cold:8.2f} s  {cold / floor:6.2f} x floor"
            f"   (target <= 1.5); peak RSS {cold_rss:.0f} MB",
            f"  clean build, extraction cached         {warm:8.2f} s  {warm / floor:6.2f} x floor",
            f"  no-op make                             {noop:8.3f} s            (target < 0.2 s)"
            if noop is not None
            else "  no-op make                             not measured: `make` fails here",
            f"  etl verify / frictionless validate     {verify:8.2f} / {fvalidate:.2f} s"
            f"  {verify / fvalidate:6.2f} x   (target < 1)",
        ]
        print("\n".join(lines), flush=True)
        times: dict[int, float] = {}
        for factor in factors:
            root = scratch / f"corpus-{factor}"
            make_corpus(factor, root)
            megabytes = corpus_bytes(root) / 1e6
            shutil.rmtree(scratch / "cache", ignore_errors=True)

            def fresh(root: Path = root) -> None:
                shutil.rmtree(root / "dist", ignore_errors=True)
                shutil.rmtree(scratch / "cache", ignore_errors=True)

            full, rss = median(build(root, root / "dist"), args.corpus_repeat, fresh)
            times[factor] = full
            rate = megabytes / max(full - floor, 1e-9) / CORES
            print(
                f"{factor}x corpus ({megabytes:.1f} MB, median of {args.corpus_repeat}): "
                f"{full:.1f} s; {rate:.2f} MB/s per core beyond the floor (target >= 1); "
                f"peak RSS {rss:.0f} MB (target < 1024)",
                flush=True,
            )
            if factor == max(factors):
                # The cache now holds every text of this corpus: add one text and rebuild.
                make_corpus(factor, root, extra=1)
                shutil.rmtree(root / "dist", ignore_errors=True)
                one, _ = run(build(root, root / "dist"))
                print(
                    f"  one text added: {one:.1f} s = {one / full:.3f} x the full build "
                    "(target <= 0.10)",
                    flush=True,
                )
        if len(times) >= 2:
            small, large = min(times), max(times)
            print(
                f"time {large}x / {small}x: {times[large] / times[small]:.2f} "
                f"(linear is {large / small:g}; target <= {1.1 * large / small:g})"
            )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
