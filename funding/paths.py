"""Where the shipped files live, relative to the project root (the checkout or the install)."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
DEFAULT_DATA = DATA_DIR / "funding.csv"
DEFAULT_DOCUMENTS = DATA_DIR / "documents.csv"
DEFAULT_INFO = DATA_DIR / "dataset.json"
DEFAULT_DISAGREEMENTS = DATA_DIR / "disagreements.csv"
DEFAULT_CALLS = DATA_DIR / "calls.csv"
