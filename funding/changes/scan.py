"""What a new document adds: every euro amount, percentage of a budget and dated call in it,
compared with the dataset (`python -m funding scan`).

Each mention (funding.changes.mentions) is matched, strongest evidence first:

1. a row or disagreement that cites this document and whose quote covers the mention, with the
   same value (`quoted_here`, or `recorded` for a disagreement);
2. one that cites this document and holds the same value elsewhere in it (`same_document`);
3. one from another document with the same value, whose instrument the sentence (or the one
   before it) names (`other_document`);
4. for an amount, a row from another document whose instrument is named there but whose figure
   differs (`other_figure`): a disagreement no one has recorded yet.

A document is "this document" when documents.csv names its file (the seeds' file names). An
instrument is named by the acronyms in its names and source ("MICB", "IPCEI", "InvestEU") or by
the head of its name ("Battery Booster Facility"); a value is the row's amount or any value its
quote writes, so a quote of two figures holds both. The status is `known` when a row holds the
value, `disagreement` when only disagreements do or the figure differs, `new` otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from funding.base.errors import UnreadableFile, not_utf8
from funding.base.reading import read_file
from funding.changes.mentions import KINDS, Kind, Mention, mentions, value_key
from funding.changes.quotes import SOURCE_MAX_BYTES, normalise
from funding.intake.document_text import DocumentText, document_text
from funding.intake.records import Instrument
from funding.registry.dataset import Dataset
from funding.registry.disagreements import Disagreements
from funding.registry.documents import Document

# One limit for every source text (funding.changes.quotes.SOURCE_MAX_BYTES, 20 MB): the longest seed is
# 0.13 MB, and 5 MB of them took 16 s and 230 MB to scan on the shared 2-core machine.
Status = Literal["known", "disagreement", "new"]
STATUSES: tuple[Status, ...] = ("known", "disagreement", "new")
Relation = Literal["quoted_here", "same_document", "other_document", "recorded", "other_figure"]
Table = Literal["funding", "disagreements"]
_ACRONYM = re.compile(r"(?<![\w+&-])[A-Za-z0-9][A-Za-z0-9+&-]*[A-Za-z0-9+]")
_GENERIC = frozenset(
    {"EU", "EUR", "EV", "MFF", "SME", "SMEs", "R&I", "O&I", "NL", "MS", "NIET", "NOT", "NGF-programma"}
)
_HEAD = re.compile(r"^[^(:,]+")
_WORD = re.compile(r"[\w+&-]+")


@dataclass(frozen=True)
class Match:
    id: str
    table: Table
    relation: Relation


@dataclass(frozen=True)
class Finding:
    mention: Mention
    line: int
    sentence: str
    status: Status
    matches: tuple[Match, ...] = ()

    @property
    def is_news(self) -> bool:
        """New, or a figure that differs from a row with no disagreement recorded."""
        return self.status == "new" or all(m.relation == "other_figure" for m in self.matches)


@dataclass(frozen=True)
class ScanReport:
    source: str
    findings: tuple[Finding, ...]
    documents: tuple[str, ...]  # the registry's ids for this file: "the same document"

    def count(self, status: Status) -> int:
        return sum(f.status == status for f in self.findings)

    @property
    def has_news(self) -> bool:
        return any(f.is_news for f in self.findings)


@dataclass(frozen=True)
class _Name:
    first: str  # lower case: the index key
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class _Entry:
    id: str
    table: Table
    document: str
    quote: str
    amount: float | None
    values: Mapping[Kind, frozenset[str]]
    names: tuple[_Name, ...]


def read_document(path: Path) -> str:
    """The document's text through the bounded reader; UnreadableFile if it is not UTF-8 text."""
    data = read_file(path, limit=SOURCE_MAX_BYTES)
    if b"\x00" in data:
        raise UnreadableFile(str(path), "not_text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise not_utf8(str(path), exc) from None


def scan_file(
    path: Path, dataset: Dataset, disagreements: Disagreements, documents: Mapping[str, Document]
) -> ScanReport:
    here = tuple(sorted(d.id for d in documents.values() if d.file and d.file == path.name))
    return scan_text(str(path), read_document(path), dataset, disagreements, here)


def scan_text(
    source: str, raw: str, dataset: Dataset, disagreements: Disagreements, here: Iterable[str]
) -> ScanReport:
    """Every mention of `raw` with its status; `here` are the registry ids of this document."""
    here = tuple(here)
    doc = document_text(raw)
    entries = _entries(dataset, disagreements)
    index = _Index(entries, doc, frozenset(here))
    findings: list[Finding] = []
    for number, sentence in enumerate(doc.sentences):
        window = doc.text[doc.sentences[number - 1].start if number else sentence.start : sentence.end]
        for mention in mentions(doc.text, sentence.start, sentence.end):
            matches = index.matches(mention, window)
            findings.append(
                Finding(mention, doc.line_at(mention.start), sentence.text, _status(matches), matches)
            )
    return ScanReport(source, tuple(findings), here)


def _status(matches: tuple[Match, ...]) -> Status:
    if any(m.table == "funding" and m.relation != "other_figure" for m in matches):
        return "known"
    return "disagreement" if matches else "new"


class _Index:
    """The entries by value and by the first word of their names, and where this document's
    quotes stand in it."""

    def __init__(self, entries: list[_Entry], doc: DocumentText, here: frozenset[str]) -> None:
        self.here = here
        self.by_value: dict[tuple[Kind, str], list[_Entry]] = {}
        self.by_name: dict[str, list[_Entry]] = {}
        self.spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for entry in entries:
            for kind, values in entry.values.items():
                for value in values:
                    self.by_value.setdefault((kind, value), []).append(entry)
            for name in entry.names:
                self.by_name.setdefault(name.first, []).append(entry)
            if entry.document in here:
                self.spans[entry.id, entry.table] = list(doc.occurrences(entry.quote))

    def matches(self, mention: Mention, window: str) -> tuple[Match, ...]:
        same_value = _unique(
            e for v in sorted(mention.values) for e in self.by_value.get((mention.kind, v), ())
        )
        covering = [e for e in same_value if self._covers(e, mention)]
        if covering:
            return tuple(_match(e, "quoted_here") for e in covering)
        in_document = [e for e in same_value if e.document in self.here]
        if in_document:
            return tuple(_match(e, "same_document") for e in in_document)
        named = self._named(window)
        other = [e for e in same_value if e in named]
        if other:
            return tuple(_match(e, "other_document") for e in other)
        if mention.kind != "amount":
            return ()
        differ = [
            e
            for e in named
            if e.table == "funding"
            and e.amount is not None
            and e not in same_value
            and e.document not in self.here
        ]
        return tuple(Match(e.id, e.table, "other_figure") for e in differ)

    def _covers(self, entry: _Entry, mention: Mention) -> bool:
        spans = self.spans.get((entry.id, entry.table), ())
        return any(start < mention.end and mention.start < end for start, end in spans)

    def _named(self, window: str) -> list[_Entry]:
        words = {w.lower() for w in _WORD.findall(window)}
        words |= {w[:-1] for w in words if w.endswith("s")}  # "IPCEIs" names an IPCEI
        candidates = _unique(e for w in sorted(words) for e in self.by_name.get(w, ()))
        return [e for e in candidates if any(n.pattern.search(window) for n in e.names)]


def _match(entry: _Entry, relation: Relation) -> Match:
    return Match(entry.id, entry.table, "recorded" if entry.table == "disagreements" else relation)


def _unique(entries: Iterable[_Entry]) -> list[_Entry]:
    seen: dict[tuple[str, str], _Entry] = {}
    for entry in entries:
        seen.setdefault((entry.id, entry.table), entry)
    return list(seen.values())


def _entries(dataset: Dataset, disagreements: Disagreements) -> list[_Entry]:
    by_id = {r.id: r for r in dataset.records}
    entries = [
        _entry(r.id, "funding", r.source_document, r.source_quote, r.amount_eur, names_of(r))
        for r in dataset.records
        if r.source_document
    ]
    for d in disagreements.items:
        record = by_id.get(d.record_id)
        names = names_of(record) if record is not None else ()
        entries.append(
            _entry(d.id, "disagreements", d.other_document, d.other_quote, d.other_amount_eur, names)
        )
    return entries


def _entry(
    id: str, table: Table, document: str, quote: str | None, amount: float | None, names: tuple[_Name, ...]
) -> _Entry:
    text = normalise(quote or "")
    found = list(mentions(text))
    values = {kind: frozenset(v for m in found if m.kind == kind for v in m.values) for kind in KINDS}
    if amount is not None:
        values["amount"] = values["amount"] | {value_key(amount)}
    return _Entry(id, table, document, text, amount, values, names)


def names_of(record: Instrument) -> tuple[_Name, ...]:
    """How a document may name the instrument: its acronyms (case as written, a plural allowed)
    and the head of its English and Dutch names when that is two to five words."""
    names: list[_Name] = []
    for text in (record.name_en, record.name_nl, record.source):
        for word in _ACRONYM.findall(text):
            capitals = sum(c.isupper() for c in word)
            if word not in _GENERIC and (capitals >= 2 or (capitals and any(c.isdigit() for c in word))):
                names.append(
                    _Name(word.lower(), re.compile(rf"(?<![\w-]){re.escape(word)}(?:s|['’]s)?(?![\w])"))
                )
    for text in (record.name_en, record.name_nl):
        head = _HEAD.match(text)
        words = head.group().split() if head else []
        if 2 <= len(words) <= 5:
            pattern = re.compile(r"(?<!\w)" + r"\s".join(map(re.escape, words)) + r"(?!\w)", re.IGNORECASE)
            names.append(_Name(words[0].lower(), pattern))
    return tuple({n.pattern.pattern: n for n in names}.values())
