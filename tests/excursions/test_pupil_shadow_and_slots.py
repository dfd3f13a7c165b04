"""Pupils' own Job Shadow Day applications with the school's code and approval, and hosts changing or
deleting their times."""
from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone
from excursions_helpers import agency_login, make_slot

from karjera.excursions import booking_rules, services
from karjera.excursions.models import Request, ShadowApplication, ShadowPlace, ShadowRound, ShadowSchoolCode, Slot

pytestmark = pytest.mark.django_db


def school_code_from_page(client, user, school):
    client.force_login(user)
    page = client.get("/excursions/shadow/apply/").content.decode()
    code = ShadowSchoolCode.objects.get(school=school)
    assert code.code in page and f"/excursions/shadow/join/?code={code.code}" in page
    client.logout()
    return code.code


def test_pupil_applies_with_the_code_and_the_school_approves(client, people, schools, shadow_round):
    rnd, places = shadow_round
    code = school_code_from_page(client, people["teacher"], schools["mine"])
    other_code = school_code_from_page(client, people["other_teacher"], schools["other"])
    assert code != other_code
    page = client.get(f"/excursions/shadow/join/?code={code}").content.decode()
    assert code in page and "Maiznieks" in page and "Dispečers" not in page

    form = {"code": code.lower(), "pupil": "Marta K.", "grade": 11, "first": places["engineer"].pk, "second": places["baker"].pk}
    response = client.post("/excursions/shadow/join/", form)
    assert response.status_code == 302
    application = ShadowApplication.objects.get()
    assert response["Location"] == f"/excursions/shadow/status/{application.token}/"
    assert application.school == schools["mine"] and application.entered_by is None
    assert application.approval == ShadowApplication.AWAITING and len(application.token) >= 24
    status = client.get(response["Location"])
    assert status.status_code == 200 and status["Referrer-Policy"] == "no-referrer"
    text = status.content.decode()
    assert "Marta K." in text and "gaida skolas apstiprinājumu" in text and "Energoinženiere" in text

    # another school's teacher cannot decide it; a host cannot either
    client.force_login(people["other_teacher"])
    assert "Marta K." not in client.get("/excursions/shadow/apply/").content.decode()
    assert client.post(f"/excursions/shadow/applications/{application.pk}/approve/").status_code == 404
    client.force_login(people["baker"])
    assert client.post(f"/excursions/shadow/applications/{application.pk}/approve/").status_code == 403
    application.refresh_from_db()
    assert application.approval == ShadowApplication.AWAITING

    client.force_login(people["teacher"])
    page = client.get("/excursions/shadow/apply/").content.decode()
    assert "Marta K." in page and f"/excursions/shadow/applications/{application.pk}/approve/" in page
    assert client.post(f"/excursions/shadow/applications/{application.pk}/approve/").status_code == 302
    application.refresh_from_db()
    assert application.approval == ShadowApplication.APPROVED and application.decided_by == people["teacher"]
    client.logout()
    assert "apstiprināts skolā" in client.get(f"/excursions/shadow/status/{application.token}/").content.decode()


def test_bad_input_and_wrong_code_store_nothing(client, people, schools, shadow_round):
    rnd, places = shadow_round
    code = school_code_from_page(client, people["teacher"], schools["mine"])
    good = {"code": code, "pupil": "Marta K.", "grade": 11, "first": places["baker"].pk}
    wrong = client.post("/excursions/shadow/join/", {**good, "code": "ZZZZZZZZ"})
    assert wrong.status_code == 422 and "Nevienai skolai nav šāda koda" in wrong.content.decode()
    for bad in ({"grade": 9, "first": places["engineer"].pk}, {"second": places["baker"].pk}, {"first": places["pending"].pk},
                {"pupil": ""}, {"grade": "x"}, {"code": ""}):
        assert client.post("/excursions/shadow/join/", {**good, **bad}).status_code == 422, bad
    assert not ShadowApplication.objects.exists()
    # a code of a finished round finds nothing either
    ShadowRound.objects.filter(pk=rnd.pk).update(apply_until=timezone.now() - timedelta(minutes=1))
    assert client.post("/excursions/shadow/join/", good).status_code == 422
    assert not ShadowApplication.objects.exists()


@override_settings(RESUME_RATE_LIMIT=3)
def test_code_entry_is_rate_limited_per_address(client, people, schools, shadow_round):
    rnd, places = shadow_round
    code = school_code_from_page(client, people["teacher"], schools["mine"])
    for _ in range(3):
        assert client.post("/excursions/shadow/join/", {"code": "WRONG123"}).status_code == 422
    limited = client.post("/excursions/shadow/join/", {"code": code, "pupil": "Marta K.", "grade": 11, "first": places["baker"].pk})
    assert limited.status_code == 429 and not ShadowApplication.objects.exists()
    other = client.post("/excursions/shadow/join/", {"code": code, "pupil": "Marta K.", "grade": 11, "first": places["baker"].pk},
                        REMOTE_ADDR="10.1.2.3")
    assert other.status_code == 302


def test_status_link_shows_only_its_own_application(client, people, schools, shadow_round):
    rnd, places = shadow_round
    code = school_code_from_page(client, people["teacher"], schools["mine"])
    client.post("/excursions/shadow/join/", {"code": code, "pupil": "Marta K.", "grade": 11, "first": places["baker"].pk})
    client.post("/excursions/shadow/join/", {"code": code, "pupil": "Jānis B.", "grade": 10, "first": places["baker"].pk})
    marta, janis = ShadowApplication.objects.order_by("pk")
    page = client.get(f"/excursions/shadow/status/{marta.token}/").content.decode()
    assert "Marta K." in page and "Jānis B." not in page
    assert client.get(f"/excursions/shadow/status/{marta.token[:-1]}x/").status_code == 404
    assert client.get(f"/excursions/shadow/status/{marta.pk}/").status_code == 404
    # staff-entered applications have no status link at all
    client.force_login(people["teacher"])
    client.post("/excursions/shadow/apply/", {"school": schools["mine"].pk, "pupil": "Olga P.", "grade": 12, "first": places["baker"].pk})
    assert ShadowApplication.objects.get(pupil="Olga P.").token is None


def test_assignment_ignores_unapproved_applications(client, people, schools, shadow_round):
    rnd, places = shadow_round
    code = school_code_from_page(client, people["teacher"], schools["mine"])
    for pupil, grade in (("Ilze A.", 12), ("Pēteris R.", 12), ("Marta K.", 9)):
        client.post("/excursions/shadow/join/", {"code": code, "pupil": pupil, "grade": grade, "first": places["baker"].pk})
    ilze, peteris, marta = ShadowApplication.objects.order_by("pk")
    client.force_login(people["teacher"])
    client.post(f"/excursions/shadow/applications/{peteris.pk}/reject/")
    client.post(f"/excursions/shadow/applications/{marta.pk}/approve/")
    ShadowApplication.objects.update(submitted_at=timezone.now() - timedelta(hours=1))
    ShadowRound.objects.filter(pk=rnd.pk).update(apply_until=timezone.now() - timedelta(minutes=1))
    mail.outbox.clear()
    agency_login(client, people["agency"])
    assert client.post(f"/excursions/agency/rounds/{rnd.pk}/assign/").status_code == 302
    got = {a.pupil: a.assigned_id for a in ShadowApplication.objects.all()}
    # Ilze (12) awaits approval and Pēteris (12) was rejected: the one place goes to Marta (9)
    assert got == {"Ilze A.": None, "Pēteris R.": None, "Marta K.": places["baker"].pk}
    client.logout()
    assert "Maiznieks" in client.get(f"/excursions/shadow/status/{marta.token}/").content.decode()
    # after the assignment the school can no longer change approvals
    client.force_login(people["teacher"])
    assert client.post(f"/excursions/shadow/applications/{ilze.pk}/approve/").status_code == 409


def test_rule_excludes_unapproved():
    now = timezone.now()
    places = [booking_rules.ShadowPlace(1, 1, 7, 12)]
    apps = [booking_rules.ShadowApplication(1, 12, now, (1,), approved=False),
            booking_rules.ShadowApplication(2, 8, now, (1,))]
    assert booking_rules.assign_shadow_places(places, apps, now) == {2: 1}


# ---- hosts change or delete their times -------------------------------------------------------------------


def slot_form(slot, **extra):
    local = lambda d: timezone.localtime(d).strftime("%Y-%m-%dT%H:%M")  # noqa: E731
    return {"starts_at": local(slot.starts_at), "ends_at": local(slot.ends_at), "capacity": slot.capacity, **extra}


def book(slot, school, user, size):
    return services.request_places(slot_id=slot.pk, school_id=school.pk, user=user, group_name="8.b", group_size=size,
                                   contact_email="s@example.lv")


def test_host_edits_a_time_but_never_below_the_places_held(client, people, schools, offers, slots):
    slot = slots["bakery"]
    book(slot, schools["mine"], people["teacher"], 20)
    client.force_login(people["baker"])
    assert f"/excursions/host/slots/{slot.pk}/" in client.get(f"/excursions/host/offers/{offers['bakery'].pk}/").content.decode()
    refused = client.post(f"/excursions/host/slots/{slot.pk}/", slot_form(slot, capacity=19))
    assert refused.status_code == 409 and "Grupas šajā laikā jau aizņēmušas" in refused.content.decode()
    moved = client.post(f"/excursions/host/slots/{slot.pk}/", slot_form(slot, starts_at=timezone.localtime(slot.starts_at + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
                                                                     ends_at=timezone.localtime(slot.ends_at + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")))
    assert moved.status_code == 409
    slot.refresh_from_db()
    assert slot.capacity == 30
    assert client.post(f"/excursions/host/slots/{slot.pk}/", slot_form(slot, capacity=20)).status_code == 302
    slot.refresh_from_db()
    assert slot.capacity == 20
    assert client.post(f"/excursions/host/slots/{slot.pk}/", slot_form(slot, capacity="")).status_code == 422
    # a free time may move
    free = slots["bakery_later"]
    before = free.starts_at
    later = timezone.localtime(free.starts_at + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    assert client.post(f"/excursions/host/slots/{free.pk}/", slot_form(free, starts_at=later)).status_code == 302
    free.refresh_from_db()
    assert free.starts_at == before.replace(second=0, microsecond=0) + timedelta(hours=1)


def test_delete_is_refused_while_groups_hold_places(client, people, schools, offers, slots):
    slot = slots["bakery"]
    booking = book(slot, schools["mine"], people["teacher"], 20)
    client.force_login(people["baker"])
    assert client.post(f"/excursions/host/slots/{slot.pk}/delete/").status_code == 409
    assert Slot.objects.filter(pk=slot.pk).exists()
    services.cancel(booking.pk, booking_rules.HOST, "Remonts")
    assert client.post(f"/excursions/host/slots/{slot.pk}/delete/").status_code == 409  # the request stays on record
    free = slots["bakery_later"]
    assert client.post(f"/excursions/host/slots/{free.pk}/delete/").status_code == 302
    assert not Slot.objects.filter(pk=free.pk).exists()


def test_other_hosts_and_schools_cannot_touch_a_time(client, people, slots):
    slot = slots["bakery"]
    client.force_login(people["engineer"])
    assert client.get(f"/excursions/host/slots/{slot.pk}/").status_code == 404
    assert client.post(f"/excursions/host/slots/{slot.pk}/delete/").status_code == 404
    with pytest.raises(Slot.DoesNotExist):
        services.change_slot(slot.pk, people["engineer"].excursion_host.host_id, slot.starts_at, slot.ends_at, 1)
    client.force_login(people["teacher"])
    assert client.post(f"/excursions/host/slots/{slot.pk}/delete/").status_code == 403
    assert Slot.objects.filter(pk=slot.pk).exists()


def test_slot_rules():
    now = timezone.now()
    later = now + timedelta(days=1)
    assert booking_rules.slot_change(10, 9, False, now, later) == booking_rules.SLOT_BELOW_HELD
    assert booking_rules.slot_change(10, 10, False, now, later) == booking_rules.OK
    assert booking_rules.slot_change(10, 20, True, now, later) == booking_rules.SLOT_TIME_HELD
    assert booking_rules.slot_change(0, 0, True, now, later) == booking_rules.OK
    assert booking_rules.slot_change(0, 5, False, later, now) == booking_rules.STARTED
    assert booking_rules.slot_delete(1, 1, now, later) == booking_rules.SLOT_HAS_BOOKINGS
    assert booking_rules.slot_delete(0, 1, now, later) == booking_rules.SLOT_HAS_HISTORY
    assert booking_rules.slot_delete(0, 0, now, later) == booking_rules.OK
