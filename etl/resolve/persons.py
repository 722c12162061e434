"""Person resolution: names as written in many texts become one person each.

Every merge is explained in `persons.merged_by`: two spellings share a
transliteration key (etl/knowledge/transliteration.csv), the alias file says
so (etl/knowledge/aliases.csv), one is a part of the other's double surname,
or they are a close fuzzy match (rapidfuzz). Initials keep apart people who
share a surname (M. Orlov, N. Orlov); a bare surname that could be either is
left unresolved rather than guessed, unless one of them is named in full at
least DOMINANCE times as often as the others (Leon Trotsky and N.I. Trotsky)
or is the only one the same text names in full.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein
from unidecode import unidecode

from etl.extract import Record
from etl.lang.corpus import Source
from etl.lang.knowledge import Knowledge
from etl.lang.names import (
    FUZZY_CUTOFF,
    FUZZY_MIN_LENGTH,
    INITIALS,
    WORD,
    Name,
    close_keys,
    not_names,
    similarity,
    strip_possessive,
    surname_key,
)

DOMINANCE = 5  # a bare surname shared by several persons goes to one named 5x more often


@dataclass
class Person:
    keys: set[str]
    initial: str = ""
    spellings: Counter = field(default_factory=Counter)
    fulls: Counter = field(default_factory=Counter)
    roles: set[str] = field(default_factory=set)
    merges: dict[str, str] = field(default_factory=dict)
    anchors: int = 0
    first: tuple = (1 << 62, 0, "")  # the earliest anchor: its spelling names the id

    def add(self, name: Name, role: str = "", why: str = "") -> None:
        if why and name.surname not in self.spellings:
            self.merges.setdefault(name.surname, why)
        self.spellings[name.surname] += 1
        self.fulls[name.full] += 1
        if name.alias:
            self.spellings[name.alias] += 0
        if role:
            self.roles.add(role)

    @property
    def fullest(self) -> str:
        """The fullest form: most parts, a given name over an initial, a double surname over
        its part; then the most used spelling (so a one-off typo does not win)."""

        def fullness(full: str) -> tuple:
            words = full.split()
            given = any(len(w) > 2 and not w.endswith(".") for w in words[:-1])
            return (len(words), given, full.count("-"), self.fulls[full], len(full), full)

        return max(self.fulls, key=fullness)


def initial_of(name: Name, kb: Knowledge) -> str:
    first = (name.initials or name.given)[:1]
    return {"I": "Y", "J": "Y"}.get(first, first)  # И/Ю/Я are written I, J or Y


class PersonIndex:
    """Persons found so far, looked up by spelling key and initial."""

    def __init__(self, kb: Knowledge) -> None:
        self.kb = kb
        self.persons: list[Person] = []
        self.aliases = {row["variant"]: row["canonical"] for row in kb["aliases"]}
        # Lookups kept up to date by `_own` (persons gain keys only there), so that no
        # lookup scans every person: key → persons, part of a double key → persons,
        # (first letter, length) → keys (the only keys `close_keys` can accept).
        self._rank: dict[int, int] = {}
        self._owners: dict[str, list[Person]] = {}
        self._part_owners: dict[str, dict[int, Person]] = {}
        self._buckets: dict[tuple[str, int], set[str]] = {}
        self._keys: dict[str, tuple[str, str]] = {}

    def key(self, surname: str) -> tuple[str, str]:
        """The spelling key of a surname, and why it was changed (alias file) if it was."""
        if surname not in self._keys:
            if surname in self.aliases:
                self._keys[surname] = (surname_key(self.aliases[surname], self.kb), "alias file")
            else:
                self._keys[surname] = (surname_key(surname, self.kb), "")
        return self._keys[surname]

    def _in_order(self, persons: list[Person]) -> list[Person]:
        return sorted(persons, key=lambda p: self._rank[id(p)])

    def by_key(self, key: str) -> list[Person]:
        """Persons with this key, in the order they were found."""
        return self._in_order(self._owners.get(key, []))

    def _own(self, person: Person, key: str) -> None:
        """Give a person a key (a new person is added to the index first)."""
        if id(person) not in self._rank:
            self._rank[id(person)] = len(self.persons)
            self.persons.append(person)
            keys, person.keys = set(person.keys), set()
            for old in sorted(keys):
                self._own(person, old)
        if key in person.keys:
            return
        person.keys.add(key)
        self._owners.setdefault(key, []).append(person)
        self._buckets.setdefault((key[:1], len(key)), set()).add(key)
        if "-" in key:
            for part in key.split("-"):
                self._part_owners.setdefault(part, {})[id(person)] = person

    def find(self, name: Name) -> tuple[Person | None, str, bool]:
        """(person, why, ambiguous) for a name; person None when unknown or ambiguous."""
        key, why = self.key(name.surname)
        initial = initial_of(name, self.kb)
        candidates = self.by_key(key)
        how = why or "same transliteration key"
        if not candidates:
            candidates, how = self._related(key)
        if initial:
            same = [p for p in candidates if p.initial == initial]
            bare = [p for p in candidates if not p.initial]
            if same:
                return same[0], how, False
            if len(bare) == 1 and len(candidates) == 1:
                return bare[0], how, False
            return None, "", False
        if len(candidates) == 1:
            return candidates[0], how, False
        ranked = sorted(candidates, key=lambda p: p.anchors, reverse=True)
        if len(ranked) > 1 and ranked[0].anchors >= DOMINANCE * max(ranked[1].anchors, 1):
            return ranked[0], how, False
        return None, "", len(candidates) > 1

    def _related(self, key: str) -> tuple[list[Person], str]:
        """Persons whose double surname has this part, or whose key is a close fuzzy match."""
        parts = self._in_order(list(self._part_owners.get(key, {}).values()))
        if "-" in key:
            having = {id(p): p for part in key.split("-") for p in self._owners.get(part, [])}
            parts += self._in_order(list(having.values()))
        if len(parts) == 1:
            return parts, "part of a double surname"
        if len(key) < FUZZY_MIN_LENGTH:
            return [], ""  # close_keys accepts no key this short
        near = [
            k
            for length in (len(key) - 1, len(key), len(key) + 1)
            for k in self._buckets.get((key[:1], length), ())
        ]
        if len(near) > 8:
            # rapidfuzz's batch scorers keep the keys either measure of `similarity` puts
            # near the cutoff (a superset); close_keys decides on those as it would on all.
            cutoff = FUZZY_CUTOFF - 1
            found = process.extract(key, near, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)
            found += process.extract(
                key,
                near,
                scorer=DamerauLevenshtein.normalized_similarity,
                score_cutoff=cutoff / 100,
                limit=None,
            )
            near = [match[0] for match in found]
        keys = sorted({k for k in near if close_keys(key, k)})
        match = process.extractOne(key, keys, scorer=similarity)
        if match is None:
            return [], ""
        return self.by_key(match[0]), f"fuzzy match ({match[1]:.0f}) with {match[0]}"

    def add(self, name: Name, role: str = "") -> Person | None:
        """Attach an anchoring name to its person, creating the person if it is new."""
        person, why, ambiguous = self.find(name)
        if ambiguous:
            return None
        key, _ = self.key(name.surname)
        if person is None:
            person = Person(set(), initial_of(name, self.kb))
            why = ""
        else:
            person.initial = person.initial or initial_of(name, self.kb)
        self._own(person, key)
        key_why = self.key(name.surname)[1]
        if key_why:
            person.merges.setdefault(name.surname, key_why)
        person.add(name, role, why)
        person.anchors += 1
        if name.alias:
            alias_key, _ = self.key(name.alias)
            self._own(person, alias_key)
            person.merges.setdefault(name.alias, "bracketed alias in a list")
        return person


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", unidecode(text).lower()).strip("-")


def surname_of(person: Person) -> str:
    """The spelling the texts use most; on a tie the longest (Grinko over Grin)."""
    return max(person.spellings, key=lambda s: (person.spellings[s], len(s), s))


def person_ids(persons: list[Person], aliases: dict[str, str]) -> dict[int, str]:
    """Stable slugs: the surname as the earliest text (in registry order) first spells it,
    so that adding a text renames no one. Where persons share it, the one named DOMINANCE
    times more often keeps it (a namesake in a new text does not rename the first), and the
    others, or all of them when none dominates, get their initial in front."""
    first = {id(p): p.first[-1] or surname_of(p) for p in persons}
    surname = {key: aliases.get(name, name) for key, name in first.items()}
    groups: dict[str, list[Person]] = {}
    for p in persons:
        groups.setdefault(_slug(surname[id(p)]), []).append(p)
    ids = {}
    for slug, group in groups.items():
        ranked = sorted(group, key=lambda p: (-p.anchors, p.fullest))
        dominant = len(group) == 1 or ranked[0].anchors >= DOMINANCE * max(ranked[1].anchors, 1)
        for rank, p in enumerate(ranked):
            keep = dominant and rank == 0
            ids[id(p)] = slug if keep or not p.initial else f"{_slug(p.initial)}-{slug}"
    seen: Counter = Counter()
    for p in sorted(persons, key=lambda p: (ids[id(p)], -p.anchors, p.fullest)):
        seen[ids[id(p)]] += 1
        if seen[ids[id(p)]] > 1:
            ids[id(p)] = f"{ids[id(p)]}-{seen[ids[id(p)]]}"
    return ids


# A name that opens a note ("[16] Robert Conquest, The Great Terror", "[84] Getty 1985")
# is an author cited as literature; `roles` says so, so scholars are not taken for actors.
NOTE_LINE = re.compile(r"\[\d+\]\s+(?:[A-Z][\w.]*\s+){0,3}")
CITATION = re.compile(r"\s*(?:[,:]|\d{4})")  # "Conquest, The Great Terror", "Getty 1985"
_TOKEN = re.compile(rf"(?<![\w.])(?:(?P<initials>{INITIALS}) ?)?(?P<surname>{WORD})")


def scan_mentions(
    source: Source,
    index: PersonIndex,
    local: dict[str, Person],
    seen: dict[tuple[str, str], tuple[Person | None, str, bool]] | None = None,
) -> list[tuple[Name, Person, str]]:
    """Every occurrence in a text of a known person's surname (or a part of a compound).

    A bare surname that several persons share goes to the one of them the same text
    names in full (`local`, by key); otherwise it is left unresolved. `seen` keeps what
    the index said of each (word, initials), for the next texts while the index is as is.
    """
    text = source.text
    banned = not_names(index.kb)
    named_after = "|".join(re.escape(r["word"]) for r in index.kb["named_after"])
    thing = re.compile(rf"\s+(?:{named_after})\b", re.IGNORECASE)
    seen = {} if seen is None else seen
    found = []
    for m in _TOKEN.finditer(text):
        word = strip_possessive(m["surname"])
        if word in banned or thing.match(text, m.end()):
            continue  # not a name, or "the Hearst press", "the Trotsky Internet Archive"
        start = m.start("surname")
        pieces = [(word, start)]
        if "-" in word and not index.by_key(index.key(word)[0]):
            # "Orlov-Belov": a pair of names, not a double surname.
            pieces, offset = [], start
            for part in word.split("-"):
                pieces.append((part, offset))
                offset += len(part) + 1
        for part, at in pieces:
            if len(part) < 3 or part in banned:
                continue
            initials = (m["initials"] or "").strip() if part == word else ""
            name = Name(part, at, at + len(part), part, initials=initials)
            if (part, initials) not in seen:  # the index does not change while scanning
                seen[(part, initials)] = index.find(name)
            person, why, ambiguous = seen[(part, initials)]
            if ambiguous:
                person = local.get(index.key(part)[0])
            if person is not None:
                found.append((name, person, why))
    return found


def resolve_persons(
    records: list[Record], texts: dict[str, Source], kb: Knowledge
) -> tuple[list[dict], list[Record], list[dict]]:
    """Persons, the records with `person_id` set, and warnings for names left unresolved.

    Steps: anchor the names of defendants, sentences and mentions (strongest first), find
    every occurrence of a known name in every text, then give each record its person."""
    index = PersonIndex(kb)
    order, anchored = anchor_order(records)
    owner, by_text = anchor_names(index, anchored, order)
    mentions = scan_all_mentions(index, texts, owner, by_text)
    ids = person_ids(index.persons, index.aliases)
    out, warnings = with_persons(records, index, owner, ids)
    for source_id, name, person in mentions:
        span = texts[source_id].span(name.start, name.end)
        fields = {"person_id": ids[id(person)], "name_as_written": name.written}
        out.append(Record("mentions", fields, span, "persons.mention"))
    return [person_row(person, ids) for person in index.persons], out, warnings


Order = dict[int, tuple[int, int]]  # id(record) → (text's rank in the registry, offset)


def anchor_order(records: list[Record]) -> tuple[Order, list[Record]]:
    """The records that name someone, strongest first: defendants, then sentences, then
    mentions; full names before bare surnames; then in registry and text order."""
    rank: dict[str, int] = {}
    for record in records:  # records come text by text, in registry order
        rank.setdefault(record.span.source_id, len(rank))
    anchored = [r for r in records if "name" in r.refs]
    order = {id(r): (rank[r.span.source_id], r.refs["name"].start) for r in anchored}
    strength = {"defendants": 0, "sentences": 1, "mentions": 2}
    anchored.sort(
        key=lambda r: (
            strength.get(r.resource, 3),
            not (r.refs["name"].initials or r.refs["name"].given),
            order[id(r)],
        )
    )
    return order, anchored


Owners = dict[tuple[str, int], Person]  # (source_id, name offset) → person


def anchor_names(
    index: PersonIndex, anchored: list[Record], order: Order
) -> tuple[Owners, dict[str, dict[str, set[int]]]]:
    """Each anchored name added to the index (an inferred sentence names a person its list
    already anchored); the owner of each name, and each text's persons by surname key."""
    owner: Owners = {}
    by_text: dict[str, dict[str, set[int]]] = {}
    for record in anchored:
        name: Name = record.refs["name"]
        role = record.refs.get("role") or ("defendant" if record.resource == "defendants" else "")
        if record.resource == "sentences" and record.fields.get("basis") != "explicit":
            continue
        person = index.add(name, role)
        if person is not None:
            person.first = min(person.first, (*order[id(record)], name.surname))
            owner[(record.span.source_id, name.start)] = person
            by_text.setdefault(record.span.source_id, {}).setdefault(
                index.key(name.surname)[0], set()
            ).add(id(person))
    return owner, by_text


def scan_all_mentions(
    index: PersonIndex,
    texts: dict[str, Source],
    owner: Owners,
    by_text: dict[str, dict[str, set[int]]],
) -> list[tuple[str, Name, Person]]:
    """Every occurrence of a known name in every text (no new person is made now); a name
    in a note's citation makes its person a cited author."""
    mentions: list[tuple[str, Name, Person]] = []
    persons_by_id = {id(p): p for p in index.persons}
    seen: dict[tuple[str, str], tuple[Person | None, str, bool]] = {}
    for source_id, source in sorted(texts.items()):
        local = {
            key: persons_by_id[next(iter(ids))]
            for key, ids in by_text.get(source_id, {}).items()
            if len(ids) == 1
        }
        for name, person, why in scan_mentions(source, index, local, seen):
            line_start = source.line_starts[source.line_of(name.start) - 1]
            cited = NOTE_LINE.fullmatch(source.text, line_start, name.start) and CITATION.match(
                source.text, name.end
            )
            person.add(name, role="cited author" if cited else "", why=why)
            mentions.append((source_id, name, person))
            owner.setdefault((source_id, name.start), person)
    return mentions


def with_persons(
    records: list[Record], index: PersonIndex, owner: Owners, ids: dict[int, str]
) -> tuple[list[Record], list[dict]]:
    """Every record with its person's id (anchoring mentions are made again with every
    other mention); a claim whose name matches no person, or several, is left out with
    a warning."""
    out: list[Record] = []
    warnings: list[dict] = []
    for record in records:
        if "name" not in record.refs:
            out.append(record)
            continue
        name = record.refs["name"]
        person = owner.get((record.span.source_id, name.start))
        if person is None:
            person, _, _ = index.find(name)
        if person is None and record.resource == "mentions":
            continue  # an anchor that names no one for sure is simply not a mention
        if person is None:
            warnings.append(
                {
                    "rule": "unresolved-name",
                    "resource": record.resource,
                    "subject": name.written,
                    "message": f"{name.written!r} matches no person or several; claim left out",
                    "evidence": record.span.ref,
                }
            )
            continue
        if record.resource != "mentions":
            out.append(replace(record, fields={**record.fields, "person_id": ids[id(person)]}))
    return out, warnings


def person_row(person: Person, ids: dict[int, str]) -> dict:
    spellings = sorted(s for s in person.spellings if s)
    merged = [f"{s}: {why}" for s, why in sorted(person.merges.items()) if why]
    return {
        "person_id": ids[id(person)],
        "name": person.fullest,
        "surname": surname_of(person),
        "variants": " | ".join(spellings),
        "merged_by": " | ".join(merged) or None,
        "roles": " | ".join(sorted(person.roles)) or None,
    }
