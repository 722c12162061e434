"""`etl serve`: Datasette on a release's SQLite copy, queried through its JSON API."""

import json
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator

import pytest

from etl.version import DATA_VERSION
from tests.conftest import REPO


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str) -> object:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    """`etl serve` of the committed release on a free port; stopped after the tests."""
    cache = tmp_path_factory.mktemp("serve")
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            *("etl", "serve", DATA_VERSION),
            *("--port", str(port), "--cache", str(cache)),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                get(f"{url}/-/versions.json")
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    output = process.stdout.read().decode() if process.stdout else ""
                    pytest.fail(f"etl serve did not start: {output[-2000:]}")
                time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)
    # A release published without a SQLite copy is served from one in the cache, never
    # from one written into dist/ (published releases are immutable).
    release = REPO.dist / DATA_VERSION
    if "soviet-purges.sqlite" not in (release / "SHA256SUMS").read_text():
        assert not (release / "soviet-purges.sqlite").exists()
        assert (cache / DATA_VERSION / "soviet-purges.sqlite").is_file()


def test_serve_answers_table_and_canned_queries(server: str):
    persons = get(f"{server}/soviet-purges/persons.json?_shape=array&person_id=zinoviev")
    assert [p["person_id"] for p in persons] == ["zinoviev"]
    claims = get(f"{server}/soviet-purges/claims_about_person.json?_shape=array&person_id=zinoviev")
    assert len({c["source_id"] for c in claims}) >= 2
    assert all(c["quotes"] for c in claims)
    found = get(f"{server}/soviet-purges/search_quotes.json?_shape=array&words=shot")
    assert found and all("shot" in row["quote"].lower() for row in found)


def test_serve_metadata_gives_licence_sources_and_column_descriptions(server: str):
    meta = get(f"{server}/-/metadata.json")
    assert meta["license"] == "CC-BY-SA-4.0"
    assert "Leon Sedov" in meta["description_html"]
    tables = meta["databases"]["soviet-purges"]["tables"]
    assert "text[char_start:char_end]" in tables["sentences"]["columns"]["quote"]
    assert set(meta["databases"]["soviet-purges"]["queries"]) >= {"claims_about_person"}


def test_server_listens_on_loopback_only(server: str):
    assert server.startswith("http://127.0.0.1:")
