"""Benchmark: prints the figures the foundation's performance targets are judged by.

Targets on the 2-core reference machine: a full clean build at most 1.5x the
import floor, a no-op `make` under 0.2 s, `etl verify` faster than
`frictionless validate`. Nothing here asserts: it measures and prints.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
REPEAT = 3


def timed(command: list[str], **kwargs: object) -> float:
    """Median wall time of a command over REPEAT runs, in seconds."""
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT, **kwargs)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    from etl.version import DATA_VERSION

    release = ROOT / "dist" / DATA_VERSION
    floor = timed([sys.executable, "-c", "import pandas, pandera, pyarrow, frictionless"])
    scratch = Path(tempfile.mkdtemp(prefix="bench-"))
    try:

        def clean_build() -> list[str]:
            shutil.rmtree(scratch / DATA_VERSION, ignore_errors=True)
            return [str(BIN / "etl"), "build", "--quiet", "--dist", str(scratch)]

        builds = []
        for _ in range(REPEAT):
            command = clean_build()
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
            builds.append(time.perf_counter() - start)
        build = statistics.median(builds)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    subprocess.run(["make", "--quiet"], check=True, capture_output=True, cwd=ROOT)
    noop = timed(["make", "--quiet"])
    verify = timed([str(BIN / "etl"), "verify", str(release)])
    fvalidate = timed([str(BIN / "frictionless"), "validate", str(release / "datapackage.json")])

    print(f"median of {REPEAT} runs, seconds")
    print(f"  import floor (pandas, pandera, pyarrow, frictionless)  {floor:8.3f}")
    print(f"  full clean build (etl build)                          {build:8.3f}")
    print(f"  no-op make                                            {noop:8.3f}")
    print(f"  etl verify                                            {verify:8.3f}")
    print(f"  frictionless validate                                 {fvalidate:8.3f}")
    print("ratios (target)")
    print(f"  build / import floor       {build / floor:6.2f}   (<= 1.5)")
    print(f"  no-op make                 {noop:6.3f} s (< 0.2 s)")
    print(f"  verify / frictionless      {verify / fvalidate:6.2f}   (< 1)")


if __name__ == "__main__":
    main()
