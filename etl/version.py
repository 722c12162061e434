"""The version of the published data: the one place it is set.

Bump it when what is published changes (PATCH fixes data, MINOR adds records
or resources, MAJOR changes a schema); RELEASED is the date written into the
descriptor's `created`, so that a rebuild gives the same bytes.
"""

DATA_VERSION = "3.7.0"
RELEASED = "2026-11-29"
