"""Every figure of the programme's final table as the public page and the dashboard show it, and who
may open the dashboards."""
import re
from html import unescape

import pytest
from monitoring_helpers import make_staff

from karjera.counselling import rules
from karjera.monitoring import seed
from karjera.monitoring.models import Absorption, Indicator, IndicatorValue

NB = "\u00a0"

INDICATORS = {  # code: (planned, achieved)
    "institutions-supported": ("328", "430"),
    "staff-trained": ("656", "675"),
    "guidelines": ("1", "1"),
    "national-competitions": ("7", "6"),
    "international-competitors": ("43", "50"),
    "institutions-providing": ("328", "380"),
}


def text(html: str) -> str:
    return re.sub(r"[ \t\r\n]+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def row(html: str, attr: str) -> list[str]:
    """The cell texts of the table row carrying `attr` (e.g. data-code="guidelines")."""
    match = re.search(rf"<tr {attr}>(.*?)</tr>", html, re.S)
    assert match, f"no row {attr}"
    return [text(c) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", match.group(1), re.S)]


def table(html: str, table_id: str) -> list[list[str]]:
    match = re.search(rf'<table[^>]*id="{table_id}"[^>]*>(.*?)</table>', html, re.S)
    assert match, f"no table {table_id}"
    body = re.search(r"<tbody>(.*?)</tbody>", match.group(1), re.S).group(1)
    return [[text(c) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", r, re.S)] for r in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)]


def check_programme_figures(html: str, lang: str):
    for code, (planned, achieved) in INDICATORS.items():
        cells = row(html, f'data-code="{code}"')
        assert cells[3:5] == [planned, achieved], (code, cells)
    if lang == "lv":
        money = {"eligible": f"23{NB}618{NB}650,92", "aug": f"22{NB}377{NB}987,22", "dec": f"22{NB}796{NB}657,00",
                 "p_aug": f"94,75{NB}%", "p_dec": f"96,52{NB}%", "esf": f"85{NB}%", "state": f"15{NB}%",
                 "left_esf": f"698{NB}694,83", "left_state": f"123{NB}299,09", "date_aug": "31.08.2022", "date_dec": "31.12.2022"}
    else:
        money = {"eligible": "23,618,650.92", "aug": "22,377,987.22", "dec": "22,796,657.00", "p_aug": "94.75%",
                 "p_dec": "96.52%", "esf": "85%", "state": "15%", "left_esf": "698,694.83", "left_state": "123,299.09",
                 "date_aug": "31.08.2022", "date_dec": "31.12.2022"}
    assert f'{money["eligible"]} EUR' in text(re.search(r'id="eligible-costs">(.*?)</strong>', html).group(1))
    assert table(html, "absorption-table") == [
        [money["date_aug"], money["aug"], money["p_aug"], (f"1{NB}240{NB}663,70" if lang == "lv" else "1,240,663.70")],
        [money["date_dec"], money["dec"], money["p_dec"], (f"821{NB}993,92" if lang == "lv" else "821,993.92")],
    ]
    assert row(html, 'data-code="esf"')[1] == money["esf"] and row(html, 'data-code="esf"')[4] == money["left_esf"]
    assert row(html, 'data-code="state"')[1] == money["state"] and row(html, 'data-code="state"')[4] == money["left_state"]
    figures = text(re.search(r'id="sustainability-figures">(.*?)</ul>', html, re.S).group(1))
    assert re.search(r"385 \D+ 382 \D+ \(99[,.]2" , figures) and " 380 " in f" {figures} ", figures
    network = table(html, "network-table")
    assert [r[1:3] for r in network] == [["93", "2"], ["281", "26"]]
    surveys = [r[2] for r in table(html, "reported-surveys-table")]
    assert surveys == ([f"14{NB}296", f"4{NB}785", "97"] if lang == "lv" else ["14,296", "4,785", "97"])


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_public_page_shows_every_reported_figure(client, programme, lang):
    r = client.get("/monitoring/" if lang == "lv" else "/en/monitoring/")
    assert r.status_code == 200
    html = r.content.decode()
    check_programme_figures(html, lang)


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_dashboard_shows_every_reported_figure(agency_client, programme, lang):
    r = agency_client.get("/monitoring/dashboard/" if lang == "lv" else "/en/monitoring/dashboard/")
    assert r.status_code == 200
    html = r.content.decode()
    check_programme_figures(html, lang)
    history = table(html, "history-table")
    assert len(history) == 6 and all(h[1] == "31.12.2022" for h in history)


def test_load_is_idempotent_and_keeps_later_values(programme):
    indicator = Indicator.objects.get(code="guidelines")
    IndicatorValue.objects.create(indicator=indicator, on="2023-06-30", value=2, evidence="new guidelines")
    Indicator.objects.filter(code="staff-trained").update(target=1)
    seed.load()
    seed.load()
    assert Indicator.objects.count() == 6 and Absorption.objects.count() == 2
    assert Indicator.objects.get(code="staff-trained").target == 656
    assert Indicator.objects.get(code="guidelines").achieved == 2  # the later value is the current one
    assert IndicatorValue.objects.filter(indicator=indicator).count() == 2


def test_dashboards_are_for_agency_administrators_only(client, programme):
    for url in ("/monitoring/dashboard/", "/monitoring/usage/", "/monitoring/usage/tests.csv"):
        r = client.get(url)
        assert r.status_code == 302 and "/accounts/login/" in r["Location"]
    counsellor = make_staff("konsultante", rules.COUNSELLOR)
    client.force_login(counsellor)
    for url in ("/monitoring/dashboard/", "/monitoring/usage/", "/monitoring/usage/tests.csv"):
        assert client.get(url).status_code == 403
    admin = make_staff("agentura2", rules.AGENCY_ADMIN)
    client.force_login(admin)
    r = client.get("/monitoring/dashboard/")  # no second factor yet
    assert r.status_code == 302 and r["Location"] == "/counselling/second-factor/"


def test_public_page_without_seed(client, db):
    assert client.get("/monitoring/").status_code == 200


def test_api_gives_the_same_figures(client, programme):
    body = client.get("/api/v1/monitoring/figures").json()
    assert body["eligible_costs"] == "23618650.92"
    assert {i["code"]: (i["planned"], i["achieved"]) for i in body["indicators"]} == INDICATORS
    assert [(a["on"], a["amount"], a["percent"]) for a in body["absorption"]] == [
        ("2022-08-31", "22377987.22", "94.75"), ("2022-12-31", "22796657.00", "96.52")]
    assert {s["code"]: (s["share_percent"], s["remaining"]) for s in body["sources"]} == {
        "esf": ("85", "698694.83"), "state": ("15", "123299.09")}
    assert [(n["counsellors"], n["full_time"]) for n in body["network"]] == [(93, 2), (281, 26)]
    assert body["sustainability"][0] | {"name_lv": ""} == {"name_lv": "", "sent": 385, "received": 382, "sustained": 380}


def test_api_without_seed(client, db):
    assert client.get("/api/v1/monitoring/figures").status_code == 404


def test_commands(db):
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("load_monitoring", stdout=out)
    call_command("load_monitoring", stdout=out)
    assert "6 indicators" in out.getvalue() and Indicator.objects.count() == 6
    call_command("analytics_rollover", stdout=out)
    assert "0 events rolled up" in out.getvalue()
