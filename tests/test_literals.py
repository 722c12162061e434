"""The quick test of etl.lang.literals rules out only passages where the search finds
nothing: every window of a text, every penalty pattern, twins of ASCII letters too."""

import re
from pathlib import Path

import pytest

from etl.extract import expulsions, trials
from etl.extract.sentences import penalties
from etl.extract.sentences.lists import PARTITIVE_OF
from etl.extract.sentences.penalties import penalty_patterns
from etl.lang import literals as L
from etl.lang.knowledge import load_knowledge

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = [
    "He was sentenced to death. She received ten years; they were SHOT on 3 May.\n"
    "Kamenev – shoot. Exiled to Narym; the troika: VMN. Sent. by the Mil. Coll. to death.",
    "Straße \u212avmn ſhot İmprisonment — the ITL, 8 yrs. of the Gulag (sentenced in absentia)",
]


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


def texts() -> list[str]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return [*SAMPLES, seeds[1][:60_000]]


def windows(text: str) -> list[tuple[int, int]]:
    size = len(text)
    step = max(1, size // 200)
    return [(a, min(size, a + w)) for a in range(0, size, step) for w in (3, 40, 160, 700)]


def test_required_words_of_a_pattern():
    words = L.required_words
    assert words(re.compile(r"\b(?:to|by) shooting\b", re.I)) == {" shooting"}
    assert words(re.compile(r"(?:Gulag|camps?)|katorga", re.I)) == {"gulag", "camp", "katorga"}
    # the opening the parser takes out of the branches is put back on each
    assert words(re.compile(r"\d+\s*(?:yrs?\.?|years?)", re.I)) == {"yr", "year"}
    # a look-behind may see before the window: its words are not required in it
    assert words(re.compile(r"(?<=sentenced )to", re.I)) == {"to"}
    assert words(re.compile(r"sent(?=\.? by the troika)", re.I)) == {" by the troika"}
    # a branch with an alternative that needs no word, an optional group: no word
    assert words(re.compile(r"\d+|years?", re.I)) is None
    assert words(re.compile(r"(?:shot)?\d+", re.I)) is None


def quick_tested(kb) -> list[re.Pattern]:
    """The patterns the extractors search only where the quick test rules them in."""
    anyone, each = penalty_patterns(kb)
    return [
        anyone,
        *(p for p, _ in each),
        PARTITIVE_OF,
        trials.cue_pattern(kb, "defendant"),
        kb.derived("stats_topic", expulsions._topic),
    ]


def test_no_window_ruled_out_where_a_pattern_matches(kb):
    for text in texts():
        for pattern in quick_tested(kb):
            for start, end in windows(text):
                if not L.may_search(pattern, text, start, end, kb):
                    assert pattern.search(text, start, end) is None, (pattern, start, end)
                    # nor in the window cut out of its text (no look-behind before it)
                    assert pattern.search(text[start:end]) is None, (pattern, start, end)


def test_a_text_with_twins_is_always_searched(kb):
    anyone, _ = penalty_patterns(kb)
    assert L.word_places(anyone, SAMPLES[1], kb) is None
    assert L.may_search(anyone, SAMPLES[1], 0, 3, kb)


def test_penalties_as_without_the_quick_test(kb, monkeypatch):
    """The quick test only skips windows where no penalty is found: with it passing every
    window, so that each is searched in full, the penalties are the same."""
    text = texts()[-1][:20_000] + SAMPLES[0]
    spans = windows(text)
    quick = {w: penalties.penalties_in(text, *w, kb) for w in spans}
    assert any(quick.values())
    monkeypatch.setattr(penalties, "may_search", lambda *_: True)
    assert {w: penalties.penalties_in(text, *w, kb) for w in spans} == quick
