"""Rules across rows: unique ids, parents without cycles, parts within their whole, overlaps.

They are checked on the raw ids as well as on the valid records, so that one bad row does not
hide another's problem, and every problem names the line and column where it is fixed.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from itertools import compress, repeat

import numpy as np

from funding.base.errors import Problem, problem, show_value
from funding.intake.records import earliest, latest
from funding.intake.table import Table
from funding.registry.dataset import Dataset

# A group of rows linked by may_overlap is resolved exactly (its smallest possible union); beyond
# this size the search would be slow and the curation is better written as parts of one whole.
MAX_OVERLAP_GROUP = 12
_BOUNDED_ABOVE = ("exact", "up_to")


def dataset_problems(
    table: Table,
    valid_lines: Sequence[int],
    dataset: Dataset,
    known_documents: Iterable[str] | None,
) -> list[Problem]:
    """`dataset` holds the table's valid rows, which start on `valid_lines`; its lookups
    (parents, wholes) are built here once and kept for the page."""
    ids, parents, lines = table.columns["id"], table.columns["parent_id"], table.lines
    first_line: dict[str, int] = {}
    parent_of: dict[str, str] = {}
    problems = _id_problems(ids, parents, lines, first_line, parent_of)
    if not set(parent_of.values()) <= first_line.keys():
        for rid, parent in parent_of.items():
            if parent not in first_line:
                problems.append(problem(first_line[rid], "parent_id", "unknown_parent", parent))
    in_cycle = _cycle_members(parent_of)
    for rid in sorted(in_cycle, key=first_line.__getitem__):
        problems.append(problem(first_line[rid], "parent_id", "parent_cycle", parent_of[rid]))
    if len(valid_lines) == len(ids) == len(first_line):  # every row valid, each id once
        line_of = first_line
    else:
        line_of = dict(zip(dataset.column("id"), valid_lines, strict=True))
    wholes = {rid: whole for rid, whole in dataset.whole_of.items() if rid not in in_cycle}
    problems += _part_problems(dataset, line_of, wholes)
    problems += _overlap_problems(dataset, line_of, wholes)
    if known_documents is not None:
        documents = table.columns["source_document"]
        unknown = set(documents) - set(known_documents) - {None}
        problems += [
            problem(line, "source_document", "unknown_document", doc)
            for doc, line in (zip(documents, lines, strict=True) if unknown else ())
            if doc is not None and doc in unknown
        ]
    return problems


def _id_problems(
    ids: Sequence[str | None],
    parents: Sequence[str | None],
    lines: Sequence[int],
    first_line: dict[str, int],
    parent_of: dict[str, str],
) -> list[Problem]:
    """Duplicate ids; fills the first line of every id and the parent of its first row."""
    problems: list[Problem] = []
    if len(set(ids)) == len(ids) and None not in ids:  # the usual file: each id once
        first_line.update(zip(ids, lines, strict=True))  # type: ignore[arg-type]
        parent_of.update(zip(compress(ids, parents), filter(None, parents), strict=True))  # type: ignore[arg-type]
        return problems
    for rid_or_none, parent, line in zip(ids, parents, lines, strict=True):
        rid = rid_or_none or ""
        if rid in first_line:
            problems.append(problem(line, "id", "duplicate_id", rid, first=first_line[rid]))
            continue
        first_line[rid] = line
        if parent:
            parent_of[rid] = parent
    return problems


def _part_problems(dataset: Dataset, line_of: Mapping[str, int], wholes: Mapping[str, str]) -> list[Problem]:
    """A part is never larger than its whole; parts said to be separate money fit inside it.
    (Read from the dataset's columns: no record is made for the 100,000 rows of a large file.)"""
    at, amounts = dataset.positions, dataset.column("amount_eur")
    disjoint, qualifiers = dataset.column("parts_disjoint"), dataset.column("amount_qualifier")
    problems: list[Problem] = []
    parts: dict[str, list[float]] = {}  # of the wholes whose parts are said to be separate money
    for rid, whole_id in wholes.items():
        amount, whole = amounts[at[rid]] or 0.0, at[whole_id]
        if amount > (amounts[whole] or 0.0):
            problems.append(
                problem(
                    line_of[rid],
                    "amount_eur",
                    "part_larger_than_whole",
                    show_value(amounts[at[rid]]),
                    whole=repr(whole_id),
                )
            )
        if disjoint[whole] and qualifiers[whole] in _BOUNDED_ABOVE:
            parts.setdefault(whole_id, []).append(amount)
    for whole_id, sizes in parts.items():
        total = math.fsum(sizes)
        if total > (amounts[at[whole_id]] or 0.0) + 0.005:
            problems.append(
                problem(
                    line_of[whole_id],
                    "parts_disjoint",
                    "disjoint_parts_exceed_whole",
                    "yes",
                    total=round(total, 2),
                )
            )
    return problems


def _overlap_problems(
    dataset: Dataset, line_of: Mapping[str, int], wholes: Mapping[str, str]
) -> list[Problem]:
    """may_overlap links two whole figures of one kind, both ways, in small groups. Read from the
    dataset's columns, as the parts above: in the real data one row in eight fills may_overlap,
    and a record made for each of them and for each row they name cost most of a load."""
    ids, listed, amounts = dataset.column("id"), dataset.column("may_overlap"), dataset.column("amount_eur")
    at = dataset.positions
    problems: list[Problem] = []
    links: dict[str, set[str]] = {}
    for i in compress(range(len(ids)), listed):  # (the rows that fill may_overlap)
        rid = ids[i]
        if amounts[i] is None:
            continue  # a row rule reports may_overlap without an amount
        if rid in wholes:
            shown, whole = show_value(listed[i]), repr(wholes[rid])
            problems.append(problem(line_of[rid], "may_overlap", "overlap_on_part", shown, whole=whole))
            continue
        for other_id in listed[i]:
            refused = _link_problem(dataset, i, other_id, line_of[rid])
            if refused is not None:
                problems.append(refused)
            elif other_id in at:
                links.setdefault(rid, set()).add(other_id)
                links.setdefault(other_id, set()).add(rid)
    for group in _groups(links):
        if len(group) > MAX_OVERLAP_GROUP:
            first = min(group, key=line_of.__getitem__)
            too_many = problem(
                line_of[first],
                "may_overlap",
                "overlap_group_too_large",
                first,
                rows=len(group),
                limit=MAX_OVERLAP_GROUP,
            )
            problems.append(too_many)
    return problems


def _link_problem(dataset: Dataset, i: int, other_id: str, line: int) -> Problem | None:
    """What is wrong with row `i` (at `line`) naming `other_id` in may_overlap, or None."""
    ids, listed = dataset.column("id"), dataset.column("may_overlap")
    kinds, amounts = dataset.column("amount_kind"), dataset.column("amount_eur")
    if other_id == ids[i]:
        return None  # a row rule reports it
    other = dataset.positions.get(other_id)
    if other is None:
        return problem(line, "may_overlap", "unknown_overlap_id", other_id)
    named = repr(other_id)
    if kinds[other] != kinds[i]:
        return problem(line, "may_overlap", "overlap_kind_differs", other_id, other=named)
    if amounts[other] is None:
        return problem(
            line, "may_overlap", "overlap_without_amount", other_id, text="other_without_amount", other=named
        )
    if ids[i] not in listed[other]:
        return problem(line, "may_overlap", "overlap_not_symmetric", other_id, other=named)
    return None


def _groups(links: Mapping[str, set[str]]) -> list[set[str]]:
    seen: set[str] = set()
    groups: list[set[str]] = []
    for start in links:
        if start in seen:
            continue
        group, todo = set(), [start]
        while todo:
            node = todo.pop()
            if node not in group:
                group.add(node)
                todo.extend(links.get(node, ()))
        seen |= group
        groups.append(group)
    return groups


def _cycle_members(parent_of: Mapping[str, str]) -> set[str]:
    """Ids on a cycle of parents. A forest (the usual file) is recognised by pointer doubling over
    index arrays, in about twenty vector steps; only ids whose chain of parents never ends are
    then walked one by one, each id once."""
    ids = list(parent_of)
    index = dict(zip(ids, range(len(ids)), strict=True))
    up = np.fromiter(map(index.get, parent_of.values(), repeat(-1)), dtype=np.int64, count=len(ids))
    ancestor = up.copy()
    for _ in range(max(1, len(ids)).bit_length()):  # 2**k > len(ids): every chain is followed to its end
        ancestor = np.where(ancestor >= 0, ancestor[ancestor], -1)
    endless = {ids[i] for i in np.flatnonzero(ancestor >= 0).tolist()}
    members: set[str] = set()
    walk_of: dict[str, int] = {}
    for walk, start in enumerate(endless):
        node: str | None = start
        while node is not None and node not in walk_of:
            walk_of[node] = walk
            node = parent_of.get(node)
        if node is not None and walk_of[node] == walk:  # back on this walk's own path: a new cycle
            cycle_node = node
            while cycle_node not in members:
                members.add(cycle_node)
                cycle_node = parent_of[cycle_node]
    return members


# Attributes a part takes from its whole: where the whole states one, a different value on the
# part would let a filter (origin, status, year, battery-only) count the part without its whole.
INHERITED = ("money_origin", "status", "battery_specific", "period_start", "period_end")


def dataset_warnings(dataset: Dataset) -> list[Problem]:
    """What a valid file should still fix, each with its code and place: a part that contradicts
    its whole, a note in one language only. Warnings leave the file loadable (an upload is shown),
    so they are found on request (`validate`), not on every load."""
    at = dataset.positions
    column = {name: dataset.column(name) for name in (*INHERITED, "notes", "notes_nl")}
    found: list[Problem] = []
    for part_id, whole_id in dataset.whole_of.items():
        part, whole = at[part_id], at[whole_id]
        for name, contradicts in _contradictions(column, part, whole):
            if contradicts:
                found.append(
                    problem(
                        dataset.line_of(part),
                        name,
                        "part_contradicts_whole",
                        show_value(column[name][part]),
                        whole=repr(whole_id),
                        stated=repr(show_value(column[name][whole])),
                    )
                )
    english, dutch = column["notes"], column["notes_nl"]
    for i in [i for i, (en, nl) in enumerate(zip(english, dutch, strict=True)) if bool(en) != bool(nl)]:
        missing = "notes_nl" if english[i] else "notes"
        found.append(problem(dataset.line_of(i), missing, "note_language_missing"))
    return sorted(found, key=lambda p: (p.line, p.column))


def _contradictions(
    column: Mapping[str, Sequence[object]], part: int, whole: int
) -> Iterable[tuple[str, bool]]:
    for name in ("money_origin", "status"):
        stated = column[name][whole]
        yield name, stated is not None and column[name][part] != stated
    yield "battery_specific", bool(column["battery_specific"][whole]) and not column["battery_specific"][part]
    start, end = column["period_start"][part], column["period_end"][part]
    whole_start, whole_end = column["period_start"][whole], column["period_end"][whole]
    yield (
        "period_start",
        isinstance(start, str) and isinstance(whole_start, str) and earliest(start) < earliest(whole_start),
    )
    yield (
        "period_end",
        isinstance(end, str) and isinstance(whole_end, str) and latest(end) > latest(whole_end),
    )
