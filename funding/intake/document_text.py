"""A text document as one line of text, as quotes are copied from it, that still knows its lines.

The seed texts are hard-wrapped: "€" ends one line and "296 miljoen" starts the next, and a
quote runs over several lines. Scanning the text as `funding.changes.quotes.normalise` makes it (spaces
collapsed, a hyphen at a line break joining the word) finds such amounts and lets a quote be
found by plain substring search; the offsets of every piece are kept, so a finding can still be
reported at the line where it starts. Sentences end at ". " before a capital, at a blank line
(when what follows starts anew) and at a bullet, which is how the documents' headings and lists read.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

# The same two rules as funding.changes.quotes.normalise, applied in one pass so offsets can be kept.
_BREAK = re.compile(r"(?P<hyphen>-\s*\n\s*)|(?P<space>\s+)")
_BULLET_CHARS = "•➢▪●■◦\uf0b7"
_SENTENCE_END = re.compile(rf"(?<=[.!?;])\s(?=[\"'“‘(]?[A-ZÀ-Ý])|\s(?=[{_BULLET_CHARS}])")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class DocumentText:
    """`text` equals funding.changes.quotes.normalise(raw); from offset `starts[i]` on, the text comes
    from raw line `lines[i]` (1-based); `breaks` are offsets where a paragraph starts."""

    text: str
    starts: tuple[int, ...]
    lines: tuple[int, ...]
    breaks: frozenset[int]

    def line_at(self, offset: int) -> int:
        return self.lines[max(bisect_right(self.starts, offset) - 1, 0)]

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        cuts = sorted({m.end() for m in _SENTENCE_END.finditer(self.text)} | self.breaks | {len(self.text)})
        found: list[Sentence] = []
        begin = 0
        for cut in cuts:
            piece = self.text[begin:cut]
            stripped = piece.strip().lstrip(_BULLET_CHARS).strip()
            if stripped:
                start = begin + piece.index(stripped)
                found.append(Sentence(start, start + len(stripped), stripped))
            begin = cut
        return tuple(found)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_index(self, offset: int) -> int:
        return max(bisect_right(self._sentence_starts, offset) - 1, 0)

    def occurrences(self, passage: str) -> Iterator[tuple[int, int]]:
        """Every (start, end) of a normalised passage in the text."""
        if not passage:
            return
        at = self.text.find(passage)
        while at >= 0:
            yield at, at + len(passage)
            at = self.text.find(passage, at + 1)


def document_text(raw: str) -> DocumentText:
    """The normalised text of `raw`, marking the offset where each new raw line goes on (one mark
    per line, so a long document costs its text and a few integers a line)."""
    lead = len(raw) - len(raw.lstrip())  # normalise strips the ends
    body = raw.strip()
    joins = _Joins(body, 1 + raw.count("\n", 0, lead))
    text = _BREAK.sub(joins.join, body)
    return DocumentText(text, tuple(joins.starts), tuple(joins.lines), frozenset(joins.breaks))


class _Joins:
    """What `_BREAK.sub` replaces, tracked: the output offset of each replacement follows from the
    verbatim text before it, and every replacement is one character."""

    def __init__(self, body: str, line: int) -> None:
        self.body = body
        self.starts = [0]
        self.lines = [line]
        self.breaks: set[int] = set()
        self.size = 0  # output length before the current replacement's verbatim lead-in
        self.end = 0  # where the previous replacement ended in the body

    def join(self, match: re.Match[str]) -> str:
        at = self.size + match.start() - self.end  # where the replacement lands in the output
        newlines = match.group().count("\n")
        if newlines:
            self.starts.append(at + 1)
            self.lines.append(self.lines[-1] + newlines)
        # two line breaks in one run of whitespace have a blank line between them
        if newlines >= 2 and match.group("space") and _starts_anew(self.body, match.end()):
            self.breaks.add(at + 1)
        self.size, self.end = at + 1, match.end()
        return "-" if match.group("hyphen") else " "


def _starts_anew(body: str, at: int) -> bool:
    """Some extractions put a blank line after every line: only a capital, digit or bullet after
    one starts a new paragraph ("...kunnen\n\nindienen" goes on)."""
    return at < len(body) and (body[at].isupper() or body[at].isdigit() or body[at] in _BULLET_CHARS)
