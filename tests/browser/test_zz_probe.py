import pytest
from tests.browser import test_pupil_journey as j
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

def test_probe(new_context, viewport):
    from axe_playwright_python.sync_playwright import Axe
    page = new_context(viewport).new_page()
    def dump(name):
        r = Axe().run(page, options={"resultTypes": ["violations", "incomplete"]})
        for v in r.response["violations"]:
            print(viewport, "VIOL", name, v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"]][:4])
        for v in r.response["incomplete"]:
            print(viewport, "INCOMPLETE", name, v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
    for url in ["/", "/tests/interests/", "/resume/", "/en/", "/privacy/", "/accessibility/"]:
        page.goto(url); dump(url)
    sid = j.create_session_with_api(page)
    page.goto(f"/s/{sid}/q/1/"); dump("item")
    page.locator("label.option").nth(2).click(); page.wait_for_url(j.item_url(sid, 2)); dump("item2")
    j.answer_with_api(page, sid, range(1, 61))
    page.goto(f"/s/{sid}/finish/"); dump("finish")
    j.finish_and_open_result(page, sid); dump("result")
