"""Relatives in memoirs and family letters: the person "Father", "my mother" or "Uncle
Given" stands for, read from the text's own introduction of them ("My father, Given
Patronymic Surname, was an engineer"). A row that names someone this way is an inference
from the introduction, and says so."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from etl.extract.sentences.forms import CAPS_SURNAME, has_patronymic, list_item_name
from etl.lang.knowledge import Knowledge
from etl.lang.led import compile_led
from etl.lang.names import WORD, Name, not_names, parse_item
from etl.lang.text import text_memo


@dataclass(frozen=True)
class Relative:
    """A relative the text introduces: the kin word ("father"), the name it gives them,
    their gender ("m" or "f") and where the introduction stands."""

    word: str
    name: Name
    gender: str
    start: int
    end: int
    called: str = ""  # the name after the kin word ("Given" in "Uncle Given")
    family: bool = True  # the writer's own ("my father", "Mother's brother"), not "Stalin's wife"


@dataclass(frozen=True)
class KinReference:
    """A place where the text calls a relative by their kin word: "Father", "my mother"."""

    start: int
    end: int
    relative: Relative


def kin_genders(kb: Knowledge) -> dict[str, str]:
    return kb.derived("kin_genders", lambda k: {r["word"]: r["gender"] for r in k["kinship"]})


def _kin_words(kb: Knowledge) -> str:
    return "|".join(sorted(kin_genders(kb), key=len, reverse=True))


# Kin words that are also a cleric's title ("Father Pavel"): no relative's title form.
CLERICAL = {"father", "mother", "sister", "brother"}
# Owners that make a relative the writer's family ("my father", "Mother's brother"); another
# person's relative ("Stalin's wife", "his wife") is not what "my wife" refers to.
FAMILY_OWNERS = {"my", "our", "your"}

# Before a kin word in an introduction: "My", "our", "Mother's", "his", and an age word.
_OWNER = r"(?:\b(?:[Mm]y|[Oo]ur|[Yy]our|[Hh]is|[Hh]er|[Tt]heir|[A-Z][a-z]+['’]s)\s+)"
_AGE = r"(?:(?:younger|elder|older|little|eldest|youngest|late|only)\s+)?"


APPOSED_FULL = re.compile(rf",\s+({WORD}\s+{WORD}(?:\s+{WORD})?)\b(?!\s+{WORD})")


def relatives(text: str, kb: Knowledge) -> tuple[Relative, ...]:
    """The relatives a text introduces by name, in text order: "My father, Given Patronymic
    Surname," (a name in apposition), "my grandfather Given Surname" (a name right after
    the kin word), "Uncle Given" (the kin word as a title)."""
    memo = text_memo(text, kb)
    if "relatives" not in memo:
        memo["relatives"] = tuple(_relatives(text, kb))
    return memo["relatives"]


def _introduction(kb: Knowledge) -> re.Pattern:
    """A relative introduced by name, made once per knowledge and led (etl/lang/led.py): it
    is searched through every text."""
    genders = kin_genders(kb)
    words = _kin_words(kb)
    # the name: up to four capitalised words, or initials and a surname
    name = rf"(?:{CAPS_SURNAME}|{WORD})(?:\s+{WORD}){{0,3}}"  # "SURNAME Given Patronymic" too
    # the kin word as a title, not the words that are also a cleric's ("Father Pavel",
    # "Mother Superior", "Sister Maria")
    titles = "|".join(w.title() for w in genders if w not in CLERICAL)
    return compile_led(
        rf"(?:(?P<owner>{_OWNER}){_AGE}(?P<kin>{words})(?:\s*,\s*|\s+)|\b(?P<title>{titles})\s+)"
        rf"(?P<name>{name})"
    )


def _relatives(text: str, kb: Knowledge) -> list[Relative]:
    genders = kin_genders(kb)
    banned = not_names(kb)
    introduction = kb.derived("kin_introduction", _introduction)
    found = []
    for m in introduction.finditer(text):
        kin = (m["kin"] or m["title"]).lower()
        person = list_item_name(text, m.start("name"), m.end("name"), kb) or parse_item(
            text, m.start("name"), m.end("name"), kb
        )
        if person is None or person.surname in banned or person.surname.lower() in genders:
            continue
        # "my sister Diminutive, Given Patronymic Surname": the name in full after the one used
        full = APPOSED_FULL.match(text, m.end("name"))
        named = full and parse_item(text, full.start(1), full.end(1), kb)
        if named and named.given and not person.given and named.surname not in banned:
            person = named
        last = found[-1] if found else None
        if (
            m["title"]
            and last
            # introduced in full, not by a call name ("Grandfather Given, Uncle Given, …")
            and (last.name.given or last.name.initials)
            and last.called == last.name.written
            and re.fullmatch(r",\s+(?:our\s+|my\s+)?", text[last.end : m.start()])
        ):
            person = last.name  # "Mother's brother, Given Patronymic Surname, Uncle Given"
        owner = re.sub(r"['’]s?$", "", m["owner"].split()[0]).lower() if m["owner"] else ""
        family = not owner or owner in FAMILY_OWNERS or owner in genders
        relative = Relative(kin, person, genders[kin], m.start(), m.end("name"), m["name"], family)
        found.append(relative)
    return found


def full_name(text: str, kb: Knowledge, name: Name) -> Name:
    """The full name of a relative a text calls by kin word and given name ("Uncle Given"),
    here or later, when it introduced them so ("…, Given Patronymic Surname, Uncle Given",
    "my cousin Given, Given Patronymic Surname"); else `name`."""
    for relative in relatives(text, kb):
        linked = relative.name.start < relative.start  # the title form after a full name
        here = relative.start <= name.start < relative.end
        again = name.title.lower() == relative.word and name.surname == relative.called
        if linked and (here or again):
            return relative.name
        # "my sister Diminutive, Given Patronymic Surname", then "Diminutive" or "Sister …"
        named_after = relative.name.start >= relative.end and relative.start < name.start
        call = name.surname == relative.called and not (name.given or name.initials)
        if named_after and call and name.title.lower() in ("", relative.word):
            return relative.name
    return named_in_full(text, kb, name) or name


def named_in_full(text: str, kb: Knowledge, name: Name) -> Name | None:
    """ "Uncle Diminutive", "Aunt Diminutive": the one person the text names in full with a given
    name the diminutive stands for (etl/knowledge/diminutives.csv), of the kin word's
    gender; None when there is none or more than one."""
    fulls = diminutives(kb).get(name.surname)
    before = re.search(r"(\w+)\s+$", text[max(0, name.start - 20) : name.start])
    title = name.title or (before[1] if before else "")  # "Aunt Diminutive", titled or not
    gender = kin_genders(kb).get(title.lower())
    if not fulls or not gender or name.given or name.initials:
        return None  # a diminutive alone may be anyone's: "Diminutive got ten years"
    persons = {
        (full.given.split()[0], full.surname): full
        for full in given_full_names(text, kb)
        if full.given.split()[0] in fulls and full.given.split()[0].endswith("a") == (gender == "f")
    }
    return next(iter(persons.values())) if len(persons) == 1 else None


def diminutives(kb: Knowledge) -> dict[str, frozenset[str]]:
    """Diminutive → the given names it may stand for."""

    def read(k: Knowledge) -> dict[str, frozenset[str]]:
        found: dict[str, set[str]] = {}
        for row in k["diminutives"]:
            found.setdefault(row["diminutive"], set()).add(row["given"])
        return {d: frozenset(g) for d, g in found.items()}

    return kb.derived("diminutives", read)


def given_full_names(text: str, kb: Knowledge) -> tuple[Name, ...]:
    """The names of the text written with a given name and a surname, found once a text."""
    memo = text_memo(text, kb)
    if "given_full_names" not in memo:
        found = (parse_item(text, m.start(1), m.end(1), kb) for m in FULL_NAME.finditer(text))
        memo["given_full_names"] = tuple(n for n in found if n is not None and n.given)
    return memo["given_full_names"]


# from every capitalised word ("Then Given Patronymic Surname": not only "Then Given …")
FULL_NAME = re.compile(rf"\b(?=({WORD}(?:[ \t]+{WORD}){{1,2}})\b)")


def kin_references(text: str, kb: Knowledge, start: int, end: int) -> list[KinReference]:
    """The places in text[start:end] that call a relative by their kin word alone
    ("Father was arrested", "they came for Mother", "my father was condemned", a reply's
    "your father was sentenced"), each with the relative of the writer's family the text
    introduced last before it under that word."""
    known = relatives(text, kb)
    if not known:
        return []
    words = "|".join(sorted({r.word for r in known}, key=len, reverse=True))
    reference = _reference_pattern(words, _kin_words(kb))
    found = []
    for m in reference.finditer(text, start, end):
        word = (m["word"] or m["name"]).lower()
        before = [r for r in known if r.word == word and r.start < m.start() and r.family]
        if before and not any(r.start <= m.start() < r.end for r in known):
            found.append(KinReference(m.start(), m.end(), before[-1]))
    return found


@cache
def _reference_pattern(words: str, all_kin: str) -> re.Pattern:
    """A reference to a relative by one of `words` (made once for each set of words)."""
    return re.compile(
        rf"\b(?:(?:[Mm]y|[Oo]ur|[Yy]our)\s+(?P<word>{words})|(?P<name>{words.title()}))\b"
        # not an introduction ("Mother, Given Surname"), nor another relative ("Father's
        # younger brother"); "Father's rehabilitation" is Father
        rf"(?![’']s\s+{_AGE}(?:{all_kin})\b|\s*,\s*{WORD}|\s+{WORD})"
    )


def introduced_relatives(text: str, kb: Knowledge) -> list[Name]:
    """The names relatives are introduced with that surely name a person (a surname with
    a given name or initials, not "Given Patronymic" alone), once each: the persons a
    row that calls them "Father" is about."""
    names = {r.name.start: r.name for r in relatives(text, kb)}
    return [
        n for n in names.values() if (n.given or n.initials) and not has_patronymic(n.written, kb)
    ]
