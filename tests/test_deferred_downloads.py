"""A download built on a click survives other sessions' script runs until its reader fetches it.

Without app.deferred_downloads, Streamlit 1.67 deletes the built file on the second script run of
any session (the soak lost a fifth of its downloads that way with fifty readers)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from streamlit.runtime import media_file_manager
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from app import deferred_downloads


@pytest.fixture
def as_session(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The session Streamlit's manager believes is running (no real script runs here)."""
    current = ["reader"]
    monkeypatch.setattr(media_file_manager, "_get_session_id", lambda: current[0])
    yield current


def clicked_then_others_ran(manager: MediaFileManager, as_session: list[str]) -> str:
    """The reader's run draws a deferred button and the reader clicks it; then two other
    sessions each finish a script run, which is what deletes orphaned files."""
    as_session[0] = "reader"
    placeholder = manager.add_deferred(
        lambda: b"deck bytes", "application/octet-stream", "1.2.3", "deck.pptx"
    )
    url = manager.execute_deferred(placeholder)
    for other in ("colleague-1", "colleague-2"):
        as_session[0] = other
        manager.clear_session_refs()
        manager.remove_orphaned_files()
    return url.rsplit("/", 1)[-1].split(".")[0]


def test_without_the_rule_streamlit_loses_the_built_file(
    as_session: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(MediaFileManager, "execute_deferred", deferred_downloads._original)
    manager = MediaFileManager(MemoryMediaFileStorage("/media"))
    built = clicked_then_others_ran(manager, as_session)
    assert manager.read_file(built) is None  # the 404 the soak saw


def test_the_built_file_waits_for_its_reader_and_goes_with_their_next_run(
    as_session: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(MediaFileManager, "execute_deferred", deferred_downloads._execute_and_keep)
    manager = MediaFileManager(MemoryMediaFileStorage("/media"))
    built = clicked_then_others_ran(manager, as_session)
    found = manager.read_file(built)
    assert found is not None and found.content == b"deck bytes"
    as_session[0] = "reader"  # the reader's next run lets it go: marked, then dropped
    manager.clear_session_refs()
    manager.remove_orphaned_files()
    manager.remove_orphaned_files()
    assert manager.read_file(built) is None
