"""Competition pages and API: marking forms with and without the script, permissions, release,
certificates, registration and the demonstration loader."""
import json
from datetime import date

import pytest
from django.core.management import call_command
from django.test import Client

from karjera.competitions import services
from karjera.competitions.models import Competition, Competitor, Expert, InternationalResult, Mark, MarkAudit, SchoolRegistrar

pytestmark = pytest.mark.django_db


def signed_in(user, csrf=False):
    client = Client(enforce_csrf_checks=csrf)
    client.force_login(user)
    return client


def mark_url(w, competitor):
    return f"/en/competitions/marking/{w.cs.pk}/competitors/{competitor.pk}/"


def test_public_pages(client, world):
    assert client.get("/competitions/").status_code == 200
    html = client.get("/en/competitions/test-final/").content.decode()
    assert "Welding" in html and "results are published here" in html
    assert client.get("/competitions/international/").status_code == 200
    assert client.get("/competitions/no-such/").status_code == 404


def test_results_invisible_before_release(client, world):
    c = world.competitors[1]
    services.save_mark(world.chief_user, c.pk, world.m_full.pk, 0, value="10")
    assert client.get("/competitions/test-final/results/").status_code == 404
    assert client.get(f"/competitions/test-final/certificates/{c.pk}.pdf").status_code == 404
    assert client.get("/api/v1/competitions/test-final/results").status_code == 404
    # an expert is not a manager
    assert signed_in(world.chief_user).get("/competitions/test-final/results/").status_code == 404
    assert signed_in(world.chief_user).post("/competitions/test-final/release/").status_code == 403
    manager = signed_in(world.manager)
    preview = manager.get("/en/competitions/test-final/results/").content.decode()
    assert "Not released" in preview
    assert manager.post("/competitions/test-final/release/").status_code == 302
    assert Competition.objects.get(pk=world.competition.pk).results_released
    html = client.get("/en/competitions/test-final/results/").content.decode()
    assert "Konk2" in html and "gold medal" in html and "Not released" not in html
    api = client.get("/api/v1/competitions/test-final/results").json()
    assert api[0]["results"][0]["medal"] == "gold"


def test_certificate_pdf_after_release(client, world):
    world.competition.results_released = True
    world.competition.save()
    c = world.competitors[1]
    response = client.get(f"/competitions/test-final/certificates/{c.pk}.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert client.get(f"/competitions/test-final/certificates/{world.other_competitor.pk + 999}.pdf").status_code == 404


def test_marking_form_without_script(world):
    c = world.competitors[1]
    expert = signed_in(world.expert_a_user, csrf=False)
    page = expert.get(mark_url(world, c))
    assert page.status_code == 200
    html = page.content.decode()
    assert f'id="aspect-{world.m_deduct.pk}"' in html and 'name="judge3"' in html
    response = expert.post(mark_url(world, c), {"aspect": world.m_deduct.pk, "version": 0, "value": "37.5"})
    assert response.status_code == 302 and f"saved={world.m_deduct.pk}" in response["Location"]
    assert Mark.objects.get(competitor=c, aspect=world.m_deduct).value == 37.5
    # a stale form shows the conflict and keeps the stored mark
    stale = expert.post(mark_url(world, c), {"aspect": world.m_deduct.pk, "version": 0, "value": "12"})
    assert stale.status_code == 409
    assert "Someone else saved this mark" in stale.content.decode()
    judged = expert.post(mark_url(world, c), {"aspect": world.judged.pk, "version": 0, "judge1": 3, "judge2": 2, "judge3": 3})
    assert judged.status_code == 302
    bad = expert.post(mark_url(world, c), {"aspect": world.judged.pk, "version": 1, "judge1": 3, "judge2": "x", "judge3": 3})
    assert bad.status_code == 422


def test_marking_json_for_the_script(world):
    c = world.competitors[1]
    expert = signed_in(world.expert_c_user)
    first = expert.post(mark_url(world, c), {"aspect": world.m_full.pk, "version": 0, "value": "10"}, HTTP_ACCEPT="application/json")
    assert first.status_code == 200 and first.json()["version"] == 1
    other = signed_in(world.chief_user)
    other.post(mark_url(world, c), {"aspect": world.m_full.pk, "version": 1, "value": "0"}, HTTP_ACCEPT="application/json")
    stale = expert.post(mark_url(world, c), {"aspect": world.m_full.pk, "version": 1, "value": "10"}, HTTP_ACCEPT="application/json")
    assert stale.status_code == 409
    body = stale.json()
    assert body["error"] == "conflict" and body["current"] == {**body["current"], "value": "0.00", "version": 2, "updated_by": "chief"}


def test_marking_pages_are_scoped_to_the_experts_skill(world):
    expert = signed_in(world.expert_a_user)
    assert expert.get(f"/competitions/marking/{world.other_cs.pk}/").status_code == 404
    other_url = f"/competitions/marking/{world.other_cs.pk}/competitors/{world.other_competitor.pk}/"
    assert expert.get(other_url).status_code == 404
    assert expert.post(other_url, {"aspect": world.other_aspect.pk, "version": 0, "value": "50"}).status_code == 404
    # another skill's competitor under this skill's address
    assert expert.get(f"/competitions/marking/{world.cs.pk}/competitors/{world.other_competitor.pk}/").status_code == 404
    # own school: the page says so and a save is refused
    own = world.competitors[0]
    assert expert.get(mark_url(world, own)).status_code == 403
    assert expert.post(mark_url(world, own), {"aspect": world.m_full.pk, "version": 0, "value": "10"}).status_code == 403
    assert not Mark.objects.filter(competitor=own).exists()
    overview = expert.get(f"/en/competitions/marking/{world.cs.pk}/").content.decode()
    assert "your school" in overview
    assert Client().get(mark_url(world, own)).status_code == 302  # to the sign-in page


def test_sign_off_page_locks_the_day(world):
    c = world.competitors[1]
    services.save_mark(world.expert_a_user, c.pk, world.m_full.pk, 0, value="10")
    assert signed_in(world.expert_a_user).post(f"/competitions/marking/{world.cs.pk}/sign-off/", {"day": 1}).status_code == 403
    assert signed_in(world.chief_user).post(f"/competitions/marking/{world.cs.pk}/sign-off/", {"day": 1}).status_code == 302
    response = signed_in(world.expert_a_user).post(mark_url(world, c), {"aspect": world.m_full.pk, "version": 1, "value": "0"})
    assert response.status_code == 409
    assert "signed off" in response.content.decode()
    assert Mark.objects.get(competitor=c, aspect=world.m_full).value == 10


# ---- API ----------------------------------------------------------------------------------------


def put(client, body, **extra):
    return client.put("/api/v1/competitions/marks", json.dumps(body), content_type="application/json", **extra)


def test_api_marks_with_versions_and_csrf(world):
    c = world.competitors[1]
    assert put(Client(), {"competitor": c.pk, "aspect": world.m_full.pk, "based_on_version": 0, "value": "10"}).status_code == 401
    strict = signed_in(world.expert_c_user, csrf=True)
    body = {"competitor": c.pk, "aspect": world.m_full.pk, "based_on_version": 0, "value": "10"}
    assert put(strict, body).status_code == 403  # no CSRF token
    strict.get(mark_url(world, c))  # a page with a form sets the CSRF cookie
    token = strict.cookies["csrftoken"].value
    ok = put(strict, body, HTTP_X_CSRFTOKEN=token)
    assert ok.status_code == 200 and ok.json()["version"] == 1
    again = put(signed_in(world.chief_user), {**body, "value": "0"})
    assert again.status_code == 409 and again.json()["current"]["version"] == 1
    assert put(signed_in(world.chief_user), {**body, "based_on_version": 1, "value": "3"}).status_code == 422
    assert put(signed_in(world.chief_user), {**body, "competitor": 10**6}).status_code == 404
    assert put(signed_in(world.expert_a_user), {**body, "competitor": world.competitors[0].pk}).status_code == 403
    listing = signed_in(world.chief_user).get(f"/api/v1/competitions/skills/{world.cs.pk}/marks")
    assert listing.status_code == 200 and listing.json()[0]["value"] == "10.00"
    assert signed_in(world.expert_a_user).get(f"/api/v1/competitions/skills/{world.other_cs.pk}/marks").status_code == 403
    assert Client().get(f"/api/v1/competitions/skills/{world.cs.pk}/marks").status_code == 401
    assert signed_in(world.chief_user).get("/api/v1/competitions/skills/999999/marks").status_code == 404


# ---- registration -------------------------------------------------------------------------------


def test_registration_checks_age_and_school(world):
    registrar_user = world.other_user
    assert signed_in(registrar_user).get("/competitions/register/").status_code == 403
    SchoolRegistrar.objects.create(user=registrar_user, school=world.school_b)
    client = signed_in(registrar_user)
    assert client.get("/en/competitions/register/").status_code == 200
    base = {"form": "competitor", "c-competition_skill": world.cs.pk, "c-school": world.school_b.pk,
            "c-first_name": "Elīza", "c-last_name": "Zariņa"}
    too_old = client.post("/en/competitions/register/", {**base, "c-date_of_birth": "2003-04-22"})  # 23 on day one
    assert too_old.status_code == 422 and "SkillsLatvia: up to 22" in too_old.content.decode()
    other_school = client.post("/en/competitions/register/", {**base, "c-school": world.school_a.pk, "c-date_of_birth": "2007-01-01"})
    assert other_school.status_code == 422
    ok = client.post("/en/competitions/register/", {**base, "c-date_of_birth": "2003-04-23"})  # 22 on day one
    assert ok.status_code == 200
    new = Competitor.objects.get(first_name="Elīza")
    assert new.number == 5 and new.school == world.school_b and new.date_of_birth == date(2003, 4, 23)
    expert = client.post("/en/competitions/register/", {"form": "expert", "e-competition_skill": world.cs.pk, "e-school": world.school_b.pk,
                                                          "e-first_name": "Rūta", "e-last_name": "Grante", "e-email": "ruta@example.org"})
    assert expert.status_code == 200
    assert Expert.objects.filter(user__username="ruta@example.org", school=world.school_b, is_chief=False).exists()


def test_euroskills_age_rule(world):
    world.competition.age_rule = "euroskills"
    world.competition.save()
    from django.core.exceptions import ValidationError

    young = Competitor(competition_skill=world.cs, number=9, first_name="A", last_name="B",
                       date_of_birth=date(2009, 4, 23), school=world.school_a)  # 16 on day one
    with pytest.raises(ValidationError):
        young.clean()
    young.date_of_birth = date(2001, 4, 23)  # 25
    young.clean()


# ---- demonstration data -------------------------------------------------------------------------


def test_demo_loader_is_idempotent(client):
    call_command("load_competitions_demo")
    counts = (Competition.objects.count(), Competitor.objects.count(), Mark.objects.count(), MarkAudit.objects.count())
    call_command("load_competitions_demo")
    assert (Competition.objects.count(), Competitor.objects.count(), Mark.objects.count(), MarkAudit.objects.count()) == counts
    assert counts[0] == 3 and counts[2] > 0
    semi = Competition.objects.get(slug="skillslatvia-2026-semi-final-welding")
    assert semi.results_released and semi.final.slug == "skillslatvia-2026-final"
    assert Competitor.objects.filter(competition_skill__competition=semi).count() >= 10
    for competitor in Competitor.objects.select_related("competition_skill__competition"):
        competitor.clean()  # every demo competitor within the age rule
    special = InternationalResult.objects.filter(edition="2022 Special Edition")
    assert {r.result for r in special} == {"silver", "bronze", "excellence"} and special[0].team_size == 8
    html = client.get("/en/competitions/skillslatvia-2026-semi-final-welding/results/").content.decode()
    assert "demo-banner" in html and "gold medal" in html
    assert client.get("/competitions/skillslatvia-2026-final/results/").status_code == 404
    programme = client.get("/en/competitions/skillslatvia-2026-final/").content.decode()
    assert "Visitor programme" in programme and "Try welding on a simulator" in programme
    assert "2022 Special Edition" in client.get("/en/competitions/international/").content.decode()
