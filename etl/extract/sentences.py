"""Sentences: who a text says was sentenced to what, by whom and when.

Rules (each a value of `extractor`, or of `inference_rule` for inferred rows):
- `sentences.named`: a clause with a penalty (etl/knowledge/penalties.csv)
  and the names it applies to: a bracketed or dashed list, the subject
  before the verb, or the object of "shooting", "cost …", "sentenced …".
  A subject pronoun ("he", "his") takes the name of the sentence before, and
  the span then covers both sentences. basis = explicit.
- `sentences.collective_verdict`: "found the sixteen guilty and convicted
  them", "condemned all the accused": one row per defendant of the trial's
  list in the same text, if the count (when given) equals the list.
- `sentences.count_minus_named`: "18 of the accused … (13 names)": the
  defendants of the trial's list not sentenced by name in the same verdict
  paragraph, if there are exactly 18 - 13 of them; otherwise a check says
  the arithmetic does not close.
- `sentences.article_subject` (inferred): a "he" or "she" that no sentence before
  resolves is the person the encyclopaedia or dictionary entry is about.
- `sentences.heading_list`: the items of a list under a heading ("… sentenced to
  be shot:", "TO TEN YEARS ITL"), each with the heading's penalty or its own.
- `sentences.resolution`: protocol lines, "RESOLVED: Surname, Given Patronymic, to
  be shot".
- `sentences.register_table`: a table with a column of names and one of sentences.
- `sentences.partitive_list` (inferred, rule `count_minus_named`): "N of the M
  accused" or "all but K" after a list, or a prose naming, of the accused.
A demand, a threat, a hypothetical, a term served or a relative's fate gives no
row (etl/knowledge/sentence_terms.csv, `not_verdict` and `relative`).
Verdict paragraphs also give the term of rights deprivation, confiscation,
the date the verdict was pronounced and the sentencing body; they apply to
the rows of the clauses they belong to, and the span grows to cover them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache

from etl.extract import Record
from etl.extract.trials import (
    cue_pattern,
    dominant_trial,
    trial_mentions,
    trial_records,
    trial_sections,
)
from etl.lang.bounds import MAX_TERM
from etl.lang.corpus import Source
from etl.lang.knowledge import Knowledge
from etl.lang.names import (
    LOWER,
    UPPER,
    WORD,
    Name,
    item_pattern,
    name_lists,
    not_names,
    numbered_items,
    parse_inverted,
    parse_item,
    same_surname,
)
from etl.lang.tables import find_tables
from etl.lang.text import NUMBER_WORD, Block, find_dates, lines, parse_count, sentences

# A verdict's date holds for the whole verdict paragraph; an event's date only for its clause.
PRONOUNCED = re.compile(r"(?:pronounced|passed|delivered)\s+(?:on\s+)?(?:the\s+)?$")
EVENT_DATE = re.compile(r"(?:sentenced|shot|executed)\s+(?:on\s+)?(?:the\s+)?$")
PRONOUN = re.compile(r"\b(?:(?P<subject>he|she|him)|his|her)\b", re.IGNORECASE)
NEAR = 60  # a subject's verb and its penalty stand this close ("Orlov was sentenced by the GPU to")
OBJECT = re.compile(rf"\b(shooting|shot|executed|exiled|cost|sentenced)\s+({WORD})\b")


@cache
def _penalty_patterns(
    rows: tuple[tuple[str, str], ...],
) -> tuple[re.Pattern, list[tuple[re.Pattern, str]]]:
    """All penalty words in one pattern (a quick test), and each with its penalty."""
    each = [(re.compile(rf"\b{p}\b", re.IGNORECASE), penalty) for p, penalty in rows]
    anyone = re.compile("|".join(rf"\b(?:{p})\b" for p, _ in rows), re.IGNORECASE)
    return anyone, each


def penalties_in(text: str, start: int, end: int, kb: Knowledge) -> list[tuple[str, int, int]]:
    """(penalty, start, end) of every penalty word in text[start:end], in text order."""
    rows = tuple((r["pattern"], r["penalty"]) for r in kb["penalties"])
    anyone, patterns = _penalty_patterns(rows)
    if not anyone.search(text, start, end):
        return []
    found = []
    for pattern, penalty in patterns:
        for m in pattern.finditer(text, start, end):
            if not any(a <= m.start() < b for _, a, b in found):
                found.append((penalty, m.start(), m.end()))
    return sorted(found, key=lambda f: f[1])


def term_pattern(kb: Knowledge, kind: str) -> re.Pattern:
    terms = [r["pattern"] for r in kb["sentence_terms"] if r["kind"] == kind]
    return re.compile("|".join(f"(?:{t})" for t in terms), re.IGNORECASE)


# "ten years", "ten (10) years", "5 (five) years", "18 months": a term, in years.
YEARS = re.compile(
    rf"\b((?:{NUMBER_WORD}|\d+)(?:\.\d+)?)(?:\s*\((?:{NUMBER_WORD}|\d+)\))?[- ]"
    rf"(?P<unit>years?|months?)\b",
    re.IGNORECASE,
)


def years_in(text: str, start: int, end: int, kb: Knowledge) -> list[tuple[float, int, int]]:
    """(term in years, start, end) of every term in text[start:end]; months count as a
    fraction of a year (18 months = 1.5)."""
    found = []
    for m in YEARS.finditer(text, start, end):
        value = parse_count(m[1], kb) if not re.fullmatch(r"\d+\.\d+", m[1]) else float(m[1])
        if value and m["unit"].lower().startswith("month"):
            value = round(value / 12, 4)
        if value and value <= MAX_TERM:
            found.append((float(value), m.start(), m.end()))
    return found


def penalty_terms(
    text: str, sentence: Block, start: int, kb: Knowledge
) -> list[tuple[float, int, int]]:
    """The terms of penalties in sentence from `start`: not the years of lost rights that
    follow a term ("with loss of political rights for five years"), nor a term served."""
    rights = term_pattern(kb, "rights")
    rights_spans = [m.span() for m in rights.finditer(text, sentence.start, sentence.end)]
    return [
        y
        for y in years_in(text, start, sentence.end, kb)
        if not any(a <= y[1] and y[2] <= b + 40 for a, b in rights_spans)
        and not negated(text, sentence, y[1], kb)
    ]


@dataclass
class Clause:
    """One verdict statement: a sentence (or two, for a pronoun) with its penalty."""

    start: int
    end: int
    trial_id: str | None
    penalties: list[str]
    terms: list[float | None]
    names: list[tuple[Name, list[str], float | None]] = field(default_factory=list)
    collective: bool = False
    count: int | None = None
    trial_named: bool = False  # the sentence itself names the trial
    subject_from: str | None = None  # the passage a pronoun's person was inferred from


REGISTER_INITIALS = rf"(?:[{UPPER}][a-z]{{0,2}}\.\s?){{1,3}}"  # "Sh. G.", "Ts. I.", "A. F."
TRAILING = rf"(?:\s+{REGISTER_INITIALS}(?=\s|,|$))?"  # initials after a surname: "Surname A. B."
SUBJECT_VERBS = r"was|were|is|are|had been|has been|have been|received|got|each received"
SENTENCING_VERBS = (
    rf"{SUBJECT_VERBS}|received|got|each received|were each given|were given|was given"
)
# The verbs after a sentence's subject that a later "he" can refer back to.
ANTECEDENT_VERBS = r"was|were|is|are|had|has|did|went|became|remained|[a-z]+ed"
PARTITIVE = re.compile(
    rf"\b({NUMBER_WORD}|\d+) of (?:the|these|those) (?:\w+ )?(?:accused|defendants|condemned)\b",
    re.IGNORECASE,
)


def _names_regex(kb: Knowledge) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", item_pattern(kb))


def clause_starts(text: str, sentence: Block) -> list[int]:
    """Where the clauses of a sentence begin: its start, after ";", a dash or ", and", and
    after introductory phrases ("In June 1937, after the arrest, …")."""
    starts = [sentence.start]
    for m in re.finditer(
        r";\s*|\s*[—–]\s*(?:and\s+)?|,\s+and\s+", text[sentence.start : sentence.end]
    ):
        starts.append(sentence.start + m.end())
    intro = re.match(INTRODUCTION, text[sentence.start : sentence.end])
    if intro:
        starts.append(sentence.start + intro.end())
    return sorted(starts)


# "In June 1937, after Kork's arrest, " before a clause's subject.
INTRODUCTION = (
    r"(?:(?:In|On|At|After|During|By|Within|Later|Then|Soon|Of|Among)\b[^,;.]{0,60},\s*){1,2}"
)


def split_subjects(text: str, start: int, end: int, kb: Knowledge) -> list[Name] | None:
    """Names separated by commas and "and", each maybe with its initials after it, as
    registers and verdicts write them ("Surname A. B. and Othername C. D.")."""
    names, cursor = [], start
    for sep in [*re.finditer(r"\s*,\s*(?:and\s+)?|\s+and\s+", text[start:end]), None]:
        a, b = cursor, start + sep.start() if sep else end
        cursor = start + sep.end() if sep else end
        if re.match(CAPS_SURNAME + r"\b", text[a:b]):
            name = list_item_name(text, a, b, kb)
            if name is None:
                return None
            names.append(name)
            continue
        after = re.search(rf"\s+({REGISTER_INITIALS})\s*$", text[a:b])
        name = parse_item(text, a, b - len(after[0]) if after else b, kb)
        if name is None:
            return None
        if after:
            name = Name(text[a:b].strip(), name.start, b, name.surname, initials=after[1].strip())
        names.append(name)
    return names


def subject_names(
    text: str, sentence: Block, kb: Knowledge, verbs: str = SUBJECT_VERBS, anywhere: bool = False
) -> list[Name]:
    """Names that open a clause as its subject: "Orlov was sentenced", "Belov and
    Gusev, old friends of Lenin, are now imprisoned", "The murderer
    Nikolajev and his companions were condemned". With the verdict verbs (the default)
    the clause must name a penalty after its verb. `anywhere` looks for a subject in the
    whole sentence, not only where its clauses begin."""
    item = _names_regex(kb)
    subject = re.compile(
        rf"(?:(?:The|the) [a-z]+ |(?:Its|its|His|his|Her|her|Their|their) [a-z]+(?: [a-z]+)?,\s+)?"
        rf"(?P<names>{item}{TRAILING}(?:(?:\s*,\s*|\s+and\s+){item}{TRAILING})*)"
        rf"(?:\s+and\s+(?:his|her|their|other|several)\s+\w+|\s+and\s+others)?"
        rf"(?:,[^,]{{1,120}},)?(?:\s+(?:himself|herself|themselves|too|also))?,?\s+(?:{verbs})\b"
    )
    names: list[Name] = []
    starts = clause_starts(text, sentence)
    for start in starts:
        m = (subject.search if anywhere else subject.match)(text, start, sentence.end)
        if m:
            found = split_subjects(text, m.start("names"), m.end("names"), kb)
            # "was sentenced by the Special Board of the NKVD to five years": a verdict verb
            # reaches to the end of its clause.
            verdict_verb = re.search(
                r"\b(?:sentenced|condemned|convicted)\b", text[m.end() : m.end() + 60]
            )
            reach = sentence.end if verdict_verb else m.end() + NEAR
            clause_end = min([c for c in starts if c > start] + [sentence.end, reach])
            if verbs != SUBJECT_VERBS or penalties_in(text, m.start("names"), clause_end, kb):
                names += found or []
    return names


def clause_of(
    source: Source,
    paragraph: list[Block],
    index: int,
    kb: Knowledge,
    trial_id: str | None,
    above: list[Block] = (),
) -> Clause | None:
    """The verdict statement of paragraph[index], if it is one; `above` holds the
    sentences of the lines just above the paragraph (texts that put one sentence a line)."""
    text = source.text
    sentence = paragraph[index]
    found = penalties_in(text, sentence.start, sentence.end, kb)
    if not found and not OBJECT.search(text, sentence.start, sentence.end):
        return None
    found = [f for f in found if not negated(text, sentence, f[1], kb)]
    if not found and not OBJECT.search(text, sentence.start, sentence.end):
        return None  # a demand, a threat, a term served: no sentence was passed
    terms = penalty_terms(text, sentence, sentence.start, kb)
    penalties = sorted({p for p, _, _ in found}, key=ORDER.index)
    clause = Clause(
        sentence.start, sentence.end, trial_id, penalties, [t for t, _, _ in terms] or [None]
    )
    verdict = term_pattern(kb, "verdict").search(text, sentence.start, sentence.end)
    # A bracketed or dashed list in a verdict.
    if verdict:
        for names in name_lists(text, sentence.start, sentence.end, kb, minimum=1):
            before = text[max(0, names.start - 2) : names.start]
            if "(" in before or "—" in before or "–" in before:
                clause.names += [(name, clause.penalties, None) for name in names.names]
    # "(Pletnev 25 years, Rakovsky 20 years and Bessonov 15 years)"
    per_name = re.compile(rf"({WORD})\s+((?:{NUMBER_WORD}|\d+))\s+years\b")
    for m in per_name.finditer(text, sentence.start, sentence.end):
        name = parse_item(text, m.start(1), m.end(1), kb)
        value = parse_count(m[2], kb)
        if name and value and value <= MAX_TERM:
            clause.names = [n for n in clause.names if n[0].start != name.start]
            clause.names.append((name, ["imprisonment"], float(value)))
    clause.names += respectively(text, sentence, kb, clause.penalties)
    if not clause.names:
        clause.names += sentenced_objects(text, sentence, kb)
    if not clause.names:
        clause.names += inline_items(text, sentence, kb) + names_in_respect(text, sentence, kb)
    # Objects: "from shooting Orlov", "cost Orlov a sentence of ten years".
    titles = {row["title"] for row in kb["titles"]}
    for m in OBJECT.finditer(text, sentence.start, sentence.end):
        name = parse_item(text, m.start(2), m.end(2), kb)
        if name is None or name.surname in not_names(kb) or name.surname in titles:
            continue  # "sentenced Professor X": a title is not the person
        if any(n.start <= name.start < n.end for n, _, _ in clause.names):
            continue  # already read, with its title or initials
        after = penalties_in(text, m.start(), min(sentence.end, m.end() + 60), kb)
        if m[1] in ("shooting", "shot", "executed"):
            penalty = ["death"]
        else:
            penalty = [p for p, _, _ in after if p != "death"][:1]
        if penalty:
            years = years_in(text, m.end(), min(sentence.end, m.end() + 60), kb)
            clause.names.append((name, penalty, years[0][0] if years else None))
    # Collective verdicts.
    collective = term_pattern(kb, "collective")
    if not clause.names and verdict and collective.search(text, sentence.start, sentence.end):
        clause.collective = True
        words = re.search(rf"\bthe ({NUMBER_WORD}|\d+)\b", text[sentence.start : sentence.end])
        clause.count = parse_count(words[1], kb) if words else None
        return clause
    # Subjects, or the person a pronoun stands for.
    if not clause.names:
        subject = subject_names(text, sentence, kb) or names_before_verdict(text, sentence, kb)
        clause.names += [
            own_clause(text, sentence, name, clause, kb)
            if sentence.start <= name.start < sentence.end
            else (name, clause.penalties, None)
            for name in subject
        ]
        # A pronoun for the penalties before the first subject's clause (all, if none):
        # "He was … sentenced to death …; his deputy, A. B. Surname, received eight years".
        first = min((n.start for n in subject), default=sentence.end)
        early = [f for f in found if f[1] < first and CLAUSE_BREAK.search(text, f[2], first)]
        pronoun = pronoun_near_penalty(text, sentence, early if subject else found, kb)
        if pronoun is not None:
            penalties = sorted({p for p, _, _ in early}, key=ORDER.index) if subject else None
            antecedent = resolve_pronoun(
                source, paragraph[:index], above, sentence, pronoun, kb, clause
            )
            clause.names += [(n, penalties or clause.penalties, None) for n in antecedent]
    clause.names += elided_verdicts(text, sentence, kb, clause.names)
    partitive = PARTITIVE.search(text, sentence.start, sentence.end)
    if clause.names and partitive:
        count = parse_count(partitive[1], kb)
        clause.count = count if count and count > len(clause.names) else None
    return clause


RESPECTIVE_TERMS = re.compile(
    rf"\b((?:{NUMBER_WORD}|\d+)(?:\s*(?:,|and|,\s*and)\s*(?:{NUMBER_WORD}|\d+))+)"
    rf"\s+(?:\(\d+\)\s+)?years?\b",
    re.IGNORECASE,
)


VERDICT_VERB = (
    r",?\s+(?:who\s+)?(?:was|were|had been|have been|has been)\s+"
    r"(?:(?:later|then|also|all|both|each|subsequently|summarily|duly)\s+)?"
    r"(?:shot|executed|sentenced|condemned|convicted)\b"
)


def names_before_verdict(text: str, sentence: Block, kb: Knowledge) -> list[Name]:
    """Names anywhere in a sentence right before a verdict verb, in apposition or with
    their ranks: "His three deputies, A, B and C, were shot", "the corps commander
    A. B. Surname, the division commander C. D. Othername and … were shot", "A. B.
    Surname, who was shot in the same year"."""
    item = rf"{_names_regex(kb)}{TRAILING}"
    role = r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ff]ormer)\s+(?:[a-z()]+\s+){0,4}"
    role_item = rf"(?:{role})?{item}"
    pattern = re.compile(
        rf"(?P<names>{role_item}(?:(?:\s*,\s*|\s*,?\s+and\s+){role_item})*){VERDICT_VERB}"
    )
    m = pattern.search(text, sentence.start, sentence.end)
    if m is None or negated(text, sentence, m.end(), kb):
        return []
    banned = not_names(kb)
    names = []
    for piece in re.finditer(item, text[m.start("names") : m.end("names")]):
        start = m.start("names") + piece.start()
        found = split_subjects(text, start, m.start("names") + piece.end(), kb)
        names += [n for n in found or [] if n.surname not in banned]
    given = {row["name"] for row in kb["given_names"]}
    if len(names) == 1 and not (names[0].initials or names[0].title or names[0].given in given):
        return []  # one capitalised phrase ("the High Command") is not surely a person
    return names


def resolve_pronoun(
    source: Source,
    earlier: list[Block],
    above: list[Block],
    sentence: Block,
    pronoun: int,
    kb: Knowledge,
    clause: Clause,
) -> list[Name]:
    """The person a pronoun stands for: a full name before it in its sentence, else the
    subject (or last full name) of one of the three sentences before, else the person
    the entry is about (an inference, recorded in `clause.subject_from`). The clause's
    span grows back to the sentence that names them."""
    text = source.text
    word = text[pronoun : pronoun + 3]
    here = Block(sentence.start, pronoun)
    found = [
        n
        for n in subject_names(text, here, kb, ANTECEDENT_VERBS, anywhere=True)
        if agrees(n, word) and (n.given or n.initials or n.title)
    ][-1:]
    if found:
        return found
    for before in [*reversed(earlier), *reversed(above)][:3]:
        names = (
            subject_names(text, before, kb, ANTECEDENT_VERBS) or full_names(text, before, kb)[-1:]
        )
        found = [n for n in names if agrees(n, word)]
        if found:
            clause.start = before.start
            return found[:1]
    if not re.match(r"(?:he|she|him)\b", text[pronoun : pronoun + 4], re.IGNORECASE):
        return []
    lead = article_subject(source, kb, pronoun)
    if lead is not None and agrees(lead[0], word):
        clause.subject_from = lead[1]
        return [lead[0]]
    return []


def full_names(text: str, sentence: Block, kb: Knowledge) -> list[Name]:
    """Names in a sentence that are surely persons: with initials, a title or a known given
    name ("The first secretary …, A. B. Surname, then forty years old, …")."""
    given = {row["name"] for row in kb["given_names"]}
    banned = not_names(kb)
    found = []
    for m in re.finditer(_names_regex(kb), text[sentence.start : sentence.end]):
        name = parse_item(text, sentence.start + m.start(), sentence.start + m.end(), kb)
        if name is None or name.surname in banned:
            continue
        before = text[sentence.start : name.start]
        if before.count("(") > before.count(")"):
            continue  # a name in brackets is another spelling, not the sentence's person
        if name.initials or name.title or name.given.split()[:1] in ([g] for g in given):
            found.append(name)
    return found


def own_clause(
    text: str, sentence: Block, name: Name, clause: Clause, kb: Knowledge
) -> tuple[Name, list[str], float | None]:
    """A subject's penalties and term are those of its own clause when it states any:
    "All but two … were sentenced to death; A and B received ten years"."""
    ends = [c for c in clause_starts(text, sentence) if c > name.end] + [sentence.end]
    found = [
        p
        for p, at, _ in penalties_in(text, name.end, ends[0], kb)
        if not negated(text, sentence, at, kb)
    ]
    if not found or len(clause_starts(text, sentence)) == 1:
        return name, clause.penalties, None
    years = years_in(text, name.end, ends[0], kb)
    penalties = sorted(set(found), key=ORDER.index)
    return name, penalties, years[0][0] if years else None


def respectively(
    text: str, sentence: Block, kb: Knowledge, penalties: list[str]
) -> list[tuple[Name, list[str], float | None]]:
    """ "A and B received fifteen and ten years … respectively": the n-th
    name gets the n-th term, when the counts agree."""
    if not re.search(r"\brespectively\b", text[sentence.start : sentence.end]):
        return []
    terms = RESPECTIVE_TERMS.search(text, sentence.start, sentence.end)
    if terms is None:
        return []
    values = [parse_count(v, kb) for v in re.split(r"\s*(?:,\s*and|,|and)\s*", terms[1])]
    names = subject_names(text, sentence, kb, SENTENCING_VERBS)
    penalty = next((p for p in penalties if p != "death"), "imprisonment")
    if len(names) != len(values) or not all(values):
        return []
    return [(n, [penalty], float(v)) for n, v in zip(names, values, strict=True)]


def sentenced_objects(
    text: str, sentence: Block, kb: Knowledge
) -> list[tuple[Name, list[str], float | None]]:
    """ "The court sentenced General X to VMN", "sentenced the accused A and B to ten years",
    "SENTENCED: SURNAME A. B., OTHERNAME C. D. … to the supreme measure", "sentenced A to
    ten years and B to seven years": the names after a verdict verb, each group with the
    penalty and term that follow it up to the next group."""
    names = rf"{object_item(kb)}(?:(?:\s*,\s*|\s+and\s+){object_item(kb)})*"
    first = re.compile(
        rf"\b(?:sentenced|condemned|convicted|SENTENCED|CONDEMNED):?\s+(?:the\s+)?"
        rf"(?:accused\s+|defendants?\s+)?(?P<names>{names})\s+(?:to|for)\b"
    )
    more = re.compile(rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?P<names>{names})\s+to\b")
    found = []
    for m in first.finditer(text, sentence.start, sentence.end):
        groups = [m]
        while (following := more.search(text, groups[-1].end(), sentence.end)) is not None:
            groups.append(following)
        for group, after in zip(groups, [*groups[1:], None], strict=True):
            end = after.start() if after else sentence.end
            penalties = sorted(
                {p for p, _, _ in penalties_in(text, group.end(), end, kb)}, key=ORDER.index
            )
            years = years_in(text, group.end(), end, kb)
            for name in split_subjects(text, group.start("names"), group.end("names"), kb) or []:
                if name.surname in not_names(kb):
                    continue
                found += [
                    (name, [p], years[0][0] if years and p != "death" else None) for p in penalties
                ]
    return found


def object_item(kb: Knowledge) -> str:
    """A name as verdicts write it after their verb: the usual forms with initials after
    the surname, or a capitalised surname with initials or given names."""
    caps = rf"{CAPS_SURNAME}(?:\s+{REGISTER_INITIALS}(?=\s|,|$)|\s+{WORD}(?:\s+{WORD})?)"
    return rf"(?:{caps}|{_names_regex(kb)}{TRAILING})"


# Where a clause ends: not at ", and was sentenced", whose verb shares the subject before.
CLAUSE_BREAK = re.compile(
    r"[;:]|\.\s|,\s+(?:while|whereas)\b|,\s+(?:and|but)\b(?!\s+(?:was|were|had|has|is|then"
    r"|later|subsequently|sentenced|condemned|shot|executed|given|received)\b)"
)


def negated(text: str, sentence: Block, at: int, kb: Knowledge) -> bool:
    """Whether the words before `at` in its clause deny that a sentence was passed: a
    demand ("demanded that they be shot"), a hypothetical, a term served ("after
    spending 15 years … in labour camps"), an escape ("saved from execution")."""
    breaks = list(CLAUSE_BREAK.finditer(text, sentence.start, at))
    start = breaks[-1].end() if breaks else sentence.start
    return bool(term_pattern(kb, "not_verdict").search(text, start, at))


def elided_verdicts(
    text: str, sentence: Block, kb: Knowledge, named: list
) -> list[tuple[Name, list[str], float | None]]:
    """A clause after ";" whose verb is the sentence's: "A was sentenced to eight years;
    the bookkeeper B and the storekeeper C to five years each"."""
    if not term_pattern(kb, "verdict").search(text, sentence.start, sentence.end):
        return []
    item = rf"(?:(?:the|a)\s+[a-z]+\s+)?{_names_regex(kb)}"
    clause = re.compile(rf";\s+(?P<names>{item}(?:(?:\s*,\s*|\s+and\s+){item})*)\s+to\s+")
    seen = {n.start for n, _, _ in named}
    found = []
    for m in clause.finditer(text, sentence.start, sentence.end):
        end = text.find(";", m.end(), sentence.end)
        end = sentence.end if end == -1 else end
        penalties = [p for p, _, _ in penalties_in(text, m.end() - 3, end, kb)]
        years = years_in(text, m.end(), end, kb)
        if not penalties and years:
            penalties = ["imprisonment"]  # "to five years each": a bare term is prison
        for piece in re.finditer(_names_regex(kb), text[m.start("names") : m.end("names")]):
            start = m.start("names") + piece.start()
            name = parse_item(text, start, m.start("names") + piece.end(), kb)
            if name is None or name.surname in not_names(kb) or name.start in seen:
                continue
            for penalty in sorted(set(penalties), key=ORDER.index):
                term = years[0][0] if years and penalty != "death" else None
                found.append((name, [penalty], term))
    return found


INLINE_MARK = re.compile(r"(?:^|(?<=[\s:;,]))\(?\d{1,2}\)\s+")


def inline_items(
    text: str, sentence: Block, kb: Knowledge
) -> list[tuple[Name, list[str], float | None]]:
    """Numbered items inside one sentence: "sentenced: (1) A, to be shot; (2) B, to ten
    years ITL": each item's name with the penalty and term it states."""
    marks = list(INLINE_MARK.finditer(text, sentence.start, sentence.end))
    if len(marks) < 2:
        return []
    found = []
    for mark, following in zip(marks, [*marks[1:], None], strict=True):
        end = following.start() if following else sentence.end
        name = list_item_name(text, mark.end(), end, kb)
        own = [
            f
            for f in penalties_in(text, mark.end(), end, kb)
            if not negated(text, sentence, f[1], kb)
        ]
        if name is None or name.surname in not_names(kb) or not own:
            continue
        years = penalty_terms(text, Block(mark.end(), end), mark.end(), kb)
        for penalty in sorted({p for p, _, _ in own}, key=ORDER.index):
            found.append((name, [penalty], years[0][0] if years and penalty != "death" else None))
    return found


IN_RESPECT = re.compile(
    r"\b(?:in respect of|in the case of|the case of|concerning|regarding|against)\s+"
)


def names_in_respect(
    text: str, sentence: Block, kb: Knowledge
) -> list[tuple[Name, list[str], float | None]]:
    """ "The verdict … in respect of Surname, Given Patronymic, sentenced to VMN": the
    person a certificate or a case is about, when the sentence passes a penalty."""
    verdict = term_pattern(kb, "verdict")
    if not verdict.search(text, sentence.start, sentence.end):
        return []
    for m in IN_RESPECT.finditer(text, sentence.start, sentence.end):
        name = list_item_name(text, m.end(), sentence.end, kb)
        if name is None or name.surname in not_names(kb):
            continue
        found = [
            f
            for f in penalties_in(text, name.end, sentence.end, kb)
            if not negated(text, sentence, f[1], kb)
        ]
        years = penalty_terms(text, sentence, name.end, kb)
        penalties = sorted({p for p, _, _ in found}, key=ORDER.index)
        return [(name, [p], years[0][0] if years and p != "death" else None) for p in penalties]
    return []


def agrees(name: Name, pronoun: str) -> bool:
    """A pronoun and its antecedent agree in gender, as Russian names show it: a feminine
    given name or surname ends in -a or -aya (Yekaterina, Larina); "she" needs one, "he"
    must not have one. Without a given name, a surname in -a is taken as feminine."""
    feminine = bool(re.search(r"(?:a|aya)$", name.given.split()[0] if name.given else name.surname))
    return feminine == pronoun.lower().startswith(("she", "her"))


LEAD = re.compile(r"\s*(?:\(|,|was\b|is\b|were\b|\[)")
CAPITALS = re.compile(
    rf"[{UPPER}][{UPPER}’'-]+(?: [{UPPER}][{UPPER}’'-]+){{0,3}}(?=\s*[(,\[]|\s+was\b)"
)


@lru_cache(maxsize=4)
def _entry_heads(text: str, item: str) -> tuple[tuple[int, Name], ...]:
    """(offset, name) of every line that opens with the person it is about: an
    encyclopaedic lead ("Given Surname (1890–1950) was …", "GIVEN SURNAME (born …)") or a
    dictionary entry ("SURNAME, Given (1890-1937).")."""
    heads = []
    for line in lines(text):
        start = (
            line.start
            + len(text[line.start : line.end])
            - len(text[line.start : line.end].lstrip())
        )
        capitals = CAPITALS.match(text, start, line.end)
        if capitals:
            words = capitals[0].split()
            given = re.match(rf",\s*({WORD})", text[capitals.end() : line.end])
            surname = words[0] if given else words[-1]
            first = given[1] if given else words[0].title() if len(words) > 1 else ""
            if first:
                name = Name(
                    capitals[0], start, capitals.end(), surname.title(), given=first.title()
                )
                heads.append((start, name))
            continue
        m = re.compile(item).match(text, start, line.end)
        if m and re.match(r"\s*\((?:born|b\.|\d|[^)]*\d{4})", text[m.end() : line.end]):
            words = m[0].split()
            if len(words) >= 2 and all(w[:1].isupper() for w in words):
                heads.append((start, Name(m[0], start, m.end(), words[-1], given=words[0])))
    return tuple(heads)


def article_subject(source: Source, kb: Knowledge, at: int) -> tuple[Name, str] | None:
    """The person the entry that `at` stands in is about: the last line before it that
    opens with a person's full name, as encyclopaedias and biographical dictionaries begin
    their entries; a "she" no sentence before resolves refers to them. With the span the
    name stands at, since a row that uses it is an inference."""
    heads = [h for h in _entry_heads(source.text, _names_regex(kb)) if h[0] <= at]
    if not heads:
        return None
    name = heads[-1][1]
    return name, source.span(name.start, name.end).ref


# A subject pronoun that undergoes the verdict ("he was sentenced", "she, with eleven
# others, were shot", "he received ten years") or an object of one ("sentenced him").
PRONOUN_ROLE = re.compile(
    r"(?:he|she)(?:,[^,]{1,120},)?[^.;]{0,60}?\b(?:was|were|had been|has been|is|received|got"
    r"|sentenced|condemned|convicted)\b"
    r"|him\b",
    re.IGNORECASE,
)


def pronoun_near_penalty(
    text: str, sentence: Block, penalties: list[tuple[str, int, int]], kb: Knowledge
) -> int | None:
    """A pronoun that the penalty is about: "he, along with eleven other officers …, were
    shot" (a subject within 80 characters), "the original five-year sentence for his
    alleged participation" (a possessive within 20). Returns where the pronoun stands."""
    for m in PRONOUN.finditer(text, sentence.start, sentence.end):
        relative = term_pattern(kb, "relative")
        if not m["subject"] and relative.match(text, m.end()):
            continue  # "her husband was executed": the relative is sentenced, not she
        if m["subject"] and not PRONOUN_ROLE.match(text, m.start(), sentence.end):
            continue  # "he mobilized the people imprisoned": not a sentence passed on him
        reach = 200 if m["subject"] else 20
        for _, a, b in penalties:
            near = min(abs(m.start() - b), abs(a - m.end())) <= reach
            if near and not CLAUSE_BREAK.search(text, min(m.end(), a), max(m.start(), a)):
                return m.start()
    return None


def defendant_lists(source: Source, kb: Knowledge) -> dict[str, tuple[list[Name], Record]]:
    """The fullest defendant list of each trial in this text (names, one record of it)."""
    groups: dict[tuple[str, int], list[Record]] = {}
    for record in trial_records(source, kb):
        if record.resource == "defendants":
            groups.setdefault((record.fields["trial_id"], record.span.char_start), []).append(
                record
            )
    best: dict[str, list[Record]] = {}
    for (trial_id, _), records in groups.items():
        if trial_id not in best or len(records) > len(best[trial_id]):
            best[trial_id] = records
    return {t: ([r.refs["name"] for r in rs], rs[0]) for t, rs in best.items()}


LIST_MARK = re.compile(r"[ \t]*(?:\(?\d{1,3}[.)]|\(?[a-z][.)]|[–—•*-])[ \t]+")


CAPS_SURNAME = rf"[{UPPER}]{{2,}}(?:-[{UPPER}]{{2,}})?"


def list_item_name(text: str, start: int, end: int, kb: Knowledge) -> Name | None:
    """The name an item of a register list opens with, in the orders registers use:
    "Surname, Given Patronymic", "Surname A. B." or "Surname Sh. B." (initials after),
    "Surname Given Patronymic", "SURNAME, Given Patronymic" (the surname in capitals),
    or the usual "A. B. Surname"."""
    piece = text[start:end]
    caps = re.match(
        rf"({CAPS_SURNAME})(?:,?\s*({WORD}(?:\s+{WORD})?)|\s+({REGISTER_INITIALS}))", piece
    )
    banned = {word.upper() for word in not_names(kb)}
    if caps and caps[1] not in banned:
        written = caps[0].strip()
        parts = {"given": caps[2]} if caps[2] else {"initials": caps[3].strip()}
        return Name(written, start, start + len(written), caps[1].title(), **parts)
    initials = re.match(rf"({WORD})\s+({REGISTER_INITIALS})(?![{LOWER}])", piece)
    endings = "|".join(sorted((r["ending"] for r in kb["patronymics"]), key=len, reverse=True))
    given = re.match(rf"({WORD})\s+({WORD}\s+{WORD}(?:{endings}))\b", piece)
    m = initials or given
    if m is not None:
        name = parse_item(text, start + m.start(1), start + m.end(1), kb)
        if name is not None:
            written = m[0].strip()
            parts = {"initials": m[2].strip()} if initials else {"given": m[2]}
            return Name(written, start, start + len(written), name.surname, **parts)
    usual = re.match(item_pattern(kb), piece)
    if usual and (usual["title"] or usual["initials"] or usual["given"]):
        return parse_item(text, start, start + usual.end(), kb)  # "Mrs. Given Surname"
    return parse_inverted(text, start, end, kb)


def item_names(text: str, start: int, end: int, kb: Knowledge) -> list[Name]:
    """The names an item opens with: one, or several joined by "and" ("Surname A. B. and
    Othername C. D., to … fifteen and ten years respectively")."""
    names: list[Name] = []
    cursor = start
    while cursor < end:
        name = list_item_name(text, cursor, end, kb)
        if name is None or name.surname in not_names(kb):
            break
        names.append(name)
        joint = re.match(r",?\s+and\s+", text[name.end : end])
        if joint is None:
            break
        cursor = name.end + joint.end()
    return names


def heading_lists(source: Source, kb: Knowledge) -> Iterator[Record]:
    """A list under a heading: "… sentenced to the supreme measure of punishment,
    shooting:" then "(1) Orlov, Pavel Ivanovich; (2) …" (numbered, lettered or dashed
    items, one a line). Each item gets the penalty and term it states itself ("1) Surname
    A. B., … to be shot"), or else the heading's; under a heading that states none, such
    as "the Military Collegium SENTENCED:", only items that state their own give rows."""
    text = source.text
    all_lines = list(lines(text))
    not_verdict = term_pattern(kb, "not_verdict")
    verdict = term_pattern(kb, "verdict")
    body_pattern = term_pattern(kb, "body")
    for index, line in enumerate(all_lines):
        heading = text[line.start : line.end].strip()
        capitals = len(heading) < 80 and heading.upper() == heading and heading.lower() != heading
        if not (heading.endswith(":") or capitals) or not_verdict.search(
            text, line.start, line.end
        ):
            continue  # a heading ends with a colon, or stands in capitals on its own line
        found = penalties_in(text, line.start, line.end, kb)
        terms = [y for y, _, _ in years_in(text, line.start, line.end, kb)]
        dates = find_dates(text, kb, line.start, line.end)
        body = body_pattern.search(text, line.start, line.end)
        shared = {
            "trial_id": None,
            "date": dates[0].start if dates else None,
            "sentencing_body": next((g for g in body.groups() if g), None) if body else None,
            "basis": "explicit",
        }
        for item, names in list_items(text, all_lines[index + 1 :], kb):
            block = Block(item.start, item.end)
            own = [
                f
                for f in penalties_in(text, names[-1].end, item.end, kb)
                if not negated(text, block, f[1], kb)
            ]
            own_verdict = verdict.search(text, names[-1].end, item.end)
            heading_verdict = found or verdict.search(text, line.start, line.end)
            if not (found or (own and (own_verdict or heading_verdict))):
                continue  # under a heading that sentences nobody, an item must say it
            own_terms = [y for y, _, _ in penalty_terms(text, block, names[-1].end, kb)]
            penalties = sorted({p for p, _, _ in (own or found)}, key=ORDER.index)
            term_list = (own_terms if own else terms) or [None]
            respective = "respectively" in text[item.start : item.end] and len(names) > 1
            if respective:
                listed = RESPECTIVE_TERMS.search(text, item.start, item.end)
                values = re.split(r"\s*(?:,\s*and|,|and)\s*", listed[1]) if listed else []
                term_list = [float(parse_count(v, kb) or 0) or None for v in values] or [None]
            for position, name in enumerate(names):
                term = term_list[position] if respective and len(term_list) == len(names) else None
                if not respective:
                    term = term_list[0]
                for penalty in penalties:
                    fields = {**shared, "penalty": penalty}
                    fields["term_years"] = term if penalty != "death" else None
                    span = source.span(line.start, item.end)
                    yield Record(
                        "sentences", fields, span, "sentences.heading_list", refs={"name": name}
                    )


def list_items(text: str, following: list[Block], kb: Knowledge) -> list[tuple[Block, list[Name]]]:
    """The items of the list that starts on the first of `following` (blank lines before
    it allowed), each with the names it opens with; the list ends at a line that is not an
    item."""
    items = []
    for item in following:
        if not text[item.start : item.end].strip():
            if items:
                break
            continue
        mark = LIST_MARK.match(text, item.start, item.end)
        names = item_names(text, mark.end(), item.end, kb) if mark else []
        if not names:
            break
        items.append((item, names))
    return items


PARTITIVE_OF = re.compile(
    rf"\b(?:all but (?P<but>{NUMBER_WORD}|\d+)|(?P<n>{NUMBER_WORD}|\d+)) of (?:the|these|those) "
    rf"(?:(?P<m>{NUMBER_WORD}|\d+) )?(?:remaining )?(?:accused|defendants|condemned|prisoners)\b",
    re.IGNORECASE,
)


def partitive_lists(source: Source, kb: Knowledge) -> Iterator[Record]:
    """ "Nine of the eleven accused were sentenced to be shot" after a list of the eleven,
    with the other two sentenced (or acquitted) by name nearby: the nine not named get
    the penalty, as an inference from the list; if the count does not close, nothing."""
    text = source.text
    all_lines = list(lines(text))
    for number, line in enumerate(all_lines):
        for sentence in sentences(text, line.start, line.end):
            m = PARTITIVE_OF.search(text, sentence.start, sentence.end)
            if m is None:
                continue
            found = [
                f
                for f in penalties_in(text, m.end(), sentence.end, kb)
                if not negated(text, sentence, f[1], kb)
            ]
            listing = nearest_list(text, all_lines[max(0, number - 40) : number], kb, m["m"])
            listing = listing or prose_list(
                text, all_lines[max(0, number - 10) : number + 1], sentence, kb, m["m"]
            )
            if not found or listing is None:
                continue
            listed, where = listing
            window = Block(where.end, all_lines[min(len(all_lines) - 1, number + 3)].end)
            named = sentenced_elsewhere(text, window, sentence, listed, kb)
            # Named here: part of the N ("seven of the accused … (A, B, C)"), or the
            # exceptions of "all but two".
            here = {n.surname for n in listed if n.surname in text[m.end() : sentence.end]}
            remaining = [n for n in listed if n.surname not in named | here]
            wanted = (
                (parse_count(m["n"], kb) or 0) - len(here)
                if m["n"]
                else len(listed) - (parse_count(m["but"], kb) or 0)
            )
            if len(remaining) != wanted:
                continue
            terms = [t for t, _, _ in penalty_terms(text, sentence, m.end(), kb)] or [None]
            evidence = source.span(where.start, where.end).ref
            for name in listed:  # the list names each person: an anchor for the inference
                span = source.span(name.start, name.end)
                yield Record("mentions", {}, span, "sentences.list", refs={"name": name})
            for name in remaining:
                for penalty in sorted({p for p, _, _ in found}, key=ORDER.index):
                    fields = {
                        "trial_id": None,
                        "penalty": penalty,
                        "term_years": terms[0] if penalty != "death" else None,
                        "basis": "inferred",
                        "inference_rule": "count_minus_named",
                        "inferred_from": evidence,
                    }
                    span = source.span(sentence.start, sentence.end)
                    yield Record(
                        "sentences",
                        fields,
                        span,
                        "sentences.partitive_list",
                        refs={"name": name},
                    )


def nearest_list(
    text: str, before: list[Block], kb: Knowledge, count: str | None
) -> tuple[list[Name], Block] | None:
    """The names of the last list in `before` (of `count` items when the text says how
    many), and where the list stands."""
    wanted = parse_count(count, kb) if count else None
    marked = [bool(LIST_MARK.match(text, b.start, b.end)) for b in before]
    for index in range(len(before) - 1, -1, -1):
        if not marked[index] or (index and marked[index - 1]):
            continue  # not the first item of a list
        run = list_items(text, before[index:], kb)
        if run and (wanted is None or len(run) == wanted):
            return [n for _, names in run for n in names], Block(run[0][0].start, run[-1][0].end)
    return None


def prose_list(
    text: str, recent: list[Block], here: Block, kb: Knowledge, count: str | None
) -> tuple[list[Name], Block] | None:
    """The accused named in a sentence of prose before `here` ("In the dock were A, B,
    C, …"): the last run of names in a sentence about defendants (of `count` names when
    the text says how many)."""
    wanted = parse_count(count, kb) if count else None
    cue = cue_pattern(kb, "defendant")
    candidates = [s for line in recent for s in sentences(text, line.start, line.end)]
    for sentence in reversed([s for s in candidates if s.end <= here.start]):
        if not cue.search(text, sentence.start, sentence.end):
            continue
        for run in reversed(name_lists(text, sentence.start, sentence.end, kb)):
            if wanted is None or len(run.names) == wanted:
                return list(run.names), Block(run.start, run.end)
    return None


def sentenced_elsewhere(
    text: str, window: Block, here: Block, listed: list[Name], kb: Knowledge
) -> set[str]:
    """Surnames of the list that sentences in `window` (other than `here`) sentence or
    acquit by name."""
    named: set[str] = set()
    for sentence in sentences(text, window.start, window.end):
        if sentence.start <= here.start < sentence.end:
            continue
        if not (
            penalties_in(text, sentence.start, sentence.end, kb)
            or term_pattern(kb, "outcome").search(text, sentence.start, sentence.end)
        ):
            continue
        passage = text[sentence.start : sentence.end]
        named |= {n.surname for n in listed if re.search(rf"\b{re.escape(n.surname)}\b", passage)}
    return named


NAME_HEADER = re.compile(r"surname|name|full name|person|accused|convicted", re.IGNORECASE)
SENTENCE_HEADER = re.compile(r"sentence|verdict|penalty|punishment|decision|measure", re.IGNORECASE)


def register_tables(source: Source, kb: Knowledge) -> Iterator[Record]:
    """A register set as a table ("| 2 | Surname Given Patronymic | 1887 | VMN |"): a
    column of names and a column of sentences, one row a person."""
    text = source.text
    for table in find_tables(text):
        header_cells = table.header[-1].cells if table.header else []
        names_at = [i for i, c in enumerate(header_cells) if NAME_HEADER.search(c.clean)]
        sentence_at = [i for i, c in enumerate(header_cells) if SENTENCE_HEADER.search(c.clean)]
        if not names_at or not sentence_at:
            continue
        for row in table.rows:
            if len(row.cells) != len(header_cells):
                continue  # a row whose cells do not line up with the header
            cell, verdict = row.cells[names_at[0]], row.cells[sentence_at[-1]]
            name = list_item_name(text, cell.start, cell.end, kb)
            found = penalties_in(text, verdict.start, verdict.end, kb)
            if name is None or name.surname in not_names(kb) or not found:
                continue
            years = years_in(text, verdict.start, verdict.end, kb)
            for penalty in sorted({p for p, _, _ in found}, key=ORDER.index):
                fields = {
                    "trial_id": None,
                    "penalty": penalty,
                    "term_years": years[0][0] if years and penalty != "death" else None,
                    "basis": "explicit",
                }
                span = source.span(row.block.start, row.block.end)
                yield Record(
                    "sentences", fields, span, "sentences.register_table", refs={"name": name}
                )


ORDER = ["death", "imprisonment", "exile", "other"]
RESOLUTION = re.compile(
    r"[ \t]*(?:RESOLVED|DECIDED|DECREED|SENTENCED|ORDERED|DECISION|VERDICT|Resolved|Decided"
    r"|Decreed|Sentenced|Ordered|Decision|Verdict)[ \t]*[:.—–-][ \t]*(?:\d{1,3}[.)][ \t]*)?"
)


def resolutions(source: Source, kb: Knowledge) -> Iterator[Record]:
    """Protocol lines: "RESOLVED: Surname, Given Patronymic, to be shot." (the troika's and
    special board's HEARD / RESOLVED form): the name the resolution opens with gets the
    penalties and term of its line."""
    text = source.text
    for line in lines(text):
        m = RESOLUTION.match(text, line.start, line.end)
        if m is None:
            continue
        name = list_item_name(text, m.end(), line.end, kb)
        if name is None or name.surname in not_names(kb):
            continue
        found = [
            f
            for f in penalties_in(text, name.end, line.end, kb)
            if not negated(text, Block(line.start, line.end), f[1], kb)
        ]
        terms = [y for y, _, _ in years_in(text, name.end, line.end, kb)] or [None]
        confiscation = term_pattern(kb, "confiscation").search(text, line.start, line.end)
        for penalty in sorted({p for p, _, _ in found}, key=ORDER.index):
            fields = {
                "trial_id": None,
                "penalty": penalty,
                "term_years": terms[0] if penalty != "death" else None,
                "confiscation": True if confiscation else None,
                "basis": "explicit",
            }
            span = source.span(line.start, line.end)
            yield Record("sentences", fields, span, "sentences.resolution", refs={"name": name})


def extract(source: Source, kb: Knowledge) -> Iterator[Record]:
    """Every sentence row of the text; where two rules read the same name to the same
    penalty and term, the first rule's row (one rule may find two sentences alike)."""
    first_rule: dict[tuple, str] = {}
    for record in _extract(source, kb):
        name = record.refs.get("name")
        if record.resource == "sentences" and name is not None:
            key = (name.start, record.fields["penalty"], record.fields.get("term_years"))
            if first_rule.setdefault(key, record.extractor) != record.extractor:
                continue
        yield record


def _extract(source: Source, kb: Knowledge) -> Iterator[Record]:
    text = source.text
    for _, name in _entry_heads(text, _names_regex(kb)):  # the person an entry is about
        span = source.span(name.start, name.end)
        yield Record("mentions", {}, span, "sentences.entry_head", refs={"name": name})
    yield from heading_lists(source, kb)
    yield from resolutions(source, kb)
    yield from register_tables(source, kb)
    sections = trial_sections(source, kb)
    yield from aggregate_claims(source, kb)
    for section in sections:
        yield from execution_before_arrest(source, kb, section)
    yield from numbered_verdicts(source, kb, sections)
    lists = defendant_lists(source, kb)
    rights = term_pattern(kb, "rights")
    confiscation = term_pattern(kb, "confiscation")
    body_pattern = term_pattern(kb, "body")
    above: list[Block] = []
    for line in lines(text):
        paragraph = list(sentences(text, line.start, line.end))
        clauses: list[Clause] = []
        for index, sentence in enumerate(paragraph):
            section = next((s for s in sections if s.heading.end <= sentence.start < s.end), None)
            named = trial_mentions(
                text, sentence.start, sentence.end, kb, section.context if section else ""
            )
            trial_id = named[0].trial_id if named else (section.trial_id if section else None)
            clause = clause_of(source, paragraph, index, kb, trial_id, above)
            if clause:
                clause.trial_named = bool(named)
            if clause and (clause.names or clause.collective):
                clauses.append(clause)
        above = (above + paragraph)[-3:] if paragraph else []  # a blank line ends the run
        if not clauses:
            continue
        # Paragraph-level modifiers: rights, confiscation, verdict date, sentencing body.
        modifiers = []
        for sentence in paragraph:
            span = (sentence.start, sentence.end)
            r = rights.search(text, *span)
            rights_years = None
            if r:
                years = years_in(text, r.end(), min(sentence.end, r.end() + 60), kb)
                rights_years = years[0][0] if years else None
            body = body_pattern.search(text, *span)
            dated = find_dates(text, kb, *span)
            dates = [
                d
                for d in dated
                if PRONOUNCED.search(text[max(span[0], d.span[0] - 30) : d.span[0]])
            ]
            event_dates = [
                d
                for d in dated
                if EVENT_DATE.search(text[max(span[0], d.span[0] - 30) : d.span[0]])
            ]
            modifiers.append(
                {
                    "span": span,
                    "rights": rights_years,
                    "imprisonment_only": bool(
                        re.search(r"imprisonment|prison", text[span[0] : span[1]], re.IGNORECASE)
                    ),
                    "confiscation": bool(confiscation.search(text, *span)),
                    "all": bool(re.search(r"\ball\b", text[span[0] : span[1]], re.IGNORECASE)),
                    "date": dates[0].start if dates else None,
                    "event_date": event_dates[0].start if event_dates else None,
                    "body": next((g for g in body.groups() if g), None) if body else None,
                }
            )
        sentenced: set[tuple[str, str]] = set()
        for clause in clauses:
            for name, _, _ in clause.names:
                sentenced.add((clause.trial_id or "", name.surname))
        for clause in clauses:
            yield from clause_records(source, kb, clause, modifiers, lists, sentenced)
    # After the trial-aware rules, so that a count a trial's list closes keeps its trial.
    yield from partitive_lists(source, kb)


def _apply(fields: dict, clause: Clause, penalty: str, modifiers: list[dict]) -> tuple[int, int]:
    """Fill rights, confiscation, date and body from the paragraph; return the span to cite."""
    start, end = clause.start, clause.end
    for mod in modifiers:
        a, b = mod["span"]
        inside = clause.start <= a and b <= clause.end
        used = False
        if mod["rights"] and penalty == "imprisonment" and (inside or mod["imprisonment_only"]):
            fields["rights_deprivation_years"] = mod["rights"]
            used = True
        if mod["confiscation"] and (inside or mod["all"]):
            fields["confiscation"] = True
            used = True
        if mod["date"] and not fields.get("date"):
            fields["date"] = mod["date"]
            used = True
        if mod["event_date"] and inside and not fields.get("date"):
            fields["date"] = mod["event_date"]
        if mod["body"] and not fields.get("sentencing_body") and (inside or mod["date"]):
            fields["sentencing_body"] = mod["body"]
            used = True
        if used:
            start, end = min(start, a), max(end, b)
    return start, end


def clause_records(
    source: Source,
    kb: Knowledge,
    clause: Clause,
    modifiers: list[dict],
    lists: dict,
    sentenced: set,
) -> Iterator[Record]:

    listed = [n.surname for n in lists.get(clause.trial_id, ([], None))[0]]

    def record(
        name: Name, penalty: str, term: float | None, rule: str, inferred: str | None
    ) -> Record:
        # A named person is sentenced in the trial of the section only if the sentence
        # names the trial or the person is on its defendant list in this text.
        in_trial = clause.trial_named or any(same_surname(name.surname, s, kb) for s in listed)
        fields = {
            "trial_id": clause.trial_id if in_trial else None,
            "penalty": penalty,
            "term_years": term if penalty != "death" else None,
            "basis": "inferred" if inferred else "explicit",
            "inference_rule": rule if inferred else None,
            "inferred_from": inferred,
        }
        start, end = _apply(fields, clause, penalty, modifiers)
        extractor = "sentences.named" if not inferred else f"sentences.{rule}"
        return Record("sentences", fields, source.span(start, end), extractor, refs={"name": name})

    rule = "article_subject" if clause.subject_from else "named"
    for name, penalties, term in clause.names:
        for penalty in penalties:
            terms = [term] if term is not None else clause.terms
            for value in terms if penalty != "death" else [None]:
                yield record(name, penalty, value, rule, clause.subject_from)
    if clause.trial_id not in lists:
        return
    names, list_record = lists[clause.trial_id]
    list_span = list_record.span.ref
    if clause.collective:
        if clause.count is not None and clause.count != len(names):
            yield check(
                source,
                clause,
                "collective-count-mismatch",
                f"the verdict speaks of {clause.count} defendants, the list has {len(names)}",
                list_span,
            )
            return
        for name in names:
            for penalty in clause.penalties:
                yield record(name, penalty, clause.terms[0], "collective_verdict", list_span)
    elif clause.count is not None:
        missing = [
            n
            for n in names
            if not any(
                t == clause.trial_id and same_surname(n.surname, s, kb) for t, s in sentenced
            )
        ]
        need = clause.count - len(clause.names)
        if len(missing) != need:
            message = (
                f"{clause.count} sentenced but {len(clause.names)} named; {len(missing)} "
                f"defendants of the list are not sentenced by name, not {need}"
            )
            yield check(source, clause, "inference-does-not-close", message, list_span)
            return
        for name in missing:
            for penalty in clause.penalties:
                yield record(name, penalty, None, "count_minus_named", list_span)


def check(source: Source, clause: Clause, rule: str, message: str, other: str) -> Record:
    fields = {"rule": rule, "resource": "sentences", "subject": clause.trial_id, "message": message}
    span = source.span(clause.start, clause.end)
    return Record("checks", fields, span, f"sentences.{rule}", refs={"evidence": [other]})


AGGREGATE_SUBJECT = re.compile(r"\btrials\b", re.IGNORECASE)


def aggregate_claims(source: Source, kb: Knowledge) -> Iterator[Record]:
    """ "In the so called Moscow trials 55 people got capital punishment and 7 imprisonment":
    a count per penalty over several trials, to be reconciled with the rows (a check)."""
    text = source.text
    for sentence in sentences(text):
        if not AGGREGATE_SUBJECT.search(text, sentence.start, sentence.end):
            continue
        counts: dict[str, int] = {}
        for penalty, start, _ in penalties_in(text, sentence.start, sentence.end, kb):
            before = text[max(sentence.start, start - 40) : start]
            m = re.search(rf"\b({NUMBER_WORD}|\d+)(?:\s+[a-z]+){{0,2}}\s*$", before)
            value = parse_count(m[1], kb) if m else None
            if value and penalty not in counts:
                counts[penalty] = value
        if counts:
            fields = {
                "rule": "aggregate-claim",
                "resource": "sentences",
                "subject": None,
                "message": ", ".join(f"{n} {p}" for p, n in counts.items()),
            }
            span = source.span(sentence.start, sentence.end)
            yield Record("checks", fields, span, "sentences.aggregate", refs={"counts": counts})


def execution_before_arrest(source: Source, kb: Knowledge, section) -> Iterator[Record]:
    """Within a trial's section, an execution dated before an arrest is a contradiction the
    text contains; it is reported, never corrected."""
    text = source.text
    arrest = term_pattern(kb, "arrest")
    year = ""
    arrests, executions = [], []
    for sentence in sentences(text, section.heading.start, section.end):
        dated = find_dates(text, kb, sentence.start, sentence.end)
        year = next((d.start[:4] for d in dated if d.start[:1] == "1"), year)
        if not year:
            continue
        dates = find_dates(text, kb, sentence.start, sentence.end, default_year=year)
        if not dates:
            continue
        span = source.span(sentence.start, sentence.end)
        if arrest.search(text, sentence.start, sentence.end):
            arrests += [(d.start, span) for d in dates]
        if any(p == "death" for p, _, _ in penalties_in(text, sentence.start, sentence.end, kb)):
            executions += [(d.start, span) for d in dates]
    for executed, execution_span in executions:
        earlier = [(d, s) for d, s in arrests if len(d) == len(executed) and executed < d]
        if earlier:
            arrested, arrest_span = max(earlier)
            fields = {
                "rule": "execution-before-arrest",
                "resource": "sentences",
                "subject": section.trial_id,
                "message": f"an execution dated {executed} precedes an arrest dated {arrested}",
            }
            other = arrest_span.ref
            yield Record(
                "checks", fields, execution_span, "sentences.dates", refs={"evidence": [other]}
            )


def numbered_verdicts(source: Source, kb: Knowledge, sections: list) -> Iterator[Record]:
    """Numbered lists in verdicts: "1) Orlov, … 16) Belov, Ivan Petrovich all to the
    supreme penalty – to be shot": every item gets the penalty its last item states for
    "all"; an item that states its own earlier sentence ("sentenced on January 16, 1935 …
    to imprisonment for ten years") gets that one, outside this trial."""
    text = source.text
    verdict = term_pattern(kb, "verdict")
    body_pattern = term_pattern(kb, "body")
    for run in numbered_items(text, 0, len(text), kb):
        last = run[-1]
        final = penalties_in(text, last.start, last.end, kb)
        shared = final and re.search(r"\ball\b", text[last.start : last.end])
        if shared:
            before = text[max(0, run[0].start - 400) : run[0].start]
            section = next((s for s in sections if s.heading.end <= run[0].start < s.end), None)
            named = trial_mentions(text, max(0, run[0].start - 400), run[0].start, kb, before)
            trial_id = (named[-1].trial_id if named else None) or (
                section.trial_id if section else dominant_trial(source, kb)
            )
            body = body_pattern.search(before)
            fields = {
                "trial_id": trial_id,
                "term_years": None,
                "confiscation": True
                if re.search(r"confiscat", text[last.start : last.end])
                else None,
                "sentencing_body": next((g for g in body.groups() if g), None) if body else None,
                "basis": "explicit",
            }
            years = years_in(text, last.start, last.end, kb)
            span = source.span(run[0].start, last.end)
            for item in run:
                for penalty in sorted({p for p, _, _ in final}):
                    term = years[0][0] if years and penalty != "death" else None
                    row = {**fields, "penalty": penalty, "term_years": term}
                    yield Record(
                        "sentences",
                        row,
                        span,
                        "sentences.numbered_verdict",
                        refs={"name": item.name},
                    )
        for item in run[:-1] if shared else run:
            if not verdict.search(text, item.start, item.end):
                continue
            found = penalties_in(text, item.start, item.end, kb)
            dates = find_dates(text, kb, item.start, item.end)
            for index, (term, _, _) in enumerate(years_in(text, item.start, item.end, kb)):
                penalty = next((p for p, _, _ in found if p != "death"), None)
                if penalty is None:
                    continue
                row = {
                    "trial_id": None,
                    "penalty": penalty,
                    "term_years": term,
                    "date": dates[index].start if index < len(dates) else None,
                    "basis": "explicit",
                }
                yield Record(
                    "sentences",
                    row,
                    source.span(item.start, item.end),
                    "sentences.numbered_item",
                    refs={"name": item.name},
                )
