"""Every problem a producer can report, made on purpose: each code, and each of its texts, at least
once (the bad corpus, rows made for each rule, the companion files, quotes and warnings)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

from factory import csv_bytes, row
from fixtures import ROOT
from pydantic import BaseModel, ValidationError

from funding.base.errors import FundingError, InvalidData, Problem, problem, validation_problems
from funding.changes.quotes import Quoted, quote_problems
from funding.i18n.vocab import BENEFICIARY, EU_PILLAR
from funding.intake.records import pattern_problem
from funding.registry.calls import load_calls
from funding.registry.dataset_rules import MAX_OVERLAP_GROUP, dataset_warnings
from funding.registry.disagreements import parse_disagreements
from funding.registry.documents import Document, load_documents
from funding.registry.loading import parse_csv

BAD = ROOT / "tests" / "data" / "bad"
BENEFICIARY_CODE = BENEFICIARY.codes[0]

# Rows that each break one rule of a row or of rows together (line 2 onwards).
RULE_ROWS = [
    row("qualifier-alone", qualifier="exact"),
    {**row("amount-alone", "10"), "amount_qualifier": ""},
    row("framework-money", "10", record_type="framework"),
    row("origin-alone", money_origin="new"),
    row("disjoint-alone", parts_disjoint="yes"),
    row("own-parent", parent_id="own-parent"),
    row("pillar-alone", eu_pillar=EU_PILLAR.codes[0]),
    row("twice", beneficiary_types=f"{BENEFICIARY_CODE};{BENEFICIARY_CODE}"),
    row("maybe", battery_specific="maybe"),
    row("maybe-disjoint", "10", parts_disjoint="maybe"),
    row("whole", "100", parts_disjoint="yes"),
    row("part-a", "60", parent_id="whole"),
    row("part-b", "50", parent_id="whole", may_overlap="a"),
    row("a", "10", may_overlap="b;ghost;a;a"),
    row("b", "20"),
    row("c", "5", amount_kind="guarantee", may_overlap="a"),
    row("d", may_overlap="a"),
    row("g", "5", may_overlap="h"),
    row("h"),
    row("dup", "1"),
    row("dup", "1"),
    row("orphan", parent_id="nobody"),
    row("wide", "1", amount_eur="1,500,000"),
]
# A chain of wholes, each linked to the next both ways: one group, one row too many.
CHAIN = [f"link-{i}" for i in range(MAX_OVERLAP_GROUP + 1)]
CHAIN_ROWS = [
    row(rid, "10", may_overlap=";".join(CHAIN[max(i - 1, 0) : i] + CHAIN[i + 1 : i + 2]))
    for i, rid in enumerate(CHAIN)
]
WARNED_ROWS = [
    row("whole", "100", money_origin="new", notes="English only"),
    row("part", "10", parent_id="whole", money_origin="reprioritised"),
]
CALLS = """id,record_id,name_en,name_nl,beneficiary_types,opens,opens_qualifier,closes,closes_qualifier,source_document,source_locator,source_quote,notes,notes_nl
c1,nobody,Call,Oproep,ghosts,2026-02-30,stated,,,elsewhere,p. 1,quote,,
c1,,Call,Oproep,,,,,stated,doc,p. 1,quote,,
c2,,Call,Oproep,,2026,,,,doc,p. 1,quote,,
c3,,Call,Oproep,,,,,,doc,p. 1,quote,,
c4,,Call,Oproep,,2027,stated,2026,stated,doc,p. 1,quote,,
Bad Id,,,Oproep,,2026,stated,,,doc,p. 1,quote,,
"""
DISAGREEMENTS = """id,record_id,column,other_document,other_locator,other_quote,other_amount_eur,other_qualifier,summary_en,summary_nl
d1,nobody,amount_eur,elsewhere,p. 1,quote,5,exact,Says less,Zegt minder
d1,a,amount_eur,doc,p. 1,quote,5,exact,Says less,Zegt minder
d2,a,amount_eur,doc,p. 1,quote,-5,exact,Says less,Zegt minder
d3,a,amount_eur,doc,p. 1,quote,lots,exact,,Zegt minder
"""
DOCUMENTS = """id,title_en,title_nl,publisher,language
doc,Title,Titel,Publisher,e
doc,Title,,Publisher,en
ok,Title,Titel,Publisher,en
ok,Title,Titel,Publisher,en
"""
DOCUMENTS_SHORT = "id,title_en,title_nl,language,extra\ndoc,Title,Titel,en,x\nopen,,,,\n"


class _Count(BaseModel):
    n: int


def every_problem(folder: Path) -> Iterator[tuple[str, Problem]]:
    """(where, problem) for every problem the cases below raise, written to files in `folder`."""
    documents = load_documents(BAD / "documents.csv")
    for path in sorted(BAD.glob("*.csv")):
        if path.name not in ("documents.csv", "expected.csv"):
            read = partial(parse_csv, path.read_bytes(), known_documents=documents, max_bytes=None)
            yield from _raised(path.name, read)
    for name, rows in (("rules", RULE_ROWS), ("chain", CHAIN_ROWS)):
        yield from _raised(name, partial(parse_csv, csv_bytes(rows), known_documents={"doc"}))
    yield from (("warnings", p) for p in dataset_warnings(parse_csv(csv_bytes(WARNED_ROWS))))
    for name, text in (("calls.csv", CALLS), ("documents.csv", DOCUMENTS), ("short.csv", DOCUMENTS_SHORT)):
        (folder / name).write_text(text, encoding="utf-8")
    yield from _raised(
        "calls", lambda: load_calls(folder / "calls.csv", record_ids={"a"}, known_documents={"doc"})
    )
    yield from _raised("documents", lambda: load_documents(folder / "documents.csv"))
    yield from _raised("short", lambda: load_documents(folder / "short.csv"))
    yield from _raised(
        "disagreements",
        lambda: parse_disagreements(
            DISAGREEMENTS.encode(), source="disagreements", record_ids={"a"}, known_documents={"doc"}
        ),
    )
    yield from (("quotes", p) for p in _quote_problems())
    code, details = pattern_problem("name_en", "fine")  # no text the loader reads fails this way yet
    yield "defensive", problem(2, "name_en", code, "fine", **details)
    try:
        _Count.model_validate({"n": "many"})
    except ValidationError as exc:  # a pydantic error type no model of ours raises yet
        yield from (("other", p) for p in validation_problems(exc, 2, {"n": "many"}))


def _raised(where: str, load: Callable[[], object]) -> Iterator[tuple[str, Problem]]:
    try:
        load()
    except InvalidData as exc:
        yield from ((where, p) for p in exc.problems)
    except FundingError:
        return


def _quote_problems() -> Iterator[Problem]:
    documents = {
        "doc": Document(id="doc", title_en="T", title_nl="T", publisher="P", language="en", file="doc.txt"),
        "nofile": Document(id="nofile", title_en="T", title_nl="T", publisher="P", language="en"),
    }
    text = "the fund holds eur 300 million for batteries"
    quotes = [
        Quoted(2, "ghost", "source_document", "q", "source_quote", None, "amount_eur"),
        Quoted(3, "nofile", "source_document", "q", "source_quote", None, "amount_eur"),
        Quoted(4, "doc", "source_document", "the fund holds eur 400", "source_quote", None, "amount_eur"),
        Quoted(5, "doc", "source_document", "zzz", "source_quote", None, "amount_eur"),
        Quoted(
            6, "doc", "source_document", "the fund holds eur 300 million", "source_quote", 5.0, "amount_eur"
        ),
        Quoted(7, "doc", "source_document", "the fund", "source_quote", 5.0, "amount_eur"),
    ]
    return iter(quote_problems(quotes, {"doc": text}, documents))
