"""A text document as one line of text, as quotes are copied from it, that still knows its lines.

The seed texts are hard-wrapped: "€" ends one line and "296 miljoen" starts the next, and a
quote runs over several lines. Scanning the text as `funding.quotes.normalise` makes it (spaces
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

# The same two rules as funding.quotes.normalise, applied in one pass so offsets can be kept.
_BREAK = re.compile(r"(?P<hyphen>-\s*\n\s*)|(?P<space>\s+)")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_BULLET_CHARS = "•➢▪●■◦\uf0b7"
_SENTENCE_END = re.compile(rf"(?<=[.!?;])\s(?=[\"'“‘(]?[A-ZÀ-Ý])|\s(?=[{_BULLET_CHARS}])")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class DocumentText:
    """`text` equals funding.quotes.normalise(raw); `starts[i]` is where piece i begins in it and
    `lines[i]` the raw line (1-based) it came from; `breaks` are offsets of blank lines."""

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
    """The normalised text of `raw` with the raw line of every piece."""
    out: list[str] = []
    starts: list[int] = []
    lines: list[int] = []
    breaks: set[int] = set()
    size = 0
    lead = len(raw) - len(raw.lstrip())  # normalise strips the ends
    line = 1 + raw.count("\n", 0, lead)
    body = raw[lead : len(raw.rstrip())] if raw.strip() else ""
    position = 0
    for match in _BREAK.finditer(body):
        if match.start() > position:
            _piece(body[position : match.start()], out, starts, lines, size, line)
            size += match.start() - position
        line += body.count("\n", position, match.start())
        joined = "-" if match.group("hyphen") else " "
        if match.group("space") and _BLANK_LINE.search(match.group()) and _starts_anew(body, match.end()):
            breaks.add(size + 1)
        _piece(joined, out, starts, lines, size, line)
        size += 1
        line += match.group().count("\n")
        position = match.end()
    if position < len(body):
        _piece(body[position:], out, starts, lines, size, line)
    return DocumentText("".join(out), tuple(starts), tuple(lines), frozenset(breaks))


def _starts_anew(body: str, at: int) -> bool:
    """Some extractions put a blank line after every line: only a capital, digit or bullet after
    one starts a new paragraph ("...kunnen\n\nindienen" goes on)."""
    return at < len(body) and (body[at].isupper() or body[at].isdigit() or body[at] in _BULLET_CHARS)


def _piece(text: str, out: list[str], starts: list[int], lines: list[int], at: int, line: int) -> None:
    out.append(text)
    starts.append(at)
    lines.append(line)
