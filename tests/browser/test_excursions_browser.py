"""Study excursions and Job Shadow Day in a real Chromium, on a phone (360×800) and a tablet (768×1024):
the public finds an offer; a teacher signs in and requests a time for a group; the host confirms it in
the inbox; the teacher sees the confirmation and the calendar link. For Job Shadow Day the teacher enters
a pupil's application, places are assigned after the deadline, and both sides see the outcome. The offer
list and detail, the request form and the host inbox pass axe-core with no serious or critical violation.
Every step is a plain link or form: no script is needed.
"""
import re
from datetime import timedelta

import pytest
from axe_check import axe_problems
from django.conf import settings

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Ekskursija-2026-parole"
SIZES = {
    "phone": ("phone", {}),
    "tablet": ("desktop", {"viewport": {"width": 768, "height": 1024}, "has_touch": True}),
}


@pytest.fixture(params=sorted(SIZES))
def size(request):
    return SIZES[request.param]


@pytest.fixture
def world(site):
    from django.contrib.auth import get_user_model

    from karjera.counselling import rules
    from karjera.counselling.models import StaffRole
    from karjera.education.importer import import_directory
    from karjera.education.models import Institution
    from karjera.excursions import demo
    from karjera.excursions.models import Host, HostMember

    import_directory(settings.DATA_DIR / "education" / "demo")
    demo.load()
    school = Institution.objects.order_by("pk").first()
    users = get_user_model().objects
    teacher = users.create_user("skolotaja", email="skolotaja@example.lv", password=PASSWORD)
    StaffRole.objects.create(user=teacher, role=rules.COUNSELLOR).schools.set([school])
    host = Host.objects.get(name__startswith="Maiznīca")
    HostMember.objects.create(user=users.create_user("maiznieks", email="m@example.lv", password=PASSWORD), host=host)
    yield {"school": school, "host": host}
    import_directory(settings.DATA_DIR / "education" / "demo")  # the flush at the end empties the tables


def sign_in(page, username, next_url):
    page.goto(f"/accounts/login/?next={next_url}")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(re.escape(next_url.split("?")[0]) + r"(\?.*)?$"))


def no_horizontal_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def scan(new_context, kind, options, url, name, user=None):
    """axe-core needs scripts, so pages walked through with scripts off are scanned in a second context."""
    page = new_context(kind, **options).new_page()
    if user:
        sign_in(page, user, url)
    else:
        page.goto(url)
    problems = axe_problems(page, name)
    assert no_horizontal_scroll(page), f"{name}: wider than the window"
    page.context.close()
    return problems


def test_booking_flow(new_context, world, size):
    kind, options = size
    problems = []
    public = new_context(kind, **options).new_page()
    public.goto("/excursions/?q=maize")
    assert "Kā top maize un kūkas" in public.locator("#offer-list").inner_text()
    problems += axe_problems(public, "offer list")
    public.get_by_role("link", name="Kā top maize un kūkas").click()
    public.wait_for_url(re.compile(r"/excursions/offers/\d+/$"))
    assert "demonstrācijas dati" in public.locator("main").inner_text()
    problems += axe_problems(public, "offer detail")
    assert no_horizontal_scroll(public)
    offer_url = "/excursions/" + public.url.split("/excursions/", 1)[1]

    # the teacher and the host work with scripts switched off
    teacher = new_context(kind, java_script_enabled=False, **options).new_page()
    sign_in(teacher, "skolotaja", offer_url + "request/")
    problems += scan(new_context, kind, options, offer_url + "request/", "request form", "skolotaja")
    teacher.fill("#id_group_name", "7.a")
    teacher.fill("#id_group_size", "18")
    teacher.locator("#request-form button[type=submit]").click()
    teacher.wait_for_url(re.compile(r"/excursions/requests/\d+/$"))
    assert "gaida uzņēmuma atbildi" in teacher.locator("#request-status").inner_text()
    request_url = teacher.url

    host = new_context(kind, java_script_enabled=False, **options).new_page()
    sign_in(host, "maiznieks", "/excursions/host/")
    assert "7.a" in host.locator("#request-table").inner_text()
    problems += scan(new_context, kind, options, "/excursions/host/", "host inbox", "maiznieks")
    host.locator("#request-table a").first.click()
    host.fill("#id_note", "Gaidīsim pie galvenās ieejas.")
    host.get_by_role("button", name="Apstiprināt").click()
    host.wait_for_url(re.compile(r"/excursions/requests/\d+/$"))
    assert "apstiprināts" in host.locator("#request-status").inner_text()

    teacher.goto(request_url)
    assert "apstiprināts" in teacher.locator("#request-status").inner_text()
    assert "Gaidīsim pie galvenās ieejas." in teacher.locator("main").inner_text()
    ics = teacher.request.get(teacher.locator("a[download]").get_attribute("href"))
    assert ics.ok and "BEGIN:VEVENT" in ics.text()
    assert not problems, "\n".join(problems)


def test_shadowing_flow(new_context, world, size):
    from django.utils import timezone

    from karjera.excursions import services
    from karjera.excursions.models import ShadowApplication, ShadowRound

    kind, options = size
    problems = []
    teacher = new_context(kind, java_script_enabled=False, **options).new_page()
    sign_in(teacher, "skolotaja", "/excursions/shadow/")
    problems += scan(new_context, kind, options, "/excursions/shadow/", "Job Shadow Day places")
    teacher.get_by_role("link", name="Ievadīt pieteikumus").click()
    teacher.wait_for_url(re.compile(r"/excursions/shadow/apply/$"))
    teacher.fill("#id_pupil", "Līga S.")
    teacher.fill("#id_grade", "10")
    from karjera.excursions.models import ShadowPlace

    teacher.select_option("#id_first", value=str(ShadowPlace.objects.get(title="Konditora maiņa ceptuvē").pk))
    teacher.locator("#shadow-form button[type=submit]").click()
    teacher.wait_for_url(re.compile(r"/excursions/shadow/apply/$"))
    assert "gaida vietu sadali" in teacher.locator("#application-list").inner_text()
    problems += scan(new_context, kind, options, "/excursions/shadow/apply/", "Job Shadow Day applications", "skolotaja")

    # the deadline passes and the agency assigns the places
    rnd = ShadowRound.objects.get()
    ShadowApplication.objects.update(submitted_at=timezone.now() - timedelta(hours=2))
    ShadowRound.objects.filter(pk=rnd.pk).update(apply_until=timezone.now() - timedelta(hours=1))
    services.assign_round(rnd.pk)

    teacher.reload()
    assert "Konditora maiņa ceptuvē" in teacher.locator("#application-list").inner_text()
    host = new_context(kind, **options).new_page()
    sign_in(host, "maiznieks", "/excursions/host/")
    assert "Līga S." in host.locator("#host-places").inner_text()
    assert not problems, "\n".join(problems)


def test_pupil_applies_with_the_school_code(new_context, world):
    """A pupil on a phone, scripts off, applies with the school's code and opens the private status
    link; the teacher approves it in the school's list. The pupil's form, the status page and the
    teacher's page with the codes pass axe-core."""
    from karjera.excursions.models import ShadowApplication, ShadowPlace

    kind, options = SIZES["phone"]
    problems = []
    teacher = new_context(kind, java_script_enabled=False, **options).new_page()
    sign_in(teacher, "skolotaja", "/excursions/shadow/apply/")
    code = teacher.locator("#school-codes .shadow-code").first.inner_text().strip()
    assert no_horizontal_scroll(teacher)

    pupil = new_context(kind, java_script_enabled=False, **options).new_page()
    pupil.goto("/excursions/shadow/")
    pupil.get_by_role("link", name="Pieteikties kā skolēnam ar savas skolas kodu").click()
    pupil.wait_for_url(re.compile(r"/excursions/shadow/join/$"))
    problems += scan(new_context, kind, options, "/excursions/shadow/join/", "pupil's application")
    # (a wrong code answers 422, which the page factory reports as a failed load: covered in tests/excursions)
    pupil.fill("#id_pupil", "Roberts L.")
    pupil.fill("#id_grade", "10")
    place = ShadowPlace.objects.get(title="Konditora maiņa ceptuvē")
    pupil.fill("#id_code", code.lower())
    pupil.select_option("#id_first", value=str(place.pk))
    pupil.locator("#pupil-shadow-form button[type=submit]").click()
    pupil.wait_for_url(re.compile(r"/excursions/shadow/status/[\w-]+/$"))
    assert "gaida skolas apstiprinājumu" in pupil.locator("#application-status").inner_text()
    assert no_horizontal_scroll(pupil)
    status_url = "/excursions/" + pupil.url.split("/excursions/", 1)[1]
    problems += scan(new_context, kind, options, status_url, "pupil's status page")

    teacher.reload()
    assert "Roberts L." in teacher.locator("#application-list").inner_text()
    problems += scan(new_context, kind, options, "/excursions/shadow/apply/", "school's codes and approvals", "skolotaja")
    teacher.get_by_role("button", name="Apstiprināt: Roberts L.", exact=True).click()
    teacher.wait_for_url(re.compile(r"/excursions/shadow/apply/$"))
    pupil.reload()
    assert "apstiprināts skolā" in pupil.locator("#application-status").inner_text()
    assert not problems, "\n".join(problems)
