"""Extraction spread over workers gives what extracting each text whole gives: a long text
is split into one job per extractor, and its records are those of its jobs in order."""

from pathlib import Path

from etl.build import _parts, extract_text, extraction
from etl.extract import extractors
from etl.lang.corpus import Source
from etl.lang.knowledge import load_knowledge

ROOT = Path(__file__).resolve().parent.parent


def test_a_text_over_a_workers_share_is_split_by_extractor():
    names = tuple(extractors())
    assert len(names) > 1
    each = _parts({0: 10}, 2)  # one text left to extract: every core on it
    assert sorted(name for _, group in each for name in group) == sorted(names)
    assert ("sentences", "trials") in [group for _, group in each]  # one reads the other
    # the largest first; a text of more than 1/jobs of the characters is split
    assert _parts({0: 600, 1: 300, 2: 100}, 2) == [*each, (1, None), (2, None)]
    assert _parts({0: 500, 1: 500}, 2) == [(0, None), (1, None)]
    assert _parts({0: 900, 1: 100}, 1) == [(0, None), (1, None)]


def test_split_extraction_gives_the_records_of_each_whole_text(monkeypatch):
    monkeypatch.setenv("ETL_JOBS", "2")
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    sources = [Source.from_text(p.stem, p.read_text(encoding="utf-8")) for p in paths]
    sources = [s for s in sources if len(s.text) < 50_000]  # the short ones, one over half
    assert max(len(s.text) for s in sources) * 2 > sum(len(s.text) for s in sources)
    kb = load_knowledge()
    with extraction(sources) as results:
        found = list(results)
    assert found == [extract_text(source, kb) for source in sources]


def test_trial_records_read_once_are_those_read_directly():
    """The trials extractor gives the records the sentence rules read first (one reading a
    text and knowledge); a direct reading gives the same, and another knowledge reads
    again."""
    from etl.extract import trials

    kb = load_knowledge()
    path = sorted((ROOT / "seeds").glob("*.txt"))[1]  # the one that names trials
    source = Source.from_text(path.stem, path.read_text(encoding="utf-8"))
    direct = list(trials._extract(source, kb))
    assert any(r.resource == "defendants" for r in direct)
    assert list(trials.extract(source, kb)) == direct
    assert trials.trial_records(source, kb) is trials.trial_records(source, kb)
    other = load_knowledge.__wrapped__()
    assert trials.trial_records(source, other) is not trials.trial_records(source, kb)
