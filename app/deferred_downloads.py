"""A file built on a download click stays until the browser has fetched it.

Streamlit 1.67 builds a deferred `download_button`'s file on the click and stores it tied to no
session; the next two script runs of *any* session then delete it (`remove_orphaned_files` marks,
then drops, every file no session refers to). With fifty readers that is milliseconds, and the
browser's fetch gets a 404: the bench's soak lost about a fifth of all downloads that way. Here
the built file is referred to by the session that clicked, as the files a script run makes are,
so it lives until that reader's own next run. Streamlit's private fields are used on purpose;
tests/test_deferred_downloads.py fails if they change."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from streamlit.runtime.media_file_manager import MediaFileManager

_BUILT = ":built"  # suffix of the coordinates under which the clicking session keeps the file
_original = MediaFileManager.execute_deferred


def _execute_and_keep(self: MediaFileManager, file_id: str) -> str:
    with self._lock:
        entry: dict[str, Any] | None = self._deferred_callables.get(file_id)  # type: ignore[assignment]
    url = _original(self, file_id)
    if entry is None:
        return url
    built = PurePosixPath(url).stem  # the storage names a file "<endpoint>/<id><extension>"
    with self._lock:
        refs = self._files_by_session_and_coord.get(entry["session_id"])
        if refs is not None and built in self._file_metadata:
            refs[f"{entry['coordinates']}{_BUILT}"] = built
    return url


def keep_built_downloads() -> None:
    """Install the rule (idempotent): once per server process, before any download is clicked."""
    MediaFileManager.execute_deferred = _execute_and_keep  # type: ignore[method-assign]
