"""Load test with WebSocket clients: Streamlit's own protocol, no browser, so only the server works.

Each client connects to ws://127.0.0.1:PORT/_stcore/stream, asks for the first run (a BackMsg
`rerun_script`, as the page does), finds the "battery-specific only" checkbox's widget id in the
deltas, then flips it `changes` times; a rerun's latency is from sending the BackMsg to receiving
`script_finished`. An exception element in the deltas, a compile error or a timeout is an error.
This complements the browser load test: with 20 chromium pages on the same 2 cores, the browser
numbers include rendering contention on the client side; these do not.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

TOGGLE_KEY = "battery_only"


async def _run(ws: Any, widgets: Any, timeout_s: float) -> tuple[float, dict[str, str], list[str]]:
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    msg = BackMsg()
    msg.rerun_script.query_string = ""
    msg.rerun_script.page_script_hash = ""
    msg.rerun_script.widget_states.CopyFrom(widgets)
    started = time.perf_counter()
    await ws.send(msg.SerializeToString())
    found: dict[str, str] = {}
    problems: list[str] = []
    deadline = started + timeout_s
    while True:
        raw = await asyncio.wait_for(ws.recv(), timeout=max(0.1, deadline - time.perf_counter()))
        forward = ForwardMsg()
        forward.ParseFromString(raw)
        kind = forward.WhichOneof("type")
        if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
            element = forward.delta.new_element
            which = element.WhichOneof("type")
            if which == "checkbox":
                found[element.checkbox.id] = "checkbox"
            elif which == "exception":
                problems.append(
                    f"exception element: {element.exception.type}: {element.exception.message[:120]}"
                )
        elif kind == "script_finished":
            status = forward.script_finished
            if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                problems.append("script finished with a compile error")
            if status in (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR):
                return time.perf_counter() - started, found, problems


async def session(
    url: str, changes: int, timeout_s: float, latencies: list[float], errors: list[str]
) -> None:
    import websockets
    from streamlit.proto.WidgetStates_pb2 import WidgetStates

    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    try:
        async with websockets.connect(
            ws_url, subprotocols=["streamlit"], max_size=None, open_timeout=timeout_s
        ) as ws:  # type: ignore[list-item]
            _, found, problems = await _run(ws, WidgetStates(), timeout_s)
            errors.extend(problems)
            ids = [wid for wid in found if wid.endswith(TOGGLE_KEY)]
            if not ids:
                errors.append(f"no checkbox with key {TOGGLE_KEY!r} in the first run")
                return
            value = False
            for _ in range(changes):
                value = not value
                widgets = WidgetStates()
                state = widgets.widgets.add()
                state.id = ids[0]
                state.bool_value = value
                seconds, _, problems = await _run(ws, widgets, timeout_s)
                errors.extend(problems)
                latencies.append(seconds * 1000)
    except Exception as exc:  # a refused connection or a timeout is an error of the run, not a crash
        errors.append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:200] if str(exc) else ''}")


async def load_test(url: str, *, sessions: int, changes: int, timeout_s: float) -> dict[str, Any]:
    latencies: list[float] = []
    errors: list[str] = []
    started = time.perf_counter()
    try:
        await asyncio.wait_for(
            asyncio.gather(*(session(url, changes, timeout_s, latencies, errors) for _ in range(sessions))),
            timeout=timeout_s,
        )
    except TimeoutError:
        errors.append(f"WebSocket load test did not finish within {timeout_s:.0f} s")
    latencies.sort()
    missing = sessions * changes - len(latencies)

    def pct(q: float) -> float | None:
        return latencies[min(len(latencies) - 1, round(q * (len(latencies) - 1)))] if latencies else None

    return {
        "sessions": sessions,
        "changes_per_session": changes,
        "reruns": len(latencies),
        "expected_reruns": sessions * changes,
        "wall_s": time.perf_counter() - started,
        "p50_ms": pct(0.5),
        "p95_ms": pct(0.95),
        "max_ms": latencies[-1] if latencies else None,
        "error_count": len(errors) + (missing if not errors else 0),
        "errors": errors[:10],
    }
