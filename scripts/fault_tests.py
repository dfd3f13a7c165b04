#!/usr/bin/env python
"""Fault tests against the service run as in production (gunicorn on PostgreSQL):

1. PostgreSQL is restarted in the middle of a class rush;
2. a worker is killed with SIGKILL while pupils save answers.

Pupils keep saving answers one by one and retry whatever was not acknowledged. Afterwards every answer
that got a 2xx must be in the database with the acknowledged value, every pupil must have got through,
and the service must answer without having been restarted. Needs a local PostgreSQL that this script may
restart (pg_ctlcluster), so it runs in CI on its own machine, after the test suite:

    .venv/bin/python scripts/fault_tests.py [--database-url postgres://postgres@127.0.0.1:5432/karjera_faults]
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
PORT = 8791


def request(method: str, path: str, body: dict | None = None) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
    try:
        conn.request(method, path, body=None if body is None else json.dumps(body), headers={"Content-Type": "application/json"})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


class Pupil(threading.Thread):
    """Saves every answer of one session, retrying each until it is acknowledged (or time runs out)."""

    def __init__(self, session: dict, deadline: float):
        super().__init__(daemon=True)
        self.session, self.deadline = session, deadline
        self.acknowledged: dict[str, int] = {}
        self.times: list[float] = []
        self.retries = 0
        self.failed_statuses: dict[int, int] = {}

    def run(self):
        for n, item in enumerate(self.session["items"]):
            value = (n * 3 + len(self.session["id"])) % 5
            while time.time() < self.deadline:
                try:
                    status, _ = request("PUT", f"/api/v1/sessions/{self.session['id']}/answers/{item['id']}", {"value": value})
                except OSError:
                    status = 0
                if 200 <= status < 300:
                    self.acknowledged[item["id"]] = value
                    self.times.append(time.time())
                    break
                self.retries += 1
                self.failed_statuses[status] = self.failed_statuses.get(status, 0) + 1
                time.sleep(0.2)
            time.sleep(0.1)  # a pupil reads the next question


def restart_postgres() -> None:
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart", "-m", "fast"], check=True)


def ensure_database(url: str) -> None:
    import psycopg

    parsed = urllib.parse.urlparse(url)
    with psycopg.connect(parsed._replace(path="/postgres").geturl(), autocommit=True) as conn:
        name = parsed.path.lstrip("/")
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=os.environ.get("FAULT_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/karjera_faults"))
    parser.add_argument("--pupils", type=int, default=24)
    args = parser.parse_args()

    import psycopg

    ensure_database(args.database_url)
    scratch = Path(tempfile.mkdtemp(prefix="karjera-faults-"))
    env = dict(os.environ, DATABASE_URL=args.database_url, KARJERA_VAR_DIR=str(scratch), LOG_LEVEL="CRITICAL")
    env.pop("REDIS_URL", None)
    subprocess.run([PY, str(ROOT / "manage.py"), "migrate", "--noinput"], env=env, check=True, capture_output=True)
    server = subprocess.Popen(
        [str(Path(PY).parent / "gunicorn"), "karjera.wsgi:application", "--pythonpath", str(ROOT / "src"),
         "--config", str(ROOT / "scripts" / "gunicorn.conf.py"), "--bind", f"127.0.0.1:{PORT}", "--workers", "3",
         "--log-level", "critical"],
        env=env, cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                if request("GET", "/api/v1/ping")[0] == 200:
                    break
            except OSError:
                time.sleep(0.2)
        sessions = [json.loads(request("POST", "/api/v1/sessions", {"instrument": "interests"})[1]) for _ in range(args.pupils)]
        deadline = time.time() + 90
        pupils = [Pupil(s, deadline) for s in sessions]
        for p in pupils:
            p.start()
        time.sleep(1.0)
        restarted_at = time.time()
        restart_postgres()
        print("PostgreSQL restarted during the rush")
        time.sleep(1.0)
        killed_at = time.time()
        workers = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
        os.kill(int(workers[0]), signal.SIGKILL)
        print(f"worker {workers[0]} killed with SIGKILL")
        for p in pupils:
            p.join()
        alive = server.poll() is None and request("GET", "/api/v1/ping")[0] == 200
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(10)

    acknowledged = {(p.session["id"], item): value for p in pupils for item, value in p.acknowledged.items()}
    with psycopg.connect(args.database_url) as conn:
        stored = {
            (sid, item): value
            for sid, item, value in conn.execute(
                "SELECT session_id, item_id, value FROM assessments_answer WHERE session_id = ANY(%s)", ([s["id"] for s in sessions],)
            )
        }
    lost = [key for key, value in acknowledged.items() if stored.get(key) != value]
    expected = sum(len(s["items"]) for s in sessions)
    retries = sum(p.retries for p in pupils)
    statuses: dict[int, int] = {}
    for p in pupils:
        for status, count in p.failed_statuses.items():
            statuses[status] = statuses.get(status, 0) + count
    print(f"{len(acknowledged)} of {expected} answers acknowledged, {len(acknowledged) - len(lost)} found afterwards, "
          f"{len(lost)} lost; {retries} retries (statuses {statuses or 'none'}); service answering afterwards: {alive}")
    times = [t for p in pupils for t in p.times]
    windows = ((0, restarted_at), (restarted_at, killed_at), (killed_at, 1e12))
    print("answers acknowledged before the restart / until the kill / after it: "
          + " / ".join(str(sum(a <= t < b for t in times)) for a, b in windows))
    checks = {
        "answers were acknowledged before the restart, between it and the kill, and after": all(
            any(a <= t < b for t in times) for a, b in windows
        ),
        "nothing acknowledged was lost": not lost,
        "every pupil got through by retrying": len(acknowledged) == expected,
        "the service recovered without a restart": alive,
    }
    for name, passed in checks.items():
        print(f"{'ok  ' if passed else 'FAIL'} {name}")
    failed = sum(not passed for passed in checks.values())
    print(f"faults: {len(checks) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
