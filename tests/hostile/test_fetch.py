"""Hostile servers: `etl fetch` against a real HTTP server on 127.0.0.1 (issue 15, item 2).

The server serves a copy of the committed release that each test spoils in
one way: a malformed or escaping SHA256SUMS line, a descriptor path leaving
the release, a file larger than its descriptor says (even an endless one).
Every case is refused in one line, nothing is written outside the staging
folder, and the target folder stays empty.
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from etl.publish.fetch import CHUNK
from tests.conftest import REPO

pytestmark = pytest.mark.usefixtures("dist_unchanged")

VERSION = "3.3.1"


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder; `endless` names a file served as zeros until the client hangs up,
    `announce` one whose Content-Length header claims a huge size."""

    endless: str | None = None
    announce: str | None = None
    sent = 0

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        name = self.path.rsplit("/", 1)[-1]
        if name == self.endless:
            self.send_response(200)
            self.end_headers()
            chunk = b"\0" * 65536
            try:
                for _ in range(50_000):  # 3.2 GB if nobody stops it
                    self.wfile.write(chunk)
                    type(self).sent += len(chunk)
            except OSError:
                pass
            self.close_connection = True
            return
        if name == self.announce:
            self.send_response(200)
            self.send_header("Content-Length", str(10**12))
            self.end_headers()
            self.close_connection = True
            return
        super().do_GET()


class Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client hanging up on a spoiled file is the point, not a server error


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """What the server serves: <site>/<VERSION>/ with SHA256SUMS, descriptor and data."""
    folder = tmp_path / "site" / VERSION
    shutil.copytree(REPO.dist / VERSION, folder, ignore=shutil.ignore_patterns("csv", "index.html"))
    return folder


@pytest.fixture
def server(site: Path) -> Iterator[tuple[str, type]]:
    handler = type("Spoiled", (Handler,), {"endless": None, "announce": None, "sent": 0})
    httpd = Server(("127.0.0.1", 0), functools.partial(handler, directory=str(site.parent)))
    # serve_forever polls for shutdown every 0.5 s by default: half a second per test.
    thread = threading.Thread(target=httpd.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/", handler
    httpd.shutdown()


@pytest.fixture
def to(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


def reseal(site: Path) -> None:
    """SHA256SUMS's datapackage.json line after the descriptor was changed."""
    digest = hashlib.sha256((site / "datapackage.json").read_bytes()).hexdigest()
    lines = (site / "SHA256SUMS").read_text().splitlines()
    lines = [
        f"{digest}  datapackage.json" if line.endswith("  datapackage.json") else line
        for line in lines
    ]
    (site / "SHA256SUMS").write_text("\n".join(lines) + "\n")


def set_descriptor(site: Path, name: str, **changes: object) -> int:
    """Change resource `name` of the served descriptor; the line of its path."""
    descriptor = json.loads((site / "datapackage.json").read_text())
    for resource in descriptor["resources"]:
        if resource["name"] == name:
            resource.update(changes)
            path = resource.get("path")
    text = json.dumps(descriptor, indent=2) + "\n"
    (site / "datapackage.json").write_text(text)
    reseal(site)
    return next(n for n, line in enumerate(text.splitlines(), 1) if json.dumps(path) in line)


def sums_with(site: Path, line: str, at: int = 3) -> None:
    """SHA256SUMS with `line` as line `at` (1-based)."""
    lines = (site / "SHA256SUMS").read_text().splitlines()
    lines.insert(at - 1, line)
    (site / "SHA256SUMS").write_text("\n".join(lines) + "\n")


def nothing_left(to: Path) -> None:
    assert list(to.iterdir()) == [], list(to.iterdir())


def test_a_good_release_is_fetched_whole(server, site, to, etl):
    url, _ = server
    result = etl("fetch", VERSION, "--from", url, "--to", to)
    assert result.exit_code == 0, result.output
    got = pd.read_parquet(to / VERSION / "data" / "sentences.parquet")
    assert got.equals(pd.read_parquet(site / "data" / "sentences.parquet"))
    assert sorted(p.name for p in to.iterdir()) == [VERSION]  # no staging folder left


@pytest.mark.parametrize(
    "line",
    [
        "not a sums line",
        "d88d8348b9febd1b3c1b3946cfb2eeec  data/x.parquet",  # a short hash
        "D88D8348B9FEBD1B3C1B3946CFB2EEEC1437C20F5C6F0DDBD0EEF2EB42FA6D2A  data/x.parquet",
        "d88d8348b9febd1b3c1b3946cfb2eeec1437c20f5c6f0ddbd0eef2eb42fa6d2a data/x.parquet",
    ],
    ids=["words", "short-hash", "uppercase", "one-space"],
)
def test_malformed_sums_line_is_refused(server, site, to, etl, refused, line):
    url, _ = server
    sums_with(site, line, at=3)
    result = etl("fetch", VERSION, "--from", url, "--to", to)
    refused(result, "SHA256SUMS, line 3", repr(line[:80]))
    nothing_left(to)


@pytest.mark.parametrize(
    ("name", "reason"),
    [("../../escaped.txt", "'..'"), ("/tmp/escaped.txt", "absolute"), ("file:///x", "URL")],
    ids=["dotdot", "absolute", "url"],
)
def test_sums_path_leaving_the_release_is_refused(server, site, to, etl, refused, name, reason):
    url, _ = server
    sums_with(site, f"{'0' * 64}  {name}", at=2)
    result = etl("fetch", VERSION, "--from", url, "--to", to)
    refused(result, "SHA256SUMS, line 2", repr(name), reason)
    nothing_left(to)


@pytest.mark.parametrize(
    "value", ["../../escaped.parquet", "/tmp/escaped-by-fetch.parquet", "http://e.org/x"]
)
def test_descriptor_path_leaving_the_target_is_refused(
    server, site, to, tmp_path, etl, refused, value
):
    url, _ = server
    line = set_descriptor(site, "sentences", path=value)
    result = etl("fetch", VERSION, "--from", url, "--to", to)
    refused(result, "datapackage.json", f"line {line}", repr(value))
    nothing_left(to)
    assert not (tmp_path / "escaped.parquet").exists()
    assert not Path("/tmp/escaped-by-fetch.parquet").exists()


def test_file_larger_than_its_bytes_is_cut_off(server, site, to, etl, refused):
    """The served file is 1 MB larger than the descriptor says: refused at the cap."""
    url, _ = server
    data = site / "data" / "mentions.parquet"
    size = data.stat().st_size
    data.write_bytes(data.read_bytes() + b"\0" * 1_000_000)
    result = etl("fetch", VERSION, "--from", url, "--to", to)
    refused(result, "mentions.parquet", f"more than the {size}", "refused")
    nothing_left(to)


def test_endless_file_is_not_downloaded_whole(server, site, to, etl, refused):
    """A server that never stops sending: fetch stops just past the descriptor's bytes."""
    url, handler = server
    handler.endless = "trials.parquet"
    size = (site / "data" / "trials.parquet").stat().st_size
    result = etl("fetch", VERSION, "--from", url, "--to", to)
    refused(result, "trials.parquet", f"more than the {size} bytes expected")
    nothing_left(to)
    # What the server managed to push before the client hung up: socket buffers, not GBs.
    assert handler.sent < 64 * 1024 * 1024, handler.sent
    assert size + CHUNK < 64 * 1024 * 1024


def test_announced_size_over_the_cap_is_refused_before_downloading(server, site, to, etl, refused):
    url, handler = server
    handler.announce = "defendants.parquet"
    result = etl("fetch", VERSION, "--from", url, "--to", to)
    refused(result, "defendants.parquet", "announces 1000000000000 bytes", "before downloading")
    nothing_left(to)


def test_descriptor_without_bytes_is_refused(server, site, to, etl, refused):
    url, _ = server
    line = set_descriptor(site, "persons", bytes="a lot")
    result = etl("fetch", VERSION, "--from", url, "--to", to)
    refused(result, "[fetch-error]", "datapackage.json", f"line {line}", "'a lot'", ".bytes'")
    nothing_left(to)


def test_tampered_file_is_refused(server, site, to, etl, refused):
    url, _ = server
    data = site / "data" / "sentences.parquet"
    raw = bytearray(data.read_bytes())
    raw[100] ^= 0xFF
    data.write_bytes(bytes(raw))
    result = etl("fetch", VERSION, "--from", url, "--to", to)
    refused(result, "sentences.parquet", "does not match its sha256")
    nothing_left(to)


@pytest.mark.parametrize("version", ["../../etc", "3.3", "/abs"])
def test_version_that_is_not_a_version_is_refused(server, to, etl, refused, version):
    url, _ = server
    result = etl("fetch", version, "--from", url, "--to", to)
    refused(result, repr(version), "not a release version")
    nothing_left(to)


def test_target_that_is_a_file_is_one_line(server, tmp_path, etl, refused):
    url, _ = server
    (tmp_path / "afile").write_text("x")
    result = etl("fetch", VERSION, "--from", url, "--to", tmp_path / "afile")
    refused(result, "afile", "not a folder")
    assert (tmp_path / "afile").read_text() == "x"
