"""Usage analytics: counted without personal data, and nothing that could single out a visitor
survives the end of its day."""
import csv
import io
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test import RequestFactory

from karjera.monitoring import analytics
from karjera.monitoring.models import DailyCount, DailySalt, DailyVisitors, Event, EventKind

ADDRESS = "198.51.100.23"
AGENT = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36"
OTHER = "203.0.113.7"
DAY = date(2026, 3, 9)


@pytest.fixture
def today(monkeypatch):
    """Set the day analytics sees; returns a setter."""
    current = {"day": DAY}
    monkeypatch.setattr(analytics.timezone, "localdate", lambda *a, **k: current["day"])

    def set_day(day):
        current["day"] = day

    return set_day


def request(address=ADDRESS, agent=AGENT):
    return RequestFactory().get("/", REMOTE_ADDR=address, HTTP_USER_AGENT=agent)


ANALYTICS_TABLES = [m._meta.db_table for m in (Event, DailySalt, DailyCount, DailyVisitors)]


def all_stored_values() -> list[str]:
    values = []
    with connection.cursor() as cursor:
        for table in ANALYTICS_TABLES:
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cursor.fetchall():
                values += [str(v) for v in row]
    return values


def test_rows_after_the_day_rolls_over_hold_nothing_that_lasts(db, today):
    for kind, subject in (("session_started", "interests"), ("session_completed", "interests"), ("page_view", "occupations:list")):
        assert analytics.record(request(), kind, subject)
    assert analytics.record(request(OTHER), "session_started", "interests")
    first_day_hashes = set(Event.objects.values_list("visitor", flat=True))
    first_salt = DailySalt.objects.get(day=DAY).salt
    assert len(first_day_hashes) == 2  # the same visitor is one hash within the day
    assert analytics.visitor_hash(first_salt, ADDRESS, AGENT) in first_day_hashes

    today(DAY + timedelta(days=1))
    assert analytics.record(request(), "page_view", "education:programmes")

    # the first day's salt and events are gone, only counts remain
    assert list(DailySalt.objects.values_list("day", flat=True)) == [DAY + timedelta(days=1)]
    assert not Event.objects.filter(day=DAY).exists()
    assert DailyVisitors.objects.get(day=DAY).visitors == 2
    counts = {(c.kind, c.subject): (c.events, c.visitors) for c in DailyCount.objects.filter(day=DAY)}
    assert counts == {(EventKind.SESSION_STARTED, "interests"): (2, 2), (EventKind.SESSION_COMPLETED, "interests"): (1, 1),
                      (EventKind.PAGE_VIEW, "occupations:list"): (1, 1)}
    # the same visitor on the new day has a hash that cannot be linked to yesterday's
    new_hash = Event.objects.get().visitor
    assert new_hash not in first_day_hashes

    stored = all_stored_values()
    for forbidden in (ADDRESS, OTHER, AGENT, "Android", first_salt, *map(str, first_day_hashes)):
        assert not any(forbidden in v for v in stored), forbidden
    # the only per-visitor value left is today's hash, under a salt that is deleted tomorrow
    today(DAY + timedelta(days=2))
    analytics.rollover()
    assert not Event.objects.exists() and not DailySalt.objects.exists()
    assert not any(str(new_hash) in v for v in all_stored_values())


def test_no_column_can_hold_an_address_or_agent():
    for model in (Event, DailySalt, DailyCount, DailyVisitors):
        names = {f.name for f in model._meta.get_fields()}
        assert not names & {"ip", "address", "user_agent", "agent", "session", "cookie", "user"}
    assert Event._meta.get_field("visitor").get_internal_type() == "BigIntegerField"


def test_robots_are_not_counted_and_errors_never_escape(db, today, monkeypatch):
    assert not analytics.record(request(agent="Googlebot/2.1 (+http://www.google.com/bot.html)"), "page_view", "home")
    assert not analytics.record(request(), "no-such-kind", "home")
    assert not Event.objects.exists()


def test_no_cookie_is_set(client, db):
    r = client.get("/monitoring/")
    assert not r.cookies


def test_rollover_is_idempotent_and_adds_late_events(db, today):
    analytics.record(request(), "session_started", "values")
    today(DAY + timedelta(days=1))
    assert analytics.rollover() == 1
    assert analytics.rollover() == 0
    Event.objects.create(day=DAY, kind=EventKind.SESSION_STARTED, subject="values", visitor=1)  # a late write
    analytics.rollover()
    assert DailyCount.objects.get(day=DAY, subject="values").events == 2


def test_usage_dashboard_and_csv(agency_client, today):
    for i in range(3):
        analytics.record(request(f"192.0.2.{i}"), "session_started", "interests")
    for i in range(2):
        analytics.record(request(f"192.0.2.{i}"), "session_completed", "interests")
    analytics.record(request(), "page_view", "occupations:detail")
    today(DAY + timedelta(days=1))
    analytics.rollover()
    html = agency_client.get("/monitoring/usage/").content.decode()
    assert 'data-test="interests"' in html and "66,7" in html
    body = agency_client.get("/monitoring/usage/tests.csv").content.decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(body))) == [["day", "test", "started", "completed", "completion_rate_percent"],
                                                    ["2026-03-09", "interests", "3", "2", "66.7"]]
    visitors = list(csv.reader(io.StringIO(agency_client.get("/monitoring/usage/visitors.csv").content.decode("utf-8-sig"))))
    assert visitors == [["month", "visitors", "days_counted"], ["2026-03", "4", "1"]]
    pages = list(csv.reader(io.StringIO(agency_client.get("/monitoring/usage/pages.csv").content.decode("utf-8-sig"))))
    assert pages == [["page", "views"], ["occupations:detail", "1"]]
    assert agency_client.get("/monitoring/usage/other.csv").status_code == 404


def test_monthly_visitors_sum_the_days(db, today):
    for offset in range(3):
        today(DAY + timedelta(days=offset))
        analytics.record(request(), "page_view", "home")
    today(date(2026, 4, 1))
    analytics.rollover()
    assert [(m["month"], m["visitors"], m["days"]) for m in analytics.monthly_visitors()] == [(date(2026, 3, 1), 3, 3)]


@pytest.mark.django_db(transaction=True)
def test_two_workers_rolling_up_at_once_count_once(today):
    import threading

    if connection.vendor != "postgresql":
        pytest.skip("row-level concurrency is a PostgreSQL matter; SQLite serialises writers")
    for i in range(50):
        Event.objects.create(day=DAY, kind=EventKind.PAGE_VIEW, subject="home", visitor=i)
    barrier = threading.Barrier(2)
    errors = []

    def worker():
        from django.db import connection as own

        try:
            barrier.wait()
            analytics.rollover(DAY + timedelta(days=1))
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            own.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert DailyCount.objects.get(day=DAY, subject="home").events == 50
    assert DailyVisitors.objects.get(day=DAY).visitors == 50


def test_test_answers_are_counted_per_day_and_month(agency_client, today):
    from datetime import datetime, time

    from django.utils import timezone as tz

    from karjera.assessments import engine
    from karjera.assessments.models import Answer

    session = engine.create_session("interests", "lv")
    items = session.instrument.items[:5]
    for item in items:
        engine.save_answer(session.id, item["id"], 2)
    riga = tz.get_current_timezone()
    ids = list(Answer.objects.filter(session_id=session.id).order_by("pk").values_list("pk", flat=True))
    # three answers late on 9 March and two just after midnight, both in Riga time
    Answer.objects.filter(pk__in=ids[:3]).update(answered_at=tz.make_aware(datetime.combine(DAY, time(23, 30)), riga))
    Answer.objects.filter(pk__in=ids[3:]).update(answered_at=tz.make_aware(datetime.combine(DAY + timedelta(days=1), time(0, 15)), riga))
    today(DAY + timedelta(days=1))
    analytics.rollover()
    assert {(c.subject, c.events) for c in DailyCount.objects.filter(kind=EventKind.ANSWERS, day=DAY)} == {("interests", 3), ("*", 3)}
    today(DAY + timedelta(days=2))
    analytics.rollover()
    analytics.rollover()  # counted once
    assert DailyCount.objects.get(kind=EventKind.ANSWERS, day=DAY + timedelta(days=1), subject="*").events == 2
    assert analytics.monthly_answers() == [{"month": date(2026, 3, 1), "answers": 5}]
    body = agency_client.get("/monitoring/usage/answers.csv").content.decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(body))) == [["month", "answers"], ["2026-03", "5"]]
    assert 'id="answers-table"' in agency_client.get("/monitoring/usage/").content.decode()
