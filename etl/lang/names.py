"""Person names: parsing a name as written, finding lists of names, and spelling keys.

The rules are general (capitalised surname, optional initials, titles, a
bracketed alias); what they need to know about the language lives in
etl/knowledge/ (titles, words that are never names, transliteration rules).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz
from rapidfuzz.distance import DamerauLevenshtein
from unidecode import unidecode

from etl.lang.knowledge import Knowledge
from etl.lang.led import led

# Latin letters with diacritics (Latvian ņ, š, ē; Polish ł; Czech ř …): Latin-1 and
# Latin Extended-A, whose upper and lower cases alternate, so both sets hold the block.
UPPER = "A-ZÀ-ÖØ-ÞĀ-ž"
LOWER = "a-zß-öø-ÿĀ-žё"
WORD = rf"[{UPPER}][{LOWER}’']+(?:-[{UPPER}][{LOWER}’']+)*"
INITIALS = rf"(?:[{UPPER}]\.[ ]?){{1,3}}"


@dataclass(frozen=True)
class Name:
    """One name as written, with its parts and where it stands in the text."""

    written: str
    start: int
    end: int
    surname: str
    initials: str = ""
    given: str = ""
    alias: str = ""
    title: str = ""

    @property
    def full(self) -> str:
        parts = [self.initials.replace(" ", ""), self.given, self.surname]
        return " ".join(p for p in parts if p)


@cache
def _title_pattern(titles: tuple[str, ...]) -> str:
    return "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))


def title_pattern(kb: Knowledge) -> str:
    """Any title of etl/knowledge/titles.csv ("Citizen", "Comrade", "General"), longest first."""
    return _title_pattern(tuple(row["title"] for row in kb["titles"]))


def initials_pattern(kb: Knowledge) -> str:
    """Initials of one letter or of a transliterated digraph ("Sh.", "Ya."), one to three."""
    digraphs = "|".join(sorted((row["initial"] for row in kb["initials"]), key=len, reverse=True))
    return rf"(?:(?:{digraphs}|[{UPPER}])\.(?:[ ]|\n(?=\S))?){{1,3}}"  # "I. P.\nSurname": wrapped


def item_pattern(kb: Knowledge) -> str:
    titles = title_pattern(kb)
    return (
        rf"(?:(?P<title>{titles})\s+)?"
        # the space after initials belongs to them: an optional "\s*" of its own would let a
        # list's separator and the next name share their spaces (exponential backtracking)
        rf"(?:(?P<initials>{initials_pattern(kb)})\s*)?"
        rf"(?P<given>(?:{WORD}\s+){{0,2}})"
        # "Lidiya FROLOVA": after a given name, the surname in capitals, as papers set it
        rf"(?P<surname>{WORD}|(?<=[{LOWER}] )[{UPPER}]{{3,}}(?:-[{UPPER}]{{2,}})?\b(?![’']))"
        rf"(?:\s*\[(?P<alias>[^\]\n]{{2,40}})\])?"
    )


_POSSESSIVE = re.compile(r"(?<=\w)[’'](?:s\b)?$")


def strip_possessive(word: str) -> str:
    """ "Bakaev’s" → "Bakaev", "Davies’" → "Davies": a possessive is not part of a name."""
    if "’" not in word and "'" not in word:
        return word
    return _POSSESSIVE.sub("", word)


def not_names(kb: Knowledge) -> frozenset[str]:
    """Capitalised words that are never a person's name: not_names.csv and month names."""
    return kb.derived("not_names", _not_names)


def _not_names(kb: Knowledge) -> frozenset[str]:
    return frozenset(row["word"] for row in kb["not_names"]) | frozenset(
        row["name"].capitalize() for row in kb["months"]
    )


def parse_item(text: str, start: int, end: int, kb: Knowledge) -> Name | None:
    """The name that text[start:end] is, all of it, or None."""
    raw = text[start:end]
    lead = len(raw) - len(raw.lstrip())
    raw = strip_possessive(raw.strip())
    m = re.fullmatch(item_pattern(kb), raw)
    if not m:
        return None
    banned = not_names(kb)
    words = [m["surname"], *m["given"].split()]
    if any(w in banned or w.split("-")[0] in banned for w in words):
        return None
    offset = start + lead
    if m["title"]:  # the title is not part of the name as written
        skip = m.end("title")
        skip += len(raw[skip:]) - len(raw[skip:].lstrip())
        raw, offset = raw[skip:], offset + skip
    return Name(
        written=raw,
        start=offset,
        end=offset + len(raw),
        surname=m["surname"].title() if m["surname"].isupper() else m["surname"],
        initials=(m["initials"] or "").strip(),
        given=m["given"].strip(),
        alias=(m["alias"] or "").strip(),
        title=(m["title"] or ""),
    )


_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def split_list(text: str, start: int, end: int, kb: Knowledge) -> list[Name] | None:
    """Names separated by commas and "and" filling text[start:end], or None."""
    names, cursor = [], start
    for sep in [*_SEPARATOR.finditer(text, start, end), None]:
        item_end = sep.start() if sep else end
        name = parse_item(text, cursor, item_end, kb)
        if name is None:
            return None
        names.append(name)
        if sep:
            cursor = sep.end()
    return names


@dataclass(frozen=True)
class NameList:
    names: tuple[Name, ...]
    start: int
    end: int


def name_lists(text: str, start: int, end: int, kb: Knowledge, minimum: int = 3) -> list[NameList]:
    """Lists of at least `minimum` names in text[start:end]: in brackets, between dashes,
    or as a plain run "A, B and C"."""
    found: list[NameList] = []
    delimited = re.compile(r"\(([^()]+)\)|[—–]\s*([^—–]+?)\s*[—–]")
    for m in delimited.finditer(text, start, end):
        group = 1 if m.group(1) is not None else 2
        names = split_list(text, m.start(group), m.end(group), kb)
        if names and len(names) >= minimum:
            found.append(NameList(tuple(names), m.start(group), m.end(group)))
    item = re.sub(r"\(\?P<\w+>", "(?:", item_pattern(kb))
    run = re.compile(rf"{item}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){item})+")
    for m in run.finditer(text, start, end):
        if any(f.start <= m.start() < f.end for f in found):
            continue
        names = _longest_valid_run(text, m.start(), m.end(), kb)
        if names and len(names) >= minimum:
            found.append(NameList(tuple(names), names[0].start, names[-1].end))
    return sorted(found, key=lambda f: f.start)


def _longest_valid_run(text: str, start: int, end: int, kb: Knowledge) -> list[Name]:
    """A regex run may begin with a capitalised word that is not a name; drop such items."""
    pieces = []
    cursor = start
    for sep in [*_SEPARATOR.finditer(text, start, end), None]:
        item_end = sep.start() if sep else end
        pieces.append(parse_item(text, cursor, item_end, kb))
        if sep:
            cursor = sep.end()
    best: list[Name] = []
    current: list[Name] = []
    for piece in pieces:
        if piece is None:
            current = []
            continue
        current.append(piece)
        if len(current) > len(best):
            best = list(current)
    return best


# Spelling keys.


@cache
def _rules(rows: tuple[tuple[str, str], ...]) -> list[tuple[re.Pattern, str]]:
    return [(re.compile(p), r) for p, r in rows]


FUZZY_CUTOFF = 85  # Reingold/Reingoid 88, Mrachkovsky/Mrachliovsky 87, Hrasche/Harsche 86
FUZZY_MIN_LENGTH = 6  # shorter keys differ by one letter too easily (Ivanov/Ivanova)


def similarity(a: str, b: str, **kwargs: object) -> float:
    """Indel ratio, or Damerau-Levenshtein similarity so that a swap of two letters
    (Hrasche/Harsche) costs one edit, whichever is higher; 0-100."""
    return max(fuzz.ratio(a, b), 100 * DamerauLevenshtein.normalized_similarity(a, b))


def close_keys(a: str, b: str) -> bool:
    """Two spelling keys close enough to be one name misspelt, but not an inflection of it
    (Stalin/Stalins, Yakovlev/Yakovleva)."""
    if len(a) < FUZZY_MIN_LENGTH or a[:1] != b[:1] or abs(len(a) - len(b)) > 1:
        return False
    if a.startswith(b) or b.startswith(a):
        return False
    return similarity(a, b) >= FUZZY_CUTOFF


def same_surname(a: str, b: str, kb: Knowledge) -> bool:
    """Whether two written surnames are one: same key after the alias file, or close keys."""
    ka, kb_ = canonical_key(a, kb), canonical_key(b, kb)
    return ka == kb_ or close_keys(ka, kb_)


def canonical_key(surname: str, kb: Knowledge) -> str:
    """The spelling key after the alias file (Grin → Grinko)."""
    aliases = {row["variant"]: row["canonical"] for row in kb["aliases"]}
    return surname_key(aliases.get(surname, surname), kb)


def surname_key(surname: str, kb: Knowledge) -> str:
    """A key equal for the transliterations of one surname (Gertsen, Herzen, Hertzen)."""
    key = unidecode(surname).lower().replace("’", "").replace("'", "")
    rules = _rules(tuple((row["pattern"], row["replacement"]) for row in kb["transliteration"]))
    for pattern, replacement in rules:
        key = pattern.sub(replacement, key)
    return key


# Numbered lists: "1. Orlov, Pavel Ivanovich, born 1890, …" or "7) I. N. Petrov".

_NUMBER = led(re.compile(r"(?<![\w.,])(\d{1,2})[.)]\s+(?=[A-ZÀ-Þ])"))  # searched in whole texts


@dataclass(frozen=True)
class NumberedItem:
    number: int
    name: Name
    start: int  # where the item's number stands
    end: int  # where the next item begins, or the end of the item's line


def parse_inverted(text: str, start: int, end: int, kb: Knowledge) -> Name | None:
    """ "Orlov, Pavel Ivanovich" (surname first, as registers write it), or a name
    in the usual order; an ", alias X" after it is kept as the alias."""
    head = re.match(
        rf"\s*(?P<surname>{WORD}(?: {WORD})?)(?:,\s*(?:alias\s+(?P<alias>{WORD}),\s*)?"
        rf"(?P<given>{WORD}(?:\s+{WORD})?)\b)?",
        text[start:end],
    )
    if head is None:
        return None
    surname_end = start + head.end("surname")
    plain = parse_item(text, start + head.start("surname"), surname_end, kb)
    if plain is None:
        return None
    given = head["given"] or ""
    if given and not re.search(r"(?:ich|vna|ichna)$", given):
        given = given.split()[0]  # "Alexander Fomich" after an alias: keep it simple
    if plain.given:  # "Fritz David": already a given name and a surname
        return replace_alias(plain, head["alias"])
    return Name(
        plain.written,
        plain.start,
        plain.end,
        plain.surname,
        plain.initials,
        given.strip(),
        head["alias"] or plain.alias,
        plain.title,
    )


def replace_alias(name: Name, alias: str | None) -> Name:
    if not alias:
        return name
    return Name(
        name.written,
        name.start,
        name.end,
        name.surname,
        name.initials,
        name.given,
        alias,
        name.title,
    )


def numbered_items(text: str, start: int, end: int, kb: Knowledge) -> list[list[NumberedItem]]:
    """Runs of at least three items numbered 1, 2, 3 … whose items begin with a name."""
    runs: list[list[NumberedItem]] = []
    current: list[NumberedItem] = []
    marks = list(_NUMBER.finditer(text, start, end))
    for index, m in enumerate(marks):
        number = int(m[1])
        line_end = text.find("\n", m.end())
        line_end = end if line_end == -1 else min(line_end, end)
        nxt = marks[index + 1].start() if index + 1 < len(marks) else end
        item_end = min(nxt, line_end) if nxt > m.end() else line_end
        name = parse_inverted(text, m.end(), item_end, kb)
        if name is None or (current and number != current[-1].number + 1):
            if len(current) >= 3:
                runs.append(current)
            current = []
        if name is not None and (current or number == 1):
            current.append(NumberedItem(number, name, m.start(), item_end))
    if len(current) >= 3:
        runs.append(current)
    return runs


# Name tokens: every word of a text that could be a known person's surname.

# A name that opens a note ("[16] Robert Conquest, The Great Terror", "[84] Getty 1985")
# is an author cited as literature; `roles` says so, so scholars are not taken for actors.
NOTE_LINE = re.compile(r"\[\d+\]\s+(?:[A-Z][\w.]*\s+){0,3}")
CITATION = re.compile(r"\s*(?:[,:]|\d{4})")  # "Conquest, The Great Terror", "Getty 1985"
TOKEN = led(re.compile(rf"(?<![\w.])(?:(?P<initials>{INITIALS}) ?)?(?P<surname>{WORD})"))


@dataclass(frozen=True)
class NameTokens:
    """The capitalised words of one text that may name a person, as parallel columns: the
    word (possessive stripped), where it starts, the initials before it, its line and
    whether it stands in a note's citation ("[16] Conquest, The Great Terror").

    Words that are never names (not_names.csv, months), words followed by what makes them
    a thing ("the Hearst press": named_after.csv) and words shorter than three letters are
    left out. A hyphenated word is kept whole: whether it is a double surname or a pair
    of names depends on the persons known, which resolution decides."""

    words: list[str]
    starts: list[int]
    initials: list[str]
    lines: list[int]
    cited: list[bool]


def _named_after(kb: Knowledge) -> re.Pattern:
    named_after = "|".join(re.escape(r["word"]) for r in kb["named_after"])
    return re.compile(rf"\s+(?:{named_after})\b", re.IGNORECASE)


def cited_at(text: str, line_start: int, start: int, end: int) -> bool:
    """Whether the name text[start:end] is an author cited in a note (see NOTE_LINE)."""
    if not text.startswith("[", line_start):
        return False
    return bool(NOTE_LINE.fullmatch(text, line_start, start) and CITATION.match(text, end))


def name_tokens(text: str, line_starts: tuple[int, ...], kb: Knowledge) -> NameTokens:
    """The name tokens of a text (one pass of TOKEN over it): a pure function of the text
    and the knowledge, so it is computed with the text's extraction and cached with it."""
    banned = not_names(kb)
    thing = kb.derived("named_after", _named_after)
    words: list[str] = []
    starts: list[int] = []
    initials: list[str] = []
    lines: list[int] = []
    cited: list[bool] = []
    line = 1
    count = len(line_starts)
    for m in TOKEN.finditer(text):
        word = strip_possessive(m["surname"])
        if word in banned or ("-" not in word and len(word) < 3):
            continue
        end = m.end()
        if thing.match(text, end):
            continue  # "the Hearst press", "the Trotsky Internet Archive"
        start = m.start("surname")
        while line < count and line_starts[line] <= start:
            line += 1  # tokens come in text order: the line only moves forward
        words.append(word)
        starts.append(start)
        initials.append((m["initials"] or "").strip())
        lines.append(line)
        cited.append(cited_at(text, line_starts[line - 1], start, start + len(word)))
    return NameTokens(words, starts, initials, lines, cited)
