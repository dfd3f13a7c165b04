"""Security headers, HSTS only behind TLS, logs without capability ids, the pupil's data export, and the
result-page cache that a deletion clears at once."""
import json
import logging

import pytest
from django.test import override_settings

from karjera.assessments import engine
from karjera.core.logs import RedactCapabilities, redact

pytestmark = pytest.mark.django_db


def finished_interest_test(client):
    created = client.post("/api/v1/sessions", json.dumps({"instrument": "interests"}), content_type="application/json").json()
    for n, item in enumerate(created["items"]):
        client.put(f"/api/v1/sessions/{created['id']}/answers/{item['id']}", json.dumps({"value": n % 5}), content_type="application/json")
    assert client.post(f"/api/v1/sessions/{created['id']}/complete").status_code == 200
    return created["id"]


@pytest.mark.parametrize("path", ["/", "/occupations/", "/api/v1/ping", "/accounts/login/"])
def test_security_headers_on_pages_and_api(client, path):
    response = client.get(path)
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "script-src 'self'" in response["Content-Security-Policy"] and "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]
    assert "Strict-Transport-Security" not in response  # plain HTTP: no HSTS


@override_settings(SECURE_HSTS_SECONDS=31536000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True, SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"))
def test_hsts_behind_tls(client):
    response = client.get("/", HTTP_X_FORWARDED_PROTO="https")
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_logs_carry_no_session_ids(caplog):
    sid = "kLuPKjWoyA0xolRSEXAYxjaB"
    assert sid not in redact(f"GET /s/{sid}/result/ and /api/v1/sessions/{sid}/answers/R1")
    record = logging.LogRecord("django.request", logging.WARNING, __file__, 1, "Not Found: %s", (f"/s/{sid}/q/3/",), None)
    RedactCapabilities().filter(record)
    assert sid not in record.getMessage() and "/s/…/q/3/" in record.getMessage()
    assert redact("/occupations/5120.02/") == "/occupations/5120.02/"  # ordinary paths stay readable


def test_pupil_downloads_everything_stored(client):
    sid = finished_interest_test(client)
    response = client.get(f"/s/{sid}/data.json")
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["session"] == sid and data["test"] == "interests" and data["status"] == "completed"
    assert len(data["answers"]) == 60 and {"item", "value", "answered_at"} <= set(data["answers"][0])
    assert data["result"]["code"] == engine.get_session(sid).result["code"]
    assert client.get(f"/api/v1/sessions/{sid}/export").json()["answers"] == data["answers"]
    assert client.get(f"/s/{'x' * 24}/data.json").status_code == 404


def test_deleting_clears_the_cached_result_page(client):
    sid = finished_interest_test(client)
    first = client.get(f"/s/{sid}/result/")
    again = client.get(f"/s/{sid}/result/")
    assert first.status_code == again.status_code == 200 and first.content == again.content
    assert client.get(f"/en/s/{sid}/result/").content != first.content  # one page per language
    client.post(f"/s/{sid}/delete/")
    assert client.get(f"/s/{sid}/result/").status_code == 404
    assert client.get(f"/s/{sid}/data.json").status_code == 404


def test_oversized_and_malformed_bodies_are_refused_cleanly(client):
    created = client.post("/api/v1/sessions", json.dumps({"instrument": "interests"}), content_type="application/json").json()
    url = f"/api/v1/sessions/{created['id']}/answers/{created['items'][0]['id']}"
    huge = json.dumps({"value": 1, "padding": "x" * 2_000_000})
    assert client.put(url, huge, content_type="application/json").status_code in (400, 413, 422)
    assert client.put(url, "{not json", content_type="application/json").status_code in (400, 422)
    assert client.put(url, json.dumps({"value": 1, "extra": 2}), content_type="application/json").status_code == 422
    assert client.put(url, json.dumps({"value": "1"}), content_type="application/json").status_code == 422
    assert client.get(f"/api/v1/sessions/{created['id']}").json()["answered"] == 0
