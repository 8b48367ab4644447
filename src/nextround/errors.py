"""Typed errors: each carries the exit code the CLI uses and a hint with the next step."""

from __future__ import annotations


class NextroundError(Exception):
    """Base for every error a person should see as a message rather than a traceback."""

    exit_code = 1
    http_status = 400

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}" if self.hint else self.message


class UserInputError(NextroundError):
    """The user gave a value that cannot be used (bad date, unknown status, ...)."""

    exit_code = 2
    http_status = 422


class NotFoundError(NextroundError):
    """A record the user named does not exist (or does not belong to them)."""

    exit_code = 3
    http_status = 404


class ConflictError(NextroundError):
    """The action clashes with the current state (duplicate, illegal transition, ...)."""

    exit_code = 4
    http_status = 409


class ConfigError(NextroundError):
    """The installation or configuration needs attention (database, settings, ...)."""

    exit_code = 5
    # Shown as a page that says what to set up; not a server fault.
    http_status = 400


class ExternalError(NextroundError):
    """A server outside nextround failed: mail server, keyring, ..."""

    exit_code = 6
    http_status = 502


class DataError(NextroundError):
    """Imported data is malformed; ``problems`` lists what is wrong, row by row."""

    exit_code = 7
    http_status = 422

    def __init__(
        self, message: str, hint: str | None = None, problems: list[str] | None = None
    ) -> None:
        super().__init__(message, hint)
        self.problems = problems or []
