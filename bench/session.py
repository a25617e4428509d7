"""One reader's session over Streamlit's own protocol, doing what a browser tab does: open a link,
edit a cell in the Edit view (which keeps a draft), download a file, upload a CSV.

The soak (bench/soak.py) and the replica kill (bench/replica_kill.py) drive these; no browser
runs, so only the server works. A download is the page's deferred file: a `deferred_file`
backend operation, then an HTTP GET of the URL it answers. An upload asks for an upload URL
(`file_urls_request`), PUTs the file with the XSRF cookie and header a browser sends (the
cookie comes from the health endpoint), and reruns with the uploader's new state; as the browser's
single-file uploader does, it first DELETEs the file it uploaded before (Streamlit keeps a
session's uploaded files until the session ends unless the page deletes them).
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from bench import wsload

XSRF_COOKIE = "_streamlit_xsrf"


class Refused(RuntimeError):
    """The server answered, but not with what a browser would get (an error of the run)."""


@dataclass
class Session:
    """An open session: its WebSocket, where it is (`query`) and what its last run drew."""

    ws: Any
    base: str  # http://host:port
    timeout_s: float
    cookie: str = ""  # the browser's cookies (a load balancer's route), sent with every request
    query: str = ""
    last: wsload.Run | None = None
    session_id: str = ""
    edits: int = 0
    uploaded: str = ""  # the delete URL of the file this session uploaded last
    _answer_headers: list[str] = field(default_factory=list)

    async def run(self, query: str, widgets: Any = None) -> wsload.Run:
        from streamlit.proto.WidgetStates_pb2 import WidgetStates

        run = await wsload.run_script(self.ws, widgets or WidgetStates(), self.timeout_s, query)
        self.session_id = run.session_id or self.session_id
        # The URL as the page left it (a draft token added, a stale pick dropped).
        self.query = run.query if run.query is not None else query
        self.last = run
        return run

    async def edit(self, note: str) -> wsload.Run:
        """Open the Edit view (with this session's draft, if any) and change one cell: the page
        checks the edited table and keeps it as a draft on the server."""
        from streamlit.proto.WidgetStates_pb2 import WidgetStates

        draft = [p for p in self.query.split("&") if p.startswith("draft=")]
        opened = await self.run("&".join(["view=edit", *draft]))
        grids = [wid for key, wid in opened.widgets.items() if key.startswith("edit_grid")]
        if not grids:
            raise Refused("the Edit view drew no grid")
        widgets = WidgetStates()
        state = widgets.widgets.add()
        state.id = grids[0]
        self.edits += 1
        edited = {
            "edited_rows": {str(self.edits % 20): {"notes": note}},
            "added_rows": [],
            "deleted_rows": [],
        }
        state.string_value = json.dumps(edited)
        return await self.run(self.query, widgets)

    async def download(self, key: str) -> int:
        """Bytes of one of the last run's deferred downloads (built when asked for, as on a click)."""
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        file_id = self.last.downloads.get(key) if self.last else None
        if not file_id:
            raise Refused(f"no download {key!r} on the page")
        message = BackMsg()
        request = message.backend_operation_request
        request.request_id, request.session_id = uuid.uuid4().hex, self.session_id
        request.deferred_file.file_id = file_id
        await self.ws.send(message.SerializeToString())
        answer = ForwardMsg()
        async with asyncio.timeout(self.timeout_s):
            while answer.WhichOneof("type") != "backend_operation_response":
                answer.ParseFromString(await self.ws.recv())
        response = answer.backend_operation_response
        if response.error_msg or not response.deferred_file.url:
            raise Refused(f"download {key}: {response.error_msg[:120] or 'no URL'}")
        came = time.perf_counter()
        try:
            data = await self._http("GET", response.deferred_file.url)
        except Refused as exc:  # how long the file was out there before it was asked for
            raise Refused(f"{exc}, {(time.perf_counter() - came) * 1000:.0f} ms after its URL came") from None
        return len(data)

    async def upload(self, name: str, data: bytes) -> wsload.Run:
        """Open the Data view and upload `data` as `name` through its CSV uploader."""
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
        from streamlit.proto.WidgetStates_pb2 import WidgetStates

        opened = await self.run("view=data")
        uploader = opened.widgets.get("upload_0")
        if uploader is None:
            raise Refused("the Data view drew no uploader")
        message = BackMsg()
        message.file_urls_request.request_id = uuid.uuid4().hex
        message.file_urls_request.session_id = self.session_id
        message.file_urls_request.file_names.append(name)
        await self.ws.send(message.SerializeToString())
        answer = ForwardMsg()
        async with asyncio.timeout(self.timeout_s):
            while answer.WhichOneof("type") != "file_urls_response":
                answer.ParseFromString(await self.ws.recv())
        urls = answer.file_urls_response.file_urls[0]
        if self.uploaded:
            await self._http("DELETE", self.uploaded)
        self.uploaded = urls.delete_url
        boundary = uuid.uuid4().hex
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
        body = f"{head}Content-Type: text/csv\r\n\r\n".encode() + data + f"\r\n--{boundary}--\r\n".encode()
        await self._http("PUT", urls.upload_url, body, boundary)
        widgets = WidgetStates()
        state = widgets.widgets.add()
        state.id = uploader
        info = state.file_uploader_state_value.uploaded_file_info.add()
        info.file_id, info.name, info.size = urls.file_id, name, len(data)
        info.file_urls.CopyFrom(urls)
        return await self.run(self.query, widgets)

    async def _http(self, method: str, path: str, body: bytes = b"", boundary: str = "") -> bytes:
        """One HTTP/1.1 request on the event loop, sent at once (a browser fetches a download the
        moment its URL arrives; a thread hop here would add the client's own delay)."""
        headers = {"Host": self.base.removeprefix("http://"), "Connection": "close"}
        cookies = [self.cookie] if self.cookie else []
        if method in ("PUT", "DELETE"):  # the XSRF double submit a browser makes: cookie and header agree
            xsrf = await self._xsrf()
            cookies.append(f"{XSRF_COOKIE}={xsrf}")
            headers["X-Xsrftoken"] = xsrf
        if boundary:
            headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
        if cookies:
            headers["Cookie"] = "; ".join(cookies)
        if body:
            headers["Content-Length"] = str(len(body))
        head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        status, answer, response = await self._exchange(
            f"{method} {path} HTTP/1.1\r\n{head}\r\n".encode() + body
        )
        if status not in (200, 204):
            raise Refused(f"{method} {path.split('?')[0][:40]}: HTTP {status}")
        self._answer_headers = answer
        return response

    async def _exchange(self, request: bytes) -> tuple[int, list[str], bytes]:
        host, port = self.base.removeprefix("http://").rsplit(":", 1)
        async with asyncio.timeout(self.timeout_s):
            reader, writer = await asyncio.open_connection(host, int(port))
            try:
                writer.write(request)
                await writer.drain()
                raw = await reader.read()
            finally:
                writer.close()
        head, _, body = raw.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        return int(lines[0].split()[1]), lines[1:], body

    async def _xsrf(self) -> str:
        await self._http("GET", "/_stcore/health")
        for line in self._answer_headers:
            name, _, value = line.partition(":")
            if name.lower() == "set-cookie" and value.strip().startswith(f"{XSRF_COOKIE}="):
                return value.strip().split(";", 1)[0].split("=", 1)[1]
        raise Refused("the server set no XSRF cookie")


async def open_session(
    base: str, timeout_s: float, *, query: str = "", cookie: str = "", tag: str = ""
) -> Session:
    """A new session whose first run opens `query`, as a browser tab opening that link does.
    `tag` goes on the stream's URL, which Streamlit ignores and nginx's access log shows."""
    import websockets
    from websockets.typing import Subprotocol

    ws = await websockets.connect(
        base.replace("http://", "ws://") + "/_stcore/stream" + (f"?{tag}" if tag else ""),
        subprotocols=[Subprotocol("streamlit")],
        max_size=None,
        open_timeout=timeout_s,
        additional_headers={"Cookie": cookie} if cookie else None,
    )
    session = Session(ws, base, timeout_s, cookie)
    try:
        await session.run(query)
    except BaseException:
        await ws.close()
        raise
    return session


def problem(exc: BaseException) -> str:
    """One line for an error of the run."""
    text = str(exc).splitlines()[0][:200] if str(exc) else ""
    return f"{type(exc).__name__}: {text}"
