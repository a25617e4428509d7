"""The one builder of every figure a reader sees: tiles, slide lines, sheet rows, CLI lines.

A figure is a stated amount, a net bound or a net range of one kind (public budget, guarantee,
State-aid ceiling, expected private investment) and one scope (battery-specific, wider envelopes
that cover more than batteries, or both counted once), for one selection. It carries its exact
text (tables, hover, the XLSX) and its spoken text (tiles, slides, chart labels): two or three
significant digits that stay true, because an upper bound or a range's high end is rounded up,
a lower bound or a range's low end down, and an exact figure that rounding changes says "about".

No output adds amounts itself: the page, presentation mode, the deck, the workbook and the CLI
render these figures. A sum that counts parts with their wholes is not a figure and is not made.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Literal

import numpy as np

from funding.base.errors import InvalidData, UnreadableFile
from funding.i18n import t
from funding.i18n.vocab import AMOUNT_KIND, Lang
from funding.intake.records import Instrument
from funding.registry.dataset import Dataset
from funding.registry.documents import load_documents
from funding.selecting.filter_index import index_of
from funding.selecting.formatting import NBSP, format_count, format_eur, format_range, with_qualifier
from funding.selecting.net_arrays import tree_index
from funding.selecting.selected import positions_in
from funding.selecting.selection import Filters, attribute_phrase, describe
from funding.selecting.totals import Bounds, KindTotal, battery_total, totals_by_kind

Scope = Literal["battery", "wider", "all"]
SCOPES: tuple[Scope, ...] = ("battery", "wider", "all")
SIGNIFICANT = 3  # digits a person says: "EUR 4.03 bn", "EUR 296 m", "EUR 7.6 m"
WORD_JOINER = "\u2060"


def _rounded(value: float, rounding: str) -> float:
    """`value` to SIGNIFICANT digits, rounded the way given (Decimal, so 4.021e9 is 4.03e9)."""
    if value == 0:
        return 0.0
    exact = Decimal(repr(value))
    step = Decimal(1).scaleb(exact.adjusted() - (SIGNIFICANT - 1))
    return float(exact.quantize(step, rounding=rounding))


def spoken_ends(bounds: Bounds) -> tuple[float, float, str]:
    """The ends and qualifier of a figure as said aloud, never claiming more than the rows do.

    A range's low end is rounded down and its high end up, so the said range holds the true one.
    One figure: "up to" rounds up, "at least" down; an exact or "about" figure to the nearest, and
    an exact one that rounding changed becomes "about"."""
    if bounds.is_range:
        return _rounded(bounds.low, ROUND_FLOOR), _rounded(bounds.high, ROUND_CEILING), bounds.qualifier
    value = bounds.high
    if bounds.qualifier == "up_to":
        said = _rounded(value, ROUND_CEILING)
    elif bounds.qualifier == "at_least":
        said = _rounded(value, ROUND_FLOOR)
    else:
        said = _rounded(value, ROUND_HALF_UP)
    qualifier = "about" if bounds.qualifier == "exact" and said != value else bounds.qualifier
    return said, said, qualifier


def unbroken(text: str, is_range: bool) -> str:
    """A figure that never breaks inside a unit: only the qualifier, and in a range the currency,
    may wrap away from it; a word joiner keeps a range's dash with its numbers."""
    currency, _, amount = text.partition(" ")
    kept = f"{currency} {amount.replace(' ', NBSP)}" if is_range else text.replace(" ", NBSP)
    return kept.replace("–", f"{WORD_JOINER}–{WORD_JOINER}")


def _text(low: float, high: float, qualifier: str, lang: Lang, kept: bool) -> str:
    number = format_range(low, high, lang)
    return with_qualifier(unbroken(number, low != high) if kept else number, qualifier, lang)


def exact_text(bounds: Bounds, lang: Lang, *, kept: bool = False) -> str:
    """Every digit the rows state (tables, hover, notes, the XLSX); `kept`: never broken inside
    its unit (for the page's narrow cards)."""
    return _text(bounds.low, bounds.high, bounds.qualifier, lang, kept)


def spoken_text(bounds: Bounds, lang: Lang, *, kept: bool = False) -> str:
    """The figure as a tile, a slide or a chart label says it (see `spoken_ends`)."""
    return _text(*spoken_ends(bounds), lang, kept)


WIDER_MARK = "◇"  # on a bar, tile or row: some of this money is not only for batteries


def wider_note(wider: Bounds, whole: Bounds, lang: Lang) -> str:
    """What a bar (`whole`) says of its money in wider envelopes: "◇ incl. EUR 3 bn not only for
    batteries", "◇ not only for batteries" when that is all of it, nothing when there is none."""
    if wider.empty or wider.high <= 0:
        return ""
    if wider.low >= whole.low and wider.high >= whole.high:
        return f"{WIDER_MARK} {t('not_battery_specific', lang)}"
    return f"{WIDER_MARK} {t('incl_wider', lang, value=spoken_text(wider, lang))}"


@dataclass(frozen=True)
class Figure:
    """One figure: a net total of one kind and scope over one selection, with both its texts."""

    kind: str
    scope: Scope
    bounds: Bounds
    label: str
    spoken: str
    exact: str
    stated: bool  # some row of this kind in the selection states an amount
    lang: Lang
    parts_only: bool = False  # the figure is parts of one whole outside the selection, said as such

    @property
    def empty(self) -> bool:
        return self.bounds.empty

    @property
    def spoken_kept(self) -> str:
        """`spoken` never broken inside its unit, for the page's cards."""
        if self.empty or self.parts_only:
            return self.spoken
        return spoken_text(self.bounds, self.lang, kept=True)


@dataclass(frozen=True)
class Counts:
    """Entries counted as what they are: instruments (with and without an amount) and the rest
    (programmes, frameworks, services, proposals, context). "Amount not stated" counts instruments
    only, the same population as "instruments", on every tile, slide and sheet."""

    entries: int
    instruments: int
    instruments_unstated: int

    @property
    def others(self) -> int:
        return self.entries - self.instruments


@dataclass(frozen=True)
class KindFigures:
    """A kind's figures by scope; a kind that is never summed (targets) has none, only a count."""

    kind: str
    total: KindTotal
    by_scope: dict[Scope, Figure]
    label: str  # the kind, and the envelopes a beneficiary or period filter selected

    @property
    def summable(self) -> bool:
        return self.total.summable

    @property
    def stated(self) -> int:
        return self.total.with_amount


@dataclass(frozen=True)
class Figures:
    """Every figure of one selection, in vocabulary order, with the selection they belong to."""

    kinds: dict[str, KindFigures]
    counts: Counts
    selection: str

    @property
    def public(self) -> KindFigures:
        return self.kinds["public"]


def scope_label(kind: str, scope: Scope, lang: Lang) -> str:
    """Public funding keeps its headline names; the other kinds say their kind and scope."""
    if kind == "public":
        return t({"battery": "battery_public", "wider": "wider_public", "all": "net_public"}[scope], lang)
    key = {"battery": "scope_battery", "wider": "scope_wider", "all": "scope_all"}[scope]
    return t(key, lang, kind=AMOUNT_KIND.label(kind, lang))


def parts_apart(dataset: Dataset, bounds: Bounds, lang: Lang) -> str:
    """A figure made only of parts of one whole that the selection left out, said as parts:
    "EUR 3.1 bn + EUR 2.9 bn, parts of X (up to EUR 6.1 bn)", never as their sum; else ""."""
    whole_of = dataset.whole_of
    first = whole_of.get(bounds.rows[0]) if len(bounds.rows) >= 2 else None
    if first is None or any(whole_of.get(i) != first for i in bounds.rows):  # (stops at the first other)
        return ""
    whole = dataset.by_id[first]
    parts = sorted((dataset.by_id[i] for i in bounds.rows), key=lambda r: -(r.amount_eur or 0.0))
    amounts = " + ".join(format_eur(r.amount_eur, lang, r.amount_qualifier) for r in parts)
    whole_amount = format_eur(whole.amount_eur, lang, whole.amount_qualifier)
    return t("parts_of_whole", lang, parts=amounts, whole=whole.name(lang), amount=whole_amount)


def _figure(
    dataset: Dataset, kind: str, bounds: Bounds, with_amount: int, scope: Scope, phrase: str, lang: Lang
) -> Figure:
    """The figure of `bounds`, the net total of one scope of `kind`, of whose rows `with_amount`
    state an amount (any scope)."""
    parts = "" if bounds.empty else parts_apart(dataset, bounds, lang)
    if bounds.empty:
        empty = t("none_in_selection" if with_amount else "none_stated", lang)
        spoken = exact = empty
    elif parts:
        spoken = exact = parts
    else:
        spoken, exact = spoken_text(bounds, lang), exact_text(bounds, lang)
    label = scope_label(kind, scope, lang)
    if phrase:  # a filter on who or when: the envelopes open to them, never money for them
        label = t("label_in_selection", lang, label=label, phrase=phrase)
    return Figure(kind, scope, bounds, label, spoken, exact, bool(with_amount), lang, parts_only=bool(parts))


def battery_figure(
    dataset: Dataset, selection: Sequence[Instrument], filters: Filters, lang: Lang, kind: str = "public"
) -> Figure:
    """`figures(...).kinds[kind].by_scope["battery"]` alone: the lead's splits need this one figure
    of each level, not every kind and scope of it."""
    bounds, with_amount = battery_total(dataset, selection, kind)
    return _figure(dataset, kind, bounds, with_amount, "battery", attribute_phrase(filters, lang), lang)


def counts(dataset: Dataset, selection: Sequence[Instrument]) -> Counts:
    positions = positions_in(dataset, selection)
    if positions is None:
        instruments = [r for r in selection if r.record_type == "instrument"]
        unstated = sum(1 for r in instruments if r.amount_eur is None)
        return Counts(len(selection), len(instruments), unstated)
    is_instrument = index_of(dataset).instrument[positions]
    without = is_instrument & (tree_index(dataset).of_row[positions] < 0)
    return Counts(len(positions), int(np.count_nonzero(is_instrument)), int(np.count_nonzero(without)))


def figures(
    dataset: Dataset, selection: Sequence[Instrument], filters: Filters, lang: Lang, *, narrowed: str = ""
) -> Figures:
    """Every figure of the selection the filters (and `narrowed`, chart picks in words) made."""
    phrase = attribute_phrase(filters, lang)
    kinds: dict[str, KindFigures] = {}
    for kind, total in totals_by_kind(dataset, selection).items():
        bounds = {"battery": total.battery, "wider": total.wider, "all": total.net}
        scoped = (
            {
                scope: _figure(dataset, kind, bounds[scope], total.with_amount, scope, phrase, lang)
                for scope in SCOPES
            }
            if total.summable
            else {}
        )
        label = AMOUNT_KIND.label(kind, lang)
        if phrase:
            label = t("label_in_selection", lang, label=label, phrase=phrase)
        kinds[kind] = KindFigures(kind, total, scoped, label)
    text = describe(filters, lang, dataset) + (f"; {narrowed}" if narrowed else "")
    return Figures(kinds, counts(dataset, selection), text)


def count_text(figures: Figures, lang: Lang) -> str:
    """The counts in one line, the same wherever they are written."""
    c = figures.counts
    parts = [t("count_instruments", lang, n=c.instruments)]
    if c.instruments:
        unstated = c.instruments_unstated
        parts.append(t("count_unstated", lang, n=unstated) if unstated else t("count_all_stated", lang))
    if c.others:
        parts.append(t("count_others", lang, n=c.others))
    return "; ".join(parts)


@functools.cache
def _document_titles(lang: Lang) -> dict[str, str]:
    """The registry's titles; a dataset citing other documents is named by their ids."""
    try:
        return {i: d.title(lang) for i, d in load_documents().items()}
    except (UnreadableFile, InvalidData):
        return {}


def parts_beyond_whole(dataset: Dataset, selection: Sequence[Instrument], kind: str, lang: Lang) -> list[str]:
    """A note for every whole whose parts in the selection state more than it does, naming both
    documents: a chart that draws the parts larger than their whole says why (the documents
    differ), rather than leave the reader to think the parts are inside it."""
    rows = [r for r in selection if r.amount_kind == kind and r.amount_eur is not None]
    in_rows = {r.id: r for r in rows}
    parts: dict[str, list[Instrument]] = {}
    for record in rows:
        whole_id = dataset.whole_of.get(record.id)
        if whole_id is not None and whole_id in in_rows:
            parts.setdefault(whole_id, []).append(record)
    titles = _document_titles(lang)
    notes = []
    for whole_id, members in parts.items():
        whole = in_rows[whole_id]
        if math.fsum(p.amount_eur or 0.0 for p in members) <= (whole.amount_eur or 0.0):
            continue
        members.sort(key=lambda r: -(r.amount_eur or 0.0))
        documents = sorted({titles.get(p.source_document or "", p.source_document or "") for p in members})
        notes.append(
            t(
                "parts_beyond",
                lang,
                whole=whole.name(lang),
                amount=format_eur(whole.amount_eur, lang, whole.amount_qualifier),
                whole_document=titles.get(whole.source_document or "", whole.source_document or ""),
                parts=", ".join(format_eur(p.amount_eur, lang, p.amount_qualifier) for p in members),
                parts_documents="; ".join(documents),
            )
        )
    return notes


def kind_lines(kind: KindFigures, lang: Lang) -> tuple[str, ...]:
    """A kind kept apart: battery money and wider envelopes a line each, or targets counted."""
    if not kind.stated:
        return (t("none_stated", lang),)
    if not kind.summable:
        return (t("targets_value", lang, n=format_count(kind.stated, lang)),)
    shown = [kind.by_scope[s] for s in ("battery", "wider") if not kind.by_scope[s].empty]
    short = {"battery": "scope_short_battery", "wider": "scope_short_wider"}
    return tuple(t(short[f.scope], lang, value=f.spoken_kept) for f in shown)


def kind_summary(kind: KindFigures, lang: Lang) -> str:
    """`kind_lines` on one line."""
    return " · ".join(kind_lines(kind, lang))
