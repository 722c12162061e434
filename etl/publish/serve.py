"""`etl serve` / `make serve`: Datasette on the SQLite copy of a release, bound to 127.0.0.1.

The Datasette metadata is generated from the release's descriptor (title,
licence, the source of every text) and the data contract (every column's
description), with canned queries for the questions the views answer. A
release published before the SQLite copy existed (before 3.4.0) is served
from a copy written into a cache folder, never into dist/.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import sys
from pathlib import Path

from etl.contract.docs import column_descriptions
from etl.errors import EtlError, Problem
from etl.project import Project
from etl.publish.sqlite import FILENAME, FULL_TEXT, VIEW_TITLES, write_sqlite

DATABASE = Path(FILENAME).stem
CANNED = {
    "claims_about_person": {
        "title": "Every claim about a person, from every source",
        "description": "Give a person_id (e.g. zinoviev, bukharin): one row per claim of each "
        "source, with all the passages that state it.",
        "sql": "select * from person_claims where person_id = :person_id "
        "order by kind, trial_id, source_id",
    },
    "sentences_of_trial": {
        "title": "Sentences per trial, as each source gives them",
        "description": "Give a trial_id (e.g. trotskyite-zinovievite-centre-1936), or leave it "
        "empty for every trial.",
        "sql": "select * from trial_sentences where :trial_id = '' or trial_id = :trial_id",
    },
    "expulsions_by_year_and_source": {
        "title": "Expulsion figures by year and source",
        "description": "Counts of people expelled from the party, for the whole USSR, by year "
        "and source; the other figures are in the view expulsions_by_year.",
        "sql": "select year, source_id, source_author, value, value_max, qualifier, population, "
        "quote from expulsions_by_year where measure = 'count' and geography = 'USSR' "
        "and category is null order by year, source_id",
    },
    "search_quotes": {
        "title": "Search the quotes of every sentence claim",
        "description": "Full-text search (SQLite FTS5), e.g. shot, or 'ten years'.",
        "sql": "select s.* from sentences s join sentences_fts f on f.rowid = s.rowid "
        "where sentences_fts match :words order by s.source_id, s.char_start",
    },
}


class ServeError(EtlError):
    code = "serve-error"


def database_for(release: Path, cache: Path, contract: Path) -> Path:
    """The release's SQLite copy, or one written into `cache` for an older release (its
    columns described by `contract`)."""
    if (release / FILENAME).is_file():
        return release / FILENAME
    if not (release / "datapackage.json").is_file():
        missing = Problem(
            code="release-missing", file=str(release), message="no release here", fix="make"
        )
        raise ServeError(missing)
    copy = cache / release.name
    if not (copy / FILENAME).is_file():
        shutil.rmtree(copy, ignore_errors=True)
        copy.mkdir(parents=True)
        shutil.copy2(release / "datapackage.json", copy / "datapackage.json")
        shutil.copytree(release / "data", copy / "data")
        write_sqlite(copy, contract)
    return copy / FILENAME


def metadata(release: Path, contract: Path) -> dict:
    """Datasette metadata: title, licence, sources, column descriptions (from `contract`),
    canned queries."""
    descriptor = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    licence = descriptor["licenses"][0]
    described = column_descriptions(contract)
    sources = "".join(
        f"<li>{html.escape(s['title'])}"
        + (f" — {html.escape(s['description'])}" if s.get("description") else "")
        + "</li>"
        for s in descriptor.get("sources", [])
    )
    tables = {
        r["name"]: {
            "title": r.get("title", r["name"]),
            "description": r.get("description", ""),
            "columns": described.get(r["name"], {}),
        }
        for r in descriptor["resources"]
    }
    for name in FULL_TEXT:
        tables[name]["fts_table"] = f"{name}_fts"
    for view, title in VIEW_TITLES.items():
        tables[view] = {"title": title}
    return {
        "title": f"{descriptor['title']} — release {descriptor['version']}",
        "description_html": (
            f"<p>{html.escape(descriptor['description'])}</p>"
            f"<p>Source texts:</p><ul>{sources}</ul>"
            "<p>Every column is described in the data contract (docs/data-contract.md).</p>"
        ),
        "license": licence["name"],
        "license_url": licence["path"],
        "source": "The texts listed on the front page",
        "databases": {DATABASE: {"tables": tables, "queries": CANNED}},
    }


def serve_command(
    project: Project,
    version: str,
    host: str,
    port: int,
    dist: Path | None = None,
    cache: Path | None = None,
) -> list[str]:
    """The Datasette command line for a release of the project's dist/ (or of `dist`), its
    metadata file written in `cache` (the project's cache/serve/ unless given)."""
    release = (dist or project.dist) / version
    cache = cache or project.cache / "serve"
    database = database_for(release, cache, project.contract)
    meta_path = cache / f"{version}-metadata.json"
    meta_path.parent.mkdir(parents=True, exist_ok=True)
    meta = metadata(release, project.contract)
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False), "utf-8")
    return [
        sys.executable,
        "-m",
        "datasette",
        "serve",
        "--immutable",
        str(database),
        "--host",
        host,
        "--port",
        str(port),
        "--metadata",
        str(meta_path),
        "--setting",
        "sql_time_limit_ms",
        "5000",
    ]


def serve(
    project: Project,
    version: str,
    host: str,
    port: int,
    dist: Path | None = None,
    cache: Path | None = None,
) -> None:
    """Replace this process by Datasette (so that stopping it stops the server); the
    arguments as for `serve_command`."""
    command = serve_command(project, version, host, port, dist, cache)
    os.execv(command[0], command)
