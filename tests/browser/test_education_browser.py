"""Programme search, the admission calculator with a what-if, and the course-set chooser in a real
browser, on a phone and a desktop, with axe-core."""
import re

import pytest
from axe_check import axe_problems
from django.conf import settings

from karjera.education.importer import import_directory
from karjera.education.models import CourseSet, Programme

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(site):
    import_directory(settings.DATA_DIR / "education" / "demo")
    return site


def test_programme_search_and_pages(demo, new_context, viewport):
    page = new_context(viewport).new_page()
    problems = []
    page.goto("/education/")
    assert page.locator(".demo-banner").count() == 1
    page.fill("#pq", "pavars")
    page.locator("form[role=search] button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"q=pavars"))
    first = page.locator(".result-list a").first
    assert first.count() == 1
    problems += axe_problems(page, "programme search")
    first.click()
    page.wait_for_url(re.compile(r"/education/programmes/\d+/$"))
    problems += axe_problems(page, "programme page")
    page.locator(".lead a").first.click()
    page.wait_for_url(re.compile(r"/education/institutions/\d+/$"))
    problems += axe_problems(page, "institution page")
    assert not problems, "\n".join(problems)


def test_calculator_with_instant_what_if(demo, new_context, viewport):
    page = new_context(viewport).new_page()
    page.goto("/en/education/admission-calculator/")
    for i, (subject, percent) in enumerate((("mathematics", "80"), ("english", "70"), ("latvian", "75"))):
        page.select_option(f"#subject_{i}", subject)
        page.select_option(f"#level_{i}", "higher")
        page.fill(f"#percent_{i}", percent)
    page.fill("#grades", "6 6 9 8 6")
    # No submit: the results appear as the pupil types.
    page.locator("#calc-results", has_text="189.035").wait_for()
    page.select_option("#whatif_subject", "mathematics")
    page.fill("#whatif_points", "10")
    page.locator("#whatif-section", has_text="199.035").wait_for()
    page.locator("#calc-results details summary").first.click()
    assert page.locator("#calc-results table").first.is_visible()
    problems = axe_problems(page, "calculator")
    assert not problems, "\n".join(problems)


def test_calculator_without_javascript(demo, new_context):
    page = new_context("phone", java_script_enabled=False).new_page()
    page.goto("/en/education/admission-calculator/")
    page.select_option("#subject_0", "mathematics")
    page.fill("#percent_0", "55")
    page.locator("#calc-form button[type=submit]").click()
    page.locator("#res-title").wait_for()
    assert "You can apply to" in page.content()


def test_course_set_chooser(demo, new_context, viewport):
    programme = Programme.objects.exclude(admission_rule=None).exclude(occupations=[]).first()
    page = new_context(viewport).new_page()
    page.goto("/en/education/course-sets/")
    page.fill("#occ-q", "programm")
    page.locator("#occ-q").press("Enter")
    page.wait_for_url(re.compile(r"occupation=programm"))
    problems = axe_problems(page, "course-set chooser")
    course_set = CourseSet.objects.first()
    page.select_option("#cs-set", str(course_set.pk))
    page.locator("#from-set ~ form button[type=submit], form:has(#cs-set) button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"course_set=\d+"))
    assert "It prepares for the exams of" in page.content()
    problems += axe_problems(page, "course-set result")
    assert programme is not None
    assert not problems, "\n".join(problems)
