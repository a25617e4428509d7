"""The first screen's answer: one sentence with the lead figure, what it covers and as of when,
then the splits an analyst asks first (EU or the Netherlands, battery or wider money, how many
instruments state no amount). Every number in it is a figure of `funding.selecting.figures`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from babel.dates import format_date

from funding.i18n import t
from funding.i18n.languages import language
from funding.i18n.vocab import LEVEL, Lang
from funding.intake.records import Instrument
from funding.registry.dataset import Dataset
from funding.registry.dataset_info import DatasetInfo
from funding.selecting.figures import Figures, battery_figure, figures
from funding.selecting.filter_index import index_of
from funding.selecting.selected import Selected, positions_in
from funding.selecting.selection import Filters

SPLIT_LEVELS = ("EU", "NL")  # where the money is decided: the two levels a briefing compares


@dataclass(frozen=True)
class Lead:
    sentence: str
    splits: tuple[tuple[str, str], ...]  # (label, spoken figure), in reading order


def _as_of(info: DatasetInfo | None, lang: Lang) -> str:
    if info is None:
        return ""
    try:
        when = format_date(date.fromisoformat(info.date), format="medium", locale=language(lang).babel_locale)
    except ValueError:
        when = info.date
    return t("lead_as_of", lang, version=info.version, date=when)


def _at_level(dataset: Dataset, selection: Sequence[Instrument], level: str) -> Sequence[Instrument]:
    """The selection's rows of one level; a selection of dataset positions stays one (arrays,
    no record made), so 100,000 rows cost a comparison, not a pass."""
    if isinstance(selection, Selected) and selection.of(dataset):
        return selection.where(index_of(dataset).level[selection.positions] == level)
    return [r for r in selection if r.level == level]


def _documents(dataset: Dataset, selection: Sequence[Instrument]) -> int:
    """How many documents the selection's rows cite, counted over the column's codes (made once
    per dataset) when positions are known: a set of 100,000 cells cost 10 ms a rerun."""
    positions = positions_in(dataset, selection)
    if positions is None:
        return len({r.source_document for r in selection if r.source_document})
    codes, cited = dataset.kept("document_codes", _document_codes)
    seen = np.zeros(cited + 1, dtype=bool)
    seen[codes[positions]] = True
    return int(np.count_nonzero(seen[1:]))


def _document_codes(dataset: Dataset) -> tuple[np.ndarray, int]:
    """Each row's document as a number (0 for none) and how many documents are cited."""
    number: dict[str | None, int] = {None: 0, "": 0}
    codes = np.fromiter(
        (number.setdefault(d, len(number) - 1) for d in dataset.column("source_document")), np.intp
    )
    return codes, len(number) - 2


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def lead(
    dataset: Dataset,
    selection: Sequence[Instrument],
    filters: Filters,
    info: DatasetInfo | None,
    lang: Lang,
    found: Figures | None = None,
) -> Lead:
    """The sentence and the splits for this selection (`found`: its figures, if already made)."""
    found = found or figures(dataset, selection, filters, lang)
    battery = found.public.by_scope["battery"]
    documents = _documents(dataset, selection)
    as_of = _as_of(info, lang)
    if battery.empty:
        said = t("lead_none", lang, n=documents, as_of=as_of)
    else:
        said = t("lead_sentence", lang, figure=battery.spoken_kept, n=documents, as_of=as_of)
    splits: list[tuple[str, str]] = []
    for level in SPLIT_LEVELS:
        figure = battery_figure(dataset, _at_level(dataset, selection, level), filters, lang)
        if figure.stated:  # some row of this level states public money
            splits.append((t("lead_level", lang, level=LEVEL.label(level, lang)), figure.spoken_kept))
    wider = found.public.by_scope["wider"]
    if not wider.empty:
        splits.append((t("lead_wider", lang), wider.spoken_kept))
    counts = found.counts
    if counts.instruments:
        splits.append(
            (
                t("lead_unstated", lang),
                t("lead_unstated_value", lang, part=counts.instruments_unstated, n=counts.instruments),
            )
        )
    return Lead(_capitalised(said), tuple(splits))
