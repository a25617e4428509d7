"""The claims audit: every amount the headline, the deck and the workbook write, for the shipped
data and random filter combinations, is a claim the CSV's rows make.

A claim is a row's stated amount (or its whole's, or another document's figure for it), or a net
total computed from the CSV alone (`claims_support.net_claim`, no code shared with
`funding.selecting.totals`): of one kind and scope over the selection, over one group of a breakdown, or
over the battery money of one origin. A figure passes when it holds for some claim, said at
three significant digits the safe way (`claims_support.holds`). A sum that adds a part to its
whole, or wider money to battery money, is no claim and fails. The headline's tiles are held
to the exact claim of their kind and scope.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Sequence

import pytest
from claims_support import Row, Said, holds, net_claim, read_all
from factory import csv_bytes
from fixtures import DATA, DOCUMENTS, examples, shipped_rows
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from pptx import Presentation
from strategies import forests

from funding.charts.headline_figures import headline
from funding.exports import export_pptx, export_xlsx
from funding.i18n import t
from funding.i18n.vocab import Lang
from funding.registry.dataset_info import load_info
from funding.registry.documents import load_documents
from funding.registry.loading import load_dataset, parse_csv
from funding.selecting.selection import Filters, apply

ROWS = shipped_rows()
BY_ID = {r["id"]: r for r in ROWS}
DATASET = load_dataset(DATA)
DOCS = load_documents(DOCUMENTS)
INFO = load_info()
KINDS = ("public", "guarantee", "state_aid_ceiling", "private_expected")
DIMENSIONS: dict[str, Callable[[Row], list[str]]] = {
    "eu_pillar": lambda r: [r["eu_pillar"]],
    "nl_pillar": lambda r: [r["nl_pillar"]],
    "source": lambda r: [r["source"]],
    "instrument_type": lambda r: [r["instrument_type"]],
    "beneficiary": lambda r: r["beneficiary_types"].split(";") if r["beneficiary_types"] else [""],
}


def _other_amounts() -> dict[str, list[Said]]:
    """Where another document gives another figure for a row (the deck and sheets quote it)."""
    with (DATA.parent / "disagreements.csv").open(encoding="utf-8-sig", newline="") as f:
        found: dict[str, list[Said]] = {}
        for d in csv.DictReader(f):
            if d["other_amount_eur"]:
                a = float(d["other_amount_eur"])
                found.setdefault(d["record_id"], []).append((d["other_qualifier"] or "exact", a, a))
    return found


OTHER = _other_amounts()


def claims(selected: Sequence[Row], everything: Sequence[Row] = ROWS) -> list[Said]:
    """Every claim the selected rows of `everything` make (see the module docstring)."""
    by_id = {r["id"]: r for r in everything}
    out: list[Said] = []
    for r in selected:
        chain = [r]
        parent = r["parent_id"]
        while parent:  # a part's text may name its whole's amount
            chain.append(by_id[parent])
            parent = by_id[parent]["parent_id"]
        for row in chain:
            if row["amount_eur"]:
                a = float(row["amount_eur"])
                out.append((row["amount_qualifier"], a, a))
        out += OTHER.get(r["id"], [])
    for kind in KINDS:
        for battery in (True, False, None):
            net = net_claim(everything, selected, kind, battery)
            if net is not None:
                out.append(net)
        for of_group in DIMENSIONS.values():
            groups = {g for r in selected for g in of_group(r)}
            for group in groups:
                members = [r for r in selected if group in of_group(r)]
                for battery in (None, False):  # the bar, and its wider part
                    net = net_claim(everything, members, kind, battery, covering=selected)
                    if net is not None:
                        out.append(net)
        battery_rows = [r for r in selected if r["battery_specific"] == "yes"]
        for origin in {r["money_origin"] for r in battery_rows}:
            members = [r for r in battery_rows if r["money_origin"] == origin]
            net = net_claim(everything, members, kind, True, covering=battery_rows)
            if net is not None:
                out.append(net)
    return out


QUOTED = re.compile(r"“[^”]*”")


def unclaimed(text: str, lang: Lang, allowed: Sequence[Said]) -> list[Said]:
    """The figures in `text` that no claim holds for; a document's own words, quoted “…”, are
    the source, not a figure of ours, and are not read."""
    ours = QUOTED.sub("", text)
    return [said for said in read_all(ours, lang) if not any(holds(said, c) for c in allowed)]


def deck_texts(data: bytes) -> list[str]:
    """What a reader sees on every slide, and what the presenter reads in the notes."""
    texts = []
    for slide in Presentation(io.BytesIO(data)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if shape.has_table:
                texts += [c.text for row in shape.table.rows for c in row.cells]
        texts.append(slide.notes_slide.notes_text_frame.text)
    return texts


def sheet_texts(data: bytes, lang: Lang) -> list[str]:
    """Every cell, but the columns of words that are not ours: the documents' quotes and the
    curators' notes (they may name an amount the way the document does)."""
    theirs = {t(key, lang) for key in ("x_quote", "x_notes", "dis_quote")}
    book = load_workbook(io.BytesIO(data))
    texts = []
    for sheet in book.worksheets:
        skipped: set[int] = set()
        for row in sheet.iter_rows():
            for c in row:
                if c.value in theirs:
                    skipped.add(c.column)
                elif c.value and c.column not in skipped:
                    texts.append(str(c.value))
    return texts


filters_strategy = st.builds(
    Filters,
    level=st.lists(st.sampled_from(["EU", "NL", "MS"]), max_size=2, unique=True).map(tuple),
    type=st.lists(
        st.sampled_from(["grant", "loan", "guarantee", "state_aid", "fund"]), max_size=2, unique=True
    ).map(tuple),
    beneficiary=st.lists(
        st.sampled_from(["cell_manufacturers", "startups_smes", "consortia_clusters", "research"]),
        max_size=2,
        unique=True,
    ).map(tuple),
    status=st.lists(
        st.sampled_from(["announced", "allocated", "open", "reserved"]), max_size=2, unique=True
    ).map(tuple),
    origin=st.lists(st.sampled_from(["earlier_commitment", "not_stated", "new"]), max_size=1).map(tuple),
    year_from=st.one_of(st.none(), st.integers(2019, 2030)),
    battery_only=st.booleans(),
)


def _check(filters: Filters, lang: Lang) -> None:
    selection = apply(filters, DATASET.records)
    selected = [BY_ID[r.id] for r in selection]
    allowed = claims(selected)
    tiles = headline(DATASET, selection, lang, filters)
    for metric in (*tiles.main, *tiles.apart, *tiles.origins):
        assert not unclaimed(metric.value, lang, allowed), (filters, metric)
        assert not unclaimed(metric.help, lang, allowed), (filters, metric.key, metric.help)
    deck = export_pptx(DATASET, selection, filters, lang, DOCS, INFO)
    for text in deck_texts(deck):
        assert not unclaimed(text, lang, allowed), (filters, text)
    book = export_xlsx(DATASET, selection, filters, lang, DOCS, INFO)
    for text in sheet_texts(book, lang):
        assert not unclaimed(text, lang, allowed), (filters, text)


@settings(max_examples=examples(200))
@given(filters=filters_strategy, lang=st.sampled_from(["en", "nl"]))
def test_every_amount_written_is_a_claim_the_rows_make(filters: Filters, lang: Lang) -> None:
    _check(filters, lang)


# Fourteen decks and workbooks of the shipped data (seven selections in two languages), about 4 s
# of CPU: the full suite runs them, the fast tier keeps the random filters of the test above.
@pytest.mark.slow
@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(level=("NL",)),
        Filters(type=("loan",)),
        Filters(beneficiary=("startups_smes",)),
        Filters(beneficiary=("consortia_clusters",)),
        Filters(origin=("not_stated",)),
        Filters(year_from=2026, year_to=2026),
    ],
)
def test_the_briefing_links_of_the_issue_make_only_claims_the_rows_make(filters: Filters) -> None:
    for lang in ("en", "nl"):
        _check(filters, lang)


def test_the_headline_tiles_are_their_own_kind_and_scope() -> None:
    """Battery money, wider envelopes and both counted once, each held to its own claim."""
    tiles = {m.key: m.value for m in headline(DATASET, DATASET.records, "en").main}
    for key, battery in (("battery_public", True), ("wider_public", False), ("net_public", None)):
        want = net_claim(ROWS, ROWS, "public", battery)
        (said,) = read_all(tiles[key], "en")
        assert want is not None and holds(said, want), (key, said, want)


def test_a_sum_of_a_whole_and_its_parts_is_no_claim() -> None:
    """The audit can fail: the old "gross sum" of the whole dataset is refused."""
    public = [r for r in ROWS if r["amount_kind"] == "public" and r["amount_eur"]]
    gross = sum(float(r["amount_eur"]) for r in public)
    allowed = claims(ROWS)
    assert not any(holds(("about", gross, gross), c) for c in allowed)
    assert unclaimed(f"about EUR {gross / 1e9:.3f} bn", "en", allowed)


@settings(max_examples=examples(60))
@given(rows=forests(), picked=st.data(), lang=st.sampled_from(["en", "nl"]))
def test_random_datasets_make_only_claims_their_rows_make(
    rows: list[dict[str, str]], picked: st.DataObject, lang: Lang
) -> None:
    """Random valid datasets (parts under parts, wholes with separate or overlapping parts, whole
    figures that may share money) and a random part of their rows selected: every amount the
    headline, the deck and the workbook write is still a claim of those rows."""
    data = csv_bytes(rows)
    everything = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    dataset = parse_csv(data)
    keep = picked.draw(st.sets(st.sampled_from([r["id"] for r in everything])), label="selected ids")
    selection = [r for r in dataset.records if r.id in keep]
    allowed = claims([r for r in everything if r["id"] in keep], everything)
    tiles = headline(dataset, selection, lang)
    for metric in (*tiles.main, *tiles.apart, *tiles.origins):
        assert not unclaimed(metric.value, lang, allowed), (keep, metric)
    for text in deck_texts(export_pptx(dataset, selection, Filters(), lang, {}, INFO)):
        assert not unclaimed(text, lang, allowed), (keep, text)
    for text in sheet_texts(export_xlsx(dataset, selection, Filters(), lang, {}, INFO), lang):
        assert not unclaimed(text, lang, allowed), (keep, text)
