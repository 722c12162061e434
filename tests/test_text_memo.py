"""The per-text memo and indexes of etl.lang.text and etl.extract.trials give what the
direct reading gives: every window of a text, every text, twins of ASCII letters too."""

from pathlib import Path

import pytest

from etl.extract import trials
from etl.lang import text as T
from etl.lang.knowledge import load_knowledge

ROOT = Path(__file__).resolve().parent.parent
# Characters that re.IGNORECASE takes for ASCII letters: the long s, the Kelvin sign, the
# dotless i and the dotted I; the last also becomes two characters in str.lower.
ODD = "ſeptember 1937, \u212aamenev, Zınoviev-Kamenev trial of 1936, MAİ 3, 1937. "
SAMPLES = [
    "On 19-24 August 1936 the trial of the sixteen began. The Zinoviev–Kamenev trial "
    "(1936) ended.\nSentenced 12.VIII.1937 and 3.09.1938; JANOV was shot in Mai 26th, 1937.",
    ODD + "The trial of the Generals, June 11, 1937. TRIAL OF THE TWENTY-ONE, March 1938.",
    "Straße İstanbul ﬁ — the Bukharin-Rykov trial of March 2-13th 1938 (Jan 1938).",
]


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


def texts() -> list[str]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return SAMPLES + seeds[:2]


def windows(text: str) -> list[tuple[int, int]]:
    size = len(text)
    step = max(1, size // 40)
    return [(a, min(size, a + w)) for a in range(0, size, step) for w in (1, 17, 90, 400)]


def test_month_and_year_marks_are_where_the_patterns_match(kb):
    months = tuple(T._per_kb(kb, "months", "name", "month"))
    for text in texts():
        for variant in (text, text.replace("\n", " ")):
            dots, named = T._date_marks(variant, kb)
            starts = [m.start() for m in T._month_starts(months).finditer(variant)]
            assert named == [at for at in starts if not variant[at].islower()]
            assert dots == [i for i in range(len(variant)) if T._YEAR_DOT.match(variant, i)]


def test_ascii_folding_refuses_the_twins(kb):
    assert T.ascii_folded(ODD, kb) is None
    assert T.ascii_folded("Straße", kb) == "straße"


def test_dates_of_every_window_as_read_directly(kb):
    for text in texts():
        for start, end in windows(text):
            for year in ("", "1937"):
                expected = T._find_dates(text, kb, start, end, year)
                assert T.find_dates(text, kb, start, end, default_year=year) == expected
                assert T.find_dates(text, kb, start, end, default_year=year) == expected


def test_a_month_spelt_with_a_twin_letter_is_read(kb):
    # "MAİ" matches the month "mai" under re.IGNORECASE but is no key of months.csv;
    # "ſeptember" begins with a small letter, so it is not read as a month (as "may").
    assert [(d.start, ODD[slice(*d.span)]) for d in T.find_dates(ODD, kb)] == [
        ("1937-05-03", "MAİ 3, 1937")
    ]


def test_dates_without_the_marks(kb, monkeypatch):
    """The marks only skip windows that hold no date: with marks everywhere, so that every
    window is read in full, the dates are the same."""
    for text in [SAMPLES[0], SAMPLES[2]]:
        expected = {w: T.find_dates(text, kb, *w) for w in windows(text)}
        T._MEMOS.clear()
        every = list(range(len(text)))
        monkeypatch.setattr(T, "_date_marks", lambda _t, _kb, e=every: (e, e))
        assert {w: T.find_dates(text, kb, *w) for w in windows(text)} == expected
        monkeypatch.undo()
        T._MEMOS.clear()


def test_sentences_memo_is_a_pure_function(kb):
    for text in SAMPLES:
        first = list(T.sentences(text, kb=kb))
        T._MEMOS.clear()
        assert list(T.sentences(text, kb=kb)) == first == list(T.sentences(text, kb=kb))
        assert list(T.sentences(text, 5, 60, kb=kb, across_lines=True)) == list(
            T._sentences(text, 5, 60, kb, True)
        )


def test_alias_starts_are_every_match_of_each_alias(kb):
    anywhere = trials._starts_pattern(kb)
    for text in texts():
        candidates = [m.start() for m in anywhere.finditer(text)]
        expected = [[a for a in candidates if p.match(text, a)] for _, p, _ in trials.aliases(kb)]
        assert trials._alias_starts(text, kb) == expected


def test_trial_mentions_of_every_window_as_read_directly(kb):
    for text in SAMPLES:
        for start, end in windows(text):
            for context in ("", "1936"):
                got = trials.trial_mentions(text, start, end, kb, context)
                assert got == trials._trial_mentions(text, start, end, kb, context, None)
