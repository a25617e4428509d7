"""What a reader sees in a deck or a workbook is plain words in the file's language: no internal
jargon, no "(s)" plurals, no English in a Dutch file.

The files are made from the published dataset, for the three selections the issue names (all of
it, `--level NL`, `--type loan`). The data's own texts (names, sources, quotes, document titles,
the other documents' summaries) are what the documents say, in whatever language they say it,
so they are cut out first; what is left is the project's own text, and that is what the fixed
lists below check, word by word.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from functools import cache

import openpyxl
import pytest
from export_support import deck_texts

from funding.base.paths import DEFAULT_DATA, DEFAULT_DOCUMENTS
from funding.exports import ExportRequest, render
from funding.i18n import vocab
from funding.i18n.vocab import Lang, Vocabulary
from funding.registry.dataset import Dataset
from funding.registry.dataset_info import load_info
from funding.registry.disagreements import load_disagreements
from funding.registry.documents import load_documents
from funding.registry.loading import load_dataset
from funding.selecting.frameworks import with_default_framework
from funding.selecting.selection import Filters, apply

# Internal words and machine plurals, in either language (case-insensitive, whole words).
JARGON = (
    r"\(s\)",
    r"\(en\)",
    r"\brows?\b",
    r"\brij(en)?\b",
    r"\bseed\b",
    r"\bcurated\b",
    r"\bgecureerd",
    r"counted inside a larger figure",
    r"(?-i:\bNone\b|\bnan\b|\bTrue\b|\bFalse\b)",
    r"\('",
    r"\b1 (instruments|entries|figures|documents|rows|slides|targets)\b",
    r"\b1 (vermeldingen|bedragen|documenten|doelen)\b",
    r"\bamount_eur\b|\bamount_kind\b|\bsource_locator\b|\bparent_id\b",
)
# English words of the project's own texts that a Dutch file must not carry.
ENGLISH = (
    "the",
    "and",
    "with",
    "without",
    "not",
    "stated",
    "amount",
    "amounts",
    "figure",
    "figures",
    "source",
    "sources",
    "total",
    "range",
    "public",
    "funding",
    "guarantee",
    "ceiling",
    "target",
    "targets",
    "entry",
    "entries",
    "headline",
    "licence",
    "cite",
    "dataset version",
    "exported",
    "selection",
    "page",
    "slide",
    "continued",
    "instrument type",
    "beneficiary",
    "pillar",
    "about",
    "up to",
    "at least",
    "bn",
)
SELECTIONS = {"full": Filters(), "nl": Filters(level=("NL",)), "loan": Filters(type=("loan",))}


@cache
def published() -> Dataset:
    documents = load_documents(DEFAULT_DOCUMENTS)
    return load_dataset(DEFAULT_DATA, known_documents=documents).with_disagreements(load_disagreements())


@cache
def made(fmt: str, name: str, lang: Lang) -> bytes:
    dataset = published()
    filters = with_default_framework(SELECTIONS[name], dataset)
    selection = tuple(apply(filters, dataset.records))
    documents = load_documents(DEFAULT_DOCUMENTS)
    request = ExportRequest(dataset, selection, filters, lang, documents, load_info())
    return render(fmt, request)


@cache
def data_texts() -> tuple[str, ...]:
    """Every text the data holds, longest first so a name goes before the words inside it."""
    dataset = published()
    found: set[str] = set()
    for record in dataset.records:
        found |= {record.name_en, record.name_nl, record.source, record.source_quote or ""}
        found |= {record.notes or "", record.notes_nl or "", record.source_locator or "", record.id}
    for document in load_documents(DEFAULT_DOCUMENTS).values():
        found |= {document.title_en, document.title_nl or "", document.publisher, document.id}
    for item in dataset.disagreements.items:
        found |= {item.summary_en, item.summary_nl, item.other_quote, item.other_locator}
    return tuple(sorted((t for t in found if t), key=len, reverse=True))


@cache
def data_pattern() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(text) for text in data_texts()))


def own_text(text: str) -> str:
    return data_pattern().sub(" ", text)


@cache
def codes() -> frozenset[str]:
    """The vocabularies' codes: a code column shows them beside their labels, by design."""
    found = {code for value in vars(vocab).values() if isinstance(value, Vocabulary) for code in value.codes}
    return frozenset(found)


def workbook_texts(data: bytes) -> Iterator[str]:
    """Every text cell but codes, the command line and the URL parameters (codes by design)."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    for sheet in book.worksheets:
        yield sheet.title
        for row in sheet.iter_rows():
            for cell in row:
                text = cell.value
                if isinstance(text, str) and text not in codes() and not text.startswith(("python -m", "?")):
                    yield text
    yield from (book.properties.title or "", book.properties.creator or "")


def problems(texts: Iterator[str], lang: Lang) -> list[str]:
    found: list[str] = []
    for text in texts:
        own = own_text(text)
        patterns = JARGON + (tuple(rf"\b{re.escape(w)}\b" for w in ENGLISH) if lang == "nl" else ())
        found += [f"{pattern!r} in {text[:120]!r}" for pattern in patterns if re.search(pattern, own, re.I)]
    return found


# The whole selection says most; the narrower two (each file a few tenths of a second) are slow.
NARROWER = [pytest.param(name, marks=pytest.mark.slow) for name in SELECTIONS if name != "full"]


@pytest.mark.slow  # half a second or more for each deck; the workbooks below stay in the fast tier
@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("name", ["full", *NARROWER])
def test_a_deck_speaks_plainly_in_its_language(name: str, lang: Lang) -> None:
    assert problems(deck_texts(made("pptx", name, lang)), lang) == []


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("name", ["full", pytest.param("nl", marks=pytest.mark.slow)])
def test_a_workbook_speaks_plainly_in_its_language(name: str, lang: Lang) -> None:
    assert problems(workbook_texts(made("xlsx", name, lang)), lang) == []


def test_the_lists_catch_what_they_are_for() -> None:
    """The check itself can fail: a jargon word and an English word are found."""
    assert problems(iter(["Counted inside a larger figure (2 row(s))"]), "en")
    assert problems(iter(["Bedragen: the total"]), "nl")
    assert not problems(iter(["Alle vermelde bedragen en hun bron"]), "nl")
