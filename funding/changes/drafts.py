"""Curators' unsaved edits as drafts on the server: bounded, expiring, found only by their token.

An edit lives in one Streamlit session, which a reload, a restart or a deploy ends. The page
keeps each edit as a draft here, under a private token that only its URL carries
(`?draft=...`): the token is 24 random bytes, the file is named by the token's SHA-256 (a
listing of the folder gives no token away), and nothing lists drafts, so no other session can
find one. The folder is `FUNDING_DRAFTS_DIR` (a folder every replica shares, for a deployment
behind a load balancer), by default `~/.local/state/battery-funding/drafts`.

Bounded: a draft is the edited CSV, at most `funding.registry.loading.MAX_BYTES`; at most `MAX_DRAFTS`
are kept (the oldest go first) and each for `TTL_SECONDS` after its last save. A draft file is
one JSON line (origin, name, time) and the CSV; it is read back through `funding.base.reading` within
that limit, like every other file.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from funding.base.errors import UnreadableFile
from funding.base.reading import read_file
from funding.base.writing import write_atomically
from funding.registry.loading import MAX_BYTES

MAX_DRAFTS = 200
TTL_SECONDS = 7 * 24 * 3600  # a week after the last save
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{32}$")  # secrets.token_urlsafe(24)
_OVERHEAD = 4096  # the JSON line before the CSV


def default_folder() -> Path:
    configured = os.environ.get("FUNDING_DRAFTS_DIR")
    if configured:
        return Path(configured)
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "battery-funding" / "drafts"


@dataclass(frozen=True)
class Draft:
    origin: str  # the digest of the data the edit started from: a draft applies to that only
    name: str  # that data's file name
    data: bytes  # the edited table as CSV (funding.changes.editing.csv_of)
    saved: float  # seconds since the epoch


def new_token() -> str:
    return secrets.token_urlsafe(24)


def valid_token(token: str | None) -> bool:
    return token is not None and bool(_TOKEN.match(token))


class DraftStore:
    def __init__(self, folder: Path | None = None, *, max_drafts: int = MAX_DRAFTS, ttl: float = TTL_SECONDS):
        self.folder = folder or default_folder()
        self.max_drafts = max_drafts
        self.ttl = ttl

    def _path(self, token: str) -> Path:
        return self.folder / f"{hashlib.sha256(token.encode()).hexdigest()}.json"

    def save(self, token: str, draft: Draft) -> bool:
        """Keep the draft (False, and nothing written, for a bad token or a draft over the limit)."""
        if not valid_token(token) or len(draft.data) > MAX_BYTES:
            return False
        head = json.dumps({"origin": draft.origin, "name": draft.name, "saved": draft.saved})
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_atomically(self._path(token), head.encode() + b"\n" + draft.data, overwrite=True)
        except (OSError, UnreadableFile):
            return False
        self.prune()
        return True

    def load(self, token: str | None, now: float | None = None) -> Draft | None:
        """The draft kept under this token, or None (unknown, expired, unreadable)."""
        if token is None or not valid_token(token):
            return None
        path = self._path(token)
        try:
            head, _, data = read_file(path, limit=MAX_BYTES + _OVERHEAD).partition(b"\n")
            record = json.loads(head)
            draft = Draft(str(record["origin"]), str(record["name"]), data, float(record["saved"]))
        except (UnreadableFile, ValueError, KeyError, TypeError):
            return None
        if (now or time.time()) - draft.saved > self.ttl:
            path.unlink(missing_ok=True)
            return None
        return draft

    def delete(self, token: str | None) -> None:
        if token is not None and valid_token(token):
            self._path(token).unlink(missing_ok=True)

    def prune(self, now: float | None = None) -> None:
        """Drop drafts past their time, then the oldest past MAX_DRAFTS."""
        now = now or time.time()
        found = []
        for path in self.folder.glob("*.json"):
            try:
                modified = path.stat().st_mtime
            except OSError:
                continue
            if now - modified > self.ttl:
                path.unlink(missing_ok=True)
            else:
                found.append((modified, path))
        for _, path in sorted(found)[: max(len(found) - self.max_drafts, 0)]:
            path.unlink(missing_ok=True)
