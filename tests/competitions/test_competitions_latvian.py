"""Latvian is the default language: the competition pages, marking page, refusals and API messages read
in Latvian, with the glossary's terms (mērāmais aspekts, ekspertu sprieduma aspekts, galvenais eksperts)."""
import pytest
from django.test import Client

from karjera.competitions import services

pytestmark = pytest.mark.django_db


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_public_pages_in_latvian(client, world):
    listing = client.get("/competitions/").content.decode()
    assert "Prasmju konkursi" in listing and "Latvijas komanda EuroSkills un WorldSkills" in listing
    assert "Skills competitions" not in listing
    detail = client.get("/competitions/test-final/").content.decode()
    assert "Norises vieta" in detail and "nacionālais fināls" in detail and "SkillsLatvia: līdz 22 gadiem" in detail
    assert "vispirms notiek pusfināls" in detail
    assert "Rezultāti būs redzami šeit" in detail


def test_marking_page_in_latvian(world):
    c = world.competitors[1]
    html = signed_in(world.expert_c_user).get(f"/competitions/marking/{world.cs.pk}/competitors/{c.pk}/").content.decode()
    for text in ("mērāmais aspekts", "ar atskaitījumiem", "ekspertu sprieduma aspekts", "1. vērtētājs", "Saglabāt",
                 "Katrs vērtējums tiek saglabāts", "Nākamais konkursants"):
        assert text in html, text
    for english in ("Measurement", "Judgement", "Judge 1", ">Save<"):
        assert english not in html, english
    overview = signed_in(world.chief_user).get(f"/competitions/marking/{world.cs.pk}/").content.decode()
    assert "jūs esat galvenais eksperts" in overview and "Apstiprināt 1. dienu" in overview


def test_refusals_and_conflicts_in_latvian(world):
    c = world.competitors[1]
    url = f"/competitions/marking/{world.cs.pk}/competitors/{c.pk}/"
    expert = signed_in(world.expert_c_user)
    expert.post(url, {"aspect": world.m_full.pk, "version": 0, "value": "10"})
    stale = expert.post(url, {"aspect": world.m_full.pk, "version": 0, "value": "0"}, HTTP_ACCEPT="application/json")
    assert stale.status_code == 409 and stale.json()["message"].startswith("Kāds cits pa to laiku saglabāja")
    wrong = expert.post(url, {"aspect": world.m_full.pk, "version": 1, "value": "3"}, HTTP_ACCEPT="application/json")
    assert wrong.json()["message"] == "Šajā aspektā var dot vai nu 0, vai 10.00 punktus."
    assert "nevērtē savas skolas" in signed_in(world.expert_a_user).get(
        f"/competitions/marking/{world.cs.pk}/competitors/{world.competitors[0].pk}/").content.decode()
    api = Client().put("/api/v1/competitions/marks", "{}", content_type="application/json", HTTP_ACCEPT_LANGUAGE="lv")
    assert api.status_code in (401, 422)


def test_results_in_latvian_after_release(client, world):
    services.save_mark(world.chief_user, world.competitors[1].pk, world.m_full.pk, 0, value="10")
    world.competition.results_released = True
    world.competition.save()
    html = client.get("/competitions/test-final/results/").content.decode()
    assert "zelta medaļa" in html and "Sākotnējie punkti" in html and "Sertifikāts" in html
    assert "mediānajam konkursantam ir 700 punkti" in html


def test_back_office_in_latvian(world, django_user_model):
    boss = django_user_model.objects.create_superuser("boss", password="x")
    client = signed_in(boss)
    page = client.get(f"/admin/competitions/competition/{world.competition.pk}/change/").content.decode()
    for text in ("Nosaukums latviski", "Pirmā diena", "Norises vieta", "Vecuma noteikums", "Savas skolas noteikums"):
        assert text in page, text
    aspect = client.get(f"/admin/competitions/subcriterion/{world.judged.sub_criterion_id}/change/").content.decode()
    assert "Maksimālais punktu skaits" in aspect and "ekspertu sprieduma aspekts" in aspect
