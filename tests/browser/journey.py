"""Steps the browser tests of every test share: start, resume on another device, read the PDF."""
import re
import subprocess


def start(page, slug: str, mode: str = "fixed") -> str:
    """Open the test's start page, start it (in the given version) and return the session id."""
    page.goto(f"/tests/{slug}/")
    page.locator(f"main form button[type=submit][value={mode}]").click()
    page.wait_for_url(re.compile(r"/s/[\w-]+/q/1/$"))
    return page.url.split("/s/")[1].split("/")[0]


def resume(new_context, code: str, sid: str, number: int):
    """Continue with the resume code in a fresh phone context; land on question `number`."""
    page = new_context("phone").new_page()
    page.goto("/resume/")
    page.fill("#code", code)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/s/{sid}/q/{number}/$"))
    return page


def pdf_text(page, tmp_path) -> str:
    """Download the result's PDF through its link and return its text."""
    with page.expect_download() as download:
        page.locator("a[download]").first.click()
    path = tmp_path / "report.pdf"
    download.value.save_as(path)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
