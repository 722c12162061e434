"""Expulsion statistics: number conventions, the table reader, prose figures and checks.

Expected values were read from seeds/001_79c8a30b1e1272db.txt (tables at lines
118-132, 139-157, 192-210, 274-294, 989-1004) and seeds/004_d38fd9dfad4cb94a.txt.
"""

import pandas as pd
import pytest

from etl.extract import expulsions
from etl.lang.corpus import Source
from etl.lang.knowledge import load_knowledge
from etl.lang.numbers import parse_number

KB = load_knowledge()
SOUSA = "sousa-class-struggle-thirties"
TROTSKY = "trotsky-oppositionists-expelled-1936"


@pytest.mark.parametrize(
    ("token", "percent", "value"),
    [
        ("170.000", False, 170000),
        ("12.8", True, 12.8),  # dot: thousands vs decimal
        ("4,324", False, 4324),
        ("17,5", True, 17.5),  # comma: thousands vs decimal
        ("1,500", False, 1500),
        ("1,5", False, 1.5),  # three digits after it, or fewer
        ("9,125", True, 9.125),  # a percent cannot be 9125
        ("1.250.000", False, 1250000),
        ("25", True, 25),
    ],
)
def test_parse_number_conventions(token, percent, value):
    assert parse_number(token, percent=percent) == value


def test_parse_number_refuses_words():
    with pytest.raises(ValueError, match="not a numeral"):
        parse_number("ten")


def clean(value: object) -> object:
    """NaN (a missing number or string in a frame) as None, for comparing tuples."""
    return None if pd.isna(value) else value


def rows_of(text: str) -> list[dict]:
    source = Source.from_text("t", text)
    return [r.fields | {"quote": r.span.quote} for r in expulsions.extract(source, KB)]


NBSP = "\u00a0"
MY_TABLE = (
    "Expulsions from the party in the Ivanovo region 1934[3]\n\n"
    "(Ivanov: Party statistics)\n\n"
    f"Cause{NBSP * 8}Number expelled\tPer cent\n\n"
    f"Passivity{NBSP * 4}  1.204{NBSP * 6}41,5\n\n"
    "Alien elements      --          12.3\n\n"
    "Other               1,702       46.2\n\n\n"
    "After the table the text goes on, as texts do, at some length and in full sentences.\n\n"
    "[3] Ivanov 1990, p 12.\n"
)


def test_table_reader_on_a_table_of_my_own():
    rows = rows_of(MY_TABLE)
    got = {(r["category"], r["measure"], r["value"]) for r in rows}
    assert got == {
        ("Passivity", "count", 1204),
        ("Passivity", "percent", 41.5),
        ("Alien elements", "percent", 12.3),  # the "--" count is absent, not zero
        ("Other", "count", 1702),
        ("Other", "percent", 46.2),
    }
    assert {r["year_start"] for r in rows} == {1934}
    assert {r["geography"] for r in rows} == {"Ivanovo region"}
    assert {r["cited_source"] for r in rows} == {"Ivanov 1990, p 12"}
    assert all(r["quote"].startswith(r["category"]) for r in rows)


def test_a_table_about_something_else_is_not_read():
    text = "Results of the elections in 1932, in millions of votes.\n\nSocialists    9,1    8,6\n\nLiberals    3,3    4,6\n"
    assert rows_of(text) == []


def test_prose_figures_with_qualifiers_and_populations():
    text = (
        "In the Tula region, 1,204 members of the party were expelled (9 percent) and "
        "312 candidates (10.5 percent) during the check-up of 1935.\n\n"
        "Not more than five per cent were expelled in 1937, and approximately 2,000 in 1938.\n"
    )
    got = {
        (r["measure"], r["value"], r["population"], r["qualifier"], r["year_start"], r["geography"])
        for r in rows_of(text)
    }
    assert ("count", 1204, "members", "exact", 1935, "Tula region") in got
    assert ("percent", 9, "members", "exact", 1935, "Tula region") in got
    assert ("count", 312, "candidates", "exact", 1935, "Tula region") in got
    assert ("percent", 10.5, "candidates", "exact", 1935, "Tula region") in got
    assert ("percent", 5, None, "at_most", 1937, "USSR") in got


@pytest.fixture(scope="module")
def stats(seed_frames) -> pd.DataFrame:
    return seed_frames["expulsion_stats"].copy(), seed_frames["checks"].copy()


def test_party_expulsions_by_year_table(stats):
    s, _ = stats
    table = s[(s.source_id == SOUSA) & (s.line_start >= 994) & (s.line_start <= 1004)]
    got = {(r.year_start, r.measure, r.value) for r in table.itertuples()}
    assert got == {
        (1929, "count", 170000),
        (1929, "percent", 11),
        (1933, "count", 792000),
        (1933, "percent", 18.5),
        (1935, "count", 170000),
        (1935, "percent", 9),
        (1937, "count", 100000),
        (1937, "percent", 5),
        (1938, "count", 70000),
        (1938, "percent", 2),
    }  # 1936 is "--": no data, no row
    assert set(table.cited_source) == {"Getty 1985, p 177"}


def test_the_other_expulsion_tables(stats):
    s, _ = stats
    table = s[(s.source_id == SOUSA) & (s.extractor == "expulsions.table")]
    first = table[table.line_start.between(126, 132)]
    assert {
        (r.year_start, r.value, clean(r.value_max), r.operation) for r in first.itertuples()
    } == {
        (1919, 10, 15, "re-registration"),
        (1921, 25, None, "purges"),
        (1928, 13, None, "revision in 7 regions"),
        (1929, 11, None, "purges"),
    }
    assert set(first.qualifier) == {"range", "exact"}
    reasons_1933 = table[table.line_start.between(200, 210)].set_index("category").value.to_dict()
    assert reasons_1933["Moral corruption, careerist, bureaucrat"] == 17.5  # "17,5"
    assert reasons_1933["Violation of party discipline"] == 20.9
    smolensk = table[table.line_start.between(279, 294)]
    assert set(smolensk.subject) == {"accusations"} and set(smolensk.geography) == {"Smolensk"}
    assert smolensk[smolensk.category.isna()].value.tolist() == [616]  # the Total row
    assert len(table[table.line_start.between(147, 157)]) == 6


def test_regional_figures_of_the_trotsky_article(stats):
    s, _ = stats
    t = s[(s.source_id == TROTSKY) & (s.subject == "expelled")]
    got = {(r.geography, r.measure, r.value, clean(r.population)) for r in t.itertuples()}
    assert ("Dnieper-Petrovsk province", "count", 2646, None) in got
    assert ("Dnieper-Petrovsk province", "percent", 8, None) in got
    assert ("Azov-Black Sea region", "count", 4324, None) in got
    assert ("West Siberian region", "count", 3576, "members") in got
    assert ("West Siberian region", "count", 1935, "candidates") in got  # "1,935", not a year
    assert ("West Siberian region", "percent", 12.8, "candidates") in got
    kharkov = t[(t.geography == "Kharkov district") & t.category.notna()]
    assert dict(zip(kharkov.category, kharkov.value, strict=True))["kulaks and White Guards"] == 907
    assert len(kharkov) == 5


def test_national_figures_and_qualifiers(stats):
    s, _ = stats
    sousa = s[(s.source_id == SOUSA) & (s.extractor == "expulsions.prose")]
    national = {
        (r.year_start, r.measure, r.value, r.qualifier)
        for r in sousa[sousa.geography == "USSR"].itertuples()
    }
    assert (1935, "count", 170000, "exact") in national
    assert (1935, "percent", 9.1, "exact") in national
    assert (1937, "percent", 5, "at_most") in national  # "not more than five per cent"
    trotsky = s[s.source_id == TROTSKY]
    assert ((trotsky.value == 200000) & (trotsky.qualifier == "more_than")).any()
    assert (
        (trotsky.value == 10) & (trotsky.measure == "percent") & (trotsky.qualifier == "approx")
    ).any()
    assert (trotsky.qualifier == "estimate").sum() >= 3  # the author's own computations


def test_no_year_footnote_or_page_is_a_statistic(stats):
    s, _ = stats
    counts = s[s.measure == "count"]
    yearlike = counts[counts.value.between(1900, 1960)]
    assert yearlike.value.tolist() == [1935]  # only "1,935 candidates"
    assert not (
        (s.value <= 133) & (s.measure == "count") & s.quote.str.fullmatch(r"\[\d+\].*")
    ).any()


def test_cross_checks(stats):
    _, checks = stats
    rules = dict(zip(checks.rule, checks.message, strict=False))
    assert (
        "170000 of 1.8e+06 is 9.4 per cent; the text says 9.1"
        in rules["percent-does-not-match-counts"]
    )
    sums = checks[checks.rule == "breakdown-sums"].message.tolist()
    assert "the breakdown sums to 616; the total row says 616" in sums
    assert sums.count("the breakdown in per cent sums to 100") == 2
