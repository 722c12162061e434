"""Extractors: small functions that read one source text and yield records with spans.

Adding an extractor is adding a module here that defines
`extract(source: Source, kb: Knowledge) -> Iterable[Record]`; it is found by
name, runs on every text, and never reads files or writes output itself.
"""

from __future__ import annotations

import bisect
import importlib
import pkgutil
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from etl.lang import bounds
from etl.lang.corpus import Source, Span
from etl.lang.knowledge import Knowledge
from etl.lang.names import Name


@dataclass(frozen=True)
class Record:
    """One row for a resource, with the span it was read from and the rule that read it."""

    resource: str
    fields: dict
    span: Span
    extractor: str
    refs: dict = field(default_factory=dict, compare=False)
    """What resolution needs and is not published as is (a name to resolve, a count)."""

    def row(self) -> dict:
        return {**self.fields, **self.span.provenance(), "extractor": self.extractor}


Extractor = Callable[[Source, Knowledge], Iterable[Record]]


def extractors() -> dict[str, Extractor]:
    """Every extractor module of this package, by module name, in name order (while
    `select_extractors` names some, only those)."""
    found = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_") or (_SELECTED and info.name not in _SELECTED[0]):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "extract"):
            found[info.name] = module.extract
    return found


def extract_source(source: Source, kb: Knowledge) -> list[Record]:
    """All records of one text: a pure function of (text, knowledge).

    The extractors read the text with its no-break and thin spaces as plain spaces (the
    same offsets), its CRLF line endings as "\n", without the characters that show
    nothing, and with its words broken over a line by a hyphen whole ("KU-\nZOVKIN",
    "depri-\nvation"; see `rejoined`), offsets mapped back, so that a text gives the same
    rows whatever its spaces, line endings and hyphenation; each record quotes the text
    itself. No extractor's row reaches the tables if its schema would refuse it: a value
    the text states that the schema cannot hold becomes a `checks` warning with the row's
    span."""
    view = plain_spaced(source)
    segments = rejoined(view.text)
    if segments is not None:
        text = "".join(view.text[a : a + n] if n else "\n" for _, a, n in segments)
        joined = Source.from_text(source.source_id, text)
        records = [guarded(r) for run in extractors().values() for r in run(joined, kb)]
        return placed_back(records, source, segments)
    records = [guarded(record) for run in extractors().values() for record in run(view, kb)]
    if view is source:
        return records
    return [replace(r, span=source.span(r.span.char_start, r.span.char_end)) for r in records]


REF = re.compile(r"^(.*):(\d+)-(\d+)$")  # a span's ref, "source_id:char_start-char_end"
# A word broken over a line by a hyphen (or a soft hyphen): its start (six letters at most,
# as typists broke words by syllables; a longer one may be a compound's,
# "counter-\nrevolutionary"), the hyphen, the line's end and the next line's indent, and the
# word's rest
SOFT_BREAK = re.compile(r"(?<![^\W\d_])([^\W\d_]{1,6})[-\u00ad]\r?\n[ \t]*([^\W\d_]+)")
# A dash after a word, not a broken word: "ORLOV Pyotr-\nto be confined …"
DASH_BEFORE = re.compile(r"to|the|and|of|in|on|for|with|by|at|an?|as|or")
# A line set out in columns (a table's): no word of it is broken over lines
COLUMNS = re.compile(r"\S(?: {3,}|\t)\S|\|")
# Characters that show nothing and part no words: a soft hyphen, zero-width spaces and
# joiners, a byte-order mark ("KUZ\u00adOVKIN" is KUZOVKIN); and the "\r" of a CRLF
INVISIBLE_CHARS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]|\r(?=\n)")

# A piece of the text read: (where it starts in the text read, where it starts in the text,
# its length); a length of 0 is a line end the text read moved, standing for the text's
# offset given
Segment = tuple[int, int, int]


def soft_breaks(text: str) -> list[re.Match]:
    """The words the text breaks over a line with a hyphen: those that go on in small
    letters ("correc-\ntive", not a dash before "to"), or in capitals from a start of five
    letters at most ("KU-\nZOVKIN", not a double name, "PETROV-\nVODKIN", nor
    "Zaitseva-\nOrlova"), outside tables' lines (a header's, or a label wrapped over a row)."""
    found = []
    for m in SOFT_BREAK.finditer(text):
        head, rest = m[1], m[2]
        line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
        next_end = text.find("\n", m.end())
        rest_line = text[m.start(2) : next_end if next_end >= 0 else len(text)]
        if COLUMNS.search(line) or COLUMNS.search(rest_line) or DASH_BEFORE.fullmatch(rest):
            continue  # a table's line, or a label wrapped over a table's row
        if (rest[0].islower() and not head.isupper()) or (
            head.isupper() and rest.isupper() and len(head) < 6
        ):
            found.append(m)
    return found


def rejoined(text: str) -> list[Segment] | None:
    """The text the extractors read, as segments of the text itself, so that every line
    keeps its words: without the "\r" of a CRLF and the characters that show nothing
    (INVISIBLE), and with each word broken over a line (`soft_breaks`) whole, on the line it
    opens when its rest is a surname in capitals the next line goes on from ("…; KU-\n
    ZOVKIN Ivan" as "…; \nKUZOVKIN Ivan"), else on the line it starts on ("Spe-\ncial
    Collegium", "Ezhov-\nskii was"), the two lines one when the word opens its line ("1.
    KU-\nZOVKIN Ivan …"); None if there is nothing to read otherwise."""
    breaks = soft_breaks(text) if "\n" in text and ("-" in text or "\u00ad" in text) else []
    cuts: list[re.Match] = list(breaks)
    if "\r\n" in text or any(char in text for char in INVISIBLE_CHARS):
        inside = [(m.start(1), m.start(2)) for m in breaks]
        cuts += [
            m for m in INVISIBLE.finditer(text) if not any(a <= m.start() < b for a, b in inside)
        ]
    if not cuts:
        return None
    segments: list[Segment] = []
    read = at = 0

    def copy(start: int, end: int) -> None:
        nonlocal read
        if end > start:
            segments.append((read, start, end - start))
            read += end - start

    def line_end(standing_for: int) -> None:
        nonlocal read
        segments.append((read, standing_for, 0))
        read += 1

    for cut in sorted(cuts, key=lambda m: m.start()):
        copy(at, cut.start())
        at = max(at, cut.end())
        if cut.re is not SOFT_BREAK:  # a "\r" before its "\n", a soft hyphen, a zero-width space
            continue
        opening = text[text.rfind("\n", 0, cut.start()) + 1 : cut.start()]
        if re.fullmatch(r"\s*(?:\(?\d{1,3}[.)]\s*)?", opening):  # "1. KU-\nZOVKIN Ivan …"
            copy(cut.start(1), cut.end(1))  # the two lines are one
            at = cut.start(2)
        elif cut[2].isupper():  # the surname opens the next line, as it did
            line_end(cut.start(1))
            copy(text.find("\n", cut.end(1)) + 1, cut.start(2))  # the next line's indent
            copy(cut.start(1), cut.end(1))
            copy(cut.start(2), cut.end(2))
        else:  # the word stays on its line, which then ends after it (and its "," or ".")
            copy(cut.start(1), cut.end(1))
            end = re.compile(r"\S*").match(text, cut.end(2)).end()
            copy(cut.start(2), end)
            at = end
            if text[end : end + 1] in (" ", "\t"):  # (a rest that ends its line ends it)
                line_end(text.find("\n", cut.end(1)))
                at = end + 1
    copy(at, len(text))
    return segments


def placed_back(records: list[Record], source: Source, segments: list[Segment]) -> list[Record]:
    """Records read in the text the `segments` make, their offsets and the refs they hold
    moved to the text itself (a moved line end to the offset it stands for)."""
    starts = [read for read, _, _ in segments]

    def origin(offset: int) -> int:
        read, at, length = segments[max(0, bisect.bisect_right(starts, offset) - 1)]
        return at if length == 0 else at + offset - read

    def start_at(offset: int) -> int:
        return origin(offset)

    def end_at(offset: int) -> int:
        return origin(offset - 1) + 1 if offset > 0 else 0

    def ref(text: str) -> str:
        m = REF.match(text)
        return f"{m[1]}:{start_at(int(m[2]))}-{end_at(int(m[3]))}" if m else text

    def moved(key: str, value: object) -> object:
        if isinstance(value, Name):
            return replace(value, start=start_at(value.start), end=end_at(value.end))
        return [ref(v) for v in value] if key == "evidence" else value

    placed = []
    for record in records:
        fields = dict(record.fields)
        if isinstance(fields.get("inferred_from"), str):
            fields["inferred_from"] = ref(fields["inferred_from"])
        refs = {key: moved(key, value) for key, value in record.refs.items()}
        span = source.span(start_at(record.span.char_start), end_at(record.span.char_end))
        placed.append(replace(record, fields=fields, span=span, refs=refs))
    return placed


# Spaces of another width: one character each, so a plain space keeps every offset.
ODD_SPACES = str.maketrans(
    dict.fromkeys("\u00a0\u2007\u2009\u202f\u2002\u2003\u2004\u2005\u2006\u2008\u200a", " ")
)
_ODD = [chr(code) for code in ODD_SPACES]


def plain_spaced(source: Source) -> Source:
    """The source with its spaces of other widths as plain spaces, or itself if it has none."""
    plain = source.text
    for space in _ODD:  # what translate(ODD_SPACES) gives, without its slow table look-ups
        if space in plain:
            plain = plain.replace(space, " ")
    return source if plain == source.text else Source(source.source_id, plain, source.line_starts)


def guarded(record: Record) -> Record:
    """The record, or, if its schema would refuse one of its values, a warning about it."""
    refused = bounds.problems(record.resource, record.fields)
    if not refused:
        return record
    said = "; ".join(f"{column} {value!r} is not {rule}" for column, value, rule in refused)
    fields = {
        "rule": "value-out-of-bounds",
        "severity": "warning",
        "resource": record.resource,
        "subject": ", ".join(f"{column}={value}" for column, value, _ in refused),
        "message": f"{record.extractor} read a value the schema cannot hold ({said}); "
        f"no {record.resource} row was made from this passage",
    }
    return Record("checks", fields, record.span, record.extractor)


_SELECTED: list[frozenset[str]] = []


def select_extractors(names: Iterable[str] | None) -> None:
    """Make `extractors()` (and so `extract_source`) give only the extractors so named, or,
    with None, every one again: a job that extracts part of a text (etl.build)."""
    _SELECTED[:] = [] if names is None else [frozenset(names)]
