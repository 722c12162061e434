"""Footnotes: a text's notes section, with "Ibid" resolved to the work it repeats.

"[84] Ibid, p 177." after "[80] Getty 1985, p 169." resolves to
"Getty 1985, p 177"; a bare "Ibid." repeats the previous note whole.
"""

from __future__ import annotations

import re

NOTE = re.compile(r"^\[(\d+)\]\s+(.+?)\s*$", re.MULTILINE)
IBID = re.compile(r"^Ibid\.?,?\s*(.*?)\.?$", re.IGNORECASE)
PAGES = re.compile(r",?\s*(?:pp?\.?\s*[\d–-]+.*)$")
MARKER = re.compile(r"\[(\d+)\]")


def notes(text: str) -> dict[int, str]:
    """Every note of the text by its number, Ibid resolved; the last definition wins."""
    resolved: dict[int, str] = {}
    previous = ""
    for m in NOTE.finditer(text):
        body = m[2].rstrip(" .;")
        ibid = IBID.match(body)
        if ibid and previous:
            work = PAGES.sub("", previous).strip(" ,")
            body = f"{work}, {ibid[1]}".strip(" ,") if ibid[1] else previous
        resolved[int(m[1])] = body
        previous = body
    return resolved


def cited(text: str, start: int, end: int, table: dict[int, str]) -> str | None:
    """The resolved note of the first footnote marker in text[start:end], if any."""
    for m in MARKER.finditer(text, start, end):
        number = int(m[1])
        if number in table and not text[m.end() : m.end() + 1].isdigit():
            return table[number]
    return None
