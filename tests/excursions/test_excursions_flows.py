"""The booking and shadowing flows through the pages, with e-mail in Django's locmem outbox."""
import datetime as dt
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from excursions_helpers import agency_login, make_slot

from karjera.excursions import booking_rules, services
from karjera.excursions.models import PENDING, Feedback, Offer, Request, ShadowApplication, ShadowRound
from karjera.occupations.models import Occupation

pytestmark = pytest.mark.django_db


def request_form(slot, school, /, **extra):
    return {**{"slot": slot.pk, "school": school.pk, "group_name": "8.b", "group_size": 20, "accompanying": 2,
               "contact_email": "skolotaja@example.lv", "message": "Mums ir viens ratiņkrēsla lietotājs."}, **extra}


def test_request_confirm_calendar_and_mail(client, people, schools, offers, slots):
    client.force_login(people["teacher"])
    offer = offers["bakery"]
    assert client.get(f"/excursions/offers/{offer.pk}/request/?slot={slots['bakery'].pk}").status_code == 200
    response = client.post(f"/excursions/offers/{offer.pk}/request/", request_form(slots["bakery"], schools["mine"]))
    assert response.status_code == 302
    booking = Request.objects.get()
    assert booking.status == Request.PENDING and services.free_places(slots["bakery"]) == 10
    assert len(mail.outbox) == 1 and set(mail.outbox[0].to) == {"skolotaja@example.lv", "ceptuve@example.lv"}
    assert "Maizes ceptuve" in mail.outbox[0].body
    assert client.get(f"/excursions/requests/{booking.pk}/calendar.ics").status_code == 404  # not confirmed yet

    client.force_login(people["baker"])
    assert client.post(f"/excursions/requests/{booking.pk}/confirm/", {"note": "Gaidīsim pie vārtiem."}).status_code == 302
    booking.refresh_from_db()
    assert booking.status == Request.CONFIRMED and len(mail.outbox) == 2
    assert "Gaidīsim pie vārtiem." in mail.outbox[1].body
    # answering twice changes nothing
    assert client.post(f"/excursions/requests/{booking.pk}/decline/").status_code == 409
    booking.refresh_from_db()
    assert booking.status == Request.CONFIRMED

    client.force_login(people["teacher"])
    ics = client.get(f"/excursions/requests/{booking.pk}/calendar.ics")
    assert ics.status_code == 200 and ics["Content-Type"].startswith("text/calendar")
    body = ics.content.decode()
    assert "BEGIN:VEVENT" in body and f"UID:excursion-request-{booking.pk}@karjera" in body
    assert "DTSTART:" + slots["bakery"].starts_at.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ") in body


def test_a_full_slot_refuses_and_saves_nothing(client, people, schools, offers, slots):
    client.force_login(people["teacher"])
    offer = offers["bakery"]
    assert client.post(f"/excursions/offers/{offer.pk}/request/", request_form(slots["bakery"], schools["mine"], group_size=25)).status_code == 302
    response = client.post(f"/excursions/offers/{offer.pk}/request/", request_form(slots["bakery"], schools["mine"], group_size=6))
    assert response.status_code == 409
    assert "pietiekami daudz brīvu vietu" in response.content.decode()
    assert Request.objects.count() == 1 and len(mail.outbox) == 1


@pytest.mark.parametrize("bad", [
    {"group_size": "0"}, {"group_size": "-3"}, {"group_size": "daudz"}, {"group_size": "31"},
    {"contact_email": "nav-epasts"}, {"slot": "999999"}, {"school": "999999"}, {"group_name": ""},
])
def test_bad_input_gets_a_clear_error_and_changes_nothing(client, people, schools, offers, slots, bad):
    client.force_login(people["teacher"])
    response = client.post(f"/excursions/offers/{offers['bakery'].pk}/request/", request_form(slots["bakery"], schools["mine"], **bad))
    assert response.status_code in (409, 422)
    assert 'role="alert"' in response.content.decode()
    assert not Request.objects.exists() and not mail.outbox


def test_auto_confirm_offers_confirm_at_once(client, people, schools, offers, slots):
    Offer.objects.filter(pk=offers["bakery"].pk).update(auto_confirm=True)
    client.force_login(people["teacher"])
    client.post(f"/excursions/offers/{offers['bakery'].pk}/request/", request_form(slots["bakery"], schools["mine"]))
    assert Request.objects.get().status == Request.CONFIRMED


def test_propose_another_slot_and_accept(client, people, schools, offers, slots):
    booking = services.request_places(slot_id=slots["bakery"].pk, school_id=schools["mine"].pk, user=people["teacher"],
                                      group_name="8.b", group_size=20, contact_email="s@example.lv")
    client.force_login(people["baker"])
    page = client.get(f"/excursions/requests/{booking.pk}/").content.decode()
    assert "decision-form" in page
    assert client.post(f"/excursions/requests/{booking.pk}/propose/", {"slot": ""}).status_code == 422
    # a slot of another offer is refused
    assert client.post(f"/excursions/requests/{booking.pk}/propose/", {"slot": slots["plant"].pk}).status_code == 422
    assert client.post(f"/excursions/requests/{booking.pk}/propose/", {"slot": slots["bakery_later"].pk, "note": "Otrdien nevaram."}).status_code == 302
    booking.refresh_from_db()
    assert booking.status == Request.PROPOSED and booking.slot == slots["bakery_later"]
    assert services.free_places(slots["bakery"]) == 30 and services.free_places(slots["bakery_later"]) == 10
    client.force_login(people["teacher"])
    assert client.post(f"/excursions/requests/{booking.pk}/accept/").status_code == 302
    booking.refresh_from_db()
    assert booking.status == Request.CONFIRMED
    assert [m.subject for m in mail.outbox][-1] == "Mācību ekskursija apstiprināta"


def test_cancellation_rules(client, people, schools, offers):
    soon = make_slot(offers["bakery"], 30, days=1)  # 24 hours away: a school's cancellation is late
    booking = services.request_places(slot_id=soon.pk, school_id=schools["mine"].pk, user=people["teacher"],
                                      group_name="8.b", group_size=20, contact_email="s@example.lv")
    client.force_login(people["baker"])
    assert client.post(f"/excursions/requests/{booking.pk}/cancel/", {"reason": ""}).status_code == 409  # host needs a reason
    booking.refresh_from_db()
    assert booking.status == Request.PENDING
    client.force_login(people["teacher"])
    assert "48" in client.get(f"/excursions/requests/{booking.pk}/").content.decode()
    assert client.post(f"/excursions/requests/{booking.pk}/cancel/").status_code == 302
    booking.refresh_from_db()
    assert booking.status == Request.CANCELLED and booking.late_cancellation and booking.cancelled_by == "school"
    assert services.free_places(soon) == 30
    assert "mazāk nekā 48 stundas" in mail.outbox[-1].body
    assert client.post(f"/excursions/requests/{booking.pk}/cancel/").status_code == 409  # not active any more


def test_feedback_only_after_the_visit_and_once(client, people, schools, offers):
    slot = make_slot(offers["bakery"], 30, days=1)
    booking = services.request_places(slot_id=slot.pk, school_id=schools["mine"].pk, user=people["teacher"],
                                      group_name="8.b", group_size=20, contact_email="s@example.lv")
    services.confirm(booking.pk)
    client.force_login(people["teacher"])
    form = {"attended": 19, "rating": 5, "comment": "Ļoti patika."}
    assert client.post(f"/excursions/requests/{booking.pk}/feedback/", form).status_code == 409
    type(slot).objects.filter(pk=slot.pk).update(starts_at=timezone.now() - timedelta(hours=3), ends_at=timezone.now() - timedelta(hours=1))
    assert client.post(f"/excursions/requests/{booking.pk}/feedback/", {"attended": "x", "rating": 9}).status_code == 422
    assert client.post(f"/excursions/requests/{booking.pk}/feedback/", form).status_code == 302
    assert client.post(f"/excursions/requests/{booking.pk}/feedback/", form).status_code == 409
    assert Feedback.objects.get().attended == 19
    client.force_login(people["baker"])  # the host cannot give the school's feedback
    assert client.post(f"/excursions/requests/{booking.pk}/feedback/", form).status_code == 404


def test_search_folds_diacritics_and_filters(client, offers, slots, schools):
    baker = Occupation.objects.filter(name_lv__icontains="maizn").first() or Occupation.objects.first()
    offers["bakery"].occupations.set([baker])
    offers["bakery"].refresh_search_text()
    def titles(query):
        return [o["title"] for o in client.get("/api/v1/excursions/offers", query).json()]
    assert titles({"q": "hidroelektrostacija"}) == ["Hidroelektrostacija"]
    assert titles({"q": "energijas"}) == ["Hidroelektrostacija"]  # host name, typed without ē
    assert titles({"sector": "energy"}) == ["Hidroelektrostacija"]
    assert titles({"municipality": schools["mine"].municipality_id}) == ["Maizes ceptuve"]
    assert titles({"occupation": baker.pk}) == ["Maizes ceptuve"]
    assert titles({"age": "1-4"}) == []
    assert sorted(titles({"age": "7-9"})) == ["Hidroelektrostacija", "Maizes ceptuve"]
    day = timezone.localtime(slots["plant"].starts_at).date()  # the bakery's first slot is on the same day
    assert sorted(titles({"date": day.isoformat()})) == ["Hidroelektrostacija", "Maizes ceptuve"]
    assert titles({"date": (day + timedelta(days=10)).isoformat()}) == ["Maizes ceptuve"]  # its later slot
    assert titles({"date": (day + timedelta(days=1)).isoformat()}) == []
    page = client.get("/excursions/", {"q": "ceptuve", "occupation": baker.pk}).content.decode()
    assert "Maizes ceptuve" in page and "Hidroelektrostacija" not in page
    assert client.get("/excursions/", {"date": "nav-datums"}).status_code == 400


def test_host_creates_an_offer_which_the_agency_publishes(client, people, schools):
    client.force_login(people["baker"])
    data = {"title": "Kokapstrādes cehs", "description": "Redzēsim CNC darbgaldus.", "sector": "forestry_wood",
            "municipality": schools["mine"].municipality_id, "address": "Meža iela 4", "min_group": 5, "max_group": 20,
            "duration_minutes": 60, "language": "lv", "accessibility": "", "bring": "Slēgti apavi", "age": ["7-9", "10-12"],
            "occupation_codes": ""}
    assert client.post("/excursions/host/offers/new/", {**data, "max_group": 2}).status_code == 422  # below the smallest group
    assert client.post("/excursions/host/offers/new/", {**data, "occupation_codes": "Nav tādas profesijas"}).status_code == 422
    assert not Offer.objects.filter(title="Kokapstrādes cehs").exists()
    assert client.post("/excursions/host/offers/new/", data).status_code == 302
    offer = Offer.objects.get(title="Kokapstrādes cehs")
    assert offer.status == PENDING and offer.age_group_codes == ["7-9", "10-12"]
    start = (timezone.localtime() + timedelta(days=5)).replace(microsecond=0)
    slot = {"starts_at": start.strftime("%Y-%m-%dT%H:%M"), "ends_at": (start + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"), "capacity": 20}
    assert client.post(f"/excursions/host/offers/{offer.pk}/slots/", {**slot, "ends_at": slot["starts_at"]}).status_code == 422
    assert client.post(f"/excursions/host/offers/{offer.pk}/slots/", {**slot, "repeat_weeks": 99}).status_code == 422
    assert not offer.slots.exists()
    assert client.post(f"/excursions/host/offers/{offer.pk}/slots/", {**slot, "repeat_weeks": 2}).status_code == 302
    starts = list(offer.slots.values_list("starts_at", flat=True))
    assert len(starts) == 3 and starts[2] - starts[0] == timedelta(weeks=2)
    assert client.get(f"/excursions/offers/{offer.pk}/").status_code == 200  # the host sees its own draft
    client.logout()
    assert client.get(f"/excursions/offers/{offer.pk}/").status_code == 404
    agency_login(client, people["agency"])
    assert "Kokapstrādes cehs" in client.get("/excursions/agency/").content.decode()
    assert client.post(f"/excursions/agency/offer/{offer.pk}/", {"decision": "maybe"}).status_code == 422
    assert client.post(f"/excursions/agency/offer/{offer.pk}/", {"decision": "publish"}).status_code == 302
    client.logout()
    assert client.get(f"/excursions/offers/{offer.pk}/").status_code == 200


def test_statistics_and_csv(client, people, schools, offers, slots):
    services.request_places(slot_id=slots["bakery"].pk, school_id=schools["mine"].pk, user=people["teacher"],
                            group_name="8.b", group_size=20, contact_email="s@example.lv")
    agency_login(client, people["agency"])
    page = client.get("/excursions/agency/statistics/").content.decode()
    assert "lauksaimniecība" in page.lower()
    csv_text = client.get("/excursions/agency/statistics.csv").content.decode("utf-8-sig")
    lines = csv_text.strip().splitlines()
    assert lines[0].startswith("municipality,sector,slots_offered,places_offered,requests")
    row = [line for line in lines if "lauksaimniecība" in line.lower()][0].split(",")
    assert row[2:5] == ["2", "60", "1"]


# ---- Job Shadow Day -----------------------------------------------------------------------------------------


def test_shadow_day_flow(client, people, schools, shadow_round):
    rnd, places = shadow_round
    public = client.get("/excursions/shadow/").content.decode()
    assert "Maiznieks" in public and "Dispečers" not in public
    client.force_login(people["teacher"])
    form = {"school": schools["mine"].pk, "pupil": "Marta K.", "grade": 9, "first": places["engineer"].pk, "second": places["baker"].pk}
    response = client.post("/excursions/shadow/apply/", form)  # grade 9 does not fit the engineer's place
    assert response.status_code == 422 and "Energoinženiere" in response.content.decode()
    assert client.post("/excursions/shadow/apply/", {**form, "first": places["baker"].pk}).status_code == 422  # same place twice
    assert client.post("/excursions/shadow/apply/", {**form, "first": places["pending"].pk}).status_code == 422  # not published
    assert not ShadowApplication.objects.exists()
    assert client.post("/excursions/shadow/apply/", {**form, "first": places["baker"].pk, "second": ""}).status_code == 302
    assert client.post("/excursions/shadow/apply/", {"school": schools["mine"].pk, "pupil": "Jānis B.", "grade": 11,
                                                     "first": places["baker"].pk, "second": places["engineer"].pk}).status_code == 302
    client.force_login(people["other_teacher"])
    assert client.post("/excursions/shadow/apply/", {**form, "school": schools["mine"].pk, "first": places["baker"].pk, "second": ""}).status_code == 422
    assert client.post("/excursions/shadow/apply/", {"school": schools["other"].pk, "pupil": "Olga P.", "grade": 12,
                                                     "first": places["engineer"].pk}).status_code == 302
    assert "Marta K." not in client.get("/excursions/shadow/apply/").content.decode()

    agency_login(client, people["agency"])
    assert client.post(f"/excursions/agency/rounds/{rnd.pk}/assign/").status_code == 409  # before the deadline
    # the deadline passes: the applications above were made an hour before it
    for a in ShadowApplication.objects.all():
        ShadowApplication.objects.filter(pk=a.pk).update(submitted_at=a.submitted_at - timedelta(hours=1))
    ShadowRound.objects.filter(pk=rnd.pk).update(apply_until=timezone.now() - timedelta(minutes=1))
    mail.outbox.clear()
    assert client.post(f"/excursions/agency/rounds/{rnd.pk}/assign/").status_code == 302
    # Olga (12) takes the engineer's place; Jānis (11) the baker's; Anna (9) has no place left
    got = {a.pupil: a.assigned_id for a in ShadowApplication.objects.all()}
    assert got == {"Marta K.": None, "Jānis B.": places["baker"].pk, "Olga P.": places["engineer"].pk}
    assert {m.to[0] for m in mail.outbox} == {"skolotaja@example.lv", "cita-skola@example.lv", "ceptuve@example.lv", "stacija@example.lv"}
    assert services.assign_round(rnd.pk) == {a: p for a, p in ShadowApplication.objects.values_list("pk", "assigned_id")}  # once only

    client.force_login(people["teacher"])
    page = client.get("/excursions/shadow/apply/").content.decode()
    assert "Maiznieks" in page and "šoreiz vietas nav" in page
    client.force_login(people["baker"])
    page = client.get("/excursions/host/").content.decode()
    assert "Jānis B." in page and "Olga P." not in page and "Marta K." not in page


def test_shadow_cannot_be_entered_by_hosts_or_the_public(client, people, shadow_round):
    client.force_login(people["baker"])
    assert client.get("/excursions/shadow/apply/").status_code == 403
    assert booking_rules.MAX_SHADOW_CHOICES == 3


def test_a_mail_server_that_is_down_does_not_break_a_saved_booking(people, schools, slots, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("no mail server")

    monkeypatch.setattr(services, "send_mail", refuse)
    booking = services.request_places(slot_id=slots["bakery"].pk, school_id=schools["mine"].pk, user=people["teacher"],
                                      group_name="8.b", group_size=20, contact_email="s@example.lv")
    assert Request.objects.get().pk == booking.pk


def test_link_for_occupation_pages(offers):
    from django.template import Context, Template

    occupation = Occupation.objects.first()
    template = Template("{% load excursions_links %}{% excursion_link oid %}")
    assert template.render(Context({"oid": occupation.pk})).strip() == ""
    offers["bakery"].occupations.set([occupation])
    offers["hidden"].occupations.set([occupation])  # unpublished: not counted
    from django.utils import translation

    with translation.override("lv"):
        html = template.render(Context({"oid": occupation.pk}))
    assert f"/excursions/?occupation={occupation.pk}" in html and "1 mācību ekskursija, kurā" in html
