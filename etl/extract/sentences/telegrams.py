"""Telegrams: verdicts in the clipped capitals of a telegram, "SENTENCED SHOOT A B TEN YEARS
ITL C STOP", where no case tells a surname from the words around it.

A telegram is a paragraph with a "STOP"; each part between two is read alone. A surname is
a word in capitals with a surname's ending (etl/knowledge/surname_endings.csv), or any word
in capitals after initials ("A. P. SURNAME"), that is no word of not_names.csv, titles.csv,
places.csv or months; a given name of given_names.csv may follow it ("SURNAME GIVEN"). A
run of surnames takes the penalty that stands next to it: the one before it when the part
names a penalty before its first surname ("SENTENCED SHOOT A B"), else the one after it
("DIRECTOR MTS A. P. SURNAME VMN"); "RESPECTIVELY" pairs the runs' persons with the
penalties, or with the terms of one penalty ("A B C NINE SIX THREE YEARS ITL
RESPECTIVELY"), in order. After "COMMUTED" or "REDUCED" only the new penalty counts. A part
that demands, threatens or supposes (sentence_terms.csv `not_verdict`) gives no row.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from etl.extract import Record
from etl.extract.sentences.clauses import kin_before
from etl.extract.sentences.forms import patronymic_endings, surname_ending
from etl.extract.sentences.penalties import penalties_in, term_pattern, years_in
from etl.lang.corpus import Source
from etl.lang.knowledge import Knowledge
from etl.lang.names import UPPER, Name, not_names
from etl.lang.paragraphs import paragraphs
from etl.lang.text import Block, lines, parse_count

STOP = re.compile(r"(?<![A-Za-z])STOP(?![A-Za-z])")
TOKEN = re.compile(rf"(?:[{UPPER}]\.\s?){{1,3}}(?=[{UPPER}]{{2}})|[{UPPER}][{UPPER}'’-]+|\S+")
INITIALS = re.compile(rf"(?:[{UPPER}]\.\s?){{1,3}}")
JOINING = {"AND", "EACH", ","}
LEADING_TO = {"TO", "THE", "A"}  # what a verdict's capitals put between a name and its penalty
VERDICT_VERB = re.compile(r"SENTENCED|CONDEMNED|CONVICTED|GIVEN|GOT|RECEIVED")
MIN_SURNAME = 4  # letters; shorter words in capitals are mostly acronyms


@dataclass(frozen=True)
class Verdict:
    """A penalty of a telegram's part, with its term and the terms listed before it."""

    penalty: str
    term: float | None
    start: int
    end: int
    terms: tuple[float, ...] = ()


# A paragraph typed in capitals, as telegrams and their copies were, that passes verdicts;
# its sentences and clauses stand for a telegram's parts
CAPITALS_VERDICT = re.compile(r"\b(?:SENTENCED|CONDEMNED|RESOLVED|DECIDED)\b")
CAPITALS_STOP = re.compile(r";|\.(?=\s|$)|:")


def telegram_verdicts(source: Source, kb: Knowledge) -> Iterator[Record]:
    """One row per surname and penalty of every telegram part that pairs them."""
    text = source.text
    for paragraph in paragraphs(text):
        stops = list(STOP.finditer(text, paragraph.start, paragraph.end))
        words = text[paragraph.start : paragraph.end]
        if not stops and words.upper() == words and CAPITALS_VERDICT.search(words):
            stops = [
                m
                for m in CAPITALS_STOP.finditer(text, paragraph.start, paragraph.end)
                if not INITIALS.match(text, max(paragraph.start, m.start() - 1), m.end())
            ]
        if not stops:
            continue
        cuts = [paragraph.start, *(m.end() for m in stops)]
        ends = [m.start() for m in stops] + [paragraph.end]
        for start, end in zip(cuts, ends, strict=True):
            yield from part_records(source, kb, Block(start, end), "sentences.telegram")


def part_records(source: Source, kb: Knowledge, part: Block, rule: str) -> Iterator[Record]:
    """A row per surname and penalty of one part (a telegram's, or a headline)."""
    for name, verdict in part_verdicts(source.text, part, kb):
        fields = {
            "trial_id": None,
            "penalty": verdict.penalty,
            "term_years": verdict.term if verdict.penalty != "death" else None,
            "basis": "explicit",
        }
        span = source.span(*stripped(source.text, part))
        yield Record("sentences", fields, span, rule, refs={"name": name})


HEADLINE_VERDICT = re.compile(r"\b(?:SENTENCED|CONDEMNED|SHOT|VERDICT|SENTENCE)\b")
MAX_HEADLINE = 200  # characters: a newspaper's headline, not a page of capitals


def headline_verdicts(source: Source, kb: Knowledge) -> Iterator[Record]:
    """A newspaper's headline in capitals that sentences by name ("THE ENEMIES OF THE
    PEOPLE SURNAME AND OTHERNAME SENTENCED TO BE SHOT"), read as a telegram's
    part: its surnames, by their endings, each with the penalty next to them."""
    text = source.text
    for line in lines(text):
        words = text[line.start : line.end]
        if (
            not words.strip()
            or len(words) > MAX_HEADLINE
            or words.upper() != words
            or STOP.search(words)
            or not HEADLINE_VERDICT.search(words)
        ):
            continue
        yield from part_records(source, kb, line, "sentences.headline")


def stripped(text: str, part: Block) -> tuple[int, int]:
    piece = text[part.start : part.end]
    return part.start + len(piece) - len(piece.lstrip()), part.start + len(piece.rstrip())


def part_verdicts(text: str, part: Block, kb: Knowledge) -> list[tuple[Name, Verdict]]:
    """The surnames of one part of a telegram, each with its penalty."""
    if term_pattern(kb, "not_verdict").search(text, part.start, part.end) or term_pattern(
        kb, "telegram_request"
    ).search(text, part.start, part.end):
        return []
    verdicts = part_penalties(text, part, kb)
    if not verdicts:
        return []
    runs = name_runs(text, part, kb, {(v.start, v.end) for v in verdicts})
    if not runs:
        return []
    change = term_pattern(kb, "telegram_change").search(text, part.start, part.end)
    if change:  # "VMN A COMMUTED TEN YEARS ITL": the persons before, the penalty after
        after = [v for v in verdicts if v.start >= change.end()]
        named = [n for run in runs if run[-1].end <= change.start() for n in run]
        return [(n, after[0]) for n in named] if after else []
    before = verdicts[0].start < runs[0][0].start
    found = []
    respectively = re.search(r"\bRESPECTIVELY\b", text[part.start : part.end])
    if respectively:
        named = [n for run in runs for n in run]
        side = [v for v in verdicts if (v.end <= named[0].start) == before]
        if len(side) == len(named):
            return list(zip(named, side, strict=True))
        if len(side) == 1 and len(side[0].terms) == len(named):
            one = side[0]
            return [
                (n, Verdict(one.penalty, t, one.start, one.end))
                for n, t in zip(named, one.terms, strict=True)
            ]
        return []
    for run in runs:
        verdict = next_to(text, run, verdicts, before)
        if verdict is not None:
            found += [(n, verdict) for n in run]
    return found


def next_to(text: str, run: list[Name], verdicts: list[Verdict], before: bool) -> Verdict | None:
    """The penalty right before the run (or right after it), with only "AND", "EACH" or a
    comma between, or after it a verdict's verb and its body ("A SENTENCED COURT TEN
    YEARS ITL")."""
    for v in verdicts:
        if not (v.end <= run[0].start if before else v.start >= run[-1].end):
            continue
        between = text[v.end : run[0].start] if before else text[run[-1].end : v.start]
        words = [
            w
            for w in between.replace(",", " , ").split()
            if w not in JOINING and (before or w not in LEADING_TO)  # "A TO THE SUPREME …"
        ]
        if not words or (not before and len(words) <= 2 and VERDICT_VERB.fullmatch(words[0])):
            return v
    return None


def part_penalties(text: str, part: Block, kb: Knowledge) -> list[Verdict]:
    """The penalties of a part in text order, each with the term of years right before it
    ("TEN YEARS ITL"); a term with no penalty word is prison."""
    found = [(p, a, b) for p, a, b in penalties_in(text, part.start, part.end, kb)]
    said = covered(part, [(a, b) for _, a, b in found])
    found += [
        ("death", m.start(), m.end())
        for m in term_pattern(kb, "telegram_death").finditer(text, part.start, part.end)
        if m[0].isupper() and not said[m.start() - part.start]
    ]
    years = years_in(text, part.start, part.end, kb)
    # each term by where the word after it starts: "TEN YEARS ITL" pairs the term and "ITL"
    before = {
        b + len(text[b : part.end]) - len(text[b : part.end].lstrip()): (y, a) for y, a, b in years
    }
    verdicts = []
    used = set()
    for penalty, a, b in sorted(found, key=lambda f: f[1]):
        term = before.get(a)
        if term is not None:
            used.add(term[1])
        start = term[1] if term else a
        listed = listed_terms(text, part.start, start, kb) if term else ()
        verdicts.append(
            Verdict(
                penalty, term[0] if term else None, start, b, (*listed, term[0]) if term else ()
            )
        )
    held = covered(part, [(v.start, v.end) for v in verdicts])
    for y, a, b in years:
        if a in used or held[a - part.start]:
            continue
        bare = [v for v in verdicts if v.term is None and v.penalty != "death"]
        before = next((v for v in bare if v.end <= a and not text[v.end : a].strip()), None)
        if before is not None:  # "SECOND CATEGORY EIGHT YEARS": the penalty, then its term
            verdicts[verdicts.index(before)] = Verdict(before.penalty, y, before.start, b, (y,))
            continue
        verdicts.append(
            Verdict("imprisonment", y, a, b, (*listed_terms(text, part.start, a, kb), y))
        )
    return sorted(verdicts, key=lambda v: v.start)


def covered(part: Block, spans: list[tuple[int, int]]) -> bytearray:
    """Which characters of the part the spans take (one byte each, 1 if taken)."""
    marks = bytearray(part.end - part.start + 1)
    for a, b in spans:
        marks[a - part.start : b - part.start] = b"\x01" * (b - a)
    return marks


LISTED_REACH = 120  # characters before a term where the counts it lists stand


def listed_terms(text: str, floor: int, at: int, kb: Knowledge) -> tuple[float, ...]:
    """The counts written right before a term ("NINE SIX | THREE YEARS"), in order."""
    counts: list[float] = []
    for word in reversed(text[max(floor, at - LISTED_REACH) : at].split()):
        count = parse_count(word.strip(","), kb)
        if count is None:
            break
        counts.insert(0, float(count))
    return tuple(counts)


def name_runs(text: str, part: Block, kb: Knowledge, taken: set) -> list[list[Name]]:
    """Runs of surnames in capitals, joined only by "AND" or commas."""
    runs: list[list[Name]] = []
    current: list[Name] = []
    given = {row["name"].upper() for row in kb["given_names"]}
    held = covered(part, list(taken))
    for m in TOKEN.finditer(text, part.start, part.end):
        word = m[0]
        if held[m.start() - part.start]:
            current = flush(runs, current)
            continue
        if word in JOINING or word.rstrip(",") in JOINING:
            continue
        if INITIALS.fullmatch(word.rstrip()):
            continue  # read with the surname after them
        initials = INITIALS.search(text, max(part.start, m.start() - 8), m.start())
        has_initials = (
            initials is not None
            and initials.end() == m.start()
            and not text[initials.start() - 1 : initials.start()].isalpha()  # "ITL. PETROV"
        )
        bare = word.rstrip(",")
        if current and (
            (bare in given and not current[-1].given)
            or (" " not in current[-1].given and patronymic(bare, current[-1], kb))
        ):  # "SURNAME GIVEN PATRONYMIC": one person
            last = current[-1]
            end = m.start() + len(bare)
            current[-1] = Name(
                text[last.start : end],
                last.start,
                end,
                last.surname,
                given=f"{last.given} {bare.title()}".strip(),
            )
            continue
        name = telegram_surname(word.rstrip(","), kb, has_initials)
        # not a kolkhoz's or a place's name ("KOLKHOZ NAME", "PLACENAME OBLAST"), nor the one
        # whose relative is meant ("WIFE OF SURNAME")
        if name is not None and (
            NAMED_AFTER.search(text, max(part.start, m.start() - 12), m.start())
            or PLACE_AFTER.match(text, m.end(), part.end)
            or kin_before(text, max(part.start, m.start() - 20), m.start(), kb)
        ):
            name = None
        if name is None:
            current = flush(runs, current)
            continue
        start = initials.start() if has_initials else m.start()
        end = m.start() + len(word.rstrip(","))
        current.append(
            Name(
                text[start:end],
                start,
                end,
                name,
                initials=initials[0].strip() if has_initials else "",
            )
        )
    flush(runs, current)
    return runs


def patronymic(word: str, name: Name, kb: Knowledge) -> bool:
    """A word in capitals with a patronymic's ending right after a surname and given name."""
    return bool(name.given) and bool(
        re.fullmatch(rf"[{UPPER}]{{3,}}(?:{patronymic_endings(kb).upper()})", word)
    )


NAMED_AFTER = re.compile(r"\b(?:KOLKHOZ|SOVKHOZ|NAMED|IMENI|OF)\s+$")
PLACE_AFTER = re.compile(r"\s+(?:OBLAST|KRAI|RAION|DISTRICT|REGION|STATION|WORKS|MINE)\b")


def flush(runs: list[list[Name]], current: list[Name]) -> list[Name]:
    if current:
        runs.append(current)
    return []


def telegram_surname(word: str, kb: Knowledge, has_initials: bool) -> str | None:
    """The surname (in title case) that a word in capitals is, or None."""
    if not re.fullmatch(rf"[{UPPER}][{UPPER}'’-]+", word) or len(word) < MIN_SURNAME:
        return None
    if word in kb.derived("telegram_words", _not_surnames):
        return None
    if not has_initials and not surname_ending(word, kb):
        return None
    return word.title()


def _not_surnames(kb: Knowledge) -> frozenset[str]:
    words = {w.upper() for w in not_names(kb)}
    words |= {row["title"].upper() for row in kb["titles"]}
    words |= {row["place"].upper() for row in kb["places"]}
    words |= {row["word"].upper() for row in kb["kinship"]}
    return frozenset(words)
