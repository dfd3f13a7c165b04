"""Occupation search as you type and an occupation page, on a phone and a desktop, with axe-core."""
import re

import pytest
from axe_check import axe_problems

from karjera.occupations.models import FeaturedProfession, Occupation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def feature_pavars() -> Occupation:
    occ = Occupation.objects.get(name_lv="pavārs")
    texts = {
        "summary": ("Pavārs gatavo ēdienus restorānā, skolā vai uz kuģa.", "A cook prepares food."),
        "work": ("Pavārs plāno ēdienkarti, sagatavo produktus un gatavo ēdienus.", "Cooks plan and cook."),
        "workplace": ("Virtuvē kopā ar komandu.", "In a kitchen with a team."),
        "typical_day": ("Diena sākas ar produktu pieņemšanu.", "The day starts with deliveries."),
        "strengths": ("Ātrums, precizitāte un garša.", "Speed, precision and taste."),
        "education": ("Profesionālā vidējā izglītība tehnikumā vai PIKC.", "Vocational secondary education."),
        "try_now": ("Gatavo mājās un piesakies Ēnu dienā.", "Cook at home and join Job Shadow Day."),
    }
    values = {f"{k}_{lang}": v[i] for k, v in texts.items() for i, lang in enumerate(("lv", "en"))}
    FeaturedProfession.objects.create(occupation=occ, name_lv="Pavārs", name_en="Cook", skills_latvia="cooking", **values)
    return occ


def test_search_as_you_type(new_context, viewport):
    page = new_context(viewport).new_page()
    page.goto("/occupations/")
    assert page.locator("#results a", has_text="pavārs").count() == 0  # the first page is alphabetical
    page.fill("#q", "pava")  # typed without diacritics; no submit
    page.locator("#results a", has_text="pavārs").first.wait_for()
    assert re.search(r"q=pava", page.url)  # the address follows the search, so it can be shared
    live = page.locator("#search-live").text_content()
    assert live and any(ch.isdigit() for ch in live)
    page.fill("#q", "zzzz")
    page.locator("#results li").first.wait_for(state="detached")
    page.fill("#q", "pavrs")  # one letter missing
    page.locator("#results a", has_text="pavārs").first.wait_for()
    page.locator("#results a", has_text="pavārs").first.click()
    page.wait_for_url(re.compile(r"/occupations/[\w-]+/$"))
    assert "pavārs" in page.locator("h1").text_content().lower()


def test_search_without_javascript(new_context):
    page = new_context("phone", java_script_enabled=False).new_page()
    page.goto("/occupations/")
    page.fill("#q", "pavars")
    page.locator("#occupation-search button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"\?q=pavars"))
    assert page.locator("#results a", has_text="pavārs").count() >= 1


def test_occupation_page_and_axe(new_context, viewport):
    occ = feature_pavars()
    page = new_context(viewport).new_page()
    problems = []
    page.goto("/occupations/?q=pavars")
    page.wait_for_selector("#results li")
    problems += axe_problems(page, "occupation search")
    page.goto(f"/occupations/{occ.id}/")
    assert page.locator("h1").text_content().strip() == "Pavārs"
    assert page.locator("svg[role=img]").count() == 2
    assert page.locator("text=Tipiska diena").count() == 1
    assert "SkillsLatvia" in page.content()
    problems += axe_problems(page, "occupation page")
    page.goto(f"/en/occupations/{occ.id}/")
    assert page.locator("h1").text_content().strip() == "Cook"
    problems += axe_problems(page, "occupation page (en)")
    page.goto("/entrepreneurship/")
    problems += axe_problems(page, "entrepreneurship")
    page.goto("/credits/")
    problems += axe_problems(page, "credits")
    # Nothing may be wider than the window on a phone.
    page.goto(f"/occupations/{occ.id}/")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"page is {overflow}px wider than the window"
    assert not problems, "axe-core found serious or critical problems:\n" + "\n".join(problems)
