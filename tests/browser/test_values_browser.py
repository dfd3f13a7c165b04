"""The values test in a real browser on a phone: answer, resume on another device, finish, PDF, axe."""
import re

import pytest
from axe_check import axe_problems
from journey import pdf_text, resume, start

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def choose(page, best: int, worst: int):
    page.locator("input[name=best]").nth(best).check()
    page.locator("input[name=worst]").nth(worst).check()
    page.locator("#bw-form button[type=submit]").click()


def test_values_journey_on_a_phone(new_context, tmp_path):
    page = new_context("phone").new_page()
    sid = start(page, "values")
    problems = axe_problems(page, "values screen")
    assert page.locator("input[name=best]").count() == 5
    for n in range(1, 11):
        choose(page, n % 5, (n + 2) % 5)
        page.wait_for_url(re.compile(rf"/q/{n + 1}/\?saved=1$"))
    code = page.locator("strong.code").first.text_content().strip()
    page.context.close()

    page = resume(new_context, code, sid, 11)
    for n in range(11, 22):
        choose(page, n % 5, (n + 2) % 5)
    page.wait_for_url(re.compile(r"/finish/"))
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/result/$"))
    assert page.locator("svg[role=img]").count() == 1
    assert page.locator(".data-table tbody tr").count() == 6
    problems += axe_problems(page, "values result")
    text = pdf_text(page, tmp_path)
    assert "Vērtību svērtuve" in text
    assert not problems, "\n".join(problems)
