"""The headline figures: battery money first, wider envelopes apart, other kinds never added."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

import numpy as np

from funding.charts.caveats import FIGURE_COLUMNS
from funding.i18n import t
from funding.i18n.vocab import Lang
from funding.intake.records import Instrument
from funding.registry.dataset import Dataset
from funding.selecting.figures import Figure, Figures, exact_text, figures, kind_summary, spoken_text
from funding.selecting.formatting import format_count, format_eur
from funding.selecting.net_arrays import tree_index
from funding.selecting.selection import ORIGIN_LABELS, Filters
from funding.selecting.totals import Bounds, origin_split


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
    """The first few rows named, the rest counted (counted in C: a range can name 30,000 rows)."""
    at = dataset.positions
    known = sum(map(at.__contains__, ids))
    named = islice((i for i in ids if i in at), MAX_NAMED)
    shown = "; ".join(dataset.by_id[i].name(lang) for i in named)
    if known > MAX_NAMED:
        shown += " " + t("and_more", lang, n=format_count(known - MAX_NAMED, lang))
    return shown


def _largest(dataset: Dataset, ids: Sequence[str]) -> list[str]:
    """The MAX_LISTED largest amounts among `ids` (rows with an amount), ties in their order, as
    `heapq.nlargest` gives them; sorted as an array (a key per row cost 10 ms at 100,000 rows)."""
    ix = tree_index(dataset)
    where = np.fromiter(map(dataset.positions.__getitem__, ids), np.intp, len(ids))
    order = np.argsort(-ix.amount[ix.of_row[where]], kind="stable")[:MAX_LISTED]
    return [ids[i] for i in order.tolist()]


def bounds_text(bounds: Bounds, lang: Lang) -> str:
    """A net total with every digit (hover, notes), never broken inside its unit."""
    return exact_text(bounds, lang, kept=True)


def range_help(dataset: Dataset, bounds: Bounds, lang: Lang) -> str:
    """What makes a range, naming the rows; empty when the total is one figure."""
    if not bounds.is_range:
        return ""
    return t("range_help", lang, names=_names(dataset, bounds.uncertain, lang))


def headline(
    dataset: Dataset,
    selection: Sequence[Instrument],
    lang: Lang,
    filters: Filters | None = None,
    found: Figures | None = None,
) -> Headline:
    """Battery-specific public funding first; wider envelopes open to batteries apart; then all
    public funding counted once and the counts; the other kinds apart, each split into battery
    money and wider envelopes, and targets (which may overlap) counted, never summed. Every value
    is a figure of `funding.selecting.figures`, said at presentation precision; the help gives every digit."""
    found = found or figures(dataset, selection, filters or Filters(), lang)
    public = found.public
    counts = found.counts

    def explained(key: str, figure: Figure, **values: Any) -> str:
        exact = t("exact_value", lang, value=figure.exact) if figure.exact != figure.spoken else ""
        texts = (t(key, lang, **values), exact, range_help(dataset, figure.bounds, lang))
        return " ".join(x for x in texts if x)

    lead, wider_fig, net = (public.by_scope[s] for s in ("battery", "wider", "all"))
    main = (
        Metric("battery_public", lead.label, lead.spoken_kept, explained("battery_public_help", lead)),
        Metric(
            "wider_public",
            wider_fig.label,
            wider_fig.spoken_kept,
            explained("wider_public_help", wider_fig, names=_names(dataset, wider_fig.bounds.rows, lang))
            if not wider_fig.empty
            else t("wider_public_help_none", lang),
        ),
        Metric(
            "net_public",
            net.label,
            net.spoken_kept,
            explained(
                "net_public_help", net, counted=public.total.counted, with_amount=public.total.with_amount
            ),
        ),
        Metric(
            "instruments",
            t("instruments", lang),
            format_count(counts.instruments, lang),
            t("instruments_help", lang, others=format_count(counts.others, lang)),
        ),
        Metric(
            "without_amount",
            t("without_amount", lang),
            t(
                "of_instruments",
                lang,
                part=format_count(counts.instruments_unstated, lang),
                n=counts.instruments,
            ),
            t("without_amount_help", lang),
        ),
    )
    origins = tuple(
        Metric(
            f"origin_{origin}",
            ORIGIN_LABELS.label(origin, lang),
            spoken_text(bounds, lang, kept=True),
            range_help(dataset, bounds, lang),
        )
        for origin, bounds in origin_split(dataset, selection).items()
    )
    apart: list[Metric] = []
    for kind in APART_KINDS:
        group = found.kinds[kind]
        if group.summable:
            shown = [group.by_scope[s] for s in ("battery", "wider") if not group.by_scope[s].empty]
            help_text = " ".join(
                [
                    t(
                        "kind_help",
                        lang,
                        counted=group.total.counted,
                        with_amount=group.total.with_amount,
                        without=group.total.without_amount,
                    ),
                    *(f"{f.label}: {f.exact}." for f in shown),
                    *(range_help(dataset, f.bounds, lang) for f in shown),
                ]
            ).strip()
        else:
            help_text = t("targets_help", lang)
        apart.append(Metric(kind, group.label, kind_summary(group, lang), help_text))
    largest = _largest(dataset, wider_fig.bounds.rows)
    wider = tuple(
        (
            dataset.by_id[i].name(lang),
            format_eur(dataset.by_id[i].amount_eur, lang, dataset.by_id[i].amount_qualifier),
        )
        for i in largest
    )
    in_net = set(net.bounds.rows) & dataset.disagreements.by_record.keys()
    disputes = tuple(
        f"{dataset.by_id[i].name(lang)}: {d.summary(lang)}"
        for i in sorted(in_net)
        for d in dataset.disagreements.of(i)
        if d.column in FIGURE_COLUMNS
    )
    return Headline(main, tuple(apart), origins, wider, len(wider_fig.bounds.rows), disputes)
