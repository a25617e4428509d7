"""Text every export writes into XML (all of .xlsx and .pptx is XML): what XML cannot carry
dropped, and bidirectional controls removed, so an odd byte in the data never breaks a file."""

from __future__ import annotations

import re

from funding.base.markdown import plain_text

# Characters XML 1.0 forbids (all of .xlsx and .pptx is XML): control characters but tab, LF, CR.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean_text(text: str) -> str:
    """Drop characters that XML cannot carry, so an odd byte in the data never breaks a file, and
    bidirectional controls, so a title or cell reads in the order it is stored."""
    return plain_text(_XML_ILLEGAL.sub("", text))
