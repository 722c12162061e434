"""Person resolution: names as written in many texts become one person each.

Every merge is explained in `persons.merged_by`: two spellings share a
transliteration key (etl/knowledge/transliteration.csv), the alias file says
so (etl/knowledge/aliases.csv), one is a part of the other's double surname,
or they are a close fuzzy match (rapidfuzz). Initials keep apart people who
share a surname (M. Orlov, N. Orlov); a bare surname that could be either is
left unresolved rather than guessed, unless one of them is named in full at
least DOMINANCE times as often as the others (Leon Trotsky and N.I. Trotsky)
or is the only one the same text names in full; where the same text names none of
them, the bare surname is a person of its own.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from operator import itemgetter

from rapidfuzz import fuzz, process
from unidecode import unidecode

from etl.extract import Record
from etl.lang.corpus import Source
from etl.lang.knowledge import Knowledge
from etl.lang.names import (
    FUZZY_CUTOFF,
    FUZZY_MIN_LENGTH,
    Name,
    NameTokens,
    cited_at,
    close_keys,
    name_tokens,
    not_names,
    similarity,
    surname_key,
)

DOMINANCE = 5  # a bare surname shared by several persons goes to one named 5x more often
# One Damerau-Levenshtein edit is at most two Indel edits, so two keys whose lengths differ
# by at most one, the longer L >= FUZZY_MIN_LENGTH, with a Damerau-Levenshtein similarity
# of FUZZY_CUTOFF have an Indel ratio of at least 100 - 2 (100 - FUZZY_CUTOFF) L / (2L - 1),
# least at the shortest L: a key below this ratio is not close by either measure.
RATIO_FLOOR = math.floor(
    100 - 2 * (100 - FUZZY_CUTOFF) * FUZZY_MIN_LENGTH / (2 * FUZZY_MIN_LENGTH - 1)
)


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

    def add(self, name: Name, role: str = "", why: str = "", count: int = 1) -> None:
        if why and name.surname not in self.spellings:
            self.merges.setdefault(name.surname, why)
        self.spellings[name.surname] += count
        self.fulls[name.full] += count
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
        if len(persons) < 2:  # as a rule: one owner or none
            return list(persons)
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
        return self._find(key, why, initial_of(name, self.kb))

    def _find(self, key: str, why: str, initial: str) -> tuple[Person | None, str, bool]:
        """`find` for a name of this spelling key (`why` it has it) and initial."""
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
        buckets, first = self._buckets, key[:1]
        near = [
            *buckets.get((first, len(key) - 1), ()),
            *buckets.get((first, len(key)), ()),
            *buckets.get((first, len(key) + 1), ()),
        ]
        if len(near) > 8:
            # rapidfuzz's batch scorer keeps the keys either measure of `similarity` may put
            # at the cutoff (a superset, RATIO_FLOOR); close_keys decides on those as it
            # would on all.
            found = process.extract(
                key, near, scorer=fuzz.ratio, score_cutoff=RATIO_FLOOR, limit=None
            )
            near = [match[0] for match in found]
        keys = sorted({k for k in near if close_keys(key, k)})
        match = process.extractOne(key, keys, scorer=similarity)
        if match is None:
            return [], ""
        return self.by_key(match[0]), f"fuzzy match ({match[1]:.0f}) with {match[0]}"

    def add(self, name: Name, role: str = "", own: bool = False) -> Person | None:
        """Attach an anchoring name to its person, creating the person if it is new (or,
        with `own`, where the name could be several persons)."""
        key, key_why = self.key(name.surname)
        initial = initial_of(name, self.kb)
        person, why, ambiguous = self._find(key, key_why, initial)
        if ambiguous and not own:
            return None
        if ambiguous:
            person = None
        if person is None:
            person = Person(set(), initial)
            why = ""
        else:
            person.initial = person.initial or initial
        self._own(person, key)
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


@dataclass
class Mentions:
    """Every occurrence of a known person's name in the texts, as columns (one item per
    mention, in scan order); `person_ids` is filled once the persons have their ids."""

    source_ids: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    person_ids: list[str] = field(default_factory=list)

    def columns(self) -> dict[str, list]:
        """The rows of the `mentions` resource, by column (mention_id not yet given)."""
        return {
            "person_id": self.person_ids,
            "name_as_written": self.written,
            "source_id": self.source_ids,
            "line_start": self.lines,
            "line_end": self.lines,  # a name is one word: it never spans a line ending
            "char_start": self.starts,
            "char_end": [s + len(w) for s, w in zip(self.starts, self.written, strict=True)],
            "quote": self.written,
            "extractor": ["persons.mention"] * len(self.starts),
        }


def resolve_persons(
    records: list[Record],
    texts: dict[str, Source],
    kb: Knowledge,
    tokens: dict[str, NameTokens] | None = None,
) -> tuple[list[dict], list[Record], list[dict], Mentions]:
    """Persons, the records with `person_id` set, warnings for names left unresolved, and
    every mention of a person.

    Steps: anchor the names of defendants, sentences and mentions (strongest first), find
    every occurrence of a known name in every text (its name tokens, `tokens` by source id
    where the extraction cache has them), then give each record its person."""
    index = PersonIndex(kb)
    order, anchored = anchor_order(records)
    owner, by_text = anchor_names(index, anchored, order)
    mentions = scan_all_mentions(index, texts, owner, by_text, tokens or {})
    ids = person_ids(index.persons, index.aliases)
    out, warnings = with_persons(records, index, owner, ids)
    mentions.person_ids = [ids[id(person)] for person in mentions.persons]
    return [person_row(person, ids) for person in index.persons], out, warnings, mentions


Order = dict[int, tuple[int, int]]  # id(record) → (text's rank in the registry, offset)


def anchor_order(records: list[Record]) -> tuple[Order, list[Record]]:
    """The records that name someone, strongest first: defendants, then sentences, then
    mentions; full names before bare surnames; then in registry and text order."""
    rank: dict[str, int] = {}
    for record in records:  # records come text by text, in registry order
        rank.setdefault(record.span.source_id, len(rank))
    strength = {"defendants": 0, "sentences": 1, "mentions": 2}
    order: Order = {}
    keyed: list[tuple[tuple, Record]] = []  # (sort key, record): each key made in one pass
    for r in records:
        if "name" not in r.refs:
            continue
        name = r.refs["name"]
        place = order[id(r)] = (rank[r.span.source_id], name.start)
        keyed.append(((strength.get(r.resource, 3), not (name.initials or name.given), place), r))
    keyed.sort(key=itemgetter(0))
    return order, [r for _, r in keyed]


Owners = dict[tuple[str, int], Person]  # (source_id, name offset) → person


def anchor_names(
    index: PersonIndex, anchored: list[Record], order: Order
) -> tuple[Owners, dict[str, dict[str, set[int]]]]:
    """Each anchored name added to the index (an inferred sentence names a person its list
    already anchored); the owner of each name, and each text's persons by surname key."""
    owner: Owners = {}
    by_text: dict[str, dict[str, set[int]]] = {}
    unsure: list[tuple[Record, str]] = []

    def anchor(record: Record, person: Person | None, key: str) -> None:
        if person is None:
            return
        name = record.refs["name"]
        source_id = record.span.source_id
        rank, offset = order[id(record)]
        first = (rank, offset, name.surname)
        if first < person.first:
            person.first = first
        owner[(source_id, name.start)] = person
        # setdefault would make a dict and a set for every name, kept or not.
        keys = by_text.get(source_id)
        if keys is None:
            keys = by_text[source_id] = {}
        persons = keys.get(key)
        if persons is None:
            persons = keys[key] = set()
        persons.add(id(person))

    for record in anchored:
        name: Name = record.refs["name"]
        role = record.refs.get("role") or ("defendant" if record.resource == "defendants" else "")
        if record.resource == "sentences" and record.fields.get("basis") != "explicit":
            continue
        person = index.add(name, role)
        if person is None and record.resource != "mentions":
            unsure.append((record, role))
        anchor(record, person, index.key(name.surname)[0])
    # A claim's bare surname that persons of other texts bear: the one person of its own
    # text who bears it, or, where its text names none (named after all of them), the
    # text's own person; not a guess among theirs nor a claim left out.
    for record, role in unsure:
        name = record.refs["name"]
        key = index.key(name.surname)[0]
        own = by_text.get(record.span.source_id, {}).get(key)
        if own is None:
            anchor(record, index.add(name, role, own=True), key)
        elif len(own) == 1:
            person = next(p for p in index.by_key(key) if id(p) in own)
            person.add(name, role, "the only person of its text with this surname")
            person.anchors += 1
            anchor(record, person, key)
    return owner, by_text


def scan_all_mentions(
    index: PersonIndex,
    texts: dict[str, Source],
    owner: Owners,
    by_text: dict[str, dict[str, set[int]]],
    tokens: dict[str, NameTokens],
) -> Mentions:
    """Every occurrence in every text of a known person's surname (or a part of a compound);
    no new person is made now. A name in a note's citation makes its person a cited author.

    A bare surname that several persons share goes to the one of them the same text names
    in full (by key); otherwise it is left unresolved. What the index says of each (word,
    initials) is asked once: the index does not change while scanning."""
    persons_by_id = {id(p): p for p in index.persons}
    banned = not_names(index.kb)
    seen: dict[tuple[str, str], tuple[Person | None, str, bool]] = {}
    plans: dict[tuple[str, str], tuple[Hit, ...]] = {}
    # What each mention adds to its person: (person, spelling, initials, why, cited),
    # counted at the end in the order first met, which is all Person.add needs (a
    # spelling's first mention decides whether its `why` is kept).
    adds: list[tuple[int, str, str, str, bool]] = []
    found = Mentions()
    add_start, add_line = found.starts.append, found.lines.append
    add_written, add_person = found.written.append, found.persons.append
    for source_id, source in sorted(texts.items()):
        local = {
            key: persons_by_id[next(iter(ids))]
            for key, ids in by_text.get(source_id, {}).items()
            if len(ids) == 1
        }
        text = source.text
        scanned = tokens.get(source_id) or name_tokens(text, source.line_starts, index.kb)
        for word, start, initials, line, cited in zip(
            scanned.words,
            scanned.starts,
            scanned.initials,
            scanned.lines,
            scanned.cited,
            strict=True,
        ):
            plan = plans.get((word, initials))
            if plan is None:
                plan = plans[(word, initials)] = _plan(word, initials, index, banned, seen)
            for delta, part, part_initials, person, why, shared in plan:  # none, as a rule
                if shared:
                    person = local.get(shared)
                    if person is None:
                        continue
                at = start + delta
                named = cited
                if part != word:
                    line_start = source.line_starts[line - 1]
                    named = cited_at(text, line_start, at, at + len(part))
                add_start(at)
                add_line(line)
                add_written(part)
                add_person(person)
                owner.setdefault((source_id, at), person)
                adds.append((id(person), part, part_initials, why, named))
        found.source_ids += [source_id] * (len(found.starts) - len(found.source_ids))
    for (person_id, part, initials, why, cited), count in Counter(adds).items():
        person = persons_by_id[person_id]
        name = Name(part, 0, len(part), part, initials=initials)
        person.add(name, role="cited author" if cited else "", why=why, count=count)
    return found


Hit = tuple[int, str, str, "Person | None", str, str]
"""A name a token stands for: (offset in the token, part, its initials, person, why, and
for a bare surname several persons share, its key, else "")."""


def _plan(
    word: str,
    initials: str,
    index: PersonIndex,
    banned: frozenset[str],
    seen: dict[tuple[str, str], tuple[Person | None, str, bool]],
) -> tuple[Hit, ...]:
    """The names a token (word, initials) may stand for in any text, asked of the index
    once (`seen` keeps its answer for each (part, initials)): most tokens stand for none.
    A shared bare surname is left to the text (the person it names there in full)."""
    pieces = _pieces(word, index, banned) if "-" in word else ((0, word),)
    hits: list[Hit] = []
    for delta, part in pieces:
        part_initials = initials if part == word else ""
        result = seen.get((part, part_initials))
        if result is None:
            name = Name(part, delta, delta + len(part), part, initials=part_initials)
            result = seen[(part, part_initials)] = index.find(name)
        person, why, ambiguous = result
        if ambiguous:
            hits.append((delta, part, part_initials, None, why, index.key(part)[0]))
        elif person is not None:
            hits.append((delta, part, part_initials, person, why, ""))
    return tuple(hits)


def _pieces(word: str, index: PersonIndex, banned: frozenset[str]) -> tuple[tuple[int, str], ...]:
    """(offset, part) of the names a hyphenated word stands for: itself if it is a known
    double surname, else each of its parts ("Orlov-Belov": a pair of names), with parts
    that cannot be names left out."""
    if index.by_key(index.key(word)[0]):
        return ((0, word),)
    pieces, offset = [], 0
    for part in word.split("-"):
        if len(part) >= 3 and part not in banned:
            pieces.append((offset, part))
        offset += len(part) + 1
    return tuple(pieces)


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
            fields = {**record.fields, "person_id": ids[id(person)]}
            # What dataclasses.replace makes, without its look-up of every field.
            out.append(Record(record.resource, fields, record.span, record.extractor, record.refs))
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
