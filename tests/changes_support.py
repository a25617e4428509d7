"""What the page offers for download, as AppTest cannot click: the bytes each download button
handed to Streamlit's media storage, by file name."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage


@contextmanager
def downloads(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, bytes]]:
    """Every file the page put up for download while the block runs, by its file name."""
    seen: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def keep(self: Any, data: str | bytes, mimetype: str, kind: Any, filename: str | None = None) -> str:
        if isinstance(data, bytes) and filename:
            seen[filename] = data
        return original(self, data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", keep)
    yield seen
