"""The ability detector in a real browser on a phone: own estimate, timed parts, resume, result, PDF, axe."""
import re

import pytest
from axe_check import axe_problems
from journey import pdf_text, resume, start

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_abilities_on_a_phone(new_context, tmp_path):
    page = new_context("phone").new_page()
    sid = start(page, "abilities")
    problems = axe_problems(page, "own estimate")
    for n in range(1, 8):  # five own estimates, then two items of the verbal part
        page.locator("label.option").nth(2).click()
        page.wait_for_url(re.compile(rf"/q/{n + 1}/\?saved=1$"))
    assert page.locator(".subtest-timer").count() == 1
    problems += axe_problems(page, "verbal item")
    code = page.locator("strong.code").first.text_content().strip()
    page.context.close()

    page = resume(new_context, code, sid, 8)
    items = page.request.get(f"/api/v1/sessions/{sid}").json()
    total = items["item_count"]
    page.goto(f"/s/{sid}/q/30/")  # a spatial item shows its figures
    assert page.locator(".item-figure svg").count() == 1 and page.locator(".option-figure svg").count() == 4
    problems += axe_problems(page, "spatial item")
    created = page.request.post("/api/v1/sessions", data={"instrument": "abilities"}).json()["items"]
    for item in created[7:total]:
        page.request.put(f"/api/v1/sessions/{sid}/answers/{item['id']}", data={"value": 0})
    page.goto(f"/s/{sid}/finish/")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/result/$"))
    assert page.locator(".data-table tbody tr").count() == 5
    problems += axe_problems(page, "abilities result")
    text = pdf_text(page, tmp_path)
    assert "Spēju detektors" in text
    assert not problems, "\n".join(problems)


def test_adaptive_version_on_a_phone(new_context, tmp_path):
    """The adaptive version: own estimates, tasks given one by one, resumed by code, finished, PDF."""
    page = new_context("phone").new_page()
    sid = start(page, "abilities", mode="adaptive")
    for n in range(1, 8):  # five own estimates, then two tasks chosen for this pupil
        page.locator("label.option").nth(2).click()
        page.wait_for_url(re.compile(rf"/q/{n + 1}/\?saved=1$"))
    assert page.locator(".subtest-timer").count() == 1
    problems = axe_problems(page, "adaptive task")
    code = page.locator("strong.code").first.text_content().strip()
    page.context.close()

    page = resume(new_context, code, sid, 8)
    while not (step := page.request.get(f"/api/v1/sessions/{sid}/next-item").json())["done"]:
        page.request.put(f"/api/v1/sessions/{sid}/answers/{step['item']['id']}", data={"value": 0})
    page.goto(f"/s/{sid}/finish/")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/result/$"))
    assert "adaptīvo versiju" in page.locator("main").text_content()
    problems += axe_problems(page, "adaptive result")
    assert "adaptīvo versiju" in pdf_text(page, tmp_path)
    assert not problems, "\n".join(problems)
