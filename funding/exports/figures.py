"""The charts of an export as plain data (bars, labels, the figures behind each bar), drawn by the
deck's native charts and read by its speaker notes.

Numbers come from `funding.selecting.breakdowns`, so a bar on a slide is the figure on the page. One chart
shows one figure kind; parts are marked and never stacked or summed onto their whole. A group
whose figures may share money is a range, drawn to its high end and labelled with both ends.
Bars are in reading order, largest first ("not stated" last), and so are the notes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from funding.charts.by_name import DECK_CHARTS
from funding.exports.xml_text import clean_text
from funding.i18n import t
from funding.i18n.vocab import AMOUNT_KIND, Lang
from funding.intake.records import Instrument
from funding.registry.dataset import Dataset
from funding.selecting.breakdowns import (
    NOT_STATED_GROUP,
    breakdown_rows,
    envelope_rows,
    group_codes,
)
from funding.selecting.figures import WIDER_MARK, parts_beyond_whole, wider_note
from funding.selecting.formatting import format_range
from funding.selecting.kinds import default_kind
from funding.selecting.selection import Filters
from funding.selecting.totals import NOT_SUMMED_KINDS, Bounds, NotSummable, counted_ids

# The deck's charts, in the page's order (one registry: funding.charts.by_name).
CHARTS: tuple[str, ...] = DECK_CHARTS
BREAKDOWNS = CHARTS[1:]
PART_MARK = "↳ "


@dataclass(frozen=True)
class Bar:
    label: str  # category label; a part starts with PART_MARK
    low: float  # the net amount's low end; equal to `high` unless figures may share money
    high: float  # what the bar is drawn to
    qualifier: str
    text: str  # the amount as written in the export's language ("up to EUR 1.5 bn")
    suffix: str  # said after the amount ("· not battery-specific"), or ""
    part: bool  # included in a bar above it: shown, never added
    records: tuple[Instrument, ...]  # the figures behind the bar, for the speaker notes
    not_stated: bool = False  # the "not stated" group of a breakdown

    @property
    def amount(self) -> float:
        return self.high

    @property
    def label_text(self) -> str:
        return f"{self.text} {self.suffix}".strip()


@dataclass(frozen=True)
class ChartSpec:
    name: str
    kind: str
    title: str
    bars: tuple[Bar, ...]
    notes: tuple[str, ...]
    records: tuple[Instrument, ...]  # the rows with an amount behind the chart, for references
    unstated: int = 0  # entries of the kind without an amount: a count in the notes, never bars


def one_line(text: str) -> str:
    """A name on one line, whole: each chart fits it to its own room (funding.charts.labels)."""
    return clean_text(" ".join(text.split()))


def chart_spec(
    dataset: Dataset,
    selection: Sequence[Instrument],
    filters: Filters,
    name: str,
    lang: Lang,
    kind: str | None = None,
) -> ChartSpec:
    """One chart of one figure kind (default: `funding.selecting.kinds.default_kind`)."""
    if name not in CHARTS:
        raise ValueError(f"unknown chart {name!r}; valid: {', '.join(CHARTS)}")
    kind = kind or default_kind(selection, filters.kind)
    if kind in NOT_SUMMED_KINDS and name != "envelopes":
        raise NotSummable(kind)  # only 'envelopes' shows them, one by one
    kind_label = AMOUNT_KIND.label(kind, lang)
    of_kind = [r for r in selection if r.amount_kind == kind]
    with_amount = tuple(r for r in of_kind if r.amount_eur is not None)
    notes: list[str] = []
    if name == "envelopes":
        bars = _envelope_bars(dataset, selection, kind, lang)
        if kind in NOT_SUMMED_KINDS:
            notes.append(t("not_summed_chart", lang))
        if any(b.part for b in bars):
            notes.append(t("parts_note", lang))
        notes += parts_beyond_whole(dataset, selection, kind, lang)
        title = t("chart_envelopes", lang, kind=kind_label)
    else:
        bars = _breakdown_bars(dataset, selection, filters.framework, name, kind, lang)
        notes.append(t("groups_net", lang) if name != "beneficiary" else t("not_additive", lang))
        if any(b.suffix for b in bars):
            notes.append(t("wider_mark_legend", lang, mark=WIDER_MARK))
        if any(b.low != b.high for b in bars):
            notes.append(t("deck_range_bars", lang))
        framework = t(f"framework_{filters.framework}", lang) if name == "pillar" else ""
        title = t(f"chart_{name}", lang, kind=kind_label, framework=framework)
    # Counted as the headline counts: funding instruments (frameworks and the like are listed apart).
    without = sum(1 for r in of_kind if r.amount_eur is None and r.record_type == "instrument")
    if without:
        notes.append(t("not_shown", lang, n=without))
    if not bars:
        notes.insert(0, t("no_amounts", lang))
    return ChartSpec(name, kind, title, bars, tuple(notes), with_amount, without)


def _envelope_bars(
    dataset: Dataset, selection: Sequence[Instrument], kind: str, lang: Lang
) -> tuple[Bar, ...]:
    broader = f"· {t('not_battery_specific', lang)}"  # as on the page: not all of it is for batteries
    bars = []
    for row in envelope_rows(dataset, selection, kind, lang):
        record = dataset.by_id[str(row["id"])]
        amount, qualifier = float(row["amount"]), str(row["qualifier"])
        depth = int(row["depth"])
        bars.append(
            Bar(
                label=("  " * max(0, depth - 1) + PART_MARK if depth else "") + one_line(str(row["name"])),
                low=amount,
                high=amount,
                qualifier=qualifier,
                text=format_range(amount, amount, lang, qualifier),
                suffix="" if record.battery_specific else broader,
                part=not bool(row["counted"]),
                records=(record,),
            )
        )
    return tuple(bars)


def _breakdown_bars(
    dataset: Dataset,
    selection: Sequence[Instrument],
    framework: str,
    name: str,
    kind: str,
    lang: Lang,
) -> tuple[Bar, ...]:
    dimension = f"{framework}_pillar" if name == "pillar" else name
    table, _ = breakdown_rows(dataset, selection, dimension, kind, lang)
    rows = [row for row in table if float(row["amount"]) > 0]
    rows.sort(key=lambda row: (row["group"] == NOT_STATED_GROUP, -float(row["amount"])))
    of_kind = [r for r in selection if r.amount_kind == kind]
    counted = counted_ids(dataset, of_kind)
    behind = {
        str(row["group"]): tuple(
            sorted(
                (r for r in of_kind if r.id in counted and row["group"] in group_codes(r, dimension)),
                key=lambda r: -(r.amount_eur or 0.0),
            )
        )
        for row in rows
    }
    return tuple(
        Bar(
            label=one_line(str(row["label"])),
            low=float(row["low"]),
            high=float(row["amount"]),
            qualifier=str(row["qualifier"]),
            text=format_range(float(row["low"]), float(row["amount"]), lang, str(row["qualifier"])),
            suffix=wider_note(
                Bounds(
                    float(row["wider_low"]), float(row["wider"]), str(row["wider_qualifier"]), rows=("b",)
                ),
                Bounds(float(row["low"]), float(row["amount"]), rows=("b",)),
                lang,
            ),
            part=False,
            records=behind[str(row["group"])],
            not_stated=row["group"] == NOT_STATED_GROUP,
        )
        for row in rows
    )
