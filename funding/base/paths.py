"""Where the shipped files live: inside the installed package, or in the checkout's data/.

An installed wheel carries them as funding/_data (setup.py copies them there when it builds);
a checkout keeps them in data/ at its top, where curators edit them. The packaged copy comes
first, as a checkout never has one."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent
PROJECT_ROOT = PACKAGE_DIR.parent
_PACKAGED = PACKAGE_DIR / "_data"
DATA_DIR = _PACKAGED if _PACKAGED.is_dir() else PROJECT_ROOT / "data"
DEFAULT_DATA = DATA_DIR / "funding.csv"
DEFAULT_DOCUMENTS = DATA_DIR / "documents.csv"
DEFAULT_INFO = DATA_DIR / "dataset.json"
DEFAULT_DISAGREEMENTS = DATA_DIR / "disagreements.csv"
DEFAULT_CALLS = DATA_DIR / "calls.csv"
