import time, json, re
import pytest
from tests.browser.test_pupil_journey import *  # noqa
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

def test_probe(new_context, viewport, tmp_path):
    from axe_playwright_python.sync_playwright import Axe
    page = new_context(viewport).new_page()
    t=time.time(); sid = start_test(page); print("start", time.time()-t)
    t=time.time()
    for n in range(1, 7):
        t1=time.time(); answer_with_ui(page, sid, n, viewport); print("item", n, round(time.time()-t1,3))
    r = Axe().run(page)
    for v in r.response["violations"]:
        print("AXE item", v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"]][:5])
    print("css", page.evaluate("getComputedStyle(document.querySelector('.option')).borderRadius"))
    answer_with_api(page, sid, range(7, 61))
    page.goto(f"/s/{sid}/finish/"); finish_and_open_result(page, sid)
    r = Axe().run(page)
    for v in r.response["violations"]:
        print("AXE result", v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"]][:5])
    t=time.time(); download_pdf_text(page, tmp_path); print("pdf", time.time()-t)
    page.goto("/")
    r = Axe().run(page)
    for v in r.response["violations"]:
        print("AXE home", v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"]][:5])
