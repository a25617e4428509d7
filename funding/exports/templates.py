"""Whether a user's slide template (.pptx/.potx) may be used, for the page and the CLI alike.

The limits and the check by inflated bytes are `funding.intake.archives`; this says why not in a
sentence the page can show beside the upload.
"""

from __future__ import annotations

from funding.base.errors import UnreadableFile
from funding.intake.archives import TEMPLATE_MAX_BYTES, checked_template

TEMPLATE_MAX_MB = TEMPLATE_MAX_BYTES // (1024 * 1024)


def template_problem(data: bytes) -> UnreadableFile | None:
    """Why these bytes cannot serve as the deck's template, or None when they may be opened."""
    try:
        checked_template(data)  # by the bytes it inflates to, before python-pptx opens it
    except UnreadableFile as exc:
        return exc
    return None
