"""Sentences: explicit, collective and inferred, reconciled; values read from the texts."""

from pathlib import Path

import pandas as pd
import pytest

from etl.build import assemble
from etl.project import Project
from tests.conftest import register

SOUSA = "sousa-class-struggle-thirties"


@pytest.fixture(scope="module")
def frames(seed_frames) -> dict[str, pd.DataFrame]:
    return {name: frame.copy() for name, frame in seed_frames.items()}


def by_person(frame: pd.DataFrame, persons: pd.DataFrame) -> pd.DataFrame:
    surname = persons.set_index("person_id")["surname"]
    return frame.assign(surname=frame.person_id.map(surname))


def test_the_four_moscow_trials_give_55_deaths_and_7_prison_terms(frames):
    s = frames["sentences"]
    trial_rows = s[(s.source_id == SOUSA) & s.trial_id.notna()]
    assert len(trial_rows) == 62
    assert trial_rows.penalty.value_counts().to_dict() == {"death": 55, "imprisonment": 7}
    per_trial = trial_rows.groupby("trial_id").size().to_dict()
    assert per_trial == {
        "trotskyite-zinovievite-centre-1936": 16,
        "anti-soviet-trotskyite-centre-1937": 17,
        "military-trial-1937": 8,
        "bloc-of-rights-and-trotskyites-1938": 21,
    }


def test_prison_terms_rights_and_confiscation(frames):
    s = by_person(frames["sentences"], frames["persons"])
    prison = s[(s.source_id == SOUSA) & (s.penalty == "imprisonment") & s.trial_id.notna()]
    terms = dict(zip(prison.surname, prison.term_years, strict=True))
    # Line 691: Radek, Sokolnikov, Arnold ten years, Stroilov eight; line 1626: Pletnev 25,
    # Rakovsky 20, Bessonov 15; all deprived of rights for five years after the term.
    assert terms == {
        "Radek": 10,
        "Sokolnikov": 10,
        "Arnold": 10,
        "Stroilov": 8,
        "Pletnev": 25,
        "Rakovsky": 20,
        "Bessonov": 15,
    }
    assert set(prison.rights_deprivation_years) == {5}
    assert prison.confiscation.all()
    jan_1937 = s[s.trial_id == "anti-soviet-trotskyite-centre-1937"]
    assert set(jan_1937.date) == {"1937-01-30"}  # "pronounced on 30th January 1937"


def test_inferred_rows_are_labelled_and_point_at_their_passages(frames):
    s = frames["sentences"]
    inferred = s[s.basis == "inferred"]
    assert inferred.groupby("inference_rule").size().to_dict() == {
        "collective_verdict": 16 + 8,  # "found the sixteen guilty"; the eight generals
        "count_minus_named": 5,  # "18 of the accused" with 13 names, 3 more named after
    }
    assert inferred.inferred_from.str.match(r"^[a-z0-9-]+:\d+-\d+").all()
    explicit = s[s.basis == "explicit"]
    assert explicit.inference_rule.isna().all()
    remaining = by_person(
        inferred[inferred.inference_rule == "count_minus_named"], frames["persons"]
    )
    assert sorted(remaining.surname) == ["Bulanov", "Kazakov", "Levin", "Sharangovich", "Zubarev"]


def test_sentences_outside_the_trials(frames):
    s = by_person(frames["sentences"], frames["persons"])
    smirnov = s[(s.source_id == "sedov-red-book-part-2") & (s.surname == "Smirnov")]
    # Sedov: "sentenced by the GPU to ten years in an isolator", and "Smirnov was shot".
    gpu = smirnov[smirnov.sentencing_body == "GPU"]
    assert list(gpu.term_years) == [10]
    assert "death" in set(smirnov.penalty)
    kamenev = s[(s.source_id == "trotsky-cable-ap-1936") & (s.surname == "Kamenev")]
    # "an additional five years was tacked on to the original five-year sentence"
    assert sorted(kamenev.term_years.dropna()) == [5, 5]


def test_checks_reconcile_the_aggregate_and_catch_the_dates(frames):
    checks = frames["checks"].set_index("rule")
    assert checks.loc["aggregate-reconciled", "severity"] == "info"
    assert "55 death, 7 imprisonment" in checks.loc["aggregate-reconciled", "message"]
    dates = checks.loc["execution-before-arrest"]
    assert dates["subject"] == "military-trial-1937"
    assert "1937-05-12" in dates["message"]
    assert len(dates["evidence"].split(" | ")) == 2


VERDICT = """The trial against the Kharitonov group 3-8 May 1935

Eleven former officials (Orlov, Belov, Gusev, Titov, Markov, Zhukov, Sidorenko, Kuzmin, Volkov, Sorokin and Lebedev) were brought to trial before the Military Collegium.

The court condemned seven of the accused to the supreme penalty (Orlov, Belov, Gusev, Titov and Markov). The four remaining were sentenced to imprisonment and the loss of their rights as citizens during three years after the term. (Zhukov 10 years, Sidorenko 8 years, Kuzmin 6 years and Volkov 5 years).
"""


def add(project: Path, tmp_path: Path, text: str, source_id: str) -> dict[str, pd.DataFrame]:
    path = tmp_path / f"{source_id}.txt"
    path.write_text(text, encoding="utf-8")
    register(project, path, source_id)
    return assemble(Project(project))


def test_a_new_verdict_in_the_same_style(project: Path, tmp_path: Path):
    frames = add(project, tmp_path, VERDICT, "new-verdict")
    s = by_person(frames["sentences"], frames["persons"])
    new = s[s.source_id == "new-verdict"]
    assert set(new.trial_id) == {"the-trial-against-the-kharitonov-group-1935"}
    death = new[new.penalty == "death"]
    assert sorted(death.surname) == [
        "Belov",
        "Gusev",
        "Lebedev",
        "Markov",
        "Orlov",
        "Sorokin",
        "Titov",
    ]
    assert sorted(death[death.basis == "inferred"].surname) == ["Lebedev", "Sorokin"]
    prison = new[new.penalty == "imprisonment"].set_index("surname")
    assert prison.term_years.to_dict() == {"Zhukov": 10, "Sidorenko": 8, "Kuzmin": 6, "Volkov": 5}
    assert set(prison.rights_deprivation_years) == {3}
    trial = (
        frames["trials"].set_index("trial_id").loc["the-trial-against-the-kharitonov-group-1935"]
    )
    assert (trial.start_date, trial.end_date, trial.defendants_stated) == (
        "1935-05-03",
        "1935-05-08",
        11,
    )


def test_an_inference_that_does_not_close_is_reported_not_made(project: Path, tmp_path: Path):
    text = VERDICT.replace("seven of the accused", "nine of the accused")
    frames = add(project, tmp_path, text, "bad-count")
    s = frames["sentences"]
    assert (s[s.source_id == "bad-count"].basis == "explicit").all()
    checks = frames["checks"]
    assert "inference-does-not-close" in set(checks.rule)


def test_a_collective_verdict_whose_count_differs_is_reported(project: Path, tmp_path: Path):
    text = (
        "The trial of the Orlov group 3-8 May 1935\n\n"
        "Four officials (Orlov, Belov, Gusev and Titov) were brought to trial.\n\n"
        "The court found the five guilty and convicted them all to the supreme penalty.\n"
    )
    frames = add(project, tmp_path, text, "collective")
    assert frames["sentences"][frames["sentences"].source_id == "collective"].empty
    assert "collective-count-mismatch" in set(frames["checks"].rule)


def test_a_numbered_verdict_and_pronouns(project: Path, tmp_path: Path):
    text = (
        "The trial of the Kharitonov group 3-8 May 1935\n\n"
        "THE VERDICT. The court heard the case against: "
        "1. Orlov, Pavel Ivanovich, born 1890;\n"
        "2. Belov, Semyon Petrovich, born 1888;\n"
        "3. Gusev, Ivan Fyodorovich, born 1899.\n\n"
        "Olga Belova married Belov in 1920. In June 1935, after his arrest, Olga Belova was exiled "
        "to Tomsk, where she was arrested again. Pavel Orlov was a worker. He was shot on 12 May 1935.\n"
    )
    frames = add(project, tmp_path, text, "numbered")
    d = by_person(frames["defendants"], frames["persons"])
    assert sorted(d[d.source_id == "numbered"].surname) == ["Belov", "Gusev", "Orlov"]
    s = by_person(frames["sentences"], frames["persons"])
    mine = s[s.source_id == "numbered"]
    got = {
        (r.surname, r.penalty, r.date if isinstance(r.date, str) else None)
        for r in mine.itertuples()
    }
    assert ("Belova", "exile", None) in got  # the wife, not her husband: "she" is feminine
    assert ("Orlov", "death", "1935-05-12") in got  # "He was shot on 12 May 1935"
    assert not any(surname == "Belov" for surname, _, _ in got)
