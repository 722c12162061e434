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
from frictionless.resources import TableResource
from frictionless.system import Plugin


class CountedParquetParser(ParquetParser):
    requires_loader = True

    def read_cell_stream_create(self):  # type: ignore[override]
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
        with TableResource(data=frame, format="pandas") as resource:
            yield from resource.cell_stream


class ParquetstatsPlugin(Plugin):
    def create_parser(self, resource):  # type: ignore[override]
        if resource.format in ("parq", "parquet"):
            return CountedParquetParser(resource)
        return None
