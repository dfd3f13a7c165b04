"""The pupil pages without JavaScript: every step is a plain form."""
import re

import pytest

from karjera.assessments.models import Answer, TestSession

pytestmark = pytest.mark.django_db


def start(client, prefix=""):
    response = client.post(f"{prefix}/tests/interests/")
    assert response.status_code == 302
    match = re.match(rf"^{prefix}/s/([\w-]+)/q/1/$", response["Location"])
    assert match, response["Location"]
    return match.group(1)


def test_home_lists_the_test_in_latvian_and_english(client):
    page = client.get("/").content.decode()
    assert 'lang="lv"' in page and "Interešu laboratorija" in page
    english = client.get("/en/").content.decode()
    assert 'lang="en"' in english and "Interest lab" in english
    assert 'href="/en/"' in page and 'href="/"' in english


def test_answering_without_javascript(client):
    sid = start(client)
    page = client.get(f"/s/{sid}/q/1/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "1 / 60" in html or "0 no 60" in html or "0 of 60" in html
    assert html.count('name="value"') == 5
    response = client.post(f"/s/{sid}/q/1/", {"value": "3"})
    assert response.status_code == 302 and response["Location"] == f"/s/{sid}/q/2/?saved=1"
    assert Answer.objects.get(session_id=sid).value == 3
    # Back to question 1: the saved answer is shown checked.
    assert 'value="3" required checked' in client.get(f"/s/{sid}/q/1/").content.decode()


def test_bad_form_answers_are_refused_and_change_nothing(client):
    sid = start(client)
    for bad in ("", "9", "abc", "-1"):
        response = client.post(f"/s/{sid}/q/1/", {"value": bad})
        assert response.status_code == 422
        assert 'role="alert"' in response.content.decode()
    assert not Answer.objects.filter(session_id=sid).exists()
    assert client.get(f"/s/{sid}/q/61/").status_code == 404
    assert client.get(f"/s/{'B' * 24}/q/1/").status_code == 404


def test_finish_lists_missing_items_then_shows_the_result(client):
    sid = start(client)
    client.post(f"/s/{sid}/q/1/", {"value": "4"})
    page = client.get(f"/s/{sid}/finish/").content.decode()
    assert f"/s/{sid}/q/2/" in page and f"/s/{sid}/q/60/" in page
    assert client.post(f"/s/{sid}/finish/").status_code == 200  # not finished: shows the list again
    assert TestSession.objects.get(pk=sid).status == "in_progress"
    session = TestSession.objects.get(pk=sid)
    for n, item in enumerate(session.instrument.items, start=1):
        client.post(f"/s/{sid}/q/{n}/", {"value": "4" if n % 6 in (1, 2) else "0"})
    # A half-finished session sends the pupil to the first open question; a finished one to its result.
    response = client.post(f"/s/{sid}/finish/")
    assert response.status_code == 302 and response["Location"] == f"/s/{sid}/result/"
    result = client.get(f"/s/{sid}/result/").content.decode()
    assert "RI" in result or "IR" in result
    assert 'role="img"' in result and "<table" in result
    assert result.count('class="occupation"') >= 20
    assert client.get(f"/s/{sid}/").status_code == 302
    assert client.get(f"/s/{sid}/q/3/")["Location"] == f"/s/{sid}/result/"


def test_resume_form(client):
    sid = start(client)
    code = TestSession.objects.get(pk=sid).display_code
    response = client.post("/resume/", {"code": code.lower()})
    assert response.status_code == 302 and response["Location"] == f"/s/{sid}/"
    assert client.get(f"/s/{sid}/")["Location"] == f"/s/{sid}/q/1/"
    wrong = client.post("/resume/", {"code": "ZZZZ-ZZZZ"})
    assert wrong.status_code == 404 and 'role="alert"' in wrong.content.decode()


def test_delete_page(client):
    sid = start(client)
    client.post(f"/s/{sid}/q/1/", {"value": "2"})
    assert client.get(f"/s/{sid}/delete/").status_code == 200
    assert TestSession.objects.filter(pk=sid).exists()
    assert client.post(f"/s/{sid}/delete/").status_code == 200
    assert not TestSession.objects.filter(pk=sid).exists()
    assert not Answer.objects.filter(session_id=sid).exists()


def test_english_pages(client):
    sid = start(client, "/en")
    page = client.get(f"/en/s/{sid}/q/1/").content.decode()
    assert "Strongly like" in page and 'lang="en"' in page


def test_security_headers(client):
    response = client.get("/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert not any(c for c in response.cookies if c not in {"csrftoken"})


def test_occupation_pages(client):
    page = client.get("/occupations/?q=pavars").content.decode()
    assert "pavārs" in page
    occupation_id = re.search(r'href="/occupations/([\w-]+)/"', page).group(1)
    detail = client.get(f"/occupations/{occupation_id}/").content.decode()
    assert 'role="img"' in detail and "O*NET" in detail
    assert client.get("/occupations/nope/").status_code == 404


def test_healthz(client):
    assert client.get("/healthz").json() == {"status": "ok"}
