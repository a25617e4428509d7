"""What one filter-change rerun sends, message by message: where a view's bytes go.

    python -m bench.bytes_breakdown --view overview [--top 25] [--lang nl]

Opens the dashboard on a view (AppTest) and clicks the "level" filter twice (the first run sets
the widgets from the URL, so it is not a steady one); lists the second click's ForwardMsgs by
size: the element's type, its key (or the start of its text), the root container (main,
sidebar), its bytes, "=" when the previous run sent the same message (same hash), and what a
browser receives of it: Streamlit's message cache sends a reference for a cacheable message the
page holds (`global.minCachedMessageSize` in .streamlit/config.toml, `bench.received`). Then the
totals by element type. `--baseline` lists the minimal page instead. Nothing is timed.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.apptest_worker import selection  # noqa: E402
from bench.received import Browser  # noqa: E402

ROOTS = {0: "main", 1: "sidebar", 2: "event", 3: "bottom"}


def runs_messages(runs: list[list[Any]]) -> None:
    """Record a copy of each AppTest run's messages in `runs`."""
    from streamlit.testing.v1 import local_script_runner

    parse = getattr(local_script_runner, "parse_tree_from_messages")  # noqa: B009

    def keeping(messages: list[Any]) -> Any:
        runs.append(list(messages))
        return parse(messages)

    setattr(local_script_runner, "parse_tree_from_messages", keeping)  # noqa: B010


def describe(msg: Any) -> tuple[str, str]:
    """A message's element type and a name a reader can find on the page: the widget's key, or
    the start of its text."""
    kind = msg.WhichOneof("type")
    if kind != "delta":
        return kind or "?", ""
    delta = msg.delta
    which = delta.WhichOneof("type")
    if which == "add_block":
        block = delta.add_block
        btype = block.WhichOneof("type") or "block"
        label = getattr(getattr(block, btype, None), "label", "") if btype != "block" else ""
        return f"block.{btype}", str(label or block.id)[:50]
    if which != "new_element":
        return which or "?", ""
    element = delta.new_element
    etype = element.WhichOneof("type") or "?"
    body = getattr(element, etype)
    ident = getattr(body, "id", "")
    if ident:
        return etype, str(ident).rsplit("-", 1)[-1][:50]
    for field in ("body", "label", "value"):
        text = getattr(body, field, "")
        if isinstance(text, str) and text:
            return etype, " ".join(text.split())[:50]
    return etype, ""


def report(runs: list[list[Any]], top: int) -> str:
    previous = {m.hash for m in runs[-2]}
    browser = Browser()
    received = [browser.sizes(run) for run in runs][-1]
    messages = runs[-1]
    total = sum(m.ByteSize() for m in messages)
    lines = [f"{len(messages)} messages, {total:,} bytes; a browser receives {sum(received):,}"]
    rows = []
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    by_root: dict[str, int] = defaultdict(int)
    repeated = 0
    for msg, got in zip(messages, received, strict=True):
        etype, name = describe(msg)
        size = msg.ByteSize()
        root = ROOTS.get(msg.metadata.delta_path[0], "?") if msg.metadata.delta_path else "-"
        same = msg.hash in previous
        repeated += size if same else 0
        rows.append((got, size, etype, name, root, same, list(msg.metadata.delta_path)))
        by_type[etype][0] += 1
        by_type[etype][1] += size
        by_type[etype][2] += got
        by_root[root] += got
    lines.append(f"repeated from the previous run: {repeated:,} bytes")
    lines.append("received by root: " + ", ".join(f"{k} {v:,}" for k, v in sorted(by_root.items())))
    lines.append("\nreceived  bytes  same  root     type                path          name")
    for got, size, etype, name, root, same, path in sorted(rows, key=lambda r: (-r[0], -r[1]))[:top]:
        lines.append(f"{got:8,} {size:6,} {'=' if same else ' ':>4}  {root:8} {etype:19} {path!s:13} {name}")
    lines.append("\nby type: count, bytes, received")
    for etype, (count, size, got) in sorted(by_type.items(), key=lambda kv: -kv[1][2]):
        lines.append(f"{etype:24} {count:4} {size:8,} {got:8,}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--view", default="overview")
    parser.add_argument("--lang", default="")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--baseline", action="store_true")
    args = parser.parse_args()
    from streamlit.testing.v1 import AppTest

    runs: list[list[Any]] = []
    runs_messages(runs)
    path = "bench/baseline_app.py" if args.baseline else "dashboard.py"
    at = AppTest.from_file(str(ROOT / path), default_timeout=120)
    if args.view != "overview":
        at.query_params["view"] = args.view
    if args.lang:
        at.query_params["lang"] = args.lang
    at.run()
    for step in (1, 2):  # the first run sets the widgets' values from the URL: not a steady one
        at.multiselect(key="level").set_value(selection(step))
        at.run()
    print(report(runs, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
