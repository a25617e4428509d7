"""Chart clicks as URL state, as pure functions (no Streamlit here).

A click narrows the page and lands in the URL (`?pick_source=Horizon%20Europe`), so a copied link
and a saved PNG's footer reproduce the narrowed page. Several charts can say the same thing (a
source bar, a source tile); the newest click wins. Streamlit forgets a chart's selection when the
chart is not drawn (another view is open), and a chart drawn afresh reports nothing: neither is
a click, so the URL keeps what was picked.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

# What a click can pick, and its URL parameter: the breakdown dimensions plus one instrument
# (a treemap tile or a timeline bar).
PARAMS: dict[str, str] = {
    "pillar": "pick_pillar",
    "source": "pick_source",
    "beneficiary": "pick_beneficiary",
    "instrument_type": "pick_type",
    "instrument": "pick_instrument",
}

Report = Mapping[str, Sequence[str]]  # what one chart's selection says, per dimension


def from_url(query: Mapping[str, Sequence[str]], pillars: Collection[str]) -> dict[str, list[str]]:
    """The picks a link holds, per dimension, each code once; pillars only of the framework shown
    (`pillars`), so switching framework lets go of the other one's pillar instead of emptying
    the page."""
    picks = {dim: list(dict.fromkeys(query.get(param, ()))) for dim, param in PARAMS.items()}
    picks["pillar"] = [c for c in picks["pillar"] if c in pillars]
    return picks


def clicks(
    picks: Mapping[str, Sequence[str]],
    seen: Mapping[str, Report | None],
    reports: Mapping[str, Report | None],
) -> tuple[dict[str, list[str]], dict[str, Report | None]]:
    """The picks after this run's chart reports, and the reports to compare the next run with.

    `reports` maps each chart key to what its selection says (None: not drawn this run); `seen`
    is what each chart said before. A chart that says something new was clicked: its dimensions
    take its codes (an emptied selection clears them). A chart drawn afresh says nothing, which is
    not a click."""
    now = {dim: list(codes) for dim, codes in picks.items()}
    seen_now: dict[str, Report | None] = {}
    for key, report in reports.items():
        seen_now[key] = report
        if report is None:
            continue
        before = seen.get(key)
        empty = not any(report.values())
        if _same(report, before) or (empty and before is None):
            continue
        for dim, codes in report.items():
            now[dim] = list(codes)
    return now, seen_now


def _same(a: Report | None, b: Report | None) -> bool:
    if a is None or b is None:
        return a is b
    return {k: list(v) for k, v in a.items()} == {k: list(v) for k, v in b.items()}
