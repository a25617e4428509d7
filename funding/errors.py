"""The project's errors as data: every problem carries a stable code and where it is.

Callers (page, command line, tests) decide on codes and locations, never on English wording, so
messages can be reworded or translated without breaking anything that reads them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple


class Problem(NamedTuple):
    """One thing wrong with a file: the physical line (1 = header), the column, a stable code,
    a readable message, and the offending value as written."""

    line: int
    column: str
    code: str
    message: str
    value: str


class FundingError(Exception):
    """The project's own error: every failure to read, validate or write a file is one of these."""


class UnreadableFile(FundingError):
    """A file that cannot be read (or written) at all: missing, binary, wrong encoding, too large."""

    def __init__(self, source: str, code: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.code = code
        self.reason = reason


class InvalidData(FundingError):
    """The file is text but breaks the schema or the curation rules; `problems` lists them all,
    sorted by line and then by the column's position (`column_order`)."""

    def __init__(
        self, source: str, problems: Iterable[Problem], column_order: Mapping[str, int] | None = None
    ) -> None:
        order = column_order or {}
        self.source = source
        self.problems = tuple(sorted(problems, key=lambda p: (p.line, order.get(p.column, -1))))
        super().__init__(f"{source}: {len(self.problems)} problems")

    @property
    def codes(self) -> frozenset[tuple[int, str, str]]:
        """(line, column, code) of every problem: what tests and scripts compare."""
        return frozenset((p.line, p.column, p.code) for p in self.problems)


def show_value(value: object) -> str:
    """A parsed cell as the file wrote it, for a problem's `value`."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, tuple):
        return ";".join(str(v) for v in value)
    return str(value)
