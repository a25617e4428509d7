"""Text that cannot become a link: `funding.base.markdown` against a model of Streamlit 1.67's Markdown.

The model is what the browser test (tests/test_links.py) confirms in chromium: after parsing,
remark-gfm and Streamlit run these regular expressions over each text node, with escapes
already resolved. They are copied from Streamlit 1.67's bundle (StreamlitMarkdown and
remark-emoji chunks); the e-mail one without its look-behind, which only makes it match more.
"""

from __future__ import annotations

import io
import re

from factory import csv_bytes, row
from hypothesis import example, given
from hypothesis import strategies as st
from openpyxl import load_workbook
from pptx import Presentation

from funding import charts
from funding.base.markdown import SEPARATOR, markdown_text, plain_table, plain_text
from funding.exports import export_csv, export_pptx, export_xlsx
from funding.intake.records import Instrument
from funding.registry.dataset_info import DatasetInfo
from funding.registry.loading import parse_csv
from funding.selecting.selection import Filters, describe

ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Passes over one text node each (JS `\w` is ASCII, hence re.ASCII).
TEXT_NODE_PASSES = {
    "autolink url": re.compile(r"(https?://|www(?=\.))([-.\w]+)([^ \t\r\n]*)", re.I | re.ASCII),
    "autolink e-mail": re.compile(r"([-.\w+]+)@([-\w]+(?:\.[-\w]+)+)", re.ASCII),
    "material icon": re.compile(r":material_(\w+):", re.ASCII),
    "logo": re.compile(r":streamlit:"),
    "emoji": re.compile(r":\+1:|:-1:|:[\w-]+:", re.ASCII),
    "arrow or dash": re.compile(r"(^|\s)(<->|->|<-|--|>=|<=|~=)(\s|$)"),
}
# Checks on the whole source before parsing: Streamlit rewrites ":material/" to ":material_",
# and loads remark-emoji / KaTeX only when these match.
SOURCE_TRIGGERS = {
    "material rewrite": re.compile(re.escape(":material/")),
    "emoji plugin": re.compile(r":(?!material/|streamlit:)[\w+-][\w_+-]*:", re.ASCII),
}
_TOKEN = re.compile(r"\\(.)|(" + re.escape(SEPARATOR) + r")|(.)", re.S)


def text_nodes(markdown: str) -> list[str]:
    """The text nodes Markdown makes of our output: escapes resolved, split at each separator.
    Fails on any unescaped ASCII punctuation outside a separator: that could start syntax."""
    nodes = [""]
    for escaped, separator, other in _TOKEN.findall(markdown):
        if separator:
            nodes.append("")
        elif escaped:
            nodes[-1] += escaped
        else:
            assert other not in ASCII_PUNCTUATION, f"unescaped {other!r} in {markdown!r}"
            nodes[-1] += other
    return nodes


def shown(markdown: str) -> str:
    return "".join(text_nodes(markdown))


FRAGMENTS = [
    "https://",
    "http://",
    "HTTPS://",
    "www.",
    "WwW.",
    "wwww.",
    "@",
    "user",
    "evil.example",
    ".example/login",
    "mailto:",
    ":material/home:",
    ":material_home:",
    ":streamlit:",
    ":rocket:",
    ":+1:",
    ":red[x]",
    ":small[]",
    " -> ",
    " <-> ",
    " -- ",
    " >= ",
    " ~= ",
    "$x$",
    "[a](b)",
    "<b>",
    "`c`",
    "\\",
    "\n",
    "    ",
    *BIDI,
]
texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=12).map("".join)


@given(texts)
@example("https://evil.example/login")
@example("\u202eevil.example")
def test_nothing_in_the_output_can_become_a_link_an_icon_or_markup(text: str) -> None:
    markdown = markdown_text(text)
    for node in text_nodes(markdown):
        for name, pattern in TEXT_NODE_PASSES.items():
            assert not pattern.search(node), f"{name} in text node {node!r} of {markdown!r}"
    for name, pattern in SOURCE_TRIGGERS.items():
        assert not pattern.search(markdown), f"{name} triggered by {markdown!r}"
    assert not BIDI_RE.search(markdown)


BIDI_RE = re.compile(f"[{BIDI}]")


@given(texts)
def test_shown_text_is_the_input_without_bidi_controls(text: str) -> None:
    """Whitespace runs become one space, as a browser shows them anyway."""
    expected = re.sub(r"[ \t\n\r\f\v]+", " ", BIDI_RE.sub("", text))
    assert shown(markdown_text(text)) == expected


def test_hand_checked_outputs() -> None:
    """Written out by hand from the rules: punctuation escaped, a separator after ":", before "@",
    between "www" and ".", and between two of - < > ~ =."""
    s = SEPARATOR
    assert markdown_text("https://evil.example/login") == "https\\:" + s + r"\/\/evil\.example\/login"
    assert markdown_text("www.evil.example") == "www" + s + r"\.evil\.example"
    assert markdown_text("me@evil.example") == "me" + s + r"\@evil\.example"
    assert markdown_text(":material/home:") == "\\:" + s + r"material\/home\:" + s
    assert markdown_text("a -> b") == "a \\-" + s + "\\> b"
    assert markdown_text("[x](javascript:alert(1)) **b** <i>") == (
        r"\[x\]\(javascript\:" + s + r"alert\(1\)\) \*\*b\*\* \<i\>"
    )
    assert markdown_text("evil\u202e\u2066gol\nline") == "evilgol line"
    assert markdown_text("EUR\u00a01.5 bn") == "EUR\u00a01\\.5 bn"  # no-break spaces stay


def test_plain_text_removes_only_bidi_controls() -> None:
    assert plain_text("a\u202eb\u200fc\u061cd\u2069 é €\u00a0") == "abcd é €\u00a0"


def test_plotly_text_drops_bidi_controls_and_escapes_markup() -> None:
    assert charts.plotly_text("<b>\u202eevil</b>") == "&lt;b&gt;evil&lt;/b&gt;"


def test_tables_for_the_page_lose_bidi_controls_in_text_only() -> None:
    import pandas as pd

    table = pd.DataFrame({"name": ["a\u202eb", None], "amount": [1.5, 2.0]})
    plain = plain_table(table)
    assert list(plain["name"].fillna("-")) == ["ab", "-"]
    assert list(plain["amount"]) == [1.5, 2.0]


INFO = DatasetInfo(
    title="Test dataset",
    title_nl="Testdataset",
    version="1.0.0",
    date="2026-01-02",
    citation="Test dataset v1.0.0.",
    licence="CC0",
)
RLO_QUERY = "\u202eexe.evil"


def test_a_right_to_left_override_in_the_search_stays_out_of_every_export() -> None:
    """The search term reaches the XLSX About sheet and title, the deck's title slide and
    properties; a name with an override reaches the CSV and XLSX cells and the deck's table."""
    base = parse_csv(csv_bytes([row("a", "100"), row("b", "200")])).records
    rigged = tuple(
        Instrument.model_construct(**{**r.model_dump(), "name_en": "live\u202e" + r.name_en}) for r in base
    )
    from funding.registry.dataset import Dataset

    data = Dataset(rigged)
    filters = Filters(q=RLO_QUERY)
    assert "\u202e" in describe(filters, "en")  # the filter itself is what the user typed
    csv_text = export_csv(data, rigged, filters, "en", {}, INFO).decode("utf-8-sig")
    assert "live" in csv_text and not BIDI_RE.search(csv_text)
    book = load_workbook(io.BytesIO(export_xlsx(data, rigged, filters, "en", {}, INFO)))
    cells = [str(c.value) for sheet in book for r in sheet.iter_rows() for c in r if c.value is not None]
    assert any("exe.evil" in c for c in cells) and not any(BIDI_RE.search(c) for c in cells)
    assert not BIDI_RE.search(book.properties.title or "")
    deck = Presentation(io.BytesIO(export_pptx(data, rigged, filters, "en", {}, INFO)))
    texts = [shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame]
    texts += [
        cell.text
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_table
        for r in shape.table.rows
        for cell in r.cells
    ]
    assert any("exe.evil" in t for t in texts) and not any(BIDI_RE.search(t) for t in texts)
    assert not BIDI_RE.search(deck.core_properties.subject or "")
