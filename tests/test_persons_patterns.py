"""The person patterns' look-ahead for the characters a match can start with changes no
match: with it and without it, the same spans on the seeds and on odd texts."""

import re
from pathlib import Path

from etl.extract import persons
from etl.lang.knowledge import load_knowledge

ROOT = Path(__file__).resolve().parent.parent


def test_the_look_ahead_changes_no_match():
    kb = load_knowledge()
    _, titled, full = persons._patterns(kb)
    assert titled.pattern.startswith("(?=[") and full.pattern.startswith("(?=[")
    plain = [re.compile(p.pattern[p.pattern.index("])") + 2 :]) for p in (titled, full)]
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts.append("prosecutor Vyshinsky, Ádám Nagy, Ö. Ä. Ölund, I.N. Smirnov, the judge Ulrikh")
    for text in texts:
        for fast, slow in zip((titled, full), plain, strict=True):
            assert [m.span() for m in fast.finditer(text)] == [
                m.span() for m in slow.finditer(text)
            ]
