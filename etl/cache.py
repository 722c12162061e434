"""Per-text extraction results kept on disk, so that a build re-extracts only what changed.

Extraction is a pure function of (source id, text, knowledge, extraction code), so
the records of one text are kept under a key of all four: the text's sha256 with its
id, and `code_hash()`, a hash of every module extraction imports (found by reading
the imports of etl/extract/, transitively), the knowledge files, the Python version
and the versions of the libraries those modules import. Change any of them and the
text is extracted again; nothing has to be invalidated by hand.

The folder is `extract/` in the project's cache folder (`Project.cache`: `.cache/`,
ignored by git, or $ETL_CACHE when set). A text's entry is `<key>.pickle`, its records,
and `<key>.names`, its name tokens (etl.lang.names.name_tokens, which resolution scans
for mentions); `imports.memo` keeps what each extraction module imports, by its bytes,
so that `code_hash` parses only the modules that changed.
Entries are pickles: read only a cache folder you wrote yourself.
"""

from __future__ import annotations

import ast
import hashlib
import os
import pickle
import shutil
import sys
import tempfile
from collections.abc import Iterator
from functools import cache
from importlib import metadata
from pathlib import Path

from etl import paths
from etl.extract import Record
from etl.lang.corpus import Source
from etl.lang.names import NameTokens

FORMAT = "1"  # bump when the layout of an entry changes
PACKAGE = Path(__file__).resolve().parent


def _module_file(name: str) -> Path | None:
    """The file of an `etl` module ("etl.lang.text" → etl/lang/text.py), None for anything else."""
    parts = name.split(".")
    if parts[0] != "etl":
        return None
    base = PACKAGE.joinpath(*parts[1:])
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imports(
    path: Path, whole: bool = True, memo: Imports | None = None
) -> tuple[set[str], set[str]]:
    """(etl modules, other top-level modules) a module imports: anywhere in its code, or
    (`whole=False`) only in the statements that run when it is imported. `memo` keeps the
    statements found in each module by its bytes, so that only a changed one is parsed."""
    statements = _import_statements(path, whole, memo)
    names: set[str] = set()
    for module, alias in statements:
        if alias is None:
            names.add(module)
        else:  # "from etl import paths" imports the module etl.paths
            submodule = f"{module}.{alias}"
            names.add(submodule if _module_file(submodule) else module)
    own = {n for n in names if n == "etl" or n.startswith("etl.")}
    return own, {n.split(".")[0] for n in names - own if n}


Imports = dict[tuple[str, str, bool], list[tuple[str, str | None]]]
"""(a module's sha256, its path in etl/, whole) → its `_import_statements`."""


def _import_statements(
    path: Path, whole: bool, memo: Imports | None = None
) -> list[tuple[str, str | None]]:
    """(module, None) for each "import module", (module, name) for each name of a
    "from module import name" (relative modules made absolute), as `_imports` reads them."""
    data = path.read_bytes()
    relative = path.relative_to(PACKAGE)
    key = (hashlib.sha256(data).hexdigest(), relative.as_posix(), whole)
    if memo is not None and key in memo:
        return memo[key]
    tree = ast.parse(data.decode("utf-8"))
    package = ".".join(("etl", *relative.parent.parts))
    found: list[tuple[str, str | None]] = []
    nodes = ast.walk(tree) if whole else _top_level(tree.body)
    for node in nodes:
        if isinstance(node, ast.Import):
            found += [(alias.name, None) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: "from . import x", "from .text import y"
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            found += [(module, alias.name) for alias in node.names]
    if memo is not None:
        memo[key] = found
    return found


def _top_level(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Statements run at import time: not the bodies of functions and classes."""
    for node in body:
        yield node
        if isinstance(node, ast.If | ast.Try | ast.With):
            for block in ("body", "orelse", "finalbody", "handlers"):
                for child in getattr(node, block, []):
                    yield from _top_level(getattr(child, "body", [child]))


def _read_memo(path: Path | None) -> Imports:
    if path is None:
        return {}
    try:
        with path.open("rb") as file:
            memo = pickle.load(file)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        return {}
    return memo if isinstance(memo, dict) else {}


def _write_memo(path: Path, memo: Imports) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as file:
            pickle.dump(memo, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        pass  # a memo that cannot be kept is parsed again next time


@cache
def _extraction_modules(memo: Path | None = None) -> tuple[tuple[Path, ...], tuple[str, ...]]:
    """The files of every etl module extraction imports, and "library version" of every
    other library they import (read once per process: the running code does not change).

    `memo`, a file that keeps what each module imports by the module's sha256, so that a
    build parses only the modules that changed (parsing them all took 0.09 s a build)."""
    known = _read_memo(memo)
    before = dict(known)
    # A module extraction imports counts whole (its functions may run); a package it is
    # in counts only by what importing it runs (etl/__init__.py's lazy `load` does not).
    todo = [(path, True) for path in sorted((PACKAGE / "extract").rglob("*.py"))]
    files: dict[Path, bool] = {}
    libraries: set[str] = set()
    while todo:
        path, whole = todo.pop()
        if files.get(path) is True or (path in files and not whole):
            continue
        files[path] = whole
        own, other = _imports(path, whole, known)
        libraries |= other
        for name in own:
            parts = name.split(".")
            for depth in range(1, len(parts) + 1):
                found = _module_file(".".join(parts[:depth]))
                if found is not None:
                    todo.append((found, depth == len(parts)))
    if memo is not None and known != before:  # kept for the modules' current bytes only
        digests = {path.relative_to(PACKAGE).as_posix(): path for path in files}
        current = {
            rel: hashlib.sha256(path.read_bytes()).hexdigest() for rel, path in digests.items()
        }
        _write_memo(memo, {key: v for key, v in known.items() if current.get(key[1]) == key[0]})
    versions = []
    for library in sorted(libraries - set(sys.stdlib_module_names) - {"__future__"}):
        try:
            versions.append(f"{library} {metadata.version(library)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{library} unknown")
    return tuple(sorted(files)), tuple(versions)


def code_hash(knowledge: Path = paths.KNOWLEDGE, memo: Path | None = None) -> str:
    """A hash of everything extraction's output depends on besides the text itself: the
    extraction modules' and knowledge files' bytes, library and Python versions (`memo`:
    see `_extraction_modules`)."""
    files, versions = _extraction_modules(memo)
    digest = hashlib.sha256(f"format {FORMAT}; python {sys.version_info[:2]}\n".encode())
    digest.update("".join(f"{v}\n" for v in versions).encode())
    knowledge_files = sorted(p for p in knowledge.rglob("*") if p.is_file())
    for path in [*files, *knowledge_files]:
        data = path.read_bytes()
        digest.update(f"{path.name} {len(data)}\n".encode())
        digest.update(data)
    return digest.hexdigest()


class ExtractionCache:
    """The records of each text under its key, in `folder/<code hash>/`. Entries made by
    other versions of the code are removed when the first entry of this one is written."""

    def __init__(self, folder: Path, code: str | None = None) -> None:
        self.base = folder / "extract"
        self.code = code or code_hash(memo=self.base / "imports.memo")
        self.folder = self.base / self.code[:24]
        self._pruned = False
        self._keys: dict[int, tuple[Source, str]] = {}  # id(source) → (source, key)

    def key(self, source: Source) -> str:
        known = self._keys.get(id(source))
        if known is not None and known[0] is source:
            return known[1]
        digest = hashlib.sha256(source.source_id.encode() + b"\0")
        digest.update(source.text.encode("utf-8"))  # the text's exact bytes (strict UTF-8)
        self._keys[id(source)] = (source, digest.hexdigest())
        return digest.hexdigest()

    def get(self, source: Source) -> list[Record] | None:
        """The cached records of a text, or None (also for an unreadable entry)."""
        records = self._read(source, "pickle")
        return records if isinstance(records, list) else None

    def get_names(self, source: Source) -> NameTokens | None:
        """The cached name tokens of a text (etl.lang.names.name_tokens), or None."""
        tokens = self._read(source, "names")
        return tokens if isinstance(tokens, NameTokens) else None

    def put(self, source: Source, records: list[Record]) -> bool:
        """Keep a text's records; written whole or not at all (temporary file, rename).
        A cache that cannot be written (read-only, full, pruned by a build of other code
        meanwhile) is no reason to fail a build: False, and the records are not kept."""
        return self._put(source, records, "pickle")

    def put_names(self, source: Source, tokens: NameTokens) -> bool:
        """Keep a text's name tokens, beside its records (as `put`)."""
        return self._put(source, tokens, "names")

    def _read(self, source: Source, suffix: str) -> object:
        path = self.folder / f"{self.key(source)}.{suffix}"
        try:
            with path.open("rb") as file:
                return pickle.load(file)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
            return None

    def _put(self, source: Source, value: object, suffix: str) -> bool:
        try:
            self._write(source, value, suffix)
        except OSError:
            return False
        return True

    def _write(self, source: Source, value: object, suffix: str) -> None:
        if not self._pruned:
            self._pruned = True
            if self.base.is_dir():
                for other in self.base.iterdir():
                    if other.is_dir() and other.name != self.folder.name:
                        shutil.rmtree(other, ignore_errors=True)
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as file:
                pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.folder / f"{self.key(source)}.{suffix}")
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
