"""Schools fill in the sustainability questionnaire from their link; the dashboard counts what came
back and the findings per criterion."""
import re

from karjera.monitoring.models import CriterionAnswer, SchoolQuestionnaire, SustainabilityCriterion, SustainabilityRound


def make_round(programme, schools=("Rīgas 1. vidusskola", "Cēsu tehnikums", "Liepājas pamatskola")):
    rnd = SustainabilityRound.objects.create(programme=programme, name_lv="Novērtējums 2026", name_en="Assessment 2026", year=2026, open=True)
    return rnd, [SchoolQuestionnaire.objects.create(round=rnd, school=s) for s in schools]


def answers(criteria, met):
    return {f"c{c.pk}": ("yes" if ok else "no") for c, ok in zip(criteria, met)}


def test_a_school_answers_and_the_dashboard_counts(client, agency_client, programme):
    rnd, (first, second, third) = make_round(programme)
    criteria = list(SustainabilityCriterion.objects.all())
    assert len(criteria) == 5
    page = client.get(f"/monitoring/sustainability/{first.token}/")
    assert page.status_code == 200 and all(c.name_lv in page.content.decode() for c in criteria)
    r = client.post(f"/monitoring/sustainability/{first.token}/", {**answers(criteria, [True] * 5), f"note{criteria[0].pk}": "Plāns apstiprināts"})
    assert r.status_code == 302
    assert client.post(f"/monitoring/sustainability/{second.token}/", answers(criteria, [True, True, True, True, False])).status_code == 302
    html = agency_client.get("/monitoring/dashboard/").content.decode()
    block = re.search(rf'id="round-{rnd.pk}">(.*?)</table>.*?<table class="data-table">(.*?)</table>', html, re.S)
    cells = re.findall(r'<td class="num">(.*?)</td>', block.group(1))
    assert cells[0] == "3" and cells[1].startswith("2 (66,7") and cells[2].startswith("1 (50,0")
    findings = re.findall(r'<tr><th scope="row">(.*?)</th><td class="num">(\d+)</td><td class="num">(\d+)</td>', block.group(2))
    assert [(m, n) for _name, m, n in findings] == [("2", "0")] * 4 + [("1", "1")]
    assert CriterionAnswer.objects.get(questionnaire=first, criterion=criteria[0]).note == "Plāns apstiprināts"


def test_incomplete_answers_are_refused_and_change_nothing(client, programme):
    _rnd, (first, *_rest) = make_round(programme)
    criteria = list(SustainabilityCriterion.objects.all())
    partial = answers(criteria[:4], [True] * 4)
    r = client.post(f"/monitoring/sustainability/{first.token}/", partial)
    assert r.status_code == 422 and 'id="errors"' in r.content.decode()
    assert not CriterionAnswer.objects.exists()
    first.refresh_from_db()
    assert first.submitted_at is None


def test_closed_round_and_unknown_link(client, programme):
    rnd, (first, *_rest) = make_round(programme)
    rnd.open = False
    rnd.save()
    criteria = list(SustainabilityCriterion.objects.all())
    assert client.post(f"/monitoring/sustainability/{first.token}/", answers(criteria, [True] * 5)).status_code == 409
    assert client.get("/monitoring/sustainability/nav-tada/").status_code == 404


def test_a_school_may_change_its_answers(client, programme):
    _rnd, (first, *_rest) = make_round(programme)
    criteria = list(SustainabilityCriterion.objects.all())
    url = f"/monitoring/sustainability/{first.token}/"
    client.post(url, answers(criteria, [False] * 5))
    client.post(url, answers(criteria, [True] * 5))
    assert CriterionAnswer.objects.filter(questionnaire=first, met=True).count() == 5
    assert 'checked' in client.get(url + "?saved=1").content.decode()
