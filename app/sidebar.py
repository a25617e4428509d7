"""The sidebar: language and filters. Each widget's key is its URL parameter.

It is drawn in every view and in presentation mode too (hidden there), so the filters stay the
page's own whatever is open, and leaving presentation mode finds them as they were.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

import streamlit as st

from app.widgets import multi_choice, one_choice, year_input
from funding.dataset import Dataset
from funding.frameworks import with_default_framework
from funding.i18n import languages, t
from funding.i18n.languages import DEFAULT, codes
from funding.markdown import plain_text
from funding.selection import ORIGIN_LABELS, ORIGINS, Filters, choices
from funding.vocab import (
    AMOUNT_KIND,
    BENEFICIARY,
    INSTRUMENT_TYPE,
    LEVEL,
    PILLAR_FRAMEWORKS,
    RECORD_TYPE,
    STATUS,
    Lang,
)


def language() -> Lang:
    """The reader's language: the chooser is labelled in every language, each option in its own."""
    label = " / ".join(t("language", code) for code in codes())
    lang: Lang = one_choice(
        st.sidebar, "lang", label, codes(), lambda c: languages.language(c).name, default=DEFAULT
    )
    return lang


def filter_controls(dataset: Dataset, lang: Lang) -> Filters:
    side = st.sidebar
    side.header(t("filters_heading", lang))
    valid = choices(dataset)

    def vocabulary(
        key: str, label: str, codes: Sequence[str], format_func: Callable[[str], str]
    ) -> list[str]:
        return multi_choice(side, key, t(label, lang), codes, format_func, placeholder=t("choose", lang))

    level = vocabulary("level", "filter_level", LEVEL.codes, lambda c: LEVEL.label(c, lang))
    kind = vocabulary("kind", "filter_kind", AMOUNT_KIND.codes, lambda c: AMOUNT_KIND.label(c, lang))
    type_ = vocabulary("type", "filter_type", INSTRUMENT_TYPE.codes, lambda c: INSTRUMENT_TYPE.label(c, lang))
    source = multi_choice(
        side, "source", t("filter_source", lang), valid["source"], plain_text, placeholder=t("choose", lang)
    )
    beneficiary = vocabulary(
        "beneficiary", "filter_beneficiary", BENEFICIARY.codes, lambda c: BENEFICIARY.label(c, lang)
    )
    status = vocabulary("status", "filter_status", STATUS.codes, lambda c: STATUS.label(c, lang))
    origin = vocabulary("origin", "filter_origin", ORIGINS, lambda c: ORIGIN_LABELS.label(c, lang))
    record_type = vocabulary(
        "record_type", "filter_record_type", RECORD_TYPE.codes, lambda c: RECORD_TYPE.label(c, lang)
    )
    left, right = side.columns(2)
    year_from = year_input(left, t("filter_year_from", lang), "year_from")
    year_to = year_input(right, t("filter_year_to", lang), "year_to")
    undated = side.checkbox(t("filter_undated", lang), value=True, key="undated", bind="query-params")
    battery_only = side.checkbox(
        t("filter_battery_only", lang), value=False, key="battery_only", bind="query-params"
    )
    q = side.text_input(t("filter_q", lang), value="", key="q", bind="query-params", max_chars=200)
    others = Filters(
        level=tuple(level),
        type=tuple(type_),
        source=tuple(source),
        beneficiary=tuple(beneficiary),
        status=tuple(status),
        kind=tuple(kind),
        origin=tuple(origin),
        record_type=tuple(record_type),
        year_from=year_from,
        year_to=year_to,
        undated=bool(undated),
        battery_only=bool(battery_only),
        q=(q or "").strip(),
    )
    # The pillars grouped by when the link names none: the deck's and the CLI's rule, from what
    # the other filters select (the Dutch strategy's for an all-Dutch selection) or from the
    # pillar codes a link carries.
    url_pillars = tuple(st.query_params.get_all("pillar"))
    framework = one_choice(
        side,
        "framework",
        t("filter_framework", lang),
        tuple(PILLAR_FRAMEWORKS),
        lambda c: t(f"framework_{c}", lang),
        default=with_default_framework(replace(others, pillar=url_pillars), dataset).framework,
    )
    pillars = PILLAR_FRAMEWORKS[framework]
    pillar = vocabulary("pillar", "filter_pillar", pillars.codes, lambda c: pillars.label(c, lang))
    return replace(others, framework=str(framework), pillar=tuple(pillar))
