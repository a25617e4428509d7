"""What the soak's server holds, counted from inside it: so its memory can be told apart into
bounded caches filling and anything else growing.

Run by bench/dashboard_app.py in the server (`BENCH_STATS=DIR`): a thread writes one JSON line
every `EVERY_S` to DIR/stats.jsonl with the entries of every `st.cache_data` and
`st.cache_resource` function (and the bytes the data caches keep), Streamlit's sessions (open
and kept for a reconnect), its media files (downloads, charts' images) and deferred downloads,
the uploaded files it holds, the background worker's queue (app/precompute.py), the drafts on
disk, and, when tracemalloc traces (`--trace` sets `PYTHONTRACEMALLOC`), Python's traced heap and
the 300 largest allocation sites, to DIR/<time>.txt every `SITES_EVERY_S`. Asked by the soak
(a file DIR/give-back), it hands the memory the allocators keep free back to the system. Streamlit's
private fields are read on purpose (a bench, pinned to the installed Streamlit): a field that is
missing reads as None rather than stopping the server.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

EVERY_S = 10.0
SITES_EVERY_S = 30.0
_started: list[threading.Thread] = []  # the module is imported once per process: one thread
_lock = threading.Lock()


def _caches() -> dict[str, dict[str, int | None]]:
    """Entries per cached function, its `max_entries` (None: unbounded) and the pickled bytes of
    `st.cache_data` ones."""
    from streamlit.runtime.caching.cache_data_api import _data_caches
    from streamlit.runtime.caching.cache_resource_api import _resource_caches

    found: dict[str, dict[str, int | None]] = {}
    for caches in list(_data_caches._function_caches.values()):
        for cache in list(caches.values()):
            kept = getattr(cache.storage, "_mem_cache", {})
            values = list(kept.values())
            found[_short(cache.display_name)] = {
                "entries": len(values),
                "max": _bound(cache.max_entries),
                "bytes": sum(map(len, values)),
            }
    for resources in list(_resource_caches._function_caches.values()):
        for resource in list(resources.values()):
            found[_short(resource.display_name)] = {
                "entries": len(resource._mem_cache),
                "max": _bound(resource.max_entries),
            }
    return found


def _bound(max_entries: float | None) -> int | None:
    return None if max_entries is None or max_entries == float("inf") else int(max_entries)


def _short(name: str) -> str:
    return name.removeprefix("app.")


def _runtime() -> dict[str, Any]:
    from streamlit.runtime import Runtime

    runtime = Runtime.instance()
    sessions = runtime._session_mgr
    media = runtime.media_file_mgr
    files = getattr(media._storage, "_files_by_id", {})
    uploads = runtime.uploaded_file_mgr
    return {
        "sessions_open": len(sessions.list_active_sessions()),
        "sessions_kept": len(sessions.list_sessions()) - len(sessions.list_active_sessions()),
        "media_files": len(files),
        "media_bytes": sum(len(f.content) for f in list(files.values())),
        "deferred_downloads": len(media._deferred_callables),
        "uploaded_files": getattr(uploads, "_file_count", None),
        "uploaded_bytes": getattr(uploads, "_total_bytes", None),
    }


def _app() -> dict[str, Any]:
    from app import precompute
    from funding.changes.drafts import default_folder

    return {
        "precompute_queue": len(precompute.WORKER._queue),
        "drafts": len(list(default_folder().glob("*.json"))) if default_folder().is_dir() else 0,
    }


def snapshot() -> dict[str, Any]:
    """One line of stats.jsonl: wall time, what each part holds, the traced heap (MB) if traced."""
    line: dict[str, Any] = {"time": time.time()}
    parts: tuple[tuple[str, Callable[[], Any]], ...] = (
        ("caches", _caches),
        ("runtime", _runtime),
        ("app", _app),
    )
    for name, part in parts:
        try:
            line[name] = part()
        except Exception as exc:  # a changed private field: the line says so, the server goes on
            line[name] = {"unreadable": f"{type(exc).__name__}: {exc}"}
    if tracemalloc.is_tracing():
        line["traced_mb"] = tracemalloc.get_traced_memory()[0] / 2**20
    return line


def write_sites(folder: Path) -> None:
    """The 300 largest allocation sites (by line) now: size, count, file:line."""
    sites = tracemalloc.take_snapshot().statistics("lineno")[:300]
    lines = [f"{s.size}\t{s.count}\t{s.traceback[0].filename}:{s.traceback[0].lineno}" for s in sites]
    (folder / f"{time.time():.0f}.txt").write_text("\n".join(lines) + "\n")


def give_back() -> None:
    """Return the memory freed but kept by the allocators to the system: glibc's malloc
    (`malloc_trim`) and Arrow's pool. What RSS keeps after this is memory still in use."""
    import ctypes
    import gc
    import sys

    gc.collect()
    if "pyarrow" in sys.modules:
        sys.modules["pyarrow"].default_memory_pool().release_unused()
    ctypes.CDLL("libc.so.6").malloc_trim(0)


def _loop(folder: Path) -> None:
    """A line every EVERY_S, sites every SITES_EVERY_S; within a second of the soak creating
    DIR/give-back, `give_back` (once per file)."""
    last_line = last_sites = 0.0
    while True:
        asked = folder / "give-back"
        if asked.exists():
            asked.unlink()
            with contextlib.suppress(Exception):
                give_back()
        if time.monotonic() - last_line >= EVERY_S:
            last_line = time.monotonic()
            with contextlib.suppress(Exception), (folder / "stats.jsonl").open("a") as out:
                out.write(json.dumps(snapshot()) + "\n")
        if tracemalloc.is_tracing() and time.monotonic() - last_sites >= SITES_EVERY_S:
            last_sites = time.monotonic()
            with contextlib.suppress(Exception):
                write_sites(folder)
        time.sleep(1.0)


def start(folder: Path) -> None:
    """Start the writer once per server process (the page's script calls this on every run)."""
    with _lock:
        if _started:
            return
        folder.mkdir(parents=True, exist_ok=True)
        thread = threading.Thread(target=_loop, args=(folder,), name="bench-stats", daemon=True)
        _started.append(thread)
        thread.start()


def read(folder: Path) -> list[dict[str, Any]]:
    """The lines written so far (none if the server wrote none)."""
    path = folder / "stats.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
