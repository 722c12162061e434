"""A quick test that rules out the passages a pattern cannot match in: the words some one
of which every match of the pattern must hold, read off the pattern's own syntax, and the
places where those words stand in a text, found once per text.

`may_search(pattern, text, start, end, kb)` is False only where `pattern.search(text,
start, end)` finds nothing, so a caller that skips the search then gives what the search
would have given. The words are looked for in what a match consumes (not in look-behinds,
which may see before `start`), and within [start, end), since a search with `endpos` sees
nothing after `end`. A pattern without such words, or a text whose letters re.IGNORECASE
matches otherwise than ASCII's two cases (text.ascii_folded), is always searched.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from etl.lang.knowledge import Knowledge
from etl.lang.text import _ascii_twin, ascii_folded, text_memo

try:  # the parser of the standard library's regular expressions (Python 3.11+)
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - another Python: no quick test, every search made
    _c = _p = None

# Items that consume nothing: the words before and after them stand side by side.
_ZERO_WIDTH = {"AT", "ASSERT", "ASSERT_NOT"}
_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}


def _required(items) -> frozenset[str] | None:
    """Lowercase ASCII words, some one of which a match of `items` (a parsed sequence)
    holds whole; None if no such words are known. Of the sequence's choices (a run of
    letters, a group's words, a branch's words, a look-ahead's words), the one whose
    shortest word has the most letters."""
    choices: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        name = str(op)
        if name == "LITERAL" and av < 128:
            run += chr(av).lower()
            continue
        if name in _ZERO_WIDTH:
            if name == "ASSERT" and av[0] == 1:  # a look-ahead: within [start, end) too
                ahead = _required(av[1])
                if ahead:
                    choices.append(ahead)
            continue
        if name == "BRANCH" and run:
            # the parser takes the branches' common opening out ("y(?:rs?|ears?)" for
            # "yrs?|years?"): the run before them and each branch's opening are one word
            leads = [_opening(branch) for branch in av[1]]
            if all(leads):
                choices.append(frozenset(run + lead for lead in leads))
        if run:
            choices.append(frozenset([run]))
            run = ""
        inner = None
        if name == "SUBPATTERN":
            inner = _required(av[-1])
        elif name == "ATOMIC_GROUP":
            inner = _required(av)
        elif name in _REPEATS and av[0] >= 1:
            inner = _required(av[2])
        elif name == "BRANCH":
            branches = [_required(b) for b in av[1]]
            if all(b is not None for b in branches):
                inner = frozenset().union(*branches)  # type: ignore[arg-type]
        if inner:
            choices.append(inner)
    if run:
        choices.append(frozenset([run]))
    if not choices:
        return None
    return max(choices, key=lambda words: (min(map(_letters, words)), -len(words)))


def _opening(items) -> str:
    """The ASCII letters a parsed sequence begins with, small ("" if none)."""
    run = ""
    for op, av in items:
        if str(op) != "LITERAL" or av >= 128:
            break
        run += chr(av).lower()
    return run


def _letters(word: str) -> int:
    """How telling a word is: its letters and digits (" of " tells little)."""
    return sum(char.isalnum() for char in word)


@cache
def required_words(pattern: re.Pattern) -> frozenset[str] | None:
    """Lowercase ASCII words some one of which every match of `pattern` holds, as it is
    (ASCII letters of either case); None if the pattern's syntax names none."""
    if _p is None or not isinstance(pattern.pattern, str):
        return None
    try:
        parsed = _p.parse(pattern.pattern, pattern.flags & ~re.UNICODE)
    except Exception:  # a pattern this reading does not know: no quick test
        return None
    words = _required(list(parsed))
    # A word that holds another of them adds no place the other does not rule in.
    return words and frozenset(w for w in words if not any(v != w and v in w for v in words))


def word_places(pattern: re.Pattern, text: str, kb: Knowledge):
    """(starts, first ends) of the places in `text` where one of the pattern's required
    words stands: their starts, sorted, and for each the least end of the places from it
    on (places may overlap); or None: no quick test for this text."""
    memo = _places_memo(text, kb)
    held = memo.get(id(pattern))  # by id: a pattern's hash reads its whole program
    if held is None or held[0] is not pattern:
        words = required_words(pattern)
        folded = ascii_folded(text, kb) if words else None
        places = None
        if words and folded is not None:
            found = []
            for word in words:
                size = len(word)
                found += [(at, at + size) for at in _word_starts(memo, folded, word)]
            found.sort()
            first_ends, least = [], len(text) + 1
            for _, b in reversed(found):
                least = min(least, b)
                first_ends.append(least)
            first_ends.reverse()
            places = ([a for a, _ in found], first_ends)
        held = memo[id(pattern)] = (pattern, places)
    return held[1]


def _word_starts(memo: dict, folded: str, word: str) -> list[int]:
    """Every position `word` starts at in the folded text (overlapping ones too), found
    once per text: the patterns of a vocabulary, alone and merged, share their words."""
    key = ("at", word)
    starts = memo.get(key)
    if starts is None:
        starts = memo[key] = []
        at = folded.find(word)
        while at >= 0:
            starts.append(at)
            at = folded.find(word, at + 1)
    return starts


_LAST: list = [None, None, {}]
"""The text last asked about, its knowledge and its places by pattern: the extractors ask
about one text many times in a row."""


def _places_memo(text: str, kb: Knowledge) -> dict:
    if _LAST[0] is not text or _LAST[1] is not kb:
        _LAST[:] = [text, kb, text_memo(text, kb).setdefault("word_places", {})]
    return _LAST[2]


def may_search(pattern: re.Pattern, text: str, start: int, end: int, kb: Knowledge) -> bool:
    """False only if `pattern.search(text, start, end)` finds nothing: no required word
    stands whole within [start, end)."""
    places = word_places(pattern, text, kb)
    if places is None:
        return True
    starts, first_ends = places
    at = bisect.bisect_left(starts, start)
    return at < len(starts) and first_ends[at] <= end


def may_search_each(
    patterns: tuple[re.Pattern, ...], text: str, start: int, end: int, kb: Knowledge
) -> list[int]:
    """The indices, in order, of the patterns for which `may_search` is True: the places
    of all their words, merged once per text, walked once for the window instead of one
    search of each pattern's places (a long vocabulary asked about every sentence)."""
    memo = _places_memo(text, kb)
    key = ("each", id(patterns))
    held = memo.get(key)
    if held is None or held[0] is not patterns:
        held = memo[key] = (patterns, _merged_places(patterns, text, kb))
    always, starts, ends, owners = held[1]
    low = bisect.bisect_left(starts, start)
    high = bisect.bisect_left(starts, end, low)
    if high - low > 2 * len(patterns):  # a long window: each pattern's own places
        return [i for i, p in enumerate(patterns) if may_search(p, text, start, end, kb)]
    found = set(always)
    for at in range(low, high):
        if ends[at] <= end:
            found.update(owners[at])
    return sorted(found)


def _merged_places(patterns: tuple[re.Pattern, ...], text: str, kb: Knowledge):
    """(the patterns always searched, and the starts, ends and owning patterns of every
    place where a required word of one of the others stands, sorted by start)."""
    always, owners_of, places = [], {}, set()
    for index, pattern in enumerate(patterns):
        words = required_words(pattern)
        folded = ascii_folded(text, kb) if words else None
        if not words or folded is None:
            always.append(index)
            continue
        for word in words:
            owners_of.setdefault(word, []).append(index)
    folded = ascii_folded(text, kb) if owners_of else None
    memo = _places_memo(text, kb)
    for word in owners_of:
        places.update((at, at + len(word), word) for at in _word_starts(memo, folded, word))
    ordered = sorted(places)
    return (
        tuple(always),
        [a for a, _, _ in ordered],
        [b for _, b, _ in ordered],
        [owners_of[w] for _, _, w in ordered],
    )


def same_program(first: str, second: str, flags: int = 0) -> bool:
    """Whether two patterns parse alike ("\\bx\\b" and "\\b(?:x)\\b" do when x has no
    "|" of its own), with no reference to a group by number: the one matches where the
    other does, also as one branch of a longer alternation. False when unsure."""
    if _p is None:
        return False
    try:
        one, other = _p.parse(first, flags), _p.parse(second, flags)
    except Exception:  # a pattern this reading does not know
        return False
    plain = _plain(list(one))
    return plain is not None and plain == _plain(list(other))


_GROUP_REFERENCES = {"GROUPREF", "GROUPREF_EXISTS", "GROUPREF_IGNORE", "GROUPREF_LOC_IGNORE"}
_GROUP_REFERENCES |= {"GROUPREF_UNI_IGNORE"}


def _plain(value):
    """A parsed pattern as nested tuples that compare by value; None if it refers to a
    group by number."""
    if isinstance(value, _p.SubPattern):
        value = list(value)
    if isinstance(value, (list, tuple)):
        items = []
        for item in value:
            if isinstance(item, tuple) and item and str(item[0]) in _GROUP_REFERENCES:
                return None
            plain = _plain(item)
            if plain is None and item is not None:
                return None
            items.append(plain)
        return tuple(items)
    return str(value) if isinstance(value, _c._NamedIntConstant) else value


def lowered(string: str) -> str | None:
    """`string.lower()` for `may_match`, or None if a character of it matches an ASCII
    letter under re.IGNORECASE without being one (text.ascii_folded): no quick test then."""
    if not string.isascii() and any(_ascii_twin(c) for c in set(string) if not c.isascii()):
        return None
    return string.lower()


def may_match(pattern: re.Pattern, string: str, low: str | None) -> bool:
    """False only if `pattern.search(string)` finds nothing: none of the pattern's required
    words stands in `low`, the string's `lowered` (a passage too short to index)."""
    words = required_words(pattern)
    return not words or low is None or any(word in low for word in words)


def quick_search(
    pattern: re.Pattern, text: str, start: int, end: int, kb: Knowledge
) -> re.Match | None:
    """`pattern.search(text, start, end)`, not made where `may_search` rules it out."""
    return pattern.search(text, start, end) if may_search(pattern, text, start, end, kb) else None
