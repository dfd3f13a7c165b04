"""Every staff URL and API endpoint, tried by someone who should not see it: a counsellor of another
school, a colleague at the same school, the school administrator, municipality coordinators and an
anonymous visitor. The owner gets 200 on each, so the refusals are real."""
import pytest
from counselling_helpers import make_staff

from karjera.counselling import rules
from karjera.counselling.models import Consultation, Plan, PlanActivity

pytestmark = pytest.mark.django_db


@pytest.fixture
def objects(people, group, pupils, schools, library):
    anna = pupils["anna"]
    consultation = Consultation.objects.create(member=anna, author=people["counsellor"], held_on="2026-11-30", goals="x")
    plan = Plan.objects.create(institution=schools["mine"], school_year="2026/2027", title="Plāns", created_by=people["counsellor"])
    activity = PlanActivity.objects.create(plan=plan, age_group="7-9", month=10, title="Nodarbība")
    return {"group": group, "member": anna, "consultation": consultation, "plan": plan, "activity": activity,
            "municipality": schools["mine"].municipality_id}


def group_urls(o):
    g, m = o["group"].pk, o["member"].pk
    return [
        ("get", f"/counselling/groups/{g}/"),
        ("post", f"/counselling/groups/{g}/open/"),
        ("get", f"/counselling/groups/{g}/export.csv"),
        ("get", f"/counselling/groups/{g}/export.xlsx"),
        ("get", f"/counselling/groups/{g}/pupils/{m}/"),
        ("get", f"/counselling/groups/{g}/pupils/{m}/interests.pdf"),
        ("post", f"/counselling/groups/{g}/pupils/{m}/notes/"),
        ("get", f"/counselling/groups/{g}/pupils/{m}/consultations/new/"),
        ("get", f"/counselling/groups/{g}/pupils/{m}/consultations/{o['consultation'].pk}/"),
        ("post", f"/counselling/groups/{g}/pupils/{m}/consultations/{o['consultation'].pk}/"),
        ("api", f"/api/v1/counselling/groups/{g}"),
    ]


def plan_view_urls(o):
    p = o["plan"].pk
    return [("get", f"/counselling/plans/{p}/"), ("get", f"/counselling/plans/{p}/plan.pdf")]


def plan_edit_urls(o):
    p, a = o["plan"].pk, o["activity"].pk
    return [("post", f"/counselling/plans/{p}/"), ("get", f"/counselling/plans/{p}/activities/{a}/"),
            ("post", f"/counselling/plans/{p}/activities/{a}/")]


def municipality_urls(o):
    return [("get", f"/counselling/municipality/{o['municipality']}/"),
            ("api", f"/api/v1/counselling/municipalities/{o['municipality']}/aggregate")]


def fetch(client, method, url):
    if method == "api":
        return client.get(url)
    return getattr(client, method)(url, {}) if method == "post" else client.get(url)


OWN_STATUS = {"get": {200}, "api": {200}, "post": {200, 302, 422}}


def test_the_owner_reaches_every_url(client, people, objects):
    client.force_login(people["counsellor"])
    for method, url in group_urls(objects) + plan_view_urls(objects) + plan_edit_urls(objects):
        assert fetch(client, method, url).status_code in OWN_STATUS[method], url
    client.force_login(people["coordinator"])
    for method, url in municipality_urls(objects) + plan_view_urls(objects):
        assert fetch(client, method, url).status_code == 200, url


@pytest.mark.parametrize("who", ["stranger", "colleague", "school_admin", "coordinator", "other_coordinator"])
def test_other_staff_get_404_for_individual_data(client, people, objects, who):
    client.force_login(people[who])
    for method, url in group_urls(objects):
        assert fetch(client, method, url).status_code == 404, (who, url)


@pytest.mark.parametrize("who", ["stranger", "other_coordinator"])
def test_plans_of_another_school_are_not_visible(client, people, objects, who):
    client.force_login(people[who])
    for method, url in plan_view_urls(objects) + plan_edit_urls(objects):
        assert fetch(client, method, url).status_code == 404, (who, url)
    assert "Plāns" not in client.get("/counselling/plans/").content.decode()


def test_a_coordinator_reads_plans_of_the_municipality_but_does_not_edit(client, people, objects):
    client.force_login(people["coordinator"])
    for method, url in plan_edit_urls(objects):
        assert fetch(client, method, url).status_code == 404, url


@pytest.mark.parametrize("who", ["counsellor", "stranger", "school_admin", "other_coordinator"])
def test_municipality_figures_only_for_its_coordinator(client, people, objects, who):
    client.force_login(people[who])
    for method, url in municipality_urls(objects):
        assert fetch(client, method, url).status_code == 404, (who, url)


def all_staff_urls(o):
    return [
        ("get", "/counselling/"), ("post", "/counselling/groups/new/"), ("get", "/counselling/plans/"),
        ("post", "/counselling/plans/"), ("get", "/counselling/municipality/"),
        ("api", "/api/v1/counselling/groups"),
    ] + group_urls(o) + plan_view_urls(o) + plan_edit_urls(o) + municipality_urls(o)


def test_anonymous_visitors_are_sent_to_sign_in(client, objects):
    for method, url in all_staff_urls(objects):
        r = fetch(client, method, url)
        if method == "api":
            assert r.status_code == 401, url
        else:
            assert r.status_code == 302 and r["Location"].startswith("/accounts/login/?next="), url


def test_signed_in_users_without_a_role_get_403(client, objects):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.create_user("bez-lomas", password="x"))
    for method, url in all_staff_urls(objects):
        assert fetch(client, method, url).status_code == 403, url


def test_a_counsellor_cannot_create_a_group_at_another_school(client, people, schools):
    client.force_login(people["stranger"])
    r = client.post("/counselling/groups/new/", {"name": "x", "school": schools["mine"].pk, "tests": ["interests"]})
    assert r.status_code == 422
    from karjera.counselling.models import Group

    assert not Group.objects.filter(name="x").exists()


def test_withdrawn_consent_hides_the_pupil_from_the_api_at_once(client, people, objects):
    member = objects["member"]
    client.force_login(people["counsellor"])
    url = f"/api/v1/counselling/groups/{objects['group'].pk}"
    assert "Anna" in [p["display_name"] for p in client.get(url).json()["shared"]]
    r = client.put(f"/api/v1/counselling/members/{member.token}/consent", data='{"shares": false}', content_type="application/json")
    assert r.status_code == 200 and r.json()["shares"] is False
    body = client.get(url).json()
    assert [p["display_name"] for p in body["shared"]] == ["Bruno"] and body["not_sharing"] == 2
    assert sum(body["profile"]["riasec_first"].values()) == 1


def test_agency_administrators_need_the_second_factor(client, objects):
    import time

    from karjera.counselling import totp
    from karjera.counselling.models import StaffRole

    admin = make_staff("agentura", rules.AGENCY_ADMIN)
    client.force_login(admin)
    r = client.get(f"/counselling/municipality/{objects['municipality']}/")
    assert r.status_code == 302 and r["Location"] == "/counselling/second-factor/"
    assert client.get(f"/api/v1/counselling/municipalities/{objects['municipality']}/aggregate").status_code == 403
    page = client.get("/counselling/second-factor/")
    secret = StaffRole.objects.get(user=admin).totp_secret
    assert secret in page.content.decode()
    assert client.post("/counselling/second-factor/", {"code": "000000" if totp.totp(totp._key(secret), time.time()) != "000000" else "111111"}).status_code == 422
    code = totp.totp(totp._key(secret), time.time())
    assert client.post("/counselling/second-factor/", {"code": code}).status_code == 302
    assert client.get(f"/counselling/municipality/{objects['municipality']}/").status_code == 200
    assert StaffRole.objects.get(user=admin).totp_confirmed
    other = client.__class__()
    other.force_login(admin)
    assert secret not in other.get("/counselling/second-factor/").content.decode()  # shown only until confirmed
    assert other.post("/counselling/second-factor/", {"code": code}).status_code == 422  # no replay
