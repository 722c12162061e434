"""Dump every record extracted from the texts of seeds/ and tests/eval/texts/ as JSON lines
(resource, extractor, span, fields, refs), in order: the extraction's output, to compare
byte for byte before and after a change that must not change it.

    python bench/dump_extraction.py > before.jsonl
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def texts() -> list[tuple[str, str]]:
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
        (ROOT / "tests" / "eval" / "texts").glob("*.txt")
    )
    return [(p.stem, p.read_text(encoding="utf-8")) for p in paths]


def plain(value: object) -> object:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {type(value).__name__: plain(dataclasses.asdict(value))}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return repr(value)


def main() -> None:
    from etl.extract import extract_source
    from etl.lang.corpus import Source
    from etl.lang.knowledge import load_knowledge

    kb = load_knowledge()
    out = sys.stdout
    for name, text in texts():
        for record in extract_source(Source.from_text(name, text), kb):
            row = {
                "resource": record.resource,
                "extractor": record.extractor,
                "span": plain(record.span),
                "fields": plain(record.fields),
                "refs": plain(record.refs),
            }
            out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
