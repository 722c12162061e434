"""Name forms of lists, registers and tables: capitalised surnames, initials after the
surname, list marks."""

import re

from etl.lang.knowledge import Knowledge
from etl.lang.names import (
    LOWER,
    UPPER,
    WORD,
    Name,
    item_pattern,
    not_names,
    parse_inverted,
    parse_item,
    title_pattern,
)

# "Sh. G.", "Ts. I.", "A. F." (not "No.", a number's abbreviation: "Case No. 2390")
REGISTER_INITIALS = rf"(?:(?!No\.)[{UPPER}][a-z]{{0,2}}\.\s?){{1,3}}"
TRAILING = rf"(?:\s+{REGISTER_INITIALS}(?=\s|,|$))?"  # initials after a surname: "Surname A. B."
LIST_MARK = re.compile(r"[ \t]*(?:\(?\d{1,3}[.)]|\(?[a-z][.)]|[–—•*-])[ \t]+")


CAPS_SURNAME = rf"[{UPPER}]{{2,}}(?:-[{UPPER}]{{2,}})?"
# A surname in capitals alone, as newspapers print the accused ("sentenced SURNAME, OTHERNAME
# and THIRDNAME to be shot"): not a word of a line in capitals ("THE WRECKERS SENTENCED").
BARE_CAPS = rf"(?<![{UPPER}] )[{UPPER}]{{3,}}(?:-[{UPPER}]{{2,}})?\b(?!\s+[{UPPER}]{{2}})"
VOWELS = set("AEIOUYÀÁÂÄÈÉÊËÌÍÎÏÒÓÔÖÙÚÛÜ")


def bare_caps_name(text: str, start: int, end: int, kb: Knowledge) -> Name | None:
    """The surname in capitals that text[start:end] is, all of it, or None: a word with a
    vowel and a consonant that is not an acronym or another word of not_names.csv."""
    piece = text[start:end].strip()
    if not re.fullmatch(BARE_CAPS, piece) or not VOWELS & set(piece) or set(piece) <= VOWELS:
        return None
    if piece in {word.upper() for word in not_names(kb)}:
        return None
    at = text.index(piece, start)
    return Name(piece, at, at + len(piece), piece.title())


def list_item_name(text: str, start: int, end: int, kb: Knowledge) -> Name | None:
    """The name an item of a register list opens with, in the orders registers use:
    "Surname, Given Patronymic", "Surname A. B." or "Surname Sh. B." (initials after),
    "Surname Given Patronymic", "SURNAME, Given Patronymic", "SURNAME, A. B." (the surname
    in capitals), "Given Patronymic SURNAME", or the usual "A. B. Surname"."""
    piece = text[start:end]
    caps = re.match(
        rf"({CAPS_SURNAME})(?:\s*\([^()]{{1,40}}\))?"  # "SURNAME (Other Spelling)"
        rf"(?:,?\s+(?P<initials>{REGISTER_INITIALS})|,?\s*(?P<given>{WORD}(?:\s+{WORD})?))",
        piece,
    )
    banned = {word.upper() for word in not_names(kb)}
    if caps and caps[1] not in banned:
        written = caps[0].strip()
        parts = (
            {"given": caps["given"]} if caps["given"] else {"initials": caps["initials"].strip()}
        )
        return Name(written, start, start + len(written), caps[1].title(), **parts)
    # "Surname A. B." or "Surname, A. B." (initials after)
    initials = re.match(rf"({WORD}),?\s+({REGISTER_INITIALS})(?![{LOWER}])", piece)
    given = re.match(rf"({WORD})\s+({WORD}\s+{WORD}(?:{patronymic_endings(kb)}))\b", piece)
    m = initials or given
    if m is not None:
        name = parse_item(text, start + m.start(1), start + m.end(1), kb)
        if name is not None:
            written = m[0].strip()
            parts = {"initials": m[2].strip()} if initials else {"given": m[2]}
            return Name(written, start, start + len(written), name.surname, **parts)
    # "Given Patronymic SURNAME": the surname in capitals after the names in full
    spelled = re.match(
        rf"({WORD}\s+{WORD}(?:{patronymic_endings(kb)}))\s+({CAPS_SURNAME})\b(?![{LOWER}])", piece
    )
    if spelled and spelled[2] not in banned:
        written = spelled[0]
        return Name(written, start, start + len(written), spelled[2].title(), given=spelled[1])
    usual = re.match(item_pattern(kb), piece)
    if usual and (usual["title"] or usual["initials"] or usual["given"]):
        return parse_item(text, start, start + usual.end(), kb)  # "Mrs. Given Surname"
    return initials_caps_name(text, start, end, kb) or parse_inverted(text, start, end, kb)


# "A. S. SURNAME": initials before a surname in capitals, as newspapers set the accused
INITIALS_CAPS = re.compile(rf"({REGISTER_INITIALS})\s*({CAPS_SURNAME})\b(?![{LOWER}])")


def initials_caps_name(text: str, start: int, end: int, kb: Knowledge) -> Name | None:
    """The name text[start:end] opens with if it is "A. S. SURNAME", or None."""
    lead = len(text[start:end]) - len(text[start:end].lstrip())
    m = INITIALS_CAPS.match(text, start + lead, end)
    if m is None or m[2] in {word.upper() for word in not_names(kb)}:
        return None
    return Name(m[0], m.start(), m.end(), m[2].title(), initials=m[1].strip())


def patronymic_endings(kb: Knowledge) -> str:
    """The endings of patronymics as one alternation, longest first."""
    return kb.derived("patronymic_endings", _endings)


def _endings(kb: Knowledge) -> str:
    return "|".join(sorted((r["ending"] for r in kb["patronymics"]), key=len, reverse=True))


def has_patronymic(given: str, kb: Knowledge) -> bool:
    """ "Given Patronymic" (Agafya Semyonovna): a person's name, whatever the given name."""
    words = given.split()
    return len(words) == 2 and bool(re.search(rf"(?:{patronymic_endings(kb)})$", words[1]))


JOINED = re.compile(r"\s*(?:,\s*and|,|and)\s+")


def opening_names(text: str, start: int, end: int, kb: Knowledge) -> list[Name]:
    """The names an item or a resolution opens with: one, or several joined by "and" or
    commas ("SURNAME A. B. and SURNAME C. D. – to be shot", "Surname A. B. and Othername
    C. D., to … fifteen and ten years respectively")."""
    names: list[Name] = []
    at = start
    joined: re.Match | None = None
    while (name := list_item_name(text, at, end, kb)) is not None:
        if name.surname in not_names(kb):
            break
        if names and name.start != at:
            break
        if names and joined and joined[0].strip() == "," and not (name.given or name.initials):
            break  # after a bare comma, only a name in full: "…, Ukrainian, b. 1899" is not one
        names.append(name)
        after = name.end  # "Surname, Given Patronymic" is written as the surname alone
        if name.given and (given := re.match(rf",?\s*{re.escape(name.given)}", text[after:end])):
            after += given.end()
        joined = JOINED.match(text, after, end)
        if joined is None:
            break
        at = joined.end()
    return names


def register_heads(text: str, start: int, end: int, kb: Knowledge) -> list[Name]:
    """The names text[start:end] opens with (after a list mark), if written in full."""
    mark = LIST_MARK.match(text, start, end)
    at = mark.end() if mark else start + len(text[start:end]) - len(text[start:end].lstrip())
    title = re.match(rf"(?:{title_pattern(kb)})\s+(?=[{UPPER}])", text[at:end])
    at += title.end() if title else 0  # "Citizen SURNAME Given …", "The accused Surname A. B."
    heads = opening_names(text, at, end, kb)
    if not heads or not (heads[0].given or heads[0].initials):
        return []
    return heads


def names_regex(kb: Knowledge) -> str:
    """The pattern of one name, without its named groups (to repeat it in a pattern)."""
    return re.sub(r"\(\?P<\w+>", "(?:", item_pattern(kb))


def surname_ending(word: str, kb: Knowledge) -> bool:
    """Whether a word ends as a surname does (etl/knowledge/surname_endings.csv)."""
    return bool(re.search(rf"(?:{_surname_endings(kb)})$", word.lower()))


def _surname_endings(kb: Knowledge) -> str:
    return kb.derived(
        "surname_endings",
        lambda k: "|".join(
            sorted((r["ending"] for r in k["surname_endings"]), key=len, reverse=True)
        ),
    )


# After a place that opens an item of news or a dispatch: a full stop, or its region word
# and a full stop, or a date ("— Placename. …", "1. Othername oblast. …", "Placename, 12 October.")
DATELINE = re.compile(
    r"(\s+(?:oblast|krai|raion|region|province|district|okrug|gubernia|ASSR))?\.\s+[A-Z]"
    r"|,\s+\d{1,2}\s+[A-Z][a-z]+\."
)


def dateline(text: str, name: Name, end: int, kb: Knowledge) -> bool:
    """Whether a bare name that opens an item is a place, as dispatches and news in brief
    open theirs ("— Placename. The raion court …", "1. Othername oblast. The UNKVD reports …")."""
    m = DATELINE.match(text, name.end, end)
    if m is None or name.given or name.initials:
        return False
    # a region word says it is a place; else a word without a surname's ending ("Placename.",
    # "Othername."), not "1. Petrov. Kulak, born 1890."
    return bool(m[1]) or not surname_ending(name.surname, kb)
