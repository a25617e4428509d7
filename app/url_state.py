"""What the URL says and what the page writes back, as pure functions (no Streamlit here).

The page keeps one rule: the URL holds codes (`?level=NL`, `?view=breakdowns`), never translated
labels, and leaves defaults out. These functions decide, from the URL, what this session last
wrote there and the widget's current value, what a widget should show; the Streamlit side
(`app.widgets`) only reads and writes.
"""

from __future__ import annotations

import html
from collections.abc import Container, Sequence
from urllib.parse import quote, urlencode, urlsplit

VIEWS: tuple[str, ...] = (
    "overview",
    "breakdowns",
    "structure",
    "timeline",
    "instruments",
    "calls",
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
    url: Sequence[str],
    written: Sequence[str] | None,
    current: Sequence[str] | None,
    valid: Sequence[str],
    limit: int | None = None,
) -> list[str]:
    """The values a multi-choice widget shows: as `choice`, minus values no longer offered (a
    pillar of the other framework, a source absent from an uploaded file), each once, and at
    most `limit` of them (the first ones: a hand-edited link may name more than a widget takes)."""
    if current is None or list(url) != list(written or []):
        wanted = list(dict.fromkeys(v for v in url if v in valid))
    else:
        wanted = [v for v in current if v in valid]
    return wanted[:limit]


def kept_choices(
    url: Sequence[str],
    written: Sequence[str] | None,
    current: Sequence[str] | None,
    offered: Sequence[str],
    hidden_before: Sequence[str],
    limit: int,
) -> list[str]:
    """The values a multi-choice widget whose hidden values stay in the URL shows: as `choices`,
    plus the values the filters hid on the last run that are offered again (a lifted filter
    brings its picks back), in the URL's order."""
    shown = choices(url, written, current, offered, limit)
    back = [v for v in hidden_before if v in offered and v not in shown]
    wanted = set(shown) | set(back)
    ordered = [v for v in dict.fromkeys(url) if v in wanted]
    return [*ordered, *(v for v in shown if v not in ordered)][:limit]


def hidden_choices(
    url: Sequence[str], shown: Sequence[str], offered: Sequence[str], known: Container[str]
) -> list[str]:
    """The URL's values that the filters hide: still valid, not offered now, not shown."""
    return [v for v in dict.fromkeys(url) if v in known and v not in offered and v not in shown]


def kept_url(url: Sequence[str], shown: Sequence[str], hidden: Sequence[str], limit: int) -> list[str]:
    """What the URL holds for such a widget: the shown and the hidden values, in the URL's order
    (new picks last), at most `limit` of them."""
    keep = set(shown) | set(hidden)
    ordered = [v for v in dict.fromkeys(url) if v in keep]
    return [*ordered, *(v for v in shown if v not in ordered)][:limit]


COMPARE_MIN = 2  # one pick is not a comparison: the page asks for another


def compared(url: Sequence[str], offered: Container[str], limit: int) -> tuple[str, ...]:
    """The instruments compared: the URL's picks the filters offer (hidden ones wait), at most
    `limit`, and none unless there are at least two."""
    picks = [v for v in dict.fromkeys(url) if v in offered][:limit]
    return tuple(picks) if len(picks) >= COMPARE_MIN else ()


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


DRAFT = "draft"  # an edit's private draft token (app.editing, funding.changes.drafts)
# Parameters that belong to one reader and never go into a shared link.
PRIVATE_PARAMS = frozenset({DRAFT})


def share_link(base: str, params: Sequence[tuple[str, str]]) -> str:
    """The address of this view: the page's address (empty while unknown, giving a link from the
    site's root) and the query string the page keeps, each value once, in URL encoding, without
    the private parameters."""
    query = urlencode([(k, v) for k, v in params if k not in PRIVATE_PARAMS], quote_via=quote)
    root = base if urlsplit(base).path else f"{base}/"  # the browser's "http://host:8501" is the root
    return f"{root}?{query}" if query else root


EMBED = "embed"  # Streamlit's own parameter: `embed=true` serves the page without its menu and padding
EMBED_PARAMS = (EMBED, "embed_options")
EMBED_HEIGHT = 900  # pixels: the headline and the first chart of the Overview


def embed_snippet(base: str, params: Sequence[tuple[str, str]], title: str) -> str:
    """An iframe of this view without Streamlit's chrome, for an intranet page, as OWID and
    Datawrapper offer; its address and title escaped for an HTML attribute."""
    kept = [(key, value) for key, value in params if key not in EMBED_PARAMS]
    src = share_link(base, [*kept, (EMBED, "true")])
    return (
        f'<iframe src="{html.escape(src)}" title="{html.escape(title)}" '
        f'width="100%" height="{EMBED_HEIGHT}" style="border:0"></iframe>'
    )
