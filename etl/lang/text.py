"""Text primitives shared by the extractors: sentences, headings, numbers, dates.

Pure functions of a text and the knowledge files; no file access.
"""

from __future__ import annotations

import bisect
import re
import string
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from etl.lang.knowledge import Knowledge
from etl.lang.led import compile_led

# A sentence ends at . ! or ? followed by space and a capital or an opening quote,
# but not after an initial ("I. Petrov", "B. Ya. Surname") or a common abbreviation.
# A bracket after a full stop continues the sentence ("… to prison. (Pletnev 25 years, …)").
_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’)\]]*\s+(?=[“\"\[A-Z])")


def _no_break_before(kb: Knowledge) -> re.Pattern:
    """An initial or an abbreviation of etl/knowledge/abbreviations.csv before a full stop."""
    return kb.derived("no_break_before", _abbreviations)


def _abbreviations(kb: Knowledge) -> re.Pattern:
    words = [r["abbreviation"] for r in kb["abbreviations"]]
    words += [r["initial"] for r in kb["initials"]]
    listed = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return compile_led(rf"(?:\b[A-Z]|\b(?:{listed}))\.$")


@dataclass(frozen=True)
class Block:
    """A stretch of text: a sentence, a line or a heading, by its offsets."""

    start: int
    end: int


# The rules walk the lines of the same whole text again and again (eight times a text): the
# lines of the few long texts last asked about are kept; a passage cut out of a text (a new
# string each time) is split again.
_LINES: list[tuple[str, tuple[Block, ...]]] = []
_LINES_KEPT = 2
_LINES_LONG = 2000


def lines(text: str) -> Iterator[Block]:
    """Every line, without its line ending ("\n" or "\r\n"); a text ending in a line
    ending has an empty last line."""
    if len(text) < _LINES_LONG:
        return _lines(text)
    for held, found in _LINES:
        if held is text:
            return iter(found)
    found = tuple(_lines(text))
    _LINES.insert(0, (text, found))
    del _LINES[_LINES_KEPT:]
    return iter(found)


def _lines(text: str) -> Iterator[Block]:
    start, size = 0, len(text)
    while True:
        newline = text.find("\n", start)
        end = size if newline < 0 else newline
        if end > start and text[end - 1] == "\r":
            end -= 1
        yield Block(start, end)
        if newline < 0:
            return
        start = newline + 1


# The extractors ask for the same passages of a text again and again (each sentence of a
# paragraph, by several rules): what is found in a text is kept for the few texts last
# asked about (a source's text and a copy of it with its line breaks as spaces, read in
# turn), each with the knowledge it was found with, and forgotten as other texts come.
# The memo holds values, not state: each function stays a pure function of its arguments.
_MEMOS: list[tuple[str, Knowledge, dict]] = []
_MEMO_TEXTS = 4


def text_memo(text: str, kb: Knowledge) -> dict:
    """A dict of values computed from `text` and `kb` (the same objects), kept for the few
    texts last asked about; a text asked about for the first time gets an empty one."""
    for index, (held, held_kb, memo) in enumerate(_MEMOS):
        if held is text and held_kb is kb:
            if index:
                _MEMOS.insert(0, _MEMOS.pop(index))
            return memo
    memo = {}
    _MEMOS.insert(0, (text, kb, memo))
    del _MEMOS[_MEMO_TEXTS:]
    return memo


def _memoised(text: str, kb: Knowledge, key: tuple, make: Callable[[], Iterable]) -> tuple:
    """What make() gives for this text and key, made once while the text is in the memo."""
    memo = text_memo(text, kb)
    found = memo.get(key)
    if found is None:
        found = memo[key] = tuple(make())
    return found


def sentences(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    kb: Knowledge,
    across_lines: bool = False,
) -> Iterator[Block]:
    """Sentences of every line of text[start:end], by offsets, white space trimmed; with
    `across_lines`, of text[start:end] as one paragraph (a sentence may run over lines).
    A full stop after an initial or a known abbreviation ends no sentence."""
    end = len(text) if end is None else end
    key = ("sentences", start, end, across_lines)
    return iter(_memoised(text, kb, key, lambda: _sentences(text, start, end, kb, across_lines)))


def _sentences(
    text: str, start: int, end: int, kb: Knowledge, across_lines: bool
) -> Iterator[Block]:
    no_break = _no_break_before(kb)
    pieces = [Block(0, end - start)] if across_lines else _lines(text[start:end])
    for line in pieces:
        line_start, line_end = start + line.start, start + line.end
        piece_start = line_start
        for match in _SENTENCE_END.finditer(text, line_start, line_end):
            before = text[max(line_start, match.start() - 12) : match.start()]
            if no_break.search(before.rstrip('”"’)]')):
                continue
            yield from _trimmed(text, piece_start, match.start())
            piece_start = match.end()
        yield from _trimmed(text, piece_start, line_end)


def _trimmed(text: str, start: int, end: int) -> Iterator[Block]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield Block(start, end)


def is_heading(text: str, block: Block) -> bool:
    """A short line standing alone between blank lines, not ending as a sentence does."""
    line = text[block.start : block.end].strip()
    if not line or len(line) > 100 or line[0].islower():
        return False
    before = text[max(0, block.start - 2) : block.start]
    after = text[block.end : block.end + 2]
    alone = (block.start == 0 or before.endswith("\n\n") or before == "\n") and (
        after.startswith("\n\n") or after.startswith("\r\n") or not after
    )
    return alone and not re.search(r"[,;:]$", line)


# Numbers.

NUMBER_WORD = r"[A-Za-z]+(?:-[a-z]+)?"


def number_words(kb: Knowledge) -> dict[str, int]:
    return dict(_per_kb(kb, "numbers", "word", "value"))


# The word tables above and below are read on every call (tens of thousands per text):
# kept per Knowledge object, which is immutable, and handed out read-only by the helpers.
_TABLES: dict[tuple[int, str], tuple[Knowledge, dict[str, int]]] = {}


def _per_kb(kb: Knowledge, table: str, key: str, value: str) -> dict[str, int]:
    entry = _TABLES.get((id(kb), table))
    if entry is None or entry[0] is not kb:
        entry = (kb, {row[key]: int(row[value]) for row in kb[table]})
        _TABLES[(id(kb), table)] = entry
    return entry[1]


def parse_count(token: str, kb: Knowledge) -> int | None:
    """A count written in digits or words: "16", "sixteen", "twenty-one", "two hundred".

    Returns None for anything else, so callers can try a token and move on.
    """
    token = token.strip().lower()
    if re.fullmatch(r"\d{1,3}(?:[,.]\d{3})*|\d+", token):
        return int(re.sub(r"[,.]", "", token))
    words = _per_kb(kb, "numbers", "word", "value")
    total, current = 0, 0
    parts = re.split(r"[- ]+(?:and[- ]+)?", token)
    if not parts or any(p not in words for p in parts):
        return None
    for part in parts:
        value = words[part]
        if value in (100, 1000):
            current = max(current, 1) * value
            if value == 1000:
                total, current = total + current, 0
        else:
            current += value
    return total + current


# Dates.


def month_names(kb: Knowledge) -> dict[str, int]:
    return dict(_per_kb(kb, "months", "name", "month"))


_DAY = r"(?P<{}>\d{{1,2}})(?:st|nd|rd|th)?"


@dataclass(frozen=True)
class DateRange:
    start: str
    end: str | None
    span: tuple[int, int]


@cache
def _date_patterns(names: tuple[str, ...]) -> list[re.Pattern]:
    """The date patterns, compiled once and led (etl/lang/led.py): the next to last needs a
    year from the context, the last only tells whether a passage can hold a date at all."""
    bare = "(?:" + "|".join(sorted(names, key=len, reverse=True)) + ")"
    month = rf"(?P<month>{bare[3:-1]})\.?"
    d1, d2 = _DAY.format("d1"), _DAY.format("d2")
    year = r"(?P<year>19\d\d)"
    patterns = [
        # 19-24 August 1936; 2-13th March 1938; between 16th and 23rd January 1935
        rf"(?:between\s+)?\b{d1}\s*(?:-|–|and|to)\s*{d2}\s+(?:of\s+)?{month},?\s+{year}",
        # January 23-30 1937
        rf"\b{month}\s+{d1}\s*(?:-|–)\s*{d2},?\s+{year}",
        # 30th January 1937; 27th February 1938
        rf"\b{d1}\s+(?:of\s+)?{month},?\s+{year}",
        # June 11, 1937; January 2 1936
        rf"\b{month}\s+{d1},?\s+{year}",
        # 1938, August 17th (year first, as a document's heading dates it)
        rf"\b{year},?\s+{month}\s+{d1}(?!\d)",
        # August 1936; January, 1935
        rf"\b{month},?\s+(?:of\s+)?{year}",
        # May 12th; June 11 (the year from the context)
        rf"\b{month}\s+{d1}(?!\d)",
        # any month name next to a number: a cheap test whether to look at all
        rf"\b{bare}\W{{0,3}}\d|\d\w*\W{{1,5}}(?:of\s+)?{bare}\b",
    ]
    return [compile_led(p, re.IGNORECASE) for p in patterns]


# Day-first numeric dates of Soviet documents: "DD.MM.YYYY", "DD.VIII.YYYY" (a Roman month),
# also with strokes and a dash as typists wrote them ("29/X-1937", "29/10/1937").
NUMERIC_DATE = re.compile(
    r"(?<![\d./])(?P<d1>[0-3]?\d)[./](?P<month>[01]?\d|X{0,1}(?:IX|IV|V?I{0,3})|XI{1,2})[./-]"
    r"(?P<year>19\d\d)(?![\d])"
    # "29.X.37", "14.III.38": a Roman month makes a year of two digits the 1910s-1950s one's
    r"|(?<![\d.])(?P<d2>[0-3]?\d)\.(?P<roman>X{0,1}(?:IX|IV|V?I{0,3})|XI{1,2})\."
    r"(?P<short>[1-5]\d)(?![\d.])"
)
ROMAN = {"I": 1, "V": 5, "X": 10}


def _month_number(written: str) -> int:
    """12 from "12" or from "XII"."""
    if written.isdigit():
        return int(written)
    values = [ROMAN[c] for c in written]
    return sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True))


def _numeric_dates(text: str, start: int, end: int) -> list[DateRange]:
    found = []
    for m in NUMERIC_DATE.finditer(text, start, end):
        written = m["month"] or m["roman"]
        day, month = int(m["d1"] or m["d2"]), _month_number(written) if written else 0
        year = m["year"] or f"19{m['short']}"
        if 1 <= day <= 31 and 1 <= month <= 12:
            found.append(DateRange(f"{year}-{month:02d}-{day:02d}", None, m.span()))
    return found


def _date_marks(text: str, kb: Knowledge) -> tuple[list[int], list[int]]:
    """Where in the whole text a date can be: (every "." before a year "19dd", every
    position a month name starts at with a letter that is not small). A date of
    text[start:end] has its "." or its month name inside text[start:end], and a month
    name that starts small is no date's ("may" the verb), so a passage with neither has
    none."""
    memo = text_memo(text, kb)
    marks = memo.get("date_marks")
    if marks is None:
        months = tuple(_per_kb(kb, "months", "name", "month"))
        folded = ascii_folded(text, kb)
        if folded is not None and all(n.isascii() and n.isalpha() for n in months):
            # In the folded text a month name's first letter was the text's small or
            # capital ASCII letter: only a capital one is looked at (a few per line).
            names: dict[str, list[str]] = {}
            for name in months:
                names.setdefault(name[0].upper(), []).append(name.lower())
            named = [
                m.start()
                for m in _capitals(tuple(names)).finditer(text)
                if any(folded.startswith(name, m.start()) for name in names[m[0]])
            ]
        else:
            found = _month_starts(months).finditer(text)
            named = [m.start() for m in found if not text[m.start()].islower()]
        marks = memo["date_marks"] = ([m.start() for m in _YEAR_DOT.finditer(text)], named)
    return marks


@cache
def _capitals(letters: tuple[str, ...]) -> re.Pattern:
    """Any one of these capital letters."""
    return re.compile("[" + "".join(map(re.escape, letters)) + "]")


# "….1937", "…/1937", "…X-1937", "…X.37"
_YEAR_DOT = re.compile(r"[./-](?=19\d\d)|(?<=[IVX])\.(?=[1-5]\d(?![\d.]))")


@cache
def _month_starts(names: tuple[str, ...]) -> re.Pattern:
    """Every position a month name starts at (a look-ahead: overlapping ones too)."""
    bare = "|".join(sorted(names, key=len, reverse=True))
    return re.compile(rf"(?=(?:{bare}))", re.IGNORECASE)


def occurrences(text: str, word: str) -> Iterator[int]:
    """Every position `word` starts at in `text`, overlapping ones too."""
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


@cache
def _ascii_twin(char: str) -> bool:
    """Whether a pattern's ASCII letter matches `char` under re.IGNORECASE although `char`
    is not ASCII (the Kelvin sign, the long s, the dotless i and the dotted I)."""
    return not char.isascii() and any(
        re.fullmatch(letter, char, re.IGNORECASE) for letter in string.ascii_lowercase
    )


def ascii_folded(text: str, kb: Knowledge) -> str | None:
    """`text` with its ASCII capitals made small, at the same offsets, if that is what
    re.IGNORECASE does for a pattern of ASCII letters (no character of the text matches an
    ASCII letter but itself and its other case); else None. Then an ASCII word matches a
    text's position under re.IGNORECASE where `folded.startswith(word.lower(), position)`."""
    memo = text_memo(text, kb)
    if "ascii_folded" not in memo:
        folded = None
        if not any(_ascii_twin(char) for char in set(text) if not char.isascii()):
            # str.lower is fast; without the twins no character but an ASCII capital
            # becomes ASCII by it, and if no character became two, offsets are kept.
            folded = text.lower()
            if len(folded) != len(text):
                folded = text.translate(_ASCII_LOWER)
        memo["ascii_folded"] = folded
    return memo["ascii_folded"]


def _any_between(marks: list[int], start: int, end: int) -> bool:
    """Whether a position of `marks` (sorted) is in [start, end)."""
    at = bisect.bisect_left(marks, start)
    return at < len(marks) and marks[at] < end


def find_dates(
    text: str, kb: Knowledge, start: int = 0, end: int | None = None, default_year: str = ""
) -> list[DateRange]:
    """Dates and date ranges in text[start:end] as partial ISO dates, in text order:
    with a month name, or day-first in figures ("DD.MM.YYYY", "DD.VIII.YYYY").

    A day and month without a year ("On May 12th") is read only when the caller
    knows the year from the context (`default_year`).
    """
    end = len(text) if end is None else end
    key = ("dates", start, end, default_year)
    return list(_memoised(text, kb, key, lambda: _find_dates(text, kb, start, end, default_year)))


def _named_month(word: str, months: dict[str, int]) -> int:
    """The month a matched month word names. Under re.IGNORECASE a non-ASCII twin of an
    ASCII letter matches it ("ſeptember" with a long s, "MAİ" with a dotted I), and such a
    word is not a key of `months`: it is the name it matched in full, ignoring case."""
    key = word.lower().rstrip(".")
    if key in months:
        return months[key]
    return next(
        number
        for name, number in months.items()
        if re.fullmatch(re.escape(name) + r"\.?", word, re.IGNORECASE)
    )


def _find_dates(
    text: str, kb: Knowledge, start: int, end: int, default_year: str
) -> list[DateRange]:
    dots, month_starts = _date_marks(text, kb)
    # A numeric date's "." and its year ("19dd", or "dd" after a Roman month) lie inside
    # the passage.
    numeric = _any_between(dots, start, end - 3 + 1)
    found: list[DateRange] = _numeric_dates(text, start, end) if numeric else []
    if not _any_between(month_starts, start, end):
        return found  # every other date has a month name
    taken: list[tuple[int, int]] = [d.span for d in found]
    months = _per_kb(kb, "months", "name", "month")
    patterns = _date_patterns(tuple(months))
    if not patterns[-1].search(text, start, end):
        return found  # every other date has a month name beside a number
    patterns = patterns[:-1] if default_year else patterns[:-2]
    for pattern in patterns:
        for m in pattern.finditer(text, start, end):
            a, b = m.start(), m.end()
            if any(a < y and x < b for x, y in taken):
                continue
            groups = m.groupdict()
            mon = _named_month(groups["month"], months)
            if text[m.start("month")].islower():
                continue  # "may" the verb, "march" the noun
            base = f"{groups.get('year') or default_year}-{mon:02d}"
            first = f"{base}-{int(groups['d1']):02d}" if groups.get("d1") else base
            last = f"{base}-{int(groups['d2']):02d}" if groups.get("d2") else None
            taken.append((a, b))
            found.append(DateRange(first, last, (a, b)))
    return sorted(found, key=lambda d: d.span)
