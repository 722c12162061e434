"""All errors the pipeline raises on bad input.

Each carries a stable kebab-case `code` (tests key on it) and a message that
names the file, the row or line, the column and the broken rule.
"""


class EtlError(Exception):
    """Bad input or a refused operation; reported as one line, never a traceback."""

    code = "etl-error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class RegistryError(EtlError):
    code = "registry-error"


class SourceError(EtlError):
    code = "source-error"


class HashMismatch(SourceError):
    code = "hash-mismatch"


class ValidationFailed(EtlError):
    """Raised with the full list of failures, so the report can show them all."""

    code = "validation-failed"

    def __init__(self, message: str, failures: list) -> None:
        super().__init__(message)
        self.failures = failures


class VersionConflict(EtlError):
    code = "version-conflict"
