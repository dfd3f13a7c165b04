"""Counting visits without personal data.

`record(request, kind, subject)` is what the views call. It stores the day, what happened and a
visitor hash: the first 8 bytes of sha256(salt of the day + address + user agent). The salt is 32
random bytes made on the day's first event and kept only for that day. `rollover()` runs on the first
event of a new day (and from the `analytics_rollover` command): it turns every earlier day's events
into counts and deletes those events and their salts, so nothing that could single out a visitor
outlives its day.
"""
from __future__ import annotations

import hashlib
import logging
import secrets
from datetime import date, datetime, time, timedelta

from django.db import IntegrityError, connection, transaction
from django.db.models import Count, F, Max, Min, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from karjera.core.ratelimit import client_address

from .models import DailyCount, DailySalt, DailyVisitors, Event, EventKind

log = logging.getLogger(__name__)

KINDS = {"session_started": EventKind.SESSION_STARTED, "session_completed": EventKind.SESSION_COMPLETED,
         "page_view": EventKind.PAGE_VIEW}
# User agents that announce themselves as robots are not counted.
ROBOTS = ("bot", "crawl", "spider", "slurp", "headless", "preview")

ROLLUP_LOCK = 0x6B61726A  # the advisory lock id of the roll-up ("karj")
_salt_cache: dict = {}  # {day: salt}, one entry per process


def visitor_hash(salt: str, address: str, user_agent: str) -> int:
    """A signed 64-bit integer from sha256(salt + address + user agent)."""
    digest = hashlib.sha256(f"{salt}{address}{user_agent}".encode("utf-8", "replace")).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def salt_for(day: date) -> str:
    """Today's salt, made on the first call of the day; a new day first rolls the old ones up."""
    cached = _salt_cache.get(day)
    if cached:
        return cached
    row = DailySalt.objects.filter(day=day).first()
    if row is None:
        rollover(day)
        try:
            with transaction.atomic():
                row = DailySalt.objects.create(day=day, salt=secrets.token_hex(32))
        except IntegrityError:  # another worker made it first
            row = DailySalt.objects.get(day=day)
    _salt_cache.clear()
    _salt_cache[day] = row.salt
    return row.salt


def _is_robot(user_agent: str) -> bool:
    ua = user_agent.lower()
    return any(word in ua for word in ROBOTS)


def record(request, kind: str, subject: str) -> bool:
    """Count one event; never raises (a page must not fail because of counting). True if stored."""
    try:
        kind_value = KINDS[kind]
        user_agent = request.META.get("HTTP_USER_AGENT", "")[:500]
        if _is_robot(user_agent):
            return False
        address = client_address(request)
        day = timezone.localdate()
        visitor = visitor_hash(salt_for(day), address, user_agent)
        with transaction.atomic():  # a savepoint inside a request's transaction, so a failure here leaves it usable
            Event.objects.create(day=day, kind=kind_value, subject=str(subject)[:100], visitor=visitor)
        return True
    except Exception:  # noqa: BLE001 - counting is best effort
        log.exception("analytics event not recorded")
        return False


def aggregate(day: date) -> tuple[list[dict], list[dict]]:
    """Counts of one day's events: per kind and subject the events and the distinct visitors among
    them, and the distinct visitors over all the day's events.

    Distinct visitors are counted in two levels (group by visitor first, then count the groups), which
    PostgreSQL runs as hash aggregates instead of sorting for COUNT(DISTINCT). Each query names one
    day, so it stays on the day index even as a prepared statement with a generic plan.
    """
    table = connection.ops.quote_name(Event._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT kind, subject, SUM(n), COUNT(*) FROM (SELECT kind, subject, visitor, COUNT(*) AS n "
            f"FROM {table} WHERE day = %s GROUP BY kind, subject, visitor) v GROUP BY kind, subject", [day])
        counts = [{"day": day, "kind": k, "subject": s, "events": int(n), "visitors": int(v)} for k, s, n, v in cursor.fetchall()]
        cursor.execute(f"SELECT COUNT(DISTINCT visitor) FROM {table} WHERE day = %s", [day])
        visitors = [{"day": day, "visitors": int(cursor.fetchone()[0])}] if counts else []
    return counts, visitors


def _store(day: date, counts: list[dict], visitors: list[dict]):
    existing = {(c.kind, c.subject): c for c in DailyCount.objects.filter(day=day)}
    new, changed = [], []
    for r in counts:
        current = existing.get((r["kind"], r["subject"]))
        if current is None:
            new.append(DailyCount(**r))
        else:
            current.events += r["events"]
            current.visitors += r["visitors"]
            changed.append(current)
    DailyCount.objects.bulk_create(new, batch_size=1000)
    if changed:
        DailyCount.objects.bulk_update(changed, ["events", "visitors"], batch_size=1000)
    for r in visitors:
        updated = DailyVisitors.objects.filter(day=day).update(visitors=F("visitors") + r["visitors"])
        if not updated:
            DailyVisitors.objects.create(**r)


def rollover(today: date | None = None) -> int:
    """Roll up every day before `today` into daily counts, then delete its events and every salt
    before today. Each day is one transaction, oldest first.

    Idempotent: events of a day already rolled up are added to its counts (a late event of yesterday
    that a slow worker wrote after the roll-up still counts; its visitor may then be counted twice,
    never zero times). Returns the number of events rolled up.
    """
    today = today or timezone.localdate()
    total = 0
    while True:
        day = Event.objects.filter(day__lt=today).aggregate(first=Min("day"))["first"]
        if day is None:
            break
        with transaction.atomic():
            if connection.vendor == "postgresql":
                # One roll-up at a time: a second worker waits here, then finds the day's events gone.
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [ROLLUP_LOCK])
            counts, visitors = aggregate(day)
            _store(day, counts, visitors)
            total += Event.objects.filter(day=day)._raw_delete(Event.objects.db)
    DailySalt.objects.filter(day__lt=today).delete()
    for day in [d for d in _salt_cache if d < today]:
        _salt_cache.pop(day, None)
    count_answers(today)
    return total


ALL = "*"  # the subject of a day's total of test answers; its row also marks the day as counted


def count_answers(today: date, limit_days: int = 400) -> int:
    """Count the test answers of every finished day not counted yet, per test and in total, from the
    assessments app's answers (before any retention purge removes them). Returns the days counted."""
    from karjera.assessments.models import Answer

    last = DailyCount.objects.filter(kind=EventKind.ANSWERS, subject=ALL).aggregate(last=Max("day"))["last"]
    if last is None:
        first = Answer.objects.aggregate(first=Min("answered_at"))["first"]
        if first is None:
            return 0
        day = timezone.localtime(first).date()
    else:
        day = last + timedelta(days=1)
    tz = timezone.get_current_timezone()
    counted = 0
    while day < today and counted < limit_days:
        start = timezone.make_aware(datetime.combine(day, time.min), tz)
        end = timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min), tz)
        rows = (Answer.objects.filter(answered_at__gte=start, answered_at__lt=end)
                .values("session__instrument_version__slug").annotate(n=Count("id")))
        with transaction.atomic():
            per_test = [DailyCount(day=day, kind=EventKind.ANSWERS, subject=r["session__instrument_version__slug"], events=r["n"], visitors=0)
                        for r in rows]
            total = sum(c.events for c in per_test)
            DailyCount.objects.filter(day=day, kind=EventKind.ANSWERS).delete()
            DailyCount.objects.bulk_create(per_test + [DailyCount(day=day, kind=EventKind.ANSWERS, subject=ALL, events=total, visitors=0)])
        counted += 1
        day += timedelta(days=1)
    return counted


# ---- reading the figures -------------------------------------------------------------------------


def daily_tests(since: date | None = None) -> list[dict]:
    """Sessions started and completed per test per day, with the completion rate, newest first."""
    from . import figures

    qs = DailyCount.objects.filter(kind__in=[EventKind.SESSION_STARTED, EventKind.SESSION_COMPLETED])
    if since:
        qs = qs.filter(day__gte=since)
    table: dict = {}
    for r in qs.values("day", "subject", "kind", "events"):
        row = table.setdefault((r["day"], r["subject"]), {"day": r["day"], "test": r["subject"], "started": 0, "completed": 0})
        row["started" if r["kind"] == EventKind.SESSION_STARTED else "completed"] += r["events"]
    rows = sorted(table.values(), key=lambda r: (-r["day"].toordinal(), r["test"]))
    for r in rows:
        r["rate"] = figures.completion_rate(r["started"], r["completed"])
    return rows


def tests_total() -> list[dict]:
    from . import figures

    table: dict = {}
    for r in DailyCount.objects.filter(kind__in=[EventKind.SESSION_STARTED, EventKind.SESSION_COMPLETED]).values("subject", "kind").annotate(n=Sum("events")):
        row = table.setdefault(r["subject"], {"test": r["subject"], "started": 0, "completed": 0})
        row["started" if r["kind"] == EventKind.SESSION_STARTED else "completed"] += r["n"]
    rows = sorted(table.values(), key=lambda r: r["test"])
    for r in rows:
        r["rate"] = figures.completion_rate(r["started"], r["completed"])
    return rows


def page_views(limit: int = 20) -> list[dict]:
    return list(DailyCount.objects.filter(kind=EventKind.PAGE_VIEW).values("subject")
                .annotate(views=Sum("events")).order_by("-views", "subject")[:limit])


def monthly_answers() -> list[dict]:
    """Test answers per month, in total."""
    return [{"month": r["month"], "answers": r["answers"]}
            for r in DailyCount.objects.filter(kind=EventKind.ANSWERS, subject=ALL).annotate(month=TruncMonth("day"))
            .values("month").annotate(answers=Sum("events")).order_by("month")]


def monthly_visitors() -> list[dict]:
    """Visitors per month: the sum of each day's distinct visitors (see DailyVisitors)."""
    return [{"month": r["month"], "visitors": r["visitors"], "days": r["days"]}
            for r in DailyVisitors.objects.annotate(month=TruncMonth("day")).values("month")
            .annotate(visitors=Sum("visitors"), days=Count("id")).order_by("month")]
