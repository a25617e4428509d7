"""Drafts of curators' edits on the server (funding.changes.drafts): found by their token only, bounded
in number, size and age, and read back like every other file."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from funding.changes.drafts import Draft, DraftStore, new_token, valid_token
from funding.registry.loading import MAX_BYTES

CSV = b"id,name_en\na,Name\n"


def draft(saved: float = 1_000.0, data: bytes = CSV) -> Draft:
    return Draft("origin-digest", "funding.csv", data, saved)


def test_a_draft_comes_back_by_its_token_only(tmp_path: Path) -> None:
    store = DraftStore(tmp_path, ttl=1e12)
    token = new_token()
    assert valid_token(token) and store.save(token, draft())
    assert store.load(token) == draft()
    assert store.load(new_token()) is None  # another token finds nothing
    # The file is named by the token's hash: the folder gives no token away.
    (name,) = [p.name for p in tmp_path.iterdir()]
    assert name == hashlib.sha256(token.encode()).hexdigest() + ".json" and token not in name


def test_tokens_that_are_not_ours_are_refused(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    for token in ("", "short", "../../etc/passwd" + "a" * 20, "a" * 31, "a" * 33):
        assert not valid_token(token)
        assert not store.save(token, draft())
        assert store.load(token) is None
    assert list(tmp_path.iterdir()) == []


def test_a_draft_expires_a_ttl_after_its_last_save(tmp_path: Path) -> None:
    store = DraftStore(tmp_path, ttl=100)
    token = new_token()
    store.save(token, draft(saved=1_000.0))
    assert store.load(token, now=1_100.0) is not None  # 100 s after: still kept
    assert store.load(token, now=1_100.5) is None  # past it: gone, and the file with it
    assert list(tmp_path.iterdir()) == []


def test_at_most_max_drafts_are_kept_the_oldest_go_first(tmp_path: Path) -> None:
    store = DraftStore(tmp_path, max_drafts=3, ttl=1e12)
    tokens = [new_token() for _ in range(5)]
    for n, token in enumerate(tokens):
        store.save(token, draft())
        path = store._path(token)
        os.utime(path, (1_000 + n, 1_000 + n))  # saved one second apart
    store.prune(now=2_000)
    assert [store.load(t) is not None for t in tokens] == [False, False, True, True, True]


def test_a_draft_over_the_upload_limit_is_not_kept(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    assert not store.save(new_token(), draft(data=b"x" * (MAX_BYTES + 1)))
    assert not tmp_path.exists() or list(tmp_path.iterdir()) == []


def test_a_draft_file_that_is_not_one_reads_as_none(tmp_path: Path) -> None:
    store = DraftStore(tmp_path, ttl=1e12)
    token = new_token()
    store.save(token, draft())
    store._path(token).write_bytes(b"not json\n" + CSV)
    assert store.load(token) is None
    store._path(token).unlink()
    os.mkfifo(store._path(token))  # a FIFO in its place: refused, never a hang
    assert store.load(token) is None


def test_deleting_removes_the_draft(tmp_path: Path) -> None:
    store = DraftStore(tmp_path, ttl=1e12)
    token = new_token()
    store.save(token, draft())
    store.delete(token)
    assert store.load(token) is None and list(tmp_path.iterdir()) == []
