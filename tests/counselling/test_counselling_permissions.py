"""Every staff URL and API endpoint, tried by someone who should not see it: a counsellor of another
school, a colleague at the same school, the school administrator, municipality coordinators and an
anonymous visitor. The owner gets 200 on each, so the refusals are real."""
import pytest
from counselling_helpers import make_staff

from karjera.counselling import rules
from karjera.counselling.models import Consultation, Plan, PlanActivity

pytestmark = pytest.mark.django_db


# ---- every staff URL and API endpoint, enumerated ---------------------------------------------------
#
# Each case: (url name, method, path, data, expected status per visitor). "login" means a redirect to the
# sign-in page; a 200 to someone other than the owner must not contain any marker they may not see.
# A URL pattern or an OpenAPI operation that no case covers fails `test_every_url_has_a_case`.

LOGIN = "login"
# Pupil and public routes: the capability is the member token or the join code; tested below with
# wrong capabilities, and by test_counselling_pages.py for what they show.
PUPIL_OR_PUBLIC_PAGES = {"join", "join_code", "member", "member_start", "member_consent", "methods", "method"}
VISITORS = ("stranger", "coordinator", "other_coordinator", "anonymous")
OWNER = {"counsellor", "coordinator"}


def page_cases(o):
    g, m, c, p, a = o["group"].pk, o["member"].pk, o["consultation"].pk, o["plan"].pk, o["activity"].pk
    group = f"/counselling/groups/{g}"
    pupil = f"{group}/pupils/{m}"
    mine, other = o["municipality"], o["other_municipality"]
    new_group = {"name": "Ielaušanās", "school": o["school"], "tests": ["interests"]}
    new_plan = {"school": o["school"], "school_year": "2027/2028", "template": o["template"]}
    activity = {"age_group": "7-9", "month": 11, "title": "Jauna nodarbība", "methods_text": ""}
    # owner, stranger (counsellor of another school), the group's own municipality coordinator,
    # another municipality's coordinator
    individual = {"counsellor": {200}, "stranger": {404}, "coordinator": {404}, "other_coordinator": {404}}
    individual_post = {**individual, "counsellor": {302}}
    plan_read = {"counsellor": {200}, "stranger": {404}, "coordinator": {200}, "other_coordinator": {404}}
    plan_edit = {"counsellor": {200}, "stranger": {404}, "coordinator": {404}, "other_coordinator": {404}}
    return [
        ("home", "get", "/counselling/", None, {"counsellor": {200}, "stranger": {200}, "coordinator": {200}, "other_coordinator": {200}}),
        ("group_create", "post", "/counselling/groups/new/", new_group,
         {"counsellor": {302}, "stranger": {422}, "coordinator": {404}, "other_coordinator": {404}}),
        ("group", "get", f"{group}/", None, individual),
        ("group_toggle", "post", f"{group}/open/", {}, individual_post),
        ("export_csv", "get", f"{group}/export.csv", None, individual),
        ("export_xlsx", "get", f"{group}/export.xlsx", None, individual),
        ("pupil", "get", f"{pupil}/", None, individual),
        ("pupil_report", "get", f"{pupil}/interests.pdf", None, individual),
        ("note_add", "post", f"{pupil}/notes/", {"text": "Slepena piezīme"}, individual_post),
        ("consultation_new", "get", f"{pupil}/consultations/new/", None, individual),
        ("consultation_new", "post", f"{pupil}/consultations/new/", {"held_on": "2026-12-01", "goals": "Mērķis"}, individual_post),
        ("consultation", "get", f"{pupil}/consultations/{c}/", None, individual),
        ("consultation", "post", f"{pupil}/consultations/{c}/", {"held_on": "2026-12-01", "goals": "Mainīts"}, individual_post),
        ("municipality_own", "get", "/counselling/municipality/", None,
         {"counsellor": {404}, "stranger": {404}, "coordinator": {200}, "other_coordinator": {200}}),
        ("municipality", "get", f"/counselling/municipality/{mine}/", None,
         {"counsellor": {404}, "stranger": {404}, "coordinator": {200}, "other_coordinator": {404}}),
        ("municipality", "get", f"/counselling/municipality/{other}/", None,
         {"counsellor": {404}, "stranger": {404}, "coordinator": {404}, "other_coordinator": {200}}),
        ("plans", "get", "/counselling/plans/", None, {"counsellor": {200}, "stranger": {200}, "coordinator": {200}, "other_coordinator": {200}}),
        ("plans", "post", "/counselling/plans/", new_plan,
         {"counsellor": {302}, "stranger": {422}, "coordinator": {422}, "other_coordinator": {422}}),
        ("plan", "get", f"/counselling/plans/{p}/", None, plan_read),
        ("plan", "post", f"/counselling/plans/{p}/", activity, {**plan_edit, "counsellor": {302}}),
        ("plan_pdf", "get", f"/counselling/plans/{p}/plan.pdf", None, plan_read),
        ("activity", "get", f"/counselling/plans/{p}/activities/{a}/", None, plan_edit),
        ("activity", "post", f"/counselling/plans/{p}/activities/{a}/", {**activity, "title": "Mainīta"}, {**plan_edit, "counsellor": {302}}),
        ("second_factor", "get", "/counselling/second-factor/", None,
         {"counsellor": {404}, "stranger": {404}, "coordinator": {404}, "other_coordinator": {404}}),
    ]


API = "/api/v1/counselling"
# Staff endpoints: (OpenAPI path, method) -> (concrete path, expected status per visitor)
PUPIL_OR_PUBLIC_API = {
    ("/join", "post"), ("/members/{token}", "get"), ("/members/{token}/consent", "put"),
    ("/members/{token}/tests/{slug}", "post"), ("/methods", "get"),
}


def api_cases(o):
    mine, other = o["municipality"], o["other_municipality"]
    return {
        ("/groups", "get"): [("/groups", {"counsellor": {200}, "stranger": {200}, "coordinator": {200}, "other_coordinator": {200}})],
        ("/groups/{group_id}", "get"): [
            (f"/groups/{o['group'].pk}", {"counsellor": {200}, "stranger": {404}, "coordinator": {404}, "other_coordinator": {404}})],
        ("/municipalities/{code}/aggregate", "get"): [
            (f"/municipalities/{mine}/aggregate", {"counsellor": {404}, "stranger": {404}, "coordinator": {200}, "other_coordinator": {404}}),
            (f"/municipalities/{other}/aggregate", {"counsellor": {404}, "stranger": {404}, "coordinator": {404}, "other_coordinator": {200}}),
        ],
    }


def markers(o, who):
    """Text that `who` must never receive: pupils' names, the group's join code, notes and
    consultations; another school's plan."""
    secret = ["Anna", "Bruno", "Cilda", o["group"].join_code, o["group"].display_code, "Slepena piezīme", "Mērķis-konsultācijā"]
    if who in ("stranger", "other_coordinator"):
        secret += ["Plāns-skolai", "Nodarbība-skolai"]
    return secret


def call(client, method, url, data=None, api=False):
    if api:
        return getattr(client, method)(url)
    if method == "post":
        return client.post(url, data or {})
    return client.get(url)


def assert_no_leak(response, secret, where):
    if response.status_code != 200 or response.get("Content-Type", "").startswith("application/pdf"):
        return
    body = response.content.decode("utf-8", "replace")
    leaked = [s for s in secret if s in body]
    assert not leaked, (where, leaked)


@pytest.fixture
def objects(people, group, pupils, schools, library):
    from karjera.counselling.models import PlanTemplate

    anna = pupils["anna"]
    consultation = Consultation.objects.create(member=anna, author=people["counsellor"], held_on="2026-11-30", goals="Mērķis-konsultācijā")
    plan = Plan.objects.create(institution=schools["mine"], school_year="2026/2027", title="Plāns-skolai", created_by=people["counsellor"])
    activity = PlanActivity.objects.create(plan=plan, age_group="7-9", month=10, title="Nodarbība-skolai")
    return {"group": group, "member": anna, "consultation": consultation, "plan": plan, "activity": activity,
            "municipality": schools["mine"].municipality_id, "other_municipality": schools["other"].municipality_id,
            "school": schools["mine"].pk, "template": PlanTemplate.objects.first().slug}


def test_every_url_has_a_case(objects):
    from django.test import Client

    from karjera.counselling.urls import urlpatterns

    names = {p.name for p in urlpatterns}
    covered = {case[0] for case in page_cases(objects)}
    assert covered | PUPIL_OR_PUBLIC_PAGES == names, f"URLs without a permission case: {sorted(names - covered - PUPIL_OR_PUBLIC_PAGES)}"
    assert not covered & PUPIL_OR_PUBLIC_PAGES

    document = Client().get("/api/openapi.json").json()
    operations = {
        (path[len(API):], method)
        for path, item in document["paths"].items() if path.startswith(API + "/")
        for method in item if method in ("get", "post", "put", "patch", "delete")
    }
    staff = set(api_cases(objects))
    assert staff | PUPIL_OR_PUBLIC_API == operations, f"API operations without a case: {sorted(operations - staff - PUPIL_OR_PUBLIC_API)}"
    # staff endpoints say so in the document: 401 without sign-in, 403 without a role
    for path, method in staff:
        assert {"401", "403"} <= set(document["paths"][API + path][method]["responses"]), path


@pytest.mark.parametrize("who", VISITORS)
def test_no_visitor_reaches_what_they_should_not(client, people, objects, who):
    from karjera.counselling.models import Group

    if who != "anonymous":
        client.force_login(people[who])
    before = {"open": objects["group"].open, "notes": objects["member"].notes.count(),
              "consultations": Consultation.objects.count(), "plans": Plan.objects.count(),
              "activities": PlanActivity.objects.count()}
    secret = markers(objects, who)
    for name, method, url, data, expected in page_cases(objects):
        response = call(client, method, url, data)
        if who == "anonymous":
            assert response.status_code == 302 and response["Location"].startswith("/accounts/login/?next="), (name, method, url)
        else:
            assert response.status_code in expected[who], (who, name, method, url, response.status_code)
            assert_no_leak(response, secret, (who, name, url))
    for (template, method), concrete in api_cases(objects).items():
        for path, expected in concrete:
            response = call(client, method, API + path, api=True)
            if who == "anonymous":
                assert response.status_code == 401, path
            else:
                assert response.status_code in expected[who], (who, path, response.status_code)
                assert_no_leak(response, secret, (who, path))
                if template == "/groups":
                    assert response.json() == [], who
    # nothing was changed by any of the refused requests
    objects["group"].refresh_from_db()
    assert not Group.objects.filter(name="Ielaušanās").exists()
    assert before == {"open": objects["group"].open, "notes": objects["member"].notes.count(),
                      "consultations": Consultation.objects.count(), "plans": Plan.objects.count(),
                      "activities": PlanActivity.objects.count()}
    assert PlanActivity.objects.get(pk=objects["activity"].pk).title == "Nodarbība-skolai"


def test_the_owner_reaches_every_url(client, people, objects):
    """The refusals above are real: the right person gets through on every case."""
    client.force_login(people["counsellor"])
    for name, method, url, data, expected in page_cases(objects):
        if "counsellor" in expected and expected["counsellor"] != {404}:
            response = call(client, method, url, data)
            assert response.status_code in expected["counsellor"], (name, method, url, response.status_code)
    assert objects["group"].pk in [g["id"] for g in client.get(f"{API}/groups").json()]
    assert client.get(f"{API}/groups/{objects['group'].pk}").status_code == 200
    client.force_login(people["coordinator"])
    for path in (f"/counselling/municipality/{objects['municipality']}/", "/counselling/municipality/",
                 f"{API}/municipalities/{objects['municipality']}/aggregate"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert_no_leak(response, markers(objects, "coordinator"), path)


@pytest.mark.parametrize("who", ["colleague", "school_admin"])
def test_colleagues_and_school_administrators_get_404_for_individual_data(client, people, objects, who):
    client.force_login(people[who])
    for name, method, url, data, expected in page_cases(objects):
        if expected["stranger"] == {404} and expected["coordinator"] == {404} and name not in ("activity", "plan", "second_factor"):
            assert call(client, method, url, data).status_code == 404, (who, url)
    assert client.get(f"{API}/groups/{objects['group'].pk}").status_code == 404


def test_a_coordinator_reads_plans_of_the_municipality_but_does_not_edit(client, people, objects):
    client.force_login(people["coordinator"])
    for name, method, url, data, expected in page_cases(objects):
        if name in ("plan", "activity") and method == "post" or name == "activity":
            assert call(client, method, url, data).status_code == 404, url


def test_wrong_capabilities_open_nothing(client, people, objects):
    """Pupil routes are opened by the member token or the join code alone; staff sign-in adds nothing."""
    token = objects["member"].token
    wrong = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    for who in ("anonymous", "stranger", "coordinator"):
        if who != "anonymous":
            client.force_login(people[who])
        assert client.get(f"/counselling/m/{wrong}/").status_code == 404
        assert client.post(f"/counselling/m/{wrong}/consent/", {"shares": "0"}).status_code == 404
        assert client.post(f"/counselling/m/{wrong}/start/interests/").status_code == 404
        assert client.get("/counselling/join/ZZZZZZ/").status_code == 404
        assert client.get(f"{API}/members/{wrong}").status_code == 404
        assert client.put(f"{API}/members/{wrong}/consent", data='{"shares": false}', content_type="application/json").status_code == 404
        assert client.post(f"{API}/members/{wrong}/tests/interests").status_code == 404
        # what a member route does show is the pupil's own, not other pupils' results
        body = client.get(f"{API}/members/{token}").json()
        assert set(body) == {"token", "group", "display_name", "shares", "tests"}
    assert objects["member"].__class__.objects.get(pk=objects["member"].pk).shares


def all_staff_urls(o):
    return [(method, url) for _n, method, url, _d, _e in page_cases(o)] + \
        [("api", API + path) for concrete in api_cases(o).values() for path, _e in concrete]


def test_signed_in_users_without_a_role_get_403(client, objects):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.create_user("bez-lomas", password="x"))
    for method, url in all_staff_urls(objects):
        expected = 404 if url.endswith("/second-factor/") else 403  # the second factor exists only for agency staff
        assert call(client, "get" if method == "api" else method, url, api=method == "api").status_code == expected, url


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
