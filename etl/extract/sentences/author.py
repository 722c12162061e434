"""The writer of a memoir, a letter or a petition, for the sentences told in the first
person ("I was given eight years by the Special Board"): the one person the text names as
its writer, in its title ("From the memoirs of Given Patronymic Surname"), in its own words
("I, Given Surname, …", "my name is …") or in a signature on its last lines. A row that
names the writer so is an inference from where that name stands, and says so."""

from __future__ import annotations

import re

from etl.extract.sentences.forms import list_item_name
from etl.lang.knowledge import Knowledge
from etl.lang.led import led
from etl.lang.names import WORD, Name, not_names, parse_item
from etl.lang.text import Block, lines, text_memo

NAME = rf"(?:(?:[A-Z]\.\s?){{1,3}}|{WORD}\s+)?(?:{WORD}\s+)?{WORD}"
# A title that names its writer: "From the memoirs of …", "Letter of …", "Petition from …"
TITLED = re.compile(
    r"\b(?:[Mm]emoirs?|[Rr]ecollections|[Rr]eminiscences|[Nn]otes|[Dd]iary|[Tt]estimony"
    r"|[Aa]ccount|[Ll]etters?|[Ss]tatement|[Pp]etition|[Aa]ppeal|[Cc]omplaint)"
    r"\s+(?:of|by|from)\s+(?:(?:citizen|prisoner|comrade|[Cc]itizen|[Pp]risoner|[Cc]omrade)\s+)?"
    rf"(?P<name>{NAME})\b"
)
# "I, Given Surname, …", "my name is …", "The author, Given Surname, …", a byline "By …"
SELF_NAMED = re.compile(
    rf"\b(?:I,\s+|[Mm]y name (?:is|was)\s+|[Tt]he (?:author|writer),?\s+)(?P<name>{NAME})\b"
    rf"|^[ \t]*[Bb]y\s+(?P<byline>{NAME})[ \t]*$",
    re.MULTILINE,
)
# a signature, alone or after its closing words: "Your loving son, Pavel", "Yours, A. Surname"
SIGNATURE = re.compile(
    rf"[ \t]*(?:[-—–][ \t]*)?(?:(?:Your|Yours)(?:\s+[a-z]+){{0,3}},?\s+)?(?P<name>{NAME})\.?[ \t]*"
)
# Searched in whole texts: led (etl/lang/led.py), the same matches found faster.
TITLED, SELF_NAMED = led(TITLED), led(SELF_NAMED)
TITLE_REACH = 600  # characters from the start of the text where its title stands
SIGNATURE_LINES = 3  # the last lines of a letter where its signature stands

# "I was given eight years", "I had been sentenced", "I got ten years", "they gave me five
# years", "sentenced me to": the writer as a verdict's subject or object
FIRST_PERSON = re.compile(
    r"\bI\s+(?:was|had\s+been|have\s+been)\s+(?:(?!nearly|almost|supposedly|allegedly|reportedly)[a-z]+ly\s+|again\s+|also\s+)?"
    r"(?:sentenced|condemned|convicted|exiled|banished)\b"
    # "I was given eight years", "I got ten years", "they gave me five years": a term or a
    # penalty right after the verb, not "I received word that …", "I was given a copy"
    r"|\bI\s+(?:was\s+given|(?:had\s+)?got|(?:had\s+)?received|had\s+been\s+given)\s+"
    r"(?=(?:another\s+|a\s+further\s+|a\s+(?:term|sentence)\s+of\s+)?(?:\w+|\d+)(?:[-\s]year)"
    r"|(?:the\s+)?(?:supreme|highest|death|VMN)\b)"
    r"|\b(?:gave|sentenced|condemned|awarded)\s+me\b"
)


def writer(text: str, kb: Knowledge) -> Name | None:
    """The one person the text names as its writer, or None (none, or more than one)."""
    memo = text_memo(text, kb)
    if "writer" not in memo:
        memo["writer"] = _writer(text, kb)
    return memo["writer"]


def _writer(text: str, kb: Knowledge) -> Name | None:
    found = [m for m in TITLED.finditer(text, 0, min(len(text), TITLE_REACH))]
    found += list(SELF_NAMED.finditer(text))
    written = [b for b in lines(text) if text[b.start : b.end].strip()]
    for line in written[-SIGNATURE_LINES:]:
        m = SIGNATURE.fullmatch(text, line.start, line.end)
        if m:
            found.append(m)
    names = [n for m in found if (n := _person(text, m, kb)) is not None]
    if len({n.surname for n in names}) != 1:
        return None
    return max(names, key=lambda n: len(n.written))  # the fullest form the text gives


def _person(text: str, m: re.Match, kb: Knowledge) -> Name | None:
    group = "name" if m.groupdict().get("name") else "byline"
    start, end = m.start(group), m.end(group)
    # the usual order first: "Given Patronymic Surname" (a surname in "-vich" is no
    # patronymic here), then the register's "SURNAME Given"
    name = parse_item(text, start, end, kb) or list_item_name(text, start, end, kb)
    if name is None or name.surname in not_names(kb):
        return None
    return name


def first_person(text: str, sentence: Block) -> re.Match | None:
    """Where the sentence tells a verdict on its writer, or None: not in another person's
    words in quotation marks ("She told me, 'I was given eight years'")."""
    m = FIRST_PERSON.search(text, sentence.start, sentence.end)
    line = text.rfind("\n", 0, sentence.start) + 1
    before = text[line : m.start()] if m else ""
    quoted = (
        (before.count('"') % 2)
        or (before.count("“") > before.count("”"))
        or (len(re.findall(r"(?<!\w)'|‘", before)) > len(re.findall(r"'(?!\w)|’(?!\w)", before)))
    )
    return None if m is None or quoted else m
