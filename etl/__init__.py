"""soviet-purges: verifiable claims about the Soviet party purges and the Moscow trials."""

import sys
import types

from etl.version import DATA_VERSION


def _pandera_without_dask() -> None:
    """pandera imports dask.dataframe (0.8 s) whenever dask is installed, only to recognise
    dask annotations, which this project never uses; dask is installed for `etl build
    --scheduler` alone. A stand-in for pandera's dask module tells it dask is absent
    (unless dask.dataframe is loaded already), so no other command pays for it."""
    if "dask.dataframe" in sys.modules or "pandera.typing.dask" in sys.modules:
        return
    stand_in = types.ModuleType("pandera.typing.dask")
    stand_in.DASK_INSTALLED = False  # type: ignore[attr-defined]
    sys.modules["pandera.typing.dask"] = stand_in


_pandera_without_dask()


def load(
    resource: str,
    version: str = DATA_VERSION,
    url: str | None = None,
    cache=None,
    format: str = "parquet",
):
    """A resource of a published release as a pandas DataFrame (see etl.publish.fetch.load).

    With ``format="sqlite"`` it is read from the release's SQLite copy (from 3.4.0 on),
    which also has the views ``person_claims``, ``trial_sentences`` and
    ``expulsions_by_year``: ``etl.load("person_claims", format="sqlite")``.
    """
    if format == "sqlite":
        from etl.publish.sqlite import fetch_sqlite, read_sqlite

        return read_sqlite(fetch_sqlite(version, url, cache), resource)
    from etl.publish.fetch import load as fetch_and_load

    return fetch_and_load(resource, version, url, cache)


__all__ = ["DATA_VERSION", "load"]
