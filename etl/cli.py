"""The `etl` command: a thin click layer over the library; each command calls one function.

Commands act on the project found by `Project.find` (`--project DIR`, $ETL_PROJECT, or
the current folder upward); those that need none (`etl validate FILE`, `etl fetch`) work
anywhere. Outside a project the others say so in one line and exit 2.
"""

from __future__ import annotations

import atexit
import functools
import gc
import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import click

from etl.errors import EtlError, NoProject, Problem, has_errors, report_json
from etl.project import ENV, Project
from etl.version import DATA_VERSION


def report_errors(command: Callable) -> Callable:
    """Report a refused operation as its problems, one line each (or, with --json, as the
    JSON report), and exit 1, or 2 outside a project; tracebacks only with --debug."""

    @functools.wraps(command)
    def wrapper(*args: object, **kwargs: object) -> object:
        ctx = click.get_current_context()
        try:
            return command(*args, **kwargs)
        except EtlError as exc:
            if ctx.find_root().params.get("debug"):
                raise
            if kwargs.get("as_json"):
                click.echo(report_json(exc.problems))
            else:
                for problem in exc.problems:
                    click.echo(str(problem), err=True)
                if exc.summary:
                    click.echo(exc.summary, err=True)
            ctx.exit(2 if isinstance(exc, NoProject) else 1)

    return wrapper


def print_report(problems: list[Problem], as_json: bool, summary: str) -> None:
    """One line per problem and a summary, or the JSON report; exit 1 on any error."""
    if as_json:
        click.echo(report_json(problems))
    else:
        for problem in problems:
            click.echo(str(problem))
        click.echo(summary)
    if has_errors(problems):
        sys.exit(1)


def _given_project() -> Path | None:
    return click.get_current_context().find_root().params.get("project")


def project() -> Project:
    """The project of this command line (--project, $ETL_PROJECT or the current folder
    upward). Found only when a command needs it, so that --help and the commands that
    need none work anywhere."""
    return Project.find(_given_project())


def optional_project() -> Project | None:
    """The project, or None outside any (a --project that is no folder is still refused)."""
    try:
        return project()
    except NoProject:
        if _given_project() is not None:
            raise
        return None


@click.group()
@click.option(
    "--project",
    type=click.Path(path_type=Path, file_okay=False),
    help=f"The project to act on (default: ${ENV}, else the first folder from here upward "
    "that holds seeds/registry.csv).",
)
@click.option("--debug", is_flag=True, help="Show Python tracebacks on errors.")
@click.version_option(DATA_VERSION, message="soviet-purges data version %(version)s")
def cli(project: Path | None, debug: bool) -> None:
    """Build, check and publish the soviet-purges dataset.

    Every published row is a claim of one source text with the exact span it
    was read from. Start with `etl build`, then `etl verify`. Each command acts
    on the project it is run in (see --project).
    """


@cli.command()
@click.option(
    "--dist",
    type=click.Path(path_type=Path),
    help="Folder that holds the releases (default: the project's dist/).",
)
@click.option(
    "--quiet",
    is_flag=True,
    help="No progress bar; the findings counted by rule, not listed one a line.",
)
@click.option("--no-cache", is_flag=True, help="Extract every text again (ignore .cache/extract/).")
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Extract the texts on the Dask cluster whose scheduler is at ADDRESS (tcp://host:port).",
)
@report_errors
def build(dist: Path | None, quiet: bool, no_cache: bool, scheduler: str | None) -> None:
    """Extract, resolve, validate, verify and publish dist/<version>/.

    A version already in DIST is never overwritten: the build confirms it is
    byte-identical, or fails and tells you to bump the version.

    Each text's records are cached in .cache/extract/ under a hash of the text, the
    extraction code and the knowledge files; a build extracts only texts whose hash
    changed. The published bytes are the same with or without the cache.

    Example: etl build --dist dist
    """
    from etl.build import build as run_build

    # The process ends after the build: the collector need not walk everything the build
    # left in memory once more on the way out (0.1 s of a 100x build); exit frees it all.
    atexit.register(gc.freeze)

    def progress(done: int, total: int, source_id: str) -> None:
        click.echo(f"extracting [{done}/{total}] {source_id}", err=True)

    result = run_build(
        project(),
        dist=dist,
        progress=None if quiet else progress,
        cache=not no_cache,
        scheduler=scheduler,
    )
    if quiet:
        for line in findings_summary(result.findings, result.release):
            click.echo(line, err=True)
    else:
        for finding in result.findings:
            click.echo(str(finding), err=True)
    state = "built" if result.created else "unchanged (identical bytes)"
    counts = ", ".join(f"{name} {n}" for name, n in result.rows.items())
    click.echo(f"{result.release}: {state}; rows: {counts}")


def findings_summary(findings: list[Problem], release: Path) -> list[str]:
    """The build's findings counted by severity and rule, for `etl build --quiet` (a 100x
    corpus has some 20,000): every one of them is a row of the release's `checks`
    resource, and `etl build` without --quiet lists them one a line."""
    if not findings:
        return []
    rules = Counter(f"{f.severity}[{f.code}]" for f in findings)
    severities = Counter(f.severity for f in findings)
    said = ", ".join(f"{n} {severity}" for severity, n in sorted(severities.items()))
    where = release / "data" / "checks.parquet"
    lines = [f"findings: {len(findings)} ({said}), each a row of {where}; by rule:"]
    lines += [f"  {n:6d} {rule}" for rule, n in sorted(rules.items(), key=lambda r: (-r[1], r[0]))]
    return lines


@cli.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--resource", help="Resource of a single CSV/Parquet file (default: the file name).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable report.")
@report_errors
def validate(path: Path, resource: str | None, as_json: bool) -> None:
    """Check a data package, or one CSV/Parquet file of a resource, against the schemas.

    Reports every failure with its row, column, value and broken check, and
    exits 1 if there is any.

    Example: etl validate corrections/sentences.csv --resource sentences
    """
    from etl.contract.validate import count, validate_path

    problems = validate_path(path, resource)
    summary = f"{path}: {'valid' if not problems else f'{count(problems)} failure(s)'}"
    print_report(problems, as_json, summary)


@cli.command()
@click.argument("release", type=click.Path(path_type=Path), required=False)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable report.")
@report_errors
def verify(release: Path | None, as_json: bool) -> None:
    """Re-open every source (in the project's seeds/) and check every row's quote,
    offsets and lines.

    RELEASE defaults to the current version in the project's dist/. Exits 1 on any
    mismatch.
    """
    from etl.contract.verify import verify_release

    found = project()
    report = verify_release(release or found.release(), found)
    rows = sum(report.rows.values())
    verdict = "OK" if report.ok else f"{len(report.problems)} mismatch(es)"
    summary = f"{report.release}: {rows} rows in {len(report.rows)} resources; {verdict}"
    print_report(report.problems, as_json, summary)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable report.")
@report_errors
def check(as_json: bool) -> None:
    """Check a contribution: registry, curation files, the build and the release.

    Prints each problem with its file, line, column, value, the rule it breaks and how
    to fix it. Exits 1 on errors; warnings alone do not fail.
    """
    from etl.contribute.check import run_check

    problems = run_check(project())
    errors = [p for p in problems if p.severity == "error"]
    summary = f"check: {len(errors)} error(s), {len(problems) - len(errors)} warning(s)"
    print_report(problems, as_json, summary)


@cli.command()
@click.argument("old")
@click.argument("new")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable report.")
@report_errors
def diff(old: str, new: str, as_json: bool) -> None:
    """Rows added, removed and changed between two releases (versions in the project's
    dist/, or release folders, which need no project).

    Example: etl diff 3.2.1 3.3.0
    """
    from etl.publish.diff import diff_json, diff_releases, diff_text, release_path

    found = optional_project()
    dist = found.dist if found else None
    diffs = diff_releases(release_path(old, dist), release_path(new, dist))
    click.echo(diff_json(diffs) if as_json else diff_text(old, new, diffs), nl=not as_json)


@cli.command("eval")
@click.option(
    "--devset",
    type=click.Path(path_type=Path),
    help="Folder of the real development texts, read, never copied "
    "(default: ../shared/devset beside the project).",
)
@click.option(
    "--eval-dir",
    type=click.Path(path_type=Path),
    help="Folder with corpus.csv, floors.csv, gold/ and texts/ (default: the project's "
    "tests/eval/).",
)
@click.option("--text", "only", multiple=True, help="Score only this text (repeatable).")
@click.option("--rows/--no-rows", default=True, help="List the missed and unexpected rows.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable report.")
@report_errors
def eval_(
    devset: Path | None, eval_dir: Path | None, only: tuple[str, ...], rows: bool, as_json: bool
) -> None:
    """Score extraction against the hand-annotated gold of tests/eval/.

    Builds the evaluation texts into a scratch project, prints precision and recall
    per text and resource with the rows missed and not expected, and exits 1 when a
    half of the corpus scores below its floor in tests/eval/floors.csv.
    """
    from etl.evaluate import evaluate, format_report, read_floors

    if devset is None or eval_dir is None:
        found = project()
        devset, eval_dir = devset or found.devset, eval_dir or found.eval_dir
    report = evaluate(eval_dir, devset, list(only) or None)
    if as_json:
        click.echo(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        click.echo(format_report(report, rows))
    if report.skipped:
        click.echo(f"skipped: {devset} not found for {len(report.skipped)} text(s)", err=True)
    below = [] if only else report.below_floors(read_floors(eval_dir / "floors.csv"))
    for problem in below:
        click.echo(str(problem), err=True)
    if below:
        sys.exit(1)


@cli.command()
@click.option(
    "--dist",
    type=click.Path(path_type=Path),
    help="Folder that holds the releases (default: the project's dist/).",
)
@report_errors
def release(dist: Path | None) -> None:
    """Write the artefacts of every release that lacks them (CSV copies, page, SHA256SUMS,
    zip) and dist/CHANGELOG.md. Existing artefacts are never rewritten."""
    from etl.publish.release import write_releases

    def progress(version: str, written: bool) -> None:
        click.echo(f"{version}: artefacts {'written' if written else 'already there'}", err=True)

    found = project()
    click.echo(str(write_releases(dist or found.dist, found, progress)))


@cli.command()
@click.argument("version", default=DATA_VERSION)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8001, show_default=True, help="Port (0: any free port).")
@click.option(
    "--dist",
    type=click.Path(path_type=Path),
    help="Folder that holds the releases (default: the project's dist/).",
)
@click.option(
    "--cache",
    type=click.Path(path_type=Path),
    help="Where to write the metadata (and a SQLite copy of a release that has none; "
    "default: serve/ in the project's cache folder).",
)
@report_errors
def serve(version: str, host: str, port: int, dist: Path | None, cache: Path | None) -> None:
    """Explore a release in Datasette: its SQLite copy, column descriptions and canned queries.

    Example: etl serve 3.4.0 --port 8001, then open http://127.0.0.1:8001/
    """
    from etl.publish.serve import serve as run_serve

    click.echo(f"serving release {version} on http://{host}:{port}/ (Ctrl-C stops)", err=True)
    run_serve(project(), version, host, port, dist, cache)


@cli.command()
@click.argument("version")
@click.option(
    "--from",
    "url",
    help="Base URL of the releases (default: the project's, or $SOVIET_PURGES_URL).",
)
@click.option(
    "--to",
    "folder",
    type=click.Path(path_type=Path),
    help="Where to put it (default: the user cache).",
)
@report_errors
def fetch(version: str, url: str | None, folder: Path | None) -> None:
    """Download a release, verify every file's sha256, and print where it is.

    Example: etl fetch 3.3.0 --to data/
    """
    from etl.publish.fetch import fetch as run_fetch

    click.echo(str(run_fetch(version, url, folder)))


@cli.group()
def sources() -> None:
    """List or register source texts (seeds/registry.csv)."""


@sources.command("list")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable list.")
@report_errors
def sources_list(as_json: bool) -> None:
    """List the registered texts with their ids and pinned hashes."""
    from dataclasses import asdict

    from etl.contribute.registry import read_registry

    entries = read_registry(project())
    if as_json:
        click.echo(json.dumps([asdict(e) for e in entries], indent=2, ensure_ascii=False))
        return
    for entry in entries:
        click.echo(f"{entry.source_id}\t{entry.written}\t{entry.sha256[:12]}\t{entry.path}")


@sources.command("add")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--id", "source_id", required=True, help="A stable slug, e.g. trotsky-cable-1936.")
@click.option("--title", required=True)
@click.option("--author", required=True)
@click.option("--written", required=True, help="ISO date, possibly partial: 1936, 1936-01.")
@click.option("--origin", required=True, help="Where the text comes from.")
@click.option("--license", "license_", required=True, help="The text's licence.")
@report_errors
def sources_add(
    path: Path,
    source_id: str,
    title: str,
    author: str,
    written: str,
    origin: str,
    license_: str,
) -> None:
    """Register a new text: copy it into the project's seeds/ and pin its sha256 (the
    first text of a new project, named by --project, creates its registry).

    Example: etl sources add ~/verdict.txt --id verdict-1936 --title "Verdict"
    --author "Military Collegium" --written 1936-08-24 --origin "..." --license "..."
    """
    from etl.contribute.registry import add_source

    entry = add_source(
        path,
        source_id=source_id,
        title=title,
        author=author,
        written=written,
        origin=origin,
        license=license_,
        project=project(),
    )
    click.echo(f"registered {entry.source_id}: {entry.path} sha256 {entry.sha256}")


@cli.command()
@click.option(
    "--to",
    "folder",
    type=click.Path(path_type=Path),
    help="Folder to write them in (default: the project's schemas/).",
)
@report_errors
def schemas(folder: Path | None) -> None:
    """Write the Frictionless Table Schemas generated from the Pandera models."""
    from etl.contract.tableschema import write_schemas

    for path in write_schemas(folder or project().schemas):
        click.echo(str(path))
