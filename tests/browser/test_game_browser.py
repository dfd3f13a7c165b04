"""The game "Kļūšu par profesionāli" in Chromium: played to the end by touch on a phone (360×800) and a
tablet (768×1024), finished with the keyboard alone, played without JavaScript, with axe-core on the
start, round, feedback and end pages and the teachers' page."""
import re

import pytest
from axe_check import axe_problems
from playwright.sync_api import expect

from karjera.game import rounds, views

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {
    "phone": ("phone", {}),
    "tablet": ("desktop", {"viewport": {"width": 768, "height": 1024}, "is_mobile": True, "has_touch": True}),
}
# Counts the tones the page makes, so a test can tell silence from sound without hearing it.
COUNT_TONES = """
window.__tones = 0;
(function () {
  var Ctx = window.AudioContext || window.webkitAudioContext;
  if (!Ctx) return;
  var original = Ctx.prototype.createOscillator;
  Ctx.prototype.createOscillator = function () { window.__tones += 1; return original.apply(this, arguments); };
})();
"""


def current(page):
    """The state and round behind the page, read from its signed token (as the server would)."""
    state = views.decode(page.locator("input[name=t]").first.input_value())
    return state, rounds.plan(views.game_content(), state.seed, state.rounds)[state.number - 1]


def option(page, key):
    return page.locator(f"input[name=choice][value='{key}']")


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


@pytest.mark.parametrize("size", sorted(SIZES))
def test_played_to_the_end_by_touch(new_context, size):
    kind, options = SIZES[size]
    page = new_context(kind, **options).new_page()
    problems = []
    page.goto("/game/")
    assert page.locator("h1").text_content().strip() == "Kļūšu par profesionāli"
    problems += axe_problems(page, f"game start ({size})")
    assert overflow(page) <= 0
    page.locator("a.button", has_text="Sākt spēli").tap()
    page.wait_for_url(re.compile(r"/game/play/\?t="))
    for number in range(1, rounds.ROUNDS + 1):
        assert page.locator(".game-progress").text_content().count(f"{number}. kārta no {rounds.ROUNDS}") == 1
        state, r = current(page)
        assert state.number == number
        if number == 1:
            problems += axe_problems(page, f"game round ({size})")
            wrong = next(o for o in r.options if o != r.answer)
            option(page, wrong).tap()
            page.locator("button.game-check").tap()
            page.locator(".game-wrong").wait_for()
            expect(page.locator("#game-live")).to_have_text("Mēģini vēlreiz")
            assert option(page, wrong).is_disabled()
            problems += axe_problems(page, f"game try again ({size})")
        # The label is the touch target: tap the words, not the small circle.
        page.locator("label.game-option", has=option(page, r.answer)).tap()
        page.locator("button.game-check").tap()
        page.locator(".game-right").wait_for()
        expect(page.locator("#game-live")).to_have_text(re.compile(r"^Pareizi! \+[013] punkt"))
        if number == 1:
            problems += axe_problems(page, f"game right ({size})")
            assert overflow(page) <= 0, f"round page is {overflow(page)}px wider than the window"
        page.locator(".game-next button").tap()
        if number < rounds.ROUNDS:
            page.locator(".game-check").wait_for()
    page.wait_for_url(re.compile(r"/game/end/\?t="))
    page.locator(".game-end").wait_for()
    assert "22 no 24 punktiem" in page.locator(".game-score").text_content()  # 1 + 7 × 3
    assert page.locator(".game-met li").count() == rounds.ROUNDS
    problems += axe_problems(page, f"game end ({size})")
    assert overflow(page) <= 0
    page.goto("/game/teachers/")
    assert page.locator(".game-activity").count() == 4
    problems += axe_problems(page, f"game teachers ({size})")
    assert overflow(page) <= 0, f"teachers' page is {overflow(page)}px wider than the window"
    assert not problems, "axe-core found serious or critical problems:\n" + "\n".join(problems)


def focused(page) -> dict:
    return page.evaluate("""() => { const e = document.activeElement;
        return {tag: e.tagName, type: e.type || '', value: e.value || '', text: (e.textContent || '').trim(),
                id: e.id || '', checked: !!e.checked}; }""")


def tab_until(page, test, limit=40) -> dict:
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        if test(now):
            return now
    raise AssertionError(f"Tab never reached the element; last focus: {focused(page)}")


def choose_with_arrows(page, r, state):
    """From the first enabled option, move with the arrow keys to the right one (Space if it is first)."""
    enabled = [o for o in r.options if o not in state.wrong]
    now = focused(page)
    if now["type"] != "radio":
        now = tab_until(page, lambda f: f["type"] == "radio")
    assert now["value"] == enabled[0]
    steps = enabled.index(r.answer)
    if steps == 0:
        page.keyboard.press("Space")
    for _ in range(steps):
        page.keyboard.press("ArrowDown")
    assert focused(page) == {**focused(page), "value": r.answer, "checked": True}


def test_finished_with_the_keyboard_alone_and_sound_on(new_context):
    context = new_context("desktop")
    context.add_init_script(COUNT_TONES)
    page = context.new_page()
    page.goto("/game/")
    # Sound is off until asked for.
    sound = tab_until(page, lambda f: f["id"] == "game-sound")
    assert page.locator("#game-sound").get_attribute("aria-pressed") == "false"
    page.keyboard.press("Space")
    assert page.locator("#game-sound").get_attribute("aria-pressed") == "true"
    assert sound["text"] == "Skaņa: izslēgta" and page.locator("#game-sound").text_content() == "Skaņa: ieslēgta"
    tab_until(page, lambda f: f["tag"] == "A" and f["text"] == "Sākt spēli")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/game/play/"))
    tones = page.evaluate("window.__tones")
    for number in range(1, rounds.ROUNDS + 1):
        state, r = current(page)
        assert state.number == number
        if number == 2:  # one wrong try, answered with Enter in the radio group
            wrong = next(o for o in r.options if o != r.answer)
            tab_until(page, lambda f: f["type"] == "radio")
            enabled = list(r.options)
            if enabled.index(wrong) == 0:
                page.keyboard.press("Space")
            for _ in range(enabled.index(wrong)):
                page.keyboard.press("ArrowDown")
            page.keyboard.press("Enter")
            page.locator(".game-wrong").wait_for()
            state, r = current(page)
            assert state.wrong == (wrong,)
            assert focused(page)["type"] == "radio"  # focus comes back to the answers
            assert page.evaluate("window.__tones") > tones
        choose_with_arrows(page, r, state)
        tab_until(page, lambda f: f["tag"] == "BUTTON" and f["text"] == "Pārbaudīt")
        page.keyboard.press("Space")
        page.locator(".game-right").wait_for()
        # Focus moves to the button that goes on, so Enter is the next step.
        expected = re.compile("rezultāt") if number == rounds.ROUNDS else "Nākamā kārta"
        expect(page.locator("button:focus")).to_have_text(expected)
        page.keyboard.press("Enter")
        if number < rounds.ROUNDS:
            page.locator(".game-check").wait_for()
            assert focused(page)["id"] == "question"  # the new question is where focus lands
    page.locator(".game-end").wait_for()
    assert page.url.split("?")[0].endswith("/game/end/")
    assert "22 no 24 punktiem" in page.locator(".game-score").text_content()
    assert page.evaluate("window.__tones") > tones
    # Nothing was left in the browser but the sound choice: no cookies.
    assert context.cookies() == []


def test_silent_by_default(new_context):
    context = new_context("phone")
    context.add_init_script(COUNT_TONES)
    page = context.new_page()
    page.goto("/game/new/")
    state, r = current(page)
    page.locator("label.game-option", has=option(page, r.answer)).tap()
    page.locator("button.game-check").tap()
    page.locator(".game-right").wait_for()
    assert page.locator("#game-sound").get_attribute("aria-pressed") == "false"
    assert page.evaluate("window.__tones") == 0


def test_without_javascript_and_in_english(new_context):
    page = new_context("phone", java_script_enabled=False).new_page()
    page.goto("/en/game/new/")
    assert page.locator("#game-sound").is_hidden()  # sound needs the script; the game does not
    for number in range(1, rounds.ROUNDS + 1):
        state, r = current(page)
        option(page, r.answer).check()
        page.locator("button.game-check").click()
        page.wait_for_load_state()
        assert page.title().startswith("Right!")
        assert page.locator(".game-next button").evaluate("b => b === document.activeElement")  # autofocus
        page.locator(".game-next button").click()
        page.wait_for_load_state()
    assert page.locator("h1").text_content().strip() == "Well done!"
    assert "24 of 24 points" in page.locator(".game-score").text_content()
    # (axe-core needs scripts, so it runs in the tests above, not here.)


def test_teachers_page_prints_an_activity_and_a_worksheet_per_page(new_context, tmp_path):
    import subprocess

    page = new_context("desktop").new_page()
    page.goto("/game/teachers/")
    page.emulate_media(media="print")
    path = tmp_path / "activities.pdf"
    page.pdf(path=str(path), format="A4")
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) >= 8  # four activities, each with its worksheet on a page of its own
    assert "Turpināt testu" not in text and "Drukāt nodarbības" not in text  # no site menu, no buttons
    for title in ("Darba vietu karte", "Darbarīku lāde", "Patiesi vai izdomāts?", "Skolas soma profesijai"):
        assert any(p.lstrip().startswith(f"Darba lapa: {title}") for p in pages), title
    assert all(letter in text for letter in "āčēīļšūž")  # Latvian letters survive printing
