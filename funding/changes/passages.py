"""A figure's quote in its context: the sentences around it in the document, for the source panel.

An analyst checks a figure by reading what stands around its quote, not the quote alone. The
documents' texts are read from the sources folder (`FUNDING_SOURCES_DIR`, by default the seeds
`check-quotes` reads; they are not copied into the repository). Where a text is missing or the
quote is not found in it, there is no passage and the panel shows the quote alone.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from funding.base.errors import UnreadableFile
from funding.base.reading import read_inside
from funding.changes.quotes import DEFAULT_SOURCES, SOURCE_MAX_BYTES, normalise
from funding.intake.document_text import DocumentText, document_text
from funding.registry.documents import Document

CONTEXT_SENTENCES = 1  # sentences shown before and after the quote's own
MAX_CONTEXT_CHARS = 400  # each side at most, cut at a word


@dataclass(frozen=True)
class Passage:
    """The text before the quote, the quote as it stands in the document, and the text after."""

    before: str
    quote: str
    after: str


@functools.lru_cache(maxsize=16)
def _text(sources: Path, name: str) -> DocumentText | None:
    """The document's text, read as `check-quotes` reads it: inside the sources folder, bounded."""
    try:
        raw = read_inside(sources, name, limit=SOURCE_MAX_BYTES).decode("utf-8", errors="replace")
    except UnreadableFile:
        return None
    return document_text(raw)


def passage(document: Document | None, quote: str | None, sources: Path = DEFAULT_SOURCES) -> Passage | None:
    """The quote with up to CONTEXT_SENTENCES sentences either side, or None."""
    if document is None or not quote or not document.file:
        return None
    text = _text(sources, document.file)
    if text is None:
        return None
    start, end = next(text.occurrences(normalise(quote)), (-1, -1))
    if start < 0:
        return None
    sentences = text.sentences
    first = max(text.sentence_index(start) - CONTEXT_SENTENCES, 0)
    last = min(text.sentence_index(max(end - 1, start)) + CONTEXT_SENTENCES, len(sentences) - 1)
    begin = min(sentences[first].start, start)
    finish = max(sentences[last].end, end)
    before = text.text[begin:start]
    after = text.text[end:finish]
    if len(before) > MAX_CONTEXT_CHARS:
        before = "… " + before[-MAX_CONTEXT_CHARS:].split(" ", 1)[-1]
    if len(after) > MAX_CONTEXT_CHARS:
        after = after[:MAX_CONTEXT_CHARS].rsplit(" ", 1)[0] + " …"
    return Passage(before, text.text[start:end], after)
