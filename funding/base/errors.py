"""The project's errors as data: every problem carries a stable code and where it is.

Callers (page, command line, tests) decide on codes and locations, never on English wording, so
messages can be reworded or translated without breaking anything that reads them.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from funding.i18n import TEXTS, t
from funding.i18n.languages import Lang, decimal_text, language

# What fills a problem's text: (name, value) pairs, hashable so that a problem stays a value.
Details = tuple[tuple[str, str | int | float], ...]


class Problem(NamedTuple):
    """One thing wrong with a file: the physical line (1 = header), the column, a stable code,
    the offending value as written, and the details that fill its text.

    The text is the catalogue's "invalid_<text>" ("invalid_<code>" when `text` is empty: a code
    said in more than one way names which), so the page says it in the reader's language
    (`message_in`); `message` is the English one, which the command line prints."""

    line: int
    column: str
    code: str
    value: str
    details: Details = ()
    text: str = ""

    @property
    def key(self) -> str:
        return f"invalid_{self.text or self.code}"

    @property
    def message(self) -> str:
        return self.message_in("en")

    def message_in(self, lang: Lang) -> str:
        """The text in `lang`, its numbers in that language's digits (without grouping: a line or
        an amount reads as the file writes it)."""
        locale = language(lang).babel_locale
        values = {name: _shown(value, locale) for name, value in self.details}
        return t(self.key, lang, **values)


def problem(
    line: int, column: str, code: str, value: str = "", *, text: str = "", **details: str | int | float
) -> Problem:
    """A problem with its details by name: `problem(3, "id", "duplicate_id", "a", first=2)`."""
    return Problem(line, column, code, value, tuple(details.items()), text)


def _shown(value: str | int | float, locale: str) -> str:
    if isinstance(value, str):
        return value
    return decimal_text(value, locale, "0.##########")


class FundingError(Exception):
    """The project's own error: every failure to read, validate or write a file is one of these."""


class UnreadableFile(FundingError):
    """A file that cannot be read (or written) at all: missing, binary, wrong encoding, too large.

    The code says why and the details fill in its text ("unreadable_<code>" in funding.i18n), so
    the page says it in the reader's language (`reason_in`); `reason` is the English one, which
    the command line prints."""

    def __init__(self, source: str, code: str, **details: object) -> None:
        super().__init__(source, code)
        self.source = source
        self.code = code
        self.details = details

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"

    @property
    def reason(self) -> str:
        """Written when asked for: a refusal costs no text (nor locale data) until it is shown."""
        return self.reason_in("en")

    def reason_in(self, lang: Lang) -> str:
        """Why, in `lang`: sizes in its digits, a `{name}_key` detail as its text, and the document
        that cites the file (`cited_by`) after it."""
        values: dict[str, object] = {}
        for name, value in self.details.items():
            if name.endswith("_key"):
                values[name.removesuffix("_key")] = t(str(value), lang)
            elif isinstance(value, float):
                values[name] = decimal_text(value, language(lang).babel_locale, "0.0")
            else:
                values[name] = value
        cited_by = values.pop("cited_by", None)
        text = t(f"unreadable_{self.code}", lang, **values)
        return text if cited_by is None else f"{text} {t('cited_by', lang, document=cited_by)}"


def not_utf8(source: str, exc: UnicodeDecodeError) -> UnreadableFile:
    """Text that is not UTF-8, with the first byte that says so and where it is."""
    return UnreadableFile(source, "not_utf8", byte=f"{exc.object[exc.start]:02x}", offset=exc.start)


class InvalidData(FundingError):
    """The file is text but breaks the schema or the curation rules.

    `problems` lists them sorted by line and then by the column's position (`column_order`); a
    file can hold millions, so a `ProblemLog` keeps only the first `MAX_PROBLEMS` and says how many
    there were in all (`total`) and per column (`by_column`)."""

    def __init__(
        self,
        source: str,
        problems: Iterable[Problem],
        column_order: Mapping[str, int] | None = None,
        *,
        total: int | None = None,
        by_column: Mapping[str, int] | None = None,
    ) -> None:
        order = column_order or {}
        self.source = source
        self.problems = tuple(sorted(problems, key=lambda p: (p.line, order.get(p.column, -1))))
        self.total = len(self.problems) if total is None else total
        self.by_column = (
            dict(by_column) if by_column is not None else dict(Counter(p.column for p in self.problems))
        )
        super().__init__(f"{source}: {self.total} problems")

    @property
    def truncated(self) -> bool:
        """Whether `problems` is only the first part of `total`."""
        return self.total > len(self.problems)

    @property
    def codes(self) -> frozenset[tuple[int, str, str]]:
        """(line, column, code) of every problem kept: what tests and scripts compare."""
        return frozenset((p.line, p.column, p.code) for p in self.problems)


# A file where every cell is wrong holds millions of problems: nobody reads past the first
# thousand, and keeping them all cost hundreds of MB per upload.
MAX_PROBLEMS = 1000
MAX_VALUE_CHARS = 200  # a problem's `value` is cut here: a 100,000-character cell is not repeated


class ProblemLog:
    """Collects problems in bounded memory: the first `limit` in (line, column) order, every one counted.

    Problems may arrive in any order (cross-row rules report earlier lines late); a heap keeps
    the `limit` smallest, and `keeps` lets a caller skip composing a message nobody will see."""

    def __init__(self, column_order: Mapping[str, int], limit: int = MAX_PROBLEMS) -> None:
        self._order = column_order
        self._limit = limit
        self._heap: list[tuple[int, int, int, Problem]] = []  # (-line, -column, -arrival, problem)
        self._arrivals = 0
        self.by_column: Counter[str] = Counter()

    def __len__(self) -> int:
        return self._arrivals

    def keeps(self, line: int, column: str) -> bool:
        """Whether a problem at this place would be kept (if not, only its column is counted)."""
        if len(self._heap) < self._limit:
            return True
        top = self._heap[0]
        return (line, self._order.get(column, -1)) < (-top[0], -top[1])

    def count(self, column: str, times: int = 1) -> None:
        """Problems that `keeps` said are not kept: counted, never stored."""
        self._arrivals += times
        self.by_column[column] += times

    def add(self, problem: Problem) -> None:
        self._arrivals += 1
        self.by_column[problem.column] += 1
        if len(problem.value) > MAX_VALUE_CHARS:
            problem = problem._replace(value=problem.value[: MAX_VALUE_CHARS - 1] + "…")
        entry = (-problem.line, -self._order.get(problem.column, -1), -self._arrivals, problem)
        if len(self._heap) < self._limit:
            heapq.heappush(self._heap, entry)
        elif entry > self._heap[0]:
            heapq.heapreplace(self._heap, entry)

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.add(problem)

    def error(self, source: str) -> InvalidData:
        kept = [entry[3] for entry in sorted(self._heap, reverse=True)]
        return InvalidData(source, kept, self._order, total=self._arrivals, by_column=self.by_column)


def show_value(value: object) -> str:
    """A parsed cell as the file wrote it, for a problem's `value`."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, tuple):
        return ";".join(str(v) for v in value)
    return str(value)


def validation_problems(exc: ValidationError, line: int, raw: Mapping[str, object]) -> list[Problem]:
    """A row model's errors as problems at their line and column ("required" for an empty cell
    or a missing column), for the registries that read one model per CSV row."""
    problems = []
    for error in exc.errors():
        column = str(error["loc"][0]) if error["loc"] else ""
        value = raw.get(column)
        if value is None and error["type"] != "extra_forbidden":
            problems.append(problem(line, column, "required"))
        else:
            problems.append(model_problem(line, column, error, str(value or "")))
    return problems


def model_problem(line: int, column: str, error: ErrorDetails, value: str, code: str = "") -> Problem:
    """One pydantic error as a problem: its type is the code (unless `code` is given) and names
    the text ("invalid_<type>" in the catalogue, whose placeholders its context fills)."""
    kind = str(error["type"])
    if f"invalid_{kind}" not in TEXTS:  # a type the catalogue has no text for: pydantic's words
        return problem(line, column, code or kind, value, text="model_other", reason=str(error["msg"]))
    details = {name: _detail(value) for name, value in error.get("ctx", {}).items()}
    return problem(line, column, code or kind, value, text=kind, **details)


def _detail(value: object) -> str | int | float:
    return value if isinstance(value, str | int | float) else str(value)
