"""soviet-purges: verifiable claims about the Soviet party purges and the Moscow trials."""

from etl.version import DATA_VERSION

__all__ = ["DATA_VERSION"]
