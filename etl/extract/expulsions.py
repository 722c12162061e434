"""Expulsion statistics: figures about party expulsions in tables and in prose.

Rules (each a value of `extractor`):
- `expulsions.table`: plain-text tables (cells aligned with runs of spaces or
  no-break spaces, rows apart by blank lines, a title above, maybe a citation
  and a header) whose title or header is about expulsions; each numeric cell
  is a row, typed by its column header ("per cent", "Number expelled").
- `expulsions.prose`: a number in a sentence about expulsions, typed by the
  words after it ("were expelled", "party cards were issued", "candidates")
  and before it ("more than", "out of"), with the sentence's year, place,
  population and operation.
- `expulsions.breakdown`: "Among these are: 907 kulaks …; 594 …": one row per
  category of a breakdown.
Numbers are read by etl.lang.numbers (dot or comma thousands, comma or dot
decimals), number words by etl.lang.text; vocabulary in etl/knowledge/stats_vocabulary.csv.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

from etl.extract import Record
from etl.lang.bounds import YEARS_COVERED
from etl.lang.corpus import Source
from etl.lang.footnotes import cited, notes
from etl.lang.knowledge import Knowledge
from etl.lang.led import compile_led, led
from etl.lang.literals import lowered, may_match, may_search
from etl.lang.numbers import NUMERAL, parse_number, with_multiplier
from etl.lang.paragraphs import paragraphs
from etl.lang.tables import (
    ABSENT,
    HIGH,
    MILLIONS,
    NUMBER,
    PERCENT_HEADER,
    THOUSANDS,
    Cell,
    Column,
    Row,
    Table,
    cell_at,
    count_with_share,
    find_tables,
    read_number,
    split_range,
)
from etl.lang.text import Block, find_dates, is_heading, lines, parse_count, sentences

YEAR = re.compile(r"(?<!since )(?<!after )(?<!before )(?<!until )\b(19\d\d)\b(?![.,]\d|-ies|s\b)")
DECADE = re.compile(r"\b(19\d0)(?:-ies|s)\b")
FOOTNOTE = re.compile(r"\[\d+\]")
PERCENT = re.compile(r"^\s*(?:per\s?cent|percent|%)", re.IGNORECASE)
FRACTIONS = {
    "half": 50.0,
    "third": 100 / 3,
    "fourth": 25.0,
    "quarter": 25.0,
    "fifth": 20.0,
    "sixth": 100 / 6,
    "eighth": 12.5,
    "tenth": 10.0,
}


def _vocabulary(kb: Knowledge) -> dict[str, list[tuple[re.Pattern, str]]]:
    table: dict[str, list[tuple[re.Pattern, str]]] = {}
    for r in kb["stats_vocabulary"]:
        pattern = re.compile(r["pattern"], re.IGNORECASE)
        table.setdefault(r["kind"], []).append((pattern, r["value"]))
    return table


def vocabulary(kb: Knowledge, kind: str) -> list[tuple[re.Pattern, str]]:
    return kb.derived("stats_vocabulary", _vocabulary).get(kind, [])


@cache
def _anchored(pattern: str, anchored: str) -> re.Pattern:
    if anchored == "start":
        pattern = rf"^\W*(?:{pattern})"
    elif anchored == "end":
        pattern = rf"(?:{pattern})\W*$"
    return re.compile(pattern, re.IGNORECASE)


def first(kb: Knowledge, kind: str, text: str, anchored: str = "") -> str | None:
    """The value of the first pattern of `kind` found in text ("^"/"$" anchored if asked)."""
    low = lowered(text)
    for pattern, value in vocabulary(kb, kind):
        compiled = _anchored(pattern.pattern, anchored)
        m = compiled.search(text) if may_match(compiled, text, low) else None
        if m:
            return value or m.group(0).strip()
    return None


PLACE = r"[A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+)*"
PLACE_OF = re.compile(
    rf"\b(?:organisation|organization|district|region|committee) of (?:the )?({PLACE})"
)


def _place_patterns(kb: Knowledge) -> tuple[re.Pattern, re.Pattern]:
    regions = "|".join(p.pattern for p, _ in vocabulary(kb, "region"))
    names = sorted((r["place"] for r in kb["places"]), key=len, reverse=True)
    named = r"\b(" + "|".join(map(re.escape, names)) + r")\b(?! archives?)"
    return re.compile(rf"\b({PLACE})\s+(?:{regions})\b"), re.compile(named)


def geography(text: str, kb: Knowledge) -> str | None:
    """The place a passage speaks of: "the Tula region", "In Tver"."""
    region, named = kb.derived("place_patterns", _place_patterns)
    low = lowered(text)
    m = region.search(text) if may_match(region, text, low) else None
    if m and m[1].split()[0] not in ("The", "In", "Of"):
        return m[0]
    m = PLACE_OF.search(text) if may_match(PLACE_OF, text, low) else None
    if m:
        return m[1]
    m = named.search(text) if may_match(named, text, low) else None
    return m[1] if m else None


@dataclass
class Context:
    """What a figure inherits from where it stands: year, place, operation, citation."""

    year: int | None = None
    year_end: int | None = None
    geography: str = "USSR"
    operation: str | None = None
    cited_source: str | None = None


def context_of(text: str, start: int, end: int, kb: Knowledge, base: Context) -> Context:
    passage = FOOTNOTE.sub("", text[start:end])
    years = [int(y) for y in YEAR.findall(passage) if covered(int(y))]
    decade = DECADE.search(passage)
    year, year_end = (years[0], years[0]) if years else (base.year, base.year_end)
    if not years and decade and covered(int(decade[1]) + 9):
        year, year_end = int(decade[1]), int(decade[1]) + 9
    return Context(
        year=year,
        year_end=year_end,
        geography=geography(passage, kb) or base.geography,
        operation=first(kb, "operation", passage) or base.operation,
        cited_source=base.cited_source,
    )


def covered(year: int) -> bool:
    """A year the dataset covers: others are not the year of a statistic (a book of 1985)."""
    return YEARS_COVERED[0] <= year <= YEARS_COVERED[1]


def row(value: float, measure: str, subject: str, ctx: Context, **extra: object) -> dict:
    fields = {
        "subject": subject,
        "measure": measure,
        "value": value,
        "value_max": None,
        "qualifier": "exact",
        "year_start": ctx.year,
        "year_end": ctx.year_end if ctx.year_end is not None else ctx.year,
        "geography": ctx.geography,
        "population": None,
        "category": None,
        "operation": ctx.operation,
        "cited_source": ctx.cited_source,
    }
    fields.update(extra)
    return fields


# Tables.

# "Total", "Grand total", "Total for the oblast", "In all": the row of the whole
TOTAL_LABEL = re.compile(
    r"(?:grand\s+)?totals?(?:\s+(?:for|in|of)\s+(?:the\s+)?\w+)?:?|all|in all|overall|together",
    re.IGNORECASE,
)
TOTAL_HEADER = re.compile(r"\b(?:total|all|together|in all|overall)\b", re.IGNORECASE)
SERIAL = re.compile(r"(?:no\.?|n°|nos?\.|#|№|year|years)", re.IGNORECASE)
POPULATION = re.compile(
    r"(?:party )?(?:members|candidates|communists|total|all|together)", re.IGNORECASE
)


SIGNED = re.compile(r"[+−–-]\s?\d[\d\s.,\u00a0]*")  # a change, "-241", "+12": no label


def row_label(row: Row) -> str:
    """The words of a row: its cells that are not figures, without an item's number ("1.
    Raionname") or a count with its share ("211 (4.7%)")."""
    words = [
        ITEM_NUMBER.sub("", c.clean)
        for c in row.cells
        if not c.numeric and c.clean and not share_in_brackets(c) and not SIGNED.fullmatch(c.clean)
    ]
    return " ".join([row.label_above, *words] if row.label_above else words)


def table_shape(kb: Knowledge, table: Table, caption: str) -> Shape:
    """How a table is laid out, read once: turned on its side when its columns are
    populations ("Members", "Candidates", "Total"), years, places or groups and its row
    labels say what is counted ("Checked", "Expelled"), or when it is a list of labelled
    figures without a header; with places across when a header or the caption has a word
    of places ("Okrug total", "by raion"), else groups ("Workers | Peasants")."""
    numeric = [c.header.strip() for c in table.columns if c.numeric and c.header.strip()]
    headers = [h for h in numeric if not SERIAL.fullmatch(h)]
    counted = sum(bool(column_subject(kb, row_label(r))) for r in table.rows)
    # a list of labelled figures ("expelled from the party …… N"), under a title or none
    if not table.header or (len(numeric) == 1 and len(table.header[-1].cells) == 1):
        return Shape(counted >= 2 and any(c.numeric for c in table.columns), False, False)
    # no numeric header says what it counts, two rows or more do
    rows_count = (
        len(numeric) >= 2
        and not any(
            column_subject(kb, h) or year_cell(h) or PERCENT_HEADER.search(h) for h in numeric
        )
        and counted >= 2
    )
    populations = all(POPULATION.fullmatch(h) or year_cell(h) for h in headers) and counted > 0
    regions = "|".join(p.pattern for p, _ in vocabulary(kb, "region"))
    places = re.search(rf"\b(?:{regions}|okrug)", " ".join([caption, *numeric]), re.I)
    across = rows_count and bool(places)
    return Shape(bool(headers) and (populations or rows_count), across, rows_count and not across)


def column_subject(kb: Knowledge, header: str) -> str | None:
    """What a column counts, from its header ("Checked" → investigated), or None."""
    return first(kb, "column", header)


def year_cell(cell: str) -> int | None:
    """The year a table cell gives, if it is one the dataset covers."""
    return int(cell) if re.fullmatch(r"19\d\d", cell) and covered(int(cell)) else None


def header_year(header: str) -> int | None:
    """The year a column's header gives: "1934", a day in it ("1.1.1934", "1.I.1935"), or
    the one year of a header over two lines ("1934 abs.", a year spread over its columns)."""
    header = header.strip()
    # "1.1.1934", "on 1.I.1935", "Members 1.1.1934": the day the column counts on
    dated = re.search(r"(?:^|\s)(?:on\s+)?\d{1,2}\.(?:\d{1,2}|[IVX]{1,4})\.(19\d\d)$", header)
    if dated:
        return year_cell(dated[1])
    years = {y for w in re.findall(r"(?<![\d.])19\d\d(?![\d.])", header) if (y := year_cell(w))}
    return years.pop() if len(years) == 1 else None


def table_records(
    source: Source, kb: Knowledge, tables: list[Table], notes_table: dict[int, str]
) -> Iterator[Record]:
    """A row per figure of a table about party membership or expulsions: each cell of a
    column whose header says what it counts, typed and read by its column."""
    text = source.text
    for table in tables:
        caption = " ".join(text[b.start : b.end] for b in table.caption[-3:])
        # the header's words line by line, and column by column (a header over two lines
        # says "New documents / issued" down its column)
        header = " ".join(
            [*(c.text for h in table.header for c in h.cells), *(c.header for c in table.columns)]
        )
        about = f"{caption} {header}"
        if first(kb, "not_table", about) and not first(kb, "table", header):
            continue  # a table about something else (sowing, budgets, elections)
        # Turned on its side (years or populations across), the row labels say what it counts.
        shape = table_shape(kb, table, caption)
        labels = " ".join(row_label(r) for r in table.rows) if shape.transposed else ""
        if not (
            first(kb, "party", f"{about} {labels}") and first(kb, "table", f"{about} {labels}")
        ):
            continue
        titles = [b for b in table.caption if not text[b.start : b.end].strip().startswith("(")]
        title = titles[-1] if titles else table.rows[0].block  # a "(Getty: …)" line cites
        base = Context(cited_source=cited(text, title.start, title.end, notes_table))
        ctx = context_of(text, title.start, title.end, kb, base)
        if ctx.year is None and (year := heading_year(text, kb, table.caption, title.start)):
            ctx = replace(ctx, year=year, year_end=year)
        default = column_subject(kb, caption)
        if default in {column_subject(kb, c.header) for c in table.columns if c.numeric}:
            # "Expulsions by raion" over "Members | Expelled": the caption's subject has a
            # column of figures of its own, so a bare "Members" is the organisation's size
            # (the labels' column, "Grounds for expulsion", has none)
            default = None
        caption_percent = bool(PERCENT_HEADER.search(caption))
        pairs = paired_columns(table)
        for line_row in table.rows:
            yield from row_records(
                source, kb, table, line_row, ctx, default, caption_percent, caption, shape, pairs
            )


def heading_year(text: str, kb: Knowledge, caption: list[Block], before: int) -> int | None:
    """The year a table's title does not give but its caption's other lines do, or the
    nearest heading above it ("VERIFICATION OF PARTY DOCUMENTS, 1935" over "Table 2") and
    what follows it to the table, when they give one year, and not only in a day's date (a
    report's, "4 January 1936", dates the report, not its figures); an earlier section's
    heading gives none."""

    def years_of(start: int, end: int) -> tuple[set[int], set[int]]:
        """(the years of text[start:end], those of them written outside a day's date)"""
        days = [d.span for d in find_dates(text, kb, start, end) if len(d.start) == 10]
        found = [
            (int(m[1]), any(a <= m.start() < b for a, b in days))
            for m in YEAR.finditer(text, start, end)
            if covered(int(m[1]))
        ]
        return {y for y, _ in found}, {y for y, dated in found if not dated}

    for index, block in enumerate(reversed(caption)):
        years, bare = years_of(block.start, block.end)
        if len(years) == 1 and bare:
            return years.pop()
        if index and is_heading(text, block):
            break  # a section's heading: the caption's lines above it are another section's
    headings = [b for b in lines(text) if b.end <= before and is_heading(text, b)]
    if not headings:
        return None
    years, bare = years_of(headings[-1].start, before)  # the nearest heading's section
    return years.pop() if len(years) == 1 and bare else None


@dataclass(frozen=True)
class Shape:
    """How a table is laid out: turned on its side (what is counted down the rows), with
    places or groups across (a place or a group a column)."""

    transposed: bool
    across: bool  # places across
    groups: bool  # groups across ("Workers | Peasants")


OWN_UNIT = re.compile(
    r"\b(?:persons|people|number|thous(?:and)?s?\.?|millions?|mln)\b|’000|'000", re.IGNORECASE
)


# A column of counts beside one of per cents, under a caption that speaks of both
# ("abs. and per cent"): "abs.", "absolute", "number", "persons"
COUNT_HEADER = re.compile(r"\babs\.|\babsolute\b|\bnumber\b|\bpersons\b|\bpeople\b", re.IGNORECASE)

ITEM_NUMBER = re.compile(r"^\d{1,3}[.)]\s+")  # "1. Raionname": the row's number is not its label


@dataclass
class RowLabel:
    """What a table row's words say: its label, a year, whether it is the total or a row of
    per cents, and (in a table turned on its side) what it counts."""

    text: str | None
    year: int | None
    total: bool
    percent: bool
    subject: str | None


def row_label_of(
    kb: Knowledge, line_row: Row, transposed: bool, above: list[Row] | None = None
) -> RowLabel:
    year = next((y for c in line_row.cells if (y := year_cell(c.clean))), None)
    label = " ".join(w for w in row_label(line_row).split() if not year_cell(w)) or None
    total = bool(label and TOTAL_LABEL.fullmatch(label))
    percent = bool(label and PERCENT_HEADER.search(label.strip(" ()")))
    # A table turned on its side: the columns are populations ("Members", "Candidates",
    # "Total") or years, the rows say what is counted ("Checked", "Expelled").
    subject = column_subject(kb, label) if label and not total else None
    if transposed and total and above:
        # "Members | Candidates | Total" down the side: the total counts what its rows count
        counted = {row_label_of(kb, r, transposed).subject for r in above}
        subject = counted.pop() if len(counted) == 1 else None
    if transposed and above and label and not subject and PART_OF.match(label):
        # "Expelled" then "of them alien elements": a part of the row above
        subject = row_label_of(kb, above[-1], transposed, above[:-1]).subject
    if transposed and label and not subject and not percent:
        subject = "other"  # a row the vocabulary does not know: counted, not expelled
    return RowLabel(label, year, total, percent, subject)


def row_records(
    source: Source,
    kb: Knowledge,
    table: Table,
    line_row: Row,
    ctx: Context,
    default: str | None,
    caption_percent: bool,
    caption: str,
    shape: Shape,
    pairs: dict[int, bool],
) -> Iterator[Record]:
    """A row per figure of one table row: each cell of a column about the party, read by
    its column's conventions, about what its column (or its row) counts; a cell "211
    (4.7%)" gives its count and its share."""
    transposed = shape.transposed
    across = transposed and shape.across
    above = table.rows[: table.rows.index(line_row)] if transposed else None
    label = row_label_of(kb, line_row, transposed, above)
    if transposed and label.text and first(kb, "not_table", label.text):
        return  # a row about something else: "Sittings of the party collegium held …… 44"
    parent = None  # the row a part ("incl. candidates") is of
    if label.text and PART_OF.match(label.text):
        before = reversed(table.rows[: table.rows.index(line_row)])
        parent = next(
            (row_label_of(kb, r, False) for r in before if not PART_OF.match(row_label(r))), None
        )
    row_ctx = label_context(kb, table, label, ctx, parent)
    span = source.span(line_row.block.start, line_row.block.end)
    for column in table.columns:
        cell = cell_at(line_row, column.position)
        if cell is None:
            continue
        if first(kb, "not_table", column.header) or SERIAL.fullmatch(column.header.strip()):
            continue  # delegates, hectares, roubles; row numbers, or a column of years
        bare = bool(PERCENT_HEADER.search(f"{caption} {column.header}"))
        parts = split_share(cell, bare, pairs.get(column.position, False))
        paired = len(parts) == 2 or bool(share_in_brackets(cell))  # "87 / 14.4%", "211 (4.7)"
        for part, share in parts:
            if not part.numeric or part.clean in ABSENT or year_cell(part.clean):
                continue
            percent = (
                share
                or (label.percent and not paired)
                or (bool(PERCENT_HEADER.search(column.header)) and not paired)
                or part.clean.endswith("%")
                or (
                    caption_percent
                    and not column_subject(kb, column.header)
                    and not COUNT_HEADER.search(column.header)
                )
            )
            left = left_subject(kb, table, column)
            subject = cell_subject(kb, column, label, transposed, default, left)
            values = cell_values(part, column, percent, caption)
            if values is None:
                continue
            # A descending pair ("50-19") or a per cent over 100 is what the text says: the
            # bounds guard of etl.extract turns such a row into a warning with its span.
            value, value_max = values
            column_year = header_year(column.header)
            cell_ctx = row_ctx
            if column_year and not label.year:  # a column of a year: "| 1933 | 1934 |"
                cell_ctx = replace(row_ctx, year=column_year, year_end=column_year)
            elif across and not TOTAL_HEADER.search(column.header):  # "| Placename | Othername |"
                cell_ctx = replace(row_ctx, geography=" ".join(column.header.split()))
            group = shape.groups and not TOTAL_HEADER.search(column.header)
            extra: dict = {
                # "| Workers | Peasants |" over "Checked", "Expelled": the column's group
                "category": " ".join(column.header.split())
                if group
                else label_category(kb, table, label, across or shape.groups),
                "population": cell_population(kb, column, subject, transposed),
            }
            if value_max is not None:
                extra.update(value_max=value_max, qualifier="range")
            elif part.approximate:
                extra.update(qualifier="approx")
            fields = row(value, "percent" if percent else "count", subject, cell_ctx, **extra)
            yield Record("expulsion_stats", fields, span, "expulsions.table")


# "211 (4.7%)", or "211 (4.7)" under a caption or header that says per cent: a count and
# its share (a whole number in brackets may be a count of its own).
SHARE = re.compile(
    rf"(?P<count>{NUMBER})[*†‡]?\s*\(\s*(?P<share>{HIGH}(?=\s*%)|\d{{1,3}}[.,]\d{{1,2}}(?=\s*\)))"
    r"\s*%?\s*\)"
)


def share_in_brackets(cell: Cell, bare: bool = True) -> re.Match | None:
    """ "211 (4.7%)"; "211 (4.7)" only if `bare` (the caption or header says per cent)."""
    m = SHARE.fullmatch(cell.text)
    return m if m and (bare or "%" in m[0]) else None


def paired_columns(table: Table) -> dict[int, bool]:
    """Whether each column (by position) writes a count and its share after a stroke or a
    dash in some cell ("312-31%", "87 / 14.4%"): then its "8-14%" is a count and a share."""
    paired = {}
    for column in table.columns:
        cells = [c for r in table.rows if (c := cell_at(r, column.position)) is not None]
        joined = [m for c in cells if (m := count_with_share(c.text)) is not None]
        paired[column.position] = any(m["after"] is not None for m in joined)
    return paired


def split_share(cell: Cell, bare: bool, paired: bool = False) -> list[tuple[Cell, bool]]:
    """A cell and whether it is a share; "211 (4.7%)" is a count and a share, "211 (34.5)"
    without a word of per cents a count and something else in brackets; "8-14%" in a
    column of counts and shares (`paired`) a count and a share."""
    m = SHARE.fullmatch(cell.text)
    if m is None:
        joined = count_with_share(cell.text, paired)  # "87 / 14.4%", "312-31%": with its sign
        if joined is None or joined["after"] is None:
            return [(cell, False)]
        count = Cell(
            joined["count"], cell.start + joined.start("count"), cell.start + joined.end("count")
        )
        share = Cell(
            joined["after"], cell.start + joined.start("after"), cell.start + joined.end("after")
        )
        return [(count, False), (share, True)]
    count = Cell(m["count"], cell.start + m.start("count"), cell.start + m.end("count"))
    share = Cell(m["share"], cell.start + m.start("share"), cell.start + m.end("share"))
    return [(count, False), (share, True)] if share_in_brackets(cell, bare) else [(count, False)]


def left_subject(kb: Knowledge, table: Table, column: Column) -> str | None:
    """What the column before this one counts; a part of the one before it ("Expelled | Of
    them: alien") counts what that one counts."""
    for before in sorted(table.columns, key=lambda c: -c.position):
        if before.position >= column.position:
            continue
        subject = column_subject(kb, before.header)
        if subject is not None or not PART_OF.match(before.header):
            return subject
    return None


def is_place(kb: Knowledge, table: Table, label: str) -> bool:
    """Whether a row label is a place: a region word in it, or a first column of places."""
    regions = "|".join(p.pattern for p, _ in vocabulary(kb, "region"))
    return bool(re.search(regions, label, re.I)) or place_column(table, kb)


def label_context(
    kb: Knowledge, table: Table, label: RowLabel, ctx: Context, parent: RowLabel | None = None
) -> Context:
    """The table's context for one row: the row's year, its operation (a row of years is
    labelled by what happened in it), or its place (a part's, "incl. candidates", is the
    place of the `parent` row it is a part of)."""
    year, year_end = (label.year, label.year) if label.year else (ctx.year, ctx.year_end)
    row_ctx = Context(year, year_end, ctx.geography, ctx.operation, ctx.cited_source)
    if label.year is not None:
        row_ctx.operation = label.text or ctx.operation
    elif label.text and not label.total and not label.percent and is_place(kb, table, label.text):
        part = PART_OF.match(label.text)
        place = label.text[part.end() :].strip(" :,.") if part else label.text
        # "incl. candidates", "of them women", "of them kulaks" under a place's row are a
        # part of its figures; "incl. Placename raion" (a region's word) a place within it
        regions = "|".join(p.pattern for p, _ in vocabulary(kb, "region"))
        if not part or re.search(regions, place, re.IGNORECASE):
            row_ctx.geography = place
        elif parent is not None:
            row_ctx.geography = label_context(kb, table, parent, ctx).geography
    return row_ctx


def label_category(kb: Knowledge, table: Table, label: RowLabel, across: bool) -> str | None:
    """A row label that is neither a year, a total, a per cent nor a place is a category
    ("Passivity", "Alien elements")."""
    if label.year is not None or not label.text or label.total or label.percent:
        return None
    if label.subject not in (None, "other") and across:
        return None  # "Checked", "Expelled" over places: what the row counts, not a group
    return None if is_place(kb, table, label.text) else label.text


# "% of checked", "per cent of members": a share of the column named, so of the one before
# (unless the header names what the share counts: "per cent of those checked expelled")
PERCENT_OF = re.compile(r"\s*\(?(?:%|per\s*cent|percentage|in\s+%)\s+of\b", re.IGNORECASE)
PART_OF = re.compile(r"\s*(?:of (?:them|whom|these)|incl(?:uding|\.)?|among them)\b", re.I)


# "Appeals lodged / % of expelled", "Expelled (% of verified)": the base a column's share is
# of, which is not what the column counts
SHARE_BASE = re.compile(
    r"\s*(?:[/,(]\s*)?(?:%|per\s*cent|share)\s+of\s+[^)/]*\)?\s*$", re.IGNORECASE
)


def cell_subject(
    kb: Knowledge,
    column: Column,
    label: RowLabel,
    transposed: bool,
    default: str | None,
    left: str | None = None,
) -> str:
    """What a cell counts: its column's header, its row's label in a table turned on its
    side, or the caption's ("Members" under a caption "Expelled …": expelled members)."""
    own = SHARE_BASE.sub("", column.header).strip()  # ("Per cent of those checked expelled"
    subject = column_subject(kb, own or column.header)  # is all base and subject in one)
    if PART_OF.match(column.header) and left is not None and subject in (None, "members"):
        subject = left  # "Expelled | of them candidates": a part of the column before
    if left and (
        (subject is None and PERCENT_HEADER.fullmatch(column.header.strip(" ()")))
        or (PERCENT_OF.match(column.header) and subject != "expelled")
    ):
        subject = (
            left  # "Expelled | Per cent", "Expelled | % of checked": the column before's share
        )
    bare = POPULATION.fullmatch(column.header.strip())
    if transposed and (label.subject or label.percent):
        subject = label.subject or default or "expelled"
    elif (subject is None or bare) and default not in (None, "members"):
        subject = default
    if subject is None and default is None and TOTAL_LABEL.fullmatch(column.header.strip()):
        subject = left  # "Members | Candidates | Total": the sum of the columns before
    return subject or default or "expelled"


def cell_values(
    cell: Cell, column: Column, percent: bool, caption: str
) -> tuple[float, float | None] | None:
    """A cell's value (and the top of a range), read by its column's decimal mark and unit;
    a column's own unit ("Expelled (persons)") outranks the caption's ("thousands")."""
    low, high = split_range(cell.clean.rstrip("%").strip())
    try:
        value = read_number(low, column.decimal)
        value_max = read_number(high, column.decimal) if high else None
    except ValueError:
        return None
    if not percent:
        unit = column.header if OWN_UNIT.search(column.header) else f"{column.header} {caption}"
        scale = 1000 if THOUSANDS.search(unit) else 1_000_000 if MILLIONS.search(unit) else 1
        value, value_max = value * scale, (value_max * scale if value_max else None)
    return value, value_max


def cell_population(kb: Knowledge, column: Column, subject: str, transposed: bool) -> str | None:
    """Members or candidates, when the column says which ("Members and candidates": both)."""
    population = first(kb, "population", column.header) if subject != "members" else None
    if transposed and not re.search(r"member|candidate", column.header, re.I):
        population = None  # the "Total" column
    if subject == "members" and re.search(r"candidate", column.header, re.I):
        population = "candidates"
    if re.search(r"member.*candidate|candidate.*member", column.header, re.I):
        population = None
    return population


def place_column(table: Table, kb: Knowledge) -> bool:
    """Whether the table's rows are places: the header of its first column (after a
    column of row numbers) says so."""
    if not table.header or not table.header[0].cells:
        return False
    # the first column, or the second after a column of numbers ("No. | Raion | …")
    labels = [c.header for c in table.columns[:2] if not c.numeric]
    serial = SERIAL.fullmatch(table.header[0].cells[0].clean.strip())
    heads = [c.clean for c in table.header[0].cells[: 2 if serial else 1]] + labels[:1]
    return any(first(kb, "place_header", head) for head in heads if head)


# Prose.

NUMBER_WORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety)"
)
SIMPLE = rf"(?:{NUMERAL}|\b{NUMBER_WORDS}\b)"
RANGE = re.compile(
    rf"(?:\bbetween\s+(?P<low>{SIMPLE})\s+and\s+(?P<high>{SIMPLE})"
    rf"|(?P<low2>{SIMPLE})\s*(?:\bto\b|/|[-–])\s*(?P<high2>{SIMPLE}))"  # "2-3 thousand"
    rf"(?:\s+(?P<mult>million|millions|thousand))?",
    re.IGNORECASE,
)
FIGURE = re.compile(
    rf"(?P<num>{NUMERAL})(?:\s*(?P<mult>million|millions|thousand))?"
    rf"|(?P<andhalf>\b{NUMBER_WORDS}\s+and\s+a\s+half\s+(?P<halfmult>thousand|million)\b)"
    rf"|(?P<frac>\b(?:one|a|two|three|four)[- ]"
    rf"(?:half|thirds?|fourths?|quarters?|fifths?|sixths?|eighths?|tenths?)\b"
    rf"(?!\s+(?:thousand|million|hundred)))"
    # "half of the members", not "the first half of 1937" (a part of a year)
    rf"|(?P<half>(?<!first )(?<!second )\bhalf\b(?= of| the| were| was| had)"
    rf"(?! of (?:the )?(?:year|month|decade|century|19\d\d)))"
    rf"|(?P<onein>\bone (?:in|out of) (?:{NUMBER_WORDS}|\d+)\b)"
    rf"|(?P<every>\bevery (?:third|fourth|fifth|sixth|eighth|tenth)\b)"  # "every fifth expelled"
    # "twenty-nine", "three hundred and fifty-nine"
    rf"|(?P<words>\b{NUMBER_WORDS}(?:[- ](?:{NUMBER_WORDS}|hundred|thousand)"
    rf"|(?<=hundred) and {NUMBER_WORDS})*\b)"
    r"|(?P<aword>\ba\s+(?:hundred|thousand)\b)",  # "over a thousand communists"
    re.IGNORECASE,
)
# Searched in every sentence: led (etl/lang/led.py), the same matches found faster.
YEAR, DECADE, RANGE, FIGURE = led(YEAR), led(DECADE), led(RANGE), led(FIGURE)


Figure = tuple[re.Match, float, float | None]  # (match, value, value_max)
# A number under a hundred in words is a count only as the subject of an expulsion's verb:
# "nine were expelled", "twelve of them were readmitted" (not "two sons", "three weeks").
SMALL_COUNT = re.compile(
    r"(?:-odd)?\s+(?:of\s+(?:them|these|whom|the\s+expelled)\s+)?"  # "forty-odd"
    r"(?:(?:persons|people|members|communists|candidates)\s+)?"
    r"(?:(?:were|was|had\s+been|have\s+been)\s+(?:\w+\s+)?"
    r"(?:expelled|excluded|purged|readmitted|reinstated)\b"
    # "Forty-two of the expelled lodged appeals"
    r"|(?:lodged|filed|submitted)\s+(?:appeals?|complaints?)\b|appealed\b"
    r"|expelled\s+(?:out\s+of|of)\b)",  # "eleven expelled out of seventy-five"
    re.IGNORECASE,
)
# … or as the object of one: "documents were refused to forty-seven persons"
SMALL_COUNT_BEFORE = re.compile(
    r"\b(?:refused|withheld|denied)\s+(?:to|from)\s+$|\bexpelled\s+out\s+of\s+$"
    r"|\b(?:expelled|checked|verified|reinstated)"
    r"\s+(?:only\s+)?$",
    re.IGNORECASE,
)


def figures(text: str, sentence: Block, kb: Knowledge) -> Iterator[Figure]:
    """(match, value, value_max) of each figure in a sentence that is not a year, a
    footnote, a date or a quantity of something else; ranges ("between two and three",
    "ten to twenty thousand", "two/three") give both ends."""
    taken = [d.span for d in find_dates(text, kb, sentence.start, sentence.end)]
    found = list(ranges(text, sentence, kb, taken))
    taken += [f[0].span() for f in found]
    for m in FIGURE.finditer(text, sentence.start, sentence.end):
        if any(a <= m.start() < b for a, b in taken) or not_a_figure(text, sentence, m, kb):
            continue
        tail = text[m.end() : min(sentence.end, m.end() + 30)]
        percent = bool(PERCENT.match(tail)) or percent_label(text, sentence, m)
        percent = percent or changed_percent(text, m.start(), m.end(), sentence)
        value = figure_value(m, kb, percent)
        if (
            value is None
            and m["words"]
            and (
                SMALL_COUNT.match(text, m.end(), sentence.end)
                or SMALL_COUNT_BEFORE.search(text, max(sentence.start, m.start() - 30), m.start())
            )
        ):
            small = parse_count(m["words"].lower(), kb) or 0
            value = float(small) if small > 1 else None  # "nine were expelled", not "each one"
        if value is not None:
            found.append((m, value, None))
    return iter(sorted(found, key=lambda f: f[0].start()))


def figure_label(text: str, sentence: Block, m: re.Match) -> str | None:
    """The label a figure ends the line of, as a one-line table writes it ("Cards not
    issued: 1 198", "Per cent of cards issued: 90,3"), or that it follows in a list of
    labelled figures ("…: on the register 2 114, cards issued 2 018, not issued 96 (4.5%)"),
    or None."""
    tail = text[m.end() : min(sentence.end, m.end() + 3)]
    if re.fullmatch(r"[\s.;]*", tail):
        label = LABEL.search(text, sentence.start, m.start())
        if label:
            return label[1]
    if not re.match(r"\s*(?:[,;.]|\(|$)", tail):
        return None
    item = ITEM_LABEL.search(text, sentence.start, m.start())
    items = ITEM_LABEL_FIGURE.findall(text, sentence.start, sentence.end)
    return item[1] if item and len(items) >= 2 else None


def percent_label(text: str, sentence: Block, m: re.Match) -> bool:
    label = figure_label(text, sentence, m)
    return bool(label and PERCENT_HEADER.search(label))


def ranges(text: str, sentence: Block, kb: Knowledge, taken: list) -> Iterator[Figure]:
    """ "between 400 and 500", "ten to twenty thousand": both ends, the lower first."""
    for m in RANGE.finditer(text, sentence.start, sentence.end):
        if any(a <= m.start() < b for a, b in taken):
            continue
        tail = text[m.end() : min(sentence.end, m.end() + NOT_STAT_REACH)]
        before = text[max(sentence.start, m.start() - NOT_STAT_REACH) : m.start()]
        if first(kb, "not_stat", tail, "start") or first(kb, "not_stat_before", before):
            taken.append(m.span())  # "aged between 23 and 30": neither end is a count
            continue
        if CHANGED_FROM.search(before):
            continue  # "grew from 8 114 to 8 902 members": two counts, not a range
        percent = bool(PERCENT.match(tail))
        low = _value(m["low"] or m["low2"], kb, percent)
        high = _value(m["high"] or m["high2"], kb, percent)
        if low is None or high is None or high <= low or YEAR.fullmatch(m["low"] or m["low2"]):
            continue
        yield m, with_multiplier(low, m["mult"]), with_multiplier(high, m["mult"])


CHANGED_FROM = re.compile(
    r"\b(?:grew|grown|growing|rose|risen|rising|fell|fallen|falling|increased|decreased"
    r"|declined|declining|shrank|shrunk|dropped|dropping|went\s+(?:up|down)|gone\s+(?:up|down)"
    r"|changed|reduced|cut)(?:\s+(?:in|during|over)\s+[^,;.\d]{1,30}?)?\s+from\s+$",
    re.IGNORECASE,
)
# "fallen from 31.7 to 25.6 per cent": the figure changed from is a per cent like the other
TO_PERCENT = re.compile(r"\s*to\s+\d[\d.,]*\s*(?:per\s*cent|%)", re.IGNORECASE)


def changed_percent(text: str, start: int, end: int, sentence: Block) -> bool:
    """Whether text[start:end] is the figure a change starts from, and the figure it
    changes to is a per cent."""
    head = text[max(sentence.start, start - 30) : start]
    return bool(CHANGED_FROM.search(head) and TO_PERCENT.match(text, end, sentence.end))


ROMAN_DATE = re.compile(r"\b\d{1,2}\.[IVX]{1,4}\.\d{2,4}\b")  # "1.I.33", "12.X.1937"


def in_roman_date(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a part of a date with its month in Roman numerals."""
    return any(
        d.start() <= start and end <= d.end()
        for d in ROMAN_DATE.finditer(text, max(0, start - 6), min(len(text), end + 6))
    )


ITEM_MARK = re.compile(r"\.[ \t]+[a-z]")  # "1. to complete the examination …" opens a line
# The words after and before a number that may say it counts no party members ("312
# students were expelled from the institute", "the Komsomol organisation expelled 312")
NOT_STAT_REACH = 80  # characters: "45 students were expelled from the institute and from the party"


# "6 (six) years", "10 (ten) thousand": a figure's own number written out after it, as
# Soviet documents wrote terms and sums; what follows the gloss says what the figure counts
WRITTEN_GLOSS = re.compile(rf"\s*\({NUMBER_WORDS}[a-z -]{{0,30}}\)", re.IGNORECASE)


def not_a_figure(text: str, sentence: Block, m: re.Match, kb: Knowledge) -> bool:
    """A footnote marker, digits in a word, an enumeration or item number, the second part
    of "1929-32" or "Article 58-10", or a quantity of something else (years, roubles)."""
    before, after = text[max(0, m.start() - 1) : m.start()], text[m.end() : m.end() + 1]
    tail = text[m.end() : min(sentence.end, m.end() + NOT_STAT_REACH)]
    tail = tail[gloss.end() :] if (gloss := WRITTEN_GLOSS.match(tail)) else tail
    lead = text[max(sentence.start, m.start() - NOT_STAT_REACH) : m.start()]
    return (
        before == "["
        or after == "]"
        or before.isalpha()
        or (after.isalpha() and bool(m["num"]))
        or (before == "(" and after == ")" and len(m[0]) <= 2)  # "(1) Bolshevik-Leninists; (2) …"
        or (before == "-" and text[max(0, m.start() - 2) : m.start() - 1].isdigit())
        or (after == ")" and m.start() == sentence.start)  # "2) Including those expelled …"
        or (bool(ITEM_MARK.match(text, m.end())) and m.start() == sentence.start)  # "1. to …"
        or bool(first(kb, "not_stat", tail, "start"))
        or bool(first(kb, "not_stat_before", lead))
        or bool(re.match(r"\s*-?ies\b|-\d", tail))
        or in_roman_date(text, m.start(), m.end())
        or bool(m["num"] and YEAR.fullmatch(m["num"]) and not m["mult"])
    )


def figure_value(m: re.Match, kb: Knowledge, percent: bool) -> float | None:
    """The value of one figure, however it is written: digits with a multiplier, "four and
    a half thousand", "one in eight", "half", "a third", number words."""
    if m["num"]:
        value = _value(m["num"], kb, percent)
        if m["mult"] and re.fullmatch(r"\d+[.,]\d+", m["num"]):
            value = float(m["num"].replace(",", "."))  # "1.234 thousand": a decimal
        return with_multiplier(value, m["mult"]) if value is not None else None
    if m["andhalf"]:
        whole = parse_count(m["andhalf"].split()[0].lower(), kb)
        return with_multiplier(whole + 0.5, m["halfmult"]) if whole else None
    if m["onein"]:
        every = parse_count(m["onein"].split()[-1].lower(), kb)
        return 100 / every if every and every > 1 else None
    if m["every"]:
        return FRACTIONS[m["every"].split()[-1].lower()]
    if m["half"]:
        return 50.0
    if m["frac"]:  # "a third", "two-thirds", "three-fifths": the parts of a hundred
        number, part = re.split(r"[- ]", m["frac"].lower())
        parts = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}[number]
        return FRACTIONS[part if part in FRACTIONS else part.rstrip("s")] * parts
    if m["aword"]:
        return float(parse_count("one " + m["aword"].split()[-1].lower(), kb) or 0) or None
    value = parse_count(m["words"].lower(), kb)
    return float(value) if value and (percent or value >= 100) else None


def _value(token: str, kb: Knowledge, percent: bool) -> float | None:
    try:
        return parse_number(token, percent=percent)
    except ValueError:
        count = parse_count(token, kb)
        return float(count) if count is not None else None


def _topic(kb: Knowledge) -> re.Pattern:
    return compile_led("|".join(p.pattern for p, _ in vocabulary(kb, "topic")), re.IGNORECASE)


def prose_records(source: Source, kb: Knowledge, notes_table: dict[int, str]) -> Iterator[Record]:
    text = source.text
    flat = text.replace("\n", " ")  # the rules read phrases across a text's line breaks
    topic = kb.derived("stats_topic", _topic)
    heading_year: int | None = None
    carried = Context()
    on_topic, last_end = False, -2
    listing = False  # the lines run on under "… are divided by reason as follows:"
    heading_topic = False  # the last heading is about the party's figures
    for line in paragraphs(text):
        on_topic = on_topic and line.start == last_end + 1  # the list runs on, line by line
        last_end = line.end
        if is_heading(text, line) and not SENTENCE_LINE.fullmatch(text[line.start : line.end]):
            years = [int(y) for y in YEAR.findall(text[line.start : line.end]) if covered(int(y))]
            heading_year = years[0] if years else heading_year
            # "I. VERIFICATION OF PARTY DOCUMENTS": its clipped lines ("Checked - 12 406")
            # are on its topic whatever words they keep
            # (a later section's heading keeps the document's topic unless it names another)
            heading_topic = bool(topic.search(text, line.start, line.end)) or (
                heading_topic and not first(kb, "not_table", text[line.start : line.end])
            )
            carried = Context(year=heading_year, year_end=heading_year)
            continue
        dated = [d for d in find_dates(text, kb, line.start, line.end) if len(d.start) > 4]
        dated = [d for d in dated if covered(int(d.start[:4]))]
        paragraph = Context(
            year=int(dated[0].start[:4]) if dated else carried.year,
            year_end=int(dated[0].start[:4]) if dated else carried.year_end,
        )
        topic_ctx: Context | None = None
        for sentence in sentences(text, line.start, line.end, across_lines=True, kb=kb):
            passage = text[sentence.start : sentence.end]
            item = listing and on_topic and bool(DASH_ITEM.fullmatch(passage))
            continues = on_topic and (
                re.match(r"(?:among (?:these|them)|of these)\b", passage, re.I)
                or LABELLED_LINE.fullmatch(passage)  # the next line of a summary's list
                or item  # "for passivity – 164;" under its breakdown's heading
            )
            continues = continues or (
                heading_topic
                and bool(CLIPPED_FIGURE.search(passage))
                and not first(kb, "not_table", passage)  # "Sown - 12 300 ha", "Budget - …"
                and not OTHER_LABEL.search(passage)
            )
            on_topic = bool(
                may_search(topic, text, sentence.start, sentence.end, kb) and topic.search(passage)
            ) or bool(continues)
            ctx = context_of(text, sentence.start, sentence.end, kb, paragraph)
            if (
                on_topic
                and first(kb, "other_body", passage)
                and not first(kb, "party_named", passage)
            ):
                on_topic = False  # the Komsomol's figures, or a trade union's
            if len(passage) > 1500 or not on_topic:
                paragraph = Context(ctx.year, ctx.year_end, ctx.geography, ctx.operation)
                continue
            ctx.cited_source = cited(
                text, sentence.start, min(len(text), sentence.end + 6), notes_table
            )
            yield from sentence_records(source, kb, sentence, ctx, flat, item)
            heading = BREAKDOWN.search(passage)
            listing = item or bool(heading and passage.rstrip().endswith(":"))
            paragraph = Context(ctx.year, ctx.year_end, ctx.geography, ctx.operation)
            topic_ctx = paragraph
        if topic_ctx is not None:
            # The next paragraph inherits the year of this one's figures, not a year an
            # aside mentions ("their reactionary policy in 1917"); a place is not carried.
            carried = Context(topic_ctx.year, topic_ctx.year_end)


# A clause without its verb, a place or group and its count: "The number of expelled in the
# city reached 486; in the rural raions – 718", "… expelled 58 members, of the depot 23": the
# count of the clause before.
# Between a per cent and the count it comes to, in apposition: "… were expelled in 1933,
# about 800,000 people", "12 per cent, that is 214 members"
SHARE_AS_COUNT = re.compile(
    r"[^.;]{0,80}?,\s*(?:(?:that is|i\.\s?e\.|or|about|some|roughly|approximately|nearly"
    r"|almost|over|more than)\s+)*"
)
ELLIPTIC = re.compile(
    r"(?:;\s*(?:in|for|at|among|of)\s+[^;:,.\d]{1,60}?\s*[–—-]\s*"
    # "… expelled 58 members, of the tram depot 23, of the institute 17"
    r"|,\s*(?:and\s+)?(?:in|at|of)\s+the\s+[^;:,.\d]{1,50}?\s+"
    # "… 712 were expelled; for violations of party discipline …, 521; for religious rites 211"
    r"|;\s*for\s+[^;:.\d]{1,200}?(?:,\s*|\s+))$"
)


# "21,412 members and 6,305 candidates, against 28,117 and 9,876", "N members and
# candidates instead of the M it had had": the figures compared
COMPARED = re.compile(
    r"\s*(?:(?:members|candidates|communists|persons|people)(?:\s+and\s+candidates)?)?\s*,?\s*"
    r"(?:as\s+)?(?:against|compared with|instead of)\s+(?:the\s+)?"
)
# Between two figures of one series: years, brackets and little words ("in 1905, … by 1907 (").
LIST_GAP = re.compile(
    r"(?:[\s,;()]|\b(?:in|by|and|or|to|from|on|at|the|of|for|as|against|compared with|\d{1,4}"
    r"|January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b)*"
)


# A count followed by its reason, in a breakdown of the expelled: "N for passivity",
# "N as Trotskyists", "some N persons, for moral corruption", "N of them as kulaks".
REASON = re.compile(
    r"\s*(?:of (?:them|these|whom)\s+)?(?:(?:persons|people|members|communists|candidates)"
    r"\s*,?\s*)?(?:as|for|because of|owing to|on account of)\s+(?P<reason>[^;,.]+)",
    re.IGNORECASE,
)


# A line alone that is a sentence, not a heading: six words or more, a small word among
# them, ending with its full stop ("In 1935 the raikom expelled 239 communists.").
SENTENCE_LINE = re.compile(r"\s*(?=.*\b[a-z]{2,}\b)(?:\S+\s+){5,}\S*[a-z\d)\"”'’][.!?]\s*")


# Where a breakdown of a count begins: "among them:", "the N expelled are divided thus:",
# "The expelled included 61 Trotskyists, 44 …";
# the items after it count what the count before it counts ("expelled" after "among them").
# A svodka's clipped label and its figure: "Checked - 12 406 (98,1%)", "mem. - 11 208"
CLIPPED_FIGURE = re.compile(
    r"[\w.)]\s+[-–—]\s+\d"
    r"|^[A-Z][^:;.]{1,40}:\s*[a-z][a-z/.]*(?:\s+[a-z/.]+)*\s+\d"  # "Placename: p/c issued 917;"
)
# … whose label counts no persons of the party ("Kolkhozes - 45", "Primary organisations - 61")
OTHER_LABEL = re.compile(
    r"\b(?:kolkhoz\w*|sovkhoz\w*|MTS|organi[sz]ations|cells|PPO|schools?|villages)\s*[-–—:]",
    re.IGNORECASE,
)
# A line of a breakdown under its heading: "for passivity and drunkenness – 164;"
_ITEM = r"[A-Za-z(][^:;]{2,160}?\s[–—-]\s*\d[\d\s.,\u00a0]*"
DASH_ITEM = re.compile(rf"{_ITEM}(?:;\s*{_ITEM})*[;.]?")
BREAKDOWN = re.compile(
    r"\b(?:among (?:these|them)(?: (?:are|were))?\s*:"
    r"|(?P<of>(?:(?:are|were) (?:divided|distributed|broken down|classified)"
    r"|(?:divide|break down|fall|are distributed)\s+(?:as follows|thus|so|into)\b)[^:;.]{0,50})\s*:"
    r"|(?P<included>(?:the|those) expelled (?:included|comprised|consisted of))\b"
    # "Excl., by grounds:", "expelled by reason of expulsion:"
    r"|\b(?:excl\.|expelled|expulsions?)[^:;]{0,40}\bby\s+(?:grounds|reasons?|categor\w+|causes?)"
    r"\s*:)",
    re.IGNORECASE,
)


SHARED_VERB = re.compile(
    r"\s*(?:members|communists|(?:party\s+)?cards)\s+and\s+\d[\d,.\u00a0 ]*"
    r"(?=\s+candidates\b|\s+candidate\s+cards\b)"  # "1 212 party cards and 340 candidate cards"
)


HEAD_REACH = 300  # characters before a figure where what it counts may be said: "Among
# the expelled were 38 kulaks …, 9 former whiteguards …, 12 swindlers …, 14 Trotskyists"


def subject_of(kb: Knowledge, head: str, after: str, passage: str, previous: str | None) -> str:
    """What a count counts: the words after it ("were expelled", "party cards were
    issued"), else those before it ("out of", "the expulsion of"); a bare "1,204
    candidates" after "3,576 members … were expelled" shares its verb."""
    own = first(kb, "subject", after, "start")
    if previous and re.search(r"\bof (?:whom|them|these)\s*$", head) and own in (None, "members"):
        # "2.3 thousand were expelled, of whom 0.4 thousand were candidates"; but "97 were
        # refused cards, of whom 41 were expelled": a verb of its own says what it counts
        return previous
    if (
        previous
        and FURTHER.search(head)
        and own is None
        and not first(kb, "outcome", after[:60], "start")
    ):
        return previous  # "N … in 1935 and of a further M in 1936": more of the same count
    if previous == "expelled" and REASON.match(after) and not first(kb, "subject", after, "start"):
        return "expelled"  # "…, N for passivity, M for concealing their origin"
    shared = SHARED_VERB.match(after)
    if shared:  # "1,342 members and 517 candidates were checked": the verb is both counts'
        after = after[shared.end() :]
    after_subject = first(kb, "subject", after, "start")
    if after_subject == "members" and (
        first(kb, "outcome", after[:60], "start") or first(kb, "outcome_before", head[-60:])
    ):
        # "146 members were transferred to candidates", "withheld from 17 communists"
        return "other"
    explicit = after_subject not in (None, "members") and not first(kb, "reinstated", after[:40])
    if first(kb, "reinstated", passage) and not explicit:
        return "other"  # "410 readmitted on appeal", in a passage about readmission
    if after_subject and after_subject != "members":
        return after_subject
    before = first(kb, "subject_before", head[-HEAD_REACH:])
    base_of = re.search(r"(?:out of|of the)\s+(?:the\s+)?$", head)
    if base_of and re.match(r"\s*[a-z]", after) and not after_subject:
        before = None  # "154 out of 186 division generals": the base of something else
    if before:
        return before
    if (
        after_subject == "members"
        and previous == "expelled"
        and re.match(r"\s*(?:members|candidates)\b", after)
    ):
        return "expelled"
    return after_subject or "other"


FURTHER = re.compile(r"\b(?:a\s+further|another)\s+$")  # "… and of a further 1,012"

# "The percentage of expelled … was 18.4": the share named before its figure.
SHARE_SAID = re.compile(
    r"\b(?:percentage|per\s?cent(?:age)?|proportion)\s+of\s+[^.;\d]{0,80}?"
    r"\b(?:was|were|is|amounted to|reached|stood at|came to)\s+(?:some\s+|about\s+)?$",
    re.IGNORECASE,
)
LABEL = re.compile(r"([A-Za-z][^:;.()]{2,80}):\s*$")  # "New party cards issued: "
# "…: on the register 2 114, cards issued 2 018, …": words after a comma, colon or
# semicolon, then a figure that ends its item
# (clipped words too: "; mem. - 11 208; cand. - 1 432; total - 12 640")
ITEM_LABEL = re.compile(r"[,:;]\s*([a-z][a-z. ]{2,40}?)(?:\s+[–—-])?\s+$")  # "; postponed – 911"
ITEM_LABEL_FIGURE = re.compile(
    r"[,:;]\s*[a-z][a-z. ]{2,40}?(?:\s+[–—-])?\s+\d[\d\s\u00a0]*(?=[,;.(]|$)"
)
# "Cards not issued: 1 198": a line of a summary's list of labelled figures
LABELLED_LINE = re.compile(r"[A-Za-z][^:;.()]{2,80}:\s*[\d\s.,\u00a0]+")

# The year a figure itself gives: "1,234 in 1925", "5,678 members by 1927".
FIGURE_YEAR = re.compile(r"\s*(?:per\s?cent\s+|%\s*)?(?:\w+\s+)?(?:in|by|for|of)\s+(19\d\d)\b")


# A share written right after its count: "…, or N per cent", "… (N%)".
APPENDED = re.compile(
    r"(?:,\s*(?:or|i\.e\.,?|that is,?)\s*(?:some|about|nearly|almost|roughly)?\s*"
    r"|\d\s*(?:persons|people|members)?\s*\(\s*)$"
)
APPENDED_WITHIN = 100  # characters from the end of its count


def words_after(tail: str) -> str:
    """The words after a figure that say what it counts, without the share, the bracket or
    the ", or N per cent" written beside it: "312 (13.6 per cent) were expelled", "286, or
    8.4 per cent, were expelled", "N persons (P%) were expelled", "N members, or P per
    cent of those checked, were expelled", "N people – were expelled"."""
    after = re.sub(r"^\s*(?:per\s?cent|percent|%)\s*", "", tail)
    after = re.sub(r"\s*\([^()]{0,40}\)", "", after[:160])
    # "412 members, or 5.1 per cent of those checked, were expelled": the share and what it
    # is of stand between the count's noun and its verb
    after = re.sub(
        r"^((?:\s*[a-z]+){0,3})\s*,\s*(?:or|i\.e\.,?|that is,?)?"
        r"\s*(?:(?:some|about|nearly|almost|roughly|over)\s+)?[\d.,]+\s*(?:per\s?cent|%)"
        r"(?:\s+of\s+[^,;.()]{1,80}?,|,?)",
        r"\1",
        after,
    )
    # "about a third – N people – were expelled": a count between dashes, then its verb
    after = re.sub(r"^((?:\s*[a-z]+){0,2})\s*[–—-]\s+(?=(?:were|was|had|have)\b)", r"\1 ", after)
    return after[:80]


def percent_subject(kb: Knowledge, passage: str, previous: str | None, appended: bool) -> str:
    """What a share is of: the sentence's only count when written right after it, else
    what the passage is about."""
    if previous and appended:
        return previous  # "checked N, or P per cent", "N (P%) were"
    if first(kb, "reinstated", passage):
        return "other"
    if re.search(r"accusation", passage, re.I) and not re.search(r"expel|expuls", passage, re.I):
        return "accusations"
    if re.search(
        r"expel|expuls|purge|ejected|removed|cleans|lost (?:their|his|her) (?:party )?cards",
        passage,
        re.I,
    ):
        return "expelled"
    return "members"  # "62% of the members were industrial workers"


def percent_category(after: str) -> str | None:
    """The group a share is of, named right after it: "41.5 per cent passive elements"."""
    words = re.match(r"\s*([a-z][a-z/-]+(?: [a-z/-]+){0,2}?)(?=,|\s+and\b|\.)", after)
    if words and not re.match(r"(?:of|were|was|had|in|from|to|expelled|related)\b", words[1]):
        return words[1].strip()
    return None


def sentence_records(
    source: Source, kb: Knowledge, sentence: Block, ctx: Context, flat: str, item: bool = False
) -> Iterator[Record]:
    """The figures of one sentence; `flat` is the text with its line breaks as spaces; an
    `item` is a line of a breakdown whose heading stood above ("for passivity – 164;")."""
    passage = flat[sentence.start : sentence.end]
    estimate = first(kb, "estimate", passage)
    breakdown = BREAKDOWN.search(passage)
    previous: str | None = None
    previous_end = counts = 0
    share: tuple[str, int] | None = None  # the last per cent's subject and where it ends
    kept_outcome = False
    for m, value, value_max in figures(flat, sentence, kb):
        tail = flat[m.end() : sentence.end]
        head = flat[sentence.start : m.start()]
        groups = m.groupdict()
        unglossed = tail[gloss.end() :] if (gloss := WRITTEN_GLOSS.match(tail)) else tail
        percent = bool(PERCENT.match(unglossed)) or any(
            groups.get(g) for g in ("frac", "onein", "every", "half")
        )
        # "Cards not issued: 1 198", "Per cent of cards issued: 90,3": a label and its figure,
        # a table's header and cell written on one line
        label = figure_label(flat, sentence, m)
        if label and first(kb, "not_stat", label):
            continue  # "Members of the raion committee elected: 45": not of the party
        labelled = column_subject(kb, label) if label else None
        percent = percent or percent_label(flat, sentence, m) or bool(SHARE_SAID.search(head))
        percent = percent or changed_percent(flat, m.start(), m.end(), sentence)
        measure = "percent" if percent else "count"
        hedge = first(kb, "qualifier", head[-30:], "end")  # "about", "more than"
        qualifier = "range" if value_max is not None else (hedge or "exact")
        qualifier = "estimate" if estimate else qualifier
        after = words_after(tail)
        category = None
        kept = bracketed = False  # the next of a series of outcomes; a share of its count
        in_breakdown = item or bool(
            breakdown
            and breakdown.end() <= m.start() - sentence.start
            and not (
                breakdown["included"]
                and ";" in passage[breakdown.end() : m.start() - sentence.start]
            )
        )  # a list after "included" ends at its clause's end (one after a colon runs on)
        if in_breakdown and measure == "count":
            # "among them: N kulaks, …", "… are divided thus: as aliens – N; for passivity – M"
            label = re.search(r"(?:^|[:;])\s*([^:;]+?)\s*[–—-]\s*$", head)
            words = label or re.match(r"\s*([^;,.]+)", tail)
            subject = (breakdown and breakdown["of"] and previous) or "expelled"
            category = " ".join(words[1].split()) if words else None
        elif measure == "percent":
            appended = bool(APPENDED.search(head)) and m.start() - previous_end < APPENDED_WITHIN
            # "not issued 96 (4.5%)": a share in brackets right after its count is of it
            bracketed = bool(re.search(r"\d\s*\(\s*$", head)) and m.start() - previous_end < 4
            subject = percent_subject(
                kb, passage, previous, (appended and counts == 1) or bracketed
            )
            subject = labelled or subject
            category = percent_category(after)
        else:
            subject = subject_of(kb, head, after, passage, previous)
            # "Exchanged: members – 21 980, candidates – 5 410": a label that names a
            # population ("members") leaves the count what the heading word says it is
            if not (
                labelled == "members" and POPULATION.fullmatch(label or "") and subject != "other"
            ):
                subject = labelled or subject
            gap = flat[previous_end : m.start()]
            series = bool(
                previous and previous_end and (LIST_GAP.fullmatch(gap) or COMPARED.fullmatch(gap))
            )
            kept = kept_outcome and bool(re.search(r"(?:,|\band)\s*$", gap)) and ";" not in gap
            # (the figure ends its clause: not "…, of the remaining 1 204 only 96 were …")
            elliptic = bool(
                previous and ELLIPTIC.search(head) and re.match(r"\s*(?:[,;.(]|$)", tail)
            )
            # "mem. - 11 208; cand. - 1 432; total - 12 640": the total of the counts before
            total = bool(label and TOTAL_LABEL.fullmatch(label.strip()))
            if subject == "other" and (series or elliptic or total):
                # "1,234 in 1925, 2,345 in 1926 and 3,456 by 1927"; "…; in the rural raions – 718"
                subject = previous
            if (
                subject == "other"
                and share
                and SHARE_AS_COUNT.fullmatch(flat[share[1] : m.start()])
            ):
                subject = share[0]  # "18 per cent of the members were expelled, about 800,000"
        words = after[:30] if measure == "count" else head[-60:]
        if measure == "count" and (shared := SHARED_VERB.match(after)):
            words = after[: shared.end()].split(" and ")[0]  # "N members and M candidates"
        population = first(kb, "population", words)
        if subject == "members" or population not in ("members", "candidates"):
            population = None
        outcome = bool(first(kb, "outcome", after[:60], "start")) or bool(
            first(kb, "outcome_before", head[-60:])
        )
        said = labelled or first(kb, "reinstated", passage) or outcome or kept or bracketed
        if subject == "other" and not said:
            continue  # a number about something else (schools, libraries)
        if measure == "percent" and max(value, value_max or 0) > 100:
            continue  # not a share: a misread number
        if measure == "percent":
            share = (subject, m.end())
        if measure == "count":
            previous, previous_end, counts = subject, m.end(), counts + 1
            # "N were transferred to candidates and M to sympathisers": the next of a series
            # of outcomes is kept as its first is
            kept_outcome = subject == "other"
        own_year = FIGURE_YEAR.match(tail)
        figure_ctx = ctx
        if own_year and covered(int(own_year[1])):
            year = int(own_year[1])
            figure_ctx = Context(year, year, ctx.geography, ctx.operation, ctx.cited_source)
        fields = row(
            value,
            measure,
            subject,
            figure_ctx,
            value_max=value_max,
            qualifier=qualifier,
            population=population,
            category=category,
        )
        rule = "expulsions.breakdown" if category and measure == "count" else "expulsions.prose"
        yield Record("expulsion_stats", fields, source.span(sentence.start, sentence.end), rule)


def extract(source: Source, kb: Knowledge) -> Iterator[Record]:
    notes_table = notes(source.text)
    tables = find_tables(source.text)
    read = list(table_records(source, kb, tables, notes_table))
    yield from read
    table_lines = {(r.block.start, r.block.end) for t in tables for r in t.rows}
    # the lines a table's figures were read from: no prose reading of them besides
    rows_read = sorted({(r.span.char_start, r.span.char_end) for r in read})
    for record in prose_records(source, kb, notes_table):
        span = (record.span.char_start, record.span.char_end)
        at = bisect.bisect_right(rows_read, (span[0], 1 << 62)) - 1
        within = at >= 0 and rows_read[at][0] <= span[0] and span[1] <= rows_read[at][1]
        if span not in table_lines and not within:
            yield record
