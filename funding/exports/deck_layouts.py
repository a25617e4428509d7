"""A user's slide template opened as the deck to build on, and the layouts picked from it.

Layouts are found by their placeholders, not by name, so templates in any language work.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from typing import Any

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from funding.base.errors import UnreadableFile
from funding.intake.archives import checked_template

TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
PRESENTATION_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"


def open_template(data: bytes) -> Any:
    checked = checked_template(data)  # sizes as inflated, no macros: before python-pptx sees it
    try:
        prs = Presentation(io.BytesIO(as_presentation(checked)))
    except Exception:  # a user file: any parse failure means "not a usable template"
        raise UnreadableFile("template", "template_not_pptx") from None
    slide_ids = prs.slides._sldIdLst  # python-pptx has no public API to delete slides
    for slide_id in list(slide_ids):
        prs.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)
    return prs


def as_presentation(data: bytes) -> bytes:
    """A .potx is a .pptx with another content type; python-pptx only opens the latter."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            types = source.read("[Content_Types].xml")
            if TEMPLATE_TYPE not in types:
                return data
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
                for item in source.infolist():
                    content = source.read(item.filename)
                    if item.filename == "[Content_Types].xml":
                        content = content.replace(TEMPLATE_TYPE, PRESENTATION_TYPE)
                    target.writestr(item, content)
            return out.getvalue()
    except (zipfile.BadZipFile, KeyError):
        return data  # let python-pptx report it


def placeholder_types(layout: Any) -> list[object]:
    return [p.placeholder_format.type for p in layout.placeholders]


FURNITURE = {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER}


def pick_layout(layouts: Sequence[Any], *, title_slide: bool) -> Any:
    """A title layout (centre title) or a "title only" layout, found by placeholders, not by name,
    so that templates in any language work; falls back to the layout with the fewest placeholders."""
    if not layouts:
        raise UnreadableFile("template", "template_no_layouts")
    if title_slide:
        for layout in layouts:
            if PP_PLACEHOLDER.CENTER_TITLE in placeholder_types(layout):
                return layout
    candidates = [
        layout
        for layout in layouts
        if PP_PLACEHOLDER.TITLE in placeholder_types(layout)
        or PP_PLACEHOLDER.CENTER_TITLE in placeholder_types(layout)
    ]

    def extra(layout: Any) -> int:
        return sum(
            1
            for kind in placeholder_types(layout)
            if kind not in FURNITURE and kind not in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
        )

    return min(candidates or layouts, key=extra)


def drop_empty_placeholders(slide: Any) -> None:
    """Layout placeholders we do not fill would show "Click to add text" in the editor."""
    for placeholder in list(slide.placeholders):
        if placeholder.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE):
            continue
        if not placeholder.has_text_frame or not placeholder.text_frame.text:
            element = placeholder._element
            element.getparent().remove(element)
