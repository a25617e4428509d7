"""The filter table (`selection.FIELDS`) drives every place a filter appears: each field has its
attribute, labels, CLI option and URL-table row (docs/url-parameters.md), and for each field a value the data holds narrows
the selection the same way row by row (`selection.apply`) and in arrays (`filter_index.select`)."""

from __future__ import annotations

import argparse
import csv
import re
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from fixtures import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import SHIPPED, filters

from funding.cli.shared import add_filter_options, filters_from
from funding.exports.reproduce import filter_arguments
from funding.i18n import TEXTS, t
from funding.i18n.languages import codes
from funding.selecting.figures import figures
from funding.selecting.filter_index import select
from funding.selecting.filter_problems import filter_problems
from funding.selecting.selection import CODE_FIELDS, FIELDS, FilterField, Filters, apply, describe

URL_TABLE = Path(__file__).resolve().parents[1] / "docs" / "url-parameters.md"


def test_filters_has_one_attribute_per_row_in_the_tables_order() -> None:
    assert [f.name for f in fields(Filters)] == [f.name for f in FIELDS]


def test_every_field_has_its_labels_in_every_language() -> None:
    keys = [f.label_key for f in FIELDS] + [f.describe_key for f in CODE_FIELDS]
    missing = [(key, lang) for key in keys for lang in codes() if lang not in TEXTS.get(key, {})]
    assert missing == []


def test_the_readme_url_table_has_a_row_per_field_with_its_codes() -> None:
    """A row per field, starred when the parameter repeats, naming every vocabulary code."""
    rows: dict[str, tuple[bool, str]] = {}
    section = URL_TABLE.read_text("utf-8").split("# Sharing a view: URL parameters")[1].split("\n## ")[0]
    for line in section.splitlines():
        cells = line.split(" | ")
        if line.startswith("| `") and len(cells) > 1:
            for name, star in re.findall(r"`(\w+)`(\*?)", cells[0]):
                rows[name] = (star == "*", cells[1])
    for field in FIELDS:
        assert field.name in rows, field.name
        starred, text = rows[field.name]
        assert starred == field.multi, field.name
        assert [c for c in field.all_codes() if f"`{c}`" not in text] == [], field.name


def cli(args: list[str]) -> Filters:
    parser = argparse.ArgumentParser()
    add_filter_options(parser)
    problems: list[str] = []
    found = filters_from(parser.parse_args(args), problems)
    assert problems == []
    return found


@settings(max_examples=examples(200), suppress_health_check=[HealthCheck.too_slow])
@given(filters(), st.sampled_from(("eu", "nl")))
def test_the_cli_options_read_back_every_filter(chosen: Filters, framework: str) -> None:
    chosen = replace(chosen, framework=framework)
    assert cli(filter_arguments(chosen, "en")[2:]) == chosen


@settings(max_examples=examples(300), suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(CODE_FIELDS), st.data(), filters(), st.sampled_from(("eu", "nl")))
def test_a_value_the_data_holds_narrows_the_same_way_in_both_paths(
    field: FilterField, data: st.DataObject, base: Filters, framework: str
) -> None:
    """Alone, a held value selects the rows holding it: some, and fewer than all unless every
    row holds it; on top of other filters, both paths still agree."""
    holding = {c for r in SHIPPED.records for c in field.of(r, framework)}
    offered = field.offered(SHIPPED, framework) if field.listed else tuple(SHIPPED.column("id"))
    values = [v for v in offered if v in holding]
    value = data.draw(st.sampled_from(values))
    picked: dict[str, Any] = {field.name: (value,)}
    alone = replace(Filters(framework=framework), **picked)
    rows = apply(alone, SHIPPED.records)
    assert [r.id for r in select(alone, SHIPPED)] == [r.id for r in rows]
    assert rows == [r for r in SHIPPED.records if value in field.of(r, framework)] != []
    if any(value not in field.of(r, framework) for r in SHIPPED.records):
        assert len(rows) < len(SHIPPED.records)
    both = replace(base, framework=framework, **picked)
    assert [r.id for r in select(both, SHIPPED)] == [r.id for r in apply(both, SHIPPED.records)]


def test_every_single_value_filter_can_narrow_and_both_paths_agree() -> None:
    first = SHIPPED.records[0]
    narrowing: dict[str, Any] = {
        "year_from": 2030,
        "year_to": 2020,
        "undated": False,  # with a period: what it drops
        "battery_only": True,
        "q": first.id,
    }
    for name, value in narrowing.items():
        unset = Filters(year_from=2020 if name == "undated" else None)
        chosen = replace(unset, **{name: value})
        rows = apply(chosen, SHIPPED.records)
        assert [r.id for r in select(chosen, SHIPPED)] == [r.id for r in rows], name
        assert 0 < len(rows) < len(apply(unset, SHIPPED.records)), name


def test_a_filter_by_cited_document_selects_the_entries_quoting_it_and_names_it() -> None:
    """The rows of data/funding.csv whose source_document is the progress letter, counted from
    the file itself; the selection line names the document by its title in each language."""
    doc = "kamerbrief-voortgang-batterijen-2025"
    root = URL_TABLE.parents[1] / "data"
    with (root / "funding.csv").open(encoding="utf-8-sig", newline="") as file:
        quoting = [row["id"] for row in csv.DictReader(file) if row["source_document"] == doc]
    with (root / "documents.csv").open(encoding="utf-8-sig", newline="") as file:
        titles = next(row for row in csv.DictReader(file) if row["id"] == doc)
    chosen = Filters(document=(doc,))
    assert [r.id for r in select(chosen, SHIPPED)] == quoting != []
    assert describe(chosen, "en") == f"{t('describe_document', 'en')}: {titles['title_en']}"
    assert describe(chosen, "nl") == f"{t('describe_document', 'nl')}: {titles['title_nl']}"
    assert cli(["--document", doc]) == chosen
    assert [p.code for p in filter_problems(Filters(document=("no-such-document",)), SHIPPED)] == [
        "unknown_value"
    ]


def test_pillars_of_a_framework_that_does_not_exist_select_nothing_in_both_paths() -> None:
    """A hand-made link or option may name one; filter_problems reports it, and neither path
    guesses which pillars were meant."""
    chosen = Filters(framework="xx", pillar=("financing",))
    assert list(select(chosen, SHIPPED)) == apply(chosen, SHIPPED.records) == []


def test_instruments_compared_are_named_in_the_selection_line_not_by_id() -> None:
    """A deck's title slide and footers, the workbook's About sheet and a chart image say the
    selection through `describe` with the dataset: the instruments compared by their names in
    the reader's language, read here from data/funding.csv itself (ids mean nothing to a reader)."""
    ids = ("battery-booster-facility", "ngf-micb")
    root = URL_TABLE.parents[1] / "data"
    with (root / "funding.csv").open(encoding="utf-8-sig", newline="") as file:
        rows = {row["id"]: row for row in csv.DictReader(file) if row["id"] in ids}
    chosen = Filters(compare=ids)
    for lang in ("en", "nl"):
        names = "; ".join(rows[i][f"name_{lang}"] for i in ids)
        assert describe(chosen, lang, SHIPPED) == f"{t('describe_compare', lang)}: {names}"
        assert figures(SHIPPED, select(chosen, SHIPPED), chosen, lang).selection == describe(
            chosen, lang, SHIPPED
        )
    assert describe(chosen, "nl") == "2 instrumenten vergeleken"  # no dataset: how many, never the ids
