"""Sentences given as lists: items under a heading, protocol resolutions, register
tables, and "N of the M accused" after a list of the accused."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from etl.extract import Record
from etl.extract.sentences.forms import (
    CAPS_SURNAME,
    LIST_MARK,
    REGISTER_INITIALS,
    dateline,
    list_item_name,
    names_regex,
    opening_names,
    register_heads,
)
from etl.extract.sentences.penalties import (
    ORDER,
    passed_penalties,
    penalties_in,
    penalty_terms,
    respective_terms,
    sentencing_body,
    slang_term,
    term_pattern,
    verdict_dates,
    years_in,
)
from etl.extract.trials import (
    cue_pattern,
    trial_records,
)
from etl.lang.corpus import Source
from etl.lang.knowledge import Knowledge
from etl.lang.literals import quick_search
from etl.lang.names import (
    UPPER,
    WORD,
    Name,
    NameList,
    name_lists,
    not_names,
    parse_item,
    title_pattern,
)
from etl.lang.paragraphs import paragraphs
from etl.lang.tables import find_tables
from etl.lang.text import NUMBER_WORD, Block, DateRange, lines, parse_count, sentences


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
    for index, line in enumerate(all_lines):
        heading = text[line.start : line.end].strip()
        capitals = len(heading) < 80 and heading.upper() == heading and heading.lower() != heading
        opens = heading.endswith(":") or bool(re.search(r"\s[—–-]$", heading))
        if capitals and not opens and item_names(text, line, kb):
            capitals = False  # "KUZOVKIN F. D. - VMN;": an item in capitals, not a heading
        protocol = (not (opens or capitals) and protocol_title(text, kb, all_lines, index)) or None
        if not (opens or capitals or protocol) or not_verdict.search(text, line.start, line.end):
            continue  # a heading ends with a colon or a dash, or stands in capitals alone
        found = penalties_in(text, line.start, line.end, kb)
        items = list_items(
            text, all_lines[index + 1 :], kb, spaced=not found, hanging=bool(protocol)
        )
        if not items:
            continue  # no list under the heading: nothing else of it is read
        terms = [y for y, _, _ in years_in(text, line.start, line.end, kb)]
        dates = verdict_dates(text, kb, line.start, line.end)
        shared = {
            "trial_id": None,
            "date": dates[0].start if dates else None,
            "sentencing_body": sentencing_body(text, line.start, line.end, kb),
            "basis": "explicit",
        }
        title = protocol
        if not (shared["sentencing_body"] and shared["date"]) and not title:
            # "SENTENCED:" under the preamble, or "The Military Collegium … SENTENCED:"
            # under the preamble that dates it ("On 3 March 1938 the Military Collegium …")
            title = verdict_title(text, kb, all_lines[max(0, index - PREAMBLE_LINES) : index])
        if title is not None:
            shared["sentencing_body"] = shared["sentencing_body"] or title[1]
            shared["date"] = shared["date"] or title[2]
        previous: tuple[list[str], float | None] | None = None
        for item, names in items:
            block = Block(item.start, item.end)
            # the penalties after the names, or the whole item's when its verb opens it
            dashes = list(ITEM_VERDICT.finditer(text, names[-1].end, item.end))
            # "– A, born 1900, wife of a kulak deported in 1930 — second category": the
            # penalty after an item's last dash, if it names one, is the item's own
            after_dash = (
                passed_penalties(
                    text, dashes[-1].end(), item.end, Block(dashes[-1].end(), item.end), kb
                )
                if dashes
                else []
            )
            earlier = prior_sentences(text, block, kb)
            own = unprior(
                after_dash
                or passed_penalties(text, names[-1].end, item.end, block, kb)
                or (
                    passed_penalties(text, item.start, item.end, block, kb)
                    if term_pattern(kb, "imperative").search(text, item.start, names[0].start)
                    else []
                ),
                earlier,
            )
            said_at = dashes[-1].end() if dashes else names[-1].end
            ditto = None
            if not own and previous and LIKEWISE.match(text, said_at, item.end):
                ditto = previous  # "SURNAME N. K. – likewise;": the item before's sentence
                own = [(p, item.start, item.end) for p in previous[0]]
            own_verdict = verdict.search(text, names[-1].end, item.end)
            heading_verdict = (
                found
                or protocol
                or verdict.search(text, line.start, line.end)
                or VERDICT_HEADING.search(text, line.start, line.end)
                # "the persons whose cases the troika considered …:", items with their own
                or (own and sentencing_body(text, line.start, line.end, kb))
            )
            if not (found or own) and heading_verdict:
                # "… were convicted:" then "Surname, Given Patronymic: 8 years": a bare term
                bare = unprior(years_in(text, names[-1].end, item.end, kb), earlier)
                own = [("imprisonment", item.start, item.end)] if bare else []
            if not (found or (own and (own_verdict or heading_verdict))):
                continue  # under a heading that sentences nobody, an item must say it
            said = Block(dashes[-1].end(), item.end) if after_dash else block
            own_terms = [
                y
                for y, _, _ in unprior(
                    penalty_terms(text, said, said.start if after_dash else names[-1].end, kb),
                    earlier,
                )
            ]
            penalties = sorted({p for p, _, _ in (own or found)}, key=ORDER.index)
            # the item's own term ("SURNAME …, 1905, for 10 years;"), else the heading's
            term = ((own_terms if own else (own_terms or terms)) or [None])[0]
            term = ditto[1] if ditto else term
            previous = (penalties, term)
            respective = respective_terms(text, block, kb, len(names)) if len(names) > 1 else None
            for position, name in enumerate(names):
                if respective:
                    term = respective[position]  # "A and B, … ten and eight years respectively"
                for penalty in penalties:
                    fields = {
                        **shared,
                        **item_modifiers(text, kb, block, shared),
                        "penalty": penalty,
                    }
                    fields["term_years"] = term if penalty != "death" else None
                    span = source.span(title[0] if title else line.start, item.end)
                    yield Record(
                        "sentences", fields, span, "sentences.heading_list", refs={"name": name}
                    )


PROTOCOL_WORD = re.compile(r"\b(?:PROTOCOL|MINUTES|Protocol|Minutes)\b")
TITLE_LINES = 3  # a protocol's title: its word, its body and its date over up to three lines


def protocol_title(
    text: str, kb: Knowledge, all_lines: list[Block], index: int
) -> tuple[int, str, str | None] | None:
    """The body and date of a protocol whose title ends at all_lines[index] when its items
    follow (a blank line between allowed), each opening with a name in register form
    ("EXTRACT FROM PROTOCOL No. 45 / of the session of the Troika … / of 29.X.37" then "1.
    SURNAME Given Patronymic, b. 1880, priest.\n   To be shot."); else None."""
    after = [b for b in all_lines[index + 1 : index + 3] if text[b.start : b.end].strip()]
    if not after or not text[all_lines[index].start : all_lines[index].end].strip():
        return None
    item = after[0]
    mark = LIST_MARK.match(text, item.start, item.end)
    if mark is None or not re.match(rf"{CAPS_SURNAME}\b", text[mark.end() : item.end]):
        return None
    title = all_lines[max(0, index - TITLE_LINES + 1) : index + 1]
    if not any(PROTOCOL_WORD.search(text, b.start, b.end) for b in title):
        return None
    return preamble(text, kb, title)


# "– likewise;" alone, not "– likewise released", "– the same kolkhoz, case returned …"
LIKEWISE = re.compile(r"\s*(?:[–—-]\s*)?(?:likewise|the\s+same|ditto)\s*[;.,]?\s*$", re.IGNORECASE)
# A heading that names a verdict, over items that state their own penalties ("THE SENTENCE
# OF THE PEOPLE'S COURT" then "A. B. Surname – shooting;").
VERDICT_HEADING = re.compile(r"\b(?:sentences?|verdicts?|judg(?:e)?ments?)\b", re.IGNORECASE)
# A colon list's head that a court speaks ("The court's answer:", "The tribunal's verdict:").
COURT_HEAD = re.compile(
    r"\b(?:sentences?|verdicts?|judg(?:e)?ments?|court|tribunal|troika|collegium)\b", re.IGNORECASE
)

PREAMBLE_LINES = 25  # how far above its operative part a verdict or protocol names its body


# "SENTENCED:" (or "HAS SENTENCED:"), alone on its line or with its decisions after it
EARLIER_VERDICT = re.compile(r"\b(?:HAS\s+)?SENTENCED\s*:")


def preamble(text: str, kb: Knowledge, above: list[Block]) -> tuple[int, str, str | None] | None:
    """The body and date of a verdict's or protocol's preamble ("On 12 March 1938 the
    Special Collegium of the … Court … heard the case", "Protocol … of the Troika of the
    UNKVD … of 22 September 1937"), for an operative part ("SENTENCED:", "RESOLVED:")
    that names neither: the nearest line above that names a sentencing body, with the
    date of that line or the next; (where it starts, body, date). An earlier verdict's
    operative part ("… Collegium SENTENCED: A …") ends the search: its preamble is not
    this one's."""
    for at in range(len(above) - 1, -1, -1):
        line = above[at]
        if EARLIER_VERDICT.search(text, line.start, line.end):
            return None
        body = sentencing_body(text, line.start, line.end, kb)
        if body is None or PRIOR.search(text, line.start, line.end):
            continue  # "previously sentenced in 1930 by the OGPU troika": an earlier case
        if penalties_in(text, line.start, line.end, kb):
            continue  # "whom the Military Collegium sentenced in June 1937 to …": a verdict told
        start = line.start
        dates = verdict_dates(text, kb, line.start, line.end)
        if not dates and at + 1 < len(above):
            dates = verdict_dates(text, kb, above[at + 1].start, above[at + 1].end)
        if not dates:  # "in closed court session … on 14 October 1937 heard the case"
            start, dates = session_dates(text, kb, above) or (start, [])
        if not dates:  # a protocol's date on a line of its own ("14.IX.1937"), nearest first
            dated = (
                verdict_dates(text, kb, b.start, b.end)
                for b in reversed(above)
                if date_alone(text, b)
            )
            dates = next((d for d in dated if d), [])
        # (a session over days, "on 14 and 15 October 1937", sentences on its last)
        return min(start, line.start), body, (dates[0].end or dates[0].start) if dates else None
    return None


def verdict_title(
    text: str, kb: Knowledge, above: list[Block]
) -> tuple[int, str | None, str | None] | None:
    """The body and date of a verdict's preamble (see `preamble`); when no line of it names
    a body the rules know, the date of the session it tells, with no body."""
    title = preamble(text, kb, above)
    if title is None and (session := session_dates(text, kb, above)):
        return session[0], None, session[1][0].start
    return title


def session_dates(text: str, kb: Knowledge, above: list[Block]) -> tuple[int, list] | None:
    """The nearest line of `above` that dates the session a verdict's preamble tells ("in
    closed court session in the city of … on 14 October 1937 heard the case"): (where it
    starts, its dates, a session of days dated by its last); none past an earlier verdict's
    operative part ("SENTENCED:", or a line that sentences, other than an earlier case the
    preamble tells), nor in what the court found ("ESTABLISHED: … at a session of the
    village soviet on 12 March 1937 spoke against …"), which tells the deeds."""
    if not above:
        return None
    session, verdict = term_pattern(kb, "session"), term_pattern(kb, "verdict")
    told = prior_sentences(text, Block(above[0].start, above[-1].end), kb)
    found = None
    for line in reversed(above):
        sentencing = verdict.search(text, line.start, line.end) and any(
            not any(a <= at < b for a, b in told)
            for _, at, _ in passed_penalties(text, line.start, line.end, line, kb)
        )
        if sentencing or RESOLUTION.match(text, line.start, line.end):
            break
        end = line.end
        if findings := FINDINGS.search(text, line.start, line.end):
            found = None  # the lines below were the court's findings, as is the rest of this
            end = findings.start()  # ("… heard the case of A and found that on 2 April …")
        if found is None and session.search(text, line.start, end):
            dates = verdict_dates(text, kb, line.start, end)
            if dates:
                found = line.start, [DateRange(d.end or d.start, None, d.span) for d in dates]
    return found


# The part of a verdict that tells what the court found: "ESTABLISHED:", "FOUND:", "The
# preliminary and judicial investigation established that …"
FINDINGS = re.compile(
    r"\b(?:ESTABLISHED|FOUND)\s*:|\b(?:established|found(?:\s+it\s+established)?)\s*(?::|that\b)"
)


def prior_sentences(text: str, item: Block, kb: Knowledge) -> list[tuple[int, int]]:
    """Where an item tells an earlier case ("Previously sentenced in 1930 by the OGPU troika
    to 5 years."): from the words to the end of their sentence, or to the comma after the
    earlier case's penalty ("…, previously convicted in 1931 … to 3 years of exile, a
    watchman …, TO BE SHOT."), which is not the item's verdict; "not previously
    convicted" tells none."""
    told = []
    for m in PRIOR.finditer(text, item.start, item.end):
        if re.search(r"\bnot\s+$", text[max(item.start, m.start() - 5) : m.start()]):
            continue
        stop = re.compile(r"[.;](?=\s|$)").search(text, m.end(), item.end)
        end = stop.end() if stop else item.end
        said = [b for _, _, b in penalties_in(text, m.end(), end, kb)]
        said += [b for _, _, b in years_in(text, m.end(), end, kb)]
        comma = text.find(",", min(said), end) if said else -1
        told.append((m.start(), comma if comma >= 0 else end))
    return told


def unprior(found: list[tuple], earlier: list[tuple[int, int]]) -> list[tuple]:
    """The (value, start, end) found outside the earlier cases an item tells."""
    return [f for f in found if not any(a <= f[1] < b for a, b in earlier)]


PRIOR = re.compile(
    r"\b(?:previously|earlier|formerly|already|once)\s+(?:been\s+)?(?:sentenced|convicted|condemned)\b",
    re.IGNORECASE,
)
DATE_LINE = 30  # the longest line that is a date alone ("of 14 September 1937")


def date_alone(text: str, line: Block) -> bool:
    """Whether a line is a date alone, as a protocol's heading sets it: short and opening
    with a digit or "of"."""
    # the date before a wide gap, as a protocol's heading sets it ("29.X.37      town of X")
    words = re.split(r"\s{3,}", text[line.start : line.end].strip())[0]
    return len(words) <= DATE_LINE and bool(re.match(r"(?:of\s+|dated\s+)?\d", words))


def item_modifiers(text: str, kb: Knowledge, item: Block, shared: dict) -> dict:
    """The date and body an item states itself, where its heading states none."""
    found = {}
    if not shared["date"]:
        dates = verdict_dates(text, kb, item.start, item.end)
        found["date"] = dates[0].start if dates else None
    if not shared["sentencing_body"]:
        found["sentencing_body"] = sentencing_body(text, item.start, item.end, kb)
    return found


def list_items(
    text: str, following: list[Block], kb: Knowledge, spaced: bool = False, hanging: bool = False
) -> list[tuple[Block, list[Name]]]:
    """The items of the list that starts on the first of `following` (blank lines before
    it allowed), each with the names it opens with; the list ends at a line that is not an
    item. An item that does not end with "." or ";" runs on over the lines after it, and
    items that end with ";" (or any, if `spaced`: under an operative part that names no
    penalty of its own) may stand a blank line apart ("to apply to A … the supreme
    measure,\nwith confiscation …;\n\nto deprive B of liberty …")."""
    items: list[tuple[Block, list[Name]]] = []
    for item in following:
        line = text[item.start : item.end].strip()
        last = text[items[-1][0].start : items[-1][0].end].rstrip() if items else ""
        if not line:
            if items and not (spaced or last.endswith(";")):
                break
            continue
        names = item_names(text, item, kb)
        unfinished = not last.endswith((";", ".", ":"))
        # a line with names opens an item of its own with a mark, a resolution's verb or a
        # surname in capitals; else, after an item left unfinished, it runs on ("… of
        # the\nCriminal Code, to corrective labour …", "… of the\nRSFSR for 5 years;")
        opens = names and (
            LIST_MARK.match(text, item.start, item.end)
            or term_pattern(kb, "imperative").match(line)
            or re.match(rf"{CAPS_SURNAME}\b", line)
        )
        # with `hanging`, a line indented under its item runs on whatever ends the line
        # before (a protocol's "1. A, b. 1880, priest.\n   To be shot.")
        indented = hanging and text[item.start : item.start + 1] in (" ", "\t")
        if items and (unfinished or indented) and not opens and item.start == items[-1][0].end + 1:
            items[-1] = (Block(items[-1][0].start, item.end), items[-1][1])  # runs on
            continue
        if not names:
            break
        items.append((item, names))
    return items


def item_names(text: str, item: Block, kb: Knowledge) -> list[Name]:
    """The names a list item opens with: after its mark, after a resolution's verb ("To
    exile SURNAME A. B. …"), or a name in full at the line's start ("SURNAME Given …")."""
    mark = LIST_MARK.match(text, item.start, item.end)
    start = mark.end() if mark else item.start
    start += len(text[start : item.end]) - len(text[start : item.end].lstrip())
    lead = LOWER_LEAD.match(text, start, item.end)  # "the remaining accused, SURNAME …"
    start = lead.end() if lead else start
    verb = term_pattern(kb, "imperative").match(text, start, item.end)
    names = opening_names(text, verb.end(), item.end, kb) if verb else []
    names = names or (opening_names(text, mark.end(), item.end, kb) if mark else [])
    if len(names) == 1 and dateline(text, names[0], item.end, kb):
        return []  # "— Placename. Kulak Surname … has been sentenced": a place, then the news
    if names:
        return names
    # "Surname, Othername and Thirdname – to be shot": the names before a verdict's dash
    heads = register_heads(text, start if lead else item.start, item.end, kb)
    dash = ITEM_VERDICT.search(text, start, item.end)
    dashed = plain_names(text, start, dash.start(), kb) if dash else []
    return dashed if len(dashed) > len(heads) else heads


# Words in lowercase and a comma before an item's names: "the remaining accused, SURNAME …"
LOWER_LEAD = re.compile(r"(?:the\s+)?[a-z][a-z ]{2,40},\s+(?=[A-Z])")


PARTITIVE_OF = re.compile(
    rf"\b(?:(?:all but (?P<but>{NUMBER_WORD}|\d+)|(?P<n>{NUMBER_WORD}|\d+)) of (?:the|these|those) "
    rf"(?:(?P<m>{NUMBER_WORD}|\d+) )?(?:remaining )?"
    # "all five accused", "all the defendants", "each of the accused"
    rf"|(?P<all>all|each of)(?: (?:the|these|those))?(?: (?P<am>{NUMBER_WORD}|\d+))? "
    # "the other accused", "the remaining four defendants", "the rest of the accused"
    rf"|(?P<rest>the (?:other|remaining)|the rest of the)(?: (?P<rm>{NUMBER_WORD}|\d+))? )"
    rf"(?:accused|defendants|condemned|prisoners)\b",
    re.IGNORECASE,
)


def partitive_lists(source: Source, kb: Knowledge, sections: list) -> Iterator[Record]:
    """ "Nine of the eleven accused were sentenced to be shot" after a list of the eleven,
    with the other two sentenced (or acquitted) by name nearby: the nine not named get
    the penalty, as an inference from the list; if the count does not close, nothing.
    Outside a known trial's section, "all five accused" gives the penalty to everyone of
    the report's own list of the accused, and "the other accused" to those of it whom the
    text has not sentenced by name."""
    text = source.text
    all_lines = list(lines(text))
    for number, line in enumerate(all_lines):
        for sentence in sentences(text, line.start, line.end, kb=kb):
            m = quick_search(PARTITIVE_OF, text, sentence.start, sentence.end, kb)
            if m is None:
                continue
            # its own clause's penalties: "All but two … were shot; A and B got ten years"
            semicolon = text.find(";", m.end(), sentence.end)
            clause = Block(sentence.start, semicolon if semicolon != -1 else sentence.end)
            found = passed_penalties(text, m.end(), clause.end, sentence, kb)
            if not found:
                continue  # no penalty passed: no list is looked for
            count = m["m"] or m["am"] or m["rm"]
            if m["all"] or m["rest"]:  # a list of this text's own trial, not a known one's
                if any(s.heading.end <= sentence.start < s.end for s in sections):
                    continue  # a known trial's verdict: the trial's own list reads it
                listing = prose_list(
                    text, all_lines[max(0, number - 10) : number + 1], sentence, kb, count
                )
                listing = None if m["all"] and count_of(m["am"], kb, listing) else listing
            else:
                listing = nearest_list(text, all_lines[max(0, number - 40) : number], kb, count)
                listing = listing or prose_list(
                    text, all_lines[max(0, number - 10) : number + 1], sentence, kb, count
                )
            if not found or listing is None:
                continue
            listed, where = listing
            window = Block(where.end, all_lines[min(len(all_lines) - 1, number + 3)].end)
            named = sentenced_elsewhere(text, window, clause, listed, kb)
            # Named here: part of the N ("seven of the accused … (A, B, C)"), or the
            # exceptions of "all but two".
            here = {n.surname for n in listed if n.surname in text[m.end() : clause.end]}
            remaining = [n for n in listed if n.surname not in named | here]
            if m["n"]:
                wanted = (parse_count(m["n"], kb) or 0) - len(here)
            elif m["but"]:
                wanted = len(listed) - (parse_count(m["but"], kb) or 0)
            elif m["all"]:
                remaining, wanted = listed, len(listed)
            else:  # the rest: whoever the text has not sentenced by name, here or nearby
                earlier = text[sentence.start : m.start()]
                remaining = [
                    n for n in remaining if not re.search(rf"\b{re.escape(n.surname)}\b", earlier)
                ]
                if not remaining or len(remaining) == len(listed):
                    continue  # nobody left, or nobody sentenced by name: no "other" accused
                wanted = parse_count(m["rm"], kb) if m["rm"] else len(remaining)
            if len(remaining) != wanted:
                continue
            rule = "count_minus_named" if m["n"] or m["but"] or m["rest"] else "collective_verdict"
            terms = [t for t, _, _ in penalty_terms(text, clause, m.end(), kb)] or [None]
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
                        "inference_rule": rule,
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


def count_of(written: str | None, kb: Knowledge, listing: tuple | None) -> bool:
    """Whether "all five accused" counts other than the list found (then it is not theirs)."""
    return bool(written and listing and parse_count(written, kb) != len(listing[0]))


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
    # sentences across line breaks: a list of the accused wraps as prose does
    candidates = list(
        sentences(text, recent[0].start, recent[-1].end, across_lines=True, kb=kb) if recent else []
    )
    for sentence in reversed([s for s in candidates if s.end <= here.start]):
        if not cue.search(text, sentence.start, sentence.end):
            continue
        if re.search(r"\bwitness", text[sentence.start : sentence.end], re.IGNORECASE):
            return None  # the last names given are witnesses': no list of the accused here
        if penalties_in(text, sentence.start, sentence.end, kb):
            continue  # a verdict names those it sentences, not the accused
        runs = name_lists(text, sentence.start, sentence.end, kb) or role_lists(text, sentence, kb)
        for run in reversed(runs):
            if wanted is None or len(run.names) == wanted:
                return list(run.names), Block(run.start, run.end)
    return None


ROLE_SEPARATOR = re.compile(
    r"\s*;\s*(?:and\s+)?|\s*,\s*(?:and\s+)?(?=(?:the|a|an)\s|[A-Z])|\s+and\s+"
)


def role_lists(text: str, sentence: Block, kb: Knowledge) -> list[NameList]:
    """The accused named with their posts, after the cue: "In the dock were the former
    director of the mill Surname, the chief engineer Othername, …" (each post's person the
    last name of its piece); a list of three or more, or none."""
    cue = cue_pattern(kb, "defendant").search(text, sentence.start, sentence.end)
    start = cue.end() if cue else sentence.start
    banned = not_names(kb)
    one_name = re.compile(names_regex(kb))
    names: list[Name] = []
    cursor = start
    for sep in [*ROLE_SEPARATOR.finditer(text, start, sentence.end), None]:
        end = sep.start() if sep else sentence.end
        piece = [
            n
            for m in one_name.finditer(text[cursor:end])
            if (n := parse_item(text, cursor + m.start(), cursor + m.end(), kb))
            and n.surname not in banned
            and not n.surname.isupper()
        ]
        if piece:
            names.append(piece[-1])
        cursor = sep.end() if sep else end
    if len(names) < 3:
        return []
    return [NameList(tuple(names), names[0].start, names[-1].end)]


def sentenced_elsewhere(
    text: str, window: Block, here: Block, listed: list[Name], kb: Knowledge
) -> set[str]:
    """Surnames of the list that sentences in `window` (other than the clause `here`; the
    rest of its sentence counts: "N of the accused were shot; A got ten years") sentence or
    acquit by name."""
    named: set[str] = set()
    for sentence in sentences(text, window.start, window.end, kb=kb):
        start = here.end if sentence.start <= here.start < sentence.end else sentence.start
        if start >= sentence.end:
            continue
        if not (
            penalties_in(text, start, sentence.end, kb)
            or term_pattern(kb, "outcome").search(text, start, sentence.end)
        ):
            continue
        passage = text[start : sentence.end]
        named |= {n.surname for n in listed if re.search(rf"\b{re.escape(n.surname)}\b", passage)}
    return named


# A protocol set as a table names its columns "Heard" (the person) and "Resolved".
NAME_HEADER = re.compile(r"surname|name|full name|person|accused|convicted|heard", re.IGNORECASE)
SENTENCE_HEADER = re.compile(
    r"sentence|verdict|penalty|punishment|decision|measure|resolved|decided", re.IGNORECASE
)
DATE_HEADER = re.compile(r"\bdate\b", re.IGNORECASE)
# the column that names who passed each sentence ("Body", "Court", "Sentenced by")
BODY_HEADER = re.compile(
    r"(?:sentencing\s+)?(?:body|court|organ|authority)|sentenced\s+by|by\s+whom(?:\s+sentenced)?",
    re.IGNORECASE,
)


# A penalty and the names it applies to, in one sentence: "Sentenced to be shot: A, B, C.",
# "To ten years: D and E." (the names are plain surnames: the form is what says they are),
# or a decision and its items: "Decision of the OSO of 12.I.1938: A – exile; B – 3 years".
COLON_LIST = re.compile(r"(?P<head>[^:;]{3,160}):\s+(?P<names>[^:]{2,1200}?)\.?$")
COLON_NAME = re.compile(r"\s*(?:,\s*and|,|and)\s+")
POST = re.compile(
    rf"(?:(?:the|a|an)\s+)?(?:(?:[a-z][a-z-]*|[A-Z]{{2,5}})\s+){{0,7}}(?=[A-Z][a-z]|{CAPS_SURNAME}\b)"
)


def colon_lists(source: Source, kb: Knowledge) -> Iterator[Record]:
    """The names after a colon, each with the penalty and term the words before it state;
    or items after a colon, each a name and its own verdict ("Decision of the OSO of
    12.I.1938: SURNAME Given Patronymic – exile for 5 years; OTHER Given – 3 years ITL")."""
    text = source.text
    for whole in _semicolon_runs(text, kb):
        for sentence in colon_pieces(text, whole):
            m = COLON_LIST.fullmatch(text, after_headline(text, sentence), sentence.end)
            if m is None:
                continue
            # "Decision of 12.I.1938"
            dates = verdict_dates(text, kb, m.start("head"), m.end("head"))
            for name, penalties, term in colon_items(text, kb, sentence, m):
                for penalty in penalties:
                    fields = {
                        "trial_id": None,
                        "penalty": penalty,
                        "term_years": term if penalty != "death" else None,
                        "date": dates[0].start if dates else None,
                        "basis": "explicit",
                    }
                    span = source.span(sentence.start, sentence.end)
                    yield Record(
                        "sentences", fields, span, "sentences.colon_list", refs={"name": name}
                    )


def _semicolon_runs(text: str, kb: Knowledge) -> list[Block]:
    """The text's sentences, a sentence that ends with ";" joined to the one on the next
    line (a verdict's items a line each: "…, for 5 (five) years;\nZAITSEVA M. K. – …")."""
    runs: list[Block] = []
    for block in paragraphs(text):
        for sentence in sentences(text, block.start, block.end, kb=kb, across_lines=True):
            last = runs[-1] if runs else None
            if (
                last is not None
                and text[last.start : last.end].endswith(";")
                and not text[last.end : sentence.start].strip()
                and text.count("\n", last.end, sentence.start) == 1
            ):
                runs[-1] = Block(last.start, sentence.end)
            else:
                runs.append(sentence)
    return runs


def colon_pieces(text: str, sentence: Block) -> list[Block]:
    """A sentence cut before each head of a colon list that follows a full stop: "…: Surname
    A. B., Othername C. D. Sentenced to 10 years: Thirdname E. F." (the stop after initials does
    not end a sentence, but a second head begins a list of its own)."""
    cuts = [
        sentence.start + m.end()
        for m in re.finditer(
            r"\.\s+(?=[A-Z][^:.;]{2,80}:\s)|\.\n\s*(?=[A-Z][^:;\n]{2,120}:(?:\s|$))",
            text[sentence.start : sentence.end],
        )
    ]
    starts = [sentence.start, *cuts]
    return [Block(a, b) for a, b in zip(starts, [*cuts, sentence.end], strict=True)]


def after_headline(text: str, sentence: Block) -> int:
    """Where a sentence starts once the lines in capitals that open it are left out: a
    headline over the line it runs into ("THE ENEMIES HAVE GOT WHAT THEY DESERVED\nThe
    verdict: A, B and C to be shot")."""
    start = sentence.start
    while (end := text.find("\n", start, sentence.end)) >= 0:
        line = text[start:end]
        if line.upper() != line or line.lower() == line:
            break
        start = end + 1
    return start


ITEM_VERDICT = re.compile(r"\s+[–—-]\s+")  # "SURNAME Given Patronymic – 10 years ITL"
NAMES_THEN_PENALTY = re.compile(
    r"\s+(?=to\s+(?:be\s+(?:shot|executed|deprived|exiled|confined)|death|(?:\w+\s+){1,2}years)"
    r"\b[^;,]*[.!]?$)"
)


def colon_items(
    text: str, kb: Knowledge, sentence: Block, m: re.Match
) -> list[tuple[Name, list[str], float | None]]:
    """(name, penalties, term) of a colon list: the head's verdict for plain names, or each
    item's own; none under a head that is a demand or a proposal ("The meeting's demand:")."""
    line = text.rfind("\n", m.start("head"), m.end("head")) + 1  # the head's own line
    if term_pattern(kb, "not_verdict").search(text, max(line, m.start("head")), m.end("head")):
        return []
    found = [p for p, _, _ in passed_penalties(text, m.start("head"), m.end("head"), sentence, kb)]
    years = years_in(text, m.start("head"), m.end("head"), kb)
    if found or (years and re.match(r"\s*to\b", m["head"], re.IGNORECASE)):
        penalties = sorted(set(found), key=ORDER.index) or ["imprisonment"]
        names = []
        cursor = m.start("names")
        for sep in [*COLON_NAME.finditer(text, m.start("names"), m.end("names")), None]:
            end = sep.start() if sep else m.end("names")
            if names and re.fullmatch(r"\s*[a-z][^A-Z]*", text[cursor:end]):
                cursor = sep.end() if sep else end  # "A, wife of the first-named, and B"
                continue
            post = POST.match(text, cursor, end)  # "the former director of the MTS Surname"
            at = post.end() if post else cursor
            # "Surname A. B." (initials after) as registers write it, else the usual forms;
            # the list's full stop may be its last initial's ("…: Surname A. B.")
            stop = end + 1 if text[end : end + 1] == "." else end
            initials_after = re.fullmatch(rf"\s*{WORD}\s+{REGISTER_INITIALS}\s*", text[at:stop])
            # "SURNAME Given Patronymic", "SURNAME G. P."
            register = re.match(rf"\s*{CAPS_SURNAME}\s+(?:{WORD}|[{UPPER}]\.)", text[at:stop])
            name = list_item_name(text, at, stop, kb) if initials_after or register else None
            names.append(name or parse_item(text, at, end, kb))
            cursor = sep.end() if sep else end
        if not names or any(n is None or n.surname in not_names(kb) for n in names):
            return []  # not a list of names alone
        term = years[0][0] if years else None
        return [(n, penalties, term) for n in names if n is not None]
    # "The people's verdict: A, B and C to be shot": the names, then their penalty; groups
    # apart ("…: A and B to be shot; C and D to ten years each", "…, E to five years")
    groups = penalty_groups(text, m.start("names"), m.end("names"))
    head = max(line, m.start("head"))  # a court's or a verdict's words, not "The workers' answer"
    if groups and not COURT_HEAD.search(text, head, m.end("head")):
        return []
    grouped: list[tuple[Name, list[str], float | None]] = []
    for group, tail in groups:
        names = plain_names(text, group.start, tail, kb)
        own = penalties_in(text, tail, group.end, kb)
        terms = years_in(text, tail, group.end, kb)
        penalties = sorted({p for p, _, _ in own}, key=ORDER.index)
        if not penalties and re.match(r"\s*to\s+death\b", text[tail : group.end]):
            penalties = ["death"]  # "A, commander of a battery, to death"
        penalties = penalties or (["imprisonment"] if terms else [])
        if not (names and penalties):
            return []
        grouped += [(n, penalties, terms[0][0] if terms else None) for n in names]
    if grouped:
        return grouped
    items: list[tuple[Name, list[str], float | None]] = []
    # items end at ";", or at "," between two that each have their own dash ("A — VMN, B —
    # 10 years"; not "SURNAME, Given Patronymic — to be shot")
    cuts = [m.start("names")]
    # or at a comma before the others of a group ("A and 3 others – VMN, the rest 10 years")
    for c in re.compile(
        r";|,(?=[^,;]{1,60}?\s[—–-]\s)|,(?=\s+(?:the\s+)?(?:rest|others|remaining)\b)"
    ).finditer(text, m.start("names"), m.end("names")):
        if c[0] == ";" or ITEM_VERDICT.search(text, cuts[-1], c.start()):
            cuts.append(c.end())
    cuts.append(m.end("names"))
    for a, b in pairwise(cuts):
        dash = ITEM_VERDICT.search(text, a, b)
        if dash is None:
            continue
        plain = plain_names(text, a, dash.start(), kb)
        if len(plain) < 2 or any(" " in n.written for n in plain):
            # "SURNAME Given Patronymic", not "Surname, Othername and Thirdname"
            heads = register_heads(text, a, dash.start(), kb)
            # not a post in capitals before the name: "Red Army man Surname – 7 years"
            post = heads and re.search(rf"\s[a-z]+\s+{WORD}", text[heads[-1].end : dash.start()])
            plain = plain if post and plain else heads or plain
        names = plain
        terms = years_in(text, dash.end(), b, kb)
        own = penalties_in(text, dash.end(), b, kb)
        penalties = sorted({p for p, _, _ in own}, key=ORDER.index)
        if not penalties and re.match(r"\s*(?:to\s+)?death\b", text[dash.end() : b]):
            penalties = ["death"]  # "Surname – death"
        if not penalties and terms:
            penalties = ["imprisonment"]  # "Surname – 10 years": a bare term is prison
        if names and penalties:
            items += [(n, penalties, terms[0][0] if terms else None) for n in names]
    return items


def penalty_groups(text: str, start: int, end: int) -> list[tuple[Block, int]]:
    """The groups of a colon list of names each followed by its penalty, with where each
    group's penalty starts: cut at ";" and at a comma after a penalty ("A and B to be shot,
    C to ten years"); none unless every group ends with its own."""
    groups = []
    cuts = [start + c.end() for c in re.finditer(";", text[start:end])]
    for a, b in pairwise([start, *cuts, end]):
        piece_start = a
        for comma in re.finditer(r",\s+", text[a:b]):
            cut = a + comma.start()
            if NAMES_THEN_PENALTY.search(text, piece_start, cut):
                groups.append(Block(piece_start, cut))
                piece_start = a + comma.end()
        groups.append(Block(piece_start, b))
    found = []
    for group in groups:
        stop = group.end - 1 if text[group.end - 1 : group.end] == ";" else group.end
        tail = NAMES_THEN_PENALTY.search(text, group.start, stop)
        if tail is None:
            return []
        found.append((Block(group.start, stop), tail.start()))
    return found


APPOSITION = re.compile(r"(?:an?\s+|the\s+)?[a-z][a-z-]*(?:\s+(?:[a-z][a-z-]*|[A-Z]{2,5}))*")


def plain_names(text: str, start: int, end: int, kb: Knowledge) -> list[Name]:
    """ "Surname, Othername and Thirdname" before an item's dash: plain surnames, each one
    name (the colon and the dash are what say they are persons), else none."""
    names, cursor = [], start + len(text[start:end]) - len(text[start:end].lstrip())
    for sep in [*COLON_NAME.finditer(text, cursor, end), None]:
        stop = sep.start() if sep else end
        piece = text[cursor:stop].strip().rstrip(",").strip()
        if names and (not piece or APPOSITION.fullmatch(piece)):
            cursor = sep.end() if sep else end
            continue  # "Surname, commander of a battery, to death": the post between commas
        post = POST.match(text, cursor, stop)  # "deacon Surname", "the former chairman Surname"
        name = parse_item(text, post.end() if post else cursor, stop, kb)
        capitalised = re.search(rf"\s[a-z]+\s+({WORD})\s*$", text[cursor:stop])
        if name is None and capitalised:  # "Red Army man Surname": a post in capitals
            name = parse_item(text, cursor + capitalised.start(1), stop, kb)
        if name is None or name.surname in not_names(kb):
            return []
        names.append(name)
        cursor = sep.end() if sep else end
    return names


def verdict_block(cell) -> Block:
    """A register's sentence cell as the clause its negations are looked for in."""
    return Block(cell.start, cell.end)


def register_tables(source: Source, kb: Knowledge) -> Iterator[Record]:
    """A register set as a table ("| 2 | Surname Given Patronymic | 1887 | VMN |"): a
    column of names and a column of sentences, one row a person."""
    text = source.text
    for table in find_tables(text):
        header_cells = table.header[-1].cells if table.header else []
        names_at = [i for i, c in enumerate(header_cells) if NAME_HEADER.search(c.clean)]
        sentence_at = [i for i, c in enumerate(header_cells) if SENTENCE_HEADER.search(c.clean)]
        # the date's column, else another of the verdict's ("Sentenced | … | Sentence")
        dates_at = [
            i for i, c in enumerate(header_cells) if DATE_HEADER.search(c.clean)
        ] or sentence_at[:-1]
        bodies_at = [i for i, c in enumerate(header_cells) if BODY_HEADER.fullmatch(c.clean)]
        if not names_at or not sentence_at:
            continue
        title = preamble(text, kb, table.caption)  # "List of persons sentenced by the troika …"
        for row in table.rows:
            if len(row.cells) != len(header_cells):
                continue  # a row whose cells do not line up with the header
            cell, verdict = row.cells[names_at[0]], row.cells[sentence_at[-1]]
            name = list_item_name(text, cell.start, cell.end, kb)
            # not an acquittal's or a demand's words ("acquitted after 3 years in prison")
            found = passed_penalties(text, verdict.start, verdict.end, verdict_block(verdict), kb)
            if name is None or name.surname in not_names(kb) or not found:
                continue
            years = years_in(text, verdict.start, verdict.end, kb)
            dated = row.cells[dates_at[0]] if dates_at else None
            dates = verdict_dates(text, kb, dated.start, dated.end) if dated else []
            body = row.cells[bodies_at[0]].clean if bodies_at else ""
            for penalty in sorted({p for p, _, _ in found}, key=ORDER.index):
                fields = {
                    "trial_id": None,
                    "penalty": penalty,
                    "term_years": years[0][0] if years and penalty != "death" else None,
                    "date": dates[0].start if dates else (title[2] if title else None),
                    "sentencing_body": body or (title[1] if title else None),
                    "basis": "explicit",
                }
                span = source.span(title[0] if title else row.block.start, row.block.end)
                yield Record(
                    "sentences", fields, span, "sentences.register_table", refs={"name": name}
                )


RESOLUTION = re.compile(
    r"[ \t]*(?:(?:HAS|HAVE|HEREBY)[ \t]+)?"  # a verdict's "HAS SENTENCED:"
    r"(?:RESOLVED|DECIDED|DECREED|SENTENCED|ORDERED|DECISION|VERDICT|RULED|DETERMINED"
    r"|Resolved|Decided|Decreed|Sentenced|Ordered|Decision|Verdict|Ruled|Determined)"
    r"[ \t]*[:.—–-][ \t]*(?:\d{1,3}[.)][ \t]*)?"
)


# Another part of a protocol ("HEARD:", "NOTE:") ends the lines a resolution covers.
PROTOCOL_LABEL = re.compile(r"[ \t]*[A-Z]{3,}[ \t]*:")


# A decision that points back at a protocol's numbered items: "Under items 1, 3 and 4 - to be
# shot.", "Under item 2 - to be confined in a corrective-labour camp for 10 years."
ITEM_DECISION = re.compile(
    r"^[ \t]*(?:Under|As\s+to|In\s+respect\s+of|On|Re)\s+(?:items?|Nos?\.|numbers?)\s+"
    r"(?P<numbers>\d{1,3}(?:\s*(?:,|and|&)\s*\d{1,3})*)\s*[-–—:]\s*",
    re.IGNORECASE | re.MULTILINE,
)


def item_decisions(source: Source, kb: Knowledge) -> Iterator[Record]:
    """Decisions by item number under a protocol's list of cases: each number's item (the
    nearest line above that opens "N. SURNAME Given Patronymic") gets the penalties and
    term its decision states, with the protocol's body and date."""
    text = source.text
    found = list(ITEM_DECISION.finditer(text))
    if not found:
        return
    all_lines = list(lines(text))
    for m, after in zip(found, [*found[1:], None], strict=True):
        stop = re.search(r"\n[ \t]*\n", text[m.end() : after.start() if after else len(text)])
        end = m.end() + stop.start() if stop else (after.start() if after else len(text))
        said = Block(m.end(), end)
        penalties = sorted(
            {p for p, _, _ in passed_penalties(text, said.start, said.end, said, kb)},
            key=ORDER.index,
        )
        if not penalties:
            continue  # "Under item 5 - the case to be returned for further investigation"
        years = years_in(text, said.start, said.end, kb)
        above = [b for b in all_lines if b.end <= m.start()]
        # the protocol's title above its list of cases, however long the list
        titled = [i for i, b in enumerate(above) if PROTOCOL_WORD.search(text, b.start, b.end)]
        head = (
            above[titled[-1] : titled[-1] + TITLE_LINES + 1] if titled else above[-PREAMBLE_LINES:]
        )
        title = preamble(text, kb, head)
        for number in re.findall(r"\d{1,3}", m["numbers"]):
            item = next(
                (
                    b
                    for b in reversed(above)
                    if re.match(rf"[ \t]*{number}[.)]\s", text[b.start : b.end])
                ),
                None,
            )
            names = item_names(text, item, kb) if item else []
            for name in names[:1]:
                for penalty in penalties:
                    fields = {
                        "trial_id": None,
                        "penalty": penalty,
                        "term_years": years[0][0] if years and penalty != "death" else None,
                        "date": title[2] if title else None,
                        "sentencing_body": title[1] if title else None,
                        "basis": "explicit",
                    }
                    span = source.span(m.start(), said.end)
                    yield Record(
                        "sentences", fields, span, "sentences.resolution", refs={"name": name}
                    )


def resolutions(source: Source, kb: Knowledge) -> Iterator[Record]:
    """Protocol lines: "RESOLVED: Surname, Given Patronymic, to be shot." (the troika's and
    special board's HEARD / RESOLVED form), and the lines after it up to a blank line or
    the protocol's next part that open with a name ("SURNAME A. B. … to be confined"): the
    names a line (or a part of it between semicolons: "A – VMN; B – 8 years ITL") opens
    with get the penalties and term of that line or part."""
    text = source.text
    resolving = False
    all_lines = list(lines(text))
    for line in resolution_blocks(text):
        m = RESOLUTION.match(text, line.start, line.end)
        content = text[line.start : line.end]
        if m is not None:
            resolving, start = True, m.end()
        elif resolving and content.strip() and not PROTOCOL_LABEL.match(content):
            if LIST_MARK.match(content):
                continue  # a numbered item is read by the list rules
            start = line.start + len(content) - len(content.lstrip())
        else:
            resolving = False
            continue
        # the protocol's body and date, from its title above
        above = [b for b in all_lines if b.end <= line.start][-PREAMBLE_LINES:]
        title = verdict_title(text, kb, above)
        confiscation = term_pattern(kb, "confiscation").search(text, line.start, line.end)
        for index, (part, names, verb) in enumerate(resolution_parts(text, kb, start, line, m)):
            if not names:
                break  # a line that opens with no name: its parts are no decisions
            said = decision(text, kb, part.start if verb else names[-1].end, part.end, line)
            found = passed_penalties(text, said.start, said.end, line, kb)
            terms = [y for y, _, _ in years_in(text, names[-1].end, said.end, kb)] or [None]
            # a later part's own date and body ("…; B, her husband, was sentenced by the
            # Military Collegium on 10.X.1937"), else the protocol's
            dates = verdict_dates(text, kb, part.start, part.end) if index else []
            body = sentencing_body(text, part.start, part.end, kb) if index else None
            # "A, B and C … to 10 (ten), 6 (six) and 8 (eight) years respectively"
            respective = respective_terms(text, said, kb, len(names)) if len(names) > 1 else None
            for position, name in enumerate(names):
                term = respective[position] if respective else terms[0]
                for penalty in sorted({p for p, _, _ in found}, key=ORDER.index):
                    fields = {
                        "trial_id": None,
                        "penalty": penalty,
                        "term_years": term if penalty != "death" else None,
                        "confiscation": True if confiscation else None,
                        "date": dates[0].start if dates else (title[2] if title else None),
                        "sentencing_body": body or (title[1] if title else None),
                        "basis": "explicit",
                    }
                    span = source.span(title[0] if title else line.start, said.end)
                    yield Record(
                        "sentences", fields, span, "sentences.resolution", refs={"name": name}
                    )


def decision(text: str, kb: Knowledge, start: int, end: int, line: Block) -> Block:
    """What a resolution's part decides: text[start:end] up to the end of its first sentence
    that passes a penalty, and of the sentences after it that go on about that penalty
    ("Term - 8 (eight) years, counting from …", GOES_ON). A sentence that names someone in
    capitals or passes another penalty is the verdict's formulas and notes ("… the sentence in
    respect of A is to be executed at once", "CERTIFICATE. The sentence of shooting … was
    carried out"), which pass nothing on the part's names."""
    said = list(sentences(text, start, end, kb=kb, across_lines=True))
    for index, sentence in enumerate(said):
        passed = {p for p, _, _ in passed_penalties(text, sentence.start, sentence.end, line, kb)}
        if not passed:
            continue
        stop = sentence.end
        for after in said[index + 1 :]:
            more = passed_penalties(text, after.start, after.end, line, kb)
            if (
                not GOES_ON.match(text, after.start, after.end)
                or {p for p, _, _ in more} - passed
                or CAPITALS.search(text, after.start, after.end)
            ):
                break
            stop = after.end
        return Block(start, stop)
    return Block(start, end)


# A sentence that goes on about a decision's penalty: "Term - 8 years …", "Exile to be served
# … for 5 years" (not "The unserved part of his earlier term …", "His family …")
GOES_ON = re.compile(
    r"(?:the\s+)?(?:term|exile|banishment|confinement|deprivation|imprisonment)\b", re.IGNORECASE
)
# "SURNAME", "CERTIFICATE", "CEC" (not a Roman month, "2.IX.1937")
CAPITALS = re.compile(rf"\b(?![IVXLC]+\b)[{UPPER}]{{3,}}(?:-[{UPPER}]{{2,}})?\b")


def resolution_parts(
    text: str, kb: Knowledge, start: int, line: Block, resolution: re.Match | None
) -> list[tuple[Block, list[Name], re.Match | None]]:
    """A resolution's decisions: its parts between semicolons ("A – VMN; B – 8 years ITL"),
    each with the names it opens with and its verb ("to confine X"); a part that opens with
    no name runs on the one before ("A, for agitation; to confine … for 8 years"). After the
    resolution's own first part, only names in full register form open a part."""
    cuts = sorted(
        {
            start,
            *(c.end() for c in PART_CUT.finditer(text, start, line.end)),
            *(c.end() for c in NEW_LINE.finditer(text, start, line.end)),
            *(c.end() for c in titled_lines(kb)[0].finditer(text, start, line.end)),
            line.end,
        }
    )
    parts: list[tuple[Block, list[Name], re.Match | None]] = []
    for a, b in pairwise(cuts):
        if not text[a:b].strip():
            continue  # "RESOLVED:" alone on its line: its decisions are on the lines below
        index = len(parts)
        verb = term_pattern(kb, "imperative").match(text, a, b)
        at = verb.end() if verb else a
        title = titled_lines(kb)[1].match(text, at, b)  # "The accused Surname …"
        names = opening_names(text, title.end() if title else at, b, kb)
        if resolution is None or index > 0:
            names = [n for n in names if n.given or n.initials]
        if parts and not names:
            last, last_names, last_verb = parts[-1]
            parts[-1] = (Block(last.start, b), last_names, last_verb)
            continue
        parts.append((Block(a, b), names, verb))
    return parts


PART_CUT = re.compile(r";\s*")  # "A – VMN; B – 8 years ITL": the parts of a resolution
# a line that opens with a name in register form ("GRACHEV Aleksei …", "Tarabrin Ya. S.",
# "Vasilyev, Ivan Petrovich") is a decision of its own
NEW_LINE = re.compile(
    rf"\n[ \t]*(?={CAPS_SURNAME}\b|[{UPPER}][a-z]+(?:-[{UPPER}][a-z]+)?"
    rf"(?:,?\s+[{UPPER}][a-z]?\.|,\s+[{UPPER}][a-z]+\s+[{UPPER}][a-z]+))"
)


def titled_lines(kb: Knowledge) -> tuple[re.Pattern, re.Pattern]:
    """(A line that opens with a title and a name, "The accused Dolgushin A. N., …, to 5
    years": a decision of its own, as one that opens with the name; the title itself.)"""

    def build(kb: Knowledge) -> tuple[re.Pattern, re.Pattern]:
        # a capitalised title ("The accused"): "the accused B" goes on the line before
        titles = title_pattern(kb)
        line = re.compile(rf"\n[ \t]*(?=(?=[{UPPER}])(?:{titles})\s+[{UPPER}][{UPPER}a-z]+\b)")
        return line, re.compile(rf"[ \t]*(?:{titles})\s+(?=[{UPPER}])")

    return kb.derived("titled_lines", build)


# "Resolved:" opening a line inside a paragraph ("Heard: … \nResolved: …" in mixed case)
RESOLUTION_LINE = re.compile(r"\n(?=" + RESOLUTION.pattern + ")")


def resolution_blocks(text: str) -> Iterator[Block]:
    """The paragraphs of the text, each cut where a line inside it opens with a resolution's
    word: its lines of prose joined, its "Resolved:" a block of its own."""
    for paragraph in paragraphs(text):
        cuts = [c.end() for c in RESOLUTION_LINE.finditer(text, paragraph.start, paragraph.end)]
        for a, b in pairwise([paragraph.start, *cuts, paragraph.end]):
            yield Block(a, b - 1 if b in cuts else b)


# A protocol set side by side ("HEARD | RESOLVED", as troikas' and special boards' protocols
# were typed): the header cell of the column that holds the decisions.
RESOLUTION_COLUMN = re.compile(
    r"(?:RESOLVED|DECIDED|DECREED|SENTENCED|ORDERED|DECISION|VERDICT|RULED|DETERMINED"
    r"|Resolved|Decided|Decreed|Sentenced|Ordered|Decision|Verdict|Ruled|Determined)[ \t]*:?"
)
COLUMN_GAP = re.compile(r"\|| {2,}|\t")  # what parts the columns of a row
TABLE_RULE = re.compile(r"[ \t|+=:-]*[-=][ \t|+=:-]*")  # "|---|", "+===+"


def resolution_columns(source: Source, kb: Knowledge) -> Iterator[Record]:
    """Decisions in the right-hand column of a protocol set side by side:
    "Case No. N on the charge of SURNAME … | SURNAME Given Patronymic to be shot." A
    decision runs down its column until a cell ends with a full stop; it opens with the
    names in full it is about and gets the penalties and term its cells state."""
    text = source.text
    all_lines = list(lines(text))
    column: int | None = None  # where the decisions' column starts in a line
    header = 0
    sided = False
    statement: list[Block] = []
    for index, line in enumerate([*all_lines, None]):
        if (
            line is not None
            and column is not None
            and TABLE_RULE.fullmatch(text, line.start, line.end)
        ):
            continue  # "|-----|-----|" under the header
        cell = _column_cell(text, line, column) if line is not None and column is not None else None
        if cell is not None and cell.end > cell.start:
            statement.append(cell)
            if not text[cell.start : cell.end].endswith("."):
                continue
        if statement:
            above = all_lines[max(0, header - PREAMBLE_LINES) : header]
            # the case's column beside the decision, for a decision that names nobody
            first_line = text.rfind("\n", 0, statement[0].start) + 1
            heard = Block(first_line, statement[-1].start) if sided else None
            yield from _column_decision(source, kb, statement, preamble(text, kb, above), heard)
            statement = []
        if line is None:
            break
        if cell is None:
            column, header = _resolution_header(text, line), index
            # "HEARD | DECIDED": a case's column beside the decisions (not a register's)
            sided = column is not None and bool(
                HEARD_WORD.search(text, line.start, line.start + column)
            )


def _resolution_header(text: str, line: Block) -> int | None:
    """Where a header line's decisions column starts, if it is "HEARD | RESOLVED"-like: a
    column gap, then the resolution's word alone to the end of the line."""
    for gap in COLUMN_GAP.finditer(text, line.start, line.end):
        rest = text[gap.end() : line.end]
        lead = len(rest) - len(rest.lstrip(" \t|"))
        if RESOLUTION_COLUMN.fullmatch(rest.strip(" \t|")) and gap.start() > line.start:
            return gap.end() + lead - line.start
    return None


def _column_cell(text: str, line: Block, column: int) -> Block | None:
    """The text of a line under the decisions column, or None when the line is no row of
    the side-by-side table (blank, or not cut by a column gap just before the column)."""
    if not text[line.start : line.end].strip() or line.end - line.start < column:
        return None if not text[line.start : line.end].strip() else Block(line.end, line.end)
    start = line.start + column
    if not re.search(r"(?:\||\s)\s*$", text[max(line.start, start - 2) : start]):
        return None
    end = line.end
    while end > start and text[end - 1] in " \t|":
        end -= 1
    while start < end and text[start] in " \t|":
        start += 1
    return Block(start, end)


def _column_decision(
    source: Source, kb: Knowledge, cells: list[Block], title: tuple | None, heard: Block | None
) -> Iterator[Record]:
    text = source.text
    first = cells[0]
    names = [n for n in opening_names(text, first.start, first.end, kb) if n.given or n.initials]
    if not names and heard is not None and IMPERATIVE_CELL.match(text, first.start, first.end):
        # "To be shot." beside "Case No. N. SURNAME Given Patronymic, b. 1887, …": the case's
        names = _heard_name(text, kb, heard)
    if not names:
        return
    # the decision's words after its names, its cells joined as one line ("to be" / "shot.")
    # after its names, if it opens with them, else the whole cell
    opened = names[-1].end if first.start <= names[-1].end <= first.end else first.start
    said = " ".join([text[opened : first.end], *(text[c.start : c.end] for c in cells[1:])])
    found = passed_penalties(said, 0, len(said), Block(0, len(said)), kb)
    terms = [y for y, _, _ in years_in(said, 0, len(said), kb)] or [None]
    for name in names:
        for penalty in sorted({p for p, _, _ in found}, key=ORDER.index):
            fields = {
                "trial_id": None,
                "penalty": penalty,
                "term_years": terms[0] if penalty != "death" else None,
                "date": title[2] if title else None,
                "sentencing_body": title[1] if title else None,
                "basis": "explicit",
            }
            span = source.span(title[0] if title else first.start, cells[-1].end)
            yield Record(
                "sentences", fields, span, "sentences.resolution_column", refs={"name": name}
            )


HEARD_WORD = re.compile(r"\b(?:HEARD|Heard|LISTENED|Listened)\b")
IMPERATIVE_CELL = re.compile(r"\s*(?:To|TO)\s+(?:be\s+|BE\s+)?[a-zA-Z]")  # "To be shot."
HEARD_NAME = re.compile(rf"{CAPS_SURNAME}(?=\s+(?:{WORD}\s+{WORD}|[{UPPER}]\.))")


def _heard_name(text: str, kb: Knowledge, heard: Block) -> list[Name]:
    """The first name in register form in the case's column of the decision's lines."""
    for line in lines(text[: heard.end]):
        if line.end <= heard.start:
            continue
        m = HEARD_NAME.search(text, line.start, line.end)
        name = list_item_name(text, m.start(), line.end, kb) if m else None
        if name is not None and (name.given or name.initials):
            return [name]
    return []


# A memoir's or a register's list of persons, a line each: "Surname, Given Patronymic
# (Nickname): Military Collegium, 1937, ten years. Died 1942."
ENTRY_LINE = re.compile(
    rf"[ \t]*(?:[-–—•*]\s*)?(?P<name>{WORD},\s+{WORD}(?:\s+{WORD})?)"
    rf"(?:\s*\([^()\n]{{1,40}}\))?\s*:\s+"
)
# Where what a person was given ends: the next sentence ("… ten years. Died 1942.")
ENTRY_END = re.compile(rf"\.\s+(?=[{UPPER}])|\.?\s*$")
# The verdicts of one entry, one after another: "five years; then, in 1949, a quarter",
# "six years, then ten more from the camp tribunal"
ENTRY_PIECE = re.compile(r";\s*|,?\s+then\b,?\s*")


def entry_lines(source: Source, kb: Knowledge) -> Iterator[Record]:
    """Each line of a list of persons, a name in register order and a colon, with what they
    were given after it, a verdict a piece: a bare term is prison."""
    text = source.text
    for line in lines(text):
        m = ENTRY_LINE.match(text, line.start, line.end)
        if m is None:
            continue
        name = list_item_name(text, m.start("name"), m.end("name"), kb)
        if name is None or not name.given or name.surname in not_names(kb):
            continue
        end = ENTRY_END.search(text, m.end(), line.end)
        said = Block(m.end(), end.start() if end else line.end)
        if not entry_says_verdict(text, kb, said):
            continue  # "Surname, Given: a quiet man, he had served in the army …"
        seps = list(ENTRY_PIECE.finditer(text, said.start, said.end))
        starts = [said.start, *(c.end() for c in seps)]
        ends = [*(c.start() for c in seps), said.end]
        body = ENTRY_BODY.match(text, said.start, said.end)
        for a, b in zip(starts, ends, strict=True):
            penalties = {p for p, _, _ in passed_penalties(text, a, b, said, kb)}
            if not penalties and ENTRY_DEATH.search(text, a, b):
                penalties = {"death"}  # "tribunal …, 1938, death": the word alone, last
            term = entry_term(text, a, b, kb)
            penalties = penalties or ({"imprisonment"} if term else set())
            dates = verdict_dates(text, kb, a, b)
            year = ENTRY_YEAR.search(text, a, b)
            for penalty in sorted(penalties, key=ORDER.index):
                fields = {
                    "trial_id": None,
                    "penalty": penalty,
                    "term_years": term if penalty != "death" else None,
                    "date": dates[0].start if dates else (year[1] if year else None),
                    "sentencing_body": body[1] if body else None,
                    "basis": "explicit",
                }
                span = source.span(line.start, said.end)
                yield Record("sentences", fields, span, "sentences.entry_line", refs={"name": name})


# What an entry says first, when it is the body: "Military Collegium, 1937, ten years"
ENTRY_BODY = re.compile(
    r"((?:[\w'-]+\s+){0,3}?(?:Military Collegium|Special Board|OSO|[Tt]roika|[Tt]ribunal"
    r"|[Cc]ourt)(?:\s+of\s+[^,;.]{1,60})?)(?=,|;)"
)
ENTRY_DEATH = re.compile(r"(?:^|,)\s*(?:death|shooting)\s*$")
ENTRY_TERM_ALONE = re.compile(  # "ten years", "eight years ITL", "a year and a half", "a tenner"
    r"\s*(?:(?:a\s+)?(?:[\w-]+\s+){0,3}?(?:years?|months?|half)\b(?:\s+(?:of\s+)?[\w-]+){0,3}"
    r"|a\s+(?:tenner|fiver|quarter))\s*$"
)


def entry_says_verdict(text: str, kb: Knowledge, said: Block) -> bool:
    """Whether what an entry says after its colon opens as a verdict does: with its body,
    its year, a penalty, or a term and little else ("OSO, ChSIR, eight years"), and denies
    none ("… the prosecutor demanded death")."""
    if term_pattern(kb, "not_verdict").search(text, said.start, said.end):
        return False
    comma = re.compile(r"[,;]").search(text, said.start, said.end)
    first = Block(said.start, comma.start() if comma else said.end)
    return bool(
        ENTRY_BODY.match(text, said.start, said.end)
        or re.fullmatch(r"\s*(?:19[1-5]\d|OSO|VMN|ITL)\s*", text[first.start : first.end])
        or penalties_in(text, first.start, first.end, kb)
        or ENTRY_TERM_ALONE.fullmatch(text, first.start, first.end)
    )


ENTRY_YEAR = re.compile(r"(?<![\d.])(19[1-5]\d)(?![\d.])")  # "…, 1937, ten years"
MORE_TERM = re.compile(rf"\b({NUMBER_WORD}|\d+)\s+more\b", re.IGNORECASE)  # "then ten more"


def entry_term(text: str, start: int, end: int, kb: Knowledge) -> float | None:
    """The term of an entry's piece: its years, "ten more" after a term, or a camp's slang
    for a term (etl/knowledge/term_slang.csv: "a tenner", "a quarter")."""
    years = years_in(text, start, end, kb)
    if years:
        return years[0][0]
    more = MORE_TERM.search(text, start, end)
    if more and (count := parse_count(more[1], kb)):
        return float(count)
    return slang_term(text, start, end, kb)
