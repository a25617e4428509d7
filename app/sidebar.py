"""The sidebar: language and filters. Each widget's key is its URL parameter.

It is drawn in every view and in presentation mode too (hidden there), so the filters stay the
page's own whatever is open, and leaving presentation mode finds them as they were.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import streamlit as st

from app.widgets import multi_choice, one_choice, year_input
from funding.base.markdown import plain_text
from funding.i18n import languages, t
from funding.i18n.languages import DEFAULT, codes
from funding.i18n.vocab import PILLAR_FRAMEWORKS, Lang
from funding.registry.dataset import Dataset
from funding.selecting.frameworks import with_default_framework
from funding.selecting.selection import CODE_FIELDS, FilterField, Filters


def language() -> Lang:
    """The reader's language: the chooser is labelled in every language, each option in its own."""
    label = " / ".join(t("language", code) for code in codes())
    lang: Lang = one_choice(
        st.sidebar, "lang", label, codes(), lambda c: languages.language(c).name, default=DEFAULT
    )
    return lang


def filter_controls(dataset: Dataset, lang: Lang) -> Filters:
    """A widget per row of `selection.FIELDS`, keyed by its URL parameter; the pillars last, under
    the framework they belong to."""
    side = st.sidebar
    side.header(t("filters_heading", lang))

    def codes(field: FilterField, framework: str = "eu") -> tuple[str, ...]:
        options = field.offered(dataset, framework)
        label = t(field.label_key, lang)

        def shown(code: str) -> str:
            return plain_text(field.label(code, lang, framework))

        return tuple(multi_choice(side, field.name, label, options, shown, placeholder=t("choose", lang)))

    picked: dict[str, Any] = {f.name: codes(f) for f in CODE_FIELDS if f.sidebar and not f.by_framework}
    left, right = side.columns(2)
    year_from = year_input(left, t("filter_year_from", lang), "year_from")
    year_to = year_input(right, t("filter_year_to", lang), "year_to")
    undated = side.checkbox(t("filter_undated", lang), value=True, key="undated", bind="query-params")
    battery_only = side.checkbox(
        t("filter_battery_only", lang), value=False, key="battery_only", bind="query-params"
    )
    q = side.text_input(t("filter_q", lang), value="", key="q", bind="query-params", max_chars=200)
    others = Filters(
        **picked,
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
    by_framework: dict[str, Any] = {
        f.name: codes(f, str(framework)) for f in CODE_FIELDS if f.sidebar and f.by_framework
    }
    return replace(others, framework=str(framework), **by_framework)
