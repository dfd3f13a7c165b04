"""A pupil takes the interests test in a real Chromium: on a phone and on a computer, in Latvian and
English, with the mouse, touch, the keyboard and without JavaScript, and the pages pass axe-core.

Elements are found by structure (hrefs, form controls, classes) rather than by translated text, so the
tests do not depend on the wording of the Latvian translation.
"""
import re
import subprocess
from pathlib import Path

import pytest
from axe_check import axe_problems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOT_DIR = Path("/tmp/karjera-screenshots")
LATVIAN_LETTERS = "āēīūčšžģķļņĀĒĪŪČŠŽĢĶĻŅ"
CODE_RE = re.compile(r"^[A-Z0-9]{4}-[A-Z0-9]{4}$")


# ---- the test and the answers -------------------------------------------------------------------


def instrument():
    from karjera.assessments import engine

    return engine.available()["interests"]


def option_index(number: int) -> int:
    """The answer pattern: items are interleaved R, I, A, S, E, C, so this likes I most, then A, a
    little S, and nothing else; the interest code is IAS without ties."""
    return {1: 4, 2: 3, 3: 1}.get((number - 1) % 6, 0)


def option_value(number: int) -> int:
    return instrument().options("lv")[option_index(number)]["value"]


def item_url(sid: str, number: int) -> re.Pattern:
    return re.compile(rf"/s/{re.escape(sid)}/q/{number}/(\?saved=1)?$")


def next_url(sid: str, number: int) -> re.Pattern:
    if number < len(instrument().items):
        return item_url(sid, number + 1)
    return re.compile(rf"/s/{re.escape(sid)}/finish/(\?saved=1)?$")


def session_id(page) -> str:
    match = re.search(r"/s/([^/]+)/", page.url)
    assert match, page.url
    return match.group(1)


def answers_of(page, sid: str) -> dict:
    response = page.request.get(f"/api/v1/sessions/{sid}")
    assert response.ok, response.text()
    return response.json()["answers"]


def answer_with_api(page, sid: str, numbers) -> None:
    items = instrument().items
    for number in numbers:
        response = page.request.put(
            f"/api/v1/sessions/{sid}/answers/{items[number - 1]['id']}", data={"value": option_value(number)}
        )
        assert response.ok, response.text()


def create_session_with_api(page, language: str = "lv") -> str:
    response = page.request.post("/api/v1/sessions", data={"instrument": "interests", "language": language})
    assert response.status == 201, response.text()
    return response.json()["id"]


def answer_with_ui(page, sid: str, number: int, kind: str, language: str = "lv") -> None:
    """Answer the item on screen by tapping or clicking the option label; test.js saves it and moves on."""
    item = instrument().items[number - 1]
    assert page.locator(".item-text").inner_text().strip() == item["text"][language]
    assert page.locator('input[type="radio"][name="value"]').count() == 5
    label = page.locator("label.option").nth(option_index(number))
    if kind == "phone":
        label.tap()
    else:
        label.click()
    page.wait_for_url(next_url(sid, number))


def start_test(page, prefix: str = "") -> str:
    """From the home page: follow the link to the interests test and start it."""
    page.goto(f"{prefix}/")
    page.locator(f'main a[href="{prefix}/tests/interests/"]').first.click()
    page.wait_for_url(f"**{prefix}/tests/interests/")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"{prefix}/s/[^/]+/q/1/$"))
    return session_id(page)


def finish_and_open_result(page, sid: str) -> None:
    assert page.locator("main form button[type=submit]").count() == 1
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/s/{re.escape(sid)}/result/$"))


def check_result_page(page) -> None:
    assert page.locator(".big-code").inner_text().strip() == "IAS"
    chart = page.locator("svg[role=img]")
    assert chart.count() == 1
    assert chart.locator("title").text_content().strip()
    scores = page.locator("section[aria-labelledby=scores-title] table tbody tr")
    assert scores.count() == 6
    reasons = page.eval_on_selector_all(
        ".occupation-list li.occupation", "items => items.map(li => li.querySelectorAll('.reasons li').length)"
    )
    assert len(reasons) >= 20, reasons
    assert all(n >= 1 for n in reasons), reasons


def download_pdf_text(page, tmp_path: Path) -> str:
    with page.expect_download() as info:
        page.locator('main a[href$="/report.pdf"]').click()
    download = info.value
    assert download.suggested_filename.endswith(".pdf")
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    assert path.read_bytes()[:5] == b"%PDF-"
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout


# ---- the journeys ---------------------------------------------------------------------------------


def test_latvian_journey_with_resume_on_another_device(new_context, viewport, tmp_path):
    total = len(instrument().items)
    half = total // 2

    first = new_context(viewport)
    page = first.new_page()
    sid = start_test(page)
    assert page.locator("html").get_attribute("lang") == "lv"
    for number in range(1, half + 1):
        answer_with_ui(page, sid, number, viewport)
    page.wait_for_url(item_url(sid, half + 1))
    code = page.locator("strong.code").first.inner_text().strip()
    assert CODE_RE.match(code), code
    first.close()

    # Another device: only the resume code carries over.
    second = new_context(viewport)
    page = second.new_page()
    page.goto("/resume/")
    page.locator("main input[name=code]").fill(code)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(item_url(sid, half + 1))
    assert len(answers_of(page, sid)) == half
    for number in range(half + 1, total + 1):
        answer_with_ui(page, sid, number, viewport)

    finish_and_open_result(page, sid)
    check_result_page(page)
    assert page.locator("strong.code").first.inner_text().strip() == code

    text = download_pdf_text(page, tmp_path)
    letters = sum(text.count(ch) for ch in LATVIAN_LETTERS)
    assert letters >= 20, f"only {letters} Latvian letters in the PDF text:\n{text[:2000]}"
    assert "Interešu laboratorija" in text
    assert code in text


def test_english_journey(new_context, tmp_path):
    total = len(instrument().items)
    context = new_context("phone", locale="en-GB")
    page = context.new_page()
    sid = start_test(page, prefix="/en")
    assert page.locator("html").get_attribute("lang") == "en"
    # Most answers through the JSON API; the last three through the page.
    answer_with_api(page, sid, range(1, total - 2))
    page.goto(f"/en/s/{sid}/q/{total - 2}/")
    for number in range(total - 2, total + 1):
        answer_with_ui(page, sid, number, "phone", language="en")
    assert page.url.split("?")[0].endswith(f"/en/s/{sid}/finish/")
    finish_and_open_result(page, sid)
    assert page.url.endswith(f"/en/s/{sid}/result/")
    assert page.locator("main h1").inner_text().strip() == "Your result"
    check_result_page(page)
    text = download_pdf_text(page, tmp_path)
    assert "Your result" in text and "Interest lab" in text


def test_keyboard_answers_on_desktop(new_context):
    items = instrument().items
    page = new_context("desktop").new_page()
    sid = create_session_with_api(page)
    page.goto(f"/s/{sid}/q/1/")
    assert page.locator(".hint").is_visible()  # the key tip shows on a computer
    page.keyboard.press("4")
    page.wait_for_url(item_url(sid, 2))
    assert answers_of(page, sid) == {items[0]["id"]: instrument().options("lv")[3]["value"]}
    assert page.locator("#save-status").inner_text().strip()  # "previous answer saved"
    page.keyboard.press("1")
    page.wait_for_url(item_url(sid, 3))
    assert answers_of(page, sid) == {
        items[0]["id"]: instrument().options("lv")[3]["value"],
        items[1]["id"]: instrument().options("lv")[0]["value"],
    }
    # Back on question 1 the saved answer is checked.
    page.goto(f"/s/{sid}/q/1/")
    assert page.locator('input[name="value"]').nth(3).is_checked()


def test_answering_without_javascript(new_context):
    items = instrument().items
    page = new_context("phone", java_script_enabled=False).new_page()
    sid = start_test(page)
    page.locator('input[name="value"]').nth(3).check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(item_url(sid, 2))
    assert "saved=1" in page.url
    assert page.locator(".save-status").inner_text().strip()
    assert answers_of(page, sid) == {items[0]["id"]: instrument().options("lv")[3]["value"]}
    page.locator('main a[rel="prev"]').click()
    page.wait_for_url(item_url(sid, 1))
    assert page.locator('input[name="value"]').nth(3).is_checked()


# ---- accessibility ------------------------------------------------------------------------------


def test_pages_pass_axe(new_context, viewport):
    total = len(instrument().items)
    page = new_context(viewport).new_page()
    problems = []

    page.goto("/")
    problems += axe_problems(page, "home")
    page.goto("/tests/interests/")
    problems += axe_problems(page, "intro")
    page.goto("/resume/")
    problems += axe_problems(page, "resume")

    sid = create_session_with_api(page)
    page.goto(f"/s/{sid}/q/1/")
    problems += axe_problems(page, "item")
    if viewport == "phone":
        SCREENSHOT_DIR.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOT_DIR / "item-360.png"), full_page=True)

    answer_with_api(page, sid, range(1, total + 1))
    page.goto(f"/s/{sid}/finish/")
    problems += axe_problems(page, "finish")
    finish_and_open_result(page, sid)
    problems += axe_problems(page, "result")
    if viewport == "phone":
        page.screenshot(path=str(SCREENSHOT_DIR / "result-360.png"), full_page=True)

    assert not problems, "axe-core found serious or critical problems:\n" + "\n".join(problems)
