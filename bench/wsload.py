"""Load test with WebSocket clients: Streamlit's own protocol, no browser, so only the server works.

Each client connects to ws://127.0.0.1:PORT/_stcore/stream, asks for the first run (a BackMsg
`rerun_script`, as the page does) and finds the "battery-specific only" checkbox's widget id in
the deltas; then the clients flip it, all at once, each as soon as its previous rerun finished. A
rerun's latency is from sending the BackMsg to receiving `script_finished`. An exception element
in the deltas, a compile error, a dropped connection or a timeout is an error.
This complements the browser load test: with 20 chromium pages on the same 2 cores, the browser
numbers include rendering contention on the client side; these do not.
`walk` moves a session through URLs instead (bench/rooms.py): a room following a briefing.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

TOGGLE_KEY = "battery_only"


@dataclass
class Run:
    """One script run as the client saw it."""

    seconds: float
    found: dict[str, str]  # widget id -> element type, for the widgets the bench drives
    problems: list[str]
    received_bytes: int
    # What the soak and the replica test drive and check (bench/session.py): the session's id,
    # the URL the page wrote, widgets by their key (the id's tail), deferred downloads by key,
    # the "Selection:" line and the keys of the charts drawn.
    session_id: str = ""
    query: str | None = None
    widgets: dict[str, str] = field(default_factory=dict)
    downloads: dict[str, str] = field(default_factory=dict)
    selection: str = ""
    charts: list[str] = field(default_factory=list)


async def run_script(ws: Any, widgets: Any, timeout_s: float, query_string: str = "") -> Run:
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    msg = BackMsg()
    msg.rerun_script.query_string = query_string
    msg.rerun_script.page_script_hash = ""
    msg.rerun_script.widget_states.CopyFrom(widgets)
    started = time.perf_counter()
    await ws.send(msg.SerializeToString())
    run = Run(0.0, {}, [], 0)
    deadline = started + timeout_s
    while True:
        raw = await asyncio.wait_for(ws.recv(), timeout=max(0.1, deadline - time.perf_counter()))
        run.received_bytes += len(raw)
        forward = ForwardMsg()
        forward.ParseFromString(raw)
        kind = forward.WhichOneof("type")
        if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
            _element(forward.delta.new_element, run)
        elif kind == "new_session":
            run.session_id = forward.new_session.initialize.session_id
        elif kind == "page_info_changed":
            run.query = forward.page_info_changed.query_string
        elif kind == "script_finished":
            status = forward.script_finished
            if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                run.problems.append("script finished with a compile error")
            if status in (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR):
                run.seconds = time.perf_counter() - started
                return run


def _key(widget_id: str) -> str:
    """A widget's key from its id (`$$ID-<hash>-<key>`)."""
    return widget_id.rsplit("-", 1)[-1]


def _element(element: Any, run: Run) -> None:
    which = element.WhichOneof("type")
    if which == "checkbox":
        run.found[element.checkbox.id] = "checkbox"
    elif which == "exception":
        run.problems.append(f"exception element: {element.exception.type}: {element.exception.message[:120]}")
    elif which in ("dataframe", "file_uploader") and getattr(element, which).id:
        run.widgets[_key(getattr(element, which).id)] = getattr(element, which).id
    elif which == "download_button" and element.download_button.deferred_file_id:
        run.downloads[_key(element.download_button.id)] = element.download_button.deferred_file_id
    elif which == "plotly_chart":
        run.charts.append(_key(element.plotly_chart.id))
    elif which == "markdown" and element.markdown.body.startswith(("Selection", "Selectie")):
        run.selection = element.markdown.body


@dataclass
class Client:
    """One Streamlit session over a WebSocket, after its first run."""

    ws: Any
    toggle_id: str
    value: bool = False


async def connect(
    url: str,
    timeout_s: float,
    errors: list[str],
    *,
    headers: Mapping[str, str] | None = None,
    query: str = "",
) -> Client | None:
    """Open a session and run the page once, as a browser tab does; None (and an error) if not.
    `headers` go with the WebSocket handshake (a browser's cookies, e.g. a load balancer's route);
    `query` is added to the stream's URL, which Streamlit ignores and an access log shows."""
    import websockets
    from streamlit.proto.WidgetStates_pb2 import WidgetStates
    from websockets.typing import Subprotocol

    ws_url = url.replace("http://", "ws://") + "/_stcore/stream" + (f"?{query}" if query else "")
    try:
        ws = await websockets.connect(
            ws_url,
            subprotocols=[Subprotocol("streamlit")],
            max_size=None,
            open_timeout=timeout_s,
            additional_headers=headers,
        )
        first = await run_script(ws, WidgetStates(), timeout_s)
    except Exception as exc:
        errors.append(f"connect: {type(exc).__name__}: {str(exc).splitlines()[0][:200] if str(exc) else ''}")
        return None
    errors.extend(first.problems)
    ids = [wid for wid in first.found if wid.endswith(TOGGLE_KEY)]
    if not ids:
        errors.append(f"no checkbox with key {TOGGLE_KEY!r} in the first run")
        await ws.close()
        return None
    return Client(ws, ids[0])


async def changes(
    client: Client, count: int, timeout_s: float, latencies: list[float], errors: list[str]
) -> None:
    """Flip the filter `count` times, each as soon as the previous rerun finished (no think time)."""
    from streamlit.proto.WidgetStates_pb2 import WidgetStates

    try:
        for _ in range(count):
            client.value = not client.value
            widgets = WidgetStates()
            state = widgets.widgets.add()
            state.id = client.toggle_id
            state.bool_value = client.value
            run = await run_script(client.ws, widgets, timeout_s)
            errors.extend(run.problems)
            latencies.append(run.seconds * 1000)
    except Exception as exc:  # a dropped connection or a timeout is an error of the run, not a crash
        errors.append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:200] if str(exc) else ''}")


async def walk(
    client: Client,
    queries: Sequence[str],
    timeout_s: float,
    think_s: float,
    seed: int,
    record: Callable[[Run], None],
    errors: list[str],
) -> None:
    """Move the session through `queries` (URL query strings, as when a reader opens shared links
    in the tab: the widgets take their values from the URL), each as soon as the previous run
    finished, or after a pause drawn around `think_s` (0.5-1.5 x, seeded per session)."""
    from streamlit.proto.WidgetStates_pb2 import WidgetStates

    pauses = random.Random(seed)
    try:
        for query in queries:
            if think_s > 0:
                await asyncio.sleep(think_s * pauses.uniform(0.5, 1.5))  # the reader reads the page
            run = await run_script(client.ws, WidgetStates(), timeout_s, query)
            errors.extend(run.problems)
            record(run)
    except Exception as exc:  # a dropped connection or a timeout is an error of the run, not a crash
        errors.append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:200] if str(exc) else ''}")


def summary(latencies: list[float], errors: list[str], expected: int, wall_s: float) -> dict[str, Any]:
    values = sorted(latencies)

    def pct(q: float) -> float | None:
        return values[min(len(values) - 1, round(q * (len(values) - 1)))] if values else None

    missing = expected - len(values)
    return {
        "reruns": len(values),
        "expected_reruns": expected,
        "wall_s": wall_s,
        "p50_ms": pct(0.5),
        "p95_ms": pct(0.95),
        "max_ms": values[-1] if values else None,
        "error_count": len(errors) + (missing if not errors else 0),
        "errors": errors[:10],
    }
