"""The counsellor workspace in a real Chromium: a counsellor signs in on a computer and creates a group;
three pupils join it through its link on phones, two share their results and one does not, all finish
the interest test; the dashboard shows exactly the two, with charts that match their results; one
withdraws consent and disappears from the dashboard. The workspace pages pass axe-core on a phone and a
computer.

Expected figures are computed from the stored results in the database, not written down here.
"""
import re
from collections import Counter

import pytest
from axe_check import axe_problems
from django.conf import settings

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Konsultants-2026-parole"
SAMPLE_LIBRARY = settings.BASE_DIR / "tests" / "counselling" / "data"

# Option index per position in the R I A S E C cycle of the interest items: three distinct profiles,
# so a pupil counted by mistake would change the figures.
PATTERNS = {
    "Anna": {3: 4, 2: 3},  # social, then artistic
    "Bruno": {0: 4, 1: 3},  # realistic, then investigative
    "Cilda": {4: 4, 5: 3},  # enterprising, then conventional; does not share
}
SHARING = {"Anna", "Bruno"}


@pytest.fixture
def workspace(site):
    """The demonstration schools, a counsellor at one of them and the sample methods library."""
    from django.contrib.auth import get_user_model

    from karjera.counselling import loader, rules
    from karjera.counselling.models import StaffRole
    from karjera.education.importer import import_directory
    from karjera.education.models import Institution

    import_directory(settings.DATA_DIR / "education" / "demo")
    loader.load(SAMPLE_LIBRARY / "methods", SAMPLE_LIBRARY / "plan_templates.yaml")
    school = Institution.objects.order_by("pk").first()
    user = get_user_model().objects.create_user("konsultante", password=PASSWORD)
    role = StaffRole.objects.create(user=user, role=rules.COUNSELLOR)
    role.schools.set([school])
    return {"user": user, "school": school}


def interests():
    from karjera.assessments import engine

    return engine.available()["interests"]


def sign_in(page, username="konsultante"):
    page.goto("/accounts/login/?next=/counselling/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/counselling/$"))


def finish_interests_quickly(page, pattern):
    """From the pupil's group page: start the interest test in the page, answer through the JSON API
    (as tests/browser/test_pupil_journey.py does), finish it on the finish page."""
    page.locator("li[data-test=interests] form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/s/[^/]+/q/1/$"))
    sid = page.url.split("/s/")[1].split("/")[0]
    inst = interests()
    options = inst.options("lv")
    for i, item in enumerate(inst.items):
        value = options[pattern.get(i % 6, 0)]["value"]
        response = page.request.put(f"/api/v1/sessions/{sid}/answers/{item['id']}", data={"value": value})
        assert response.ok, response.text()
    page.goto(f"/s/{sid}/finish/")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/s/{sid}/result/$"))
    return sid


def expected_figures(group_pk):
    """What the dashboard must show, from the stored results of members who share right now."""
    from karjera.counselling import display
    from karjera.counselling.models import MemberTest

    first, fields, codes = Counter(), Counter(), Counter()
    names = set()
    flat = 0
    links = MemberTest.objects.filter(member__group_id=group_pk, member__shares=True, slug="interests",
                                      session__status="completed").select_related("member", "session")
    for link in links:
        names.add(link.member.display_name)
        result = link.session.result
        if "flat_profile" in (result.get("flags") or []):
            flat += 1
        else:
            first[result["code"][0]] += 1
            codes[result["code"]] += 1
        if result.get("fields"):
            fields[result["fields"][0]["code"]] += 1
    riasec = {t: first.get(t, 0) for t in "RIASEC"}
    return {
        "names": names, "riasec": riasec, "fields": dict(fields), "codes": dict(codes), "pupils": len(names),
        "riasec_names": {t: display.type_name(t, "lv") for t in "RIASEC"},
        "field_names": {c: display.field_name(c, "lv") for c in fields},
        "flat": flat,
    }


def table_counts(page, table_id):
    rows = page.locator(f"#{table_id} tbody tr")
    return {rows.nth(i).get_attribute("data-code"): int(rows.nth(i).locator("td").inner_text())
            for i in range(rows.count())}


def check_dashboard(page, group_pk):
    expected = expected_figures(group_pk)
    shown = page.locator("#pupils-table tbody th[scope=row]").all_inner_texts() if expected["names"] else []
    assert {s.strip() for s in shown} == expected["names"]
    assert "Cilda" not in page.locator("main").inner_text()

    # The strongest-type chart: its table, its text alternative and its bars.
    assert table_counts(page, "riasec-table") == expected["riasec"]
    riasec_svg = page.locator("#riasec-title").locator("xpath=..")
    desc = riasec_svg.locator("desc").text_content()
    for t, n in expected["riasec"].items():
        assert f"{expected['riasec_names'][t]} {n}" in desc, (t, n, desc)
    bar_values = riasec_svg.locator("text").all_text_contents()[1::2]
    rated = expected["pupils"] - expected["flat"]
    assert bar_values == [f"{expected['riasec'][t]}/{max(rated, 1)}" for t in "RIASEC"]

    # The education-field chart.
    assert table_counts(page, "fields-table") == expected["fields"]
    fields_desc = page.locator("#fields-desc").text_content()
    for code, n in expected["fields"].items():
        assert f"{expected['field_names'][code]} {n}" in fields_desc

    # Codes, and progress counted over every member (numbers only).
    chips = page.locator("#codes-list li").all_inner_texts()
    assert sorted(c.replace("\xa0", " ") for c in chips) == sorted(f"{c} × {n}" for c, n in expected["codes"].items())
    assert "3 / 3" in page.locator("#progress-table tr[data-test=interests]").inner_text()
    return expected


def test_a_class_joins_on_phones_and_the_dashboard_shows_only_who_shares(workspace, new_context):
    from karjera.counselling.models import GroupMember

    counsellor = new_context("desktop").new_page()
    sign_in(counsellor)
    counsellor.fill("#id_name", "9.b")
    counsellor.fill("#id_grade", "9")
    counsellor.select_option("#id_school", str(workspace["school"].pk))
    counsellor.locator("#group-form button[type=submit]").click()
    counsellor.wait_for_url(re.compile(r"/counselling/groups/\d+/$"))
    group_pk = int(counsellor.url.rstrip("/").split("/")[-1])
    join_link = counsellor.locator("#join-link").get_attribute("href")
    assert re.search(r"/counselling/join/[A-Z0-9]{6}/$", join_link), join_link
    assert counsellor.locator("#join-code").inner_text().strip().replace("-", "") in join_link

    member_pages = {}
    for name, pattern in PATTERNS.items():
        pupil = new_context("phone").new_page()
        pupil.goto(join_link)
        pupil.fill("#id_display_name", name)
        if name in SHARING:
            pupil.locator("#id_shares").check()
        pupil.locator("#join-form button[type=submit]").click()
        pupil.wait_for_url(re.compile(r"/counselling/m/[\w-]+/$"))
        member_pages[name] = pupil.url
        finish_interests_quickly(pupil, pattern)
        pupil.goto(member_pages[name])
        assert pupil.locator("li[data-test=interests] a[href$='/result/']").count() == 1
        member_pages[name] = pupil

    assert set(GroupMember.objects.filter(group_id=group_pk, shares=True).values_list("display_name", flat=True)) == SHARING
    counsellor.reload()
    expected = check_dashboard(counsellor, group_pk)
    assert expected["names"] == SHARING and expected["pupils"] == 2
    assert "1" in counsellor.locator("#member-counts").inner_text()  # one pupil does not share

    # Bruno withdraws consent on his phone; the dashboard no longer shows him, his page is gone.
    bruno = member_pages["Bruno"]
    bruno_pk = GroupMember.objects.get(group_id=group_pk, display_name="Bruno").pk
    counsellor.goto(f"/counselling/groups/{group_pk}/pupils/{bruno_pk}/")
    assert counsellor.locator("h1").inner_text().strip() == "Bruno"
    bruno.locator("#consent-button").click()
    bruno.wait_for_url(re.compile(r"\?consent=saved$"))
    assert not GroupMember.objects.get(pk=bruno_pk).shares
    counsellor.goto(f"/counselling/groups/{group_pk}/")
    expected = check_dashboard(counsellor, group_pk)
    assert expected["names"] == {"Anna"}
    assert "Bruno" not in counsellor.locator("main").inner_text()
    # (through the context's request client: a 404 page load would count as a console error)
    assert counsellor.request.get(f"/counselling/groups/{group_pk}/pupils/{bruno_pk}/").status == 404


def test_workspace_pages_pass_axe_on_phone_and_desktop(workspace, new_context):
    from karjera.counselling import services
    from karjera.counselling.models import Group, Plan

    group = Group.objects.create(institution=workspace["school"], counsellor=workspace["user"], name="10.a", grade=10,
                                 tests=["interests", "values"])
    member = services.join(group, "Dace", True)
    desktop = new_context("desktop").new_page()
    sign_in(desktop)
    # Dace finishes the interest test in her own (phone) browser.
    phone_pupil = new_context("phone").new_page()
    phone_pupil.goto(f"/counselling/m/{member.token}/")
    finish_interests_quickly(phone_pupil, PATTERNS["Anna"])

    # A plan from a template, made through the plans page.
    desktop.goto("/counselling/plans/")
    desktop.fill("#id_school_year", "2026/2027")
    desktop.locator("#plan-form button[type=submit]").click()
    desktop.wait_for_url(re.compile(r"/counselling/plans/\d+/$"))
    plan = Plan.objects.get()
    assert plan.activities.exists()

    pages = {
        "dashboard": f"/counselling/groups/{group.pk}/",
        "pupil view": f"/counselling/groups/{group.pk}/pupils/{member.pk}/",
        "plan editor": f"/counselling/plans/{plan.pk}/",
        "methods library": "/counselling/methods/",
        "methods search": "/counselling/methods/?q=interes&age=7-9",
        "workspace home": "/counselling/",
    }
    phone = new_context("phone", storage_state=desktop.context.storage_state()).new_page()
    problems = []
    for kind, page in (("desktop", desktop), ("phone", phone)):
        for name, url in pages.items():
            response = page.goto(url)
            assert response.status == 200, (kind, name, response.status)
            problems += axe_problems(page, f"{name}, {kind}")
        page.goto(f"/counselling/groups/{group.pk}/pupils/{member.pk}/")
        assert page.locator("svg[role=img]").count() >= 1  # the shared result's chart
    for name, url in (("join page", f"/counselling/join/{group.join_code}/"), ("member page", f"/counselling/m/{member.token}/")):
        phone_pupil.goto(url)
        problems += axe_problems(phone_pupil, f"{name}, phone")
    assert not problems, "axe-core found serious or critical problems:\n" + "\n".join(problems)
