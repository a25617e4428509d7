"""What the deck's slides say, as plain data: the headline figures, what the lead figure is made
of, the table of stated figures, the list of rows without an amount, the sources, and the
speaker notes. slides.py only lays these out.

Readers see document sections (funding.locators.section), never line numbers; the speaker notes,
which the presenter reads, keep the full locator and the verbatim quote of every figure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from funding.breakdowns import envelopes
from funding.dataset import Dataset
from funding.disagreements import Disagreements
from funding.exports.common import Citation
from funding.exports.figures import PART_MARK, ChartSpec
from funding.formatting import format_bounds, format_eur
from funding.i18n import t
from funding.locators import section
from funding.records import Instrument
from funding.selection import ORIGIN_LABELS
from funding.totals import KindTotal, counted_ids, origin_split
from funding.vocab import AMOUNT_KIND, RECORD_TYPE, STATUS, Lang


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    help: str = ""


@dataclass(frozen=True)
class KindLine:
    """A figure kind kept apart on the headline slide: label, total, and how it was counted."""

    label: str
    value: str
    counts: str
    stated: bool  # some row states an amount of this kind


@dataclass(frozen=True)
class HeadlineTexts:
    """Battery money first, wider envelopes apart, then all public funding and its gross sum, each
    explained once; the other kinds beside, never added; then the counts and the one-bar charts."""

    lead: Figure
    public: tuple[Figure, ...]
    explain: tuple[str, ...]
    kinds: tuple[KindLine, ...]
    counts: str
    sentences: tuple[str, ...]


def headline_texts(
    totals: Mapping[str, KindTotal],
    selection: Sequence[Instrument],
    dataset: Dataset,
    sentences: Sequence[str],
    lang: Lang,
) -> HeadlineTexts:
    public = totals["public"]
    none = t("none_in_selection", lang)
    lead = Figure(
        t("battery_public", lang),
        format_bounds(public.battery, lang) if not public.battery.empty else none,
        t("lead_help", lang),
    )
    # Each figure once: all public funding only when it adds wider envelopes to the lead, the
    # gross sum only when it differs from the net total (parts, overlaps).
    figures: list[Figure] = []
    shown = [public.battery]
    if not public.wider.empty:
        figures.append(
            Figure(t("wider_public", lang), format_bounds(public.wider, lang), t("wider_help", lang))
        )
        shown.append(public.wider)
    if not public.wider.empty and not public.battery.empty:
        figures.append(Figure(t("net_public", lang), format_bounds(public.net, lang), t("net_help", lang)))
        shown.append(public.net)
    if public.with_amount and public.gross != public.net.high:
        gross = format_eur(public.gross, lang, public.gross_qualifier)
        figures.append(Figure(t("gross_public", lang), gross, t("gross_help", lang)))
    explain = (t("explain_range", lang),) if any(b.is_range for b in shown) else ()
    kinds = tuple(
        _kind_line(kind, total, lang)
        for kind, total in totals.items()
        if kind != "public" and (total.with_amount or total.without_amount)
    )
    with_amount = sum(1 for r in selection if r.amount_eur is not None)
    without = len(selection) - with_amount
    parts = [t("with_amount_n", lang, n=with_amount)] if with_amount else []
    parts += [t("without_listed", lang, n=without)] if without else []
    counts = t("entries", lang, n=len(selection)) + (": " + ", ".join(parts) if parts else "")
    return HeadlineTexts(lead, tuple(figures), explain, kinds, counts, tuple(sentences))


def _kind_line(kind: str, total: KindTotal, lang: Lang) -> KindLine:
    if not total.with_amount:
        value, counts = t("none_stated", lang), t("without_amount_n", lang, n=total.without_amount)
    elif total.summable:
        value = format_bounds(total.net, lang)
        counts = t("figures_counted", lang, n=total.counted)
        if total.without_amount:
            counts += ", " + t("without_amount_n", lang, n=total.without_amount)
    else:  # targets may overlap: counted, never summed
        value, counts = t("targets_stated", lang, n=total.with_amount), t("not_summed_why", lang)
    return KindLine(AMOUNT_KIND.label(kind, lang), value, counts, bool(total.with_amount))


@dataclass(frozen=True)
class LeadParts:
    """What the lead figure is made of: its figures, where the money comes from, what makes a
    range, and where documents disagree about the public figures of the selection."""

    figures: tuple[str, ...]
    origins: tuple[str, ...]
    ranges: tuple[str, ...]
    disagreements: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.figures or self.disagreements)


def lead_parts(
    dataset: Dataset,
    selection: Sequence[Instrument],
    public: KindTotal,
    disagreements: Disagreements,
    lang: Lang,
) -> LeadParts:
    battery = [
        r for r in selection if r.amount_kind == "public" and r.amount_eur is not None and r.battery_specific
    ]
    counted = counted_ids(dataset, battery)
    top = sorted((r for r in battery if r.id in counted), key=lambda r: -(r.amount_eur or 0.0))
    figures = tuple(f"{r.name(lang)}: {format_eur(r.amount_eur, lang, r.amount_qualifier)}" for r in top)
    origins = tuple(
        f"{ORIGIN_LABELS.label(origin, lang)}: {format_bounds(bounds, lang)}"
        for origin, bounds in origin_split(dataset, selection).items()
    )
    totals = (
        (k, b)
        for k, b in (
            ("battery_public", public.battery),
            ("wider_public", public.wider),
            ("net_public", public.net),
        )
        if b.is_range
    )
    ranged = [f"{t(key, lang)}: {format_bounds(bounds, lang)}" for key, bounds in totals]
    ranges: tuple[str, ...] = ()
    if ranged:
        uncertain = sorted({i for b in (public.battery, public.wider, public.net) for i in b.uncertain})
        ranges = (
            t("range_rows", lang),
            *(f"• {dataset.by_id[i].name(lang)}" for i in uncertain),
            t("range_totals", lang, totals="; ".join(ranged)),
        )
    public_rows = [r for r in selection if r.amount_kind == "public" and r.amount_eur is not None]
    said = tuple(
        f"{r.name(lang)}: {'; '.join(d.summary(lang) for d in disagreements.of(r.id))}"
        for r in public_rows
        if disagreements.of(r.id)
    )
    return LeadParts(figures, origins, ranges, said)


@dataclass(frozen=True)
class Row:
    instrument: str
    kind: str
    amount: str
    status: str
    document: str

    def cells(self) -> tuple[str, str, str, str, str]:
        return (self.instrument, self.kind, self.amount, self.status, self.document)


def _reference(record: Instrument, cited: Sequence[Citation]) -> str:
    return next((c.reference() for c in cited if c.id == record.source_document), "")


def table_rows(
    dataset: Dataset, selection: Sequence[Instrument], cited: Sequence[Citation], lang: Lang
) -> list[Row]:
    """Every stated figure, per kind, each whole followed by its parts; amounts as on the charts,
    the document as its number and section."""
    counted = counted_ids(dataset, selection)
    by_id = {r.id: r for r in selection}
    rows: list[Row] = []
    for kind in AMOUNT_KIND.codes:
        for record_id in envelopes(dataset, selection, kind, lang)["id"]:
            record = by_id[record_id]
            where = f"{_reference(record, cited)} {section(record.source_locator, lang)}".strip()
            rows.append(
                Row(
                    instrument=("" if record.id in counted else PART_MARK) + record.name(lang),
                    kind=AMOUNT_KIND.label(kind, lang),
                    amount=format_eur(record.amount_eur, lang, record.amount_qualifier),
                    status=STATUS.label(record.status, lang) if record.status else "—",
                    document=where or "—",
                )
            )
    return rows


def unstated_items(
    unstated: Sequence[Instrument], cited: Sequence[Citation], lang: Lang
) -> list[tuple[str, list[str]]]:
    """Rows without an amount, as headed lists: funding instruments first, then the frameworks,
    services, proposals and context the documents name (each with its kind of entry)."""
    instruments = [r for r in unstated if r.record_type == "instrument"]
    others = [r for r in unstated if r.record_type != "instrument"]
    groups: list[tuple[str, list[str]]] = []
    if instruments:
        groups.append(
            (
                t("unstated_instruments", lang, n=len(instruments)),
                [f"{r.name(lang)} {_reference(r, cited)}".strip() for r in instruments],
            )
        )
    if others:
        groups.append(
            (
                t("unstated_others", lang, n=len(others)),
                [
                    f"{r.name(lang)} — {RECORD_TYPE.label(r.record_type, lang).lower()} {_reference(r, cited)}".strip()
                    for r in others
                ],
            )
        )
    return groups


def source_entry(cited: Citation, lang: Lang) -> str:
    document = cited.document
    if document is None:
        text = f"{cited.id} {t('unregistered', lang)}"
    else:
        text = document.citation(lang) + (f". {document.url}" if document.url else "")
    return f"{cited.reference()} {text} ({t('cited_for', lang, n=len(cited.rows))})"


def _figure_note(
    record: Instrument, cited: Sequence[Citation], disagreements: Disagreements, lang: Lang
) -> list[str]:
    amount = format_eur(record.amount_eur, lang, record.amount_qualifier)
    ref = _reference(record, cited)
    lines = [
        f"{record.name(lang)}: {amount}. {ref} {record.source_locator or ''}: “{record.source_quote or ''}”"
    ]
    lines += [f"{t('deck_other_document', lang)}: {d.summary(lang)}" for d in disagreements.of(record.id)]
    return lines


def speaker_notes(
    spec: ChartSpec, cited: Sequence[Citation], disagreements: Disagreements, lang: Lang
) -> str:
    """The bars in the order they are drawn, each with every figure behind it: its document,
    full locator and verbatim quote, and what another document says about it."""
    lines = [spec.title, ""]
    for bar in spec.bars:
        if spec.name == "envelopes":
            lines += _figure_note(bar.records[0], cited, disagreements, lang)
        else:
            lines.append(f"{bar.label}: {bar.label_text}")
            for record in bar.records:
                lines += ["  " + line for line in _figure_note(record, cited, disagreements, lang)]
        lines.append("")
    lines += list(spec.notes)
    return "\n".join(lines).strip()


def lead_notes(
    dataset: Dataset,
    selection: Sequence[Instrument],
    cited: Sequence[Citation],
    disagreements: Disagreements,
    lang: Lang,
) -> str:
    """The headline's speaker notes: every figure in the lead figure with its source."""
    battery = [
        r for r in selection if r.amount_kind == "public" and r.amount_eur is not None and r.battery_specific
    ]
    counted = counted_ids(dataset, battery)
    lines = [t("battery_public", lang), ""]
    for record in sorted((r for r in battery if r.id in counted), key=lambda r: -(r.amount_eur or 0.0)):
        lines += _figure_note(record, cited, disagreements, lang)
    return "\n".join(lines).strip()
