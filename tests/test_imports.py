"""Extraction is a pure function of text and knowledge: it loads no table library, so
forked workers start extracting before pandas is imported."""

from __future__ import annotations

import subprocess
import sys


def test_extraction_imports_neither_pandas_nor_pandera():
    code = (
        "import sys, etl.extract, etl.lang.tables, etl.lang.names, etl.lang.numbers, etl.lang.text\n"
        "etl.extract.extractors()\n"
        "print(sorted(m for m in ('pandas', 'pandera', 'pyarrow') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
