"""The corpus model: offsets in code points, lines from 1, no normalisation."""

from pathlib import Path

import pytest

from etl.errors import HashMismatch, SourceError
from etl.lang.corpus import Source, decode_text, load_source


def test_span_gives_lines_and_quote_and_trims_white_space():
    source = Source.from_text("s", "first line\n  second line  \nthird")
    span = source.span(11, 27)  # "  second line  \n"
    assert (span.char_start, span.char_end, span.quote) == (13, 24, "second line")
    assert (span.line_start, span.line_end) == (2, 2)
    multi = source.span(6, 32)
    assert (multi.line_start, multi.line_end) == (1, 3)
    assert source.text[multi.char_start : multi.char_end] == multi.quote


def test_crlf_is_kept_and_line_span_excludes_it():
    source = Source.from_text("s", "one\r\ntwo\r\n")
    assert source.lines == 2
    start, end = source.line_span(2)
    assert source.text[start:end] == "two"
    assert source.line_of(start) == 2


def test_bom_counts_as_code_point_zero(tmp_path: Path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffKamenev\n".encode())
    source = load_source("bom", path)
    assert source.text.index("Kamenev") == 1


def test_not_utf8_names_file_and_line(tmp_path: Path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("first\nM\xe1rio Sousa\n".encode("latin-1"))
    with pytest.raises(SourceError, match=r"latin1.txt: line 2, byte 7: not valid UTF-8"):
        load_source("latin", path)


def test_empty_text_is_refused(tmp_path: Path):
    with pytest.raises(SourceError, match="the text is empty"):
        decode_text(tmp_path / "empty.txt", b"  \n\n")


def test_hash_mismatch_names_both_hashes(tmp_path: Path):
    path = tmp_path / "t.txt"
    path.write_text("text\n")
    with pytest.raises(HashMismatch) as err:
        load_source("t", path, "0" * 64)
    assert "0" * 64 in str(err.value)
    assert "sha256 is " in str(err.value)
