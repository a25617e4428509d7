"""What the deck's slides say, as plain data: the headline figures, what the lead figure is made
of, the table of stated figures, the list of rows without an amount, the sources, and the
speaker notes. slides.py only lays these out.

Readers see document sections (funding.registry.locators.section), never line numbers; the speaker notes,
which the presenter reads, keep the full locator and the verbatim quote of every figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from funding.exports.citations import Citation
from funding.exports.figures import PART_MARK, ChartSpec
from funding.i18n import t
from funding.i18n.vocab import AMOUNT_KIND, RECORD_TYPE, STATUS, Lang
from funding.intake.records import Instrument
from funding.registry.dataset import Dataset
from funding.registry.disagreements import Disagreements
from funding.registry.locators import section
from funding.selecting.breakdowns import envelope_rows
from funding.selecting.figures import Figures, KindFigures, count_text, kind_lines, spoken_text
from funding.selecting.formatting import format_eur
from funding.selecting.selection import ORIGIN_LABELS
from funding.selecting.totals import KindTotal, counted_ids, origin_split


@dataclass(frozen=True)
class Figure:
    """A line of the headline slide: a figure's label, its spoken value and what it counts."""

    label: str
    value: str
    help: str = ""


@dataclass(frozen=True)
class KindLine:
    """A figure kind kept apart on the headline slide: label, figures by scope, how counted."""

    label: str
    values: tuple[str, ...]  # battery money and wider envelopes, a line each
    counts: str
    stated: bool  # some row states an amount of this kind


@dataclass(frozen=True)
class HeadlineTexts:
    """Battery money first, wider envelopes apart, then all public funding counted once, each
    explained once; the other kinds beside, split the same way and never added; then the counts
    and the one-bar charts. Every value is a figure of `funding.selecting.figures`, said aloud."""

    lead: Figure
    public: tuple[Figure, ...]
    explain: tuple[str, ...]
    kinds: tuple[KindLine, ...]
    counts: str
    sentences: tuple[str, ...]


def headline_texts(found: Figures, sentences: Sequence[str], lang: Lang) -> HeadlineTexts:
    public = found.public.by_scope
    battery, wider, net = public["battery"], public["wider"], public["all"]
    lead = Figure(battery.label, battery.spoken_kept, t("lead_help", lang))
    # Each figure once: all public funding only when it adds wider envelopes to the lead.
    figures: list[Figure] = []
    shown = [battery.bounds]
    if not wider.empty:
        figures.append(Figure(wider.label, wider.spoken_kept, t("wider_help", lang)))
        shown.append(wider.bounds)
    if not wider.empty and not battery.empty:
        figures.append(Figure(net.label, net.spoken_kept, t("net_help", lang)))
        shown.append(net.bounds)
    explain = (t("explain_range", lang),) if any(b.is_range for b in shown) else ()
    kinds = tuple(
        _kind_line(kind, lang)
        for code, kind in found.kinds.items()
        if code != "public" and (kind.total.with_amount or kind.total.without_amount)
    )
    return HeadlineTexts(lead, tuple(figures), explain, kinds, count_text(found, lang), tuple(sentences))


def _kind_line(kind: KindFigures, lang: Lang) -> KindLine:
    total = kind.total
    values: tuple[str, ...]
    if not total.with_amount:
        values, counts = (t("none_stated", lang),), t("without_amount_n", lang, n=total.without_amount)
    elif kind.summable:
        values = kind_lines(kind, lang)
        counts = t("figures_counted", lang, n=total.counted)
        if total.without_amount:
            counts += ", " + t("without_amount_n", lang, n=total.without_amount)
    else:  # targets may overlap: counted, never summed
        values, counts = (t("targets_stated", lang, n=total.with_amount),), t("not_summed_why", lang)
    return KindLine(kind.label, values, counts, bool(total.with_amount))


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
        f"{ORIGIN_LABELS.label(origin, lang)}: {spoken_text(bounds, lang)}"
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
    ranged = [f"{t(key, lang)}: {spoken_text(bounds, lang)}" for key, bounds in totals]
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
        for row in envelope_rows(dataset, selection, kind, lang):
            record = by_id[row["id"]]
            where = f"{_reference(record, cited)} {section(record.source_locator, lang)}".strip()
            rows.append(
                Row(
                    instrument=("" if record.id in counted else PART_MARK) + record.name(lang),
                    kind=AMOUNT_KIND.label(kind, lang),
                    # As on the bars: money that is not only for batteries says so in its cell.
                    amount=format_eur(record.amount_eur, lang, record.amount_qualifier)
                    + ("" if record.battery_specific else f" · {t('not_battery_specific', lang)}"),
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
