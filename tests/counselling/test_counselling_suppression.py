"""Municipality aggregates through the page and the API: a group with 4 sharing pupils adds nothing,
a group with 5 counts; pupils who do not share never count towards the 5."""
import pytest
from counselling_helpers import finish_interests, make_staff, realistic, social

from karjera.counselling import rules, services
from karjera.counselling.models import Group

pytestmark = pytest.mark.django_db


def make_group(schools, people, name, pattern, sharing, not_sharing=0):
    group = Group.objects.create(institution=schools["mine"], counsellor=people["counsellor"], name=name, grade=9, tests=["interests"])
    for n in range(sharing + not_sharing):
        member = services.join(group, f"{name}-{n}", n < sharing)
        finish_interests(member, pattern)
    return group


def aggregate(client, code):
    response = client.get(f"/api/v1/counselling/municipalities/{code}/aggregate")
    assert response.status_code == 200
    return response.json()


def page_counts(client, code):
    html = client.get(f"/counselling/municipality/{code}/")
    assert html.status_code == 200
    return html.context["agg"], html.content.decode()


def test_groups_of_four_are_suppressed_and_groups_of_five_count(client, people, schools):
    code = schools["mine"].municipality_id
    five = make_group(schools, people, "pieci", social, sharing=5)
    four = make_group(schools, people, "cetri", realistic, sharing=4, not_sharing=1)  # 5 members, 4 share
    client.force_login(people["coordinator"])

    body = aggregate(client, code)
    assert body["min_group_size"] == rules.MIN_GROUP_SIZE == 5
    assert body["suppressed_groups"] == 1
    assert body["profile"]["riasec_first"]["S"] == 5
    assert body["profile"]["riasec_first"]["R"] == 0  # the four realistic pupils are not counted
    assert body["profile"]["completed"]["interests"] == 5
    row = next(s for s in body["schools"] if s["school"] == schools["mine"].name_lv)
    assert row == {"school": schools["mine"].name_lv, "groups": 2, "shown": 1, "suppressed": 1, "pupils": 5}

    agg, html = page_counts(client, code)
    assert agg["suppressed_groups"] == 1 and agg["profile"]["riasec_first"]["R"] == 0
    assert 'id="suppressed-note"' in html
    for name in ("pieci-0", "cetri-0"):  # never a pupil's name
        assert name not in html and name not in str(body)

    # The fifth member of the small group starts sharing: now it counts.
    member = four.members.get(shares=False)
    services.set_consent(member, True)
    body = aggregate(client, code)
    assert body["suppressed_groups"] == 0
    assert body["profile"]["riasec_first"] == {"R": 5, "I": 0, "A": 0, "S": 5, "E": 0, "C": 0}
    # ...and withdraws again: suppressed at once.
    services.set_consent(member, False)
    assert aggregate(client, code)["profile"]["riasec_first"]["R"] == 0
    assert five.members.count() == 5


def test_agency_administrators_choose_a_municipality(client, people, schools):
    from karjera.counselling.access import TOTP_SESSION_KEY

    admin = make_staff("agentura", rules.AGENCY_ADMIN)
    client.force_login(admin)
    session = client.session
    session[TOTP_SESSION_KEY] = True
    session.save()
    other = schools["other"].municipality_id
    response = client.get("/counselling/municipality/", {"m": other})
    assert response.status_code == 302 and response["Location"] == f"/counselling/municipality/{other}/"
    assert client.get("/counselling/municipality/").status_code == 200  # the first municipality
    assert client.get(f"/counselling/municipality/{other}/", {"m": "nav-tadas"}).status_code == 404
