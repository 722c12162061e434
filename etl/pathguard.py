"""The one guard for every path that comes from data, not from the person running a command.

Registry rows, curation files, descriptor `path`s, SHA256SUMS names and the
files a download writes all pass through `inside()`: a path must be relative,
must not climb out with `..`, must not be a URL, and once resolved (symlinks
followed) must stay inside the folder it belongs to. A refusal is one line
naming the file, the line (or row) and the value.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path, PurePosixPath, PureWindowsPath

from etl.errors import EtlError, Problem

URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")  # http:, file:, C: (a Windows drive) alike


class PathRefused(EtlError):
    code = "path-refused"


def problem(value: str, root: Path, base: Path | None = None) -> str | None:
    """Why `value` (relative to `base`, default `root`) is not a path inside `root`, or None."""
    base = root if base is None else base
    if not isinstance(value, str) or not value.strip():
        return "is not a relative file path (empty or not a string)"
    if "\x00" in value:
        return "contains a NUL character"
    if URL.match(value):
        return "is a URL or a drive, not a relative path"
    if PurePosixPath(value).is_absolute() or PureWindowsPath(value).is_absolute():
        return "is an absolute path"
    if value.startswith(("/", "\\")):
        return "is an absolute path"
    if ".." in re.split(r"[/\\]", value):
        return "climbs out of its folder with '..'"
    lexical = Path(os.path.normpath(os.path.abspath(base / value)))
    if not lexical.is_relative_to(Path(os.path.abspath(root))):
        return f"is outside {root.name}/"
    resolved = (base / value).resolve()
    if not resolved.is_relative_to(root.resolve()):
        return f"leaves {root.name}/ through a symlink (to {resolved})"
    return None


def inside(
    value: str,
    root: Path,
    *,
    file: str | Path,
    line: int | None = None,
    column: str | None = None,
    base: Path | None = None,
) -> Path:
    """`base / value` if it stays inside `root` once resolved; else PathRefused in one line."""
    why = problem(value, root, base)
    if why:
        raise PathRefused(
            Problem(
                code="path-refused",
                file=str(file),
                line=line,
                column=column,
                value=value,
                message=f"path {why}",
                fix=f"give a relative path inside {root.name}/",
            )
        )
    return (root if base is None else base) / value


def file_inside(path: Path, root: Path, *, file: str | Path | None = None) -> Path:
    """A file found on disk (by globbing a folder) that must not be a symlink leaving `root`."""
    resolved = path.resolve()
    if not resolved.is_relative_to(root.resolve()):
        raise PathRefused(
            Problem(
                code="path-refused",
                file=str(file or path),
                value=str(resolved),
                message=f"is a symlink to a file outside {root.name}/",
                fix=f"put the file itself in {root.name}/",
            )
        )
    return path


def json_line(text: str, value: object) -> int | None:
    """The line of a JSON document where a string value first appears (for error messages)."""
    if not isinstance(value, str):
        return None
    needle = json.dumps(value, ensure_ascii=False)
    at = text.find(needle)
    if at < 0:
        at = text.find(json.dumps(value))
    return None if at < 0 else text.count("\n", 0, at) + 1


def read_descriptor(path: Path, label: str | None = None) -> tuple[dict, str]:
    """A datapackage.json as (descriptor, text); bad JSON or a bad form is one line naming
    the file (or `label`, e.g. the URL it came from)."""
    name = label or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        message = f"not valid UTF-8 ({exc.reason})"
        raise EtlError(Problem(code="not-utf8", file=name, message=message)) from None
    try:
        descriptor = json.loads(text)
    except json.JSONDecodeError as exc:
        message = f"not valid JSON ({exc.msg}, at character {exc.colno})"
        invalid = Problem(code="descriptor-invalid", file=name, line=exc.lineno, message=message)
        raise EtlError(invalid) from None
    resources = descriptor.get("resources") if isinstance(descriptor, dict) else None
    if not isinstance(resources, list) or not all(isinstance(r, dict) for r in resources):
        message = "'resources' is not a list of resources; not a data package"
        raise EtlError(Problem(code="descriptor-invalid", file=name, message=message))
    return descriptor, text


def resource_path(resource: dict, package: Path, descriptor: str | Path, text: str) -> Path:
    """A descriptor resource's `path`, guarded to stay inside the package folder."""
    value = resource.get("path")
    name = resource.get("name", "?")
    return inside(
        value,  # type: ignore[arg-type]  # problem() refuses what is not a string
        package,
        file=descriptor,
        line=json_line(text, value),
        column=f"resources[{name}].path",
    )
