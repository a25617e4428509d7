"""Files generated from the data (the change log, the data package): written, or checked.

One rule for both: `--check` only says whether the file is up to date (exit 1 if not), which is
what the tests and CI run; otherwise the file is written when its text changed.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path


def write_or_check(path: Path, text: str, argv: Sequence[str] | None, script: str) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    if "--check" in args:
        if current != text:
            print(f"{path}: out of date; run {script}", file=sys.stderr)
            return 1
        return 0
    if current != text:
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
    return 0
