"""One module per view; `render(page)` draws it. Only the open view's module runs on a rerun."""

from __future__ import annotations

from collections.abc import Callable

from app.context import Page
from app.views import breakdowns, calls, changes, data, edit, instruments, overview, structure, timeline

RENDER: dict[str, Callable[[Page], None]] = {
    "overview": overview.render,
    "breakdowns": breakdowns.render,
    "structure": structure.render,
    "timeline": timeline.render,
    "instruments": instruments.render,
    "calls": calls.render,
    "data": data.render,
    "changes": changes.render,
    "edit": edit.render,
}
