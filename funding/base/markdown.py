"""Text from the data, a file name or the URL, shown exactly as written and never as a link.

Streamlit 1.67 renders captions, alerts, headings, table cells and help texts as Markdown, and
backslash escapes alone do not keep such text literal (checked in chromium, see
tests/test_links.py): remark-gfm finds autolink literals (``https://``, ``www.``, e-mail
addresses) by a regular expression over the *parsed* text nodes, after escapes are resolved, so
``https\\://evil\\.example`` is still a link. Streamlit's own passes over text nodes work the same
way: ``:material_home:`` becomes an icon (its source step rewrites ``:material/`` first),
``:streamlit:`` a logo, ``:rocket:`` an emoji and `` -> `` an arrow.

So `markdown_text` escapes every ASCII punctuation character (no Markdown syntax can start) and
splits the text into separate text nodes wherever one of those passes could match: after each
colon, before each ``@``, between ``www`` and ``.``, and inside ``->``, ``--``, ``<=`` and the
like. The split is an empty ``:small[]`` directive: an empty ``<span>``, no visible character,
so the page shows, and a reader copies, exactly the input.

Bidirectional controls (the "Trojan Source" characters: embeddings, overrides, isolates, marks)
would let a search term shown as "live" read "evil" in memory; `plain_text` removes them for
every place text is shown: the page, plotly figures, the CLI and the exported files.
"""

from __future__ import annotations

import re

import pandas as pd

# U+061C ARABIC LETTER MARK, U+200E/F LRM/RLM, U+202A-E embeddings and overrides, U+2066-9 isolates.
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Markdown line endings and tabs; a run of them would also make an indented code block.
_WHITESPACE = re.compile(r"[ \t\n\r\f\v]+")
_ASCII_PUNCTUATION = re.compile(r"""([!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])""")
# Where a text node ends: after ":" (URLs, icons, emoji, the logo), before "@" (e-mail), between
# "www" and "." (www. links), between two of - < > ~ = (Streamlit's arrows and dashes).
_BREAKS = re.compile(r"(?<=:)|(?=@)|(?<=[wW]{3})(?=\.)|(?<=[-<>~])(?=[-<>=])")
# An empty text directive that Streamlit draws as an empty <span>: it ends one text node.
SEPARATOR = ":small[]"


def plain_text(text: str) -> str:
    """Text without bidirectional controls, so it reads in the order it is stored."""
    return BIDI_CONTROLS.sub("", text)


def markdown_text(text: str) -> str:
    """Text for Streamlit Markdown (captions, alerts, headings, table cells, help texts) that shows
    as written: no markup, no link, no icon, no emoji, no arrow. Whitespace runs become one space,
    as the browser would show them anyway. Escape a whole text; do not put the result right after
    a ":" of your own, where Streamlit would not read the separator."""
    flat = _WHITESPACE.sub(" ", plain_text(text))
    return SEPARATOR.join(_ASCII_PUNCTUATION.sub(r"\\\1", part) for part in _BREAKS.split(flat))


def plain_table(table: pd.DataFrame) -> pd.DataFrame:
    """A table whose text cells are `plain_text` (a data grid reorders text at bidi controls too)."""
    plain = table.copy()
    for name in plain.columns:
        if not pd.api.types.is_numeric_dtype(plain[name].dtype):
            plain[name] = plain[name].map(
                lambda value: plain_text(value) if isinstance(value, str) else value
            )
    return plain
