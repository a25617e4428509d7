"""The charts of an export as plain data (bars, labels, notes), drawn by slides.py and images.py.

Numbers come from `funding.breakdowns`, so a bar on a slide is the figure on the page. One chart
shows one figure kind; parts are marked and never stacked or summed onto their whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from funding.breakdowns import NOT_STATED_GROUP, breakdown, envelopes
from funding.dataset import Dataset
from funding.exports.common import clean_text
from funding.formatting import format_eur
from funding.i18n import t
from funding.kinds import default_kind
from funding.records import Instrument
from funding.selection import Filters
from funding.totals import NOT_SUMMED_KINDS
from funding.vocab import AMOUNT_KIND, Lang

# Chart names, as used by `--chart` and in the deck's order.
CHARTS: tuple[str, ...] = ("envelopes", "pillar", "source", "instrument_type", "beneficiary")
PART_MARK = "↳ "
MAX_LABEL = 110


@dataclass(frozen=True)
class Bar:
    label: str  # category label; a part starts with PART_MARK
    amount: float
    qualifier: str
    text: str  # the amount with its qualifier, in the export's language ("up to EUR 1.5 bn")
    part: bool  # included in a bar above it: shown, never added


@dataclass(frozen=True)
class ChartSpec:
    name: str
    kind: str
    title: str
    bars: tuple[Bar, ...]
    notes: tuple[str, ...]
    records: tuple[Instrument, ...]  # the rows with an amount behind the chart, for references


def short(text: str, limit: int = MAX_LABEL) -> str:
    text = clean_text(" ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def chart_spec(
    dataset: Dataset,
    selection: Sequence[Instrument],
    filters: Filters,
    name: str,
    lang: Lang,
    kind: str | None = None,
) -> ChartSpec:
    """One chart of one figure kind (default: `funding.kinds.default_kind`)."""
    if name not in CHARTS:
        raise ValueError(f"unknown chart {name!r}; valid: {', '.join(CHARTS)}")
    kind = kind or default_kind(selection, filters.kind)
    if kind in NOT_SUMMED_KINDS and name != "envelopes":
        raise ValueError(f"{kind} figures may overlap and are never added up; only 'envelopes' shows them")
    kind_label = AMOUNT_KIND.label(kind, lang)
    of_kind = [r for r in selection if r.amount_kind == kind]
    with_amount = tuple(r for r in of_kind if r.amount_eur is not None)
    notes: list[str] = []
    if name == "envelopes":
        table = envelopes(dataset, selection, kind, lang)
        broader = f" · {t('not_battery_specific', lang)}"  # as on the page: not all of it is for batteries
        bars = tuple(
            Bar(
                label=("  " * max(0, int(row["depth"]) - 1) + PART_MARK if row["depth"] else "")
                + short(row["name"]),
                amount=float(row["amount"]),
                qualifier=str(row["qualifier"]),
                text=format_eur(float(row["amount"]), lang, str(row["qualifier"]))
                + ("" if dataset.by_id[str(row["id"])].battery_specific else broader),
                part=not bool(row["counted"]),
            )
            for row in table.to_dict("records")
        )
        if kind in NOT_SUMMED_KINDS:
            notes.append(t("not_summed_chart", lang))
        if any(b.part for b in bars):
            notes.append(t("parts_note", lang))
        title = t("chart_envelopes", lang, kind=kind_label)
    else:
        dimension = f"{filters.framework}_pillar" if name == "pillar" else name
        result = breakdown(dataset, selection, dimension, kind, lang)
        rows = [row for row in result.table.to_dict("records") if float(row["amount"]) > 0]
        if name != "pillar":  # pillars keep their numbered order; other groups by size
            rows.sort(key=lambda row: (row["group"] == NOT_STATED_GROUP, -float(row["amount"])))
        bars = tuple(
            Bar(
                label=short(str(row["label"])),
                amount=float(row["amount"]),
                qualifier=str(row["qualifier"]),
                text=format_eur(float(row["amount"]), lang, str(row["qualifier"])),
                part=False,
            )
            for row in rows
        )
        notes.append(t("groups_net", lang) if result.additive else t("not_additive", lang))
        framework = t(f"framework_{filters.framework}", lang) if name == "pillar" else ""
        title = t(f"chart_{name}", lang, kind=kind_label, framework=framework)
    without = len(of_kind) - len(with_amount)
    if without:
        notes.append(t("not_shown", lang, n=without))
    if not bars:
        notes.insert(0, t("no_amounts", lang))
    return ChartSpec(name, kind, title, bars, tuple(notes), with_amount)


def deck_charts(
    dataset: Dataset, selection: Sequence[Instrument], filters: Filters, lang: Lang
) -> list[ChartSpec]:
    """The deck's charts: amounts by instrument for every kind that has any (each kind on its own
    chart), then the breakdowns of the default kind when it may be added up; charts without a
    bar are left out."""
    kinds = [
        k
        for k in AMOUNT_KIND.codes
        if any(r.amount_kind == k and r.amount_eur is not None for r in selection)
    ]
    specs = [chart_spec(dataset, selection, filters, "envelopes", lang, kind) for kind in kinds]
    kind = default_kind(selection, filters.kind)
    if kind not in NOT_SUMMED_KINDS:
        specs += [chart_spec(dataset, selection, filters, name, lang, kind) for name in CHARTS[1:]]
    return [spec for spec in specs if spec.bars]
