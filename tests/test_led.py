"""Led patterns (etl/lang/led.py) find what the patterns they lead find: the same matches
and groups in every window of the texts, twins of ASCII letters too; a pattern whose
syntax does not say how its matches begin, or that can match nothing, is kept as it is."""

import re
from pathlib import Path

import pytest

from etl.extract import expulsions
from etl.extract.sentences import author, kin, penalties
from etl.lang import names as N
from etl.lang import text as T
from etl.lang.knowledge import load_knowledge
from etl.lang.led import led

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = [
    "Between 400 and 500 were expelled in 1933; some twenty-one thousand since 1930, "
    "one in five, every tenth; Half of the members. On 3 May 1937 he was SHOT.",
    "Straße \u212avmn ſhot İmprisonment ſeptember 3, 1937 — MAİ 3, 1937, the ITL, 8 yrs.",
]


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


def texts() -> list[str]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return [*SAMPLES, seeds[1][:40_000], seeds[3][:20_000]]


def windows(text: str) -> list[tuple[int, int]]:
    size = len(text)
    step = max(1, size // 150)
    return [(a, min(size, a + w)) for a in range(0, size, step) for w in (5, 60, 400)]


def unled(pattern: re.Pattern) -> re.Pattern:
    """The pattern a led pattern leads."""
    text = pattern.pattern
    return re.compile(text[text.index("])(?:") + 5 : -1], pattern.flags)


def led_patterns(kb) -> list[re.Pattern]:
    anyone, each = penalties.penalty_patterns(kb)
    months = tuple(T._per_kb(kb, "months", "name", "month"))
    return [
        expulsions.YEAR,
        expulsions.DECADE,
        expulsions.RANGE,
        expulsions.FIGURE,
        kb.derived("stats_topic", expulsions._topic),
        anyone,
        *(p for p, _ in each),
        *(penalties.term_pattern(kb, kind) for kind in ("verdict", "not_verdict", "body")),
        *T._date_patterns(months),
        T._no_break_before(kb),
        N.TOKEN,
        N._NUMBER,
        author.TITLED,
        author.SELF_NAMED,
        kb.derived("kin_introduction", kin._introduction),
    ]


def test_the_extractors_patterns_are_led(kb):
    assert all(p.pattern.startswith("(?=[") for p in led_patterns(kb))


def test_led_patterns_match_as_the_patterns_they_lead(kb):
    for pattern in led_patterns(kb):
        plain = unled(pattern)
        for text in texts():
            assert [m.span() for m in pattern.finditer(text)] == [
                m.span() for m in plain.finditer(text)
            ]
            for start, end in windows(text):
                one, other = pattern.search(text, start, end), plain.search(text, start, end)
                assert (one and (one.span(), one.groups())) == (
                    other and (other.span(), other.groups())
                ), (pattern.pattern, start, end)


@pytest.mark.parametrize(
    ("source", "flags", "lead"),
    [
        (r"(?<!x )\b(19\d\d)\b", 0, "(?=[1])"),
        (r"\bone|\d+|(?:half)?s", re.I, r"(?=[\dhos])"),
        (r"(?:a|b)?c+", 0, "(?=[abc])"),
        (r"(?<=x)\s*-?\d", 0, r"(?=[\-\d\s])"),
    ],
)
def test_a_pattern_is_led_by_the_characters_its_matches_begin_with(source, flags, lead):
    assert led(re.compile(source, flags)).pattern == f"{lead}(?:{source})"


@pytest.mark.parametrize(
    "source",
    [r"\bx?", r"(?i)abc", r"[^a]b", r".b", r"(a)?\1b", r"(?i:a)b", r"(?x) a # comment"],
)
def test_a_pattern_that_does_not_say_is_kept(source):
    pattern = re.compile(source)
    assert led(pattern) is pattern


def test_twins_of_ascii_letters_are_led_in_as_the_pattern_matches_them():
    for source in (r"shot", r"kvmn", r"imprisonment", r"mai"):
        pattern = re.compile(rf"\b{source}\b", re.I)
        for text in SAMPLES:
            assert [m.span() for m in led(pattern).finditer(text)] == [
                m.span() for m in pattern.finditer(text)
            ]
