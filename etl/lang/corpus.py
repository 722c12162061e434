"""Loaded source texts and the spans that point into them.

Offsets are counted in Unicode code points of the text decoded as strict
UTF-8, with nothing normalised: a byte-order mark is code point 0 and a CRLF
line ending is two code points ("\\r" belongs to its line). Lines are split
on "\\n" only and numbered from 1. So `text[char_start:char_end] == quote`
holds against the very bytes whose sha256 is pinned.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from etl.errors import HashMismatch, SourceError


@dataclass(frozen=True)
class Span:
    """The evidence of one record: where in which source it was read."""

    source_id: str
    char_start: int
    char_end: int
    line_start: int
    line_end: int
    quote: str

    @property
    def ref(self) -> str:
        """ "source_id:char_start-char_end", how checks cite the passages they compare."""
        return f"{self.source_id}:{self.char_start}-{self.char_end}"

    def provenance(self) -> dict:
        return {
            "source_id": self.source_id,
            "line_start": self.line_start,
            "line_end": self.line_end,
            "char_start": self.char_start,
            "char_end": self.char_end,
            "quote": self.quote,
        }


@dataclass(frozen=True)
class Source:
    """One text: its id, its decoded content and where each line starts."""

    source_id: str
    text: str
    line_starts: tuple[int, ...] = field(repr=False)

    @classmethod
    def from_text(cls, source_id: str, text: str) -> Source:
        starts = [0] + [m.end() for m in re.finditer("\n", text)]
        return cls(source_id, text, tuple(starts))

    @property
    def lines(self) -> int:
        """Number of lines; a final "\\n" does not open a new line."""
        n = len(self.line_starts)
        return n - 1 if self.text.endswith("\n") else n

    def line_of(self, offset: int) -> int:
        """1-based line number of the character at `offset`."""
        return bisect.bisect_right(self.line_starts, offset)

    def line_span(self, line: int) -> tuple[int, int]:
        """Character offsets of a 1-based line, without its line ending."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.text)
        if end > start and self.text[end - 1] == "\r":
            end -= 1
        return start, end

    def span(self, start: int, end: int, *, strip: bool = True) -> Span:
        """The evidence for text[start:end], trimmed of surrounding white space."""
        if strip:
            while start < end and self.text[start].isspace():
                start += 1
            while end > start and self.text[end - 1].isspace():
                end -= 1
        if not 0 <= start < end <= len(self.text):
            msg = f"{self.source_id}: span {start}-{end} is empty or outside the text"
            raise SourceError(msg)
        return Span(
            self.source_id,
            start,
            end,
            self.line_of(start),
            self.line_of(end - 1),
            self.text[start:end],
        )


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def decode_text(path: Path, data: bytes) -> str:
    """Decode a source's bytes, refusing what cannot be a text."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        msg = (
            f"{path}: line {line}, byte {exc.start}: not valid UTF-8 ({exc.reason}); "
            "re-save the text as UTF-8"
        )
        raise SourceError(msg) from None
    if not text.strip():
        msg = f"{path}: the text is empty; a source must contain the text it stands for"
        raise SourceError(msg)
    return text


def load_source(source_id: str, path: Path, expected_sha256: str | None = None) -> Source:
    """Read a source file, check its pinned hash, and index its lines."""
    if not path.is_file():
        msg = f"{path}: source {source_id!r} is registered but the file is missing"
        raise SourceError(msg)
    data = path.read_bytes()
    if expected_sha256 is not None:
        actual = hashlib.sha256(data).hexdigest()
        if actual != expected_sha256:
            msg = (
                f"{path}: sha256 is {actual} but the registry pins {expected_sha256} for "
                f"{source_id!r}; the text was changed. Restore it, or register it as a new "
                "text if the change is intended"
            )
            raise HashMismatch(msg)
    return Source.from_text(source_id, decode_text(path, data))
