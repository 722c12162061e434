"""A Frictionless plugin that makes `frictionless validate` check Parquet files' bytes and hash.

Frictionless reads Parquet straight from the path with pyarrow, so it never
counts the bytes it reads and reports `byte-count`/`hash-count` errors for
every Parquet resource that declares `bytes` and `hash` (as a data package
should). This parser reads the file through Frictionless's own loader, which
counts and hashes it, then parses the same bytes, keeping nullable integers as
integers and missing numbers as missing. Frictionless finds it by its module
name (`frictionless_*`) once this project is installed.
"""

from __future__ import annotations

import io

from frictionless.formats.parquet.control import ParquetControl
from frictionless.formats.parquet.parser import ParquetParser
from frictionless.system import Plugin


class CountedParquetParser(ParquetParser):
    requires_loader = True

    def read_cell_stream_create(self):  # type: ignore[override]
        import numpy as np
        import pandas as pd
        import pyarrow.parquet as pq

        control = ParquetControl.from_dialect(self.resource.dialect)
        chunks = []
        while chunk := self.loader.byte_stream.read1(1 << 20):
            chunks.append(chunk)
        self.loader.byte_stream.read1(-1)  # an explicit EOF read stores the hash
        table = pq.read_table(
            io.BytesIO(b"".join(chunks)),
            columns=control.columns,
            filters=control.filters or None,
        )
        # Missing values are None, not NaN: Frictionless would read NaN as a value
        # (a type error for an integer, a broken minimum for a number).
        frame = table.to_pandas(categories=control.categories or None, integer_object_nulls=True)
        frame = frame.astype(object).where(frame.notna(), None)
        # The header, then each row's cells as Python values, as Frictionless's pandas
        # parser gives them; that parser builds a dict of the whole row for every cell,
        # which made validating a release take seconds.
        yield [str(name) for name in frame.columns]
        for row in frame.itertuples(index=False, name=None):
            yield [python_value(value, np.generic, pd.Timestamp) for value in row]


def python_value(value: object, numpy_scalar: type, timestamp: type) -> object:
    """A cell as the pandas parser gives it: numpy scalars as Python ones, timestamps as
    datetimes (the types are passed in so that importing the plugin imports no pandas)."""
    if isinstance(value, timestamp):
        return value.to_pydatetime()  # type: ignore[attr-defined]
    if isinstance(value, numpy_scalar):
        return value.item()  # type: ignore[attr-defined]
    return value


class ParquetstatsPlugin(Plugin):
    def create_parser(self, resource):  # type: ignore[override]
        if resource.format in ("parq", "parquet"):
            return CountedParquetParser(resource)
        return None
