#!/usr/bin/env python
"""Usage analytics at scale: 10 million events aggregated on PostgreSQL.

Creates the database if it is missing, migrates it, fills `monitoring_event` with generated events
(three years of days, about 9,100 events and 1,500 visitors a day, twelve tests and pages) using
generate_series in the server, then times:

1. for comparison, a direct GROUP BY over the 10 million raw events (counts only, no distinct
   visitors), which is what the dashboards would cost without a roll-up;
2. the nightly roll-up (`analytics.rollover`), run day after day as production runs it: each day's
   events become counts with their distinct visitors and are deleted with the day's salt;
3. the dashboards' aggregation of all 10 million events from the daily roll-up tables (totals and
   completion rates per test, sessions per test per day, visitors per month, page views).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/karjera_bench_analytics .venv/bin/python benchmarks/analytics.py [--events 10000000] [--repeat 3]
"""
import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/karjera_bench_analytics"
os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
os.environ["KARJERA_VAR_DIR"] = tempfile.mkdtemp(prefix="karjera-analytics-bench-")
os.makedirs(os.path.join(os.environ["KARJERA_VAR_DIR"], "static"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "karjera.settings")

FIRST_DAY = date(2023, 9, 1)
DAYS = 1096
SUBJECTS = ["interests", "values", "abilities", "career_options", "occupations:list", "occupations:detail",
            "education:programmes", "education:programme", "education:institution", "guidance:profile",
            "entrepreneurship", "home"]


def ensure_database(url: str):
    import dj_database_url
    import psycopg

    cfg = dj_database_url.parse(url)
    conninfo = dict(host=cfg["HOST"] or "127.0.0.1", port=cfg["PORT"] or 5432, user=cfg["USER"] or "postgres",
                    password=cfg["PASSWORD"] or None)
    with psycopg.connect(dbname="postgres", autocommit=True, **{k: v for k, v in conninfo.items() if v}) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [cfg["NAME"]]).fetchone():
            conn.execute(f'CREATE DATABASE "{cfg["NAME"]}"')
            print(f"created database {cfg['NAME']}")


def fill(cursor, events: int):
    per_day = events // DAYS + 1
    cursor.execute("TRUNCATE monitoring_event, monitoring_dailycount, monitoring_dailyvisitors, monitoring_dailysalt")
    cursor.execute("DROP INDEX IF EXISTS monitoring_event_day")
    subjects = "ARRAY[" + ",".join(f"'{s}'" for s in SUBJECTS) + "]"
    # Tests are started on 4 of 12 subjects (kind 1), completed about 70 % of the time (kind 2), pages viewed (kind 3).
    cursor.execute(f"""
        INSERT INTO monitoring_event (day, kind, subject, visitor)
        SELECT %s::date + (i / {per_day})::int,
               CASE WHEN s <= 4 THEN CASE WHEN i %% 10 < 6 THEN 1 ELSE 2 END ELSE 3 END,
               ({subjects})[s],
               hashtextextended((i / 6)::text, 0)
        FROM (SELECT i, 1 + ((i * 7919) %% 12)::int AS s FROM generate_series(0::bigint, %s - 1) AS i) g
    """, [FIRST_DAY, events])
    cursor.execute("CREATE INDEX monitoring_event_day ON monitoring_event (day)")
    cursor.execute("VACUUM ANALYZE monitoring_event")


def timed(fn, repeat: int):
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return result, times


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    ensure_database(os.environ["DATABASE_URL"])

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from karjera.monitoring import analytics
    from karjera.monitoring.models import DailyCount, DailyVisitors, Event

    assert connection.vendor == "postgresql", "this benchmark is for PostgreSQL"
    call_command("migrate", verbosity=0)
    today = FIRST_DAY + timedelta(days=DAYS + 1)
    with connection.cursor() as cursor:
        start = time.perf_counter()
        fill(cursor, args.events)
        print(f"generated {Event.objects.count():,} events over {DAYS} days in {time.perf_counter() - start:.1f} s")
        cursor.execute("SELECT pg_size_pretty(pg_total_relation_size('monitoring_event'))")
        print(f"monitoring_event with its index: {cursor.fetchone()[0]}")

    with connection.cursor() as cursor:
        def direct():
            cursor.execute("SELECT day, kind, subject, COUNT(*) FROM monitoring_event GROUP BY day, kind, subject")
            return cursor.fetchall()

        rows, times = timed(direct, args.repeat)
        print(f"for comparison, counting the raw events directly (no distinct visitors): {len(rows):,} groups, "
              f"best {min(times):.2f} s")

    # The nightly roll-up, one day at a time as production runs it.
    per_day = []
    start = time.perf_counter()
    for offset in range(1, DAYS + 2):
        t0 = time.perf_counter()
        analytics.rollover(FIRST_DAY + timedelta(days=offset))
        per_day.append(time.perf_counter() - t0)
    per_day.sort()
    print(f"nightly roll-up of one day (about {args.events // DAYS:,} events): median {statistics.median(per_day) * 1000:.0f} ms, "
          f"p95 {per_day[int(len(per_day) * 0.95)] * 1000:.0f} ms, max {per_day[-1] * 1000:.0f} ms; "
          f"all {DAYS} days {time.perf_counter() - start:.1f} s")
    assert not Event.objects.exists()
    total = sum(DailyCount.objects.values_list("events", flat=True))
    print(f"roll-up tables: {DailyCount.objects.count():,} day×kind×subject rows holding {total:,} events, "
          f"{DailyVisitors.objects.count():,} days of visitors")

    def dashboard():
        return (analytics.tests_total(), analytics.daily_tests(), analytics.monthly_visitors(), analytics.page_views())

    (tests, days, months, pages), times = timed(dashboard, args.repeat)
    print(f"AGGREGATE {total:,} events for the dashboards (totals and completion rates per test, tests per day, "
          f"visitors per month, page views) from the roll-up: best {min(times) * 1000:.0f} ms, "
          f"median {statistics.median(times) * 1000:.0f} ms")
    print(f"visitors per month: {min(m['visitors'] for m in months):,} to {max(m['visitors'] for m in months):,}")


if __name__ == "__main__":
    main()
