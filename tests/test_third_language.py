"""A third language is a row in one table plus its texts: nothing else in the code has to know it.

The test registers a throwaway language "xx" for its own duration: a row in
`funding.i18n.languages` (French digits: a decimal comma and a narrow no-break space between
thousands; "EURxx", "xbn" and "xm" as currency and scale words) and, for every catalogue entry
and vocabulary label, the English text marked: "⟦xx⟧" in front and "·" between its words
(outside the placeholders). An English or Dutch text that a fallback let through is then found
by its own words, which a marked text never holds ("Public funding" is "⟦xx⟧Public·funding"),
whatever case the code writes it in. The page, a deck, a workbook and a CSV are made in xx, the
data's own texts (names, quotes, notes, titles: English, as the row says) are cut out, and what
is left must hold no English or Dutch catalogue text, and its figures xx's words and separators.
"""

from __future__ import annotations

import csv
import gc
import io
import json
import re
import string
from collections.abc import Iterator
from functools import cache
from typing import Any, cast

import openpyxl
import pytest
from apptest_support import APP, data_upload, open_view, run, said
from export_support import deck_texts
from factory import csv_bytes
from pptx import Presentation
from pptx.enum.lang import MSO_LANGUAGE_ID
from problems_support import RULE_ROWS
from streamlit.testing.v1 import AppTest

from app import url_state
from funding.base.errors import InvalidData, Problem, UnreadableFile
from funding.base.markdown import SEPARATOR, markdown_text
from funding.base.paths import DEFAULT_DATA, DEFAULT_DOCUMENTS
from funding.base.reading import too_large
from funding.changes import editing
from funding.exports import ExportRequest, render
from funding.exports.templates import template_problem
from funding.i18n import TEXTS, t
from funding.i18n.forms import Entry, categories
from funding.i18n.languages import LANGUAGES, Lang, Language, language
from funding.i18n.vocab import LEVEL, Term
from funding.registry.dataset import Dataset
from funding.registry.dataset_info import load_info
from funding.registry.disagreements import load_disagreements
from funding.registry.documents import load_documents
from funding.registry.loading import load_dataset, parse_csv
from funding.registry.locators import section
from funding.registry.versions import VersionUnreadable
from funding.selecting import formatting
from funding.selecting.frameworks import with_default_framework
from funding.selecting.selection import Filters, apply

XX = cast(Lang, "xx")
MARK = "⟦xx⟧"
ROW = Language(
    code=XX,
    name=MARK + "xxish",
    babel_locale="fr_FR",
    tag="fr-FR",
    pptx_language="FRENCH",
    excel_locale="[$-40C]",
    csv_delimiter=";",
    currency="EURxx ",
    billion="xbn",
    million="xm",
    data="en",
)
GROUP = "\u202f"  # fr_FR's thousands separator
WORDS = "·"  # between the words of an xx text


def marked(text: str) -> str:
    """The English text in xx: marked in front, its spaces "·" (outside the placeholders)."""
    out = MARK
    for literal, name, spec, conversion in string.Formatter().parse(text):
        out += literal.replace(" ", WORDS).replace("{", "{{").replace("}", "}}")
        if name is not None:
            out += "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
    return out


def marked_entry(english: Entry) -> Entry:
    if isinstance(english, str):
        return marked(english)
    return {form: marked(english.get(form, english["other"])) for form in categories(XX)}


def every_term() -> list[Term]:
    """Every Term alive, wherever it was made. conftest.py freezes what collection imported out of
    the collector's walks, and gc.get_objects() lists only what is not frozen: thaw, list, freeze."""
    gc.unfreeze()
    try:
        return [o for o in gc.get_objects() if isinstance(o, Term)]
    finally:
        gc.collect()  # what earlier tests left unreachable goes now, not frozen with the rest
        gc.freeze()


@pytest.fixture
def xx(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The row, every catalogue entry and every vocabulary label in xx, for this test only."""
    monkeypatch.setitem(LANGUAGES, "xx", ROW)
    for texts in TEXTS.values():
        monkeypatch.setitem(cast(dict[str, Entry], texts), "xx", marked_entry(texts["en"]))
    for term in every_term():
        monkeypatch.setitem(cast(dict[str, str], term.labels), "xx", marked(term.labels["en"]))
    yield


@cache
def published() -> tuple[Dataset, dict[str, Any]]:
    documents = load_documents(DEFAULT_DOCUMENTS)
    dataset = load_dataset(DEFAULT_DATA, known_documents=documents).with_disagreements(load_disagreements())
    return dataset, documents


@cache
def data_pattern() -> re.Pattern[str]:
    """The data's own texts, longest first, so that they can be cut out of what is shown, and
    their beginnings where a slide shortens them with "…"."""
    dataset, documents = published()
    found: set[str] = set()
    for r in dataset.records:
        found |= {r.name_en, r.name_nl, r.source, r.source_quote or "", r.notes or "", r.notes_nl or ""}
        found |= {r.source_locator or "", section(r.source_locator, "en"), r.id}
    for d in documents.values():
        found |= {d.title_en, d.title_nl, d.publisher, d.id}
    for item in dataset.disagreements.items:
        found |= {item.summary_en, item.summary_nl, item.other_quote, item.other_locator}
    info = load_info()
    found |= {info.title, info.title_nl, info.citation, info.licence}
    texts = sorted((text for text in found if text), key=len, reverse=True)
    cut = [re.escape(text[:30]) + "[^…]*…" for text in texts if len(text) > 30]  # a shortened name
    return re.compile("|".join([*(re.escape(text) for text in texts), *cut]))


@cache
def fallbacks() -> re.Pattern[str]:
    """The English and Dutch catalogue and vocabulary texts, as the pieces between placeholders
    that are long enough to be words of ours (two words, ten letters) rather than a unit."""
    pieces: set[str] = set()
    entries = [entry for texts in TEXTS.values() for lang, entry in texts.items() if lang in ("en", "nl")]
    for entry in entries:
        for text in [entry] if isinstance(entry, str) else list(entry.values()):
            pieces |= {literal.strip() for literal, *_ in string.Formatter().parse(text)}
    terms = every_term()
    pieces |= {term.labels[lang] for term in terms for lang in ("en", "nl")}
    words = sorted((p for p in pieces if " " in p and len(p) >= 10), key=len, reverse=True)
    return re.compile("|".join(re.escape(p) for p in words))


def own(text: str) -> str:
    """What is shown, without the data's own texts: markdown escapes resolved, the empty
    separators that keep links from forming dropped, no-break spaces plain, wrapped lines joined."""
    plain = re.sub(r"\\(.)", r"\1", text.replace(SEPARATOR, "")).replace("\u00a0", " ").replace("\u2060", "")
    plain = plain.replace("<br>", " ")  # a chart's wrapped name is the data's name again
    return data_pattern().sub(" ", plain)


def leaks(texts: Iterator[str]) -> list[str]:
    """English or Dutch texts of ours found in what is shown, once the data's own are cut out."""
    found = []
    for text in texts:
        found += [f"{hit!r} in {text[:160]!r}" for hit in fallbacks().findall(own(text))]
    return found


def no_english_numbers(texts: list[str]) -> None:
    """Figures carry xx's currency and scale words, never English or Dutch ones."""
    joined = "\n".join(own(text) for text in texts)
    assert "EURxx " in joined
    for pattern in (r"(?<![A-Za-z])(EUR|€) \d", r"\d (bn|m|mld|mln)\b"):
        found = re.search(pattern, joined)
        assert found is None, joined[max(0, found.start() - 200) : found.end() + 80]


def test_the_marking_finds_what_it_is_for(xx: None) -> None:
    """The check itself can fail: an English text is found, its xx form is not, and the row's
    numbers are French-written with xx's words."""
    english = t("page_title", "en")
    assert leaks(iter([english])) and not leaks(iter([t("page_title", XX)]))
    assert t("page_title", XX) == marked(english) and t("page_title", XX).startswith(MARK)
    assert (
        LEVEL.label("NL", XX) == MARK + "Netherlands" and LEVEL.label("MS", XX) == MARK + "EU·member·states"
    )
    # 4,021 bn written by fr_FR: a decimal comma; 1,500,000 in full: narrow no-break spaces.
    assert formatting.format_eur(4_021_000_000, XX) == "EURxx 4,021 xbn"
    assert formatting.format_eur_full(1_500_000, XX) == f"EURxx 1{GROUP}500{GROUP}000"
    assert language(XX).separators == "," + GROUP


def test_a_language_nobody_wrote_raises_everywhere() -> None:
    """No text, label, number or document format falls back to English or Dutch."""
    for ask in (
        lambda: t("page_title", XX),
        lambda: LEVEL.label("NL", XX),
        lambda: formatting.format_eur(1.0, XX),
        lambda: language(XX),
    ):
        with pytest.raises(KeyError):
            ask()


def _proto_strings(message: Any) -> Iterator[str]:
    for field, value in message.ListFields():
        for item in value if field.is_repeated else [value]:
            if field.type == field.TYPE_MESSAGE:
                yield from _proto_strings(item)
            elif field.type == field.TYPE_STRING:
                yield item


def _json_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)


def _values() -> set[str]:
    """The changes table's old and new cells: the data of another release, as it was written."""
    return {t("col_old_value", XX), t("col_new_value", XX)}


def page_texts(node: Any) -> Iterator[str]:
    """Every string an element sends: labels, bodies, options, table cells, chart texts."""
    for child in getattr(node, "children", {}).values():
        yield from page_texts(child)
    proto = getattr(node, "proto", None)
    if proto is None or node.type in ("html", "code"):  # the page's CSS; commands and links (codes)
        return
    if node.type in ("dataframe", "table"):
        frame = node.value
        yield from (str(c) for c in frame.columns)
        cells = frame.drop(columns=[c for c in frame.columns if c in _values()])
        yield from (str(v) for v in cells.to_numpy().ravel())
    elif node.type == "plotly_chart":
        spec = json.loads(proto.spec)
        assert spec["layout"]["separators"] == "," + GROUP
        yield from (s for s in _json_strings(spec) if not s.startswith(("#", "rgb")))
    else:
        yield from _proto_strings(proto)


def test_a_refused_file_or_template_is_said_in_xx_by_its_code(xx: None) -> None:
    """The code and details of a refusal are the data; each language writes them, sizes in its digits."""
    with pytest.raises(UnreadableFile) as caught:
        parse_csv("id,name_en\n".encode("utf-16"))
    assert caught.value.code == "utf16" and caught.value.reason_in(XX) == t("unreadable_utf16", XX)
    assert t("unreadable_utf16", XX).startswith(MARK)
    big = too_large("upload.csv", 3 * 1024 * 1024 // 2, 1024 * 1024)  # 1.5 MB over a 1 MB limit
    assert big.reason_in(XX) == marked("is {size} MB; the limit is {limit} MB").format(size="1,5", limit=1)
    assert big.reason == "is 1.5 MB; the limit is 1 MB"
    refused = template_problem(b"not a zip")
    assert refused is not None and refused.code == "template_not_pptx"
    assert refused.reason_in(XX) == t("unreadable_template_not_pptx", XX)
    problems = [Problem(2, "id", "required", "")] * 2
    release = VersionUnreadable((UnreadableFile("a.csv", "no_such_file"), InvalidData("b.csv", problems)))
    said_in_xx = f"a.csv: {t('unreadable_no_such_file', XX)}; {t('file_invalid', XX, source='b.csv', n=2)}"
    assert release.reason_in(XX) == said_in_xx and MARK + "b.csv:·2·problems" in said_in_xx


@pytest.mark.apptest
@pytest.mark.timeout(600)
def test_the_page_speaks_xx_in_every_view(xx: None) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "xx"
    run(at)
    assert at.radio(key="lang").value == "xx"
    for view in url_state.VIEWS:
        at.query_params["view"] = view
        texts = list(page_texts(run(at)._tree))
        found = leaks(iter(texts))
        assert found == [], (view, *found)
        assert t(f"view_{view}", XX) in texts
        if view == "overview":
            assert t("page_title", XX) in texts
            no_english_numbers(texts)
    data_upload(at).set_value(("utf16.csv", "id,name_en\n".encode("utf-16"), "text/csv"))
    shown = said(run(at).error)
    reason = t("unreadable_utf16", XX)
    assert shown == [t("upload_unreadable", XX, reason=reason, name="utf16.csv")], shown


@pytest.mark.apptest
@pytest.mark.timeout(600)
def test_a_files_problems_are_said_in_xx_by_their_codes(xx: None) -> None:
    """A bad upload's problem table (Data view) and an edit's problems (Edit view, and the CSV of
    them) are written in xx from their codes and details: no English or Dutch text of ours."""
    bad = csv_bytes(RULE_ROWS)
    with pytest.raises(InvalidData) as caught:
        parse_csv(bad, known_documents=load_documents(DEFAULT_DOCUMENTS))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "xx"
    run(at)
    data_upload(at).set_value(("bad.csv", bad, "text/csv"))
    texts = list(page_texts(run(at)._tree))
    assert leaks(iter(texts)) == []
    (table,) = at.table
    shown = list(table.value[t("problem_message", XX)])
    assert shown == [markdown_text(p.message_in(XX)) for p in caught.value.problems]
    assert len(shown) > 20 and all(text.startswith(markdown_text(MARK)) for text in shown)
    at = AppTest.from_file(APP, default_timeout=60)  # the shipped data in the editor
    at.query_params["lang"] = "xx"
    open_view(at, "edit")
    key = at.data_editor[0].key
    assert key is not None
    at.session_state[key] = {
        "edited_rows": {1: {"amount_eur": -5}, 2: {"level": None}},
        "added_rows": [],
        "deleted_rows": [],
    }
    texts = list(page_texts(run(at)._tree))
    assert leaks(iter(texts)) == []
    frame = next(e.value for e in at.dataframe if t("edit_code", XX) in e.value.columns)
    assert list(frame[t("edit_code", XX)]) == ["amount_negative", "required"]
    messages = list(frame[t("problem_message", XX)])
    assert messages == [t("invalid_greater_than_equal", XX, ge=0), t("invalid_required", XX)]
    checked = editing.check(editing.table_of(published()[0]).assign(level=None), None)
    written = list(csv.DictReader(io.StringIO(editing.problems_csv(checked.problems, XX).decode("utf-8"))))
    assert written and {line["message"] for line in written} == {t("invalid_required", XX)}


def made(fmt: str) -> bytes:
    dataset, documents = published()
    filters = with_default_framework(Filters(), dataset)
    selection = tuple(apply(filters, dataset.records))
    return render(fmt, ExportRequest(dataset, selection, filters, XX, documents, load_info()))


@pytest.mark.slow  # the whole shipped dataset rendered in xx and combed for leaks: over a second
def test_a_deck_in_xx(xx: None) -> None:
    data = made("pptx")
    texts = list(deck_texts(data))
    assert leaks(iter(texts)) == []
    assert t("deck_title", XX) in texts and sum(MARK in text for text in texts) > 20
    no_english_numbers(texts)
    prs = Presentation(io.BytesIO(data))
    assert prs.core_properties.language == "fr-FR"
    ids = {
        run.font.language_id
        for s in prs.slides
        for sh in s.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for run in p.runs
    }
    assert ids == {MSO_LANGUAGE_ID.FRENCH}
    # A bar's label is its value through a number format: xx's words, in French digits.
    codes = [
        str(c)
        for s in prs.slides
        for sh in s.shapes
        if sh.has_chart
        for c in sh.chart._chartSpace.xpath(".//@formatCode")
    ]
    labels = [c for c in codes if "xbn" in c or "xm" in c]
    assert labels and all(c.startswith("[$-40C]") and "EURxx" in c for c in labels)


@pytest.mark.slow  # the whole shipped dataset rendered in xx and combed for leaks: over a second
def test_a_workbook_and_a_csv_in_xx(xx: None) -> None:
    book = openpyxl.load_workbook(io.BytesIO(made("xlsx")))
    texts = [sheet.title for sheet in book.worksheets]
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            texts += [c.value for c in row if isinstance(c.value, str)]
    assert leaks(iter(texts)) == []
    assert all(title.startswith(MARK) for title in texts[: len(book.worksheets)])
    assert book.properties.language == "fr-FR"
    no_english_numbers(texts)
    table = made("csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(table), delimiter=";"))  # xx's delimiter
    assert len(rows[0]) > 10 and all(len(row) == len(rows[0]) for row in rows)
    assert leaks(cell for row in rows for cell in row) == []
