"""Rules across rows: unique ids, parents without cycles, parts within their whole, overlaps.

They are checked on the raw ids as well as on the valid records, so that one bad row does not
hide another's problem, and every problem names the line and column where it is fixed.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

from funding.dataset import nearest_whole
from funding.errors import Problem, show_value
from funding.records import Instrument

# A group of rows linked by may_overlap is resolved exactly (its smallest possible union); beyond
# this size the search would be slow and the curation is better written as parts of one whole.
MAX_OVERLAP_GROUP = 12
_BOUNDED_ABOVE = ("exact", "up_to")


def dataset_problems(
    rows: Sequence[Mapping[str, str | None]],
    lines: Sequence[int],
    records: Sequence[Instrument | None],
    known_documents: Iterable[str] | None,
) -> list[Problem]:
    first_line: dict[str, int] = {}
    parent_of: dict[str, str] = {}
    problems = _id_problems(rows, lines, first_line, parent_of)
    for rid, parent in parent_of.items():
        if parent not in first_line:
            message = "parent_id names no row in this file"
            problems.append(Problem(first_line[rid], "parent_id", "unknown_parent", message, parent))
    in_cycle = _cycle_members(parent_of)
    for rid in sorted(in_cycle, key=first_line.__getitem__):
        problems.append(
            Problem(first_line[rid], "parent_id", "parent_cycle", "parents form a cycle", parent_of[rid])
        )
    valid = {r.id: r for r in records if r is not None}
    line_of = {r.id: line for r, line in zip(records, lines, strict=True) if r is not None}
    wholes = {
        r.id: whole
        for r in valid.values()
        if r.amount_eur is not None
        and r.id not in in_cycle
        and (whole := nearest_whole(r, valid)) is not None
    }
    problems += _part_problems(valid, line_of, wholes)
    problems += _overlap_problems(valid, line_of, wholes)
    if known_documents is not None:
        known = set(known_documents)
        problems += [
            Problem(
                line,
                "source_document",
                "unknown_document",
                "unknown source document (see documents.csv)",
                doc,
            )
            for row, line in zip(rows, lines, strict=True)
            if (doc := row["source_document"]) and doc not in known
        ]
    return problems


def _id_problems(
    rows: Sequence[Mapping[str, str | None]],
    lines: Sequence[int],
    first_line: dict[str, int],
    parent_of: dict[str, str],
) -> list[Problem]:
    """Duplicate ids; fills the first line of every id and the parent of its first row."""
    problems: list[Problem] = []
    for row, line in zip(rows, lines, strict=True):
        rid, parent = row["id"] or "", row["parent_id"]
        if rid in first_line:
            message = f"duplicate id (first on line {first_line[rid]})"
            problems.append(Problem(line, "id", "duplicate_id", message, rid))
            continue
        first_line[rid] = line
        if parent:
            parent_of[rid] = parent
    return problems


def _part_problems(
    valid: Mapping[str, Instrument], line_of: Mapping[str, int], wholes: Mapping[str, Instrument]
) -> list[Problem]:
    """A part is never larger than its whole; parts said to be separate money fit inside it."""
    problems: list[Problem] = []
    parts: dict[str, list[Instrument]] = {}
    for rid, whole in wholes.items():
        record = valid[rid]
        parts.setdefault(whole.id, []).append(record)
        if (record.amount_eur or 0.0) > (whole.amount_eur or 0.0):
            problems.append(
                Problem(
                    line_of[rid],
                    "amount_eur",
                    "part_larger_than_whole",
                    f"a part is larger than its whole {whole.id!r}",
                    show_value(record.amount_eur),
                )
            )
    for whole_id, members in parts.items():
        whole = valid[whole_id]
        total = math.fsum(p.amount_eur or 0.0 for p in members)
        bounded = whole.amount_qualifier in _BOUNDED_ABOVE
        if whole.parts_disjoint and bounded and total > (whole.amount_eur or 0.0) + 0.005:
            problems.append(
                Problem(
                    line_of[whole_id],
                    "parts_disjoint",
                    "disjoint_parts_exceed_whole",
                    f"its parts, said to be separate money, add up to {show_value(round(total, 2))}, "
                    "more than this whole",
                    "yes",
                )
            )
    return problems


def _overlap_problems(
    valid: Mapping[str, Instrument], line_of: Mapping[str, int], wholes: Mapping[str, Instrument]
) -> list[Problem]:
    """may_overlap links two whole figures of one kind, both ways, in small groups."""
    problems: list[Problem] = []
    links: dict[str, set[str]] = {}
    for record in valid.values():
        line = line_of[record.id]
        if record.amount_eur is None:
            continue  # a row rule reports may_overlap without an amount
        if record.may_overlap and record.id in wholes:
            whole = wholes[record.id].id
            message = f"a part cannot overlap another figure; say it of its whole {whole!r} or use its parts_disjoint"
            problems.append(
                Problem(line, "may_overlap", "overlap_on_part", message, show_value(record.may_overlap))
            )
            continue
        for other_id in record.may_overlap:
            other = valid.get(other_id)
            problem = _link_problem(record, other_id, other)
            if problem is not None:
                code, message = problem
                problems.append(Problem(line, "may_overlap", code, message, other_id))
            elif other is not None:
                links.setdefault(record.id, set()).add(other_id)
                links.setdefault(other_id, set()).add(record.id)
    for group in _groups(links):
        if len(group) > MAX_OVERLAP_GROUP:
            first = min(group, key=line_of.__getitem__)
            message = f"{len(group)} rows are linked by may_overlap; at most {MAX_OVERLAP_GROUP} can be"
            problems.append(Problem(line_of[first], "may_overlap", "overlap_group_too_large", message, first))
    return problems


def _link_problem(record: Instrument, other_id: str, other: Instrument | None) -> tuple[str, str] | None:
    if other_id == record.id:
        return None  # a row rule reports it
    if other is None:
        return "unknown_overlap_id", "may_overlap names no valid row in this file"
    if other.amount_kind != record.amount_kind:
        return "overlap_kind_differs", f"{other_id!r} is a figure of another kind; kinds never share money"
    if other.amount_eur is None:
        return "overlap_without_amount", f"{other_id!r} has no amount to overlap with"
    if record.id not in other.may_overlap:
        return "overlap_not_symmetric", f"{other_id!r} does not list this row in its may_overlap"
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
    members: set[str] = set()
    for start in parent_of:
        seen: list[str] = []
        node: str | None = start
        while node is not None and node not in seen and node not in members:
            seen.append(node)
            node = parent_of.get(node)
        if node is not None and node in seen:
            members.update(seen[seen.index(node) :])
    return members
