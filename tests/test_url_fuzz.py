"""Links that cannot mislead: any URL, however stale or hand-made, opens a page that says what it
shows.

A hypothesis property draws URLs from the page's parameter names and junk names, with repeats,
values from each vocabulary (and the shipped data's sources and ids) and junk values, opens each
in AppTest and asserts: no exception; a period whose start is after its end is refused (a
message, no figure, no chart, no download, as the command line refuses it); otherwise the
"Selection:" line names every filter and every chart pick in effect, and a pick or compared
instrument the data does not have is named in a note instead of narrowing the page to nothing.

What is "in effect" is computed here from the URL and data/funding.csv read with the csv module;
only the pillar framework and the years, checkboxes and search text are read back from their
widgets (they are the page's parsing of the URL, not what is checked).

Each URL takes about 0.5 s: 60 locally, 500 in CI (the `CI` variable set; with the headline
checked too, 500 passed in 231 s on the shared 2-core machine at a load average of about 12,
beside a soak: `CI=true pytest tests/test_url_fuzz.py -k any_link`).
"""

from __future__ import annotations

import csv
import os
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pytest
from apptest_support import APP, app, metric, metrics, said
from claims_support import Row, Said, counted_rows, holds, net_claim, parts_said, read_all
from fixtures import ROOT, instruments, shipped_rows
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from app.url_state import PRESENT, VIEWS
from funding.i18n import t
from funding.i18n.vocab import (
    AMOUNT_KIND,
    BENEFICIARY,
    EU_PILLAR,
    INSTRUMENT_TYPE,
    LEVEL,
    NL_PILLAR,
    NOT_STATED_ORIGIN,
    PILLAR_FRAMEWORKS,
    RECORD_TYPE,
    STATUS,
    Lang,
    Vocabulary,
)
from funding.selecting.selection import ORIGIN_LABELS, ORIGINS

pytestmark = pytest.mark.apptest

APART_KINDS = ("guarantee", "state_aid_ceiling", "private_expected", "target")  # in the page's order

URL_EXAMPLES = 500 if os.environ.get("CI") else 60
ROWS = shipped_rows()
SOURCES = sorted({r["source"] for r in ROWS})
IDS = [r["id"] for r in ROWS]
DOCUMENTS = sorted({r["source_document"] for r in ROWS})
with (ROOT / "data" / "documents.csv").open(encoding="utf-8-sig", newline="") as _registry:
    TITLES = {d["id"]: d for d in csv.DictReader(_registry)}
NOT_STATED = "_not_stated"  # the group of rows that state nothing (funding.selecting.breakdowns)
VOCABULARIES: dict[str, Vocabulary] = {
    "level": LEVEL,
    "type": INSTRUMENT_TYPE,
    "beneficiary": BENEFICIARY,
    "status": STATUS,
    "kind": AMOUNT_KIND,
    "origin": ORIGIN_LABELS,
    "record_type": RECORD_TYPE,
}
CODES: dict[str, Sequence[str]] = {
    **{name: vocab.codes for name, vocab in VOCABULARIES.items()},
    "origin": ORIGINS,
    "source": SOURCES,
    "document": DOCUMENTS,
    "pillar": (*EU_PILLAR.codes, *NL_PILLAR.codes),
    "framework": ("eu", "nl"),
    "pick_source": SOURCES,
    "pick_type": INSTRUMENT_TYPE.codes,
    "pick_beneficiary": (*BENEFICIARY.codes, NOT_STATED),
    "pick_pillar": (*EU_PILLAR.codes, *NL_PILLAR.codes, NOT_STATED),
    "pick_instrument": IDS,
    "compare": IDS,
    "year_from": [str(y) for y in range(2018, 2036)],
    "year_to": [str(y) for y in range(2018, 2036)],
    "undated": ("true", "false"),
    "battery_only": ("true", "false"),
    "q": ("battery", "batt4eu", "fund", "ipcei", "zzz"),
    "lang": ("en", "nl"),
    "view": (*VIEWS, PRESENT),
}
# A pick parameter, the data's column behind it, and how its codes read (None: as written).
PICKS: dict[str, tuple[str, Vocabulary | None]] = {
    "pick_source": ("source", None),
    "pick_type": ("instrument_type", INSTRUMENT_TYPE),
    "pick_beneficiary": ("beneficiary_types", BENEFICIARY),
}
JUNK = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=24)
NAMES = st.one_of(st.sampled_from(sorted(CODES)), st.sampled_from(["pick_foo", "Level", "x", "compare[]"]))


@st.composite
def urls(draw: st.DrawFn) -> dict[str, list[str]]:
    """Up to 8 (name, value) pairs; a name may repeat; values from its vocabulary or junk."""
    query: dict[str, list[str]] = {}
    for _ in range(draw(st.integers(0, 8))):
        name = draw(NAMES)
        vocabulary = CODES.get(name)
        value = draw(st.sampled_from(vocabulary) if vocabulary and draw(st.integers(0, 4)) else JUNK)
        query.setdefault(name, []).append(value)
    return query


def _codes(row: Mapping[str, str], column: str) -> set[str]:
    return {c for c in row[column].split(";") if c} or {NOT_STATED}


def known(column: str) -> set[str]:
    return {c for row in ROWS for c in _codes(row, column)}


def _first(query: Mapping[str, list[str]], name: str, valid: Sequence[str], default: str) -> str:
    """What a single choice shows: the link's first valid value (app.url_state.choice)."""
    return next((v for v in query.get(name, []) if v in valid), default)


def presenting(query: Mapping[str, list[str]]) -> bool:
    """Presentation mode: the link's first `view` (app.url_state.view_of)."""
    return query.get("view", [""])[0] == PRESENT


def expected_names(query: Mapping[str, list[str]], lang: Lang, framework: str) -> list[str]:
    """Every label the Selection line must hold: filters' values the page keeps, and picks the
    data has (their labels as the page words them)."""
    names: list[str] = []
    for name, vocab in VOCABULARIES.items():
        names += [vocab.label(c, lang) for c in query.get(name, []) if c in CODES[name]]
    names += [s for s in query.get("source", []) if s in SOURCES]
    names += [TITLES[d][f"title_{lang}"] for d in query.get("document", []) if d in DOCUMENTS]
    pillars = PILLAR_FRAMEWORKS[framework]
    names += [pillars.label(c, lang) for c in query.get("pillar", []) if c in pillars.codes]
    if presenting(query):
        return names
    for param, (column, labels) in PICKS.items():
        picked = [c for c in query.get(param, []) if c in known(column)]
        names += [_pick_label(c, labels, lang) for c in picked]
    names += [_pick_label(c, pillars, lang) for c in query.get("pick_pillar", []) if c in _pillars(framework)]
    by_id = {r["id"]: r for r in ROWS}
    names += [by_id[i][f"name_{lang}"] for i in query.get("pick_instrument", []) if i in by_id]
    return names


def _pillars(framework: str) -> set[str]:
    """The pillar groups a pick can name under this framework (the shown framework's only)."""
    return known(f"{framework}_pillar") & {*PILLAR_FRAMEWORKS[framework].codes, NOT_STATED}


# A filter parameter and the data's column it tests (level, type, status, kind, record type,
# source, cited document).
COLUMNS = {
    "level": "level",
    "type": "instrument_type",
    "status": "status",
    "kind": "amount_kind",
    "record_type": "record_type",
    "source": "source",
    "document": "source_document",
}


@dataclass(frozen=True)
class Parsed:
    """What the page made of the URL's free-form values (its widgets): read back, not computed."""

    framework: str
    year_from: float | None
    year_to: float | None
    undated: bool
    battery_only: bool
    q: str


def in_effect(query: Mapping[str, list[str]], page: Parsed) -> list[Row]:
    """The rows the page says it shows, restated from the codebook over the CSV's rows: a row
    passes every filter (values of one filter are alternatives) and falls in every picked group
    (groups of one chart are alternatives)."""
    kept = {
        name: {v for v in query.get(name, []) if v in CODES[name]}
        for name in (*COLUMNS, "origin", "beneficiary")
    }
    kept["pillar"] = {v for v in query.get("pillar", []) if v in PILLAR_FRAMEWORKS[page.framework].codes}
    groups: dict[str, set[str]] = {}
    if not presenting(query):
        for param, (column, _) in PICKS.items():
            groups[column] = {c for c in query.get(param, []) if c in known(column)}
        groups[f"{page.framework}_pillar"] = {
            c for c in query.get("pick_pillar", []) if c in _pillars(page.framework)
        }
        groups["id"] = {i for i in query.get("pick_instrument", []) if i in IDS}

    def passes(row: Row) -> bool:
        tests = [
            *(not kept[name] or row[column] in kept[name] for name, column in COLUMNS.items()),
            not kept["origin"] or (row["money_origin"] or NOT_STATED_ORIGIN) in kept["origin"],
            not kept["beneficiary"] or bool(set(row["beneficiary_types"].split(";")) & kept["beneficiary"]),
            not kept["pillar"] or row[f"{page.framework}_pillar"] in kept["pillar"],
            not page.battery_only or row["battery_specific"] == "yes",
            _in_period(row, page),
            _found(row, page.q),
            *(not codes or bool(_codes(row, column) & codes) for column, codes in groups.items()),
        ]
        return all(tests)

    return [row for row in ROWS if passes(row)]


def _in_period(row: Row, page: Parsed) -> bool:
    """A row active in the period: its dates (a year or month widened to its whole span) meet
    it; a row without dates only while undated rows are kept."""
    if page.year_from is None and page.year_to is None:
        return True
    if not row["period_start"] and not row["period_end"]:
        return page.undated
    start = _widened(row["period_start"], "01", "01") or "0000-01-01"
    end = _widened(row["period_end"], "12", "31") or "9999-12-31"
    low = f"{int(page.year_from):04d}-01-01" if page.year_from is not None else "0000-01-01"
    high = f"{int(page.year_to):04d}-12-31" if page.year_to is not None else "9999-12-31"
    return start <= high and end >= low


def _widened(date: str, month: str, day: str) -> str:
    parts = date.split("-") if date else []
    return "-".join([*parts, month, day][:3]) if parts else ""


def _found(row: Row, q: str) -> bool:
    needle = q.casefold().strip()
    return not needle or any(
        needle in row[c].casefold() for c in ("id", "name_en", "name_nl", "source", "notes")
    )


def expected_said(rows: list[Row], kind: str, battery: bool | None) -> list[Said]:
    """The figures one tile must say for `rows`: nothing, the net claim, or, for parts of one
    whole the selection left out, each part and the whole (funding.figures.parts_apart)."""
    parts = parts_said(ROWS, counted_rows(ROWS, rows, kind, battery))
    if parts is not None:
        return parts
    net = net_claim(ROWS, rows, kind, battery)
    return [] if net is None else [net]


def check_headline(at: AppTest, rows: list[Row], lang: Lang) -> None:
    """Every headline figure against the computation for `rows`: the three public figures and
    the kinds kept apart held to their exact claims (said at three digits the safe way), the
    counts equal."""
    if not at.metric:  # a view without the headline (Data, Edit, ...)
        return
    for key, battery in (("battery_public", True), ("wider_public", False), ("net_public", None)):
        shown = metric(at, key, lang)
        wants = expected_said(rows, "public", battery)
        said_all = read_all(shown, lang)
        assert len(said_all) == len(wants) and all(map(holds, said_all, wants)), (key, shown, wants)
    listed = [r for r in rows if r["record_type"] == "instrument"]
    unstated = sum(1 for r in listed if not r["amount_eur"])
    assert metric(at, "instruments", lang) == str(instruments(rows))
    assert metric(at, "without_amount", lang) == t("of_instruments", lang, part=unstated, n=len(listed))
    apart = list(metrics(at).values())[5:]
    if not apart:  # presentation mode shows the five above only
        return
    assert len(apart) == len(APART_KINDS)
    for kind, shown in zip(APART_KINDS, apart, strict=True):
        if kind == "target":  # investment targets may overlap: counted, never summed
            n = sum(1 for r in rows if r["amount_kind"] == kind and r["amount_eur"])
            assert shown == (t("targets_value", lang, n=n) if n else t("none_stated", lang)), (shown, n)
            continue
        wants = [*expected_said(rows, kind, True), *expected_said(rows, kind, False)]
        said_all = read_all(shown, lang)
        assert len(said_all) == len(wants) and all(map(holds, said_all, wants)), (kind, shown, wants)


def _pick_label(code: str, vocab: Vocabulary | None, lang: Lang) -> str:
    if code == NOT_STATED:
        return t("not_stated_group", lang)
    return vocab.label(code, lang) if vocab is not None else code


def stale_values(query: Mapping[str, list[str]]) -> list[str]:
    """Picks and compared ids the data does not have: each must be named in the note."""
    stale = [v for v in query.get("pick_instrument", []) + query.get("compare", []) if v not in IDS]
    for param, (column, _) in PICKS.items():
        stale += [v for v in query.get(param, []) if v not in known(column)]
    pillars = known("eu_pillar") | known("nl_pillar")
    return stale + [v for v in query.get("pick_pillar", []) if v not in pillars]


def _plain(text: str) -> str:
    """Text as the page shows it: format characters (bidirectional controls) dropped, white
    space collapsed (funding.base.markdown)."""
    shown = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return re.sub(r"\s+", " ", shown).strip()


@settings(max_examples=URL_EXAMPLES, suppress_health_check=[HealthCheck.too_slow])
@given(urls())
# Always, besides the drawn ones: a filter and a chart pick narrowing the headline, picks (one
# stale) that presentation mode sets aside, a period that leaves undated rows out, a document.
@example({"battery_only": ["true"], "pick_source": ["Horizon Europe"], "lang": ["nl"]})
@example(
    {
        "pick_beneficiary": ["_not_stated"],
        "pick_source": ["Horizon 2099"],
        "view": ["present"],
        "kind": ["public"],
    }
)
@example({"year_from": ["2027"], "undated": ["false"], "pick_pillar": ["_not_stated"], "framework": ["nl"]})
# A cited document whose entries state no battery money: "none stated", not the whole dataset's.
@example({"document": ["actieagenda-batterijsystemen"]})
def test_any_link_opens_a_page_that_says_what_it_shows(query: dict[str, list[str]]) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    for name, values in query.items():
        at.query_params[name] = values
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    lang: Lang = "nl" if _first(query, "lang", ("en", "nl"), "en") == "nl" else "en"
    year_from, year_to = (at.number_input(key=k).value for k in ("year_from", "year_to"))
    if year_from is not None and year_to is not None and year_from > year_to:
        refusal = t("filter_years_reversed", lang, year_from=int(year_from), year_to=int(year_to))
        assert t("filter_refused", lang, text=refusal) in said(at.error)
        assert (at.metric.len, len(at.get("plotly_chart")), len(at.get("download_button"))) == (0, 0, 0)
        return
    prefix = t("selection", lang, text="")
    (line,) = [_plain(c) for c in said(at.caption) if c.startswith(prefix)]
    framework = str(at.radio(key="framework").value)
    for name in expected_names(query, lang, framework):
        assert _plain(name) in line, (name, line)
    if at.checkbox(key="battery_only").value:
        assert t("describe_battery_only", lang) in line
    if year_from is not None or year_to is not None:
        span = f"{_year(year_from)}–{_year(year_to)}"
        key = "describe_period" if at.checkbox(key="undated").value else "describe_period_dated"
        assert t(key, lang, span=span) in line
    q = _plain(str(at.text_input(key="q").value or ""))
    if q:
        assert t("describe_search", lang, q=q) in line
    # Presentation mode sets every pick and comparison aside, stale or not: nothing to note.
    stale = [] if presenting(query) else list(dict.fromkeys(stale_values(query)))
    parsed = Parsed(
        framework,
        year_from,
        year_to,
        bool(at.checkbox(key="undated").value),
        bool(at.checkbox(key="battery_only").value),
        str(at.text_input(key="q").value or ""),
    )
    check_headline(at, in_effect(query, parsed), lang)
    notes = _plain(" ".join(said(at.warning)))
    assert bool(stale) == (t("stale_pick", lang, values="").split(":")[0] in notes)
    if len(stale) <= 10:  # the note names the first ten (app.pick_state.STALE_SHOWN)
        for value in stale:
            assert f"“{_plain(value[:80])}”" in notes, value


def _year(value: float | None) -> str:
    return "…" if value is None else str(int(value))


def test_a_stale_pick_is_dropped_with_a_note_not_narrowed_to_nothing() -> None:
    """The issue's case: `pick_source` of a renamed source showed 0 entries and "none stated"
    under "Selection: All instruments". Now the page shows every instrument, names the stale
    value, and the link loses it."""
    at = app(pick_source="Horizon 2099", lang="nl")
    assert metric(at, "instruments", "nl") == str(instruments(ROWS))
    assert any("“Horizon 2099”" in note for note in said(at.warning))
    assert "pick_source" not in at.query_params


def test_a_stale_compared_instrument_is_dropped_with_a_note() -> None:
    kept = [r["id"] for r in ROWS if r["amount_eur"]][:2]
    at = app(compare=["gone-instrument", *kept])
    assert any("“gone-instrument”" in note for note in said(at.warning))
    assert at.query_params["compare"] == kept
