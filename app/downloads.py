"""CSV, XLSX and PPTX of exactly what the page shows, built only when a button is clicked, through
the same `funding.exports.render` as the command line; an optional slide template; the way into
presentation mode."""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, replace

import streamlit as st

from app.context import Page
from app.loading import TTL_SECONDS, calls_of
from app.picks import clear as clear_picks
from app.signed import cache_resource
from app.url_state import PRESENT
from app.widgets import Where
from funding import charts
from funding.base.errors import UnreadableFile
from funding.base.markdown import markdown_text
from funding.exports.names import export_file_name
from funding.exports.render import MEDIA_TYPES, ExportRequest
from funding.exports.templates import TEMPLATE_MAX_MB, template_problem
from funding.i18n import t
from funding.i18n.languages import DEFAULT
from funding.i18n.vocab import Lang
from funding.registry.dataset import Dataset
from funding.registry.dataset_info import DatasetInfo
from funding.registry.loading import Loaded
from funding.selecting.selection import Filters


@dataclass(frozen=True)
class Export:
    """What a download is built from, captured when the page is drawn: the button's callable runs
    later, in a thread of its own, where the session (and so the widgets) is out of reach."""

    request: ExportRequest

    def build(self, fmt: str) -> bytes:
        # Imported here: the export libraries load on the first download, not on the first page.
        from funding.exports.render import render

        return render(fmt, self.request)


@cache_resource(max_entries=8, ttl=TTL_SECONDS, show_spinner=False)
def _template_trial(digest: str, _info: DatasetInfo, _data: bytes) -> UnreadableFile | None:
    """Check the template (by the bytes it inflates to) and build an empty deck with it, once per
    file, so a broken template is reported when it is uploaded rather than as a failed download."""
    from funding.exports.slides import export_pptx

    problem = template_problem(_data)
    if problem:
        return problem
    try:
        export_pptx(Dataset(()), (), Filters(), DEFAULT, {}, _info, template=_data)
    except UnreadableFile as exc:
        return exc
    except Exception as exc:  # a user file: any failure means "not usable", never a traceback
        return UnreadableFile("template", "template_unusable", error=type(exc).__name__)
    return None


def template_upload(where: Where, info: DatasetInfo, lang: Lang) -> bytes | None:
    """An optional .pptx/.potx for the deck: its bytes when usable."""
    upload = where.file_uploader(
        t("template", lang),
        type=["pptx", "potx"],
        key="pptx_template",
        max_upload_size=TEMPLATE_MAX_MB,
        help=t("template_help", lang, mb=TEMPLATE_MAX_MB),
    )
    if upload is None:
        return None
    data: bytes = upload.getvalue()
    problem = _template_trial(hashlib.sha256(data).hexdigest(), info, data)
    if problem:
        reason = problem.reason_in(lang)
        where.error(markdown_text(t("template_invalid", lang, name=upload.name, reason=reason)))
        return None
    where.caption(markdown_text(t("template_in_use", lang, name=upload.name)))
    return data


def _start_presenting(folded: dict[str, list[str]] | None) -> None:
    """Open presentation mode; chart clicks that filters can say move into the URL's filters."""
    if folded:
        for key, codes in folded.items():
            st.query_params[key] = codes
        clear_picks()
    st.query_params["view"] = PRESENT
    if "slide" in st.query_params:
        del st.query_params["slide"]


def _moved_filters(page: Page, folded: Filters | None) -> dict[str, list[str]] | None:
    """The filters a chart click changes, as URL values, when filters can say it."""
    if folded is None or not any(codes for _, codes in page.picks):
        return None
    return {
        name: list(getattr(folded, name))
        for name in charts.PICK_FIELDS.values()
        if getattr(folded, name) != getattr(page.filters, name)
    }


def download_section(page: Page) -> None:
    """CSV, XLSX and PPTX of exactly the narrowed selection (the instruments compared, when a
    comparison is set), and the way into presentation mode."""
    lang, data = page.lang, page.data
    folded = charts.picks_as_filters(page.filters, page.pick_map, page.dataset)
    picked = any(codes for _, codes in page.picks)
    # A comparison is a selection like any other: its rows, named and described as one.
    compared = set(page.compare)
    rows = [r for r in page.narrowed if r.id in compared] if compared else page.narrowed
    upload_name = data.loaded.source if data.uploaded else None
    with st.container(border=True, key="downloads"):
        st.markdown(f"**{t('present_section', lang)}**")
        bar = st.container(horizontal=True, key="download_bar")
        if data.info is None:
            st.caption(t("downloads_unavailable", lang))
        else:
            with bar.popover(t("template_button", lang), icon=":material/palette:"):
                template = template_upload(st, data.info, lang)
            shown = replace(folded or page.filters, compare=page.compare)
            calls = calls_of(data.documents)
            export = Export(
                ExportRequest(
                    page.dataset,
                    rows,
                    shown,
                    lang,
                    data.documents,
                    data.info,
                    upload_name=upload_name,
                    template=template,
                    # The CSV is the dataset's own format, which loads again as it is; the
                    # workbook is the file to read.
                    schema=True,
                    calls=() if data.uploaded or isinstance(calls, Loaded) else calls,
                )
            )
            for fmt, icon in (("csv", "table"), ("xlsx", "grid_on"), ("pptx", "slideshow")):
                label = t("download_pptx_template" if fmt == "pptx" and template else f"download_{fmt}", lang)
                bar.download_button(
                    label,
                    data=functools.partial(export.build, fmt),
                    file_name=export_file_name(shown, fmt, lang, uploaded=data.uploaded, schema=fmt == "csv"),
                    mime=MEDIA_TYPES[fmt],
                    key=f"download_{fmt}",
                    on_click="ignore",
                    icon=f":material/{icon}:",
                    help=t(f"download_{fmt}_help", lang),
                )
        bar.button(
            t("present", lang),
            key="present",
            icon=":material/co_present:",
            type="primary",
            on_click=_start_presenting,
            args=(_moved_filters(page, folded),),
            help=t("present_help", lang),
        )
        if compared:
            scope = t("download_scope_compare", lang, n=len(rows))
        else:
            scope = t("download_scope", lang, n=len(rows))
        if upload_name is not None:
            scope += " " + t("download_scope_upload", lang, name=upload_name)
        st.caption(markdown_text(scope))
        if picked and folded is None:
            st.caption(t("picks_not_in_files", lang))
        st.caption(t("png_hint", lang))
