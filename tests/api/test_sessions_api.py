"""The JSON API contract of the foundation: sessions, answers, results, resume, deletion."""
import json
import shutil
import subprocess

import pytest

from karjera.assessments.models import Answer, TestSession

pytestmark = pytest.mark.django_db


def call(client, method, path, body=None):
    kwargs = {"content_type": "application/json"}
    if body is not None:
        kwargs["data"] = json.dumps(body)
    return getattr(client, method.lower())(path, **kwargs)


@pytest.fixture
def session(client):
    response = call(client, "POST", "/api/v1/sessions", {"instrument": "interests", "language": "lv"})
    assert response.status_code == 201
    return response.json()


def answer_all(client, session, pattern):
    for i, item in enumerate(session["items"]):
        r = call(client, "PUT", f"/api/v1/sessions/{session['id']}/answers/{item['id']}", {"value": pattern(i)})
        assert r.status_code == 200, r.content


def likes_i_and_a(i):
    return 4 if i % 6 in (1, 2) else 0


def test_instruments_list(client):
    body = client.get("/api/v1/instruments").json()
    interests = next(i for i in body if i["slug"] == "interests")
    assert interests["item_count"] >= 60
    assert interests["version"] == "1.0.0"
    assert interests["name"] == "Interešu laboratorija"
    english = {i["slug"]: i["name"] for i in client.get("/api/v1/instruments?language=en").json()}
    assert english["interests"] == "Interest lab" and english["values"] == "Values scale"
    assert [i["slug"] for i in body][:2] == ["interests", "values"]


def test_create_session_gives_unguessable_id_code_and_items(client, session):
    assert len(session["id"]) >= 22  # 144 random bits
    assert len(session["resume_code"]) == 9 and session["resume_code"][4] == "-"
    assert session["instrument"] == "interests" and session["version"] == "1.0.0"
    assert len(session["items"]) >= 60
    first = session["items"][0]
    assert [o["value"] for o in first["options"]] == [0, 1, 2, 3, 4]
    assert first["options"][4]["label"] == "Ļoti patīk"
    other = call(client, "POST", "/api/v1/sessions", {"instrument": "interests", "language": "en"}).json()
    assert other["id"] != session["id"]
    assert other["items"][0]["options"][4]["label"] == "Strongly like"


@pytest.mark.parametrize(
    "body",
    [{"instrument": "nope"}, {"instrument": "interests", "language": "de"}, {"instrument": "interests", "extra": 1}, {}],
)
def test_create_session_refuses_bad_input(client, body):
    before = TestSession.objects.count()
    response = call(client, "POST", "/api/v1/sessions", body)
    assert 400 <= response.status_code < 500
    assert response.json()["message"]
    assert TestSession.objects.count() == before


def test_bad_answers_are_refused_and_change_nothing(client, session):
    sid, item = session["id"], session["items"][0]["id"]
    for bad in (5, -1, "x", None, 2.5, True, "3"):
        response = call(client, "PUT", f"/api/v1/sessions/{sid}/answers/{item}", {"value": bad})
        assert response.status_code == 422, (bad, response.content)
        assert response.json()["error"] == "invalid"
    response = call(client, "PUT", f"/api/v1/sessions/{sid}/answers/{item}", {"value": 1, "other": 2})
    assert response.status_code == 422
    assert call(client, "PUT", f"/api/v1/sessions/{sid}/answers/ZZ99", {"value": 1}).status_code == 404
    assert call(client, "PUT", f"/api/v1/sessions/{'A' * 24}/answers/{item}", {"value": 1}).status_code == 404
    assert Answer.objects.count() == 0
    assert client.get(f"/api/v1/sessions/{sid}").json()["answers"] == {}


def test_repeated_put_stores_one_answer_and_last_value_wins(client, session):
    sid, item = session["id"], session["items"][0]["id"]
    for value in (4, 4, 2):
        response = call(client, "PUT", f"/api/v1/sessions/{sid}/answers/{item}", {"value": value})
        assert response.status_code == 200
    state = client.get(f"/api/v1/sessions/{sid}").json()
    assert state["answers"] == {item: 2}
    assert state["status"] == "in_progress"
    assert Answer.objects.filter(session_id=sid).count() == 1


def test_complete_early_names_unanswered_items(client, session):
    sid = session["id"]
    call(client, "PUT", f"/api/v1/sessions/{sid}/answers/{session['items'][0]['id']}", {"value": 3})
    response = call(client, "POST", f"/api/v1/sessions/{sid}/complete")
    assert response.status_code == 409
    unanswered = response.json()["unanswered"]
    assert unanswered == [i["id"] for i in session["items"][1:]]
    assert TestSession.objects.get(pk=sid).status == "in_progress"
    assert call(client, "GET", f"/api/v1/sessions/{sid}/result").status_code == 409


def test_full_journey_gives_explained_occupations(client, session):
    sid = session["id"]
    answer_all(client, session, likes_i_and_a)
    response = call(client, "POST", f"/api/v1/sessions/{sid}/complete")
    assert response.status_code == 200
    result = client.get(f"/api/v1/sessions/{sid}/result").json()
    assert result["scores"] == {"R": 0, "I": 40, "A": 40, "S": 0, "E": 0, "C": 0}
    assert result["code"][:2] == "IA"
    assert result["version"] == "1.0.0"
    assert result["flags"] == ["tie"]
    occupations = result["occupations"]
    assert len(occupations) >= 20
    assert all(o["reasons"] and o["fit"] in {"strong", "good", "some", "weak"} for o in occupations)
    correlations = [o["correlation"] for o in occupations]
    assert correlations == sorted(correlations, reverse=True)
    assert occupations[0]["correlation"] > 0.75
    assert "Pētnieciskais" in " ".join(occupations[0]["reasons"])
    # The stored result records the instrument version it was computed with.
    stored = TestSession.objects.get(pk=sid)
    assert stored.result["instrument"] == {"slug": "interests", "version": "1.0.0"}
    assert stored.instrument_version.version == "1.0.0"
    # English on request, same figures.
    english = client.get(f"/api/v1/sessions/{sid}/result?language=en").json()
    assert english["scores"] == result["scores"]
    assert "Investigative" in " ".join(english["occupations"][0]["reasons"])
    # Completing again is harmless; answering is refused and changes nothing.
    assert call(client, "POST", f"/api/v1/sessions/{sid}/complete").status_code == 200
    item = session["items"][0]["id"]
    response = call(client, "PUT", f"/api/v1/sessions/{sid}/answers/{item}", {"value": 4})
    assert response.status_code == 409
    assert client.get(f"/api/v1/sessions/{sid}").json()["answers"][item] == 0


def test_identical_answers_flag_and_no_fitting_list(client, session):
    sid = session["id"]
    answer_all(client, session, lambda i: 4)
    result = call(client, "POST", f"/api/v1/sessions/{sid}/complete").json()
    assert "identical_answers" in result["flags"]
    assert result["occupations"] == []
    assert any(f["flag"] == "identical_answers" and f["text"] for f in result["flag_texts"])


def test_resume_by_code_in_any_spelling(client, session):
    code = session["resume_code"]
    for variant in (code, code.lower(), code.replace("-", ""), f"  {code.replace('-', ' ')} "):
        response = call(client, "POST", "/api/v1/resume", {"code": variant})
        assert response.status_code == 200
        assert response.json()["id"] == session["id"]
    assert call(client, "POST", "/api/v1/resume", {"code": "AAAA-AAAA"}).status_code == 404
    assert call(client, "POST", "/api/v1/resume", {"code": 12}).status_code == 422


def test_resume_lookup_is_rate_limited(client, settings):
    settings.RESUME_RATE_LIMIT = 5
    statuses = [call(client, "POST", "/api/v1/resume", {"code": "WXYZ-2345"}).status_code for _ in range(7)]
    assert statuses[:5] == [404] * 5
    assert statuses[5:] == [429, 429]


def test_delete_removes_everything(client, session):
    sid = session["id"]
    answer_all(client, session, likes_i_and_a)
    assert call(client, "DELETE", f"/api/v1/sessions/{sid}").status_code == 204
    assert not TestSession.objects.filter(pk=sid).exists()
    assert not Answer.objects.filter(session_id=sid).exists()
    assert client.get(f"/api/v1/sessions/{sid}").status_code == 404
    assert client.get(f"/api/v1/sessions/{sid}/result").status_code == 404
    assert call(client, "DELETE", f"/api/v1/sessions/{sid}").status_code == 404


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is installed by scripts/setup.sh")
def test_report_pdf_keeps_latvian_letters(client, session, tmp_path):
    sid = session["id"]
    assert client.get(f"/api/v1/sessions/{sid}/report.pdf").status_code == 409
    answer_all(client, session, likes_i_and_a)
    call(client, "POST", f"/api/v1/sessions/{sid}/complete")
    response = client.get(f"/api/v1/sessions/{sid}/report.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Interešu laboratorija" in text
    assert "Pētnieciskais" in text
    assert sum(text.count(c) for c in "āēīūčšžģķļņ") > 200
    # The full interpretation follows the results: every type's title is in the report.
    for title in ("Praktiskais", "Mākslinieciskais", "Sociālais", "Uzņēmīgais", "Konvencionālais"):
        assert title in text


def test_openapi_document_lists_the_endpoints(client):
    doc = client.get("/api/openapi.json").json()
    paths = doc["paths"]
    for path in (
        "/api/v1/instruments",
        "/api/v1/sessions",
        "/api/v1/sessions/{session_id}",
        "/api/v1/sessions/{session_id}/answers/{item_id}",
        "/api/v1/sessions/{session_id}/complete",
        "/api/v1/sessions/{session_id}/result",
        "/api/v1/sessions/{session_id}/report.pdf",
        "/api/v1/resume",
        "/api/v1/occupations",
        "/api/v1/occupations/{occupation_id}",
    ):
        assert path in paths, path
