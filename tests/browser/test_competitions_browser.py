"""Competition day in a real browser: an expert marks on a 360×800 phone (saved as they go, a stale edit
answered with a conflict, never an overwrite), the chief expert signs off, the manager releases the
results, the public reads them, a school registers a competitor; axe-core on the marking, results and
registration pages at phone and desktop size."""
import re
from datetime import date
from decimal import Decimal

import pytest
from axe_check import axe_problems
from conftest import IGNORED_CONSOLE, VIEWPORTS
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from karjera.competitions import services
from karjera.competitions.models import (
    Aspect,
    Competition,
    CompetitionSkill,
    Competitor,
    Expert,
    Mark,
    MarkAudit,
    MarkingScheme,
    SchoolRegistrar,
    SignOff,
    Skill,
    SubCriterion,
)
from karjera.education.importer import import_directory
from karjera.education.models import Institution

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Vērtē-droši-2026"


class World:
    pass


@pytest.fixture
def world(site, settings):
    """One released-later final with one skill: a locked 100-mark scheme over two days (two Measurement
    aspects on day 1, one Judgement aspect on day 2), three competitors, a chief expert, an expert from
    school A, a manager and school A's registrar."""
    if not Institution.objects.filter(kind="vocational_school").exists():
        import_directory(settings.DATA_DIR / "education" / "demo")
    # The default hasher takes a good part of a second per sign-in; these accounts exist for one test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    w = World()
    User = get_user_model()
    w.school_a, w.school_b = list(Institution.objects.filter(kind="vocational_school").order_by("pk")[:2])
    w.competition = Competition.objects.create(
        slug="skillslatvia-test", name_lv="SkillsLatvia tests", name_en="SkillsLatvia test",
        kind=Competition.NATIONAL_FINAL, starts_on=date(2026, 4, 22), ends_on=date(2026, 4, 23), venue="Ķīpsala, Rīga",
    )
    skill = Skill.objects.create(slug="welding-test", name_lv="Metināšana", name_en="Welding")
    w.cs = CompetitionSkill.objects.create(competition=w.competition, skill=skill)
    scheme = MarkingScheme.objects.create(competition_skill=w.cs)
    a = SubCriterion.objects.create(scheme=scheme, code="A", name_lv="Drošība un izmēri", name_en="Safety and size")
    b = SubCriterion.objects.create(scheme=scheme, code="B", name_lv="Kvalitāte", name_en="Quality")
    w.full = Aspect.objects.create(sub_criterion=a, code="A1", description_lv="Aizsarglīdzekļi lietoti",
                                   description_en="PPE used", kind="measurement", method="full_or_none",
                                   max_mark=Decimal("10"), day=1)
    w.deduct = Aspect.objects.create(sub_criterion=a, code="A2", description_lv="Izmēri atbilst rasējumam",
                                     description_en="Dimensions as drawn", kind="measurement", method="deduction",
                                     max_mark=Decimal("40"), day=1)
    w.judged = Aspect.objects.create(sub_criterion=b, code="B1", description_lv="Šuves kopiespaids",
                                     description_en="Overall impression of the weld", kind="judgement",
                                     max_mark=Decimal("50"), day=2)
    scheme.locked_at = timezone.now()
    scheme.save()
    w.competitors = [
        Competitor.objects.create(competition_skill=w.cs, number=n, first_name=first, last_name=last,
                                  date_of_birth=date(2006, 3, n), school=school)
        for n, first, last, school in ((1, "Anna", "Ozoliņa", w.school_a), (2, "Jānis", "Bērziņš", w.school_b),
                                       (3, "Rūta", "Kļaviņa", w.school_b))
    ]

    def user(name):
        return User.objects.create_user(name, password=PASSWORD, first_name=name.title())

    w.chief = user("chief")
    w.expert = user("expert-a")
    w.manager = user("manager")
    w.registrar = user("registrar")
    Expert.objects.create(user=w.chief, competition_skill=w.cs, is_chief=True)
    Expert.objects.create(user=w.expert, competition_skill=w.cs, school=w.school_a)
    w.competition.managers.add(w.manager)
    SchoolRegistrar.objects.create(user=w.registrar, school=w.school_a)
    return w


@pytest.fixture(scope="module", autouse=True)
def _schools_back(django_db_blocker):
    """The transactional tests empty every table; the rest of the suite expects the demonstration schools."""
    yield
    with django_db_blocker.unblock():
        import_directory(settings.DATA_DIR / "education" / "demo")


EXPECTED_REFUSAL = re.compile(r"status of (404|409|422) |ERR_INTERNET_DISCONNECTED|ERR_FAILED")


@pytest.fixture
def open_page(browser, site):
    """Pages in fresh contexts like the shared `new_context` makes, except that the browser's own
    console line for a refusal the test asks for (404 before release, 409 conflict, 422 form error) on
    a competition page is not an error; any other console error or page error fails the test."""
    contexts, errors = [], []

    def on_console(message):
        where = (message.location or {}).get("url", "")
        expected = "/competitions/" in where and "/static/" not in where and EXPECTED_REFUSAL.search(message.text)
        if message.type == "error" and not expected and not any(x in where or x in message.text for x in IGNORED_CONSOLE):
            errors.append(f"console error ({where}): {message.text}")

    def make(kind):
        context = browser.new_context(**VIEWPORTS[kind], base_url=site.url, locale="lv-LV")
        context.set_default_timeout(15_000)
        context.on("console", on_console)
        context.on("weberror", lambda e: errors.append(f"page error: {e.error}"))
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
    assert not errors, "\n".join(errors)


def sign_in(page, username, next_url):
    page.goto(f"/accounts/login/?next={next_url}")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(re.escape(next_url) + "$"))


def open_page_in(context, url):
    page = context.new_page()
    page.goto(url)
    return page


def fits_the_width(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def status_of(page, aspect):
    return page.locator(f"#aspect-{aspect.pk} [data-status]")


def test_expert_marks_on_a_phone_saved_as_they_go_with_a_conflict(world, open_page):
    page = open_page("phone")
    problems = []
    sign_in(page, "expert-a", "/competitions/marking/")
    page.get_by_role("link", name="Metināšana").click()
    page.wait_for_url(re.compile(rf"/competitions/marking/{world.cs.pk}/$"))
    # the competitor from the expert's own school is listed without a link
    assert page.get_by_role("link", name=re.compile("Anna Ozoliņa")).count() == 0
    assert fits_the_width(page)
    problems += axe_problems(page, "skill marking, phone")
    page.get_by_role("link", name=re.compile("Jānis Bērziņš")).click()
    page.wait_for_url(re.compile(rf"/competitors/{world.competitors[1].pk}/$"))
    assert fits_the_width(page)
    problems += axe_problems(page, "marking form, phone")
    person = world.competitors[1]

    # Measurement, full marks or none: one tap saves
    page.locator(f"#aspect-{world.full.pk}").get_by_text("10,00 — izpildīts").click()
    status_of(page, world.full).get_by_text("Saglabāts.").wait_for()
    assert Mark.objects.get(competitor=person, aspect=world.full).value == 10

    # Measurement by deduction: saved when the field is left
    field = page.locator(f"#v-{world.deduct.pk}")
    field.fill("37.5")
    field.press("Tab")
    status_of(page, world.deduct).get_by_text("Saglabāts.").wait_for()
    mark = Mark.objects.get(competitor=person, aspect=world.deduct)
    assert (mark.value, mark.version) == (Decimal("37.50"), 1)

    # Judgement: three judges 3, 2, 3 → 8/9 × 50 = 44.44; saved when the third score is in
    form = page.locator(f"#aspect-{world.judged.pk}")
    for n, score in ((1, "3"), (2, "2"), (3, "3")):
        form.locator(f"select[name=judge{n}]").select_option(score)
    status_of(page, world.judged).get_by_text("Saglabāts.").wait_for()
    judged = Mark.objects.get(competitor=person, aspect=world.judged)
    assert judged.judge_scores == [3, 2, 3] and judged.value == Decimal("44.44")
    form.locator("[data-mark]").get_by_text("44,44").wait_for()
    # judges 3 and 0 are more than one point apart: the flag shows
    form.locator("select[name=judge2]").select_option("0")
    form.locator("[data-flag]").wait_for(state="visible")
    assert Mark.objects.get(competitor=person, aspect=world.judged).version == 2

    # The chief expert corrects A2 meanwhile; the expert's page still holds version 1
    services.save_mark(world.chief, person.pk, world.deduct.pk, 1, value="35")
    field.fill("30")
    field.press("Tab")
    status_of(page, world.deduct).get_by_text(re.compile("Kāds cits pa to laiku saglabāja")).wait_for()
    assert field.input_value() == "35.00"  # the stored value is back on screen
    mark = Mark.objects.get(competitor=person, aspect=world.deduct)
    assert (mark.value, mark.version, mark.updated_by_id) == (Decimal("35.00"), 2, world.chief.pk)
    # saving again on top of what is now stored goes through, and the audit trail has every change
    field.fill("30")
    field.press("Tab")
    status_of(page, world.deduct).get_by_text("Saglabāts.").wait_for()
    assert Mark.objects.get(competitor=person, aspect=world.deduct).value == 30
    trail = list(MarkAudit.objects.filter(mark=mark).order_by("pk").values_list("before", "after"))
    assert [a["value"] for _, a in trail] == ["37.50", "35.00", "30.00"] and trail[0][0] is None

    # The connection drops: the change is kept on the device and sent when the connection is back
    page.context.set_offline(True)
    form.locator("select[name=judge2]").select_option("3")
    status_of(page, world.judged).get_by_text("Vēl nav saglabāts: nav savienojuma").wait_for()
    assert "judge2" in page.evaluate("JSON.stringify(localStorage)")
    assert Mark.objects.get(competitor=person, aspect=world.judged).judge_scores == [3, 0, 3]
    page.context.set_offline(False)
    status_of(page, world.judged).get_by_text("Saglabāts.").wait_for()
    judged = Mark.objects.get(competitor=person, aspect=world.judged)
    assert (judged.judge_scores, judged.value, judged.version) == ([3, 3, 3], Decimal("50.00"), 3)
    assert page.evaluate("Object.keys(JSON.parse(localStorage.getItem('karjera-marks:' + location.pathname) || '{}')).length") == 0

    # A save that never reached the server is sent when the page is opened again
    page.route("**/competitors/*/", lambda route: route.abort() if route.request.method == "POST" else route.continue_())
    form.locator("select[name=judge1]").select_option("2")
    status_of(page, world.judged).get_by_text("Vēl nav saglabāts: nav savienojuma").wait_for()
    url = page.url
    page.close()
    assert Mark.objects.get(competitor=person, aspect=world.judged).version == 3
    again = open_page_in(page.context, url)
    status_of(again, world.judged).get_by_text("Saglabāts.").wait_for()
    judged = Mark.objects.get(competitor=person, aspect=world.judged)
    assert (judged.judge_scores, judged.version) == ([2, 3, 3], 4)
    assert again.locator(f"#aspect-{world.judged.pk} select[name=judge1]").input_value() == "2"
    assert not problems, "\n".join(problems)


def test_sign_off_release_results_and_registration(world, open_page, viewport):
    problems = []
    for competitor, value in zip(world.competitors, ("10", "0", "10")):
        services.save_mark(world.chief, competitor.pk, world.full.pk, 0, value=value)
    services.save_mark(world.chief, world.competitors[2].pk, world.deduct.pk, 0, value="30")

    chief = open_page(viewport)
    sign_in(chief, "chief", f"/competitions/marking/{world.cs.pk}/")
    problems += axe_problems(chief, f"skill marking, {viewport}")
    chief.get_by_role("button", name="Apstiprināt 1. dienu").click()
    chief.get_by_text("apstiprināts, vērtējumi slēgti").wait_for()
    assert SignOff.objects.filter(competition_skill=world.cs, day=1, signed_by=world.chief).exists()
    chief.goto(f"/competitions/marking/{world.cs.pk}/competitors/{world.competitors[1].pk}/")
    assert chief.locator(f"#aspect-{world.full.pk} input[name=value]").first.is_disabled()
    assert chief.locator(f"#aspect-{world.full.pk} [data-status]").inner_text() == "Apstiprināts: slēgts."
    assert chief.locator(f"#aspect-{world.judged.pk} select[name=judge1]").is_enabled()
    problems += axe_problems(chief, f"marking form, {viewport}")
    assert viewport == "desktop" or fits_the_width(chief)

    registrar = open_page(viewport)
    sign_in(registrar, "registrar", "/competitions/register/")
    problems += axe_problems(registrar, f"registration, {viewport}")
    registrar.select_option("#id_c-competition_skill", str(world.cs.pk))
    registrar.fill("#id_c-first_name", "Dāvis")
    registrar.fill("#id_c-last_name", "Zariņš")
    registrar.fill("#id_c-date_of_birth", "2007-05-14")
    registrar.get_by_role("button", name="Reģistrēt konkursantu").click()
    registrar.get_by_text("Reģistrēts:").wait_for()
    assert Competitor.objects.filter(competition_skill=world.cs, last_name="Zariņš", school=world.school_a).exists()
    # too old for SkillsLatvia on the first day: refused with the rule named
    registrar.fill("#id_c-first_name", "Edgars")
    registrar.fill("#id_c-last_name", "Grants")
    registrar.fill("#id_c-date_of_birth", "2002-01-01")
    registrar.get_by_role("button", name="Reģistrēt konkursantu").click()
    registrar.get_by_text(re.compile("SkillsLatvia: līdz 22 gadiem")).first.wait_for()
    assert not Competitor.objects.filter(last_name="Grants").exists()
    problems += axe_problems(registrar, f"registration with an error, {viewport}")
    public = open_page(viewport)
    assert public.goto(f"/competitions/{world.competition.slug}/results/").status == 404

    manager = open_page(viewport)
    sign_in(manager, "manager", f"/competitions/{world.competition.slug}/results/")
    manager.get_by_text("Nav publicēts").wait_for()
    manager.get_by_role("button", name="Publicēt rezultātus").click()
    manager.wait_for_url(re.compile(r"/results/$"))
    assert Competition.objects.get(pk=world.competition.pk).results_released

    assert public.goto(f"/competitions/{world.competition.slug}/results/").status == 200
    rows = public.locator("table.comp-results tbody tr")
    assert rows.count() == 4  # with the competitor registered above
    assert "Rūta Kļaviņa" in rows.nth(0).inner_text() and "zelta medaļa" in rows.nth(0).inner_text()
    assert public.get_by_text("Nav publicēts").count() == 0
    assert viewport == "desktop" or fits_the_width(public)
    problems += axe_problems(public, f"results, {viewport}")

    assert not problems, "\n".join(problems)
