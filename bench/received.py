"""What a browser receives of a script run's messages: Streamlit's message cache, as the page has it.

Each rerun request of Streamlit's frontend lists the hashes of the messages it holds
(`cachedMessageHashes`); the server sends a message marked cacheable (a new element of at least
`global.minCachedMessageSize` bytes) whose hash is on that list as a reference of a few dozen
bytes instead (`ScriptRunContext.enqueue`). The frontend keeps a cacheable message until it has
gone `global.maxCachedMessageAge` runs unused (its `ForwardMsgCache.incrementRunCount`). AppTest
sends no such list, so its messages are what a browser without a cache would get; `Browser`
replays the frontend's bookkeeping over them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def reference_size(msg: Any) -> int:
    """The bytes of the reference the server sends for a message the browser holds."""
    from streamlit.runtime.forward_msg_cache import create_reference_msg

    return int(create_reference_msg(msg).ByteSize())


class Browser:
    """One browser tab's message cache."""

    def __init__(self) -> None:
        from streamlit import config

        self.max_age = int(config.get_option("global.maxCachedMessageAge"))
        self.runs = 0
        self.used: dict[str, int] = {}  # hash -> the run that last used it

    def received(self, messages: Iterable[Any]) -> int:
        """The bytes this run's messages take on the way to the browser, its cache updated."""
        return sum(self.sizes(messages))

    def sizes(self, messages: Iterable[Any]) -> list[int]:
        """Each message's bytes on the way to the browser, its cache updated."""
        held = set(self.used)  # the list sent with the rerun request
        sizes = []
        for msg in messages:
            cacheable = msg.metadata.cacheable and msg.hash
            sizes.append(reference_size(msg) if cacheable and msg.hash in held else msg.ByteSize())
            if cacheable:
                self.used[msg.hash] = self.runs
        self.runs += 1
        self.used = {h: run for h, run in self.used.items() if self.runs - run <= self.max_age}
        return sizes
