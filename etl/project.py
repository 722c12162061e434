"""The project a command works on, and every path in it.

A project is a folder holding `seeds/registry.csv`: a clone of this repository,
or any folder laid out like one. `Project.find` takes it from `--project DIR`,
then from $ETL_PROJECT, then from the current folder or the first folder above
it that holds a registry, so one installed `etl` works on whichever clone it is
run in. Every path the tools read or write is a property here, and no other
module joins a path onto the project's root; the knowledge files are the
package's own data (`etl.paths.KNOWLEDGE`), the same for every project.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from etl.errors import NoProject, Problem
from etl.version import DATA_VERSION

ENV = "ETL_PROJECT"
MARKER = Path("seeds") / "registry.csv"
CACHE_ENV = "ETL_CACHE"


@dataclass(frozen=True)
class Project:
    root: Path

    @classmethod
    def find(cls, given: Path | str | None = None, start: Path | None = None) -> Project:
        """The project named by `given` (--project), else by $ETL_PROJECT, else the first
        folder from `start` (the current folder) upward that holds seeds/registry.csv.

        A named folder need not hold a registry yet (`etl sources add` creates it), but
        must exist; finding none is a `NoProject` error."""
        named = given if given is not None else os.environ.get(ENV) or None
        if named is not None:
            root = Path(named).absolute()
            if not root.is_dir():
                source = "--project" if given is not None else f"${ENV}"
                raise NoProject(
                    Problem(
                        code="no-project",
                        file=str(root),
                        message=f"the project folder given by {source} does not exist",
                        fix="give the folder that holds seeds/registry.csv",
                    )
                )
            return cls(root)
        here = (start or Path.cwd()).absolute()
        for folder in (here, *here.parents):
            if (folder / MARKER).is_file():
                return cls(folder)
        raise NoProject(
            Problem(
                code="no-project",
                file=str(here),
                message=f"not in a project: no {MARKER.as_posix()} here or in a folder above",
                fix=f"run etl in a project's folder, or pass --project DIR or set {ENV}",
            )
        )

    @property
    def seeds(self) -> Path:
        """The source texts, the registry and the curation files."""
        return self.root / "seeds"

    @property
    def registry(self) -> Path:
        return self.seeds / "registry.csv"

    @property
    def curation(self) -> Path:
        return self.seeds / "curation"

    @property
    def schemas(self) -> Path:
        """The Table Schemas generated from the Pandera models (`etl schemas`)."""
        return self.root / "schemas"

    @property
    def dist(self) -> Path:
        """The releases, one folder per version."""
        return self.root / "dist"

    @property
    def cache(self) -> Path:
        """What a build or `etl serve` may throw away: $ETL_CACHE, or .cache/ in the project."""
        return Path(os.environ[CACHE_ENV]) if os.environ.get(CACHE_ENV) else self.root / ".cache"

    @property
    def eval_dir(self) -> Path:
        """The evaluation corpus: corpus.csv, floors.csv, gold/ and texts/."""
        return self.root / "tests" / "eval"

    @property
    def devset(self) -> Path:
        """The real development texts, beside the clone and never copied into it."""
        return self.root.parent / "shared" / "devset"

    @property
    def contract(self) -> Path:
        """The data contract, whose column descriptions the SQLite copy and Datasette show."""
        return self.root / "docs" / "data-contract.md"

    @property
    def release_notes(self) -> Path:
        """Why each release changed, in the maintainers' words (<version>.md)."""
        return self.root / "docs" / "releases"

    def release(self, version: str = DATA_VERSION) -> Path:
        return self.dist / version

    def path(self, relative: str) -> Path:
        """A path the registry or a release gives relative to the project (seeds/x.txt).
        It is not guarded here: data paths pass etl.pathguard first."""
        return self.root / relative

    def relative(self, path: Path) -> str:
        """`path` as reports name it: relative to the project when inside it."""
        inside = path.is_relative_to(self.root)
        return path.relative_to(self.root).as_posix() if inside else str(path)
