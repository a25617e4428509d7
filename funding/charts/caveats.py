"""What a reader must know next to a figure: another document gives another figure, or the figure
may share money with another one. Shown on the bar itself (a mark) and in its hover and table."""

from __future__ import annotations

from funding.i18n import t
from funding.i18n.vocab import Lang
from funding.registry.dataset import Dataset

# On a bar's label: another document states this figure differently (see the hover or table).
DISPUTED_MARK = "⚑"
# Disagreements about the figure itself; others (scope, status, name) are listed, not marked.
FIGURE_COLUMNS = frozenset({"amount_eur", "amount_qualifier", "amount_kind"})


def disputed(dataset: Dataset, record_id: str) -> bool:
    return any(d.column in FIGURE_COLUMNS for d in dataset.disagreements.of(record_id))


def mark(dataset: Dataset, record_id: str) -> str:
    """ " ⚑" when another document gives another figure for this row, else ""."""
    return f" {DISPUTED_MARK}" if disputed(dataset, record_id) else ""


def caveat_lines(dataset: Dataset, record_id: str, lang: Lang) -> list[str]:
    """One line per disagreement ("Other document: BNC-fiche: EUR 291 m") and one naming the
    figures this one may share money with."""
    lines = [t("other_document", lang, summary=d.summary(lang)) for d in dataset.disagreements.of(record_id)]
    record = dataset.by_id.get(record_id)
    if record is not None and record.may_overlap:
        names = "; ".join(dataset.by_id[i].name(lang) for i in record.may_overlap if i in dataset.by_id)
        lines.append(t("may_share_money", lang, names=names))
    return lines
