"""soviet-purges: verifiable claims about the Soviet party purges and the Moscow trials."""

from etl.version import DATA_VERSION


def load(resource: str, version: str = DATA_VERSION, url: str | None = None, cache=None):
    """A resource of a published release as a pandas DataFrame (see etl.fetch.load)."""
    from etl.fetch import load as fetch_and_load

    return fetch_and_load(resource, version, url, cache)


__all__ = ["DATA_VERSION", "load"]
