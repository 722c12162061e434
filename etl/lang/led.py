"""Led patterns: a pattern with a look-ahead in front for the characters its matches can
begin with, read off its own syntax (`led`). A search tries a pattern at every position of
its window; where the pattern opens with look-behinds, word boundaries or a long
alternation, each try costs them all, and most positions begin no match. The look-ahead
turns those tries into a test of one character, and changes no match: every match begins
with one of those characters. No file access; no dependency on the rest of etl.
"""

from __future__ import annotations

import re
from functools import cache

try:  # the parser of the standard library's regular expressions (Python 3.11+)
    from re import _parser as _p
except ImportError:  # pragma: no cover - another Python: patterns as they are
    _p = None

# Items that consume nothing, and repeats.
_ZERO_WIDTH = {"AT", "ASSERT", "ASSERT_NOT"}
_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}

_CLASS = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}


def _first_chars(items) -> tuple[set[str], bool] | None:
    """The items of a character class, as pattern text, that hold every character a match
    of `items` (a parsed sequence) can begin with, and whether it can match nothing; None
    where the syntax does not say (any character, a negated class, a group reference, a
    flag scoped to a group)."""
    found: set[str] = set()
    for op, av in items:
        name = str(op)
        if name in _ZERO_WIDTH:
            continue
        if name == "LITERAL":
            return found | {re.escape(chr(av))}, False
        if name == "IN":
            parts = []
            for kind, value in av:
                kind = str(kind)
                if kind == "LITERAL":
                    parts.append(re.escape(chr(value)))
                elif kind == "RANGE":
                    parts.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
                elif kind == "CATEGORY" and str(value) in _CLASS:
                    parts.append(_CLASS[str(value)])
                else:
                    return None
            return found | set(parts), False
        if name == "BRANCH":
            inner = [_first_chars(branch) for branch in av[1]]
        elif name == "SUBPATTERN":
            if av[1] or av[2]:
                return None
            inner = [_first_chars(av[-1])]
        elif name == "ATOMIC_GROUP":
            inner = [_first_chars(av)]
        elif name in _REPEATS:
            inner = [_first_chars(av[2])]
            if inner[0] is not None and av[0] == 0:
                inner.append((set(), True))
        else:
            return None
        if any(i is None for i in inner):
            return None
        found |= set().union(*(chars for chars, _ in inner))  # type: ignore[misc]
        if not any(empty for _, empty in inner):  # type: ignore[misc]
            return found, False
    return found, True


def _led_source(source: str, flags: int) -> str | None:
    """The led pattern's text, or None where the syntax does not say how a match begins,
    or the pattern can match nothing."""
    if _p is None or flags & re.VERBOSE:
        return None
    try:
        first = _first_chars(list(_p.parse(source, flags & ~re.UNICODE)))
    except Exception:  # a pattern this reading does not know: as it is
        return None
    if first is None or first[1] or not first[0]:
        return None
    return f"(?=[{''.join(sorted(first[0]))}])(?:{source})"


@cache
def led(pattern: re.Pattern) -> re.Pattern:
    """`pattern` with a look-ahead in front for the characters its matches begin with, read
    off its syntax: the same matches, but a search tests one character at the many places
    where no match begins, instead of each branch and look-behind of the pattern (a
    vocabulary or a figure's alternatives, searched in every sentence). The pattern itself
    where its syntax does not say, or it can match nothing."""
    if not isinstance(pattern.pattern, str):
        return pattern
    source = _led_source(pattern.pattern, pattern.flags)
    if source is None:
        return pattern
    try:
        return re.compile(source, pattern.flags)
    except re.error:  # global flags written in the pattern: as it is
        return pattern


def compile_led(source: str, flags: int = 0) -> re.Pattern:
    """`led(re.compile(source, flags))`, without compiling the pattern it leads: the
    vocabularies are compiled in every worker process, and the largest take milliseconds."""
    led_source = _led_source(source, flags)
    if led_source is not None:
        try:
            return re.compile(led_source, flags)
        except re.error:  # global flags written in the pattern: as it is
            pass
    return re.compile(source, flags)
