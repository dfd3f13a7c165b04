"""Mans karjeras profils in a real browser: add a test by its resume code, read the explained ranking."""
import json
import re

import pytest
from axe_check import axe_problems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def finished(page, instrument, value_for):
    session = page.request.post("/api/v1/sessions", data={"instrument": instrument}).json()
    for i, item in enumerate(session["items"]):
        page.request.put(f"/api/v1/sessions/{session['id']}/answers/{item['id']}", data={"value": value_for(i, item)})
    assert page.request.post(f"/api/v1/sessions/{session['id']}/complete").ok
    return session


def test_profile_on_phone_and_desktop(new_context, viewport):
    page = new_context(viewport).new_page()
    page.goto("/")
    interests = finished(page, "interests", lambda i, item: 4 if i % 6 in (1, 3) else 0)
    cards = finished(page, "career_options", lambda i, item: 2 if i % 6 in (1, 3) else 0)
    page.goto(f"/s/{interests['id']}/result/")
    page.locator(f"a[href*='/profile/?s={interests['id']}']").click()
    page.wait_for_url(re.compile(r"/profile/\?s="))
    page.fill("#profile-code", cards["resume_code"])
    page.locator("form:has(#profile-code) button[type=submit]").click()
    page.wait_for_url(re.compile(rf"s={cards['id']}"))
    assert page.locator(".occupation-list li").count() >= 20
    first = page.locator(".occupation-list li .small").first.text_content()
    assert "=" in first and "+" in first  # score = interests part + card part
    problems = axe_problems(page, "career profile")
    assert not problems, "\n".join(problems)
