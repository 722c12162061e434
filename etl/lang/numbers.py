"""Numbers as the texts write them, in several conventions, read by context.

"120.000" and "3,217" use a separator for thousands; "17,5" and "12.8" use
one for decimals; "12 345" groups thousands with a (no-break) space. A
separator followed by exactly three digits is a thousands separator, unless
the number is a percent (a percent is at most 100, so "9.125 per cent" can
only be a decimal); one or two digits after it make a decimal. "1.8 million"
multiplies.
"""

from __future__ import annotations

import re

NUMERAL = (
    r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![.,]?\d)"  # "12 345": spaced thousands
    r"|\d{1,3}(?:[.,]\d{3})+(?![.,]?\d)|\d+(?:[.,]\d+)?"
)
MULTIPLIERS = {"thousand": 1_000, "million": 1_000_000, "millions": 1_000_000}


def parse_number(token: str, *, percent: bool = False) -> float:
    """The value of a numeral: parse_number("120.000") == 120000.0,
    parse_number("17,5") == 17.5, parse_number("3,217") == 3217.0,
    parse_number("1,5") == 1.5, parse_number("12.8") == 12.8.

    Raises ValueError for anything that is not a numeral.
    """
    token = token.strip()
    if re.fullmatch(r"\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+", token):
        return float(re.sub(r"[ \u00a0\u2009\u202f]", "", token))
    if not re.fullmatch(r"\d+(?:[.,]\d+)*", token):
        msg = f"not a numeral: {token!r}"
        raise ValueError(msg)
    groups = re.split(r"[.,]", token)
    if len(groups) == 1:
        return float(token)
    thousands = all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3
    if thousands and len(groups) > 2:
        return float("".join(groups))
    if thousands and not percent:
        return float("".join(groups))
    if len(groups) == 2:
        return float(f"{groups[0]}.{groups[1]}")
    msg = f"not a numeral: {token!r}"
    raise ValueError(msg)


def with_multiplier(value: float, word: str | None) -> float:
    """ "1.8 million" → 1800000."""
    return value * MULTIPLIERS.get((word or "").lower(), 1)
