"""What a deck (and presentation mode) shows for a selection, and in which order: one rule.

The order tells a story: the lead figure, then how it compares (amounts by instrument) and how it
breaks down, then the figure kinds kept apart, each compared on its own. A chart with a single
bar says nothing a sentence cannot: it becomes a sentence on the headline slide instead. Rows
without an amount are listed at the end, not drawn as bars.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from funding.exports.figures import BREAKDOWNS, ChartSpec, chart_spec
from funding.i18n import t
from funding.i18n.vocab import AMOUNT_KIND, Lang
from funding.intake.records import Instrument
from funding.registry.dataset import Dataset
from funding.selecting.kinds import default_kind
from funding.selecting.selection import Filters
from funding.selecting.totals import summable


@dataclass(frozen=True)
class Story:
    kind: str  # the figure kind the comparison and breakdowns lead with
    charts: tuple[ChartSpec, ...]  # chart slides, in order
    sentences: tuple[str, ...]  # the single-bar charts, said in words on the headline slide
    unstated: tuple[Instrument, ...]  # rows that state no amount, for the closing list


def story(dataset: Dataset, selection: Sequence[Instrument], filters: Filters, lang: Lang) -> Story:
    """The charts of the default kind (`funding.selecting.kinds.default_kind`): amounts by instrument, then
    its breakdowns when the kind may be added up (pillars of `filters.framework`); then amounts by
    instrument of every other kind the selection states. Charts without a bar are left out, charts
    with one bar become sentences."""
    lead = default_kind(selection, filters.kind)
    specs = [chart_spec(dataset, selection, filters, "envelopes", lang, lead)]
    if summable(lead):
        specs += [chart_spec(dataset, selection, filters, name, lang, lead) for name in BREAKDOWNS]
    stated = {r.amount_kind for r in selection if r.amount_eur is not None}
    specs += [
        chart_spec(dataset, selection, filters, "envelopes", lang, kind)
        for kind in AMOUNT_KIND.codes
        if kind != lead and kind in stated
    ]
    charts = tuple(spec for spec in specs if len(spec.bars) > 1 and not one_instrument(spec))
    sentences = tuple(
        one_bar_sentence(spec, lang) if len(spec.bars) == 1 else one_instrument_sentence(spec, lang)
        for spec in specs
        if len(spec.bars) == 1 or one_instrument(spec)
    )
    unstated = tuple(r for r in selection if r.amount_eur is None)
    return Story(lead, charts, sentences, unstated)


def one_instrument(spec: ChartSpec) -> bool:
    """A breakdown whose every bar is the same single instrument (open to several beneficiary
    types, say): drawn, it would show one programme as several equal bars."""
    behind = {tuple(r.id for r in bar.records) for bar in spec.bars}
    return spec.name != "envelopes" and len(behind) == 1 and len(next(iter(behind))) == 1


def one_instrument_sentence(spec: ChartSpec, lang: Lang) -> str:
    """ "… by beneficiary type: one instrument, MICB (EUR 296 m), open to companies and clusters." """
    bar = spec.bars[0]
    groups = ", ".join(b.label for b in spec.bars)
    name = bar.records[0].name(lang)
    return t("one_instrument_groups", lang, title=spec.title, name=name, amount=bar.label_text, groups=groups)


def one_bar_sentence(spec: ChartSpec, lang: Lang) -> str:
    """A chart of one bar in words: "Public funding (budget) by funding source: all of it from one
    group, EU Innovation Fund (EUR 1.5 bn)." """
    bar = spec.bars[0]
    amount = bar.label_text
    if spec.name == "envelopes":
        return t("one_figure", lang, title=spec.title, name=bar.label.strip(), amount=amount)
    if bar.not_stated:
        return t("one_group_not_stated", lang, title=spec.title, amount=amount)
    return t("one_group", lang, title=spec.title, group=bar.label, amount=amount)
