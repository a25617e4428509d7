"""Limits on a user's slide template (.pptx/.potx), applied by the page and the CLI alike.

A template is a zip file that python-pptx inflates in memory, so a small file can claim to hold
gigabytes: the template is refused before any library opens it when it is too large as a file
or when its parts unpack to more than a slide deck ever needs.
"""

from __future__ import annotations

import io
import zipfile

TEMPLATE_MAX_MB = 5
TEMPLATE_MAX_BYTES = TEMPLATE_MAX_MB * 1024 * 1024
TEMPLATE_MAX_UNPACKED = 60 * 1024 * 1024  # all parts, unpacked


def template_problem(data: bytes) -> str | None:
    """Why these bytes cannot serve as the deck's template, or None when they may be opened."""
    if len(data) > TEMPLATE_MAX_BYTES:
        return f"larger than {TEMPLATE_MAX_MB} MB"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return "not a PowerPoint .pptx/.potx file"
    if unpacked > TEMPLATE_MAX_UNPACKED:
        return f"unpacks to more than {TEMPLATE_MAX_UNPACKED // (1024 * 1024)} MB"
    return None
