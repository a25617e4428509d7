"""The commit-msg hook (scripts/check-subject): 72 characters pass, 73 are refused, and
characters are counted, not bytes ("é" is two bytes in UTF-8)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

HOOK = Path(__file__).resolve().parent.parent / "scripts" / "check-subject"
pytestmark = pytest.mark.subprocess


def hook(tmp_path: Path, message: str) -> int:
    path = tmp_path / "COMMIT_EDITMSG"
    path.write_text(message, encoding="utf-8")
    return subprocess.run(
        [str(HOOK), str(path)], capture_output=True, env={"PATH": "/usr/bin:/bin"}
    ).returncode


@pytest.mark.parametrize(
    ("subject", "refused"),
    [
        ("x" * 72, False),
        ("x" * 73, True),
        ("é" * 72, False),  # 144 bytes, 72 characters
        ("é" * 73, True),
    ],
)
def test_a_subject_over_72_characters_is_refused(tmp_path: Path, subject: str, refused: bool) -> None:
    assert hook(tmp_path, subject + "\n\n" + "a long body line " * 10 + "\n") == (1 if refused else 0)
