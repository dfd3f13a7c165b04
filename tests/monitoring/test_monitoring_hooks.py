"""The other apps report to usage analytics: tests started and completed (pages and API) and views
of the counted catalogue and education pages, each once, by name."""
import json

import pytest

from karjera.monitoring.models import Event, EventKind

pytestmark = pytest.mark.django_db

PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36"


def events():
    return sorted(Event.objects.values_list("kind", "subject"))


def api(client, method, path, body=None):
    return getattr(client, method)(path, data=json.dumps(body) if body is not None else None,
                                   content_type="application/json", HTTP_USER_AGENT=PHONE)


def test_a_test_taken_through_the_api_counts_one_start_and_one_completion(client):
    created = api(client, "post", "/api/v1/sessions", {"instrument": "interests", "language": "lv"}).json()
    assert events() == [(EventKind.SESSION_STARTED, "interests")]
    for item in created["items"]:
        assert api(client, "put", f"/api/v1/sessions/{created['id']}/answers/{item['id']}", {"value": 2}).status_code == 200
    assert len(events()) == 1  # answers are not events
    assert api(client, "post", f"/api/v1/sessions/{created['id']}/complete").status_code == 200
    assert api(client, "post", f"/api/v1/sessions/{created['id']}/complete").status_code == 200  # a retry
    assert events() == [(EventKind.SESSION_STARTED, "interests"), (EventKind.SESSION_COMPLETED, "interests")]


def test_starting_on_the_page_counts_a_start(client):
    response = client.post("/tests/interests/", {"mode": "fixed"}, HTTP_USER_AGENT=PHONE)
    assert response.status_code == 302
    assert events() == [(EventKind.SESSION_STARTED, "interests")]


def test_counted_pages_are_counted_by_name_and_others_are_not(client):
    assert client.get("/education/", HTTP_USER_AGENT=PHONE).status_code == 200
    assert client.get("/privacy/", HTTP_USER_AGENT=PHONE).status_code == 200
    assert client.get("/education/programmes/999999/", HTTP_USER_AGENT=PHONE).status_code == 404
    assert events() == [(EventKind.PAGE_VIEW, "education:programmes")]


def test_robots_are_not_counted(client):
    client.get("/education/", HTTP_USER_AGENT="Mozilla/5.0 (compatible; Googlebot/2.1)")
    assert events() == []


def test_a_test_started_through_a_class_group_counts_once(client):
    from django.contrib.auth import get_user_model

    from karjera.counselling.models import Group
    from karjera.education.models import Institution

    counsellor = get_user_model().objects.create_user("konsultante")
    group = Group.objects.create(name="9.a", institution=Institution.objects.order_by("pk").first(),
                                 counsellor=counsellor, tests=["interests"])
    member = api(client, "post", "/api/v1/counselling/join",
                 {"code": group.join_code, "display_name": "Anna", "shares": False}).json()
    for _ in range(2):  # the second call returns the same session
        assert api(client, "post", f"/api/v1/counselling/members/{member['token']}/tests/interests").status_code == 200
    assert events() == [(EventKind.SESSION_STARTED, "interests")]
