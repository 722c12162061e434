"""The SQLite copy of a release: dist/<version>/soviet-purges.sqlite.

One table per resource with its primary and foreign keys, the column
descriptions of the data contract (tables `_resources` and `_columns`),
full-text search (FTS5) on quotes and names, and views that answer the first
questions people ask: every claim about a person from every source
(`person_claims`, one row per claim with all its passages), sentences per
trial as each source gives them (`trial_sentences`), expulsion figures by year
and source (`expulsions_by_year`). Written with sqlite-utils from the Parquet
files, in a fixed order and compacted, so the same release gives the same
bytes.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from etl.contract.docs import column_descriptions
from etl.errors import EtlError

FILENAME = "soviet-purges.sqlite"
SQL_TYPES = {"string": str, "integer": int, "number": float, "boolean": int}
FULL_TEXT = {
    "persons": ["name", "variants"],
    "mentions": ["name_as_written", "quote"],
    "trials": ["name", "aliases", "quote"],
    "defendants": ["quote"],
    "sentences": ["quote"],
    "expulsion_stats": ["quote", "category", "geography"],
}

# A claim of one source about one person, however many passages state it.
CLAIM_TEXT = """
    s.penalty
    || CASE WHEN s.term_years IS NULL THEN ''
            ELSE ', ' || printf('%g', s.term_years) || ' years' END
    || CASE WHEN s.rights_deprivation_years IS NULL THEN ''
            ELSE ', rights lost for ' || printf('%g', s.rights_deprivation_years) || ' years' END
    || CASE s.confiscation WHEN 1 THEN ', confiscation' ELSE '' END
    || coalesce(', ' || s.date, '')
    || coalesce(', by ' || s.sentencing_body, '')
    || CASE s.basis WHEN 'inferred' THEN ' (inferred: ' || s.inference_rule || ')' ELSE '' END
"""
VIEWS = {
    "person_claims": f"""
WITH claims AS (
  SELECT d.person_id, d.source_id, 'defendant' AS kind, d.trial_id,
         'defendant of ' || t.name AS claim, d.quote, d.char_start, d.char_end, d.line_start
  FROM defendants d JOIN trials t ON t.trial_id = d.trial_id
  UNION ALL
  SELECT s.person_id, s.source_id, 'sentence', s.trial_id, {CLAIM_TEXT},
         s.quote, s.char_start, s.char_end, s.line_start
  FROM sentences s
)
SELECT c.person_id, p.name AS person, c.source_id, src.author AS source_author, c.kind,
       c.trial_id, c.claim, count(*) AS passages,
       group_concat(c.quote, ' […] ') AS quotes,
       group_concat(c.source_id || ':' || c.char_start || '-' || c.char_end, ' | ') AS spans,
       min(c.line_start) AS first_line
FROM (SELECT * FROM claims ORDER BY person_id, source_id, char_start) AS c
JOIN persons p ON p.person_id = c.person_id
JOIN sources src ON src.source_id = c.source_id
GROUP BY c.person_id, c.source_id, c.kind, c.trial_id, c.claim
ORDER BY c.person_id, c.kind, c.trial_id, c.source_id, c.claim""",
    "trial_sentences": """
SELECT s.trial_id, t.name AS trial, t.start_date, s.source_id, src.author AS source_author,
       s.penalty, count(DISTINCT s.person_id) AS persons,
       group_concat(DISTINCT s.person_id) AS person_ids
FROM sentences s
JOIN trials t ON t.trial_id = s.trial_id
JOIN sources src ON src.source_id = s.source_id
GROUP BY s.trial_id, s.source_id, s.penalty
ORDER BY t.start_date, s.trial_id, s.source_id, s.penalty""",
    "expulsions_by_year": """
SELECT coalesce(e.year_start, e.year_end) AS year, e.year_end, e.source_id,
       src.author AS source_author, e.measure, e.value, e.value_max, e.qualifier,
       e.geography, e.population, e.category, e.operation, e.cited_source, e.stat_id,
       e.line_start, e.quote
FROM expulsion_stats e JOIN sources src ON src.source_id = e.source_id
WHERE e.subject = 'expelled'
ORDER BY year, e.source_id, e.measure, e.geography, e.stat_id""",
}


class SqliteError(EtlError):
    code = "sqlite-error"


VIEW_TITLES = {
    "person_claims": "Every claim about a person, from every source",
    "trial_sentences": "Sentences per trial, as each source gives them",
    "expulsions_by_year": "Expulsion figures by year and source",
}


def records(frame: pd.DataFrame, fields: list[dict]) -> list[dict]:
    """Rows as plain Python values: None for null, 0/1 for booleans."""
    columns = {}
    for field in fields:
        series = frame[field["name"]].astype(object).where(frame[field["name"]].notna(), None)
        if field["type"] == "boolean":
            series = series.map(lambda v: None if v is None else int(bool(v)))
        columns[field["name"]] = series.tolist()
    names = list(columns)
    return [dict(zip(names, row, strict=True)) for row in zip(*columns.values(), strict=True)]


def write_sqlite(folder: Path, contract: Path) -> Path:
    """Write folder/soviet-purges.sqlite from the release's Parquet files and descriptor,
    with the column descriptions of the data contract (`contract`, the project's)."""
    import sqlite_utils

    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    described = column_descriptions(contract)
    path = folder / FILENAME
    path.unlink(missing_ok=True)
    db = sqlite_utils.Database(path)
    # No fsync after each of the ~50 inserts (1.3 s of waiting for the disk, 90 % of the
    # time): a release's copy is written in a staging folder and moved into place only
    # when complete, like every other artefact, none of which is synced either (`etl
    # serve`'s copy of an older release is a cache). The bytes of the file are the same.
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA foreign_keys = ON")
    db["_resources"].create(
        {"resource": str, "title": str, "description": str, "rows": int}, pk="resource"
    )
    db["_columns"].create(
        {
            "resource": str,
            "column": str,
            "position": int,
            "type": str,
            "required": int,
            "description": str,
        },
        pk=("resource", "column"),
    )
    for resource in descriptor["resources"]:
        name, schema = resource["name"], resource["schema"]
        fields = schema["fields"]
        frame = pq.read_table(folder / resource["path"]).to_pandas()
        foreign = [
            (fk["fields"], fk["reference"]["resource"], fk["reference"]["fields"])
            for fk in schema.get("foreignKeys", [])
        ]
        db[name].create(
            {f["name"]: SQL_TYPES[f["type"]] for f in fields},
            pk=schema["primaryKey"][0]
            if len(schema["primaryKey"]) == 1
            else tuple(schema["primaryKey"]),
            foreign_keys=foreign,
            not_null={f["name"] for f in fields if f.get("constraints", {}).get("required")},
        )
        db[name].insert_all(records(frame, fields), batch_size=1000)
        db["_resources"].insert(
            {
                "resource": name,
                "title": resource.get("title", name),
                "description": resource.get("description", ""),
                "rows": len(frame),
            }
        )
        db["_columns"].insert_all(
            {
                "resource": name,
                "column": f["name"],
                "position": position,
                "type": f["type"],
                "required": int(bool(f.get("constraints", {}).get("required"))),
                "description": described.get(name, {}).get(f["name"], ""),
            }
            for position, f in enumerate(fields, 1)
        )
        if name in FULL_TEXT:
            db[name].enable_fts(FULL_TEXT[name], tokenize="porter")
    for view, sql in VIEWS.items():
        db.create_view(view, sql.strip())
    problems = list(db.execute("PRAGMA foreign_key_check").fetchall())
    if problems:
        msg = f"{path}: foreign keys do not resolve: {problems[:3]}"
        raise SqliteError(msg)
    db.execute("VACUUM")
    db.close()
    return path


def read_sqlite(path: Path, name: str) -> pd.DataFrame:
    """A table or view of a SQLite copy; tables get the published column types back."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        known = {
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
            )
        }
        if name not in known:
            choices = ", ".join(sorted(n for n in known if not n.startswith(("_", "sqlite"))))
            msg = f"{path.name} has no table or view {name!r}; it has {choices}"
            raise SqliteError(msg)
        frame = pd.read_sql_query(f'SELECT * FROM "{name}"', connection)
        query = 'SELECT "column", type FROM _columns WHERE resource = ?'
        types = dict(connection.execute(query, (name,)).fetchall())
    for column, kind in types.items():
        if kind == "integer":
            frame[column] = frame[column].astype("Int64")
        elif kind == "boolean":
            frame[column] = frame[column].astype("Int64").astype("boolean")
        elif kind == "number":
            frame[column] = frame[column].astype("float64")
    return frame


def fetch_sqlite(version: str, url: str | None = None, cache: Path | None = None) -> Path:
    """The SQLite copy of a published release, downloaded beside the fetched release and
    checked against its SHA256SUMS."""
    import pooch

    from etl.publish.fetch import FetchError, base_url, fetch
    from etl.publish.release import SUMS

    folder = fetch(version, url, cache)
    sums = {}
    for line in (folder / SUMS).read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        sums[name] = digest
    if FILENAME not in sums:
        msg = f"release {version} has no SQLite copy ({FILENAME} is published from 3.4.0 on)"
        raise FetchError(msg)
    try:
        pooch.retrieve(
            f"{base_url(url)}{version}/{FILENAME}",
            known_hash=f"sha256:{sums[FILENAME]}",
            fname=FILENAME,
            path=folder,
            progressbar=False,
        )
    except ValueError as exc:
        msg = f"{FILENAME}: the download does not match its sha256 ({exc}); refused"
        raise FetchError(msg) from None
    except Exception as exc:
        msg = f"{FILENAME}: download failed: {exc}"
        raise FetchError(msg) from None
    return folder / FILENAME
