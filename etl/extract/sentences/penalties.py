"""Penalties and terms in a span of text: the vocabulary of etl/knowledge/penalties.csv and
sentence_terms.csv, matched once per pattern."""

from __future__ import annotations

import re
from functools import cache

from etl.lang.bounds import MAX_TERM
from etl.lang.knowledge import Knowledge
from etl.lang.led import compile_led
from etl.lang.literals import may_search, may_search_each, same_program
from etl.lang.text import NUMBER_WORD, Block, find_dates, parse_count, text_memo

# A verdict's date holds for the whole verdict paragraph; an event's date only for its clause.
PRONOUNCED = re.compile(r"(?:pronounced|passed|delivered)\s+(?:on\s+)?(?:the\s+)?$")
# Between a verdict's verb or act and its date: not a clause about something else ("shot in
# accordance with this verdict – that he … carried out on 1 December").
# A body's area is no clause about something else: "the troika for the Placename oblast on".
_AREA = r"(?!\s+the\s+[\w-]+\s+(?:oblast|krai|region|okrug|district|raion|republic|A?SSR)\b)"
_TO_DATE = (
    rf"(?:(?!\b(?:that|who|which|having|accused|because|for{_AREA}|after|before)\b)[^.;—–])"
    r"{0,100}?"
)
EVENT_DATE = re.compile(
    # "… by the troika on", "sentenced by the troika 15.09.1937"
    rf"(?:(?:sentenced|condemned|convicted)\b{_TO_DATE}(?:\b(?:on|of)|(?<=[a-z]))"
    # "sentenced 12 May 1937", "shot on 3 May", "convicted in 1929"
    r"|(?:sentenced|convicted|condemned|shot|executed)(?:\s+(?:on|in))?"
    rf"|(?:decision|resolution|protocol|ruling|verdict)\b{_TO_DATE}\b(?:of|on|dated))"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def penalty_patterns(kb: Knowledge) -> tuple[re.Pattern, list[tuple[re.Pattern, str]]]:
    """All penalty words in one pattern (a quick test), and each with its penalty."""
    return kb.derived("penalty_patterns", _penalty_patterns)


def _penalty_patterns(kb: Knowledge) -> tuple[re.Pattern, list[tuple[re.Pattern, str]]]:
    rows = [(wrapped(r["pattern"]), r["penalty"]) for r in kb["penalties"]]
    each = [(compile_led(rf"\b{p}\b", re.IGNORECASE), penalty) for p, penalty in rows]
    anyone = compile_led("|".join(rf"\b(?:{p})\b" for p, _ in rows), re.IGNORECASE)
    return anyone, each


def _branches(kb: Knowledge) -> tuple[bool, ...]:
    """For each penalty pattern, whether it is, as it is, one of the branches of the
    penalty patterns' alternation (a pattern with a "|" of its own is not)."""
    rows = [wrapped(r["pattern"]) for r in kb["penalties"]]
    return tuple(same_program(rf"\b{p}\b", rf"\b(?:{p})\b", re.IGNORECASE) for p in rows)


def penalties_in(text: str, start: int, end: int, kb: Knowledge) -> list[tuple[str, int, int]]:
    """(penalty, start, end) of every penalty word in text[start:end], in text order."""
    anyone, patterns = penalty_patterns(kb)
    if not may_search(anyone, text, start, end, kb):
        return []
    found: list[tuple[str, int, int]] = []
    covered = bytearray(end - start)  # the characters an earlier pattern's match took
    alone = kb.derived("penalty_patterns_alone", lambda kb: tuple(p for p, _ in patterns))
    # A match of a pattern that is one of `anyone`'s branches as it is is a match of
    # `anyone`: then the quick test below needs no search (a long window's search was
    # made once per name before its verb, quadratic in the names).
    branch = kb.derived("penalty_patterns_branch", _branches)
    matched = False
    for index in may_search_each(alone, text, start, end, kb):
        pattern, penalty = patterns[index]
        new = [(penalty, m.start(), m.end()) for m in pattern.finditer(text, start, end)]
        new = [f for f in new if not (f[1] < end and covered[f[1] - start])]  # apart, one's
        for _, a, b in new:
            covered[a - start : b - start] = b"\x01" * (b - a)
        found += new
        matched = matched or bool(new and branch[index])
    if found and not matched and not anyone.search(text, start, end):  # the quick test
        return []
    return [f for f in sorted(found, key=lambda f: f[1]) if not _term_of_other(text, f, found)]


# A term read as imprisonment only because it is a term ("sentenced to three years", "received
# ten years") is the term of the penalty named right after it: "three years of exile".
GENERIC_TERM = re.compile(r"(?:years?|yrs?\.?|months?)(?:\s+each)?\W*$", re.IGNORECASE)
OTHER_AFTER = 40


BARE_VERB = re.compile(r"(?:sentenced|condemned|convicted|sent\.)", re.IGNORECASE)
TERM_WORD = re.compile(r"\b(?:years?|yrs?\.?|months?)\b", re.IGNORECASE)


def _term_of_other(text: str, penalty: tuple[str, int, int], found: list) -> bool:
    """Whether an imprisonment read from a term alone ("sentenced … to three years",
    "received ten years") is the term of an exile or other penalty named right after it."""
    name, start, end = penalty
    matched = text[start:end]
    if name != "imprisonment":
        return False
    if BARE_VERB.fullmatch(matched):  # the verb, its term ahead: where does the term end?
        term = TERM_WORD.search(text, end, end + 160)
        end = term.end() if term else end
    elif not GENERIC_TERM.search(matched):
        return False
    elif any(p in ("exile", "other") and start - OTHER_AFTER <= b <= start for p, _, b in found):
        return True  # "were exiled to Kazakhstan, five years each": the exile's term
    return any(p in ("exile", "other") and end <= a <= end + OTHER_AFTER for p, a, _ in found)


def passed_penalties(
    text: str, start: int, end: int, sentence: Block, kb: Knowledge
) -> list[tuple[str, int, int]]:
    """The penalties in text[start:end] that the sentence passes: not those demanded,
    threatened, hypothetical or served (see `negated`)."""
    return [f for f in penalties_in(text, start, end, kb) if not negated(text, sentence, f[1], kb)]


def sentencing_body(text: str, start: int, end: int, kb: Knowledge) -> str | None:
    """The body named in text[start:end] as passing a sentence, as written (its words
    wrapped over a line joined by a space)."""
    body = term_pattern(kb, "body").search(text, start, end)
    named = next((g for g in body.groups() if g), None) if body else None
    return " ".join(named.split()) if named else None


def verdict_dates(text: str, kb: Knowledge, start: int, end: int) -> list:
    """The dates of text[start:end] that may be a sentence's: not the day its term is
    counted from ("counting the term from 14 August 1937")."""
    counted = term_pattern(kb, "term_start")
    return [
        d
        for d in find_dates(text, kb, start, end)
        if not counted.search(text[max(start, d.span[0] - 80) : d.span[0]])
    ]


def term_pattern(kb: Knowledge, kind: str) -> re.Pattern:
    """The words of one kind of etl/knowledge/sentence_terms.csv in one pattern."""
    return _joined(tuple(r["pattern"] for r in kb["sentence_terms"] if r["kind"] == kind))


@cache
def _joined(terms: tuple[str, ...]) -> re.Pattern:
    return compile_led("|".join(f"(?:{wrapped(t)})" for t in terms), re.IGNORECASE)


def wrapped(pattern: str) -> str:
    """A vocabulary pattern whose spaces also match a line break: a penalty or a formula
    wrapped over two lines ("the supreme\\nmeasure of punishment") is the same words."""
    return pattern.replace(" ", r"\s")


def _years_pattern(kb: Knowledge) -> re.Pattern:
    """ "ten years", "ten (10) years", "5 (five) years", "5 yrs", "18 months", "10 l.": a
    term, its unit one of etl/knowledge/term_units.csv."""
    units = "|".join(f"(?:{row['unit']})" for row in kb["term_units"])
    return re.compile(
        rf"\b((?:{NUMBER_WORD}|\d+)(?:\.\d+)?)(?:\s*\((?:{NUMBER_WORD}|\d+)\))?[-\s]"
        rf"(?P<unit>{units})(?![a-z])",
        re.IGNORECASE,
    )


def _in_months(kb: Knowledge) -> list[re.Pattern]:
    """The units of etl/knowledge/term_units.csv that count months, not years."""
    return [
        re.compile(row["unit"], re.IGNORECASE) for row in kb["term_units"] if row["months"] == "1"
    ]


def years_in(text: str, start: int, end: int, kb: Knowledge) -> list[tuple[float, int, int]]:
    """(term in years, start, end) of every term in text[start:end]; months count as a
    fraction of a year (18 months = 1.5)."""
    found: list[tuple[float, int, int]] = []
    halves = [
        (count + 0.5, m.start(), m.end())
        for m in HALF_YEARS.finditer(text, start, end)
        if (count := 1 if m[1].lower() == "a" else parse_count(m[1], kb))
    ]
    months_units = kb.derived("term_units_months", _in_months)
    for m in kb.derived("term_years", _years_pattern).finditer(text, start, end):
        if any(a <= m.start() < b for _, a, b in halves):
            continue  # "a year and a half", read whole
        if found and found[-1][2] > m.start():
            continue  # the months of "one year and six months", read with its years
        if SPAN_OF_TIME.match(text, m.end(), end) and not DURATION_BEFORE.search(
            text, max(start, m.start() - 20), m.start()
        ):
            continue  # "six months after his arrest", "two years later": a time, no term
        value = parse_count(m[1], kb) if not re.fullmatch(r"\d+\.\d+", m[1]) else float(m[1])
        in_months = any(unit.fullmatch(m["unit"]) for unit in months_units)
        if value and in_months:
            value = round(value / 12, 4)
        stop = m.end()
        months = AND_MONTHS.match(text, m.end(), end)
        if value and months and not in_months:
            more = parse_count(months[1] or months[2], kb)
            if more and more < 12:  # "one year and six months" is 1.5 years
                value, stop = round(value + more / 12, 4), months.end()
        if value and value <= MAX_TERM:
            found.append((float(value), m.start(), stop))
    # "a tenner", "a fiver": a term wherever the word stands (etl/knowledge/term_slang.csv)
    slang = [
        (float(_slang_years(kb)[m[1].lower()]), m.start(), m.end())
        for m in _slang(kb, True).finditer(text, start, end)
        if SLANG_GIVEN.search(text, max(start, m.start() - 30), m.start())
        and not SLANG_MONEY.match(text, m.end(), end)
    ]
    return sorted(found + [h for h in halves if h[0] <= MAX_TERM] + slang, key=lambda f: f[1])


# A term's slang word is a term after a verdict's verb ("gave him a fiver", "he had a
# tenner"), not money ("a fiver a month", "a fiver in her purse", "a fiver to the guard")
SLANG_GIVEN = re.compile(
    r"\b(?:got|gets?|given|gave|give|received|receives?|had|has|handed)\b(?:\s+\w+)?\s+$"
)
SLANG_MONEY = re.compile(
    r"\s+(?:a|per)\s+(?:month|week|day)\b|\s+(?:in|into|to|for)\s+(?:his|her|their|my|the)\b"
)


# "a year and a half", "two and a half years": a term with a half year
HALF_YEARS = re.compile(
    rf"\b(a|{NUMBER_WORD}|\d+)\s+(?:years?\s+and\s+a\s+half|and\s+a\s+half\s+years?)\b",
    re.IGNORECASE,
)


def slang_term(
    text: str, start: int, end: int, kb: Knowledge, anywhere: bool = False
) -> float | None:
    """The term a camp's slang word in text[start:end] stands for ("a tenner": 10), of the
    words etl/knowledge/term_slang.csv allows there (`anywhere`: only those that mean a
    term wherever they stand)."""
    for m in _slang(kb, anywhere).finditer(text, start, end):
        return float(_slang_years(kb)[m[1].lower()])
    return None


def _slang(kb: Knowledge, anywhere: bool) -> re.Pattern:
    return kb.derived(
        f"term_slang_{anywhere}",
        lambda k: re.compile(
            r"\b(?:a\s+)?("
            + "|".join(r["word"] for r in k["term_slang"] if r["anywhere"] == "yes" or not anywhere)
            + r")\b(?!\s+of\b)",
            re.IGNORECASE,
        ),
    )


def _slang_years(kb: Knowledge) -> dict[str, int]:
    return kb.derived(
        "term_slang_years", lambda k: {r["word"]: int(r["years"]) for r in k["term_slang"]}
    )


SPAN_OF_TIME = re.compile(
    r"\s+(?:after|before|later|earlier|ago"
    # "ten years at the head of the kolkhoz", "five years as chairman": a tenure, not a term
    r"|at\s+the\s+head\b|as\s+(?:its\s+|the\s+)?(?:chairman|director|secretary|head|manager)\b"
    r"|of\s+(?:work|service|record\s+work|wrecking|sabotage|struggle|membership)\b)",
    re.IGNORECASE,
)
# "for five years after the term", "during five years after the expiry": a duration
DURATION_BEFORE = re.compile(r"\b(?:for|to|of|during|within)\s+(?:a\s+(?:term\s+of\s+)?)?$")
# "one year and six months", "1 year 6 months" (not "ten years six months after his arrest")
_GLOSS = rf"(?:\s*\((?:{NUMBER_WORD}|\d+)\))?"  # "6 (six) months"
AND_MONTHS = re.compile(
    rf"\s+(?:and\s+({NUMBER_WORD}|\d+){_GLOSS}[-\s](?:months?\b|mos?\.)"
    rf"|({NUMBER_WORD}|\d+){_GLOSS}[-\s](?:months?\b|mos?\.)"
    r"(?!\s+(?:after|before|later|earlier|ago)\b))",
    re.IGNORECASE,
)


def penalty_terms(
    text: str, sentence: Block, start: int, kb: Knowledge
) -> list[tuple[float, int, int]]:
    """The terms of penalties in sentence from `start`: not the years of lost rights that
    follow a term ("with loss of political rights for five years", "with 5 years' loss of
    rights"), nor a term served."""
    rights = term_pattern(kb, "rights")
    rights_spans = [m.span() for m in rights.finditer(text, sentence.start, sentence.end)]
    return [
        y
        for y in years_in(text, start, sentence.end, kb)
        if not any(
            (a <= y[1] and y[2] <= b + 40) or rights_of(text, y[2], a) for a, b in rights_spans
        )
        and not negated(text, sentence, y[1], kb)
    ]


def rights_of(text: str, term_end: int, rights_start: int) -> bool:
    """Whether a term is the rights' own, written before them: "with 5 years' loss of
    rights", "5 years of disqualification" (not "10 years with loss of rights")."""
    gap = text[term_end:rights_start] if 0 <= rights_start - term_end <= 6 else None
    return gap is not None and bool(re.fullmatch(r"['’]?s?\s*(?:of\s+)?", gap))


ORDER = ["death", "imprisonment", "exile", "other"]


# "ten and eight years", "10 (ten), 6 (six) and 8 (eight) years": each term may be glossed
_TERM = rf"(?:{NUMBER_WORD}|\d+)(?:\s*\((?:{NUMBER_WORD}|\d+)\))?"
RESPECTIVE_TERMS = re.compile(
    rf"\b({_TERM}(?:\s*(?:,|and|,\s*and)\s*{_TERM})+)\s+years?\b",
    re.IGNORECASE,
)


# Where a clause ends: not at ", and was sentenced", whose verb shares the subject before.
CLAUSE_BREAK = re.compile(
    r"[;:]|,\s+(?:while|whereas)\b|,\s+(?:and|but)\b(?!\s+(?:was|were|had|has|is|then"
    r"|later|subsequently|sentenced|condemned|shot|executed|given|received)\b)"
)


# The end of a relative clause: its words ("who had served in the Red Army") say nothing
# of the verdict after it.
RELATIVE_END = re.compile(r",\s+(?:a\s+[^,;]{1,40}?\s+)?(?:who|which)\b[^,;]{1,100},")


NEGATION_REACH = 400  # characters before a penalty where a demand or a hypothetical stands


def negated(text: str, sentence: Block, at: int, kb: Knowledge) -> bool:
    """Whether the words before `at` in its clause deny that a sentence was passed: a
    demand ("demanded that they be shot"), a hypothetical, a term served ("after
    spending 15 years … in labour camps"), an escape ("saved from execution")."""
    memo = text_memo(text, kb)  # asked again for each name before one verb
    key = ("negated", sentence.start, at)
    if key not in memo:
        # the clause's words up to NEGATION_REACH before `at`: a sentence of a thousand names
        # is not searched again from its start for each of them
        floor = max(sentence.start, at - NEGATION_REACH)
        breaks = [*CLAUSE_BREAK.finditer(text, floor, at)]
        breaks += RELATIVE_END.finditer(text, floor, at)  # ", who had lived abroad,"
        start = max((b.end() for b in breaks), default=floor)
        memo[key] = bool(term_pattern(kb, "not_verdict").search(text, start, at))
    return memo[key]


def respective_terms(text: str, clause: Block, kb: Knowledge, count: int) -> list[float] | None:
    """ "to ten and eight years … respectively": the terms in order, when there are as many
    as names."""
    if not re.search(r"\brespectively\b", text[clause.start : clause.end]):
        return None
    terms = RESPECTIVE_TERMS.search(text, clause.start, clause.end)
    if terms is None:
        return None
    said = re.sub(r"\s*\([^()]*\)", "", terms[1])  # without the glosses
    values = [parse_count(v, kb) for v in re.split(r"\s*(?:,\s*and|,|and)\s*", said)]
    if len(values) != count or not all(values):
        return None
    return [float(v) for v in values if v]
