"""The headline figures: battery money first, wider envelopes apart, other kinds never added."""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from funding.charts.caveats import FIGURE_COLUMNS
from funding.charts.text import NBSP
from funding.dataset import Dataset
from funding.filter_index import index_of
from funding.formatting import format_count, format_eur, format_range, with_qualifier
from funding.i18n import t
from funding.net_arrays import stated_at, tree_index
from funding.records import Instrument
from funding.selected import positions_in
from funding.selection import ORIGIN_LABELS
from funding.totals import Bounds, KindTotal, origin_split, totals_by_kind
from funding.vocab import AMOUNT_KIND, Lang


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    value: str
    help: str


@dataclass(frozen=True)
class Headline:
    """The figures at the top of the page: battery money first, the other kinds kept apart."""

    main: tuple[Metric, ...]
    apart: tuple[Metric, ...]
    origins: tuple[Metric, ...] = ()  # the battery-specific figure by where its money comes from
    wider: tuple[tuple[str, str], ...] = ()  # the largest wider envelopes by name, with amounts
    wider_count: int = 0  # all wider envelopes, listed or not
    disputes: tuple[str, ...] = ()  # "name: other document's figure", for figures in the totals


APART_KINDS = ("guarantee", "state_aid_ceiling", "private_expected", "target")
MAX_NAMED = 4  # rows named in a help text before "and N more"
# Wider envelopes listed under the headline: the largest first. A file of 100,000 rows has
# thousands, and formatting and sending each on every rerun cost seconds.
MAX_LISTED = 12


def _names(dataset: Dataset, ids: Sequence[str], lang: Lang) -> str:
    known = [i for i in ids if i in dataset.by_id]
    shown = "; ".join(dataset.by_id[i].name(lang) for i in known[:MAX_NAMED])
    if len(known) > MAX_NAMED:
        shown += " " + t("and_more", lang, n=format_count(len(known) - MAX_NAMED, lang))
    return shown


def _counts(dataset: Dataset, selection: Sequence[Instrument]) -> tuple[int, int]:
    """Rows without an amount, and instruments (not programmes or calls), in the selection."""
    positions = positions_in(dataset, selection)
    if positions is None:
        return (
            sum(1 for r in selection if r.amount_eur is None),
            sum(1 for r in selection if r.record_type == "instrument"),
        )
    types = index_of(dataset).columns["record_type"].to_numpy()[positions]
    stated = stated_at(tree_index(dataset), positions)
    return len(positions) - len(stated), int(np.count_nonzero(types == "instrument"))


def bounds_text(bounds: Bounds, lang: Lang) -> str:
    """A net total on one line ("EUR 6.1 bn"); only the qualifier may wrap away from it, and in
    a range also the currency: "EUR 2.9–3.1 bn" is wider than a narrow card, where the browser
    would otherwise break it inside "bn". The number never parts from its unit."""
    number = format_range(bounds.low, bounds.high, lang)
    currency, _, amount = number.partition(" ")
    kept = f"{currency} {amount.replace(' ', NBSP)}" if bounds.is_range else number.replace(" ", NBSP)
    # A word joiner on both sides of a range's dash keeps "6.721–8.021" together too.
    return with_qualifier(kept.replace("–", "\u2060–\u2060"), bounds.qualifier, lang)


def range_help(dataset: Dataset, bounds: Bounds, lang: Lang) -> str:
    """What makes a range, naming the rows; empty when the total is one figure."""
    if not bounds.is_range:
        return ""
    return t("range_help", lang, names=_names(dataset, bounds.uncertain, lang))


def headline(dataset: Dataset, selection: Sequence[Instrument], lang: Lang) -> Headline:
    """Battery-specific public funding first; wider envelopes open to batteries apart; then all
    public funding counted once, the gross sum and counts; the other kinds apart, and targets
    (which may overlap) counted, never summed."""
    totals = totals_by_kind(dataset, selection)
    public = totals["public"]
    without, instruments = _counts(dataset, selection)

    def amount(total: KindTotal, bounds: Bounds) -> str:
        if bounds.empty:
            return t("none_stated", lang) if not total.with_amount else t("none_in_selection", lang)
        return bounds_text(bounds, lang)

    def explained(key: str, bounds: Bounds, **values: Any) -> str:
        return " ".join(x for x in (t(key, lang, **values), range_help(dataset, bounds, lang)) if x)

    main = (
        Metric(
            "battery_public",
            t("battery_public", lang),
            amount(public, public.battery),
            explained("battery_public_help", public.battery),
        ),
        Metric(
            "wider_public",
            t("wider_public", lang),
            amount(public, public.wider),
            explained(
                "wider_public_help", public.wider, names=_names(dataset, public.wider.rows, lang) or "—"
            ),
        ),
        Metric(
            "net_public",
            t("net_public", lang),
            amount(public, public.net),
            explained("net_public_help", public.net, counted=public.counted, with_amount=public.with_amount),
        ),
        Metric(
            "gross_public",
            t("gross_public", lang),
            t("none_stated", lang)
            if not public.with_amount
            else with_qualifier(
                format_eur(public.gross, lang).replace(" ", NBSP), public.gross_qualifier, lang
            ),
            t("gross_help", lang),
        ),
        Metric(
            "instruments",
            t("instruments", lang),
            format_count(instruments, lang),
            t("instruments_help", lang, others=format_count(len(selection) - instruments, lang)),
        ),
        Metric(
            "without_amount",
            t("without_amount", lang),
            format_count(without, lang),
            t("without_amount_help", lang),
        ),
    )
    origins = tuple(
        Metric(
            f"origin_{origin}",
            ORIGIN_LABELS.label(origin, lang),
            bounds_text(bounds, lang),
            range_help(dataset, bounds, lang),
        )
        for origin, bounds in origin_split(dataset, selection).items()
    )
    apart: list[Metric] = []
    for kind in APART_KINDS:
        total = totals[kind]
        if total.summable:
            value = amount(total, total.net)
            help_text = explained(
                "kind_help",
                total.net,
                counted=total.counted,
                with_amount=total.with_amount,
                without=total.without_amount,
            )
        else:
            value = (
                t("targets_value", lang, n=format_count(total.with_amount, lang))
                if total.with_amount
                else t("none_stated", lang)
            )
            help_text = t("targets_help", lang)
        apart.append(Metric(kind, AMOUNT_KIND.label(kind, lang), value, help_text))
    amounts, at = dataset.column("amount_eur"), dataset.positions  # (no record made per row)
    largest = heapq.nlargest(MAX_LISTED, public.wider.rows, key=lambda i: amounts[at[i]] or 0.0)
    wider = tuple(
        (
            dataset.by_id[i].name(lang),
            format_eur(dataset.by_id[i].amount_eur, lang, dataset.by_id[i].amount_qualifier),
        )
        for i in largest
    )
    in_net = set(public.net.rows) & dataset.disagreements.by_record.keys()
    disputes = tuple(
        f"{dataset.by_id[i].name(lang)}: {d.summary(lang)}"
        for i in sorted(in_net)
        for d in dataset.disagreements.of(i)
        if d.column in FIGURE_COLUMNS
    )
    return Headline(main, tuple(apart), origins, wider, len(public.wider.rows), disputes)
