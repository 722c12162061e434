"""Every path the pipeline uses, defined once."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
REGISTRY = SEEDS / "registry.csv"
SCHEMAS = ROOT / "schemas"
DIST = ROOT / "dist"
KNOWLEDGE = Path(__file__).resolve().parent / "knowledge"


def release_dir(version: str, dist: Path = DIST) -> Path:
    return dist / version
