"""The programme's public key figures and the agency's dashboards in a real browser, on a phone and
a desktop, with axe-core; every chart has its table next to it."""
from datetime import timedelta

import pytest
from axe_check import axe_problems
from django.conf import settings
from django.test import Client, RequestFactory
from django.utils import timezone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def monitoring(site):
    from karjera.monitoring import seed

    seed.load()
    return site


@pytest.fixture
def agency_cookie(monitoring):
    """A signed-in agency administrator who has confirmed the second factor, as a browser cookie."""
    from django.contrib.auth import get_user_model

    from karjera.counselling import rules
    from karjera.counselling.access import TOTP_SESSION_KEY
    from karjera.counselling.models import StaffRole

    user = get_user_model().objects.create_user("agentura", password="Garš-parole-2026")
    StaffRole.objects.create(user=user, role=rules.AGENCY_ADMIN)
    client = Client()
    client.force_login(user)
    session = client.session
    session[TOTP_SESSION_KEY] = True
    session.save()
    return {"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": monitoring.url}


@pytest.fixture
def usage_data(monitoring, monkeypatch):
    """A few days of counted use, rolled up."""
    from karjera.monitoring import analytics

    start = timezone.localdate() - timedelta(days=3)
    for offset in range(3):
        day = start + timedelta(days=offset)
        monkeypatch.setattr(analytics.timezone, "localdate", lambda *a, day=day, **k: day)
        for i in range(5 + offset):
            request = RequestFactory().get("/", REMOTE_ADDR=f"192.0.2.{i}", HTTP_USER_AGENT="Mozilla/5.0")
            analytics.record(request, "session_started", "interests")
            if i % 2 == 0:
                analytics.record(request, "session_completed", "interests")
            analytics.record(request, "page_view", "occupations:list")
    monkeypatch.undo()
    analytics.rollover()


@pytest.fixture
def counsellors(monitoring):
    """Counsellors in two municipalities with different employment models, for the network panel."""
    from decimal import Decimal

    from django.contrib.auth import get_user_model

    from karjera.counselling import rules
    from karjera.counselling.models import StaffRole
    from karjera.education.models import Institution, Municipality

    def school(code, name, number):
        town, _ = Municipality.objects.get_or_create(code=code, defaults={"name_lv": name, "name_en": name, "kind": "municipality", "region": "kurzeme"})
        return Institution.objects.get_or_create(registry_number=number, defaults={
            "name_lv": f"{name} vidusskola", "name_en": f"{name} Secondary School", "kind": "secondary_school", "municipality": town})[0]

    first, other = school("talsu-nov", "Talsu", "9990000001"), school("kuldigas-nov", "Kuldīgas", "9990000002")
    for name, school, model, workload in [("k1", first, "one_school", "1.00"), ("k2", first, "additional_duty", "0.25"),
                                          ("k3", other, "municipality", "0.50")]:
        user = get_user_model().objects.create_user(name)
        staff = StaffRole.objects.create(user=user, role=rules.COUNSELLOR, employment_model=model, workload=Decimal(workload))
        staff.schools.add(school)


def charts_have_tables(page) -> list[str]:
    problems = []
    for figure in page.locator("figure").all():
        section = figure.locator("xpath=ancestor::section[1]")
        if section.locator("table").count() == 0:
            problems.append("a chart without a table")
    return problems


def no_horizontal_scroll(page, name) -> list[str]:
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    if overflow <= 1:
        return []
    wide = page.evaluate("""() => [...document.querySelectorAll('main *')].filter(e => !e.closest('.table-scroll') && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .slice(0, 5).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className)""")
    return [f"[{name}] page scrolls sideways by {overflow}px: {', '.join(wide)}"]


def test_public_key_figures(monitoring, new_context, viewport):
    page = new_context(viewport).new_page()
    page.goto("/monitoring/")
    assert page.locator("#indicators-table tbody tr").count() == 6
    assert "94,75" in page.locator("#absorption-table").inner_text()
    problems = axe_problems(page, "public figures") + charts_have_tables(page) + no_horizontal_scroll(page, "public figures")
    page.screenshot(path=f"/tmp/monitoring-public-{viewport}.png", full_page=True)
    page.goto("/en/monitoring/")
    assert "96.52%" in page.locator("#absorption-table").inner_text()
    problems += axe_problems(page, "public figures (en)")
    assert not problems, "\n".join(problems)


def test_agency_dashboards(agency_cookie, usage_data, counsellors, new_context, viewport):
    context = new_context(viewport)
    context.add_cookies([agency_cookie])
    page = context.new_page()
    page.goto("/monitoring/dashboard/")
    assert page.locator("h1").inner_text() == "Uzraudzības pārskats"
    assert page.locator("#history-table tbody tr").count() == 6
    assert page.locator("#employment-table tbody tr").count() == 3
    problems = axe_problems(page, "dashboard") + charts_have_tables(page) + no_horizontal_scroll(page, "dashboard")
    page.screenshot(path=f"/tmp/monitoring-dashboard-{viewport}.png", full_page=True)
    page.get_by_role("link", name="Pakalpojuma lietojums").click()
    page.wait_for_url("**/monitoring/usage/")
    assert page.locator("#tests-table").inner_text().count("interests") == 1
    problems += axe_problems(page, "usage") + charts_have_tables(page) + no_horizontal_scroll(page, "usage")
    page.screenshot(path=f"/tmp/monitoring-usage-{viewport}.png", full_page=True)
    with page.expect_download() as download:
        page.get_by_role("link", name="Lejupielādēt testu sesijas pa dienām (CSV)").click()
    assert download.value.suggested_filename == "karjera-tests-per-day.csv"
    assert not problems, "\n".join(problems)


def test_school_questionnaire(monitoring, new_context, viewport):
    from karjera.monitoring.models import Programme, SchoolQuestionnaire, SustainabilityRound

    rnd = SustainabilityRound.objects.create(programme=Programme.objects.get(), name_lv="Novērtējums 2026", open=True)
    q = SchoolQuestionnaire.objects.create(round=rnd, school="Cēsu tehnikums")
    page = new_context(viewport).new_page()
    page.goto(f"/monitoring/sustainability/{q.token}/")
    problems = axe_problems(page, "questionnaire")  # incomplete answers (422) are covered in tests/monitoring
    for fieldset in page.locator("fieldset").all():
        fieldset.get_by_label("Jā").check()
    page.get_by_role("button", name="Nosūtīt atbildes").click()
    page.locator("#saved").wait_for()
    q.refresh_from_db()
    assert q.submitted_at is not None and q.answers.filter(met=True).count() == 5
    assert not problems, "\n".join(problems)


def test_survey_answered_and_its_results(agency_cookie, new_context, viewport):
    from karjera.monitoring.models import Question, Survey

    s = Survey.objects.create(name_lv="Vecāku aptauja", audience=Survey.PARENTS, intro_lv="Aptauja aizņems divas minūtes.")
    Question.objects.create(survey=s, order=1, kind="single", name_lv="Vai jūsu bērns izmantoja testus?", required=True,
                            options=[{"lv": "Jā"}, {"lv": "Nē"}, {"lv": "Nezinu"}])
    Question.objects.create(survey=s, order=2, kind="multiple", name_lv="Kādu informāciju meklējāt?",
                            options=[{"lv": "Profesijas"}, {"lv": "Izglītības iespējas"}])
    Question.objects.create(survey=s, order=3, kind="scale", name_lv="Cik noderīgs bija Karjera?", scale_low_lv="nemaz", scale_high_lv="ļoti")
    Question.objects.create(survey=s, order=4, kind="text", name_lv="Jūsu ieteikumi")
    page = new_context(viewport).new_page()
    page.goto(f"/monitoring/s/{s.token}/")
    problems = axe_problems(page, "survey") + no_horizontal_scroll(page, "survey")
    page.get_by_label("Nezinu").check()
    page.get_by_label("Profesijas").check()
    page.get_by_label("4").check()
    page.get_by_label("Jūsu ieteikumi").fill("Vairāk par koledžām")
    page.get_by_role("button", name="Nosūtīt atbildes").click()
    page.locator("#sent").wait_for()
    problems += axe_problems(page, "survey sent")
    staff = new_context(viewport)
    staff.add_cookies([agency_cookie])
    results = staff.new_page()
    results.goto(f"/monitoring/surveys/{s.pk}/")
    assert "Saņemta 1 anketa." in results.locator("main").inner_text()
    problems += axe_problems(results, "survey results") + charts_have_tables(results) + no_horizontal_scroll(results, "survey results")
    results.screenshot(path=f"/tmp/monitoring-survey-{viewport}.png", full_page=True)
    assert not problems, "\n".join(problems)
