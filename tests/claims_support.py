"""Reading a figure back from what a reader sees, and checking it against an independent
computation: a figure said at presentation precision must never claim more than the rows.

Written without `funding.figures`: the rule is restated here from the issue ("an 'up to' bound
or a range's high end is never rounded below the exact figure, an 'at least' bound or a low end
never above it, or the rounded figure says 'about'") so that the code cannot agree with itself.
"""

from __future__ import annotations

import re

from funding.vocab import Lang

SCALES = {"bn": 1e9, "m": 1e6, "mld": 1e9, "mln": 1e6}
WORDS = {
    "up to": "up_to",
    "at least": "at_least",
    "about": "about",
    "tot": "up_to",
    "minstens": "at_least",
    "circa": "about",
}
FIGURE = re.compile(
    r"(?:(up to|at least|about|tot|minstens|circa) )?(?:EUR|€) ([\d.,]+)(?:–([\d.,]+))? (bn|m|mld|mln)"
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
    return [_said(m, lang) for m in FIGURE.finditer(plain)]


def _said(match: re.Match[str], lang: Lang) -> Said:
    word, low, high, scale = match.groups()

    def number(digits: str) -> float:
        return (
            float(digits.replace(".", "").replace(",", ".") if lang == "nl" else digits.replace(",", ""))
            * (SCALES[scale])
        )

    return WORDS.get(word or "", "exact"), number(low), number(high or low)


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
