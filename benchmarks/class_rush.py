#!/usr/bin/env python
"""Class rush: simulated pupils take the interests test at once against the service run as in production.

Starts gunicorn on a scratch database (SQLite by default, or --database-url for PostgreSQL) and measures:
1. journeys: --pupils pupils in --processes client processes each create a session, save every answer
   one by one, complete and fetch the result (end to end, every endpoint's latency);
2. answer saves at full load: wrk keeps --connections connections busy saving answers of fresh sessions
   for --seconds (answers saved per second, p50/p95/p99, errors);
3. the ceiling: the same wrk load on the cheapest view of the same stack (/api/v1/ping);
4. result pages of finished tests under the same load; 5. PDF reports, two at a time;
6. memory (RSS) of every worker at the end.
wrk (Debian package "wrk") generates the load because a Python client would need more of the two cores
than the server it measures; the script installs it with apt-get when missing. Usage:

    .venv/bin/python benchmarks/class_rush.py [--database-url postgres://postgres@127.0.0.1:5432/karjera_bench]
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


def start_server(database_url: str | None, port: int, workers: int, worker_class: str, threads: int) -> tuple[subprocess.Popen, str]:
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
         "--config", str(ROOT / "scripts" / "gunicorn.conf.py"),
         "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--worker-class", worker_class,
         "--threads", str(threads), "--log-level", "warning"],
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


def ensure_wrk() -> str:
    path = shutil.which("wrk")
    if path:
        return path
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "wrk"], check=True, env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
    return shutil.which("wrk") or "wrk"


def wrk(base: str, script: str, seconds: int, connections: int, threads: int, env: dict) -> dict:
    """Run wrk with one of benchmarks/wrk/*.lua and parse the RESULT line its done() prints."""
    out = subprocess.run(
        [ensure_wrk(), f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
         "-s", str(ROOT / "benchmarks" / "wrk" / script), base],
        capture_output=True, text=True, env=dict(os.environ, THREADS=str(threads), **env), check=True,
    ).stdout
    line = next(l for l in out.splitlines() if l.startswith("RESULT"))
    fields = dict(part.split("=") for part in line.split()[1:])
    figures = {k: float(v) for k, v in fields.items()}
    figures["rate"] = figures["requests"] / figures["seconds"]
    return figures


def make_sessions(base: str, count: int) -> list[dict]:
    client = Client(base)
    sessions = []
    for _ in range(count):
        raw = client.call("create session", "POST", "/api/v1/sessions", {"instrument": "interests", "language": "lv"})
        if raw:
            sessions.append(json.loads(raw))
    return sessions


def worker_memory(server: subprocess.Popen | None) -> list[float]:
    """RSS in MB of each gunicorn worker (the children of the master)."""
    if server is None:
        return []
    sizes = []
    for child in Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split():
        for line in Path(f"/proc/{child}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(int(line.split()[1]) / 1024)
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="use a running server instead of starting one")
    parser.add_argument("--database-url", help="PostgreSQL URL for the started server (default: scratch SQLite)")
    parser.add_argument("--pupils", type=int, default=32, help="pupils taking the whole test end to end")
    parser.add_argument("--processes", type=int, default=4, help="client processes for the end-to-end journeys")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers of the started server")
    parser.add_argument("--worker-class", default="sync")
    parser.add_argument("--threads", type=int, default=1, help="threads per worker (gthread)")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections busy at once")
    parser.add_argument("--seconds", type=int, default=15, help="length of each wrk phase")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--reports", type=int, default=20, help="PDF reports fetched, two at a time")
    args = parser.parse_args()

    server = None
    base = args.url
    if not base:
        server, base = start_server(args.database_url, args.port, args.workers, args.worker_class, args.threads)
    scratch = Path(tempfile.mkdtemp(prefix="karjera-wrk-"))
    try:
        per_process = max(1, args.pupils // args.processes)
        timings, errors, saves, elapsed, finished = run_load(base, args.processes, pupil_worker, per_process)
        # enough fresh sessions that every answer of the saturation phase is a new one (60 per session)
        fresh = make_sessions(base, max(50, int(args.seconds * 2500 / 60)))
        pairs = scratch / "pairs.txt"
        pairs.write_text("".join(f"{s['id']} {item['id']}\n" for item in fresh[0]["items"] for s in fresh))
        wrk_threads = 2
        rush = wrk(base, "save_answers.lua", args.seconds, args.connections, wrk_threads, {"PAIRS_FILE": str(pairs)})
        ping = scratch / "ping.txt"
        ping.write_text("/api/v1/ping\n")
        ceiling = wrk(base, "get_paths.lua", args.seconds, args.connections, wrk_threads, {"PATHS_FILE": str(ping)})
        results = scratch / "results.txt"
        results.write_text("".join(f"/s/{sid}/result/\n" for sid in finished))
        pages = wrk(base, "get_paths.lua", args.seconds, args.connections, wrk_threads, {"PATHS_FILE": str(results)})
        reports = finished[: args.reports]
        pdf, pdf_errors, _, _, _ = run_load(base, 2, pdf_worker, [reports[0::2], reports[1::2]])
        errors += pdf_errors
        timings.update(pdf)
        memory = worker_memory(server)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        if server:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(10)
            shutil.rmtree(server.scratch, ignore_errors=True)

    backend = "given server" if args.url else ("PostgreSQL" if args.database_url else "SQLite")
    stack = "" if args.url else f", gunicorn {args.workers} {args.worker_class} workers × {args.threads} threads"
    print(f"Class rush on {backend}{stack}, load from wrk ({args.connections} connections, {args.seconds} s per phase)")
    print(f"1. journeys: {len(finished)} pupils end to end in {args.processes} clients, {elapsed:.1f} s, "
          f"{saves} answers, errors: {errors}")
    print(f"   {'endpoint':<16} {'count':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for name, values in timings.items():
        print(f"   {name:<16} {len(values):>7} {statistics.median(values):>8.1f} {percentile(values, 95):>8.1f} "
              f"{percentile(values, 99):>8.1f}")
    for label, fig in (("2. answer saves", rush), ("3. trivial view", ceiling), ("4. result page", pages)):
        print(f"{label}: {fig['rate']:.0f} per second, p50 {fig['p50']:.1f} ms, p95 {fig['p95']:.1f} ms, "
              f"p99 {fig['p99']:.1f} ms, errors {int(fig['errors'] + fig['non2xx'])}")
    print(f"answer saves reach {100 * rush['rate'] / ceiling['rate']:.0f}% of the trivial-view ceiling")
    if memory:
        print(f"6. worker memory (RSS): {', '.join(f'{m:.0f}' for m in memory)} MB")


if __name__ == "__main__":
    main()
