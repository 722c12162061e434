"""Odd numbers in texts never block a release (issue 15, item 5).

A value a text states that the schema cannot hold becomes a `checks` warning
with its span, not a row; property-based tests mutate seed texts at random
(digits, punctuation, unicode, line breaks) and require that they always
build and that every row passes the schema.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.build import assemble
from etl.contract.validate import check_frame
from etl.contribute.registry import add_source
from etl.extract import Record, extract_source, guarded
from etl.lang import bounds
from etl.lang.corpus import Source
from etl.lang.knowledge import load_knowledge
from etl.project import Project
from tests.conftest import REPO

pytestmark = pytest.mark.usefixtures("dist_unchanged")

NBSP = "\u00a0"
TABLE = (
    "Expulsions from the party in the Ivanovo region 1934[3]\n\n"
    "(Ivanov: Party statistics)\n\n"
    f"Cause{NBSP * 8}Number expelled\tPer cent\n\n"
    f"Passivity{NBSP * 4}  1.204{NBSP * 6}50-19\n\n"
    "Alien elements      --          12.3\n\n"
    "Other               1,702       46.2\n\n\n"
    "After the table the text goes on, as texts do, at some length and in full sentences.\n\n"
    "[3] Ivanov 1990, p 12.\n"
)


def tiny_repo(root: Path, texts: dict[str, str]) -> Path:
    """A repository holding only `texts` (id: content), registered and pinned."""
    (root / "seeds").mkdir(parents=True)
    for number, (source_id, text) in enumerate(texts.items()):
        path = root / f"{number:03d}.txt"
        path.write_text(text, encoding="utf-8", newline="")
        add_source(
            path,
            source_id=source_id,
            title="T",
            author="A",
            written="1936",
            origin="written for this test",
            license="CC0",
            project=Project(root),
        )
    return root


def test_descending_range_becomes_a_warning_with_its_span(tmp_path, monkeypatch):
    monkeypatch.setenv("ETL_JOBS", "1")
    frames = assemble(Project(tiny_repo(tmp_path / "repo", {"ivanovo": TABLE})))
    stats, checks = frames["expulsion_stats"], frames["checks"]
    assert not (stats.value_max < stats.value).any()
    assert "Passivity" in set(stats.category)  # the row's count is kept, only the range goes
    warning = checks[checks.rule == "value-out-of-bounds"]
    assert len(warning) == 1
    start = TABLE.index("Passivity")
    end = TABLE.index("50-19") + len("50-19")
    assert warning.evidence.iloc[0] == f"ivanovo:{start}-{end}"
    assert "value_max 19.0 is not at least the value (50.0)" in warning.message.iloc[0]
    assert warning.severity.iloc[0] == "warning"


def stat(**fields: object) -> Record:
    base = {
        "subject": "expelled",
        "measure": "percent",
        "value": 9.0,
        "value_max": None,
        "qualifier": "exact",
        "year_start": 1935,
        "year_end": 1935,
        "geography": "USSR",
    }
    source = Source.from_text("t", "The per cent was 146 in 1935.\n")
    return Record("expulsion_stats", {**base, **fields}, source.span(0, 29), "expulsions.prose")


@pytest.mark.parametrize(
    ("record", "said"),
    [
        (stat(value=146.0), "value 146.0 is not at most 100 (a per cent)"),
        (stat(value=50.0, value_max=19.0), "value_max 19.0 is not at least the value (50.0)"),
        (stat(year_start=1989, year_end=1989), "year_start 1989 is not at most 1960"),
        (stat(year_start=1936, year_end=1935), "year_end 1935 is not at least year_start (1936)"),
        (stat(measure="count", value=-3.0), "value -3.0 is not at least 0"),
    ],
    ids=["percent-over-100", "descending-range", "year-outside", "years-reversed", "negative"],
)
def test_a_value_the_schema_cannot_hold_becomes_a_warning(record, said):
    out = guarded(record)
    assert out.resource == "checks" and out.span == record.span
    assert out.fields["rule"] == "value-out-of-bounds"
    assert said in out.fields["message"]


def test_a_term_over_the_maximum_becomes_a_warning():
    source = Source.from_text("t", "Smirnov was sentenced to eighty years.\n")
    fields = {"penalty": "imprisonment", "term_years": 80.0, "basis": "explicit"}
    out = guarded(Record("sentences", fields, source.span(0, 38), "sentences.named"))
    assert out.resource == "checks"
    assert f"term_years 80.0 is not at most {bounds.MAX_TERM}" in out.fields["message"]


def test_a_value_the_schema_holds_is_kept():
    record = stat(value=100.0)
    assert guarded(record) is record


def test_texts_with_values_out_of_bounds_give_no_row_out_of_bounds():
    """Over-100 per cents, long terms and far years in prose: no such row is emitted."""
    text = (
        "In 1935, 146 per cent of the members were expelled.\n\n"
        "Smirnov was sentenced to eighty years of imprisonment.\n\n"
        "In 1989, 20,000 were expelled from the party.\n"
    )
    rows = extract_source(Source.from_text("t", text), load_knowledge())
    for record in rows:
        assert bounds.problems(record.resource, record.fields) == [], record


def test_extraction_bounds_import_no_pandas():
    code = "import sys, etl.lang.bounds, etl.extract; sys.exit('pandas' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=REPO.root).returncode == 0


# Property-based: the schema's bounds and the pure-Python guard agree.

numbers = st.one_of(st.none(), st.floats(-10, 300, allow_nan=False), st.integers(-5, 2000))
years = st.one_of(st.none(), st.integers(1850, 2000))


@settings(max_examples=60, deadline=None)
@given(
    value=st.floats(-10, 300, allow_nan=False),
    value_max=numbers,
    measure=st.sampled_from([*bounds.MEASURES, "share"]),
    year_start=years,
    year_end=years,
)
def test_guard_and_schema_agree_on_statistics(value, value_max, measure, year_start, year_end):
    record = stat(
        value=value,
        value_max=None if value_max is None else float(value_max),
        measure=measure,
        year_start=year_start,
        year_end=year_end,
    )
    row = {**record.row(), "stat_id": "s", "population": None, "category": None}
    row.update(operation=None, cited_source=None)
    frame = pd.DataFrame([row])
    for column in ("value", "value_max"):
        frame[column] = frame[column].astype("float64")
    for column in ("year_start", "year_end"):
        frame[column] = frame[column].astype("Int64")
    schema_refuses = bool(check_frame("expulsion_stats", frame[list(row)]))
    guard_refuses = bool(bounds.problems("expulsion_stats", record.fields))
    assert guard_refuses == schema_refuses, (record.fields, check_frame("expulsion_stats", frame))


# Property-based: mutated seed texts always build, and every row passes the schema.

SMALL_SEEDS = {  # the two short seeds and the statistics table of my own: a small corpus
    "telegram": "000_dd2c6800fc199924.txt",
    "cable": "002_00f24f511f1c3f60.txt",
}
INSERTS = st.one_of(
    st.sampled_from(
        [
            "50-19",
            "146 per cent",
            "sentenced to 80 years",
            "in 1989",
            "12,5",
            "\n",
            "\r\n",
            "\n\n",
            "\u00a0\u00a0",
            "1.",
            "—",
            "(A. B, C and D)",
            "\ufeff",
            "ß",
            "–",
        ]
    ),
    st.text(
        alphabet=st.characters(categories=["Nd", "Po", "Pd", "Zs", "Lu", "Ll", "So"]),
        max_size=6,
    ),
)
MUTATIONS = st.lists(st.tuples(st.floats(0, 1), st.integers(0, 6), INSERTS), min_size=1, max_size=8)


def mutate(text: str, mutations: list[tuple[float, int, str]]) -> str:
    """Replace `cut` characters at a relative position by `insert`, for each mutation."""
    for where, cut, insert in mutations:
        at = int(where * len(text))
        text = text[:at] + insert + text[at + cut :]
    return text if text.strip() else "x"


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(mutations=MUTATIONS, table_mutations=MUTATIONS)
def test_mutated_texts_always_build_and_every_row_passes(
    tmp_path_factory, monkeypatch, mutations, table_mutations
):
    monkeypatch.setenv("ETL_JOBS", "1")
    texts = {
        source_id: mutate((REPO.seeds / name).read_text(encoding="utf-8"), mutations)
        for source_id, name in SMALL_SEEDS.items()
    }
    texts["table"] = mutate(TABLE, table_mutations)
    frames = assemble(Project(tiny_repo(tmp_path_factory.mktemp("mutated"), texts)))  # validates
    for name, frame in frames.items():
        assert check_frame(name, frame) == [], name
