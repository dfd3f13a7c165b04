"""The values test (Vērtību svērtuve) through the API and the pages: balanced screens, weighed choices."""
import json
import shutil
import subprocess

import pytest

from karjera.assessments.models import Answer
from karjera.assessments.scoring.best_worst import encode

pytestmark = pytest.mark.django_db

PREFERENCE = ["V05", "V01", "V02", "V18", "V19", "V20", "V03", "V06"]  # variety, abilities, achievement, creativity…


def call(client, method, path, body=None):
    data = json.dumps(body) if body is not None else None
    return getattr(client, method.lower())(path, data=data, content_type="application/json")


def rank(statement_id):
    return PREFERENCE.index(statement_id) if statement_id in PREFERENCE else 100 + int(statement_id[1:])


def consistent_answer(item):
    ids = [s["id"] for s in item["statements"]]
    order = sorted(range(5), key=lambda p: rank(ids[p]))
    return encode(order[0], order[-1])


@pytest.fixture
def session(client):
    response = call(client, "POST", "/api/v1/sessions", {"instrument": "values", "language": "lv"})
    assert response.status_code == 201
    return response.json()


def test_session_has_21_balanced_screens(session):
    items = session["items"]
    assert len(items) == 21 and all(len(i["statements"]) == 5 for i in items)
    assert all(len(i["options"]) == 20 for i in items)
    pairs = {}
    for item in items:
        ids = sorted(s["id"] for s in item["statements"])
        for a in range(5):
            for b in range(a + 1, 5):
                pairs[(ids[a], ids[b])] = pairs.get((ids[a], ids[b]), 0) + 1
    assert len(pairs) == 210 and set(pairs.values()) == {1}


def test_same_statement_as_most_and_least_is_refused(client, session):
    sid, item = session["id"], session["items"][0]["id"]
    for bad in (6, 0, 24, 25, -1):  # 6 = position 1 both ways, 0 and 24 likewise
        assert call(client, "PUT", f"/api/v1/sessions/{sid}/answers/{item}", {"value": bad}).status_code == 422
    assert not Answer.objects.filter(session_id=sid).exists()


def test_consistent_choices_give_an_order_values_and_occupations(client, session):
    sid = session["id"]
    for item in session["items"]:
        r = call(client, "PUT", f"/api/v1/sessions/{sid}/answers/{item['id']}", {"value": consistent_answer(item)})
        assert r.status_code == 200
    result = call(client, "POST", f"/api/v1/sessions/{sid}/complete").json()
    assert result["value_order"][0] in ("working_conditions", "achievement")
    assert result["value_order"][0:2] == sorted(result["value_order"][0:2], key=lambda v: -result["values"][v]["score"])
    assert "inconsistent" not in result["flags"]
    assert result["choice_consistency"] > 0.9
    for v in result["values"].values():
        assert v["low"] <= v["score"] <= v["high"]
    assert len(result["occupations"]) >= 20 and all(o["reasons"] for o in result["occupations"])
    english = client.get(f"/api/v1/sessions/{sid}/result?language=en").json()
    assert english["scores"] == result["scores"]


def test_contradictory_choices_are_flagged_without_occupations(client, session):
    sid = session["id"]
    for item in session["items"]:
        call(client, "PUT", f"/api/v1/sessions/{sid}/answers/{item['id']}", {"value": encode(0, 1)})
    result = call(client, "POST", f"/api/v1/sessions/{sid}/complete").json()
    assert "inconsistent" in result["flags"] and result["occupations"] == []


def test_pages_without_javascript(client):
    response = client.post("/tests/values/")
    assert response.status_code == 302
    sid = response["Location"].split("/")[2]
    page = client.get(f"/s/{sid}/q/1/").content.decode()
    assert page.count('name="best"') == 5 and page.count('name="worst"') == 5
    same = client.post(f"/s/{sid}/q/1/", {"best": "2", "worst": "2"})
    assert same.status_code == 422 and 'role="alert"' in same.content.decode()
    assert client.post(f"/s/{sid}/q/1/", {"best": "2", "worst": "4"})["Location"] == f"/s/{sid}/q/2/?saved=1"
    assert Answer.objects.get(session_id=sid).value == encode(2, 4)
    assert 'name="best" value="2" required checked' in client.get(f"/s/{sid}/q/1/").content.decode()


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is installed by scripts/setup.sh")
def test_result_page_and_pdf(client, session, tmp_path):
    sid = session["id"]
    for item in session["items"]:
        call(client, "PUT", f"/api/v1/sessions/{sid}/answers/{item['id']}", {"value": consistent_answer(item)})
    call(client, "POST", f"/api/v1/sessions/{sid}/complete")
    html = client.get(f"/s/{sid}/result/").content.decode()
    assert 'role="img"' in html and html.count('class="occupation"') >= 20
    pdf = tmp_path / "values.pdf"
    pdf.write_bytes(client.get(f"/s/{sid}/report.pdf").content)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Vērtību svērtuve" in text and "Neatkarība" in text
    assert sum(text.count(c) for c in "āēīūčšžģķļņ") > 100
