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
  be shot", and decisions by item number under a protocol's list of cases ("Under items
  1, 3 and 4 - to be shot").
- `sentences.resolution_column`: a protocol set side by side, "HEARD | RESOLVED": the
  decisions of its right-hand column, each down to its full stop.
- `sentences.writer` (inferred): a memoir's or letter's "I was given eight years", "they
  gave me five years": the one person the text names as its writer
  (etl/extract/sentences/author.py).
- `sentences.addressee` (inferred): a certificate's or reply's "You were sentenced by the
  Special Board …": the person it is issued to, "Issued to citizen Surname Given Patronymic".
- `sentences.register_table`: a table with a column of names and one of sentences (its
  date and body from their own columns, when it has them).
- `sentences.entry_line`: a list of persons a line each, "Surname, Given Patronymic:
  Military Collegium, 1937, ten years", each verdict after the colon a row.
- `sentences.headline`: a newspaper's headline in capitals that sentences by name, read
  as a telegram's part ("… SURNAME AND OTHERNAME SENTENCED TO BE SHOT").
- `sentences.telegram`: a telegram's clipped capitals, "SENTENCED SHOOT A B TEN YEARS ITL C
  STOP": each run of surnames with the penalty next to it (etl/extract/sentences/telegrams.py);
  also a verdict typed all in capitals without "STOP", its stops, colons and semicolons
  cutting its parts.
- `sentences.digest`: the clipped entries of digests and bulletins, "TYURIN V. S., b.
  1902, art. 58-7 - VMN, conf. (sp. coll., 5.VIII.37)", "MARKOV & KUZIN - VMN & 10 yrs ITL
  resp." (etl/extract/sentences/digests.py).
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
from operator import attrgetter

from etl.extract import Record
from etl.extract.sentences.author import named_addressees
from etl.extract.sentences.clauses import (
    ANTECEDENT_REACH,
    Clause,
    clause_of,
    entry_heads,
    shared_surnames,
)
from etl.extract.sentences.digests import digest_entries
from etl.extract.sentences.forms import dateline, list_item_name, names_regex
from etl.extract.sentences.kin import introduced_relatives
from etl.extract.sentences.lists import (
    colon_lists,
    defendant_lists,
    entry_lines,
    heading_lists,
    item_decisions,
    partitive_lists,
    register_tables,
    resolution_columns,
    resolutions,
)
from etl.extract.sentences.penalties import (
    CLAUSE_BREAK,
    EVENT_DATE,
    PRONOUNCED,
    penalties_in,
    sentencing_body,
    term_pattern,
    verdict_dates,
    years_in,
)
from etl.extract.sentences.telegrams import headline_verdicts, telegram_verdicts
from etl.extract.trials import (
    dominant_trial,
    trial_mentions,
    trial_sections,
)
from etl.lang.corpus import Source
from etl.lang.knowledge import Knowledge
from etl.lang.names import (
    Name,
    numbered_items,
    same_surname,
)
from etl.lang.paragraphs import paragraphs
from etl.lang.text import NUMBER_WORD, Block, DateRange, find_dates, parse_count, sentences


def extract(source: Source, kb: Knowledge) -> Iterator[Record]:
    """Every sentence row of the text, one per statement: where two rules read the same
    name to the same penalty and term, the first rule's row (one rule may find two
    sentences alike); where two rules read the same surname, penalty and term from one
    passage (their spans overlap), the first rule's row, unless their initials differ
    (brothers: "RYABOV S. N. & RYABOV K. N. - 5 yrs each")."""
    first_rule: dict[tuple, str] = {}
    spans: dict[tuple, list[tuple[str, int, int, str]]] = {}
    for record in _extract(source, kb):
        name = record.refs.get("name")
        if record.resource == "sentences" and name is not None:
            penalty, term = record.fields["penalty"], record.fields.get("term_years")
            key = (name.start, penalty, term)
            if first_rule.setdefault(key, record.extractor) != record.extractor:
                continue
            read = spans.setdefault((name.surname.lower(), penalty, term), [])
            a, b = record.span.char_start, record.span.char_end
            own = re.sub(r"[\s.]", "", name.initials)
            if any(
                rule != record.extractor
                and a < end
                and start < b
                and (not own or not initials or own == initials)
                for rule, start, end, initials in read
            ):
                continue
            read.append((record.extractor, a, b, own))
        yield record


def _extract(source: Source, kb: Knowledge) -> Iterator[Record]:
    text = source.text
    for _, name in entry_heads(text, names_regex(kb)):  # the person an entry is about
        span = source.span(name.start, name.end)
        yield Record("mentions", {}, span, "sentences.entry_head", refs={"name": name})
    for name in introduced_relatives(text, kb):  # a memoir's "My father, Given Surname"
        span = source.span(name.start, name.end)
        yield Record("mentions", {}, span, "sentences.relative", refs={"name": name})
    for name in {n.start: n for n in named_addressees(text, kb)}.values():  # "Issued to …"
        span = source.span(name.start, name.end)
        yield Record("mentions", {}, span, "sentences.addressee", refs={"name": name})
    yield from heading_lists(source, kb)
    yield from resolutions(source, kb)
    yield from item_decisions(source, kb)
    yield from resolution_columns(source, kb)
    yield from register_tables(source, kb)
    yield from colon_lists(source, kb)
    yield from entry_lines(source, kb)
    yield from telegram_verdicts(source, kb)
    yield from digest_entries(source, kb)
    yield from headline_verdicts(source, kb)
    sections = trial_sections(source, kb)
    yield from aggregate_claims(source, kb)
    for section in sections:
        yield from execution_before_arrest(source, kb, section)
    yield from numbered_verdicts(source, kb, sections)
    yield from verdict_paragraphs(source, kb, sections)
    # After the trial-aware rules, so that a count a trial's list closes keeps its trial.
    yield from partitive_lists(source, kb, sections)


def verdict_paragraphs(source: Source, kb: Knowledge, sections: list) -> Iterator[Record]:
    """The verdict clauses of each paragraph, with the modifiers its sentences state."""
    text = source.text
    lists = defendant_lists(source, kb)
    above: list[Block] = []
    for line in paragraphs(text):
        paragraph = list(sentences(text, line.start, line.end, across_lines=True, kb=kb))
        clauses = paragraph_clauses(source, kb, paragraph, sections, above)
        # A blank line ends the run of sentences a pronoun may look back on.
        above = (above + paragraph)[-ANTECEDENT_REACH:] if paragraph else []
        if not clauses:
            continue
        modifiers = [sentence_modifiers(text, kb, sentence) for sentence in paragraph]
        sentenced = {
            (clause.trial_id or "", name.surname)
            for clause in clauses
            for name, _, _ in clause.names
        }
        for clause in clauses:
            yield from clause_records(source, kb, clause, modifiers, lists, sentenced)


def paragraph_clauses(
    source: Source, kb: Knowledge, paragraph: list[Block], sections: list, above: list[Block]
) -> list[Clause]:
    """The verdict clauses of a paragraph's sentences that name someone (or all the
    accused), each with the trial the sentence or its section names."""
    text = source.text
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
    return clauses


VERDICT_VERB_AFTER = re.compile(r"\b(?:sentenced|condemned|convicted)\b")


def sentence_modifiers(text: str, kb: Knowledge, sentence: Block) -> dict:
    """What one sentence of a verdict paragraph says about its verdicts: the term of lost
    rights, confiscation, the date it was pronounced or passed, the sentencing body."""
    span = (sentence.start, sentence.end)
    passage = text[span[0] : span[1]]
    r = term_pattern(kb, "rights").search(text, *span)
    rights_years = None
    if r:
        years = years_in(text, r.end(), min(sentence.end, r.end() + 60), kb)
        rights_years = years[0][0] if years else None
    dated = verdict_dates(text, kb, *span)
    dates = [d for d in dated if PRONOUNCED.search(text[max(span[0], d.span[0] - 30) : d.span[0]])]
    event_dates = [
        d for d in dated if EVENT_DATE.search(text[max(span[0], d.span[0] - 140) : d.span[0]])
    ]
    # "On 3 March 1938 the Military Collegium sentenced …": the opening date of a verdict,
    # when no clause break stands between it and the verb
    verb = re.search(r"\b(?:sentenced|condemned|convicted)\b", passage)
    opening = [
        d
        for d in dated
        if verb
        and re.fullmatch(r"\s*(?:On|In)\s+(?:the\s+)?", text[span[0] : d.span[0]])
        and not CLAUSE_BREAK.search(text, d.span[1], span[0] + verb.start())
    ]
    # "…; on 22 February 1938 the Military Collegium sentenced him", "and on 7 July 1941
    # was condemned": a date right before its clause's verdict verb
    opening += [
        d
        for d in dated
        if re.search(r"\b[Oo]n\s+(?:the\s+)?$", text[max(span[0], d.span[0] - 8) : d.span[0]])
        and (after := VERDICT_VERB_AFTER.search(text, d.span[1], min(span[1], d.span[1] + 100)))
        and not CLAUSE_BREAK.search(text, d.span[1], after.start())
    ]
    after_verb, opening_year = years_alone(text, span, dated)
    event_dates = sorted(event_dates + after_verb, key=lambda d: d.span) or opening or opening_year
    return {
        "span": span,
        "rights": rights_years,
        "imprisonment_only": bool(re.search(r"imprisonment|prison", passage, re.IGNORECASE)),
        "confiscation": bool(term_pattern(kb, "confiscation").search(text, *span)),
        "all": bool(re.search(r"\ball\b", passage, re.IGNORECASE)),
        "date": dates[0].start if dates else None,
        "event_date": event_dates[0].start if event_dates else None,
        "body": sentencing_body(text, *span, kb),
    }


# "in 1931": a year alone, the date of a verdict told in prose when it gives no day: after
# the verdict's verb ("convicted in 1929 by the Collegium of the OGPU", "sentenced by the
# troika in 1931", "sentenced to 10 years in the camps in 1938"), or opening the sentence
# that the verb ends, with nothing done between ("In 1931 Ryndin was sentenced", not "In
# 1918 Petrov joined the party and was sentenced")
YEAR_ALONE = re.compile(r"\b[Ii]n\s+(?P<year>19[0-5]\d)\b(?!\s*[-–/]\s*\d|’s|'s)")
VERDICT_VERB_WORD = re.compile(r"\b(?:sentenced|convicted|condemned)\b")
# Between a verdict's verb and its year, or its year and its verb, nothing else done: no other
# verb in "-ed", no "and", no clause's end ("… and rehabilitated in 1956", "In 1937 A was
# arrested and …"); a name's apposition between commas is no deed
DONE_BETWEEN = re.compile(r"\b\w+ed\b|\band\b|[;:]")
# The verbs of a sentence's verdicts and repressions: with two, a year alone may be either's
# ("A, who had been sentenced in 1908 to exile, was sentenced to the supreme measure")
VERDICT_ACTS = re.compile(
    r"\b(?:sentenced|convicted|condemned|shot|executed|given|exiled|deported|received)\b"
)


def years_alone(
    text: str, span: tuple[int, int], dated: list
) -> tuple[list[DateRange], list[DateRange]]:
    """The one year "in YEAR" of text[span] that dates its verdict, if no fuller date of
    `dated` holds it: (right after the verb, opening the sentence). Two years alone, or two
    verdicts' verbs, in one sentence may be two verdicts': none."""
    found = [
        m
        for m in YEAR_ALONE.finditer(text, *span)
        if not any(d.span[0] <= m.start("year") < d.span[1] for d in dated)
    ]
    if len(found) != 1 or len(VERDICT_ACTS.findall(text, *span)) != 1:
        return [], []
    m = found[0]
    year = [DateRange(m["year"], None, m.span("year"))]
    before = [v for v in VERDICT_VERB_WORD.finditer(text, max(span[0], m.start() - 80), m.start())]
    if before and not DONE_BETWEEN.search(text, before[-1].end(), m.start()):
        return year, []  # "convicted in 1929 by …", "sentenced to 10 years in the camps in 1938"
    verb = VERDICT_VERB_WORD.search(text, m.end(), span[1])
    opens = m.start() == span[0] and verb and not DONE_BETWEEN.search(text, m.end(), verb.start())
    return [], year if opens else []


def _apply(fields: dict, clause: Clause, penalty: str, modifiers: list[dict]) -> tuple[int, int]:
    """Fill rights, confiscation, date and body from the paragraph; return the span to cite."""
    start, end = clause.start, clause.end

    def of_clause(mod: dict) -> bool:
        return clause.start <= mod["span"][0] and mod["span"][1] <= clause.end

    # The verdict's own sentence first: a clause that reaches back to the sentence naming
    # its person ("In 1930 deported by the OGPU troika. … by the NKVD troika sentenced")
    # takes the body and date of the sentence that passes it.
    ordered = [m for m in reversed(modifiers) if of_clause(m)] + [
        m for m in modifiers if not of_clause(m)
    ]
    for mod in ordered:
        a, b = mod["span"]
        inside = of_clause(mod)
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

    named = sorted({n.start: n for n, _, _ in clause.names}.values(), key=attrgetter("start"))
    full = {n.start: n for n in shared_surnames(source.text, named, kb)}
    for written, penalties, term in clause.names:
        rule, inferred = clause.inferred.get(written.start, ("named", None))
        name = full[written.start]  # "Ivan and Pyotr Sokolov": Ivan's surname is Sokolov
        for penalty in penalties:
            terms = [term] if term is not None else clause.terms_of(penalty)
            for value in terms if penalty != "death" else [None]:
                yield record(name, penalty, value, rule, inferred)
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
    for sentence in sentences(text, kb=kb):
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
    for sentence in sentences(text, section.heading.start, section.end, kb=kb):
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


def item_name(text: str, item, kb: Knowledge) -> Name:
    """A numbered item's name, read again in the orders registers use ("Surname Given
    Patronymic, born …" has its surname first)."""
    return list_item_name(text, item.name.start, item.end, kb) or item.name


def numbered_verdicts(source: Source, kb: Knowledge, sections: list) -> Iterator[Record]:
    """Numbered lists in verdicts: "1) Orlov, … 16) Belov, Ivan Petrovich all to the
    supreme penalty – to be shot": every item gets the penalty its last item states for
    "all"; an item that states its own earlier sentence ("sentenced on January 16, 1935 …
    to imprisonment for ten years") gets that one, outside this trial."""
    text = source.text
    verdict = term_pattern(kb, "verdict")
    body_pattern = term_pattern(kb, "body")
    for run in numbered_items(text, 0, len(text), kb):
        run = [item for item in run if not dateline(text, item.name, item.end, kb)]
        if not run:
            continue  # "1. Placename oblast. The UNKVD reports …": places, not persons
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
                        refs={"name": item_name(text, item, kb)},
                    )
        for item in run[:-1] if shared else run:
            if not verdict.search(text, item.start, item.end):
                continue
            found = penalties_in(text, item.start, item.end, kb)
            dates = verdict_dates(text, kb, item.start, item.end)
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
                    refs={"name": item_name(text, item, kb)},
                )
