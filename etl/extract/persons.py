"""Names that show they belong to a person, wherever they stand.

Rules (each a value of `extractor`):
- `persons.titled`: a title or role before a name ("prosecutor Vyshinsky",
  "Marshal Egorov", "Ambassador Davies"); titles in
  etl/knowledge/titles.csv.
- `persons.full_name`: a given name or initials before a surname ("Leon
  Orlov", "I.N. Petrov"); given names in etl/knowledge/given_names.csv.
- `persons.speaker`: a transcript speaker ("Vyshinsky: …") who speaks at least
  twice in the text.
These anchor persons; resolution then finds every other occurrence of their
names in every text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from etl.extract import Record
from etl.lang.corpus import Source
from etl.lang.knowledge import Knowledge
from etl.lang.names import INITIALS, UPPER, WORD, not_names, parse_item

# A Russian patronymic after a given name ("Sergei Mironovich Kirov") is not the surname.
PATRONYMIC = r"[A-Z][a-z]+(?:ovich|evich|ovna|evna|ichna|ich)"


def given_names(kb: Knowledge) -> frozenset[str]:
    return kb.derived("given_names", _given_names)


def _given_names(kb: Knowledge) -> frozenset[str]:
    return frozenset(row["name"] for row in kb["given_names"])


def _patterns(kb: Knowledge) -> tuple[dict[str, str], re.Pattern, re.Pattern]:
    """(role of each title, the titled-name pattern, the full-name pattern), made once per
    knowledge. Each starts with a look-ahead for the characters a match can start with (a
    title's first letter; a capital): the same matches, found without trying every title
    and given name at every position of the text."""
    roles = {row["title"]: row["role"] for row in kb["titles"]}
    titles = "|".join(re.escape(t) for t in sorted(roles, key=len, reverse=True))
    given = "|".join(sorted(given_names(kb), key=len, reverse=True))
    pattern = rf"\b({titles})\s+((?:{INITIALS}\s*)?(?:(?:{given})\s+(?:{WORD}\s+)?)?{WORD})\b"
    if roles and all(roles):
        pattern = "(?=[" + "".join(sorted({re.escape(t[0]) for t in roles})) + "])" + pattern
    full = (
        rf"\b(?:(?:{given}) (?:(?:{given}|[A-Z]\.) )?|{INITIALS} ?)(?:{given} )?"
        rf"(?P<patronymic>{PATRONYMIC} )?(?P<surname>{WORD})(?:\[[^\]\n]{{1,30}}\])?"
    )
    if all(re.fullmatch(rf"[{UPPER}][\w’' -]*", name) for name in given_names(kb)):
        full = rf"(?=[{UPPER}])" + full  # a given name or an initial starts every match
    return roles, re.compile(pattern), re.compile(full)


def _anchor(
    source: Source, kb: Knowledge, start: int, end: int, rule: str, role: str = ""
) -> Record | None:
    name = parse_item(source.text, start, end, kb)
    if name is None or name.surname in given_names(kb):
        return None
    return Record(
        "mentions", {}, source.span(name.start, name.end), rule, refs={"name": name, "role": role}
    )


def extract(source: Source, kb: Knowledge) -> Iterator[Record]:
    text = source.text
    banned = not_names(kb)
    # Titled names.
    roles, pattern, full = kb.derived("person_patterns", _patterns)
    titled: list[tuple[int, int]] = []
    for m in pattern.finditer(text):
        if m[1] in ("Comrades", "Cdes.", "the generals", "generals"):
            continue  # plural titles head lists, read by the list rules
        head = m.start(2)
        surname_end = m.end(2)
        record = _anchor(source, kb, head, surname_end, "persons.titled", roles[m[1]])
        if record and record.refs["name"].surname not in banned:
            titled.append((record.span.char_start, record.span.char_end))
            yield record
    # Given name or initials + surname.
    for m in full.finditer(text):
        if m.start() > 0 and (text[m.start() - 1].isalpha() or text[m.start() - 1] == "."):
            continue  # inside a word or an abbreviation such as "U.S.S.R."
        if re.fullmatch(PATRONYMIC, m["surname"]) and not m["patronymic"]:
            continue  # "Sergei Mironovich": given name and patronymic, no surname
        if any(a <= m.start() < b for a, b in titled):
            continue  # "the judge Denis Nowell Pritt" was read whole by the titled rule
        record = _anchor(source, kb, m.start(), m.end(), "persons.full_name")
        if record:
            yield record
    # Transcript speakers.
    speakers = re.compile(rf"^({WORD}):\s+\S", re.MULTILINE)
    counts = Counter(m[1] for m in speakers.finditer(text))
    for m in speakers.finditer(text):
        if counts[m[1]] >= 2 and m[1] not in banned:
            record = _anchor(source, kb, m.start(1), m.end(1), "persons.speaker")
            if record:
                yield record
