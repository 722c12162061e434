"""The data contract ships with the repository and describes every published column."""

import re
from pathlib import Path

import yaml

from etl.contract import schemas
from etl.contract.docs import column_descriptions
from tests.conftest import REPO

CONTRACT = REPO.root / "docs" / "data-contract.md"


def test_every_column_of_every_model_is_described_in_the_contract():
    text = CONTRACT.read_text(encoding="utf-8")
    described = column_descriptions(REPO.contract)
    for resource in schemas.MODELS:
        assert f"### {resource}\n" in text, resource
        for column in schemas.columns(resource):
            assert len(described[resource][column]) > 10, f"{resource}.{column} is not described"


def test_every_vocabulary_value_is_in_the_contract():
    text = CONTRACT.read_text(encoding="utf-8")
    for vocabulary in (
        schemas.PENALTIES,
        schemas.BASES,
        schemas.SUBJECTS,
        schemas.MEASURES,
        schemas.QUALIFIERS,
        schemas.POPULATIONS,
        schemas.SEVERITIES,
    ):
        for value in vocabulary:
            assert f"`{value}`" in text, value


def test_readme_and_contract_link_only_files_inside_the_repository():
    for document in (REPO.root / "README.md", CONTRACT):
        links = re.findall(r"\]\(([^)#\s]+)", document.read_text(encoding="utf-8"))
        local = [link for link in links if "://" not in link]
        assert local, document
        for link in local:
            target = (document.parent / link).resolve()
            assert target.is_relative_to(REPO.root), f"{document.name}: {link} leaves the repo"
            assert target.exists(), f"{document.name}: {link} does not exist"
    assert "docs/data-contract.md" in (REPO.root / "README.md").read_text(encoding="utf-8")


def test_citation_file_is_valid_cff_for_the_dataset():
    citation = yaml.safe_load(Path(REPO.root / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0"
    assert citation["type"] == "dataset"
    assert citation["title"] and citation["authors"] and citation["message"]
    assert citation["license"] == "CC-BY-SA-4.0"
