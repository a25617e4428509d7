"""`python -m bench`: speed, scaling, cold start, memory and a load test, as ratios measured in one run.

Run from the project root (see bench/README.md). Prints a Markdown report and writes JSON to
bench/results/latest.json (and the Markdown next to it). Everything is bounded in time and talks
to 127.0.0.1 only. Parts that need dashboard.py or chromium are reported as skipped without them.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import datetime as dt
import gc
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import report, report_targets, rooms, synth, targets, validate_cli  # noqa: E402

RESULTS = ROOT / "bench" / "results"
BASELINE = ROOT / "bench" / "baseline_app.py"
DASHBOARD = ROOT / "dashboard.py"
SHIPPED = ROOT / "data" / "funding.csv"
SIZES = (100, 100_000)  # the targets' two cases; --sizes adds 1000,10000
LOAD_TARGET_ROWS = 100_000


def load_runs(rows: int) -> int:
    """Timed loads per file: many for small files, 3 for 100,000 rows (~5 s each)."""
    return 15 if rows <= 100 else 9 if rows <= 1_000 else 5 if rows <= 10_000 else 3


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="synthetic row counts")
    parser.add_argument("--reruns", type=int, default=8, help="timed AppTest reruns per app and size")
    parser.add_argument("--cold-runs", type=int, default=3, help="cold starts per app")
    parser.add_argument("--sessions", type=int, default=20, help="browser sessions for memory and load")
    parser.add_argument(
        "--changes", type=int, default=0, help="filter changes per checkbox load-test client (0: skip it)"
    )
    parser.add_argument(
        "--browser-changes",
        type=int,
        default=0,
        help="filter changes in the single-page browser check (0: skip)",
    )
    parser.add_argument(
        "--browser-sessions",
        type=int,
        default=0,
        help="also open N real pages for memory (slow on 2 cores; the WebSocket sessions measure it)",
    )
    parser.add_argument(
        "--room-sessions", default="20,50,100", help="room sizes for the multi-URL load test (sessions)"
    )
    parser.add_argument(
        "--room-urls",
        type=int,
        default=0,
        help="links each room session opens per phase (0: 100 per room)",
    )
    parser.add_argument(
        "--view-reruns", type=int, default=8, help="fresh selections per view (bench.figure_views)"
    )
    parser.add_argument(
        "--view-think-s", type=float, default=4.0, help="pause before each click, worker on (0: skip)"
    )
    parser.add_argument("--think-s", type=float, default=3.0, help="mean pause between links (think time)")
    parser.add_argument("--nginx-sessions", type=int, default=100, help="sessions through nginx")
    parser.add_argument("--nginx-urls", type=int, default=2, help="links each session opens through nginx")
    parser.add_argument(
        "--replica-rows", type=int, default=100_000, help="rows of the replica of the shipped rows"
    )
    parser.add_argument("--no-rooms", action="store_true", help="skip the multi-URL and nginx load tests")
    parser.add_argument("--budget", type=float, default=600, help="seconds for the whole run (soft)")
    parser.add_argument("--no-browser", action="store_true", help="skip cold start, memory, load test")
    parser.add_argument("--quick", action="store_true", help="smoke run: small sizes, few repeats")
    parser.add_argument("--out", type=Path, default=RESULTS / "latest.json")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.reruns, args.cold_runs, args.sessions, args.changes = "100", 3, 1, 3, 0
        args.browser_changes, args.view_reruns, args.view_think_s = 0, 2, 1.0
        args.room_sessions, args.room_urls, args.think_s = "2", 3, 0.05
        args.nginx_sessions, args.nginx_urls, args.replica_rows = 6, 2, 10_000
    args.size_list = [int(s) for s in args.sizes.split(",") if s.strip()]
    args.room_list = [int(s) for s in args.room_sessions.split(",") if s.strip()]
    return args


def machine() -> dict[str, Any]:
    def version(package: str) -> str:
        try:
            from importlib.metadata import version as v

            return v(package)
        except Exception:
            return "?"

    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "commit": commit + ("+changes" if dirty else ""),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average_start": os.getloadavg(),
        "streamlit": version("streamlit"),
        "plotly": version("plotly"),
        "pydantic": version("pydantic"),
        "pandas": version("pandas"),
        "command": "python -m bench " + " ".join(sys.argv[1:]),
    }


def count_rows(path: Path) -> int:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return sum(1 for _ in csv.DictReader(f))


# ---------------------------------------------------------------------------------------------
# Load + validate, in this process, round-robin over the sizes so drift hits every size alike


def reference_load(path: Path, known: tuple[str, ...]) -> int:
    """The loader's reference way, as the whole loader worked before column-wise validation:
    the csv module row by row and the pydantic model on every row (`funding.intake.table.csv_table`,
    `funding.registry.loading.check_row`, the same cross-row rules). Timed next to the loader, it gives a
    same-run ratio for a target first measured on another day and machine load."""
    from funding.base.errors import ProblemLog
    from funding.intake.table import COLUMN_ORDER, csv_table
    from funding.registry.dataset import Dataset
    from funding.registry.dataset_rules import dataset_problems
    from funding.registry.loading import check_row

    text = path.read_bytes().decode("utf-8-sig")
    header = [h.strip() for h in next(csv.reader(io.StringIO(text[: text.find("\n")])))]
    log = ProblemLog(COLUMN_ORDER)
    table = csv_table(text, ",", header, log)
    if table is None:
        raise RuntimeError(f"{path}: the reference reading refused the file")
    records = [check_row(table.row(i), table.lines[i], ",", log) for i in range(len(table))]
    valid_lines = [line for record, line in zip(records, table.lines, strict=True) if record]
    dataset_problems(table, valid_lines, Dataset(tuple(r for r in records if r is not None)), known)
    if len(log):
        raise RuntimeError(f"{path}: the reference found {len(log)} problems")
    return len(records)


def measure_load(files: dict[str, tuple[int, Path]], deadline: float) -> list[dict[str, Any]]:
    import pandas as pd

    from funding.registry.documents import load_documents
    from funding.registry.loading import load_dataset

    known = tuple(load_documents())
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in files}
    pandas_s: dict[str, list[float]] = {name: [] for name in files}
    for _, path in files.values():  # warm-up: imports, caches, page cache
        load_dataset(path, known_documents=known, max_bytes=None)
        pd.read_csv(path, encoding="utf-8-sig")
    rounds = max(load_runs(n) for n, _ in files.values())
    for i in range(rounds):
        for name, (n, path) in files.items():
            if i >= load_runs(n) or (i >= 1 and time.monotonic() > deadline):
                continue
            gc.collect()  # the previous dataset's garbage is not this run's cost
            wall, cpu = time.perf_counter(), time.process_time()
            dataset = load_dataset(path, known_documents=known, max_bytes=None)
            samples[name].append((time.perf_counter() - wall, time.process_time() - cpu))
            if len(dataset.records) != n:
                raise RuntimeError(f"{name}: loaded {len(dataset.records)} rows, expected {n}")
            del dataset
            gc.collect()
            wall = time.perf_counter()
            pd.read_csv(path, encoding="utf-8-sig")  # what the baseline app does with the file
            pandas_s[name].append(time.perf_counter() - wall)
    reference: dict[str, list[float]] = {name: [] for name in files}
    for name, (n, path) in files.items():  # fewer runs: it takes seconds at 100,000 rows
        if name.startswith("replica"):  # the per-row model is the synthetic target's yardstick
            continue
        for _ in range(max(1, load_runs(n) // 3)):
            gc.collect()
            wall = time.perf_counter()
            reference_load(path, known)
            reference[name].append(time.perf_counter() - wall)
    out = []
    for name, (n, path) in files.items():
        walls = [w for w, _ in samples[name]]
        cpus = [c for _, c in samples[name]]
        out.append(
            {
                "dataset": name,
                "rows": n,
                "file_mb": path.stat().st_size / 1e6,
                "runs": len(walls),
                "median_s": statistics.median(walls),
                "min_s": min(walls),
                "cpu_median_s": statistics.median(cpus),
                "pandas_read_csv_median_s": statistics.median(pandas_s[name]),
                "reference_median_s": statistics.median(reference[name]) if reference[name] else None,
                "reference_runs": len(reference[name]),
            }
        )
    return out


# ---------------------------------------------------------------------------------------------
# AppTest reruns: one worker process per dataset, baseline and dashboard interleaved inside it


def measure_reruns(
    files: dict[str, tuple[int, Path]], reruns: int, deadline: float, log: Any
) -> list[dict[str, Any]]:
    out = []
    for name, (n, path) in files.items():
        remaining = deadline - time.monotonic()
        entry: dict[str, Any] = {"dataset": name, "rows": n}
        if remaining < 30:
            entry["skipped"] = "out of time budget"
            out.append(entry)
            continue
        budget = min(240.0, max(20.0, remaining * 0.4))
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
        if name != "shipped":
            env["FUNDING_DATA"] = str(path)
        command = [
            sys.executable,
            "-m",
            "bench.apptest_worker",
            "--reruns",
            str(reruns),
            "--budget",
            f"{budget:.0f}",
            "--timeout",
            "300",
        ]
        log(f"reruns: {name} ({n} rows), budget {budget:.0f} s")
        try:
            result = subprocess.run(
                command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=budget + 400
            )
            data = json.loads(result.stdout) if result.returncode == 0 else None
        except (subprocess.TimeoutExpired, json.JSONDecodeError) as exc:
            data, result = None, None
            entry["skipped"] = f"worker failed: {type(exc).__name__}"
        if data is None:
            entry.setdefault("skipped", "worker failed: " + (result.stderr.strip()[-300:] if result else ""))
        else:
            for app, values in data.items():
                entry[app] = {k: v for k, v in values.items() if k not in ("times_ms", "cpu_ms")}
                entry[app]["samples_ms"] = [round(x, 1) for x in values["times_ms"]]
            if "dashboard" not in data:
                entry["dashboard"] = {"skipped": "dashboard.py not present"}
        out.append(entry)
    return out


# ---------------------------------------------------------------------------------------------


def _skipped(exc: Exception) -> dict[str, str]:
    return {"skipped": f"{type(exc).__name__}: {str(exc).splitlines()[0][:300] if str(exc) else ''}"}


def _load_tests(
    args: argparse.Namespace, have_dashboard: bool, deadline: float, log: Any
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The room (sessions moving through shared links, both apps) and the same through nginx
    with one and two replicas (dashboard only)."""
    if args.no_rooms or not have_dashboard:
        why = {"skipped": "--no-rooms" if args.no_rooms else "dashboard.py not present"}
        return why, why
    sizes = ", ".join(f"{n} x {rooms.links_per_session(n, args.room_urls)}" for n in args.room_list)
    log(f"room: {sizes} sessions x links, flat out and with {args.think_s} s think time")
    room = asyncio.run(
        rooms.rooms(
            {"baseline": BASELINE, "dashboard": DASHBOARD},
            levels=args.room_list,
            urls=args.room_urls,
            think_s=args.think_s,
            timeout_s=180,
            settle_s=0.5 if args.quick else 1.0,
            deadline=deadline + 120,
        )
    )
    log(f"nginx: {args.nginx_sessions} sessions x {args.nginx_urls} links on 1 and 2 replicas")
    pair = asyncio.run(
        rooms.nginx_pair(
            sessions=args.nginx_sessions, urls=args.nginx_urls, timeout_s=180, deadline=deadline + 240
        )
    )
    return {"urls": len(rooms.URLS), "think_s": args.think_s, **room}, pair


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--soak" in argv:  # a run of its own, with its own results (bench/soak.py)
        from bench import soak

        return soak.main([a for a in argv if a != "--soak"])
    args = parse_args(argv)
    started = time.monotonic()
    deadline = started + args.budget

    def log(message: str) -> None:
        print(f"[bench {time.monotonic() - started:5.0f} s] {message}", file=sys.stderr, flush=True)

    results: dict[str, Any] = {"meta": machine()}
    have_dashboard = DASHBOARD.exists()
    with tempfile.TemporaryDirectory(prefix="funding-bench-") as tmp:
        folder = Path(tmp)
        # The dashboard reads dataset.json next to its CSV.
        if (SHIPPED.parent / "dataset.json").exists():
            shutil.copy(SHIPPED.parent / "dataset.json", folder / "dataset.json")
        files: dict[str, tuple[int, Path]] = {}
        if SHIPPED.exists():
            files["shipped"] = (count_rows(SHIPPED), SHIPPED)
        for n in args.size_list:
            log(f"generating {n} synthetic rows")
            files[str(n)] = (n, synth.write(folder / f"funding-{n}.csv", n))
        results["meta"]["synthetic_bytes_per_row"] = {
            name: round(path.stat().st_size / max(n, 1)) for name, (n, path) in files.items()
        }

        # The load target is absolute at 100,000 rows and a load costs about a second now, so
        # that size is always loaded, also in a --quick run (its reruns stay as asked).
        loads = dict(files)
        if str(LOAD_TARGET_ROWS) not in loads:
            log(f"generating {LOAD_TARGET_ROWS} synthetic rows (load + validate only)")
            path = synth.write(folder / f"funding-{LOAD_TARGET_ROWS}.csv", LOAD_TARGET_ROWS)
            loads[str(LOAD_TARGET_ROWS)] = (LOAD_TARGET_ROWS, path)
        log(f"replica of the shipped rows: about {args.replica_rows} rows")
        replica = synth.write(folder / "replica.csv", args.replica_rows, replica=True)
        loads[f"replica-{args.replica_rows}"] = (count_rows(replica), replica)
        log("load + validate")
        results["load_validate"] = measure_load(loads, started + args.budget * 0.25)
        log("python -m funding validate: shipped file and replica")
        results["validate_cli"] = validate_cli.measure(
            {"shipped": SHIPPED, "replica": replica}, 1 if args.quick else 3
        )
        results["validate_cli"]["replica"]["rows"] = loads[f"replica-{args.replica_rows}"][0]
        results["validate_cli"]["shipped"]["rows"] = files["shipped"][0] if "shipped" in files else None

        log("AppTest reruns")
        copies = f"replica-{args.replica_rows}"
        results["rerun"] = measure_reruns(
            files | {copies: loads[copies]}, args.reruns, deadline - (0 if args.no_browser else 200), log
        )
    results["views"] = targets.measure_views(args.view_reruns, args.view_think_s, log)

    from bench import browser

    if args.no_browser:
        results["browser"] = {"skipped": "--no-browser"}
    else:
        log("browser: cold start, one page changing a filter")
        try:
            results["browser"] = asyncio.run(
                asyncio.wait_for(
                    browser.run_all(
                        baseline=BASELINE,
                        dashboard=DASHBOARD if have_dashboard else None,
                        cold_runs=args.cold_runs,
                        browser_changes=args.browser_changes,
                        browser_sessions=args.browser_sessions,
                        deadline=deadline - 90,
                        load_timeout_s=150,
                    ),
                    timeout=max(120.0, deadline - time.monotonic() + 120),
                )
            )
        except Exception as exc:  # never lose the rest of the results to a browser problem
            results["browser"] = _skipped(exc)
    servers = (("ws_load", DASHBOARD, ""), ("ws_load_baseline", BASELINE, " on the baseline"))
    for key, app, which in (servers if have_dashboard else servers[1:]) if args.changes else ():
        log(f"load test{which}: {args.sessions} WebSocket sessions x {args.changes} filter changes")
        try:
            results["browser"][key] = asyncio.run(
                browser.ws_load(app, sessions=args.sessions, changes=args.changes, timeout_s=180)
            )
        except Exception as exc:  # never lose the rest of the results to one failed run
            results["browser"][key] = _skipped(exc)
    if not have_dashboard or not args.changes:
        why = "dashboard.py not present" if args.changes else "--changes 0 (the room measures load)"
        results["browser"]["ws_load"] = {"skipped": why}
    results["rooms"], results["nginx"] = _load_tests(args, have_dashboard, deadline, log)
    results["meta"]["load_average_end"] = os.getloadavg()
    results["meta"]["elapsed_s"] = round(time.monotonic() - started, 1)
    results["targets"] = report_targets.targets(results)
    markdown = report.markdown(results)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    for path, text in ((args.out, json.dumps(results, indent=1)), (args.out.with_suffix(".md"), markdown)):
        partial = path.with_name(path.name + ".tmp")
        partial.write_text(text + "\n", encoding="utf-8")
        partial.replace(path)
    print(markdown)
    log(f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
