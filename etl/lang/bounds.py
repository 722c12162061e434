"""What a published value may be, in plain Python: the bounds the Pandera models enforce.

Extraction never imports pandas, yet must never emit a row its schema refuses:
`problems()` checks an extracted record's values against these bounds, so
that a value a text states and the schema cannot hold (a descending range
"50-19", a per cent over 100, a term of 80 years) becomes a `checks` warning
with its span instead of a row that would fail the whole build. `etl.contract.schemas`
takes its constants from here; tests check that both agree.
"""

from __future__ import annotations

import math
import re

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
PARTIAL_DATE = r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$"
YEARS_COVERED = (1900, 1960)  # the years a statistic may be about
MAX_TERM = 50  # years of imprisonment, exile or lost rights a sentence may give
PENALTIES = ["death", "imprisonment", "exile", "other"]
BASES = ["explicit", "inferred"]
SUBJECTS = ["expelled", "accusations", "investigated", "cards_issued", "members", "other"]
MEASURES = ["count", "percent"]
QUALIFIERS = ["exact", "approx", "more_than", "at_least", "at_most", "range", "estimate"]
POPULATIONS = ["members", "candidates"]
SEVERITIES = ["info", "warning", "error"]

_SLUG, _DATE = re.compile(SLUG), re.compile(PARTIAL_DATE)

# column: (kind, rule, nullable); kind "in" takes a list, "range" a (low, high) pair
# (None for no bound), "match" a compiled pattern.
RULES: dict[str, dict[str, tuple[str, object, bool]]] = {
    "sentences": {
        "trial_id": ("match", _SLUG, True),
        "penalty": ("in", PENALTIES, False),
        "term_years": ("range", (0, MAX_TERM), True),
        "rights_deprivation_years": ("range", (0, MAX_TERM), True),
        "date": ("match", _DATE, True),
        "basis": ("in", BASES, False),
    },
    "expulsion_stats": {
        "subject": ("in", SUBJECTS, False),
        "measure": ("in", MEASURES, False),
        "value": ("range", (0, None), False),
        "value_max": ("range", (0, None), True),
        "qualifier": ("in", QUALIFIERS, False),
        "year_start": ("range", YEARS_COVERED, True),
        "year_end": ("range", YEARS_COVERED, True),
        "population": ("in", POPULATIONS, True),
    },
    "trials": {
        "trial_id": ("match", _SLUG, False),
        "start_date": ("match", _DATE, True),
        "end_date": ("match", _DATE, True),
        "defendants_stated": ("range", (1, None), True),
    },
    "defendants": {"trial_id": ("match", _SLUG, False)},
    "checks": {
        "rule": ("match", _SLUG, False),
        "severity": ("in", SEVERITIES, True),
    },
}


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _column_problem(kind: str, rule: object, value: object) -> str | None:
    if kind == "in" and value not in rule:  # type: ignore[operator]
        return f"one of {', '.join(rule)}"  # type: ignore[arg-type]
    if kind == "match" and not (isinstance(value, str) and rule.match(value)):  # type: ignore[attr-defined]
        return f"matching {rule.pattern}"  # type: ignore[attr-defined]
    if kind == "range":
        low, high = rule  # type: ignore[misc]
        number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
        if number is None or math.isnan(number):
            return "a number"
        if low is not None and number < low:
            return f"at least {low}"
        if high is not None and number > high:
            return f"at most {high}"
    return None


def problems(resource: str, fields: dict) -> list[tuple[str, object, str]]:
    """(column, value, rule) for every value of an extracted record that its resource's
    schema would refuse; the columns an extractor does not set are not looked at."""
    found = []
    for column, (kind, rule, nullable) in RULES.get(resource, {}).items():
        if column not in fields:
            continue
        value = fields[column]
        if _missing(value):
            if not nullable:
                found.append((column, value, "a value is required"))
            continue
        why = _column_problem(kind, rule, value)
        if why:
            found.append((column, value, why))
    if resource == "expulsion_stats":
        found += _stat_problems(fields)
    labels = [fields.get(c) for c in ("inference_rule", "inferred_from") if c in fields]
    inferred = resource == "sentences" and fields.get("basis") == "inferred"
    if inferred and labels and any(_missing(label) for label in labels):
        found.append(("basis", "inferred", "an inferred row names its rule and its passages"))
    return found


def _stat_problems(fields: dict) -> list[tuple[str, object, str]]:
    """The checks across columns of an expulsion statistic."""
    found = []
    value, top = fields.get("value"), fields.get("value_max")
    numeric = [v for v in (value, top) if isinstance(v, int | float) and not _missing(v)]
    if len(numeric) == 2 and top < value:  # type: ignore[operator]
        found.append(("value_max", top, f"at least the value ({value})"))
    if fields.get("measure") == "percent" and numeric and max(numeric) > 100:
        found.append(("value", max(numeric), "at most 100 (a per cent)"))
    start, end = fields.get("year_start"), fields.get("year_end")
    if isinstance(start, int) and isinstance(end, int) and end < start:
        found.append(("year_end", end, f"at least year_start ({start})"))
    return found
