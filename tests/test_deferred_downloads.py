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


def clicked_then_others_ran(
    manager: MediaFileManager, as_session: list[str], content: bytes = b"deck bytes"
) -> str:
    """The reader's run draws a deferred button and the reader clicks it; then two other
    sessions each finish a script run, which is what deletes orphaned files."""
    as_session[0] = "reader"
    placeholder = manager.add_deferred(lambda: content, "application/octet-stream", "1.2.3", "deck.pptx")
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


def orphans_removed(manager: MediaFileManager, as_session: list[str], session: str) -> None:
    """`session` finishes a script run: its references go, then orphans are marked and dropped."""
    as_session[0] = session
    manager.clear_session_refs()
    manager.remove_orphaned_files()
    manager.remove_orphaned_files()


@pytest.fixture
def kept(as_session: list[str], monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The rule installed and its clock in the test's hands (seconds)."""
    monkeypatch.setattr(MediaFileManager, "execute_deferred", deferred_downloads._execute_and_keep)
    now = [1000.0]
    monkeypatch.setattr(deferred_downloads, "clock", lambda: now[0])
    return now


def test_the_built_file_waits_for_its_reader_even_past_their_next_run(
    as_session: list[str], kept: list[float]
) -> None:
    """On an overloaded server the reader's own next run may come before the browser's fetch."""
    manager = MediaFileManager(MemoryMediaFileStorage("/media"))
    built = clicked_then_others_ran(manager, as_session)
    found = manager.read_file(built)
    assert found is not None and found.content == b"deck bytes"
    orphans_removed(manager, as_session, "reader")
    assert manager.read_file(built) is not None


def test_a_built_file_goes_once_it_is_older_than_the_window(as_session: list[str], kept: list[float]) -> None:
    manager = MediaFileManager(MemoryMediaFileStorage("/media"))
    first = clicked_then_others_ran(manager, as_session)
    orphans_removed(manager, as_session, "reader")
    kept[0] += deferred_downloads.KEEP_S + 1  # 121 s later another reader clicks: the first expires
    second = clicked_then_others_ran(manager, as_session, b"another deck")
    orphans_removed(manager, as_session, "reader")
    assert manager.read_file(first) is None and manager.read_file(second) is not None


def test_at_most_max_kept_files_are_kept_the_oldest_let_go_first(
    as_session: list[str], kept: list[float]
) -> None:
    manager = MediaFileManager(MemoryMediaFileStorage("/media"))
    built = []
    for n in range(deferred_downloads.MAX_KEPT + 1):  # one deck more than kept, a click a second
        built.append(clicked_then_others_ran(manager, as_session, b"deck %d" % n))
        orphans_removed(manager, as_session, "reader")
        kept[0] += 1
    assert manager.read_file(built[0]) is None
    assert len(set(built)) == deferred_downloads.MAX_KEPT + 1 and all(
        manager.read_file(b) is not None for b in built[1:]
    )
