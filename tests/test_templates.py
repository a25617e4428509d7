"""Slide templates the page and the CLI refuse, with a reason to show (the mechanism and its
memory bounds are tested in test_limits.py)."""

from __future__ import annotations

import io
import zipfile

import pytest
from pptx import Presentation

from funding.exports.templates import template_problem
from funding.intake.archives import TEMPLATE_MAX_BYTES, TEMPLATE_MAX_INFLATED


def zipped(size: int) -> bytes:
    """A zip with one part of `size` zero bytes: deflate makes 61 MB of zeros about 60 kB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("ppt/zeros.bin", b"\0" * size)
    return buffer.getvalue()


def test_a_real_presentation_passes() -> None:
    buffer = io.BytesIO()
    Presentation().save(buffer)
    assert template_problem(buffer.getvalue()) is None


@pytest.mark.slow  # half a second or more: the full suite runs it
def test_too_large_not_a_zip_and_unpacking_too_far_are_refused() -> None:
    assert template_problem(b"\0" * (TEMPLATE_MAX_BYTES + 1)) is not None
    assert template_problem(b"not a zip at all") is not None
    packed = zipped(TEMPLATE_MAX_INFLATED + 1)
    assert len(packed) < TEMPLATE_MAX_BYTES  # small as a file, too large unpacked
    assert template_problem(packed) is not None
