"""What the URL says and what the page writes back, as pure functions (no Streamlit here).

The page keeps one rule: the URL holds codes (`?level=NL`, `?view=breakdowns`), never translated
labels, and leaves defaults out. These functions decide, from the URL, what this session last
wrote there and the widget's current value, what a widget should show; the Streamlit side
(`app.widgets`) only reads and writes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

VIEWS: tuple[str, ...] = (
    "overview",
    "breakdowns",
    "structure",
    "timeline",
    "instruments",
    "data",
    "changes",
    "edit",
)
DEFAULT_VIEW = "overview"
PRESENT = "present"  # ?view=present: presentation mode, outside the tabs


def choice(
    url: Sequence[str],
    written: Sequence[str] | None,
    current: str | None,
    valid: Sequence[str],
    default: str,
    last_default: str | None = None,
) -> str:
    """The value a single-choice widget shows.

    The URL wins on first load and whenever it no longer says what this session last wrote
    there (a pasted link, back/forward); otherwise the user's current choice stays, unless it is
    no longer offered. A value that was only ever the default follows the default when that
    changes (the default kind depends on the selection), since an empty URL means "default"."""
    if current is None or list(url) != list(written or []):
        return next((v for v in url if v in valid), default)
    if not url and last_default is not None and current == last_default:
        return default
    return current if current in valid else default


def choices(
    url: Sequence[str], written: Sequence[str] | None, current: Sequence[str] | None, valid: Sequence[str]
) -> list[str]:
    """The values a multi-choice widget shows: as `choice`, minus values no longer offered (a
    pillar of the other framework, a source absent from an uploaded file), each once."""
    if current is None or list(url) != list(written or []):
        return list(dict.fromkeys(v for v in url if v in valid))
    return [v for v in current if v in valid]


def url_codes(value: str | Sequence[str], default: str | None = None) -> list[str]:
    """What the URL holds for a widget's value: its codes, nothing for the default."""
    if isinstance(value, str):
        return [] if value == default else [value]
    return [str(v) for v in value]


def view_of(url: Sequence[str]) -> str:
    """The open view: a known code, presentation mode, or the overview."""
    value = url[0] if url else DEFAULT_VIEW
    return value if value in (*VIEWS, PRESENT) else DEFAULT_VIEW


def slide_number(raw: str | None, total: int) -> int:
    """Presentation mode's 1-based chart number, clamped to the charts there are (1 if unreadable)."""
    try:
        number = int(raw or "1")
    except ValueError:
        return 1
    return min(max(number, 1), max(total, 1))


def display_value(raw: str | None, valid: Sequence[str], default: str) -> str:
    """A display setting read from the URL as the page's own widget would read it."""
    return raw if raw is not None and raw in valid else default


def updated_picks(
    kept: Mapping[str, list[str]],
    seen: Mapping[str, list[str] | None],
    states: Mapping[str, list[str] | None],
) -> tuple[dict[str, list[str]], dict[str, list[str] | None]]:
    """Chart clicks that outlive their chart: the breakdown charts are drawn only in their view,
    and Streamlit forgets a chart's selection when it is not drawn.

    `states` maps each pick key to the groups its chart reports (None: the chart was not drawn
    last run); `seen` is what each chart reported before; `kept` the clicks so far. A chart that
    reports something new was clicked; a chart drawn afresh reports nothing, which is not a click.
    """
    kept_now = dict(kept)
    seen_now: dict[str, list[str] | None] = {}
    for key, codes in states.items():
        seen_now[key] = codes
        if codes is None:
            continue
        before = seen.get(key)
        if codes != before and not (not codes and before is None):
            kept_now[key] = codes
    return kept_now, seen_now
