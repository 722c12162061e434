"""Trials and their defendant lists.

Rules:
- `trials.heading`: a heading that names a trial and gives its dates defines it
  ("The trial against the … centre 19-24 August 1936"); a bracketed line under
  it ("(The Orlov-Belov process)") is an alias.
- `trials.dated_sentence`: a sentence naming a known trial with a date range.
- `trials.defendant_list`: a list of three or more names in a sentence with a
  defendant cue ("accused", "brought to trial", "convicted" …) names
  defendants of the trial the sentence names, or else of the trial whose
  heading the sentence stands under.
Which trial a name refers to comes from etl/knowledge/trials.csv (aliases);
a dated trial heading that matches no alias becomes a trial of its own.
"""

from __future__ import annotations

import bisect
import re
import re._parser as sre_parse
import weakref
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from etl.extract import Record
from etl.lang.corpus import Source
from etl.lang.knowledge import Knowledge
from etl.lang.literals import quick_search
from etl.lang.names import NameList, name_lists, numbered_items
from etl.lang.text import (
    NUMBER_WORD,
    Block,
    DateRange,
    ascii_folded,
    find_dates,
    is_heading,
    lines,
    occurrences,
    parse_count,
    sentences,
    text_memo,
)


@dataclass(frozen=True)
class TrialMention:
    trial_id: str
    start: int
    end: int


def _aliases(kb: Knowledge) -> list[tuple[str, re.Pattern, str]]:
    return [(r["trial_id"], re.compile(r["alias"], re.IGNORECASE), r["year"]) for r in kb["trials"]]


def aliases(kb: Knowledge) -> list[tuple[str, re.Pattern, str]]:
    return kb.derived("trial_aliases", _aliases)


def any_alias(kb: Knowledge) -> re.Pattern:
    """All aliases in one pattern: a quick test whether a passage names a known trial."""
    return kb.derived("any_trial_alias", _any_alias)


def _any_alias(kb: Knowledge) -> re.Pattern:
    return re.compile("|".join(f"(?:{r['alias']})" for r in kb["trials"]), re.IGNORECASE)


# What makes a match depend on what lies outside it: with none of these, a match inside
# text[start:end] is a match at the same place in the whole text.
_CONTEXTUAL = re.compile(r"\\[bBAZ]|\(\?[=!<]|[$^]")


def _alias_starts(text: str, kb: Knowledge) -> list[list[int]] | None:
    """For each alias, every position of the whole text where it matches (overlapping ones
    too), found once per text; None if an alias looks beyond its own match (a word
    boundary, a look-around, an anchor), where that would not hold."""
    memo = text_memo(text, kb)
    if "alias_starts" not in memo:
        if any(_CONTEXTUAL.search(r["alias"]) for r in kb["trials"]):
            memo["alias_starts"] = None
        else:
            memo["alias_starts"] = [
                [at for at in candidates if pattern.match(text, at)]
                for candidates, (_, pattern, _) in zip(
                    _alias_candidates(text, kb), aliases(kb), strict=True
                )
            ]
    return memo["alias_starts"]


def _aliases_within(text: str, kb: Knowledge, start: int, end: int) -> list[int]:
    """The indices, in order, of the aliases that match somewhere in text[start:end] of the
    whole text (`_alias_starts`): the starts of every alias merged once per text, so that
    a passage is one look-up, not one per alias."""
    memo = text_memo(text, kb)
    merged = memo.get("alias_index")
    if merged is None:
        starts = _alias_starts(text, kb)
        assert starts is not None
        pairs = sorted((at, index) for index, found in enumerate(starts) for at in found)
        merged = memo["alias_index"] = ([at for at, _ in pairs], [i for _, i in pairs])
    positions, owners = merged
    low = bisect.bisect_left(positions, start)
    high = bisect.bisect_left(positions, end, low)
    return sorted(set(owners[low:high])) if high > low else []


def _alias_candidates(text: str, kb: Knowledge) -> list[list[int]]:
    """For each alias, positions that hold every position it matches at: where its literal
    opening ("Surname", "trial of the") stands in any case, found with str.find in the
    text made small (text.ascii_folded); or, for an alias without one, where any alias
    matches (a look-ahead at every position, slower)."""
    prefixes = kb.derived("trial_alias_prefixes", _alias_prefixes)
    folded = ascii_folded(text, kb)
    anywhere: list[int] | None = None
    found = []
    for prefix in prefixes:
        if folded is not None and prefix:
            found.append(list(occurrences(folded, prefix)))
            continue
        if anywhere is None:
            pattern = kb.derived("trial_alias_starts", _starts_pattern)
            anywhere = [m.start() for m in pattern.finditer(text)]
        found.append(anywhere)
    return found


def _starts_pattern(kb: Knowledge) -> re.Pattern:
    """Any alias, as a look-ahead: every position one starts at, overlapping or not."""
    return re.compile(rf"(?=(?:{any_alias(kb).pattern}))", re.IGNORECASE)


def _alias_prefixes(kb: Knowledge) -> list[str]:
    """Each alias's literal opening in small letters (what any match of it begins with, in
    some case), if it is of three ASCII characters or more; else ""."""
    prefixes = []
    for row in kb["trials"]:
        literal = []
        for op, value in sre_parse.parse(row["alias"]):
            if op is not sre_parse.LITERAL or not chr(value).isascii():
                break
            literal.append(chr(value))
        prefix = "".join(literal).lower()
        prefixes.append(prefix if len(prefix) >= 3 else "")
    return prefixes


def cue_pattern(kb: Knowledge, kind: str) -> re.Pattern:
    return kb.derived(f"cue_pattern:{kind}", lambda kb: _cue_pattern(kb, kind))


def _cue_pattern(kb: Knowledge, kind: str) -> re.Pattern:
    terms = [r["term"] for r in kb["cues"] if r["kind"] == kind]
    return re.compile(r"\b(?:" + "|".join(terms) + r")\b", re.IGNORECASE)


def trial_mentions(
    text: str, start: int, end: int, kb: Knowledge, context: str
) -> list[TrialMention]:
    """Known trials named in text[start:end]; an alias bound to a year needs that year in
    the passage or in `context` (the heading above it)."""
    starts = _alias_starts(text, kb)
    if starts is None:
        return _trial_mentions(text, start, end, kb, context, None)
    memo = text_memo(text, kb)
    key = ("trials", start, end, context)
    found = memo.get(key)
    if found is None:
        found = memo[key] = tuple(_trial_mentions(text, start, end, kb, context, starts))
    return list(found)


def _trial_mentions(
    text: str,
    start: int,
    end: int,
    kb: Knowledge,
    context: str,
    starts: list[list[int]] | None,
) -> list[TrialMention]:
    found: list[TrialMention] = []
    if starts is None and not any_alias(kb).search(text, start, end):
        return found
    passage = text[start:end]
    table = aliases(kb)
    # An alias matching inside the passage matches there in the whole text too.
    indices = range(len(table)) if starts is None else _aliases_within(text, kb, start, end)
    for index in indices:
        trial_id, pattern, year = table[index]
        for m in pattern.finditer(text, start, end):
            if year and year not in passage and year not in context:
                continue
            found.append(TrialMention(trial_id, m.start(), m.end()))
    return sorted(found, key=lambda t: (t.start, -t.end))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _strip_dates(text: str, spans: list[tuple[int, int]], offset: int) -> str:
    for a, b in sorted(spans, reverse=True):
        text = text[: a - offset] + text[b - offset :]
    return re.sub(r"\s+", " ", text).strip(" .,–-")


@dataclass
class Section:
    trial_id: str
    heading: Block
    end: int
    context: str


def trial_sections(source: Source, kb: Knowledge) -> list[Section]:
    """Headings that name a trial, each governing the text down to the next such heading."""
    text = source.text
    trial_word = cue_pattern(kb, "trial")
    heads: list[tuple[Block, str | None]] = []
    blocks = [b for b in lines(text) if is_heading(text, b)]
    for index, block in enumerate(blocks):
        line = text[block.start : block.end]
        if not trial_word.search(line):
            continue
        nxt = blocks[index + 1] if index + 1 < len(blocks) else None
        sub = text[nxt.start : nxt.end] if nxt and nxt.start - block.end < 6 else ""
        context = line + " " + sub
        known = trial_mentions(text, block.start, block.end, kb, context)
        if not known and sub.startswith("("):
            known = trial_mentions(text, nxt.start, nxt.end, kb, context)
        dates = find_dates(text, kb, block.start, block.end)
        if known:
            heads.append((block, known[0].trial_id))
        elif dates:
            year = dates[0].start[:4]
            heads.append(
                (block, f"{_slug(_strip_dates(line, [dates[0].span], block.start))}-{year}")
            )
    sections = []
    for index, (block, trial_id) in enumerate(heads):
        end = heads[index + 1][0].start if index + 1 < len(heads) else len(text)
        sections.append(Section(trial_id, block, end, text[block.start : block.end]))
    return sections


def stated_count(
    text: str, prefixes: list[tuple[int, int]], listed: int, kb: Knowledge
) -> tuple[int | None, int | None]:
    """The count given for a list, looked for in each prefix in turn (the sentence up to the
    list, then the sentence before): (the list's own count, the whole trial's count).

    "Sixteen old Trotskyists (…)" → (16, 16); "Three of the sixteen accused (…)" → (3, 16);
    "Thirteen of the accused —…—" → (13, None). A count smaller than the list, or one that
    is part of a date, does not count it.
    """
    for start, end in prefixes:
        dates = [d.span for d in find_dates(text, kb, start, end)]
        prefix = text[start:end]
        partitive = re.search(
            rf"\b({NUMBER_WORD}|\d+) of (?:the|these|those)(?: ({NUMBER_WORD}|\d+))?\b", prefix
        )
        if partitive and parse_count(partitive[1], kb):
            whole = parse_count(partitive[2], kb) if partitive[2] else None
            return parse_count(partitive[1], kb), whole
        for m in reversed(list(re.finditer(rf"\b(?:{NUMBER_WORD}|\d+)\b", prefix))):
            at = start + m.start()
            if any(a <= at < b for a, b in dates):
                continue
            count = parse_count(m.group(), kb)
            if count and count >= listed:
                return count, count
    return None, None


def _cue_attached(text: str, names: NameList, sentence: Block, cue: re.Pattern) -> bool:
    """A plain run of names is a defendant list only when the cue governs it: right before
    it ("three of the accused, A, B and C") or as its verb ("A, B and C were charged")."""
    before = text[max(sentence.start, names.start - 60) : names.start]
    after = text[names.end : min(sentence.end, names.end + 80)]
    words_after_cue = [len(re.findall(r"\w+", before[m.end() :])) for m in cue.finditer(before)]
    if words_after_cue and min(words_after_cue) <= 2:
        return True
    verb = re.match(r"\W*(?:\[\d+\]\s*)?(?:were|was|had been|have been|are|is)\b(.*)", after)
    return bool(verb and cue.search(verb[1]))


def extract(source: Source, kb: Knowledge) -> Iterator[Record]:
    """The trials, their defendants and mentions of a text (as `trial_records`, which the
    sentence rules may have read first)."""
    return iter(trial_records(source, kb))


def _extract(source: Source, kb: Knowledge) -> Iterator[Record]:
    text = source.text
    sections = trial_sections(source, kb)
    defined = {s.trial_id for s in sections}
    for section in sections:
        block = section.heading
        dates = find_dates(text, kb, block.start, block.end)
        line = text[block.start : block.end]
        fields = {
            "trial_id": section.trial_id,
            "name": _strip_dates(line, [d.span for d in dates], block.start),
            "start_date": dates[0].start if dates else None,
            "end_date": dates[0].end if dates else None,
        }
        yield Record("trials", fields, source.span(block.start, block.end), "trials.heading")

    defendant_cue = cue_pattern(kb, "defendant")
    first_named: dict[str, tuple[Block, TrialMention]] = {}
    listed: set[str] = set()
    previous: Block | None = None
    for sentence in sentences(text, kb=kb):
        if previous and "\n" in text[previous.end : sentence.start]:
            previous = None  # the sentence before must be in the same paragraph
        section = next((s for s in sections if s.heading.end <= sentence.start < s.end), None)
        named = trial_mentions(
            text, sentence.start, sentence.end, kb, section.context if section else ""
        )
        for mention in named:
            first_named.setdefault(mention.trial_id, (sentence, mention))
        ranged = [d for d in find_dates(text, kb, sentence.start, sentence.end) if d.end]
        if named and ranged:
            yield trial_record(source, sentence, named[0], ranged[0], "trials.dated_sentence")
            defined.add(named[0].trial_id)
        trial_id = named[0].trial_id if named else (section.trial_id if section else None)
        if trial_id is not None:
            for record in defendant_lists(source, sentence, previous, trial_id, kb, defendant_cue):
                listed.add(trial_id)
                yield record
        previous = sentence
    for run in numbered_items(text, 0, len(text), kb):
        before = text[max(0, run[0].start - 300) : run[0].start]
        if not (
            defendant_cue.search(before) or defendant_cue.search(text, run[0].start, run[-1].end)
        ):
            continue
        section = next((s for s in sections if s.heading.end <= run[0].start < s.end), None)
        named = trial_mentions(text, max(0, run[0].start - 300), run[0].start, kb, before)
        trial_id = (named[-1].trial_id if named else None) or (
            section.trial_id if section else dominant_trial(source, kb)
        )
        if trial_id is None:
            continue
        listed.add(trial_id)
        first_named.setdefault(
            trial_id, (Block(run[0].start, run[0].end), TrialMention(trial_id, 0, 0))
        )
        for item in run:
            refs = {"name": item.name, "stated": None, "count": None, "listed": len(run)}
            span = source.span(item.start, item.end)
            yield Record(
                "defendants", {"trial_id": trial_id}, span, "trials.numbered_list", refs=refs
            )
    # A trial whose defendants are listed but that no heading or dated sentence defines
    # is defined by the first sentence that names it.
    for trial_id in sorted(listed - defined):
        sentence, mention = first_named[trial_id]
        if mention.end == 0:  # known only from the text as a whole: name its first mention
            found = trial_mentions(text, 0, len(text), kb, "")
            mention = next(m for m in found if m.trial_id == trial_id)
            sentence = next(b for b in sentences(text, kb=kb) if b.start <= mention.start < b.end)
        yield trial_record(source, sentence, mention, None, "trials.named")


_MEMO: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def trial_records(source: Source, kb: Knowledge) -> list[Record]:
    """`extract` for a loaded text, computed once: the sentence rules reuse its lists."""
    held = _MEMO.get(source)
    if held is None or held[0] is not kb:
        held = _MEMO[source] = (kb, list(_extract(source, kb)))
    return held[1]


def dominant_trial(source: Source, kb: Knowledge) -> str | None:
    """The trial a whole text is about: the one it names most often, if one stands out."""
    mentions = trial_mentions(source.text, 0, len(source.text), kb, "")
    counts = Counter(m.trial_id for m in mentions).most_common(2)
    if not counts or (len(counts) == 2 and counts[0][1] == counts[1][1]):
        return None
    return counts[0][0]


def trial_record(
    source: Source, sentence: Block, mention: TrialMention, dates: DateRange | None, rule: str
) -> Record:
    fields = {
        "trial_id": mention.trial_id,
        "name": source.text[mention.start : mention.end],
        "start_date": dates.start if dates else None,
        "end_date": dates.end if dates else None,
    }
    return Record("trials", fields, source.span(sentence.start, sentence.end), rule)


def defendant_lists(
    source: Source,
    sentence: Block,
    previous: Block | None,
    trial_id: str,
    kb: Knowledge,
    cue: re.Pattern,
) -> Iterator[Record]:
    """Defendant claims for every list of names the sentence gives for `trial_id`."""
    text = source.text
    cue_here = quick_search(cue, text, sentence.start, sentence.end, kb)
    cue_before = previous is not None and quick_search(cue, text, previous.start, previous.end, kb)
    if not (cue_here or cue_before):
        return
    span = source.span(sentence.start, sentence.end)
    for names in name_lists(text, sentence.start, sentence.end, kb):
        delimited = (
            text[names.start - 1] in "(—–" or text[names.start - 2 : names.start].strip() in "(—–"
        )
        if not delimited and not (cue_here and _cue_attached(text, names, sentence, cue)):
            continue
        prefixes = [(sentence.start, names.start)]
        if previous is not None:
            prefixes.append((previous.start, previous.end))
        listed = len(names.names)
        count, whole = stated_count(text, prefixes, listed, kb)
        for name in names.names:
            refs = {"name": name, "stated": whole, "count": count, "listed": listed}
            yield Record(
                "defendants", {"trial_id": trial_id}, span, "trials.defendant_list", refs=refs
            )
