"""Paragraphs: the lines of a hard-wrapped paragraph, read as one block.

Many texts (typed reports, scanned and re-typed documents, plain-text e-books)
break their prose at a fixed width, so that one sentence runs over two or
three lines. A rule that reads a sentence must see all of it. A text whose
lines are short (most lines at most `MAX_WRAP` characters, but not a list of
short items) is hard-wrapped; in it a line continues the one above when the
line above fills most of the width and neither is a table row, a heading, nor
the start of a list item, of a labelled protocol part or of a register entry
("1.", "(a)", "–", "DECIDED:", "SURNAME Given Patronymic, …"). Texts written
one paragraph per line are returned line by line, but for a line that ends with a
comma and the next that goes on in lowercase. Offsets are those of the text; a
block may hold line breaks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from etl.lang.tables import is_table_row
from etl.lang.text import Block, is_heading, lines

MAX_WRAP = 130  # a text most of whose lines are longer is written a paragraph per line
MIN_WRAP = 50  # a text most of whose lines are shorter is a list or a table, not wrapped prose
FILLED = 0.6  # a line this full (of the text's width) runs on into the next
# A block no longer than this: a text with no blank lines and no full stops is not one
# sentence (the rules read a sentence in time that grows faster than its length).
MAX_PARAGRAPH = 3000
# What opens a block of its own: a list mark (not a term's figure glossing the word before
# it, "five\n(5) years"), a protocol's label ("HEARD:", "HAS SENTENCED:"), or a register's
# name in capitals ("SURNAME Given Patronymic, under Art. …").
OPENS = re.compile(
    r"\s*(?:\(?\d{1,3}[.)]\s(?!\s*(?:years?|months?|days?)\b)"
    r"|\(?[a-z][.)]\s|[–—•*-]\s|[A-Z][A-Z ]{2,}:"
    r"|[A-Z][A-Z’'-]{2,}\s+(?:[A-Z][a-z]{0,2}\.\s?){1,3}"  # "DOLGOVA F. M., …"
    r"|To [a-z]+\s+[A-Z][A-Z’'-]{2,}\s"  # a resolution's "To exile SURNAME …"
    r"|[A-Z][A-Z’'-]{2,}\s+[A-Z][a-z]+\s+[A-Z][a-z]+"
    r"(?:,|\s+\(|\s+b\.|\s+(?:born|to|under|for)\b|\s+[–—-]\s|\s*$))"  # "… to deprivation of"
)


def wrap_width(text: str, blocks: list[Block]) -> int | None:
    """The width a hard-wrapped text is set to (the 90th percentile of its line lengths),
    or None for a text written one paragraph per line."""
    lengths = sorted(b.end - b.start for b in blocks if text[b.start : b.end].strip())
    if not lengths:
        return None
    width = lengths[(len(lengths) - 1) * 9 // 10]
    return width if MIN_WRAP <= width <= MAX_WRAP else None


def paragraphs(text: str) -> Iterator[Block]:
    """Every line, except that the lines of a hard-wrapped paragraph are one block."""
    blocks = list(lines(text))
    width = wrap_width(text, blocks)
    if width is None:
        yield from _comma_runs(text, blocks)
        return
    current: Block | None = None
    last: Block | None = None
    for block in blocks:
        joined = current is not None and block.end - current.start <= MAX_PARAGRAPH
        if joined and last is not None and _continues(text, last, block, width):
            current, last = Block(current.start, block.end), block
            continue
        if current is not None:
            yield current
        current, last = block, block
    if current is not None:
        yield current


# A line a paragraph-per-line text breaks after a comma, the next in lowercase: one sentence
# ("Surname Given Patronymic, born 1911, collective farmer,\nwas convicted on …")
COMMA_END = re.compile(r",\s*$")
LOWER_START = re.compile(r"[a-z]")


def _comma_runs(text: str, blocks: list[Block]) -> Iterator[Block]:
    current: Block | None = None
    for block in blocks:
        if (
            current is not None
            and COMMA_END.search(text, current.start, current.end)
            and LOWER_START.match(text, block.start, block.end)
            and block.end - current.start <= MAX_PARAGRAPH
        ):
            current = Block(current.start, block.end)
            continue
        if current is not None:
            yield current
        current = block
    if current is not None:
        yield current


# "previously convicted:" ends a line, its case told on the next: the recital of an earlier
# conviction, as verdicts and protocols give it after a person's particulars
VERB_COLON = re.compile(
    r"\b(?:previously|earlier|formerly|already)\s+(?:convicted|sentenced|condemned|repressed)"
    r"\s*:\s*$",
    re.IGNORECASE,
)


def _continues(text: str, above: Block, block: Block, width: int) -> bool:
    line, previous = text[block.start : block.end], text[above.start : above.end]
    # a short line still runs on when its sentence does: no stop at its end and the next
    # line goes on in lowercase ("… that is, more than one in\neight of those verified")
    unfinished = bool(re.search(r"\w,?$", previous.rstrip())) and bool(
        LOWER_START.match(line.lstrip())
    )
    return (
        bool(line.strip())
        and (len(previous.rstrip()) >= FILLED * width or unfinished)
        # a colon opens a list, but for an earlier conviction's whose next line goes on in
        # lowercase ("previously convicted:\n   in 1929 by the Collegium of the OGPU …")
        and (
            not previous.rstrip().endswith(":")
            or bool(VERB_COLON.search(previous) and LOWER_START.match(line.lstrip()))
        )
        and not OPENS.match(line)
        and not is_heading(text, above)
        and not is_table_row(text, above)
        and not is_table_row(text, block)
    )
