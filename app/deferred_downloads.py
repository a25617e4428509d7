"""A file built on a download click stays until the browser has fetched it.

Streamlit 1.67 builds a deferred `download_button`'s file on the click and stores it tied to no
session; the next two script runs of *any* session then delete it (`remove_orphaned_files` marks,
then drops, every file no session refers to). With fifty readers that is milliseconds, and the
browser's fetch gets a 404: the bench's soak lost about a fifth of all downloads that way. Here
the built file is referred to by the session that clicked, as the files a script run makes are,
and also by a keeper of its own for `KEEP_S` seconds: on an overloaded server the reader's own
next run could come before the fetch (1 download in 78 in one soak). The keeper lets expired
files go on the next click and holds at most `MAX_KEPT` files (a burst of clicks lets the oldest
go sooner, their readers' own references still keeping them), so the memory they take is
bounded; an idle server keeps the last ones until the next click. Streamlit's
private fields are used on purpose; tests/test_deferred_downloads.py fails if they change."""

from __future__ import annotations

import time
from pathlib import PurePosixPath
from typing import Any

from streamlit.runtime.media_file_manager import MediaFileManager

_BUILT = ":built"  # suffix of the coordinates under which the clicking session keeps the file
_KEEPER = "funding:built-downloads"  # not a session: the references that keep recent files
KEEP_S = 120.0  # a fetch later than this after the click is not waited for
MAX_KEPT = 32  # built files kept beyond their reader's next run, at most (a deck is ~1 MB)
clock = time.monotonic
_built_at: dict[str, float] = {}  # when each kept file was built, by file id (under the lock)
_original = MediaFileManager.execute_deferred


def _execute_and_keep(self: MediaFileManager, file_id: str) -> str:
    with self._lock:
        entry: dict[str, Any] | None = self._deferred_callables.get(file_id)  # type: ignore[assignment]
    url = _original(self, file_id)
    if entry is None:
        return url
    built = PurePosixPath(url).stem  # the storage names a file "<endpoint>/<id><extension>"
    with self._lock:
        if built not in self._file_metadata:
            return url
        refs = self._files_by_session_and_coord.get(entry["session_id"])
        if refs is not None:
            refs[f"{entry['coordinates']}{_BUILT}"] = built
        _keep(self._files_by_session_and_coord.setdefault(_KEEPER, {}), built)
    return url


def _keep(kept: dict[str, str], built: str) -> None:
    """Keep `built` from now on and let go of what is older than `KEEP_S` or beyond `MAX_KEPT`.
    Called under the manager's lock with a monotonic clock, so the keeper's order is the order of
    the clicks: the oldest come first."""
    now = clock()
    _built_at[built] = now
    kept.pop(built, None)
    kept[built] = built
    while kept and (len(kept) > MAX_KEPT or now - _built_at[next(iter(kept))] > KEEP_S):
        del _built_at[kept.pop(next(iter(kept)))]


def keep_built_downloads() -> None:
    """Install the rule (idempotent): once per server process, before any download is clicked."""
    MediaFileManager.execute_deferred = _execute_and_keep  # type: ignore[method-assign]
