"""Across hosts, schools and the agency: a host sees only requests to its own offers, school staff only
their schools' requests, unmoderated offers are invisible to the public. The owner gets 200 on each
URL, so the refusals are real."""
import pytest
from excursions_helpers import agency_login

from karjera.excursions import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def booking(people, schools, slots):
    return services.request_places(slot_id=slots["bakery"].pk, school_id=schools["mine"].pk, user=people["teacher"],
                                   group_name="8.b", group_size=20, contact_email="skola@example.lv")


def request_urls(b):
    return [f"/excursions/requests/{b.pk}/", f"/excursions/requests/{b.pk}/calendar.ics"]


def test_unmoderated_offers_are_invisible_to_the_public(client, offers, people):
    hidden = offers["hidden"]
    assert client.get(f"/excursions/offers/{hidden.pk}/").status_code == 404
    assert client.get(f"/api/v1/excursions/offers/{hidden.pk}").status_code == 404
    listing = client.get("/excursions/").content.decode()
    assert "Slepenā darbnīca" not in listing and "Maizes ceptuve" in listing
    assert all(o["title"] != "Slepenā darbnīca" for o in client.get("/api/v1/excursions/offers").json())
    # nor to school staff or another host
    for who in ("teacher", "baker"):
        client.force_login(people[who])
        assert client.get(f"/excursions/offers/{hidden.pk}/").status_code == 404
        assert client.get(f"/excursions/offers/{hidden.pk}/request/").status_code in (403, 404)  # hosts may not request at all
    # its own host and the agency see it
    client.force_login(people["engineer"])
    assert client.get(f"/excursions/offers/{hidden.pk}/").status_code == 200
    agency_login(client, people["agency"])
    assert client.get(f"/excursions/offers/{hidden.pk}/").status_code == 200


def test_a_host_sees_only_requests_to_its_own_offers(client, booking, people):
    client.force_login(people["baker"])
    for url in request_urls(booking)[:1]:
        assert client.get(url).status_code == 200
    assert "8.b" in client.get("/excursions/host/").content.decode()
    client.force_login(people["engineer"])
    for url in request_urls(booking):
        assert client.get(url).status_code == 404
    assert "8.b" not in client.get("/excursions/host/").content.decode()
    assert "8.b" not in client.get("/excursions/requests/").content.decode()
    for action in ("confirm", "decline", "cancel"):
        assert client.post(f"/excursions/requests/{booking.pk}/{action}/", {"reason": "x"}).status_code == 404
    booking.refresh_from_db()
    assert booking.status == "pending"


def test_school_staff_see_only_their_schools_requests(client, booking, people):
    for who in ("teacher", "school_admin"):
        client.force_login(people[who])
        assert client.get(f"/excursions/requests/{booking.pk}/").status_code == 200
        assert "8.b" in client.get("/excursions/requests/").content.decode()
    client.force_login(people["other_teacher"])
    for url in request_urls(booking):
        assert client.get(url).status_code == 404
    assert "8.b" not in client.get("/excursions/requests/").content.decode()
    assert client.post(f"/excursions/requests/{booking.pk}/cancel/").status_code == 404
    # a school cannot answer as the host
    client.force_login(people["teacher"])
    assert client.post(f"/excursions/requests/{booking.pk}/confirm/").status_code == 404
    booking.refresh_from_db()
    assert booking.status == "pending"


def test_school_staff_cannot_request_for_another_school(client, people, schools, slots, offers):
    client.force_login(people["other_teacher"])
    response = client.post(f"/excursions/offers/{offers['bakery'].pk}/request/", {
        "slot": slots["bakery"].pk, "school": schools["mine"].pk, "group_name": "9.a", "group_size": 5,
        "accompanying": 1, "contact_email": "a@example.lv"})
    assert response.status_code == 422
    assert not offers["bakery"].requests.exists()


def test_the_agency_sees_everything_and_only_it_moderates(client, booking, people, offers):
    agency_login(client, people["agency"])
    assert client.get(f"/excursions/requests/{booking.pk}/").status_code == 200
    assert client.get("/excursions/agency/").status_code == 200
    assert client.get("/excursions/agency/statistics/").status_code == 200
    for who in ("teacher", "baker", "coordinator"):
        client.force_login(people[who])
        assert client.get("/excursions/agency/").status_code == 403
        assert client.get("/excursions/agency/statistics.csv").status_code == 403
        assert client.post(f"/excursions/agency/offer/{offers['hidden'].pk}/", {"decision": "publish"}).status_code == 403
    offers["hidden"].refresh_from_db()
    assert offers["hidden"].status == "pending"


def test_agency_needs_the_second_factor(client, people):
    client.force_login(people["agency"])
    response = client.get("/excursions/agency/")
    assert response.status_code == 302 and "second-factor" in response["Location"]


def test_anonymous_visitors_are_sent_to_sign_in(client, booking):
    for url in [*request_urls(booking), "/excursions/host/", "/excursions/requests/", "/excursions/shadow/apply/",
                "/excursions/agency/"]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_hosts_cannot_edit_another_hosts_offer(client, people, offers, slots):
    client.force_login(people["engineer"])
    assert client.get(f"/excursions/host/offers/{offers['bakery'].pk}/").status_code == 404
    assert client.post(f"/excursions/host/offers/{offers['bakery'].pk}/slots/", {}).status_code == 404
    client.force_login(people["baker"])
    assert client.get(f"/excursions/host/offers/{offers['bakery'].pk}/").status_code == 200
