"""A figure's quote in its passage: found in the document's text for every shipped row, the
quote exactly where the document has it, and nothing read outside the sources folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures import shipped_rows

from funding.changes.passages import passage
from funding.changes.quotes import DEFAULT_SOURCES, normalise
from funding.registry.documents import Document, load_documents


def doc(file: str) -> Document:
    return Document(id="d", title_en="D", title_nl="D", publisher="P", language="en", file=file)


def test_the_quote_is_found_with_the_sentences_around_it(tmp_path: Path) -> None:
    (tmp_path / "d.txt").write_text(
        "First sentence here. The fund has EUR 296\nmillion for batteries. Last words follow.\n",
        encoding="utf-8",
    )
    found = passage(doc("d.txt"), "EUR 296 million for batteries", tmp_path)
    assert found is not None
    # The quote spans a line break in the file; the passage joins it as the quote is written.
    assert found.quote == "EUR 296 million for batteries"
    assert found.before == "First sentence here. The fund has "
    assert found.after == ". Last words follow."


@pytest.mark.parametrize("name", ["../d.txt", "/etc/passwd", "sub/d.txt", ".."])
def test_a_file_outside_the_sources_folder_is_never_read(tmp_path: Path, name: str) -> None:
    (tmp_path / "d.txt").write_text("The quote.", encoding="utf-8")
    inner = tmp_path / "seeds"
    inner.mkdir()
    assert passage(doc(name), "The quote", inner) is None


def test_a_missing_text_or_quote_gives_no_passage(tmp_path: Path) -> None:
    assert passage(doc("absent.txt"), "x", tmp_path) is None
    (tmp_path / "d.txt").write_text("Something else entirely.", encoding="utf-8")
    assert passage(doc("d.txt"), "not in it", tmp_path) is None
    assert passage(None, "x", tmp_path) is None


@pytest.mark.skipif(not DEFAULT_SOURCES.is_dir(), reason="the seed texts are not beside the checkout")
def test_every_shipped_quote_stands_in_its_passage() -> None:
    documents = load_documents()
    for row in shipped_rows():
        found = passage(documents[row["source_document"]], row["source_quote"])
        assert found is not None, row["id"]
        assert normalise(found.quote) == normalise(row["source_quote"]), row["id"]
