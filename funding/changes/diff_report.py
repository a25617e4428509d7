"""A `DatasetDiff` as people and programs read it: plain text, Markdown, CSV and JSON (English).

Text and Markdown lead with what a briefing needs (how the totals moved, which figures changed)
and then list every row. Long cells (notes, quotes) show only the passages that changed, each
with a few words around it, old above new; CSV and JSON carry every value in full.
"""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping

from funding.changes.diff import (
    MEASURES,
    TOTAL_COLUMNS,
    Amount,
    AmountChange,
    CellChange,
    DatasetDiff,
    KindShift,
    Measure,
    RowChange,
    TableDiff,
)
from funding.changes.diff_files import as_json, render_csv
from funding.i18n.vocab import AMOUNT_KIND
from funding.registry.loading import OPTIONAL_COLUMNS
from funding.selecting.formatting import format_bounds, format_eur
from funding.selecting.totals import Bounds

FORMATS = ("text", "md", "csv", "json")
MEASURE_LABELS: dict[Measure, str] = {
    "battery": "for batteries only",
    "wider": "wider envelopes open to batteries",
    "net": "all, each figure counted once",
}
TABLE_TITLES = {"funding": "rows", "documents": "documents", "disagreements": "disagreements"}
NAME_COLUMNS = {"funding": "name_en", "documents": "title_en", "disagreements": "summary_en"}
SHORT = 100  # longer cells show their changed passages only
# Changed words are marked with characters no data cell can hold (control characters are
# refused by the loader), then shown as [brackets] in text and **bold** in Markdown.
MARK = ("\x01", "\x02")
CONTEXT_WORDS = 6


def render(diff: DatasetDiff, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(as_json(diff), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return render_csv(diff)
    return "\n".join(lines(diff, markdown=fmt == "md")).rstrip() + "\n"


def title(diff: DatasetDiff) -> str:
    if diff.old_version and diff.new_version:
        return f"Dataset {diff.old_version} → {diff.new_version}"
    return f"Changes from {diff.old} to {diff.new}"


def lines(diff: DatasetDiff, *, markdown: bool, level: int = 1, heading: str | None = None) -> Iterator[str]:
    """The report, line by line; `level` is the Markdown level of its title (the changelog
    puts one report per release under its own heading). Never two blank lines in a row."""
    previous = ""
    for line in _report(diff, _Writer(markdown, level), heading):
        if line or previous:
            yield line
        previous = line


def _report(diff: DatasetDiff, out: _Writer, heading: str | None) -> Iterator[str]:
    yield from out.heading(0, heading or title(diff))
    yield from out.para(f"Old: {diff.old}", f"New: {diff.new}")
    yield from out.para(summary(diff))
    if diff.funding.columns_added:
        yield from out.para(_columns_note(diff.funding))
    if diff.funding.columns_removed:
        yield from out.para("Columns no longer in the new file: " + ", ".join(diff.funding.columns_removed))
    if diff.identical:
        return
    yield from out.heading(1, "Effect on the totals")
    yield from out.para(
        "Whole dataset. Each figure is counted once (parts inside their whole, possible overlaps "
        "as a range); kinds are never added together, and targets are never summed."
    )
    if not diff.totals:
        yield from out.para("No total moved.")
    for shift in diff.totals:
        yield from _shift_lines(out, shift, diff.funding)
    yield from out.heading(1, "Amount changes")
    if not diff.amounts:
        yield from out.para("No amount, qualifier or amount kind changed.")
    yield from out.items(_amount_line(a, diff.funding) for a in diff.amounts)
    for table in (diff.funding, *diff.others):
        yield from _table_lines(out, table)


def summary(diff: DatasetDiff) -> str:
    parts = [_table_summary(diff.funding)]
    parts += [_table_summary(t) for t in diff.others]
    if diff.identical:
        parts.append("The two versions are identical.")
    return " ".join(parts)


def _table_summary(table: TableDiff) -> str:
    name = TABLE_TITLES[table.table]
    counts = (
        f"{table.old_rows} → {table.new_rows}"
        if table.old_rows != table.new_rows
        else f"{table.new_rows} in both versions"
    )
    if not table.changes:
        return f"{name.capitalize()}: {counts}, none changed."
    found = [f"{table.count(c)} {c}" for c in ("added", "removed", "renamed", "changed") if table.count(c)]
    text = f"{name.capitalize()}: {counts}; {', '.join(found)}"
    columns = Counter(cell.column for change in table.changes for cell in change.cells)
    if columns:
        text += " (" + ", ".join(f"{column} in {n}" for column, n in columns.most_common()) + ")"
    return text + "."


def _columns_note(table: TableDiff) -> str:
    added = ", ".join(table.columns_added)
    note = f"New columns: {added}."
    defaults = [c for c in table.columns_added if c in OPTIONAL_COLUMNS]
    if defaults:
        note += (
            " The old file has no such column; the loader reads its rows as record_type "
            "'instrument' and the other new columns empty, and the changes below are counted "
            "from those readings."
            if "record_type" in defaults
            else " The old file has no such column; its rows read as empty there."
        )
    return note


def _shift_lines(out: _Writer, shift: KindShift, table: TableDiff) -> Iterator[str]:
    kind = AMOUNT_KIND.label(shift.kind, "en")
    rows = [
        (MEASURE_LABELS[m], _bounds(shift.before[m]), _bounds(shift.after[m]), _moved(shift, m))
        for m in MEASURES
    ]
    yield from out.heading(2, kind)
    if out.markdown:
        yield "| Total | Before | After | |"
        yield "|---|---|---|---|"
        yield from (f"| {' | '.join(md_escape(cell) for cell in row)} |" for row in rows)
        yield ""
    else:
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        for label, before, after, moved in rows:
            yield f"    {label + ':':<{widths[0] + 1}}  {before:<{widths[1]}}  →  {after:<{widths[2]}}  {moved}"
    notes = [
        f"{MEASURE_LABELS[m]}: a range because the documents do not say whether these share money: "
        + ", ".join(shift.after[m].uncertain)
        for m in MEASURES
        if shift.after[m].is_range
    ]
    if shift.causes:
        changed = {c.id: c for c in table.changes}
        notes.append(
            "changed rows that the totals read: " + ", ".join(_cause(changed[i]) for i in shift.causes)
        )
    yield from out.nested(((0, n) for n in notes), base=1 if not out.markdown else 0)
    if out.markdown:
        yield ""


def _cause(change: RowChange) -> str:
    if change.code != "changed":
        return f"{change.id} ({change.code})"
    columns = [c.column for c in change.cells if c.column in TOTAL_COLUMNS]
    return f"{change.id} ({', '.join(columns)})"


def _bounds(bounds: Bounds) -> str:
    return "none" if bounds.empty else format_bounds(bounds, "en")


def _moved(shift: KindShift, measure: Measure) -> str:
    before, after = shift.before[measure], shift.after[measure]
    same = (before.low, before.high, before.qualifier) == (after.low, after.high, after.qualifier)
    return "unchanged" if same else "changed"


def _amount_line(change: AmountChange, table: TableDiff) -> str:
    """ "id (name), kind: before → after"; the kind on each side only where it changed."""
    row = next(c for c in table.changes if c.id == change.id)
    kinds = {a.kind for a in (change.old, change.new) if a is not None}
    one_kind = len(kinds) == 1
    where = f"{change.id} ({row.row.get('name_en', '')})"
    if one_kind:
        where += ", " + AMOUNT_KIND.label(kinds.pop(), "en").lower()
    absent = {"added": "new row", "removed": "row removed"}.get(row.code, "no amount")
    before, after = (_figure(a, absent, with_kind=not one_kind) for a in (change.old, change.new))
    return f"{where}: {before} → {after}"


def _figure(amount: Amount | None, absent: str, *, with_kind: bool) -> str:
    if amount is None:
        return absent
    text = format_eur(amount.amount, "en", amount.qualifier)
    return f"{text} ({AMOUNT_KIND.label(amount.kind, 'en').lower()})" if with_kind else text


def _table_lines(out: _Writer, table: TableDiff) -> Iterator[str]:
    name = TABLE_TITLES[table.table]
    for code, heading in (("added", "Added"), ("removed", "Removed"), ("renamed", "Renamed")):
        changes = [c for c in table.changes if c.code == code]
        if changes:
            yield from out.heading(1, f"{heading} {name} ({len(changes)})")
            yield from out.items(_row_line(c, table.table) for c in changes)
    changed = [c for c in table.changes if c.code == "changed"]
    if changed:
        yield from out.heading(1, f"Changed {name} ({len(changed)})")
        for change in changed:
            yield from out.items([_row_line(change, table.table)], close=False)
            for cell in change.cells:
                yield from out.nested(_cell_lines(cell), base=1)
        yield from out.items([])


def _row_line(change: RowChange, table: str) -> str:
    label = change.row.get(NAME_COLUMNS[table], "")
    ident = f"{change.old_id} → {change.id}" if change.code == "renamed" else change.id
    if table == "disagreements":
        ident += f" (about {change.row.get('record_id', '')}, {change.row.get('column', '')})"
    figure = _amount_text(change.row)
    return f"{ident}: {label}" + (f" — {figure}" if figure else "")


def _amount_text(row: Mapping[str, str]) -> str:
    if not row.get("amount_eur"):
        return ""
    amount = float(row["amount_eur"])
    kind = AMOUNT_KIND.label(row.get("amount_kind", ""), "en").lower()
    return f"{format_eur(amount, 'en', row.get('amount_qualifier'))}, {kind}"


def _cell_lines(change: CellChange) -> list[tuple[int, str]]:
    """(depth, text): the column with its old and new value, or with each changed passage."""
    if change.column in ("amount_eur", "other_amount_eur"):
        return [(0, f"{change.column}: {_euros(change.old)} → {_euros(change.new)}")]
    if len(change.old) <= SHORT and len(change.new) <= SHORT:
        return [(0, f"{change.column}: {_value(change.old)} → {_value(change.new)}")]
    passages = list(changed_passages(change.old, change.new))
    count = f"{len(passages)} passage{'s' if len(passages) != 1 else ''} changed"
    found = [(0, f"{change.column}, {count}:")]
    for old, new in passages:
        found += [(1, f"was: {_value(old)}"), (1, f"now: {_value(new)}")]
    return found


def _euros(cell: str) -> str:
    return f"{cell} ({format_eur(float(cell), 'en')})" if cell else "(empty)"


def _value(text: str) -> str:
    """Codes and ids as they are; text in quotes, so its first and last words are visible."""
    if not text:
        return "(empty)"
    return f'"{text}"' if " " in text else text


def changed_passages(old: str, new: str, context: int = CONTEXT_WORDS) -> Iterator[tuple[str, str]]:
    """The changed stretches of a long text, word by word, each with `context` words on either
    side; the changed words are between the MARK characters, and an ellipsis marks text left out."""
    a, b = old.split(), new.split()
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for group in matcher.get_grouped_opcodes(context):
        old_words: list[str] = []
        new_words: list[str] = []
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                old_words += a[i1:i2]
                new_words += b[j1:j2]
            else:
                old_words += _marked(a[i1:i2])
                new_words += _marked(b[j1:j2])
        start, end = group[0], group[-1]
        yield (
            _ellipsis(old_words, start[1] > 0, end[2] < len(a)),
            _ellipsis(new_words, start[3] > 0, end[4] < len(b)),
        )


def _marked(words: list[str]) -> list[str]:
    """The other side shows where an insertion or a deletion is, so an empty side has no mark."""
    return [f"{MARK[0]}{' '.join(words)}{MARK[1]}"] if words else []


def _ellipsis(words: list[str], before: bool, after: bool) -> str:
    return ("… " if before else "") + " ".join(words) + (" …" if after else "")


class _Writer:
    """Headings, paragraphs and lists, in Markdown or as indented plain text."""

    def __init__(self, markdown: bool, level: int) -> None:
        self.markdown = markdown
        self.level = level

    def heading(self, depth: int, text: str) -> Iterator[str]:
        if self.markdown:
            yield f"{'#' * (self.level + depth)} {md_escape(text)}"
            yield ""
        elif depth == 0:
            yield text
            yield "=" * len(text)
        elif depth == 1:
            yield from ("", text, "-" * len(text))
        else:
            yield from ("", f"  {text}")

    def para(self, *texts: str) -> Iterator[str]:
        if self.markdown:
            yield "  \n".join(md_escape(t) for t in texts)
        else:
            yield from texts
        yield ""

    def items(self, texts: Iterable[str], *, close: bool = True) -> Iterator[str]:
        """A list; `close` ends it (Markdown needs a blank line after a list)."""
        yield from self.nested((0, text) for text in texts)
        if close and self.markdown:
            yield ""

    def nested(self, items: Iterable[tuple[int, str]], base: int = 0) -> Iterator[str]:
        for depth, text in items:
            if self.markdown:
                marked = md_escape(text).replace(MARK[0], "**").replace(MARK[1], "**")
                yield "  " * (depth + base) + "- " + marked
            else:
                yield "  " * (depth + base + 1) + text.replace(MARK[0], "[").replace(MARK[1], "]")


def md_escape(text: str) -> str:
    """Data text in Markdown stays text: no emphasis, links, tags or table cells from it. An
    underscore inside a word (`record_type`) emphasises nothing, so it is left readable."""
    for char in "\\`*[]<>|#":
        text = text.replace(char, "\\" + char)
    return re.sub(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])", r"\\_", text)
