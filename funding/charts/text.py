"""Text that a chart or the page shows: escaped for plotly and Markdown, wrapped, the source line.

Text from the data (names, sources, an uploaded file's cells) goes through `plotly_text`, so a
name such as ``<img src=x onerror=...>`` is shown as written instead of being read by plotly as
markup (Streamlit's Markdown has its own: `funding.base.markdown.markdown_text`).
"""

from __future__ import annotations

import functools
import re
import textwrap

from funding.base.markdown import plain_text
from funding.i18n import t
from funding.i18n.vocab import Lang
from funding.intake.records import Instrument
from funding.selecting.formatting import NBSP as NBSP

_PLOTLY_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def plotly_text(text: str) -> str:
    """Text that plotly shows literally: it reads <b>, <a href>, <br> and entities as markup (and
    the browser would reorder it at a bidirectional control)."""
    return re.sub(r"[&<>]", lambda m: _PLOTLY_ESCAPES[m.group(0)], plain_text(text))


@functools.lru_cache(maxsize=4096)
def wrapped(text: str, width: int = 30, lines: int | None = 3) -> str:
    """An escaped label broken over at most `lines` lines of about `width` characters (every
    line it needs with `lines=None`: a name on a slide is wrapped, never cut). Remembered: the
    same names are wrapped on every rerun, and `textwrap` was a third of the comparison chart."""
    # Never after a hyphen: a slide joins the lines again to rewrap them (funding.charts.slide).
    parts = textwrap.wrap(text, width=width, break_on_hyphens=False) or [""]
    if lines is not None and len(parts) > lines:
        parts = parts[:lines]
        parts[-1] = parts[-1][: max(width - 1, 1)].rstrip() + "…"
    return "<br>".join(plotly_text(p) for p in parts)


def period_text(record: Instrument, lang: Lang) -> str:
    start = record.period_start or t("open_start", lang)
    end = record.period_end or t("open_end", lang)
    return f"{start} – {end}"
