"""Release artefacts, downloading releases over real HTTP, diffs and the dataset page."""

import functools
import http.server
import json
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import frictionless
import pandas as pd
import pytest
from click.testing import CliRunner

import etl
from etl.cli import cli
from etl.publish.fetch import FetchError, fetch, load
from etl.publish.release import make_release, write_changelog
from etl.publish.sqlite import SqliteError
from tests.conftest import REPO

VERSION = "3.3.0"  # a committed release; 3.2.1 → 3.3.0 added two curated records


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """A copy of two committed releases with their artefacts written."""
    folder = tmp_path_factory.mktemp("dist")
    for version in ("3.2.1", VERSION):
        package_only(REPO.dist / version, folder / version)
        make_release(version, folder, REPO)
    return folder


def package_only(source: Path, target: Path) -> None:
    """A release's package (descriptor and data) without any artefact."""
    (target).mkdir(parents=True)
    shutil.copy2(source / "datapackage.json", target / "datapackage.json")
    shutil.copytree(source / "data", target / "data")


def test_artefacts_are_deterministic_and_summed(dist: Path, tmp_path: Path):
    again = tmp_path / VERSION
    for version in ("3.2.1", VERSION):  # the page says what changed since the release before
        package_only(REPO.dist / version, tmp_path / version)
    make_release(VERSION, tmp_path, REPO)
    for name in (
        "SHA256SUMS",
        "index.html",
        "persons/zinoviev.html",
        "charts/expulsions.svg",
        "tables/sentences.js",
        "csv/sentences.csv",
        "datapackage-csv.json",
        "soviet-purges.sqlite",
    ):
        assert (again / name).read_bytes() == (dist / VERSION / name).read_bytes(), name
    zip_name = f"soviet-purges-{VERSION}.zip"
    assert (tmp_path / zip_name).read_bytes() == (dist / zip_name).read_bytes()
    listed = {
        line.split("  ")[1] for line in (dist / VERSION / "SHA256SUMS").read_text().splitlines()
    }
    assert {
        "datapackage.json",
        "data/sentences.parquet",
        "csv/sentences.csv",
        "index.html",
        "soviet-purges.sqlite",
    } <= listed
    assert make_release(VERSION, dist, REPO) is False  # never rewritten


def test_csv_copy_is_a_valid_package_with_the_same_rows(dist: Path):
    assert frictionless.validate(dist / VERSION / "datapackage-csv.json").valid
    csv = pd.read_csv(dist / VERSION / "csv" / "sentences.csv")
    parquet = pd.read_parquet(dist / VERSION / "data" / "sentences.parquet")
    assert list(csv.sentence_id) == list(parquet.sentence_id)


def test_sqlite_copy_has_keys_full_text_search_and_views(dist: Path):
    db = sqlite3.connect(dist / VERSION / "soviet-purges.sqlite")
    fks = {(row[3], row[2]) for row in db.execute("PRAGMA foreign_key_list(sentences)")}
    assert {("person_id", "persons"), ("trial_id", "trials"), ("source_id", "sources")} <= fks
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    pk = [row[1] for row in db.execute("PRAGMA table_info(persons)") if row[5]]
    assert pk == ["person_id"]
    # Full-text search on quotes and names.
    hits = db.execute(
        "SELECT s.person_id FROM sentences s JOIN sentences_fts f ON f.rowid = s.rowid "
        "WHERE sentences_fts MATCH 'shot' LIMIT 5"
    ).fetchall()
    assert hits
    found = db.execute(
        "SELECT rowid FROM persons_fts WHERE persons_fts MATCH 'Goltsman'"
    ).fetchall()
    assert len(found) == 1
    # Every column carries its description from the contract.
    empty = db.execute("SELECT resource, column FROM _columns WHERE description = ''").fetchall()
    assert empty == []
    # One claim per source, person and trial, however many passages state it.
    arnold = db.execute(
        "SELECT source_id, kind, passages, spans FROM person_claims "
        "WHERE person_id = 'arnold' AND kind = 'defendant'"
    ).fetchall()
    defendant_rows = db.execute(
        "SELECT count(*) FROM defendants WHERE person_id = 'arnold' "
        "AND source_id = 'sousa-class-struggle-thirties'"
    ).fetchone()[0]
    assert defendant_rows == 2
    assert [(s, k, n) for s, k, n, _ in arnold] == [
        ("sousa-class-struggle-thirties", "defendant", 2)
    ]
    assert arnold[0][3].count(" | ") == 1
    # Sentences per trial as each source gives them; expulsions by year and source.
    death = db.execute(
        "SELECT persons FROM trial_sentences WHERE trial_id = 'trotskyite-zinovievite-centre-1936' "
        "AND penalty = 'death'"
    ).fetchone()
    assert death == (16,)
    years = db.execute("SELECT DISTINCT source_id FROM expulsions_by_year").fetchall()
    assert len(years) == 2


def test_changelog_lists_the_rows_a_release_added(dist: Path):
    changelog = write_changelog(dist, REPO).read_text()
    assert "added sedov-red-book-part-2:1900:mrachkovsky" in changelog


def test_cli_diff_json_lists_the_rows_a_release_added(dist: Path):
    result = CliRunner().invoke(cli, ["diff", str(dist / "3.2.1"), str(dist / VERSION), "--json"])
    assert result.exit_code == 0
    assert '"added": [\n      "sedov-red-book-part-2:1900:mrachkovsky"' in result.output
    diffs = {d["resource"]: d for d in json.loads(result.output)}
    assert diffs["sentences"]["added"] == ["sedov-red-book-part-2:1900:mrachkovsky"]
    assert diffs["expulsion_stats"]["added"] == ["trotsky-oppositionists-expelled-1936:2839"]
    assert not diffs["sentences"]["removed"] and not diffs["persons"]["changed"]


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder; can tamper with one file or cut the connection half-way."""

    tamper: str | None = None
    drop: str | None = None

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        name = self.path.rsplit("/", 1)[-1]
        path = Path(self.translate_path(self.path))
        if name in (self.tamper, self.drop) and path.is_file():
            data = path.read_bytes()
            if name == self.tamper:
                data = data[:100] + bytes([data[100] ^ 0xFF]) + data[101:]
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data if name == self.tamper else data[: len(data) // 2])
            if name == self.drop:
                self.close_connection = True
            return
        super().do_GET()


@pytest.fixture
def server(dist: Path) -> Iterator[tuple[str, type]]:
    handler = type("TestHandler", (Handler,), {"tamper": None, "drop": None})
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(dist))
    )
    # serve_forever polls for shutdown every 0.5 s by default: half a second per test.
    thread = threading.Thread(target=httpd.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/", handler
    httpd.shutdown()


def test_fetch_then_load_equals_reading_dist(server, dist: Path, tmp_path: Path):
    url, _ = server
    result = CliRunner().invoke(cli, ["fetch", VERSION, "--from", url, "--to", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == str(tmp_path / VERSION)
    loaded = load("sentences", VERSION, url=url, cache=tmp_path)
    pd.testing.assert_frame_equal(
        loaded, pd.read_parquet(dist / VERSION / "data" / "sentences.parquet")
    )


def test_load_reads_tables_and_views_of_the_sqlite_copy(server, dist: Path, tmp_path: Path):
    url, _ = server
    sentences = etl.load("sentences", VERSION, url=url, cache=tmp_path, format="sqlite")
    parquet = pd.read_parquet(dist / VERSION / "data" / "sentences.parquet")
    assert list(sentences.columns) == list(parquet.columns)
    assert list(sentences.sentence_id) == list(parquet.sentence_id)
    assert sentences.term_years.equals(parquet.term_years)
    claims = etl.load("person_claims", VERSION, url=url, cache=tmp_path, format="sqlite")
    assert {"person_id", "source_id", "claim", "passages", "quotes"} <= set(claims.columns)
    with pytest.raises(SqliteError, match="no table or view 'nothing'"):
        etl.load("nothing", VERSION, url=url, cache=tmp_path, format="sqlite")


def test_a_tampered_file_is_refused_and_nothing_is_left(server, tmp_path: Path):
    url, handler = server
    handler.tamper = "sentences.parquet"
    with pytest.raises(FetchError) as refusal:
        fetch(VERSION, url, tmp_path)
    (problem,) = refusal.value.problems
    assert problem.code == "fetch-error"
    assert problem.message.startswith("sentences.parquet: ")
    assert list(tmp_path.iterdir()) == []


def test_a_dropped_connection_is_refused_and_nothing_is_left(server, tmp_path: Path):
    url, handler = server
    handler.drop = "mentions.parquet"
    with pytest.raises(FetchError, match=r"mentions\.parquet"):
        fetch(VERSION, url, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_diff_names_each_changed_column_and_nothing_else(tmp_path: Path):
    """Cells compared as values: two missing cells are equal, a missing and a present one
    differ, and a column whose type changed (int to float) with the same values does not."""
    from etl.publish.diff import diff_releases

    old, new = tmp_path / "old", tmp_path / "new"
    package_only(REPO.dist / VERSION, old)
    package_only(REPO.dist / VERSION, new)
    path = new / "data" / "sentences.parquet"
    frame = pd.read_parquet(path)
    first, second, third = frame.sentence_id.iloc[:3]
    assert frame.penalty.iloc[0] != "death" and pd.isna(frame.date.iloc[1])
    assert pd.notna(frame.penalty.iloc[2])
    frame.loc[0, "penalty"] = "death"  # a string changed
    frame.loc[1, "date"] = "1936-08-24"  # a missing cell given a value
    frame.loc[2, "penalty"] = None  # a present cell emptied
    frame["line_start"] = frame.line_start.astype("float64")  # same values, another type
    frame.to_parquet(path)
    diffs = {d.resource: d for d in diff_releases(old, new)}
    assert diffs["sentences"].changed == {
        first: ["penalty"],
        second: ["date"],
        third: ["penalty"],
    }
    assert not diffs["sentences"].added and not diffs["sentences"].removed
    assert all(not d.changed for name, d in diffs.items() if name != "sentences")
