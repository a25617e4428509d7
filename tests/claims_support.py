"""Reading a figure back from what a reader sees, and checking it against an independent
computation: a figure said at presentation precision must never claim more than the rows.

Written without `funding.selecting.figures`: the rule is restated here from the issue ("an 'up to' bound
or a range's high end is never rounded below the exact figure, an 'at least' bound or a low end
never above it, or the rounded figure says 'about'") so that the code cannot agree with itself.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence

from funding.i18n.vocab import Lang

SCALES = {"bn": 1e9, "m": 1e6, "mld": 1e9, "mln": 1e6}
WORDS = {
    "up to": "up_to",
    "at least": "at_least",
    "about": "about",
    "tot": "up_to",
    "minstens": "at_least",
    "circa": "about",
}
# A figure as the product writes it: "up to EUR 6.72–8.03 bn" (one scale for both ends), "EUR 7.6 m–
# EUR 1.5 bn" (a scale each), "about EUR 3.302 bn–EUR 3,309,600,000" (an end in full euros).
FIGURE = re.compile(
    r"(?:(up to|at least|about|tot|minstens|circa) )?(?:EUR|€) ([\d.,]*\d)(?: (bn|m|mld|mln)\b)?"
    r"(?:–(?:EUR |€ )?([\d.,]*\d)(?: (bn|m|mld|mln)\b)?)?"
)
Said = tuple[str, float, float]  # qualifier code, low, high (euros)


def read(text: str, lang: Lang) -> Said | None:
    """("up_to", 6.72e9, 8.03e9) from "up to EUR 6.72–8.03 bn"; None for "none stated"."""
    plain = text.replace("\u00a0", " ").replace("\u2060", "")
    match = FIGURE.fullmatch(plain)
    return None if match is None else _said(match, lang)


def read_all(text: str, lang: Lang) -> list[Said]:
    """Every figure in a line of text, in order."""
    plain = text.replace("\u00a0", " ").replace("\u2060", "")
    return [said for m in FIGURE.finditer(plain) if (said := _said(m, lang)) is not None]


FULL_EUROS = {"en": re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?"), "nl": re.compile(r"\d{1,3}(\.\d{3})+(,\d+)?")}


def _said(match: re.Match[str], lang: Lang) -> Said | None:
    """The figure, or None for words that only look like one ("EUR 1 billion" in a document's
    name: a scale the product never writes, so not a figure of ours)."""
    word, low, low_scale, high, high_scale = match.groups()
    for digits, scale in ((low, low_scale or high_scale), (high, high_scale)):
        if digits is not None and scale is None and not FULL_EUROS[lang].fullmatch(digits):
            return None

    def number(digits: str, scale: str | None) -> float:
        plain = digits.replace(".", "").replace(",", ".") if lang == "nl" else digits.replace(",", "")
        return float(plain) * (SCALES[scale] if scale else 1.0)

    if high is None:
        return WORDS.get(word or "", "exact"), number(low, low_scale), number(low, low_scale)
    # One scale written after the range applies to both ends ("EUR 6.72–8.03 bn").
    return WORDS.get(word or "", "exact"), number(low, low_scale or high_scale), number(high, high_scale)


def holds(said: Said, exact: Said, *, cents: float = 0.5) -> bool:
    """Whether a figure as said is true of the exact one: same claim, at most 1 % away
    (three significant digits), and rounded only the way its qualifier allows."""
    q, low, high = said
    want_q, want_low, want_high = exact

    def near(a: float, b: float) -> bool:
        return abs(a - b) <= max(cents, 0.01 * abs(b))

    if not (near(low, want_low) and near(high, want_high)):
        return False
    if want_low != want_high:  # a range may only widen outwards
        return q == want_q and low <= want_low + cents and high >= want_high - cents
    if want_q == "up_to":
        return q == "up_to" and high >= want_high - cents
    if want_q == "at_least":
        return q == "at_least" and low <= want_low + cents
    if abs(high - want_high) <= cents:
        return q == want_q
    return q == "about"


Row = dict[str, str]


def whole_of(rows: dict[str, Row], row: Row) -> Row | None:
    """The nearest ancestor with an amount of the same kind: the figure this one is part of."""
    parent = row["parent_id"]
    while parent:
        candidate = rows[parent]
        if candidate["amount_kind"] == row["amount_kind"] and candidate["amount_eur"]:
            return candidate
        parent = candidate["parent_id"]
    return None


def counted_rows(
    everything: Sequence[Row],
    selected: Iterable[Row],
    kind: str,
    battery: bool | None,
    *,
    covering: Iterable[Row] | None = None,
) -> list[Row]:
    """The selected figures of one kind and scope that count: those not inside a whole that is
    itself counted (see `net_claim`)."""
    rows = {r["id"]: r for r in everything}

    def of_scope(row: Row) -> bool:
        return (
            row["amount_kind"] == kind
            and bool(row["amount_eur"])
            and (battery is None or (row["battery_specific"] == "yes") == battery)
        )

    figures = [r for r in selected if of_scope(r)]
    cover = {r["id"] for r in (covering if covering is not None else figures) if r["amount_kind"] == kind}

    def covered(row: Row) -> bool:
        whole = whole_of(rows, row)
        while whole is not None:
            if whole["id"] in cover:
                return True
            whole = whole_of(rows, whole)
        return False

    return [r for r in figures if not covered(r)]


def parts_said(everything: Sequence[Row], counted: Sequence[Row]) -> list[Said] | None:
    """How a figure made only of parts of one whole the selection left out is said: each part's
    amount (largest first) and the whole's, never their sum; None for any other figure."""
    rows = {r["id"]: r for r in everything}
    wholes = {(whole or {}).get("id") for whole in (whole_of(rows, r) for r in counted)}
    if len(counted) < 2 or len(wholes) != 1 or None in wholes:
        return None
    whole = rows[str(wholes.pop())]
    parts = sorted(counted, key=lambda r: -float(r["amount_eur"]))
    return [(r["amount_qualifier"], float(r["amount_eur"]), float(r["amount_eur"])) for r in (*parts, whole)]


def net_claim(
    everything: Sequence[Row],
    selected: Iterable[Row],
    kind: str,
    battery: bool | None,
    *,
    covering: Iterable[Row] | None = None,
) -> Said | None:
    """The net total of one kind (battery-specific, wider or both) as the codebook states it,
    computed from the CSV rows alone: a row inside a selected whole is not counted; parts of a
    whole left out count up to the whole (all of them where it says they are separate, the
    largest otherwise); figures that may share money count once at the low end. `covering`:
    the rows whose wholes cover others (default: the figures themselves), as a breakdown's
    group is counted against the whole selection."""
    rows = {r["id"]: r for r in everything}
    counted = counted_rows(everything, selected, kind, battery, covering=covering)
    if not counted:
        return None
    # Every counted figure hangs under the chain of wholes above it, none of which is selected.
    children: dict[str, set[str]] = {}
    roots: set[str] = set()
    for row in counted:
        node = row["id"]
        while (whole := whole_of(rows, rows[node])) is not None:
            children.setdefault(whole["id"], set()).add(node)
            node = whole["id"]
        roots.add(node)
    counted_ids = {r["id"] for r in counted}
    qualifiers: set[str] = set()

    def ends_of(node: str) -> tuple[float, float]:
        row = rows[node]
        if node in counted_ids:
            qualifiers.add(row["amount_qualifier"])
            return float(row["amount_eur"]), float(row["amount_eur"])
        parts = [ends_of(child) for child in sorted(children[node])]
        high = sum(h for _, h in parts)
        low = sum(lo for lo, _ in parts) if row["parts_disjoint"] == "yes" else max(lo for lo, _ in parts)
        if high > float(row["amount_eur"]):  # parts never count above their whole
            high = float(row["amount_eur"])
            qualifiers.add(row["amount_qualifier"])
        return min(low, high), high

    ends = {root: ends_of(root) for root in roots}
    links = {frozenset((a, b)) for a in ends for b in rows[a]["may_overlap"].split(";") if b in ends}
    linked = sorted({i for pair in links for i in pair})
    # The least money: every figure that may share none, plus the heaviest set of the others of
    # which no two may share money.
    low = sum(ends[i][0] for i in ends if i not in linked) + max(
        sum(ends[i][0] for i in chosen)
        for size in range(len(linked) + 1)
        for chosen in itertools.combinations(linked, size)
        if not any(frozenset(pair) in links for pair in itertools.combinations(chosen, 2))
    )
    loose = qualifiers - {"exact"}
    qualifier = "exact" if not loose else (loose.pop() if len(loose) == 1 else "about")
    return qualifier, low, sum(high for _, high in ends.values())
