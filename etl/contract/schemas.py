"""The Pandera models of every published resource: the one place columns are defined.

The Frictionless Table Schemas in each release (and in `schemas/`) are
generated from these models by `etl.contract.tableschema`; primary and foreign keys
are declared here, in each model's `Config.metadata`, and nowhere else.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from etl.lang.bounds import (  # the bounds live in a pandas-free module, so extraction can use them
    BASES,
    MAX_TERM,
    MEASURES,
    PARTIAL_DATE,
    PENALTIES,
    POPULATIONS,
    QUALIFIERS,
    SEVERITIES,
    SLUG,
    SUBJECTS,
    YEARS_COVERED,
)

Int = pd.Int64Dtype
Bool = pd.BooleanDtype


class Provenance(pa.DataFrameModel):
    """Where a row was read: checked against the source on every build."""

    source_id: Series[str] = pa.Field(str_matches=SLUG)
    line_start: Series[int] = pa.Field(ge=1)
    line_end: Series[int] = pa.Field(ge=1)
    char_start: Series[int] = pa.Field(ge=0)
    char_end: Series[int] = pa.Field(ge=1)
    quote: Series[str] = pa.Field(str_length={"min_value": 1})
    extractor: Series[str] = pa.Field(str_matches=r"^[a-z][a-z0-9_.]*$")

    @pa.dataframe_check(error="line_end >= line_start")
    def lines_ordered(cls, df: pd.DataFrame) -> Series[bool]:
        return df["line_end"] >= df["line_start"]

    @pa.dataframe_check(error="char_end > char_start")
    def chars_ordered(cls, df: pd.DataFrame) -> Series[bool]:
        return df["char_end"] > df["char_start"]


class Sources(pa.DataFrameModel):
    """One row per text."""

    source_id: Series[str] = pa.Field(str_matches=SLUG, unique=True)
    path: Series[str]
    sha256: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{64}$")
    title: Series[str]
    author: Series[str]
    written: Series[str] = pa.Field(str_matches=PARTIAL_DATE)
    origin: Series[str]
    license: Series[str]
    lines: Series[int] = pa.Field(ge=1)
    chars: Series[int] = pa.Field(ge=1)

    class Config:
        strict = True
        ordered = True
        metadata = {"primary_key": ["source_id"], "title": "Source texts"}


class Persons(pa.DataFrameModel):
    """One row per real person.

    `variants` holds every spelling the texts use, `merged_by` says why each
    spelling other than the first was merged ("Goltsman: same transliteration
    key"), `roles` what the texts make of the person (defendant, judge,
    prosecutor, military, diplomat, official, or "cited author" for a name in a
    text's notes: scholars cited as literature); all three are joined by " | ".
    """

    person_id: Series[str] = pa.Field(str_matches=SLUG, unique=True)
    name: Series[str]
    surname: Series[str]
    variants: Series[str]
    merged_by: Series[str] = pa.Field(nullable=True)
    roles: Series[str] = pa.Field(nullable=True)

    class Config:
        strict = True
        ordered = True
        metadata = {"primary_key": ["person_id"], "title": "Persons"}


class Mentions(Provenance):
    """One row per occurrence of a person's name in a text."""

    mention_id: Series[str] = pa.Field(unique=True)
    person_id: Series[str] = pa.Field(str_matches=SLUG)
    name_as_written: Series[str]

    class Config:
        strict = True
        metadata = {
            "primary_key": ["mention_id"],
            "foreign_keys": [("person_id", "persons", "person_id")],
            "title": "Mentions of persons",
        }


class Trials(Provenance):
    """One row per trial, with the provenance of its defining passage."""

    trial_id: Series[str] = pa.Field(str_matches=SLUG, unique=True)
    name: Series[str]
    aliases: Series[str] = pa.Field(nullable=True)
    start_date: Series[str] = pa.Field(str_matches=PARTIAL_DATE, nullable=True)
    end_date: Series[str] = pa.Field(str_matches=PARTIAL_DATE, nullable=True)
    place: Series[str] = pa.Field(nullable=True)
    court: Series[str] = pa.Field(nullable=True)
    presiding_judge: Series[str] = pa.Field(nullable=True)
    prosecutor: Series[str] = pa.Field(nullable=True)
    public: Series[Bool] = pa.Field(nullable=True)
    defendants_stated: Series[Int] = pa.Field(ge=1, nullable=True)

    class Config:
        strict = True
        metadata = {"primary_key": ["trial_id"], "title": "Trials"}


class Defendants(Provenance):
    """Claim: source S names P as a defendant of trial T."""

    defendant_id: Series[str] = pa.Field(unique=True)
    trial_id: Series[str] = pa.Field(str_matches=SLUG)
    person_id: Series[str] = pa.Field(str_matches=SLUG)

    class Config:
        strict = True
        metadata = {
            "primary_key": ["defendant_id"],
            "foreign_keys": [
                ("trial_id", "trials", "trial_id"),
                ("person_id", "persons", "person_id"),
            ],
            "title": "Defendants (claims)",
        }


class Sentences(Provenance):
    """Claim: source S says P was sentenced to X."""

    sentence_id: Series[str] = pa.Field(unique=True)
    person_id: Series[str] = pa.Field(str_matches=SLUG)
    trial_id: Series[str] = pa.Field(str_matches=SLUG, nullable=True)
    penalty: Series[str] = pa.Field(isin=PENALTIES)
    term_years: Series[float] = pa.Field(ge=0, le=MAX_TERM, nullable=True)
    rights_deprivation_years: Series[float] = pa.Field(ge=0, le=MAX_TERM, nullable=True)
    confiscation: Series[Bool] = pa.Field(nullable=True)
    date: Series[str] = pa.Field(str_matches=PARTIAL_DATE, nullable=True)
    sentencing_body: Series[str] = pa.Field(nullable=True)
    basis: Series[str] = pa.Field(isin=BASES)
    inference_rule: Series[str] = pa.Field(nullable=True)
    inferred_from: Series[str] = pa.Field(nullable=True)

    @pa.dataframe_check(error="an inferred row names its rule and its passages")
    def inference_labelled(cls, df: pd.DataFrame) -> Series[bool]:
        inferred = df["basis"] == "inferred"
        return ~inferred | (df["inference_rule"].notna() & df["inferred_from"].notna())

    class Config:
        strict = True
        metadata = {
            "primary_key": ["sentence_id"],
            "foreign_keys": [
                ("trial_id", "trials", "trial_id"),
                ("person_id", "persons", "person_id"),
            ],
            "title": "Sentences (claims)",
        }


class ExpulsionStats(Provenance):
    """Claim: a number about expulsions, or a count the text gives beside them."""

    stat_id: Series[str] = pa.Field(unique=True)
    subject: Series[str] = pa.Field(isin=SUBJECTS)
    measure: Series[str] = pa.Field(isin=MEASURES)
    value: Series[float] = pa.Field(ge=0)
    value_max: Series[float] = pa.Field(ge=0, nullable=True)
    qualifier: Series[str] = pa.Field(isin=QUALIFIERS)
    year_start: Series[Int] = pa.Field(ge=YEARS_COVERED[0], le=YEARS_COVERED[1], nullable=True)
    year_end: Series[Int] = pa.Field(ge=YEARS_COVERED[0], le=YEARS_COVERED[1], nullable=True)
    geography: Series[str]
    population: Series[str] = pa.Field(isin=POPULATIONS, nullable=True)
    category: Series[str] = pa.Field(nullable=True)
    operation: Series[str] = pa.Field(nullable=True)
    cited_source: Series[str] = pa.Field(nullable=True)

    @pa.dataframe_check(error="value_max >= value")
    def range_ordered(cls, df: pd.DataFrame) -> Series[bool]:
        return df["value_max"].isna() | (df["value_max"] >= df["value"])

    @pa.dataframe_check(error="a percent is at most 100")
    def percent_at_most_100(cls, df: pd.DataFrame) -> Series[bool]:
        pct = df["measure"] == "percent"
        top = df["value_max"].fillna(df["value"])
        return ~pct | (top <= 100)

    @pa.dataframe_check(error="year_end >= year_start")
    def years_ordered(cls, df: pd.DataFrame) -> Series[bool]:
        return (
            df["year_end"].isna() | df["year_start"].isna() | (df["year_end"] >= df["year_start"])
        )

    class Config:
        strict = True
        metadata = {"primary_key": ["stat_id"], "title": "Expulsion statistics (claims)"}


class Checks(pa.DataFrameModel):
    """What the build found when it compared claims: warnings (counts that do not close,
    sums, contradicting dates) and, as `info`, reconciliations that agree.

    `evidence` lists the spans on each side as `source_id:char_start-char_end`,
    joined by " | ", so a user can open both passages.
    """

    check_id: Series[str] = pa.Field(unique=True)
    rule: Series[str] = pa.Field(str_matches=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    severity: Series[str] = pa.Field(isin=SEVERITIES)
    resource: Series[str]
    subject: Series[str] = pa.Field(nullable=True)
    message: Series[str]
    evidence: Series[str] = pa.Field(nullable=True)

    class Config:
        strict = True
        ordered = True
        metadata = {"primary_key": ["check_id"], "title": "Checks (warnings about the data)"}


MODELS: dict[str, type[pa.DataFrameModel]] = {
    "sources": Sources,
    "persons": Persons,
    "mentions": Mentions,
    "trials": Trials,
    "defendants": Defendants,
    "sentences": Sentences,
    "expulsion_stats": ExpulsionStats,
    "checks": Checks,
}
CLAIMS = [name for name, model in MODELS.items() if issubclass(model, Provenance)]


def columns(resource: str) -> list[str]:
    """The published column order of a resource: own columns first, provenance last."""
    model = MODELS[resource]
    cols = list(model.to_schema().columns)
    if issubclass(model, Provenance):
        prov = list(Provenance.to_schema().columns)
        cols = [c for c in cols if c not in prov] + prov
    return cols


def primary_key(resource: str) -> list[str]:
    return MODELS[resource].Config.metadata["primary_key"]


def foreign_keys(resource: str) -> list[tuple[str, str, str]]:
    """(column, referenced resource, referenced column) triples."""
    fks = list(MODELS[resource].Config.metadata.get("foreign_keys", []))
    if issubclass(MODELS[resource], Provenance):
        fks.append(("source_id", "sources", "source_id"))
    return fks
