"""The writer of a memoir, a letter or a petition, for the sentences told in the first
person ("I was given eight years by the Special Board"): the one person the text names as
its writer, in its title ("From the memoirs of Given Patronymic Surname"), in its own words
("I, Given Surname, …", "my name is …") or in a signature on its last lines. A row that
names the writer so is an inference from where that name stands, and says so."""

from __future__ import annotations

import re

from etl.extract.sentences.forms import CAPS_SURNAME, has_patronymic, list_item_name
from etl.lang.knowledge import Knowledge
from etl.lang.led import led
from etl.lang.names import WORD, Name, not_names, parse_item
from etl.lang.text import Block, lines, text_memo

NAME = rf"(?:(?:[A-Z]\.\s?){{1,3}}|{WORD}\s+)?(?:{WORD}\s+)?(?:{WORD}|{CAPS_SURNAME}\b)"
# A title that names its writer: "From the memoirs of …", "Letter of …", "Petition from …"
TITLED = re.compile(
    r"\b(?:[Mm]emoirs?|[Rr]ecollections|[Rr]eminiscences|[Nn]otes|[Dd]iary|[Tt]estimony|[Cc]hronicle"
    r"|[Aa]ccount|[Ll]etters?|[Ss]tatement|[Pp]etition|[Aa]ppeal|[Cc]omplaint)"
    r"\s+(?:of|by|from)\s+(?:(?:citizen|prisoner|comrade|[Cc]itizen|[Pp]risoner|[Cc]omrade)\s+)?"
    rf"(?P<name>{NAME})\b"
)
# "I, Given Surname, …", "my name is …", "The author, Given Surname, …", a byline "By …", a
# letter's heading in a collection ("Letter 3. Given Surname to her sister, …", "From Given
# Surname to the Procurator")
SELF_NAMED = re.compile(
    rf"\b(?:I,\s+|[Mm]y name (?:is|was)\s+|[Tt]he (?:author|writer),?\s+)(?P<name>{NAME})\b"
    rf"|^[ \t]*[Bb]y\s+(?P<byline>{NAME})[ \t]*$"
    rf"|^[ \t]*(?:(?:Letter|Postcard|Note)\b[^\n.:]{{0,12}}[.:][ \t]*(?:[Ff]rom[ \t]+)?|From[ \t]+)"
    rf"(?P<heading>{NAME})[ \t]+to[ \t]+(?:his|her|my|the|their|a)\b",
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
    r"\bI\s+(?:myself\s+)?(?:was|had\s+been|have\s+been)\s+"
    r"(?:(?!nearly|almost|supposedly|allegedly|reportedly)[a-z]+ly\s+|again\s+|also\s+)?"
    r"(?:sentenced|condemned|convicted|exiled|banished)\b"
    # "told that … I am to be exiled to Kazakhstan for five years"
    r"|\bI\s+(?:am|was)\s+to\s+be\s+(?:exiled|banished|deported|shot|confined|sent)\b"
    # "I was given eight years", "I got ten years", "they gave me five years": a term or a
    # penalty right after the verb, not "I received word that …", "I was given a copy"
    r"|\bI\s+(?:was\s+given|(?:had\s+)?got|(?:had\s+)?received|had\s+been\s+given)\s+"
    r"(?=(?:another\s+|a\s+further\s+|a\s+(?:term|sentence)\s+of\s+)?(?:\w+|\d+)(?:[-\s]year)"
    r"|(?:the\s+)?(?:supreme|highest|death|VMN)\b)"
    r"|\b(?:gave|sentenced|condemned|awarded)\s+me\b"
)


def writer(text: str, kb: Knowledge, at: int | None = None) -> Name | None:
    """The one person the text names as its writer; in a collection of letters or petitions
    that name several, the one who names themselves last before `at` ("I, Given Surname,
    …", "from Surname Given Patronymic"); else None."""
    memo = text_memo(text, kb)
    if "writer" not in memo:
        memo["writer"] = _writer(text, kb)
        memo["writers"] = [
            (m.start(), n)
            for m in SELF_NAMED.finditer(text)
            if (n := _person(text, m, kb)) is not None and (n.given or n.initials)
        ] + _petitioners(text, kb)
    # one writer for the whole text, unless it is a collection of numbered letters
    if at is None or (memo["writer"] is not None and not LETTER_HEAD.search(text)):
        return memo["writer"]
    before = sorted((start, n) for start, n in memo["writers"] if at - WRITER_REACH <= start <= at)
    if not before:
        return None
    # a letter's heading after the writer's naming opens another letter, maybe another's
    if any(before[-1][0] < h.start() <= at for h in LETTER_HEAD.finditer(text)):
        return None
    return before[-1][1]


# What opens another letter or petition: its numbered heading, a separator ("* * *"), or
# its address ("To the Procurator of the USSR")
LETTER_HEAD = re.compile(
    r"^[ \t]*(?:(?:Letter|Postcard|Note|Telegram)\s+(?:No\.\s*)?\d+\b|(?:\*\s*){3}$"
    r"|To\s+the\s+[A-Z])",
    re.MULTILINE,
)


WRITER_REACH = 1500  # characters: how far a petition's writer, named at its head, still speaks


def named_addressees(text: str, kb: Knowledge) -> list[Name]:
    """The names a verdict told in the second person may be inferred to: the addressees the
    text names (the anchors its inferred rows point to)."""
    return [n for _, n in _addressees(text, kb)]


# A petition's heading line: "from Surname Given Patronymic, engineer, Sverdlovsk"
PETITIONER = re.compile(
    rf"^[ \t]*from[ \t]+(?:citizen[ \t]+|citizeness[ \t]+)?(?P<heading>{NAME})[ \t]*(?:,|$)",
    re.MULTILINE,
)


def _petitioners(text: str, kb: Knowledge) -> list[tuple[int, Name]]:
    """The writers petitions' headings name in full ("from Surname Given Patronymic, …"),
    not a relative a memoir's line opens with ("from Aunt Given, and …")."""
    found = []
    for m in PETITIONER.finditer(text):
        name = _person(text, m, kb)
        if name is not None and (name.given or name.initials) and not name.title:
            found.append((m.start(), name))
    return found


def _writer(text: str, kb: Knowledge) -> Name | None:
    found = [m for m in TITLED.finditer(text, 0, min(len(text), TITLE_REACH))]
    found += list(SELF_NAMED.finditer(text))
    written = [b for b in lines(text) if text[b.start : b.end].strip()]
    for line in written[-SIGNATURE_LINES:]:
        m = SIGNATURE.fullmatch(text, line.start, line.end)
        if m:
            found.append(m)
    names = [n for m in found if (n := _person(text, m, kb)) is not None]
    names += [n for _, n in _petitioners(text, kb)]
    if len({n.surname for n in names}) != 1:
        return None
    return max(names, key=lambda n: len(n.written))  # the fullest form the text gives


def _person(text: str, m: re.Match, kb: Knowledge) -> Name | None:
    group = next(g for g in ("name", "byline", "heading") if m.groupdict().get(g))
    start, end = m.start(group), m.end(group)
    # the usual order first: "Given Patronymic Surname" (a surname in "-vich" is no
    # patronymic here), then the register's "SURNAME Given"
    caps = re.fullmatch(rf"((?:{WORD}\s+)?{WORD})\s+({CAPS_SURNAME})", text[start:end])
    if caps:  # "I, Given Patronymic SURNAME, …"
        name = Name(caps[0], start, end, caps[2].title(), given=caps[1])
    elif register_order(text[start:end], kb):  # "Surname Given Patronymic"
        name = list_item_name(text, start, end, kb)
    else:
        name = parse_item(text, start, end, kb) or list_item_name(text, start, end, kb)
    if name is None or name.surname in not_names(kb):
        return None
    return name


def register_order(written: str, kb: Knowledge) -> bool:
    """ "Surname Given Patronymic": three words, the last two a given name and a patronymic,
    the first no given name ("Given Patronymic Surname-vich" is the usual order)."""
    words = written.split()
    given = {row["name"] for row in kb["given_names"]}
    return len(words) == 3 and words[0] not in given and has_patronymic(" ".join(words[1:]), kb)


# A certificate's or a reply's "You were sentenced by the Special Board …", "sentenced you"
SECOND_PERSON = re.compile(
    r"\b[Yy]ou\s+(?:were|have\s+been|had\s+been)\s+(?:(?:again|also|then)\s+)?"
    r"(?:sentenced|condemned|convicted|exiled|banished)\b|\b(?:sentenced|condemned)\s+you\b"
)
# Whom a certificate, a reply or a letter is written to: "Issued to citizen Surname Given
# Patronymic", "To citizen Surname …"
ADDRESSED = re.compile(
    rf"^[ \t]*(?:[Ii]ssued\s+to|To)\s+(?:[Cc]itizen(?:ess)?\s+)(?P<heading>{NAME})\b",
    re.MULTILINE,
)
ADDRESSEE_REACH = 1500  # characters: how far a certificate's addressee is still its "you"


def addressee(text: str, kb: Knowledge, at: int) -> Name | None:
    """The person named last before `at` as whom a certificate or reply is issued or
    written to, within ADDRESSEE_REACH; else None."""
    before = [(s, n) for s, n in _addressees(text, kb) if at - ADDRESSEE_REACH <= s <= at]
    return before[-1][1] if before else None


def _addressees(text: str, kb: Knowledge) -> list[tuple[int, Name]]:
    """(where, name) of every person the text says it is issued or written to, once a text."""
    memo = text_memo(text, kb)
    if "addressees" not in memo:
        memo["addressees"] = [
            (m.start(), n)
            for m in ADDRESSED.finditer(text)
            if (n := _person(text, m, kb)) is not None and (n.given or n.initials)
        ]
    return memo["addressees"]


def second_person(text: str, sentence: Block) -> re.Match | None:
    """Where the sentence tells a verdict on the one it is written to ("You were sentenced
    by the Special Board …"), not in quoted words; else None."""
    m = SECOND_PERSON.search(text, sentence.start, sentence.end)
    return None if m is None or _quoted(text, sentence, m) else m


def first_person(text: str, sentence: Block) -> re.Match | None:
    """Where the sentence tells a verdict on its writer, or None: not in another person's
    words in quotation marks ("She told me, 'I was given eight years'")."""
    m = FIRST_PERSON.search(text, sentence.start, sentence.end)
    return None if m is None or _quoted(text, sentence, m) else m


def _quoted(text: str, sentence: Block, m: re.Match) -> bool:
    """Whether the words of `m` stand inside quotation marks opened on their line."""
    line = text.rfind("\n", 0, sentence.start) + 1
    before = text[line : m.start()]
    return bool(
        (before.count('"') % 2)
        or (before.count("“") > before.count("”"))
        or (len(re.findall(r"(?<!\w)'|‘", before)) > len(re.findall(r"'(?!\w)|’(?!\w)", before)))
    )
