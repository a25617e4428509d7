"""`scripts/serve --replicas N [--port P]`: N Streamlit processes on loopback behind one nginx.

Starts the replicas on free 127.0.0.1 ports, writes nginx.conf (deploy/nginx.py) into a run
directory of its own (pid, logs, temp files; no system configuration is read or touched), starts
nginx in the foreground as the invoking user, waits until every replica and nginx answer
`/_stcore/health`, and then watches them: a replica that exits is started again on its port
(nginx sends its requests to the others meanwhile); if nginx exits, everything stops. Ctrl-C,
SIGTERM or SIGHUP stop nginx first, then the replicas, each by its own process id.

Exit codes: 0 stopped by a signal, 1 a process failed or never became healthy, 2 no nginx or a
bad argument.
"""

from __future__ import annotations

import argparse
import ctypes
import grp
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import BinaryIO

from deploy.nginx import Settings, bind_address, config, frame_ancestors

ROOT = Path(__file__).resolve().parent.parent
LOOPBACK = "127.0.0.1"
MAX_REPLICAS = 64
RESTART_PAUSE_S = 5.0  # a replica that keeps failing is restarted at most this often
PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """In the child, before exec: be sent SIGTERM if this supervisor dies (even by SIGKILL), so no
    replica or nginx outlives it. The children run in sessions of their own, so a Ctrl-C in the
    terminal reaches only the supervisor, which stops them in order."""
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((LOOPBACK, 0))
        return int(s.getsockname()[1])


def healthy(url: str) -> bool:
    """Streamlit's health endpoint answers `ok` once the server takes sessions."""
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return bool(response.read().decode().strip() == "ok")
    except (urllib.error.URLError, OSError):
        return False


def _port(value: str) -> int:
    port = int(value)
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a TCP port")
    return port


def _replicas(value: str) -> int:
    count = int(value)
    if not 1 <= count <= MAX_REPLICAS:
        raise argparse.ArgumentTypeError(f"replicas must be 1 to {MAX_REPLICAS}")
    return count


def _checked(check: Callable[[str], str]) -> Callable[[str], str]:
    """An argparse type from a checker that raises ValueError with the reason."""

    def parse(value: str) -> str:
        try:
            return check(value)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return parse


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="scripts/serve", description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=_replicas, default=2, help="Streamlit processes (default 2)")
    parser.add_argument("--port", type=_port, default=8501, help="nginx's port (default 8501)")
    parser.add_argument(
        "--bind",
        type=_checked(bind_address),
        default=LOOPBACK,
        help="address nginx listens on (default 127.0.0.1; 0.0.0.0 for every interface)",
    )
    parser.add_argument(
        "--frame-ancestors",
        type=_checked(frame_ancestors),
        default="'self'",
        help="who may show the page in a frame: CSP frame-ancestors sources (default 'self'; "
        "e.g. \"'self' https://intranet.example.nl\", or 'none')",
    )
    parser.add_argument(
        "--secure-cookie",
        action="store_true",
        help="mark the route cookie Secure (when browsers reach the page over HTTPS, e.g. via a proxy)",
    )
    parser.add_argument(
        "--run-dir", type=Path, help="for nginx.conf, pid, logs and temp files (default: a new temporary one)"
    )
    parser.add_argument("--app", type=Path, default=ROOT / "dashboard.py", help="the Streamlit script")
    parser.add_argument("--timeout", type=float, default=180.0, help="seconds to wait for health")
    return parser.parse_args(argv)


@dataclass
class Replica:
    """One Streamlit server on a loopback port, and how to start it again."""

    index: int
    port: int
    app: Path
    log: Path
    env: dict[str, str]
    process: subprocess.Popen[bytes] | None = None
    started_at: float = field(default=0.0)

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    def returncode(self) -> int | None:
        return None if self.process is None else self.process.returncode

    def start(self) -> None:
        command = [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(self.app),
            "--server.address",
            LOOPBACK,
            "--server.port",
            str(self.port),
            "--server.headless",
            "true",
            "--server.fileWatcherType",
            "none",
            "--browser.gatherUsageStats",
            "false",
        ]
        with self.log.open("ab") as out:
            self.process = spawn(command, out, self.env)
        self.started_at = time.monotonic()


def spawn(command: list[str], out: BinaryIO, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        command,
        cwd=ROOT,  # Streamlit reads .streamlit/config.toml from here: XSRF and CORS stay on
        stdout=out,
        stderr=subprocess.STDOUT,
        env=env,
        start_new_session=True,
        preexec_fn=_die_with_parent,  # safe: the supervisor runs a single thread
    )


def stop(process: subprocess.Popen[bytes] | None, how: int = signal.SIGTERM) -> None:
    """Signal one child by its pid and wait for it; SIGKILL after 15 s."""
    if process is None or process.poll() is not None:
        return
    process.send_signal(how)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=15)


def worker_user() -> tuple[str, str] | None:
    """nginx started as root would run its workers as `nobody`; keep them the invoking user's."""
    if os.geteuid() != 0:
        return None
    return pwd.getpwuid(os.geteuid()).pw_name, grp.getgrgid(os.getegid()).gr_name


class Fleet:
    """The replicas and nginx of one `scripts/serve` run."""

    def __init__(self, args: argparse.Namespace, run_dir: Path, nginx: str) -> None:
        env = {**os.environ, "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32)}
        # One cookie secret for all replicas: an XSRF token made by one is accepted by the others.
        self.replicas = [
            Replica(i, free_port(), args.app.resolve(), run_dir / f"replica-{i}.log", env)
            for i in range(args.replicas)
        ]
        self.settings = Settings(
            run_dir=run_dir,
            replica_ports=[r.port for r in self.replicas],
            port=args.port,
            bind=args.bind,
            frame_ancestors=args.frame_ancestors,
            secure_cookie=args.secure_cookie,
            user=worker_user(),
        )
        self.nginx_binary = nginx
        self.nginx: subprocess.Popen[bytes] | None = None
        self.conf = run_dir / "nginx.conf"

    @property
    def url(self) -> str:
        host = LOOPBACK if self.settings.bind in ("0.0.0.0", "[::]") else self.settings.bind
        return f"http://{host}:{self.settings.port}"

    def nginx_command(self, *extra: str) -> list[str]:
        run = str(self.settings.run_dir)
        return [self.nginx_binary, "-p", run, "-c", str(self.conf), "-e", f"{run}/error.log", *extra]

    def start_replicas(self) -> None:
        self.conf.write_text(config(self.settings), encoding="utf-8")
        check = subprocess.run(self.nginx_command("-t", "-q"), capture_output=True, text=True, check=False)
        if check.returncode != 0:
            raise RuntimeError(f"nginx refused {self.conf}: {check.stderr.strip()}")
        for replica in self.replicas:
            replica.start()

    def start_nginx(self) -> None:
        """After the replicas are healthy, so the first visitors get pages, not 502s."""
        with (self.settings.run_dir / "nginx.out").open("ab") as out:
            self.nginx = spawn(self.nginx_command(), out)

    def failed(self) -> str | None:
        """Why the fleet cannot serve (nginx exited), or None; restarts replicas that exited."""
        if self.nginx is None or self.nginx.poll() is not None:
            return f"nginx exited; see {self.settings.run_dir / 'error.log'}"
        for replica in self.replicas:
            process = replica.process
            exited = process is not None and process.poll() is not None
            if exited and time.monotonic() - replica.started_at >= RESTART_PAUSE_S:
                log(f"replica {replica.index} exited ({replica.returncode()}); starting it again")
                replica.start()
        return None

    def wait_healthy(self, urls: list[str], timeout_s: float, stopping: threading.Event) -> str | None:
        """None once every URL answers the health check; else why not (a process exited, time)."""
        deadline = time.monotonic() + timeout_s
        pending = list(urls)
        while pending and not stopping.is_set():
            for replica in self.replicas:
                if replica.process is not None and replica.process.poll() is not None:
                    return f"replica {replica.index} exited while starting; see {replica.log}"
            if self.nginx is not None and self.nginx.poll() is not None:
                return f"nginx exited while starting; see {self.settings.run_dir / 'error.log'}"
            pending = [url for url in pending if not healthy(url)]
            if pending and time.monotonic() > deadline:
                return f"not healthy after {timeout_s:.0f} s: {', '.join(pending)}"
            stopping.wait(0.2)
        return None

    def start(self, timeout_s: float, stopping: threading.Event) -> str | None:
        """Replicas, then nginx, each waited for; None when the whole fleet serves."""
        deadline = time.monotonic() + timeout_s
        self.start_replicas()
        problem = self.wait_healthy([r.url for r in self.replicas], timeout_s, stopping)
        if problem or stopping.is_set():
            return problem
        self.start_nginx()
        return self.wait_healthy([self.url], max(5.0, deadline - time.monotonic()), stopping)

    def stop(self) -> None:
        stop(self.nginx, signal.SIGTERM)  # fast shutdown: open WebSockets are closed
        for replica in self.replicas:
            stop(replica.process)


def find_nginx() -> str | None:
    """nginx on PATH, or where Debian puts it (/usr/sbin is not on a normal user's PATH)."""
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.access(p, os.X_OK)), None
    )


def log(message: str) -> None:
    print(f"serve: {message}", file=sys.stderr, flush=True)


def serve(args: argparse.Namespace, run_dir: Path, nginx: str) -> int:
    stopping = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stopping.set()

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, on_signal)
    fleet = Fleet(args, run_dir, nginx)
    try:
        problem = fleet.start(args.timeout, stopping)
        if problem is None and not stopping.is_set():
            ports = ", ".join(str(r.port) for r in fleet.replicas)
            print(f"serving {fleet.url} with {len(fleet.replicas)} replicas (ports {ports})", flush=True)
            log(f"logs in {run_dir}; Ctrl-C stops")
        while problem is None and not stopping.wait(1.0):
            problem = fleet.failed()
    except RuntimeError as exc:
        problem = str(exc)
    finally:
        fleet.stop()
    if problem:
        log(problem)
        return 1
    log("stopped")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    nginx = find_nginx()
    if nginx is None:
        log("no nginx found (Debian: sudo apt-get install nginx)")
        return 2
    if args.run_dir is not None:
        args.run_dir.mkdir(parents=True, exist_ok=True)
        return serve(args, args.run_dir.resolve(), nginx)
    with tempfile.TemporaryDirectory(prefix="funding-serve-") as tmp:
        return serve(args, Path(tmp), nginx)


if __name__ == "__main__":
    raise SystemExit(main())
