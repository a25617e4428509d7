"""The curator's check: every quote is verbatim in its cited document, every amount in its quote.

The loader can only check that a quote is there; whether the document says it is a question for
the document. This reads the seed texts (the files named in documents.csv) and reports, by file,
line and column, every quote of funding.csv and disagreements.csv that the cited text does not
contain, and every amount that its quote does not write. Whitespace is collapsed on both sides and
a hyphen at a line break joins the word, as quotes are copied (data/README.md §7).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from funding.base.errors import Problem, UnreadableFile, not_utf8, problem, show_value
from funding.base.paths import PROJECT_ROOT
from funding.base.reading import read_inside
from funding.registry.documents import Document
from funding.registry.versions import DatasetVersion

# The seed texts live beside the project (shared/seeds), not in it.
DEFAULT_SOURCES = Path(os.environ.get("FUNDING_SOURCES_DIR", PROJECT_ROOT.parent / "shared" / "seeds"))
# A seed text is a document's plain text (the largest is 135 kB); a larger file is not read
# whole unless `check-quotes --max-mb` says so.
SOURCE_MAX_BYTES = 20 * 1024 * 1024
_UNITS = {
    "million": 1e6,
    "miljoen": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "miljard": 1e9,
    "bn": 1e9,
    "mld": 1e9,
}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def normalise(text: str) -> str:
    text = re.sub(r"-\s*\n\s*", "-", text)  # a hyphen at a line break joins the word
    return re.sub(r"\s+", " ", text).strip()


def amounts_in(quote: str) -> set[int]:
    """Every reading of every number in the quote times every scale word in it (or 1 without
    one): the amount must be among them. "1.500" reads as 1.5 and as 1500 (a Dutch grouping)."""
    numbers: set[float] = set()
    for written in _NUMBER.findall(quote):
        if re.fullmatch(r"\d{1,3}([.,]\d{3})+", written):
            numbers.add(float(re.sub(r"[.,]", "", written)))
        if re.fullmatch(r"\d+([.,]\d+)?", written):
            numbers.add(float(written.replace(",", ".")))
    scales = {v for word, v in _UNITS.items() if re.search(rf"\b{word}\b", quote, re.IGNORECASE)} or {1.0}
    return {round(n * s) for n in numbers for s in scales}


@dataclass(frozen=True)
class Quoted:
    """A quote to check: where it is (line, columns), the document it cites and the amount in it."""

    line: int
    document: str
    document_column: str
    quote: str
    quote_column: str
    amount: float | None
    amount_column: str


@dataclass(frozen=True)
class QuoteReport:
    checked: int
    problems: Mapping[str, tuple[Problem, ...]]  # file -> its problems, by line
    unreadable: tuple[UnreadableFile, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.unreadable and not any(self.problems.values())


def check_version(
    version: DatasetVersion,
    documents: Mapping[str, Document],
    sources: Path,
    *,
    limit: int | None = SOURCE_MAX_BYTES,
) -> QuoteReport:
    """Check every quote of a dataset version against the seed texts in `sources`."""
    texts, unreadable = read_sources(documents, sources, limit=limit)
    files: dict[str, list[Quoted]] = {str(version.path): list(_funding_quotes(version))}
    if version.disagreements is not None and version.disagreements.items:
        path = version.path.parent / "disagreements.csv"
        files[str(path)] = list(_disagreement_quotes(version))
    problems = {
        name: tuple(sorted(quote_problems(quotes, texts, documents), key=lambda p: p.line))
        for name, quotes in files.items()
    }
    checked = sum(len(q) for q in files.values())
    return QuoteReport(checked, problems, unreadable)


def read_sources(
    documents: Mapping[str, Document], sources: Path, *, limit: int | None = SOURCE_MAX_BYTES
) -> tuple[dict[str, str], tuple[UnreadableFile, ...]]:
    """Each document's text, normalised; a seed file that is missing or unreadable is reported.

    A document's `file` is a name inside `sources` (`funding.base.reading.inside`): an absolute path,
    `..` or a link out of the folder is refused, so a registry cannot make the check read (and
    its messages reveal) any other file."""
    texts: dict[str, str] = {}
    normalised: dict[str, str] = {}
    errors: list[UnreadableFile] = []
    if not sources.is_dir():
        return {}, (UnreadableFile(str(sources), "no_sources"),)
    for document in documents.values():
        if not document.file:
            continue
        if document.file not in normalised:
            try:
                data = read_inside(sources, document.file, limit=limit)
                normalised[document.file] = normalise(data.decode("utf-8"))
            except UnreadableFile as exc:
                errors.append(UnreadableFile(exc.source, exc.code, **exc.details, cited_by=document.id))
                continue
            except UnicodeDecodeError as exc:
                path = str(sources / document.file)
                errors.append(not_utf8(path, exc))
                continue
        texts[document.id] = normalised[document.file]
    return texts, tuple(errors)


def quote_problems(
    quotes: Iterable[Quoted], texts: Mapping[str, str], documents: Mapping[str, Document]
) -> Iterator[Problem]:
    for q in quotes:
        text = texts.get(q.document)
        if text is None:
            document = documents.get(q.document)
            if document is None:
                text = "unknown_quoted_document"
                yield problem(q.line, q.document_column, "unknown_document", q.document, text=text)
            elif not document.file:
                yield problem(q.line, q.document_column, "document_without_file", q.document)
            continue  # a seed file that cannot be read is reported once, as unreadable
        quote = normalise(q.quote)
        if quote not in text:
            yield _mismatch(q, quote, text)
        if q.amount is not None and round(q.amount) not in amounts_in(q.quote):
            amount = show_value(q.amount)
            found = ", ".join(str(a) for a in sorted(amounts_in(q.quote)))
            if found:
                yield problem(q.line, q.amount_column, "amount_not_in_quote", amount, found=found)
            else:
                yield problem(
                    q.line, q.amount_column, "amount_not_in_quote", amount, text="quote_without_number"
                )


def _mismatch(q: Quoted, quote: str, text: str) -> Problem:
    """Where the quote leaves the document: the longest start of it that the text contains
    (a prefix found implies every shorter one is, so a binary search finds it)."""
    low, high = 0, len(quote)
    while low < high:
        middle = (low + high + 1) // 2
        if quote[:middle] in text:
            low = middle
        else:
            high = middle - 1
    if low == 0:
        return problem(q.line, q.quote_column, "quote_not_verbatim", q.quote, text="quote_not_found")
    rest = repr(quote[low : low + 30])
    return problem(q.line, q.quote_column, "quote_not_verbatim", q.quote, chars=low, rest=rest)


def _funding_quotes(version: DatasetVersion) -> Iterator[Quoted]:
    layout = version.layout
    for r in version.dataset.records:
        if r.source_quote and r.source_document:
            yield Quoted(
                layout.line_of(r.id),
                r.source_document,
                "source_document",
                r.source_quote,
                "source_quote",
                r.amount_eur,
                "amount_eur",
            )


def _disagreement_quotes(version: DatasetVersion) -> Iterator[Quoted]:
    layout = version.disagreements_layout
    if version.disagreements is None or layout is None:
        return
    for d in version.disagreements.items:
        yield Quoted(
            layout.line_of(d.id),
            d.other_document,
            "other_document",
            d.other_quote,
            "other_quote",
            d.other_amount_eur,
            "other_amount_eur",
        )
