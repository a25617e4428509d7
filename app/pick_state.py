"""Chart clicks as URL state, as pure functions (no Streamlit here).

A click narrows the page and lands in the URL (`?pick_source=Horizon%20Europe`), so a copied link
and a saved PNG's footer reproduce the narrowed page. Several charts can say the same thing (a
source bar, a source tile); the newest click wins. Streamlit forgets a chart's selection when the
chart is not drawn (another view is open), and a chart drawn afresh reports nothing: neither is
a click, so the URL keeps what was picked.

A link can outlive what it picked (a source renamed, an instrument removed): such a value would
narrow the page to nothing and say "none stated". It is dropped instead, and named in a note
(`stale`), so the page shows what the link can still mean and says what it could not.
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


def from_url(
    query: Mapping[str, Sequence[str]], pillars: Collection[str], known: Mapping[str, Collection[str]]
) -> dict[str, list[str]]:
    """The picks a link holds, per dimension, each code once and only codes the data has
    (`known`, per dimension); pillars only of the framework shown (`pillars`), so switching
    framework lets go of the other one's pillar instead of emptying the page."""
    picks = {
        dim: [c for c in dict.fromkeys(query.get(param, ())) if c in known.get(dim, ())]
        for dim, param in PARAMS.items()
    }
    picks["pillar"] = [c for c in picks["pillar"] if c in pillars]
    return picks


# A hand-made link can name thousands of values; the note names the first ones, each cut short.
STALE_SHOWN = 10
STALE_CHARS = 80


def stale(query: Mapping[str, Sequence[str]], known: Mapping[str, Collection[str]]) -> list[tuple[str, str]]:
    """(dimension, value) for every pick in the link that the data does not have, each once."""
    return [
        (dim, code)
        for dim, param in PARAMS.items()
        for code in dict.fromkeys(query.get(param, ()))
        if code not in known.get(dim, ())
    ]


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
