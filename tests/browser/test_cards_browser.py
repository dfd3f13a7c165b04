"""The career options card sort in a real browser on a phone: sort, resume, finish, PDF, axe."""
import re

import pytest
from axe_check import axe_problems
from journey import pdf_text, resume, start

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_card_sort_on_a_phone(new_context, tmp_path):
    page = new_context("phone").new_page()
    sid = start(page, "career_options")
    assert page.locator("input[name=value]").count() == 3
    assert page.locator(".item-detail").count() == 1
    problems = axe_problems(page, "card")
    for n in range(1, 6):  # tap: like, not sure, dislike, …
        page.locator("label.option").nth(2 - n % 3).click()
        page.wait_for_url(re.compile(rf"/q/{n + 1}/\?saved=1$"))
    code = page.locator("strong.code").first.text_content().strip()
    page.context.close()

    page = resume(new_context, code, sid, 6)
    session = page.request.get(f"/api/v1/sessions/{sid}").json()
    assert len(session["answers"]) == 5
    items = page.request.post("/api/v1/sessions", data={"instrument": "career_options"}).json()["items"]
    for i, item in enumerate(items[5:59], start=5):
        page.request.put(f"/api/v1/sessions/{sid}/answers/{item['id']}", data={"value": 2 if i % 6 in (1, 3) else 0})
    page.goto(f"/s/{sid}/q/60/")
    page.locator("label.option").nth(2).click()
    page.wait_for_url(re.compile(r"/finish/"))
    assert page.locator("input[name=fav]").count() >= 3  # liked cards can become favourites
    problems += axe_problems(page, "favourites")
    page.locator("input[name=fav]").first.check()
    page.locator("input[name^=why_]").first.check()
    page.locator("form:has(input[name=action]) button[type=submit]").click()
    page.wait_for_url(re.compile(r"favourites=1"))
    page.locator("#complete-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/result/$"))
    assert page.locator("svg[role=img]").count() == 1
    assert page.locator(".occupation-list li").count() >= 20
    problems += axe_problems(page, "card sort result")
    text = pdf_text(page, tmp_path)
    assert "Karjeras iespēju diagnostika" in text
    assert not problems, "\n".join(problems)
