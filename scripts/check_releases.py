"""`make check`'s last step: every release re-verified against the texts (`etl verify`)
and every package validated with Frictionless (`frictionless validate`), in one process
per core: the libraries are imported once, then forked workers share the packages.

Usage: python scripts/check_releases.py dist
Prints one line per release and package; exits 1 if any of them fails.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import sys
from pathlib import Path

import frictionless

from etl.contract.verify import verify_release
from etl.project import Project


def check(job: tuple[str, Path]) -> tuple[bool, str]:
    kind, path = job
    if kind == "verify":
        report = verify_release(path, Project.find())
        lines = [str(problem) for problem in report.problems]
        rows = sum(report.rows.values())
        verdict = "OK" if report.ok else f"{len(report.problems)} mismatch(es)"
        lines.append(f"{path}: {rows} rows in {len(report.rows)} resources; {verdict}")
        return report.ok, "\n".join(lines)
    report = frictionless.validate(path)
    if report.valid:
        return True, f"{path}: valid (frictionless)"
    errors = [f"  {e.type}: {e.message}" for task in report.tasks for e in task.errors][:20]
    return False, "\n".join([f"frictionless: {path} is not valid", *errors])


def main(dist: Path) -> int:
    jobs = [("verify", release) for release in sorted(p for p in dist.iterdir() if p.is_dir())]
    jobs += [("validate", package) for package in sorted(dist.glob("*/datapackage*.json"))]
    jobs.sort(key=lambda job: job[0] != "validate")  # the slow ones first
    workers = min(len(jobs), os.cpu_count() or 1)
    with mp.get_context("fork").Pool(workers) as pool:
        results = pool.map(check, jobs, chunksize=1)
    for ok, message in sorted(results, key=lambda r: r[1]):
        print(message, file=sys.stdout if ok else sys.stderr)
    return 0 if all(ok for ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "dist")))
