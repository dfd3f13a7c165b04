"""The public sides of a competition that are not marks: the visitor programme, the semi-final rule as the
pages show it, the national team's international results, and the Latvian interface."""
from datetime import date, datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from karjera.competitions import services
from karjera.competitions.models import Competition, CompetitionSkill, Competitor, InternationalResult, ProgrammeEvent

pytestmark = pytest.mark.django_db


def at(text):
    return timezone.make_aware(datetime.fromisoformat(text))


def test_visitor_programme_page_is_a_timetable_by_day(client, world):
    for title, start, end, kind in (
        ("Metināšanas simulators", "2026-04-22T10:00", "2026-04-22T12:00", "try_out"),
        ("Pavāru demonstrējums", "2026-04-23T09:30", "2026-04-23T10:00", "demonstration"),
        ("Agrais rīts", "2026-04-22T08:00", "2026-04-22T09:00", "demonstration"),
    ):
        ProgrammeEvent.objects.create(competition=world.competition, kind=kind, title_lv=title, title_en=title + " (en)",
                                      offered_by="Tehnikums", place="Zāle 1", starts_at=at(start), ends_at=at(end))
    html = client.get("/en/competitions/test-final/programme/").content.decode()
    assert html.index("22.04.2026") < html.index("Agrais rīts (en)") < html.index("Metināšanas simulators (en)")
    assert html.index("Metināšanas simulators (en)") < html.index("23.04.2026") < html.index("Pavāru demonstrējums (en)")
    assert "08:00–09:00" in html and "try-out" in html
    assert "/competitions/test-final/programme/" in client.get("/en/competitions/test-final/").content.decode()
    assert client.get("/competitions/no-such/programme/").status_code == 404


def test_semi_final_results_say_who_goes_on_to_the_final(client, world):
    semi = Competition.objects.create(
        slug="test-semi", name_lv="Pusfināls", name_en="Semi-final", kind=Competition.SEMI_FINAL,
        starts_on=date(2026, 2, 1), ends_on=date(2026, 2, 1), venue="Olaine", final=world.competition, results_released=True,
    )
    cs = CompetitionSkill.objects.create(competition=semi, skill=world.skill)
    for n in range(1, 11):
        Competitor.objects.create(competition_skill=cs, number=n, first_name=f"Semi{n}", last_name="X",
                                  date_of_birth=date(2006, 1, 1), school=world.school_a)
    rows = services.skill_results(cs)
    # nobody has marks: all ten share first place, so all ten go on (ties at the cut are never split)
    assert len(services.goes_to_final(cs, rows)) == 10
    assert services.goes_to_final(world.cs, services.skill_results(world.cs)) == set()
    html = client.get("/en/competitions/test-semi/results/").content.decode()
    assert "goes on to the final" in html and "best 8 competitors" in html
    # the final's page links its skill to the semi-final
    final_page = client.get("/en/competitions/test-final/").content.decode()
    assert 'href="/en/competitions/test-semi/"' in final_page and "10 or more applicants holds a semi-final" in final_page


def test_demo_international_results_of_2022(client):
    call_command("load_competitions_demo")
    special = {r.skill_en: r for r in InternationalResult.objects.filter(edition="2022 Special Edition")}
    assert {k: r.result for k, r in special.items()} == {
        "Freight Forwarding": "silver", "Heavy Vehicle Technology": "silver",
        "Visual Merchandising": "bronze", "Graphic Design Technology": "excellence",
    }
    assert {r.team_size for r in special.values()} == {8} and not any(r.demo for r in special.values())
    html = client.get("/en/competitions/international/").content.decode()
    assert "8 competitors in the national team" in html and "Heavy Vehicle Technology" in html
    call_command("load_competitions_demo")
    assert InternationalResult.objects.filter(edition="2022 Special Edition").count() == 4
    programme = client.get("/en/competitions/skillslatvia-2026-final/programme/").content.decode()
    assert "Try welding on a simulator" in programme
