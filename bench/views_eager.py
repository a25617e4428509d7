"""The dashboard with every view built on every rerun, one under the other, as the page was
before it had views: the "before" of `python -m bench.views`."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app import display  # noqa: E402
from app.main import header, prepare  # noqa: E402
from app.views import breakdowns, instruments, overview, structure, timeline  # noqa: E402

page = prepare()
if page is not None:
    header(page)
    display.headline_section(page)
    # One kind selector for all charts, as on the page before (the uploader sat in the sidebar).
    kind = display.chart_kind(page)
    overview.envelope_section(page)  # every kind side by side: no kind to choose
    for view in (breakdowns, structure):
        view.draw(page, kind)
    timeline.render(page)
    instruments.render(page)
    display.source_caption(page)
