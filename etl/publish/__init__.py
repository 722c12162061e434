"""Publishing: the Parquet package, the release artefacts (CSV, SQLite, page, sums),
downloading and comparing releases, and serving one."""
