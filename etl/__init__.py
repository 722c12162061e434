"""soviet-purges: verifiable claims about the Soviet party purges and the Moscow trials."""

from etl.version import DATA_VERSION


def load(
    resource: str,
    version: str = DATA_VERSION,
    url: str | None = None,
    cache=None,
    format: str = "parquet",
):
    """A resource of a published release as a pandas DataFrame (see etl.fetch.load).

    With ``format="sqlite"`` it is read from the release's SQLite copy (from 3.4.0 on),
    which also has the views ``person_claims``, ``trial_sentences`` and
    ``expulsions_by_year``: ``etl.load("person_claims", format="sqlite")``.
    """
    if format == "sqlite":
        from etl.sqlite import fetch_sqlite, read_sqlite

        return read_sqlite(fetch_sqlite(version, url, cache), resource)
    from etl.fetch import load as fetch_and_load

    return fetch_and_load(resource, version, url, cache)


__all__ = ["DATA_VERSION", "load"]
