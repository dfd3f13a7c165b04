#!/usr/bin/env python
"""Class rush: simulated pupils take the interests test at once against a real server.

Starts gunicorn on a scratch database (SQLite by default, or --database-url for PostgreSQL), lets
--pupils pupils in --processes client processes each create a session, save every answer one by
one, complete, and fetch the result; prints answer saves per second and p50/p95/p99 latency per
endpoint. Usage:

    .venv/bin/python benchmarks/class_rush.py [--pupils 120] [--database-url postgres://...]
    .venv/bin/python benchmarks/class_rush.py --url http://127.0.0.1:8000   # an already running server
"""
from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing as mp
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


class Client:
    def __init__(self, base: str):
        parsed = urllib.parse.urlparse(base)
        self.host, self.port = parsed.hostname, parsed.port or 80
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        self.timings: dict[str, list[float]] = {}
        self.errors = 0

    def call(self, name: str, method: str, path: str, body=None, expect=(200, 201, 204)):
        data = None if body is None else json.dumps(body)
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        for attempt in range(2):
            start = time.perf_counter()
            try:
                self.conn.request(method, path, body=data, headers=headers)
                response = self.conn.getresponse()
                payload = response.read()
            except (ConnectionError, http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
                if attempt:
                    self.errors += 1
                    return None
                continue
            self.timings.setdefault(name, []).append((time.perf_counter() - start) * 1000)
            if response.status not in expect:
                self.errors += 1
                return None
            return payload
        return None


def pupil_worker(base: str, pupils: int, start_at: float, queue) -> None:
    client = Client(base)
    while time.time() < start_at:
        time.sleep(0.005)
    saves = 0
    sessions: list[str] = []
    for n in range(pupils):
        raw = client.call("create session", "POST", "/api/v1/sessions", {"instrument": "interests", "language": "lv"})
        if raw is None:
            continue
        session = json.loads(raw)
        sid = session["id"]
        for i, item in enumerate(session["items"]):
            value = (i * 7 + n) % 5
            if client.call("save answer", "PUT", f"/api/v1/sessions/{sid}/answers/{item['id']}", {"value": value}):
                saves += 1
        client.call("complete", "POST", f"/api/v1/sessions/{sid}/complete")
        client.call("result", "GET", f"/api/v1/sessions/{sid}/result")
        sessions.append(sid)
    queue.put((client.timings, client.errors, saves, sessions))


def pdf_worker(base: str, session_ids: list[str], start_at: float, queue) -> None:
    """Reports are CPU-heavy; they are measured after the rush so that they do not hide its figures."""
    client = Client(base)
    while time.time() < start_at:
        time.sleep(0.005)
    for sid in session_ids:
        client.call("report pdf", "GET", f"/api/v1/sessions/{sid}/report.pdf")
    queue.put((client.timings, client.errors, 0, []))


def trivial_worker(base: str, requests: int, start_at: float, queue) -> None:
    client = Client(base)
    while time.time() < start_at:
        time.sleep(0.005)
    for _ in range(requests):
        client.call("trivial view", "GET", "/api/v1/ping")
    queue.put((client.timings, client.errors, 0, []))


def run_load(base: str, processes: int, target, work) -> tuple[dict, int, int, float, list]:
    """Run `target` in `processes` client processes; `work` is the same for each, or a list of one per process."""
    queue: mp.Queue = mp.Queue()
    start_at = time.time() + 1.0
    shares = work if isinstance(work, list) else [work] * processes
    procs = [mp.Process(target=target, args=(base, share, start_at, queue)) for share in shares]
    for p in procs:
        p.start()
    results = [queue.get() for _ in procs]
    elapsed = time.time() - start_at
    for p in procs:
        p.join()
    timings: dict[str, list[float]] = {}
    errors = saves = 0
    sessions: list[str] = []
    for t, e, s, ids in results:
        errors += e
        saves += s
        sessions += ids
        for name, values in t.items():
            timings.setdefault(name, []).extend(values)
    return timings, errors, saves, elapsed, sessions


def ensure_database(url: str) -> None:
    """Create the benchmark's PostgreSQL database when it does not exist yet."""
    import psycopg

    parsed = urllib.parse.urlparse(url)
    name = parsed.path.lstrip("/")
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def start_server(database_url: str | None, port: int, workers: int) -> tuple[subprocess.Popen, str]:
    scratch = Path(tempfile.mkdtemp(prefix="karjera-bench-"))
    env = dict(os.environ, KARJERA_VAR_DIR=str(scratch), LOG_LEVEL="ERROR")
    if database_url:
        env["DATABASE_URL"] = database_url
    else:
        env.pop("DATABASE_URL", None)
    manage = [PY, str(ROOT / "manage.py")]
    if database_url:
        ensure_database(database_url)
        subprocess.run(manage + ["flush", "--noinput"], env=env, check=False, capture_output=True)
    subprocess.run(manage + ["migrate", "--noinput"], env=env, check=True, capture_output=True)
    subprocess.run(manage + ["load_occupations"], env=env, check=True, capture_output=True)
    subprocess.run(manage + ["collectstatic", "--noinput"], env=env, check=True, capture_output=True)
    server = subprocess.Popen(
        [str(Path(PY).parent / "gunicorn"), "karjera.wsgi:application", "--pythonpath", str(ROOT / "src"),
         "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--worker-class", "gthread", "--threads", "4", "--preload",
         "--log-level", "warning"],
        env=env, cwd=ROOT, start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/api/v1/ping")
            if conn.getresponse().status == 200:
                break
        except OSError:
            time.sleep(0.2)
    else:
        raise SystemExit("server did not start")
    server.scratch = scratch  # type: ignore[attr-defined]
    return server, base


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="use a running server instead of starting one")
    parser.add_argument("--database-url", help="PostgreSQL URL for the started server (default: scratch SQLite)")
    parser.add_argument("--pupils", type=int, default=120)
    parser.add_argument("--processes", type=int, default=8, help="client processes (pupils answering at once)")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers of the started server")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--reports", type=int, default=20, help="PDF reports fetched after the rush, two at a time")
    args = parser.parse_args()

    server = None
    base = args.url
    if not base:
        server, base = start_server(args.database_url, args.port, args.workers)
    try:
        per_process = max(1, args.pupils // args.processes)
        timings, errors, saves, elapsed, sessions = run_load(base, args.processes, pupil_worker, per_process)
        reports = sessions[: args.reports]
        pdf, pdf_errors, _, _, _ = run_load(base, 2, pdf_worker, [reports[0::2], reports[1::2]])
        errors += pdf_errors
        timings.update(pdf)
        trivial, trivial_errors, _, trivial_elapsed, _ = run_load(base, args.processes, trivial_worker, 1000)
    finally:
        if server:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(10)
            shutil.rmtree(server.scratch, ignore_errors=True)

    backend = "given server" if args.url else ("PostgreSQL" if args.database_url else "SQLite")
    print(f"Class rush on {backend}: {per_process * args.processes} pupils in {args.processes} concurrent clients, "
          f"{elapsed:.1f} s")
    print(f"answer saves: {saves} in {elapsed:.1f} s = {saves / elapsed:.0f} per second; errors: {errors}")
    print(f"{'endpoint':<16} {'count':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for name, values in list(timings.items()) + list(trivial.items()):
        print(f"{name:<16} {len(values):>7} {statistics.median(values):>8.1f} {percentile(values, 95):>8.1f} "
              f"{percentile(values, 99):>8.1f}")
    ceiling = len(trivial.get("trivial view", [])) / trivial_elapsed
    print(f"trivial view ceiling: {ceiling:.0f} requests per second (errors: {trivial_errors}); "
          f"answer saves reach {100 * saves / elapsed / ceiling:.0f}% of it")


if __name__ == "__main__":
    main()
