"""Digests: the clipped entries of procuracy digests, court bulletins and NKVD summaries,
where a name in capitals and its verdict stand without a verb, joined by a dash or side by
side: "TYURIN V. S., b. 1902, kolkh., art. 58-7 - VMN, conf. (sp. coll., 5.VIII.37)",
"MARKOV & KUZIN - VMN & 10 yrs ITL resp.", "GORBUNKOV 8 yrs ITL, p/p 3 yrs".

A verdict is a penalty (etl/knowledge/penalties.csv), or a bare term of years, that opens
the words after a dash or right after a run of names. It belongs to the last run of names
in capitals before it in its paragraph, not before the verdict read last; a run is names
joined by "&", "and" or commas (with their initials, birth year and post between). "resp."
pairs the run's names with the penalties set apart by "&". The bracket after the verdict
gives its body and date. Nothing is read after a demand ("Proc. demanded VMN for A; court -
8 yrs" gives no row: the court's verdict has no name of its own).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from etl.extract import Record
from etl.extract.sentences.penalties import (
    penalties_in,
    penalty_terms,
    term_pattern,
    verdict_dates,
)
from etl.extract.sentences.telegrams import STOP, telegram_surname
from etl.lang.corpus import Source
from etl.lang.knowledge import Knowledge
from etl.lang.names import UPPER, Name, not_names
from etl.lang.paragraphs import paragraphs
from etl.lang.text import Block

# A surname in capitals, with its initials after it ("ANTONOV-SIZY I. I.", "LEVIN Ya. B."),
# or a surname with two initials after it, as registers write it ("Sidorov P. K.")
CAPS_NAME = re.compile(
    rf"\b(?P<surname>[{UPPER}][{UPPER}'’]+(?:-[{UPPER}][{UPPER}'’]+)?)\b"
    rf"(?P<initials>(?:\s+[{UPPER}][a-z]?\.){{1,3}})?"
    rf"|\b(?P<mixed>[{UPPER}][a-z’'-]+)(?P<mixed_initials>(?:\s+[{UPPER}][a-z]?\.){{2}})"
)
# What may join two names of a run, or follow a name before its verdict: "&", "and", a
# comma, a birth year, a post in lowercase words ("b. 1902, kolkh., brigade leader")
JOINER = re.compile(r"\s*(?:,\s*)?(?:&|\band\b|,)\s*")
DASH = re.compile(r"\s[-–—]\s*(?=\S)")
# A verdict's opening words after a dash: a penalty, or a term of years ("8 yrs ITL")
TERM_OPENING = re.compile(r"(?:\d{1,2}|\d{1,2}\.\d)\s+(?:yrs?\.?|years?|mos?\.|months?)\b")
# where a verdict's words end: a semicolon, a tab between two entries, a stop before a capital
# (not a unit's: "10 l. ITL", "10 yrs. ITL"), a bracket (not a number's word: "10 (ten)
# years"), or before the next name's own dash ("A - 3 yrs, B - 5 yrs")
VERDICT_END = re.compile(
    r";|\t|(?<!\bl)(?<!\bg)(?<!yrs)(?<!\byr)(?<!mos)(?<!\bmo)\.\s+(?=[A-Z])"
    rf"|\((?![a-z\d]+\))|,\s*(?=[{UPPER}]{{2}}[^,;]{{0,30}}\s[-–—]\s)|$"
)
RESPECTIVELY = re.compile(r"\bresp(?:ectively\b|\.)")
# A sentence changed on appeal or protest: "on cass. reduced to 5 yrs", "l/s replaced by 6 mos.
# i/r", "commuted to 10 yrs"
CHANGED = re.compile(r"\b(?:reduced|commuted|replaced|changed|mitigated)\s+(?:to|by|with)\s+")
OPENING_REACH = 40  # characters after a dash within which a verdict's penalty opens
TERM_REACH = 20  # characters a term and its unit take before their penalty ("1 yr 6 mos. l/s")
# a bracket's first words that name a body ("sp. coll.", "obl. court", "narsud", "troika")
BODY_WORD = re.compile(r"court|coll|troika|OSO|tribunal|board|sud\b", re.IGNORECASE)


def digest_entries(source: Source, kb: Knowledge) -> Iterator[Record]:
    """One row per name and penalty of each clipped verdict of the text."""
    text = source.text
    introduced = {m["surname"] for m in CAPS_NAME.finditer(text) if m["initials"]}
    for block in paragraphs(text):
        words = text[block.start : block.end]
        if words.upper() == words or "|" in words or STOP.search(words):
            continue  # a telegram's capitals, or a table's cells (read by their own rules)
        names = _names(text, block, kb, introduced)
        if not names:
            continue
        read_to = block.start
        denied = term_pattern(kb, "not_verdict")
        last: list[Name] = []  # the holders of the verdict read last
        for start, verdict in _verdicts(text, block, names, kb):
            holders = _last_run(text, names, read_to, start)
            if not holders and last and CHANGED.search(text[max(read_to, start - 20) : start]):
                holders = last  # "… 7 yrs ITL (sp. coll.). On cass. reduced to 5 yrs": theirs
            elif not holders or penalties_in(text, holders[-1].end, start, kb):
                continue  # nobody's, or a penalty between: the name's verdict is that one
            found = penalties_in(text, verdict.start, verdict.end, kb)
            first = found[0][1] if found else verdict.start
            if denied.search(text, holders[-1].end, first):
                continue  # "A - Proc. demanded VMN", "B - served 5 yrs ITL", "C - died in camp"
            read_to, last = verdict.end, holders
            yield from _records(source, kb, holders, verdict)


def _names(text: str, block: Block, kb: Knowledge, introduced: set[str]) -> list[Name]:
    """The names in capitals of a paragraph: with initials, or with a surname's ending, or
    a surname the text gave with initials ("MIRONOVA-BLYUM L. E. … MIRONOVA-BLYUM - 3 yrs")."""
    found = []
    for m in CAPS_NAME.finditer(text, block.start, block.end):
        if m["mixed"]:  # "Sidorov P. K.": the initials make it a name
            initials = m["mixed_initials"].strip()
            surname = m["mixed"] if m["mixed"] not in not_names(kb) else None
        else:
            initials = (m["initials"] or "").strip()
            known = bool(initials) or m["surname"] in introduced
            surname = telegram_surname(m["surname"], kb, known)
        if surname is not None:
            found.append(Name(m[0].strip(), m.start(), m.end(), surname, initials=initials))
    return found


def _verdicts(
    text: str, block: Block, names: list[Name], kb: Knowledge
) -> Iterator[tuple[int, Block]]:
    """(where the verdict's holder must end, the verdict's words) of each verdict."""
    # (a sentence changed on appeal opens a verdict as a dash does: "reduced to 5 yrs")
    dashes = {d.end() for d in DASH.finditer(text, block.start, block.end)}
    dashes |= {c.end() for c in CHANGED.finditer(text, block.start, block.end)}
    after_names = {n.end for n in names} - dashes  # "GORBUNKOV 8 yrs ITL": right after it
    starts = sorted(n.start for n in names)
    for at in sorted(dashes | after_names):
        lead = len(text[at : block.end]) - len(text[at : block.end].lstrip())
        opens = at + lead
        # a verdict's words end before the next name ("court - 8 yrs. BELYKH - 6 yrs ITL")
        stop = next((start for start in starts if start > opens), block.end)
        end = VERDICT_END.search(text, opens, stop)
        verdict = Block(opens, end.start() if end else stop)
        reach = OPENING_REACH if at in dashes else 3  # after a name, the verdict's own words
        found = penalties_in(text, verdict.start, min(verdict.end, opens + reach + TERM_REACH), kb)
        # a penalty (a term alone, "since 1920 - 17 years", may be any span of time), within
        # reach of the dash or right after a name ("GORBUNKOV 8 yrs ITL")
        term = TERM_OPENING.match(text, opens, verdict.end)
        changed = bool(CHANGED.search(text[max(block.start, at - 20) : at]))
        if not found and term and at in dashes and (changed or _body_before(text, block.start, at)):
            found = [("imprisonment", term.start(), term.end())]  # "court - 8 yrs": a verdict
        if not found or found[0][1] - (term.end() if term else opens) >= reach:
            continue
        if at not in dashes and term is None:
            continue  # right after a name only a term opens its verdict ("A 8 yrs ITL")
        yield at, verdict


def _body_before(text: str, floor: int, dash: int) -> bool:
    """Whether the word before a dash names a sentencing body ("court - 8 yrs", "OSO - 5
    yrs"): a term after it is a verdict, where after anything else it may be a span of time
    ("since 1920 - 17 years")."""
    word = re.search(r"([\w.]+)\s*[-–—]\s*\Z", text[max(floor, dash - 40) : dash])
    return bool(word and BODY_WORD.fullmatch(word[1].rstrip(".")))


def _last_run(text: str, names: list[Name], floor: int, at: int) -> list[Name]:
    """The names of the last run before `at`, after `floor`."""
    before = [n for n in names if floor <= n.start and n.end <= at]
    if not before:
        return []
    run = [before[-1]]
    for name in reversed(before[:-1]):
        gap = text[name.end : run[0].start]
        if not JOINER.fullmatch(gap) and not re.fullmatch(r",[^;&]{0,80},\s*(?:&|and)\s*", gap):
            break
        run.insert(0, name)
    return run


def _records(
    source: Source, kb: Knowledge, holders: list[Name], verdict: Block
) -> Iterator[Record]:
    """One row per holder and penalty; with "resp." the holders take the "&"-pieces in turn."""
    text = source.text
    respective = RESPECTIVELY.search(text, verdict.start, verdict.end + 10)
    words = text[verdict.start : verdict.end]
    if respective:
        pieces = re.split(r"\s*&\s*", words)
        if len(pieces) < 2 or len(pieces) != len(holders):
            return  # "A and B – to … eight and six years respectively": the clause rules'
        cuts = [verdict.start + words.find(piece) for piece in pieces]
        parts = [Block(a, a + len(piece)) for a, piece in zip(cuts, pieces, strict=True)]
    else:
        parts = [verdict] * len(holders)
    bracket = re.match(r"\s*\(([^()]{3,80})\)", text[verdict.end : verdict.end + 90])
    dates = verdict_dates(text, kb, verdict.end, verdict.end + bracket.end()) if bracket else []
    body = re.split(r",|\s+\d", bracket[1])[0].strip() if bracket else None  # not its date
    if body and not BODY_WORD.search(body):
        body = None
    span = source.span(holders[0].start, verdict.end)
    for name, part in zip(holders, parts, strict=True):
        found = penalties_in(text, part.start, part.end, kb)
        penalty = found[0][0] if found else "imprisonment"  # its own penalty, not a later one
        terms = penalty_terms(text, part, part.start, kb)
        fields = {
            "trial_id": None,
            "penalty": penalty,
            "term_years": terms[0][0] if terms and penalty != "death" else None,
            "date": dates[0].start if dates else None,
            "sentencing_body": body,
            "basis": "explicit",
        }
        yield Record("sentences", fields, span, "sentences.digest", refs={"name": name})
