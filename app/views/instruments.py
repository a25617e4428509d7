"""Instruments: every selected row in a table, and where one instrument's figure comes from."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import streamlit as st

from app import cached
from app.context import Page
from app.display import nothing_selected
from app.widgets import one_choice
from funding.base.markdown import markdown_text, plain_table, plain_text
from funding.i18n import t
from funding.i18n.vocab import AMOUNT_KIND, Lang
from funding.intake.records import Instrument
from funding.registry.dataset import Dataset
from funding.registry.documents import Document
from funding.registry.locators import section
from funding.selecting.formatting import format_eur_full, with_qualifier

ROW_CHOICES = (100, 500, 2000, 10_000)


def render(page: Page) -> None:
    if not nothing_selected(page):
        details_section(page)


# A fragment: choosing how many rows, or which instrument's source to show, reruns this section only.
@st.fragment
def details_section(page: Page) -> None:
    lang = page.lang
    st.header(t("details", lang))
    limit = int(
        one_choice(st, "rows", t("rows_shown", lang), ROW_CHOICES, str, default=500, widget="selectbox")
    )
    shown = page.narrowed[:limit]
    if len(shown) < len(page.narrowed):
        st.caption(t("details_limit", lang, shown=len(shown), total=len(page.narrowed)))
    table = cached.details(page.digest, page.filters, page.picks, lang, limit, page.narrowed, page.dataset)
    # A picked row opens its source below: the table is the one way to choose an instrument.
    event = st.dataframe(
        plain_table(table),
        hide_index=True,
        width="stretch",
        key="details_table",
        on_select="rerun",
        selection_mode="single-row",
    )
    st.subheader(t("detail_pick", lang))
    record = picked_row(event, shown)
    if record is None:
        st.caption(t("detail_hint", lang))
        return
    instrument_detail(page.dataset, record, page.data.documents, lang)


def picked_row(event: Any, shown: Sequence[Instrument]) -> Instrument | None:
    """The row picked in the table (positions, whatever order the reader sorted it in), if any."""
    rows = list(event.selection.rows) if event is not None else []
    return shown[rows[0]] if rows and 0 <= rows[0] < len(shown) else None


def instrument_detail(
    dataset: Dataset, record: Instrument, documents: dict[str, Document], lang: Lang
) -> None:
    """Where a figure comes from. Data is written with st.text: never read as Markdown or HTML."""
    none = t("detail_none", lang)
    with st.container(border=True, key="detail_panel"):
        st.markdown(f"**{markdown_text(record.name(lang))}**")
        amount = with_qualifier(format_eur_full(record.amount_eur, lang), record.amount_qualifier, lang)
        st.text(plain_text(f"{AMOUNT_KIND.label(record.amount_kind, lang)}: {amount}"))
        document = documents.get(record.source_document or "")
        if document is not None:
            cited = document.citation(lang)
        elif record.source_document:
            cited = t("detail_unknown_document", lang, id=record.source_document)
        else:
            cited = none
        # Where, in the reader's words (no line numbers), and the quote in its passage where the
        # document's text is at hand; curators' notes stay in the codebook and the XLSX.
        for label, value in (
            ("detail_document", cited),
            ("detail_locator", section(record.source_locator, lang) or none),
        ):
            st.caption(t(label, lang))
            st.text(plain_text(value))
        found = cached.passage(document, record.source_quote)
        if found is None:
            st.caption(t("detail_quote", lang))
            st.text(plain_text(record.source_quote or none))
        else:
            st.caption(t("detail_passage", lang))
            st.markdown(
                f"{markdown_text(found.before)}**{markdown_text(found.quote)}**{markdown_text(found.after)}"
            )
        for item in dataset.disagreements.of(record.id):
            other = documents.get(item.other_document)
            st.caption(t("detail_disagreement", lang))
            st.text(
                plain_text(
                    f"{item.summary(lang)}\n{other.citation(lang) if other else item.other_document}, "
                    f"{item.other_locator}\n“{item.other_quote}”"
                )
            )
        if record.source_url:
            st.link_button(t("detail_url", lang), record.source_url, icon=":material/open_in_new:")
