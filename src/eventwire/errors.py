"""Errors with stable codes, so users and scripts can tell failures apart.

A bad input never stops a run: readers and stages turn problems into :class:`InputFailure`
values that name the input and the reason, the CLI prints them on stderr, and the run goes on.
"""

from __future__ import annotations

from dataclasses import dataclass


class EventwireError(Exception):
    """Base class for errors eventwire raises on purpose (as opposed to bugs)."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class InputError(EventwireError):
    """An input cannot be read or processed (missing, binary, undecodable, empty, malformed)."""

    code = "E100"


class DataFileError(EventwireError):
    """A shipped or user-supplied data file (dictionary, rules) is invalid.

    The message names the file and line so the user can fix it without reading our code.
    """

    code = "E200"


class StoreError(EventwireError):
    """The store cannot be opened, migrated or written."""

    code = "E300"


class UsageError(EventwireError):
    """The command line or API call is malformed (exit code 2)."""

    code = "E400"


@dataclass(slots=True, frozen=True)
class InputFailure:
    """One input that failed, with the reason; reported and counted, never fatal to a run."""

    source: str
    reason: str
    code: str = InputError.code

    def __str__(self) -> str:
        return f"{self.source}: [{self.code}] {self.reason}"
