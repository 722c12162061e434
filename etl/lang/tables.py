"""Tables in plain text, in every shape texts and their conversions give them.

Pipe and Markdown tables (`| a | b |`, with or without outer pipes, with a
`|---|` rule), grid tables (`+----+` borders), tab-separated columns and
columns aligned with runs of spaces or no-break spaces (rows may stand apart
by blank lines). A table is a run of such lines with at least one row of
figures; its header is the rows of words on top (or the short line above),
its caption the lines above that. Columns are numbered from the right, since
aligned tables lose their empty cells on the left.

How a column writes its numbers is decided per column, from all its cells
(`read_columns`): "12 345" groups thousands with a space, "45,6" beside
"12,0" is a decimal comma, "1,234" beside "5,678" groups thousands; a unit
("in thousands") in the header or caption multiplies. Pure functions of the
text: no file access, no pandas.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from etl.lang.text import Block, lines

RULE = re.compile(r"^\s*[|+]?(?:\s*:?[-=]{3,}:?\s*[|+])*\s*:?[-=]{3,}:?\s*[|+]?\s*$")
# Aligned columns: two spaces or more, tabs, no-break spaces, or a leader of dots
# ("workers from the bench ........ 214"; three dots are an empty cell, not a leader).
SPACE_SPLIT = re.compile(
    r"[ \u00a0]?(?:\.{4,}|…{2,})[ \u00a0]*|[ \u00a0]{2,}|\t+| ?\u00a0 ?\u00a0[ \u00a0]*"
)
# notes ("[3]", "412*", "204a"), brackets, bold
MARKS = re.compile(r"\[\d+\]|[*†‡¹²³⁴⁵⁶⁷⁸⁹⁰]+$|(?<=\d)[a-e]$|(?<=\d)\)$|^\*\*|^__|__$")
PER_CENT = re.compile(r"(?<=\d)\s*per\s?cent$", re.IGNORECASE)
BRACKETED = re.compile(r"\((.*)\)")  # a whole cell in brackets: "(4.7)", not "Placename (city)"
# "c. N 000", "ca. N", "~N", "about N": an approximate figure in a cell.
APPROX = re.compile(r"^(?:c\.|ca\.|circa|approx\.|about|~|≈)\s*", re.IGNORECASE)
# Thousands grouped by a space, a no-break or thin space, a dot, a comma or an apostrophe.
GROUPED = r"\d{1,3}(?:(?P<g>[ \u00a0\u2009\u202f.,’'])\d{3})(?:(?P=g)\d{3})*"
NUMBER = rf"(?:{GROUPED}|\d+)(?:[.,]\d+)?"
HIGH = NUMBER.replace("?P<g>", "?P<g2>").replace("?P=g", "?P=g2")
NUMERIC = re.compile(rf"(?P<low>{NUMBER})(?:\s*[-–]\s*(?P<high>{HIGH}))?\s*%?")
# A count with its share: in brackets, "214 (12,1%)" (a note's mark may stand between,
# "1 016* (10,8%)"), or after a stroke or a dash with its per cent sign, "87 / 14.4%",
# "312-31%" (a dash between a count and a smaller per cent is no range: "20-25%" is one)
AFTER = HIGH.replace("?P<g2>", "?P<g3>").replace("?P=g2", "?P=g3")  # a third number's groups
COUNT_WITH_SHARE = re.compile(
    rf"(?P<count>{NUMBER})[*†‡]?\s*(?:\(\s*(?P<share>{HIGH})\s*%?\s*\)"
    rf"|(?P<mark>[/–-])\s*(?P<after>{AFTER})\s*%)"
)


def count_with_share(text: str, paired: bool = False) -> re.Match | None:
    """A cell's count and its share ("214 (12,1%)", "87 / 14.4%", "312-31%"), or None; a
    dash before a larger per cent ("8-14%") only in a column of such pairs (`paired`),
    elsewhere a range."""
    m = COUNT_WITH_SHARE.fullmatch(text)
    if m is None or m["share"] is not None:
        return m
    count, share = (
        float(re.sub(r"[^\d.]", "", g.replace(",", "."))) for g in (m["count"], m["after"])
    )
    return m if m["mark"] == "/" or share < count or paired else None


ABSENT = {"", "-", "--", "—", "–", "n/a", "…", "...", "x", "·", ".", "nil", "none"}
MAX_ROW = 400  # a longer line is prose, not a table row (a wide register runs past 200)
MAX_CAPTION = 160  # a longer line above a table is prose, not its title


@dataclass(frozen=True)
class Cell:
    text: str  # stripped
    start: int
    end: int

    @property
    def clean(self) -> str:
        """The cell without footnote marks, brackets and an "about": "1,204[3]" → "1,204",
        "c. 1 500" → "1 500"."""
        whole = BRACKETED.fullmatch(self.text)
        clean = APPROX.sub("", MARKS.sub("", whole[1] if whole else self.text).strip())
        return PER_CENT.sub("%", clean)  # "(N,N per cent)" is the share "N,N%"

    @property
    def approximate(self) -> bool:
        return bool(APPROX.match(MARKS.sub("", self.text).strip()))

    @property
    def numeric(self) -> bool:
        return bool(
            NUMERIC.fullmatch(self.clean) or count_with_share(self.clean)
        ) or self.clean in ABSENT - {""}

    @property
    def count(self) -> str:
        """The figure a cell's number is written as: its count when a share in brackets
        follows it ("214 (12,1%)" → "214")."""
        with_share = count_with_share(self.clean)
        return with_share["count"] if with_share else self.clean


@dataclass
class Row:
    block: Block
    cells: list[Cell]
    label_above: str = ""  # the first words of a label wrapped onto this row's line

    @property
    def figures(self) -> bool:
        return any(c.numeric and c.clean not in ABSENT for c in self.cells)

    @property
    def column_numbers(self) -> bool:
        """The row that numbers a table's columns under its header ("| 1 | 2 | 3 | 4 |")."""
        numbers = [c.clean for c in self.cells if c.clean]
        return len(numbers) >= 3 and numbers == [str(n) for n in range(1, len(numbers) + 1)]

    @property
    def years_only(self) -> bool:
        """A header row of years ("| No. | Indicator | 1934 | 1935 |")."""
        numbers = [c.clean for c in self.cells if c.numeric and c.clean not in ABSENT]
        return len(numbers) >= 2 and all(re.fullmatch(r"1[89]\d\d|20\d\d", n) for n in numbers)


@dataclass
class Table:
    caption: list[Block]  # the non-blank lines above, nearest last
    header: list[Row]
    rows: list[Row]
    kind: str  # "pipe", "tab" or "space"
    header_above: bool = False  # the header is the line above, not a row of the table
    columns: list[Column] = field(default_factory=list)


def split_cells(text: str, block: Block) -> tuple[str, list[Cell]] | None:
    """The kind of row a line is and its cells, or None for a line of prose or a rule."""
    line = text[block.start : block.end]
    if not line.strip() or RULE.match(line) or len(line) > MAX_ROW:
        return None
    if line.count("|") >= 1 and not re.search(r"\w\|\w", line):
        kind, parts = "pipe", _split(line, re.compile(r"\|"))
        inner = line.strip()
        if inner.startswith("|") or inner.startswith("+"):
            parts = parts[1:]
        if inner.endswith("|"):
            parts = parts[:-1]
    elif "\t" in line.strip():
        kind, parts = "tab", _split(line, re.compile(r"\t+"))
    elif re.search(r";\S", line) and not re.search(r";\s", line.strip()):
        # "District;Checked;Expelled": a semicolon-separated export, its cells unspaced
        # (prose puts a space after a semicolon)
        kind, parts = "semicolon", _split(line, re.compile(";"))
    elif (
        CSV_ROW.fullmatch(line.strip())
        and re.search(r"[A-Za-z]", line)
        and not re.search(r"\s{2,}|\t", line.strip())  # aligned columns are no export
        # an export quotes a number with a thousands comma: "20,000 Oppositionists" is prose
        and not re.search(r"\d,\d{3}\b", re.sub(r'"[^"]*"', "", line))
        and re.sub(r'"[^"]*"', "", line).count(",") >= 2  # three cells at least: not "91,1"
    ):
        # "Raion,Members,Expelled" or '"Total","2,081"': a comma-separated export, its cells
        # unspaced or quoted (prose puts a space after a comma)
        kind, parts = "comma", _csv_cells(line)
    else:
        kind, parts = "space", _split(line, SPACE_SPLIT)
        parts = [p for p in parts if p[0].strip()]
    cells = []
    for piece, start in parts:
        stripped = piece.strip(" \t\u00a0")
        lead = len(piece) - len(piece.lstrip(" \t\u00a0"))
        at = block.start + start + lead
        cells.append(Cell(stripped, at, at + len(stripped)))
    if len(cells) < 2 and kind != "pipe":
        return None
    return kind, cells


CSV_CELL = r'(?:"(?:[^"]|"")*"|[^",\s()][^",()]{0,39}|)'  # short, unbracketed, or quoted
CSV_ROW = re.compile(rf"{CSV_CELL}(?:,{CSV_CELL})+")


def _csv_cells(line: str) -> list[tuple[str, int]]:
    """The cells of a comma-separated row, a quoted cell without its quotes."""
    parts = []
    for m in re.finditer(rf"(?:^|(?<=,)){CSV_CELL}", line):
        piece, at = m[0], m.start()
        if piece.startswith('"') and piece.endswith('"') and len(piece) > 1:
            piece, at = piece[1:-1], at + 1
        parts.append((piece, at))
    return parts


def _split(line: str, separator: re.Pattern) -> list[tuple[str, int]]:
    parts, cursor = [], 0
    for m in separator.finditer(line):
        parts.append((line[cursor : m.start()], cursor))
        cursor = m.end()
    parts.append((line[cursor:], cursor))
    return parts


def is_table_row(text: str, block: Block) -> bool:
    """Whether a line is a row of a table (cells split by pipes, tabs, semicolons or aligned
    spaces)."""
    return _row_kind(text, block) is not None


def _row_kind(text: str, block: Block) -> tuple[str, Row] | None:
    split = split_cells(text, block)
    if split is None:
        return None
    kind, cells = split
    row = Row(block, cells)
    # (a row whose figure is "-", none, is a row of figures too)
    words_only = kind == "space" and not (
        (row.figures or cells[-1].clean in ABSENT - {""}) and cells[-1].numeric
    )
    if words_only and any(len(c.text) > 40 for c in cells):
        return None  # words aligned in columns are a header only when every cell is short
    if len(cells) < 2:
        return None
    return kind, row


_LAST: list = [None, []]
"""The text last asked about and its tables: the statistics and the sentence rules read
the tables of a text in turn (callers read the tables, never change them)."""


def find_tables(text: str) -> list[Table]:
    """Every table of the text, in text order."""
    if _LAST[0] is not text:
        _LAST[:] = [text, _find_tables(text)]
    return list(_LAST[1])


def _find_tables(text: str) -> list[Table]:
    all_lines = list(lines(text))
    tables, ruled = _fixed_width_tables(text, all_lines)
    index = 0
    while index < len(all_lines):
        found = None if index in ruled else _row_kind(text, all_lines[index])
        if found is None:
            index += 1
            continue
        kind = found[0]
        run: list[Row] = []
        cursor, last = index, index
        wrapped = ""
        while cursor < len(all_lines) and cursor not in ruled:
            block = all_lines[cursor]
            line = text[block.start : block.end]
            here = _row_kind(text, block)
            carried = kind == "tab" and run and _carried_on(text, run[-1], block)
            if carried:
                run[-1] = carried
                last = cursor
            elif here is not None and here[0] == kind:
                if wrapped:
                    here[1].label_above, wrapped = wrapped, ""
                run.append(here[1])
                last = cursor
            elif kind == "space" and not any(r.figures for r in run) and _header_word(text, block):
                run.append(Row(block, [_header_word(text, block)]))  # "      were checked"
                last = cursor
            elif _wrapped_label(text, all_lines, cursor, kind):
                wrapped = line.strip()  # "Cards not yet," above "  issued   123   45": one label
            elif line.strip() and not RULE.match(line):
                break  # prose ends the table
            elif not line.strip() and kind == "pipe":
                break  # a pipe table has no blank lines
            cursor += 1
        index = last + 1
        run = [r for r in run if not r.column_numbers]
        header = []
        while run and (not run[0].figures or run[0].years_only):
            header.append(run.pop(0))  # words, or the years the columns are about
        body = [r for r in run if r.figures or r.cells]
        if not any(r.figures for r in body):
            continue
        caption = _caption(text, all_lines, (header or body)[0].block.start)
        table = Table(caption, header, body, kind)
        if not header and caption and _short_words(text, caption[-1]):
            table.header = [Row(caption[-1], _above_cells(text, caption[-1]))]
            table.header_above = True
            table.caption = caption[:-1]
        table.columns = read_columns(text, table)
        tables.append(table)
    return sorted(tables, key=lambda t: t.rows[0].block.start)


TAB = re.compile("\t")  # one tab a column: a row carried on keeps its empty cells


def _carried_on(text: str, row: Row, block: Block) -> Row | None:
    """A tab table's row whose long cells the next line carries on in words, its other
    columns left empty ("2\tSurname\t…\t10 years ITL with" then "\t\t…\tloss of rights for
    5 years"): the row with each cell joined to its continuation; None if the line is not
    one (it opens with a cell, or holds a figure, or the row holds none)."""
    line = text[block.start : block.end]
    if not line.startswith("\t") or not line.strip() or not row.figures:
        return None
    first = text[row.block.start : text.find("\n", row.block.start, block.start)]
    columns = {row.block.start + at: n for n, (_, at) in enumerate(_split(first, TAB))}
    pieces = _split(line, TAB)
    if any(NUMERIC.fullmatch(p.strip()) for p, _ in pieces if p.strip()):
        return None
    cells = []
    for cell in row.cells:
        column = columns.get(cell.start)
        piece = pieces[column] if column is not None and column < len(pieces) else ("", 0)
        words = piece[0].strip()
        if words and cell.numeric:
            return None  # "87 (8,9%)" over "including candidates": a row of its own, not words
        if words:
            end = block.start + piece[1] + len(piece[0].rstrip())
            cell = Cell(f"{cell.text} {words}", cell.start, end)
        cells.append(cell)
    return Row(Block(row.block.start, block.end), cells, row.label_above)


HEADER_DATE = re.compile(r"\b\d{1,2}\.(?:[IVX]{1,4}|\d{1,2})\.(?:\d{4}|\d{2})\b|\b1[89]\d\d\b")


def _header_word(text: str, block: Block) -> Cell | None:
    """The one cell of an indented line of a header over several lines ("      were
    checked" under "Party documents"), or None."""
    line = text[block.start : block.end]
    words = line.strip()
    undated = HEADER_DATE.sub("", words)  # "on 1.V.1935" under "Members and candidates"
    if not line[:1].isspace() or not words or len(words) > 40 or re.search(r"\d", undated):
        return None
    at = block.start + len(line) - len(line.lstrip())
    return Cell(words, at, at + len(words))


def _caption(text: str, all_lines: list[Block], first_line: int) -> list[Block]:
    """The title lines above a table (nearest last): short lines, up to a paragraph of
    prose, another table or four lines."""
    candidates = [b for b in all_lines if b.end <= first_line][-14:]
    caption: list[Block] = []
    gap = False
    for i in range(len(candidates) - 1, -1, -1):
        b = candidates[i]
        line = text[b.start : b.end].strip()
        if len(line) > MAX_CAPTION or len(caption) == 4:
            break  # a paragraph of prose above a table is not its caption
        if RULE.match(line):
            continue  # a table's border
        split = split_cells(text, b) if line else None
        if split is not None and (split[0] == "pipe" or Row(b, split[1]).figures):
            break  # the table above is not the caption of this one
        gap = gap or (not line and bool(caption))
        before = candidates[i - 1] if i > 0 else None
        paragraph = before is not None and bool(text[before.start : before.end].strip())
        if line and gap and paragraph:
            break  # beyond a blank line, a wrapped paragraph is prose, not a title
        if line:
            caption.insert(0, b)
    return caption


# The rule of a fixed-width table: runs of dashes or equals signs parted by spaces
# ("--- ------------ ---- -------"), one run a column (printouts, reStructuredText tables).
COLUMN_RULE = re.compile(r"[ \t]*[-=]{2,}(?:[ \t]+[-=]{2,})+[ \t]*")
MAX_HEADER_LINES = 3


def _fixed_width_tables(text: str, all_lines: list[Block]) -> tuple[list[Table], set[int]]:
    """Tables whose columns a rule of dashes marks, read by the rule's extents (their cells
    may stand a single space apart); and the indices of the lines they take."""
    tables: list[Table] = []
    taken: set[int] = set()
    for index, block in enumerate(all_lines):
        if index in taken or not COLUMN_RULE.fullmatch(text, block.start, block.end):
            continue
        starts = [m.start() for m in re.finditer(r"[-=]+", text[block.start : block.end])]
        above = index
        while (
            above > 0
            and index - above < MAX_HEADER_LINES
            and text[all_lines[above - 1].start : all_lines[above - 1].end].strip()
        ):
            above -= 1
        below, body_at = index + 1, []
        while below < len(all_lines):
            line = all_lines[below]
            if not text[line.start : line.end].strip():
                break
            if not COLUMN_RULE.fullmatch(text, line.start, line.end):
                body_at.append(below)
            below += 1
        body = [_fixed_row(text, all_lines[i], starts) for i in body_at]
        if not any(r.figures for r in body):
            continue
        header = [_fixed_row(text, all_lines[i], starts) for i in range(above, index)]
        first = all_lines[above].start
        table = Table(_caption(text, all_lines, first), header, body, "fixed")
        table.columns = read_columns(text, table)
        tables.append(table)
        taken.update(range(above, below))
    return tables, taken


def _fixed_row(text: str, block: Block, starts: list[int]) -> Row:
    """A line cut at the columns' starts; a cut inside a word moves to the word's end."""
    line = text[block.start : block.end]
    cuts = [0]
    for start in starts[1:]:
        while 0 < start < len(line) and not line[start - 1].isspace() and not line[start].isspace():
            start += 1  # a cell that overflows its column keeps its last word
        cuts.append(max(start, cuts[-1]))
    cells = []
    for a, b in zip(cuts, [*cuts[1:], len(line)], strict=True):
        piece = line[a:b]
        lead = len(piece) - len(piece.lstrip())
        stripped = piece.strip()
        at = block.start + a + lead
        cells.append(Cell(stripped, at, at + len(stripped)))
    return Row(block, cells)


WRAPPED_LABEL = 60  # "Alien and hostile elements (kulaks, former" over its row's indented rest


def _wrapped_label(text: str, all_lines: list[Block], index: int, kind: str) -> bool:
    """A short line inside an aligned table that begins a row label the next row ends."""
    line = text[all_lines[index].start : all_lines[index].end].strip()
    following = all_lines[index + 1] if index + 1 < len(all_lines) else None
    indented = following is not None and _indent(text, following) > _indent(text, all_lines[index])
    return (
        kind == "space"
        and 0 < len(line) < WRAPPED_LABEL
        and (line.endswith((",", "-", "and")) or indented)
        and following is not None
        and _row_kind(text, following) is not None
    )


def _indent(text: str, block: Block) -> int:
    line = text[block.start : block.end]
    return len(line) - len(line.lstrip())


def _short_words(text: str, block: Block) -> bool:
    """A line that can head the columns below it: short and not a sentence of prose."""
    line = text[block.start : block.end].strip()
    return len(line) < 120 and not line.endswith((".", ":")) and not line.startswith("(")


def _above_cells(text: str, block: Block) -> list[Cell]:
    split = split_cells(text, block)
    if split:
        return split[1]
    line = text[block.start : block.end]
    lead = len(line) - len(line.lstrip())
    return [Cell(line.strip(), block.start + lead, block.start + lead + len(line.strip()))]


# Columns.


@dataclass
class Column:
    """One column, counted from the right (-1 is the last), with how it writes numbers."""

    position: int
    header: str
    decimal: str | None  # "," or "." when the column writes decimals with it
    numeric: bool


def cell_at(row: Row, position: int) -> Cell | None:
    """The cell of a column counted from the right; rows of pipe tables keep every cell."""
    if -position > len(row.cells):
        return None
    return row.cells[position]


BROKEN_WORD = re.compile(r"(?<=[^\W\d_])- (?=[a-z])")  # a header's word broken over its lines


def read_columns(text: str, table: Table) -> list[Column]:
    width = max(len(r.cells) for r in table.rows)
    caption = " ".join(text[b.start : b.end] for b in table.caption[-2:])
    aligned = _headers_by_place(table, width) if table.kind == "space" else None
    if table.kind == "pipe" and any(len(h.cells) < width for h in table.header):
        aligned = _headers_by_pipes(text, table, width)
    columns = []
    for position in range(-width, 0):
        header = " ".join(
            c.clean for h in table.header if (c := cell_at(h, position)) is not None and c.clean
        )
        if aligned is not None:
            header = aligned[position]
        if table.header_above and table.header:
            # A one-cell line above the figures heads the last column only.
            cells = table.header[0].cells
            header = cells[position].clean if -position <= len(cells) else ""
        header = BROKEN_WORD.sub("", header)  # "Rein- stated" over two lines: "Reinstated"
        values = [c for r in table.rows if (c := cell_at(r, position)) is not None]
        tokens = [c.count for c in values if c.numeric and c.clean not in ABSENT]
        numeric = len(tokens) > 0 and len(tokens) >= len([c for c in values if c.clean]) / 2
        unit = f"{header} {caption}"  # "(in thousands)" may stand in the caption
        columns.append(Column(position, header, decimal_mark(tokens, unit), numeric))
    return columns


def _headers_by_place(table: Table, width: int) -> dict[int, str] | None:
    """Each column's header in an aligned table whose header runs over several lines,
    read by where its words stand on the line ("Members and" over "candidates"), not by
    how many cells the header line has; None when the header is one line."""
    if len(table.header) < 2:
        return None
    extents: dict[int, tuple[int, int]] = {}
    for r in table.rows:
        line_start = r.block.start
        for position in range(-len(r.cells), 0):
            c = r.cells[position]
            a, b = c.start - line_start, c.end - line_start
            lo, hi = extents.get(position, (a, b))
            extents[position] = (min(lo, a), max(hi, b))
    words: dict[int, list[str]] = {p: [] for p in range(-width, 0)}
    for index, h in enumerate(table.header):
        cells = [(c.start - h.block.start, c.end - h.block.start, c.clean) for c in h.cells]
        cells = [c for c in cells if c[2]]
        placed = {}
        for a, b, word in cells:
            placed[max(extents, key=lambda p: _fit((a, b), extents[p]))] = word
        for position, extent in extents.items():
            # a header over the columns it stands over ("Purge 1933" over "abs. | %")
            fit, word = max(((_fit((a, b), extent), w) for a, b, w in cells), default=(0, ""))
            if fit > 0 and position not in placed:
                placed[position] = word
        years = sorted((a, b, w) for a, b, w in cells if re.fullmatch(r"1[89]\d\d", w))
        if index < len(table.header) - 1 and len(years) >= 2:
            # years over groups of columns ("1933" over "abs. | %", centred or not): the
            # columns after the rows' labels in equal groups, a year each, in order
            under = sorted(extents)
            if under and extents[under[0]][1] < years[0][0]:
                under = under[1:]  # the rows' labels, before the first year
            if under and len(under) % len(years) == 0:
                size = len(under) // len(years)
                for n, position in enumerate(under):
                    placed[position] = years[n // size][2]
        for position, word in placed.items():
            words[position].append(word)
        if index < len(table.header) - 1 and placed:
            # The last group's header over the columns after it ("Expelled" over "members |
            # candidates | total") heads each of them.
            last = max(placed)
            for position in range(last + 1, 0):
                if position in extents:
                    words[position].append(placed[last])
    return {p: " ".join(w) for p, w in words.items()}


def _headers_by_pipes(text: str, table: Table, width: int) -> dict[int, str]:
    """Each column's header in a pipe table whose header has a line of fewer cells, each
    spanning the columns between its pipes ("|  1933  |  1934  |" over "| abs. | % | abs. |
    % |"): the words of every header cell over the column."""
    extents: dict[int, tuple[int, int]] = {}
    for r in table.rows:
        for position in range(-len(r.cells), 0):
            c = r.cells[position]
            a, b = c.start - r.block.start, c.end - r.block.start
            lo, hi = extents.get(position, (a, b))
            extents[position] = (min(lo, a), max(hi, b))
    words: dict[int, list[str]] = {p: [] for p in range(-width, 0)}
    for h in table.header:
        line = text[h.block.start : h.block.end]
        pipes = [i for i, char in enumerate(line) if char == "|"]
        for c in h.cells:
            a, b = c.start - h.block.start, c.end - h.block.start
            left = max([p for p in pipes if p < a], default=-1)
            right = min([p for p in pipes if p >= b], default=1 << 30)  # to the line's end
            for position, (lo, hi) in extents.items():
                if c.clean and left < hi and lo < right:
                    words[position].append(c.clean)
    return {p: " ".join(w) for p, w in words.items()}


def _fit(a: tuple[int, int], b: tuple[int, int]) -> int:
    """How well two extents of a line agree: their overlap, less the gap between them."""
    return min(a[1], b[1]) - max(a[0], b[0])


PERCENT_HEADER = re.compile(r"%|per\s?cent|percent|share|proportion", re.IGNORECASE)
THOUSANDS = re.compile(r"\bthous(?:and)?s?\b|\b000s\b|’000|'000", re.IGNORECASE)
MILLIONS = re.compile(r"\bmillions?\b|\bmln\b", re.IGNORECASE)


def decimal_mark(tokens: list[str], header: str) -> str | None:
    """The separator a column writes decimals with, judged from all its cells: one or two
    (or four and more) digits after a separator make it decimal; in a column of per cents
    or of thousands any single separator is decimal ("9,125 per cent", "1.234 thousand")."""
    for mark in (",", "."):
        other = "." if mark == "," else ","
        if any(
            re.fullmatch(
                rf"[\d \u00a0\u2009\u202f{re.escape(other)}]*\d"
                rf"{re.escape(mark)}(?:\d{{1,2}}|\d{{4,}})",
                t,
            )
            for t in tokens
        ):
            return mark
    if PERCENT_HEADER.search(header) or THOUSANDS.search(header) or MILLIONS.search(header):
        for mark in (",", "."):
            if any(re.fullmatch(rf"\d+{re.escape(mark)}\d+", t) for t in tokens):
                return mark
    return None


def read_number(token: str, decimal: str | None) -> float:
    """A cell's numeral read by its column's convention: read_number("12 345", None) ==
    12345.0, read_number("45,6", ",") == 45.6, read_number("1,234", None) == 1234.0."""
    token = re.sub(r"[\u00a0\u2009\u202f]", " ", token).replace("’", "").replace("'", "")
    last = re.search(r"[.,](\d+)$", token)
    if last and len(last[1]) != 3:
        decimal = last[0][0]  # "20.9" in a column of "17,5": a decimal all the same
    if decimal:
        whole, _, fraction = token.rpartition(decimal) if decimal in token else (token, "", "")
        digits = re.sub(r"[ .,]", "", whole)
        return float(f"{digits}.{fraction}") if fraction else float(digits)
    return float(re.sub(r"[ .,]", "", token))


def split_range(token: str) -> tuple[str, str | None]:
    """ "400-500" → ("400", "500"); a percent sign is dropped."""
    m = NUMERIC.fullmatch(token)
    if not m:
        return token, None
    return m["low"], m["high"]
