"""Where the package's own data files are: the same for every project.

The paths of a project (its seeds, registry, dist, cache, …) are `etl.project.Project`'s.
"""

from pathlib import Path

KNOWLEDGE = Path(__file__).resolve().parent / "knowledge"
