"""`scripts/serve`: the generated nginx configuration, and two replicas behind nginx for real.

The plain tests read the configuration as text; the `subprocess` ones start nginx (`nginx -t`,
then `scripts/serve --replicas 2`, one of whose replicas is killed under load, driven by
bench/replica_kill.py) and are skipped where nginx is not installed.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import os
import re
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import pytest
from browser_support import DESKTOP, free_port, open_app
from fixtures import ROOT, fixture_csv

from bench import replica_kill, wsload
from deploy.nginx import ROUTE_COOKIE, Settings, bind_address, config, frame_ancestors, frame_headers
from deploy.serve import find_nginx

NGINX = find_nginx()
T = TypeVar("T")
needs_nginx = pytest.mark.skipif(NGINX is None, reason="no nginx (sudo apt-get install nginx)")


def settings(run_dir: Path, **changes: object) -> Settings:
    base = {"run_dir": run_dir, "replica_ports": [9101, 9102, 9103], "port": 9100}
    return Settings(**{**base, **changes})  # type: ignore[arg-type]


def test_embedding_headers_follow_frame_ancestors() -> None:
    assert frame_headers("'self'") == [
        ("Content-Security-Policy", "frame-ancestors 'self'"),
        ("X-Frame-Options", "SAMEORIGIN"),
    ]
    assert frame_headers("'none'") == [
        ("Content-Security-Policy", "frame-ancestors 'none'"),
        ("X-Frame-Options", "DENY"),
    ]
    # A wider list has no X-Frame-Options equivalent: sending SAMEORIGIN would forbid it.
    wider = frame_ancestors("'self'   https://intranet.example.nl")
    assert frame_headers(wider) == [
        ("Content-Security-Policy", "frame-ancestors 'self' https://intranet.example.nl")
    ]


@pytest.mark.parametrize(
    "value",
    ["", "'self'; script-src *", "https://a.example/$host", '"x"', "'none' 'self'", "'unsafe-inline'"],
)
def test_frame_ancestors_refuses_what_could_break_out_of_the_header(value: str) -> None:
    with pytest.raises(ValueError):
        frame_ancestors(value)


def test_bind_addresses() -> None:
    assert bind_address("0.0.0.0") == "0.0.0.0"
    assert bind_address("::1") == "[::1]"
    assert bind_address("dashboard.internal") == "dashboard.internal"
    for bad in ("a b", "host;", "-x", ""):
        with pytest.raises(ValueError):
            bind_address(bad)


def test_config_keeps_every_path_in_the_run_directory(tmp_path: Path) -> None:
    text = config(settings(tmp_path))
    paths = re.findall(r"(?<![\w:/])/[\w./-]+", text)
    # pid, error log, access log and five temp paths (client_body, proxy, fastcgi, uwsgi, scgi)
    assert len(paths) == 8
    assert all(Path(p).is_relative_to(tmp_path) for p in paths)
    assert "include" not in text
    assert "user " not in text
    assert re.search(r"^user alice staff;$", config(settings(tmp_path, user=("alice", "staff"))), re.M)


def test_config_balances_on_the_route_cookie_over_every_replica(tmp_path: Path) -> None:
    text = config(settings(tmp_path, bind="0.0.0.0", secure_cookie=True))
    upstream = text.split("upstream streamlit {", 1)[1].split("}", 1)[0]
    assert "hash $route consistent;" in upstream
    assert "ip_hash" not in text
    assert re.findall(r"server 127\.0\.0\.1:(\d+)", upstream) == ["9101", "9102", "9103"]
    assert "listen 0.0.0.0:9100;" in text
    assert f"$cookie_{ROUTE_COOKIE}" in text
    assert "Path=/; HttpOnly; SameSite=Lax; Secure" in text
    assert "Secure" not in config(settings(tmp_path))
    # Uploads of up to 5 MiB (the page's limit) pass with their framing: 5 MiB + 1 MiB = 6,291,456.
    assert "client_max_body_size 6291456;" in text


@pytest.mark.subprocess
@needs_nginx
def test_nginx_accepts_the_generated_config(tmp_path: Path) -> None:
    conf = tmp_path / "nginx.conf"
    conf.write_text(config(settings(tmp_path, frame_ancestors="'self' https://intranet.example.nl")))
    command = [
        str(NGINX),
        "-t",
        "-q",
        "-p",
        str(tmp_path),
        "-c",
        str(conf),
        "-e",
        str(tmp_path / "error.log"),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=30, check=False)
    assert result.returncode == 0, result.stderr


def _get(url: str) -> tuple[int, dict[str, str]]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}
    except urllib.error.HTTPError as exc:
        return exc.code, {}
    except (urllib.error.URLError, OSError):
        return 0, {}


def _wait(check: Callable[[], T], what: str, timeout_s: float, serve: subprocess.Popen[bytes]) -> T:
    """Poll `check()` until it returns something truthy; fail when serve exits or time runs out."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        assert serve.poll() is None, f"scripts/serve exited ({serve.returncode}) while waiting for {what}"
        time.sleep(0.2)  # poll interval, not a wait for a state
    pytest.fail(f"timed out waiting for {what}")


def _upstreams(log: Path, request: str) -> list[str]:
    """Replica addresses of the access-log lines for a request (e.g. 'GET /?session=3')."""
    text = log.read_text() if log.exists() else ""
    return re.findall(rf'"{re.escape(request)} HTTP/1\.1" \d+ .* upstream=(\S+)', text)


@contextlib.contextmanager
def serving(run_dir: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`scripts/serve --replicas 2` on a free port, healthy through nginx; stopped by SIGTERM to
    its pid (its process group killed only if it does not stop within a minute)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [
        str(ROOT / "scripts" / "serve"),
        "--replicas",
        "2",
        "--port",
        str(port),
        "--run-dir",
        str(run_dir),
    ]
    with (run_dir / "serve.out").open("wb") as out:
        serve = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        _wait(lambda: _get(f"{url}/_stcore/health")[0] == 200, "health through nginx", 240, serve)
        yield url, serve
    finally:
        serve.send_signal(signal.SIGTERM)
        try:
            serve.wait(timeout=60)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(serve.pid, signal.SIGKILL)
            raise


@pytest.mark.subprocess
@needs_nginx
def test_two_replicas_serve_sessions_each_kept_on_its_own(tmp_path: Path) -> None:
    log = tmp_path / "access.log"
    first: dict[int, str] = {}
    with serving(tmp_path) as (url, serve):
        # Browsers' first request: each gets a route cookie; open sessions until both replicas
        # have one (each lands on either at random, so 16 leave both empty-handed 2 in 65,536).
        cookies: dict[int, str] = {}
        for i in range(16):
            status, headers = _get(f"{url}/?session={i}")
            assert status == 200
            assert headers["x-frame-options"] == "SAMEORIGIN"
            assert headers["content-security-policy"] == "frame-ancestors 'self'"
            cookies[i] = headers["set-cookie"].split(";", 1)[0]
            logged = _wait(partial(_upstreams, log, f"GET /?session={i}"), "the log", 30, serve)
            first[i] = logged[0]
            if i >= 2 and len(set(first.values())) == 2:
                break
        assert len(set(first.values())) == 2

        async def sessions() -> list[str]:
            errors: list[str] = []
            clients = [
                await wsload.connect(url, 120, errors, headers={"Cookie": cookie}, query=f"session={i}")
                for i, cookie in cookies.items()
            ]
            for client in clients:
                if client is not None:
                    await client.ws.close()
            return errors

        # In a thread of its own: a browser test earlier in the session may leave an event loop
        # running in this one (Playwright's sync API), where asyncio.run refuses to start.
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            assert pool.submit(asyncio.run, sessions()).result() == []
        # Each WebSocket (logged when it closes) went to the replica its page came from.
        stream = {
            i: _wait(partial(_upstreams, log, f"GET /_stcore/stream?session={i}"), "the log", 30, serve)
            for i in cookies
        }
        assert stream == {i: [first[i]] for i in cookies}
        # A replica that dies is started again on its port; nginx serves from the other meanwhile.
        address = first[0]
        port = address.rsplit(":", 1)[1]
        pid = replica_kill.replica_pid(serve.pid, port)
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        _wait(
            lambda: replica_kill.replica_pid(serve.pid, port) not in (None, pid), "a new replica", 60, serve
        )
        assert _get(f"{url}/_stcore/health")[0] == 200
        _wait(lambda: _get(f"http://{address}/_stcore/health")[0] == 200, "the restarted replica", 240, serve)
    assert serve.returncode == 0
    for where in {url.removeprefix("http://"), *first.values()}:
        assert _get(f"http://{where}/_stcore/health")[0] == 0  # nothing listens any more


@pytest.mark.browser
@needs_nginx
def test_a_browser_page_and_its_upload_reach_one_replica_through_nginx(tmp_path: Path, browser: Any) -> None:
    """A real page through nginx: its WebSocket passes Streamlit's origin check, its upload the
    XSRF check, and every request it makes (page, scripts, WebSocket, upload) reaches the replica
    its route cookie names."""
    log = tmp_path / "access.log"
    with serving(tmp_path) as (url, serve):
        page = browser.new_context(viewport=DESKTOP, locale="en-GB").new_page()
        try:
            open_app(page, url, "/?view=data", ready="[data-testid='stFileUploader']")
            route = {cookie["name"]: cookie["value"] for cookie in page.context.cookies()}[ROUTE_COOKIE]
            page.locator("input[type=file]").first.set_input_files(
                files=[{"name": "room.csv", "mimeType": "text/csv", "buffer": fixture_csv()}]
            )
            page.get_by_test_id("stAlert").filter(has_text="room.csv").first.wait_for(timeout=60_000)
            assert page.get_by_test_id("stException").count() == 0
        finally:
            page.context.close()
        # The WebSocket is logged once the closed page's connection has ended.
        _wait(partial(_upstreams, log, "GET /_stcore/stream"), "the WebSocket in the log", 30, serve)
    # The page's requests are those routed by its cookie: its first one (whose random route became
    # the cookie) and every later one. Health polls of the supervisor carry no cookie and may
    # interleave with them on a busy machine.
    lines = [line for line in log.read_text().splitlines() if f" route={route} " in line]
    assert any('"GET /?view=data ' in line for line in lines)
    assert any('"GET /_stcore/stream ' in line for line in lines)
    assert any("PUT /_stcore/upload_file/" in line and '" 204 ' in line for line in lines)
    assert len({line.rsplit("upstream=", 1)[1] for line in lines}) == 1


@pytest.mark.subprocess
@needs_nginx
def test_a_killed_replica_costs_only_its_sessions_which_reconnect_with_their_url(tmp_path: Path) -> None:
    """Sessions on both replicas rerun their links; the replica serving the first one (at
    `?level=NL&view=breakdowns`) is killed. Its sessions, and only they, drop; each reconnects
    through nginx to the survivor and is served its link again (the same Selection line and
    charts as before); the survivor's sessions see no error."""
    log = tmp_path / "access.log"
    with serving(tmp_path) as (url, serve):
        run = replica_kill.kill_mid_load(url, serve.pid, log, sessions=4, timeout_s=120)
        # In a thread of its own: a browser test may leave an event loop running in this one.
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            readers, victim = pool.submit(asyncio.run, run).result()
        hit = [r for r in readers if r.replica == victim]
        spared = [r for r in readers if r.replica != victim]
        assert hit[0].index == 0 and hit[0].link == "level=NL&view=breakdowns"
        assert spared, "every reader was on one replica"
        assert [(r.index, r.dropped, r.errors) for r in spared] == [(r.index, False, []) for r in spared]
        for reader in hit:
            assert reader.dropped and reader.errors == [], (reader.index, reader.errors)
            assert reader.after is not None and replica_kill.same_page(reader), reader.index
        first = hit[0].after
        assert first is not None
        assert "Netherlands" in first.selection
        assert {"pick_source_0", "pick_beneficiary_0"} <= set(first.charts)  # the Breakdowns view
        # Each reconnect went through nginx; the last replica nginx tried, which served it, is
        # the survivor (the killed one may be listed first, refused).
        for reader in hit:
            request = f"GET /_stcore/stream?session={reader.index}&reconnect=1"
            (logged,) = _wait(
                partial(replica_kill.upstreams, log, request), "the reconnect in the log", 30, serve
            )
            assert logged.split(", ")[-1] != victim
