"""The instruments table: one row per instrument, amounts written out in full."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from funding.charts.caveats import caveat_lines, mark
from funding.charts.text import period_text
from funding.i18n import t
from funding.i18n.vocab import AMOUNT_KIND, LEVEL, QUALIFIER, RECORD_TYPE, STATUS, Lang
from funding.intake.records import Instrument
from funding.registry.dataset import Dataset
from funding.selecting.formatting import format_eur_full
from funding.selecting.selection import ORIGIN_LABELS, origin_of


def details_table(dataset: Dataset, records: Sequence[Instrument], lang: Lang) -> pd.DataFrame:
    """One row per entry, amounts written out in full; rows without an amount stay listed, and
    what kind of entry it is, where its money comes from and what other documents say."""
    return pd.DataFrame(
        {
            t("col_name", lang): [r.name(lang) + mark(dataset, r.id) for r in records],
            t("col_amount", lang): [format_eur_full(r.amount_eur, lang) for r in records],
            t("col_qualifier", lang): [
                QUALIFIER.label(r.amount_qualifier, lang) if r.amount_qualifier else "" for r in records
            ],
            t("col_kind", lang): [AMOUNT_KIND.label(r.amount_kind, lang) for r in records],
            t("col_status", lang): [STATUS.label(r.status, lang) if r.status else "" for r in records],
            t("col_source", lang): [r.source for r in records],
            t("col_level", lang): [LEVEL.label(r.level, lang) for r in records],
            t("col_period", lang): [
                period_text(r, lang) if (r.period_start or r.period_end) else "" for r in records
            ],
            t("col_record_type", lang): [RECORD_TYPE.label(r.record_type, lang) for r in records],
            t("col_origin", lang): [
                ORIGIN_LABELS.label(origin_of(r), lang) if r.amount_eur is not None else "" for r in records
            ],
            t("col_caveats", lang): ["; ".join(caveat_lines(dataset, r.id, lang)) for r in records],
        },
        index=[r.id for r in records],
    )
