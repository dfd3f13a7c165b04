"""The workspace through its pages: joining, consent, dashboard, pupil view, notes, plans, exports."""
import csv
import io

import pytest
from django.urls import reverse

from karjera.counselling.models import Consultation, Group, GroupMember, MemberTest, Method, Note, Plan

from counselling_helpers import finish_interests, social

pytestmark = pytest.mark.django_db


def test_a_counsellor_creates_a_group_at_a_school_they_serve(client, people, schools):
    client.force_login(people["counsellor"])
    home = client.get("/counselling/")
    assert home.status_code == 200 and "Jauna grupa" in home.content.decode()
    r = client.post("/counselling/groups/new/", {"name": "10.b", "grade": "10", "school": schools["mine"].pk, "tests": ["interests", "values"]})
    group = Group.objects.get(name="10.b")
    assert r.status_code == 302 and r["Location"] == f"/counselling/groups/{group.pk}/"
    assert group.counsellor == people["counsellor"] and group.tests == ["interests", "values"]
    before = Group.objects.count()
    r = client.post("/counselling/groups/new/", {"name": "x", "school": schools["other"].pk, "tests": ["interests"]})
    assert r.status_code == 422 and Group.objects.count() == before  # not a school they serve: not a choice


def test_a_pupil_joins_by_code_chooses_a_name_and_consent(client, group):
    r = client.post("/counselling/join/", {"code": group.join_code.lower()[:3] + "-" + group.join_code.lower()[3:]})
    assert r.status_code == 302 and r["Location"].endswith(f"/counselling/join/{group.join_code}/")
    page = client.get(r["Location"])
    assert "Ļaut grupas karjeras konsultantam redzēt manus rezultātus" in page.content.decode()
    r = client.post(r["Location"], {"display_name": "  Anna  K. ", "shares": "on"})
    member = GroupMember.objects.get(group=group)
    assert member.display_name == "Anna K." and member.shares
    assert r["Location"] == f"/counselling/m/{member.token}/" and len(member.token) >= 24
    page = client.get(r["Location"]).content.decode()
    assert "Interešu laboratorija" in page and "Vairs nerādīt konsultantam" in page


def test_bad_join_input_changes_nothing(client, group):
    assert client.post("/counselling/join/", {"code": "ZZZZZZ"}).status_code == 404
    assert client.post(f"/counselling/join/{group.join_code}/", {"display_name": "   "}).status_code == 422
    Group.objects.filter(pk=group.pk).update(open=False)
    assert client.get(f"/counselling/join/{group.join_code}/").status_code == 404
    assert GroupMember.objects.count() == 0


def test_the_member_page_starts_the_groups_tests_once(client, group):
    member = GroupMember.objects.create(group=group, display_name="Anna", shares=True)
    r = client.post(f"/counselling/m/{member.token}/start/interests/")
    link = MemberTest.objects.get(member=member)
    assert r["Location"] == f"/s/{link.session_id}/"
    client.post(f"/counselling/m/{member.token}/start/interests/")
    assert MemberTest.objects.filter(member=member).count() == 1
    Group.objects.filter(pk=group.pk).update(tests=["interests"])
    assert client.post(f"/counselling/m/{member.token}/start/values/").status_code == 404
    assert client.get("/counselling/m/not-a-real-token/").status_code == 404


def test_dashboard_shows_only_sharing_pupils_and_their_figures(client, people, group, pupils, library):
    client.force_login(people["counsellor"])
    page = client.get(f"/counselling/groups/{group.pk}/").content.decode()
    assert "Anna" in page and "Bruno" in page and "Cilda" not in page
    assert "Pievienojušies 3 skolēni." in page and "1 skolēns nedalās ar rezultātiem" in page
    anna_code = pupils["anna"].tests.get(slug="interests").session.result["code"]
    bruno_code = pupils["bruno"].tests.get(slug="interests").session.result["code"]
    assert anna_code[0] == "S" and bruno_code[0] == "R"
    assert f'<span class="code">{anna_code}</span> × 1' in page and f'<span class="code">{bruno_code}</span> × 1' in page
    # the chart's table: one pupil of each strongest type, nothing else
    table = page.split('id="riasec-table"')[1].split("</table>")[0]
    assert table.count("<td>1</td>") == 2 and table.count("<td>0</td>") == 4
    assert 'id="riasec-title"' in page and 'id="values-title"' in page  # chart ids do not collide
    assert "/counselling/methods/" in page  # suggestions from the library


def test_withdrawn_consent_hides_results_at_once(client, people, group, pupils):
    anna = pupils["anna"]
    client.force_login(people["counsellor"])
    pupil_url = f"/counselling/groups/{group.pk}/pupils/{anna.pk}/"
    assert client.get(pupil_url).status_code == 200
    assert client.get(pupil_url + "interests.pdf").status_code == 200
    pupil = client.__class__()
    pupil.post(f"/counselling/m/{anna.token}/consent/", {"shares": "0"})
    assert client.get(pupil_url).status_code == 404
    assert client.get(pupil_url + "interests.pdf").status_code == 404
    page = client.get(f"/counselling/groups/{group.pk}/").content.decode()
    assert "Anna" not in page and "Bruno" in page
    assert "Anna" not in client.get(f"/counselling/groups/{group.pk}/export.csv").content.decode("utf-8-sig")
    pupil.post(f"/counselling/m/{anna.token}/consent/", {"shares": "1"})
    assert client.get(pupil_url).status_code == 200


def test_pupil_view_notes_and_consultations_belong_to_their_author(client, people, group, pupils):
    anna = pupils["anna"]
    client.force_login(people["counsellor"])
    base = f"/counselling/groups/{group.pk}/pupils/{anna.pk}/"
    page = client.get(base).content.decode()
    assert "Interešu laboratorija" in page and 'id="interests-title"' in page
    client.post(base + "notes/", {"text": "Interesē mākslas vidusskola."})
    assert Note.objects.get().author == people["counsellor"]
    assert "Interesē mākslas vidusskola." in client.get(base).content.decode()
    r = client.post(base + "consultations/new/", {"held_on": "2026-11-30", "contact": "Nāca pati", "goals": "Izvēlēties vidusskolu",
                                                  "follow_up_on": "2026-12-01"})
    assert r.status_code == 302
    record = Consultation.objects.get()
    home = client.get("/counselling/").content.decode()
    assert "Anna" in home and "01.12.2026" in home
    assert client.post(base + "consultations/new/", {"held_on": "nav datums"}).status_code == 422
    assert Consultation.objects.count() == 1
    # a second counsellor who somehow runs the same group would still not see another author's record
    Group.objects.filter(pk=group.pk).update(counsellor=people["colleague"])
    client.force_login(people["colleague"])
    assert "Interesē" not in client.get(base).content.decode()
    assert client.get(base + f"consultations/{record.pk}/").status_code == 404


def test_exports_hold_consented_results_only(client, people, group, pupils):
    client.force_login(people["counsellor"])
    text = client.get(f"/counselling/groups/{group.pk}/export.csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "pupil" and sorted(r[0] for r in rows[1:]) == ["Anna", "Bruno"]
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(client.get(f"/counselling/groups/{group.pk}/export.xlsx").content))
    names = [row[0].value for row in book.active.iter_rows(min_row=2)]
    assert sorted(names) == ["Anna", "Bruno"]
    response = client.get(f"/counselling/groups/{group.pk}/export.csv")
    assert response.content.startswith("\ufeff".encode()) and response["Cache-Control"] == "private, no-store"
    from karjera.counselling import services

    services.set_consent(pupils["bruno"], False)  # withdrawn: gone from the next export
    text = client.get(f"/counselling/groups/{group.pk}/export.csv").content.decode("utf-8-sig")
    assert [r[0] for r in list(csv.reader(io.StringIO(text)))[1:]] == ["Anna"]


def test_formula_like_names_are_exported_as_text(client, people, group):
    from karjera.counselling import services

    evil = services.join(group, "=HYPERLINK(1)", True)
    finish_interests(evil, social)
    client.force_login(people["counsellor"])
    text = client.get(f"/counselling/groups/{group.pk}/export.csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text


def test_plan_from_a_template_edited_and_exported(client, people, schools, library):
    client.force_login(people["school_admin"])
    r = client.post("/counselling/plans/", {"school": schools["mine"].pk, "school_year": "2026/2027", "template": "pamatskola"})
    plan = Plan.objects.get()
    assert r["Location"] == f"/counselling/plans/{plan.pk}/"
    page = client.get(r["Location"]).content.decode()
    assert page.index("Profesiju izpēte") < page.index("Interešu nedēļa") < page.index("Vecāku vakars")  # Sept, Oct, Feb
    r = client.post(r["Location"], {"age_group": "10-12", "month": "3", "title": "Ēnu diena", "responsible": "PKK", "methods_text": "nav-tadas"})
    assert r.status_code == 422 and plan.activities.count() == 3
    client.post(f"/counselling/plans/{plan.pk}/", {"age_group": "10-12", "month": "3", "title": "Ēnu diena", "responsible": "PKK", "methods_text": "profesiju-pasaule"})
    assert plan.activities.get(title="Ēnu diena").methods == ["profesiju-pasaule"]
    act = plan.activities.get(title="Interešu nedēļa")
    client.post(f"/counselling/plans/{plan.pk}/activities/{act.pk}/", {"age_group": "7-9", "month": "11", "title": "Interešu mēnesis", "methods_text": ""})
    act.refresh_from_db()
    assert act.title == "Interešu mēnesis" and act.month == 11
    pdf = client.get(f"/counselling/plans/{plan.pk}/plan.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content[:4] == b"%PDF"
    assert client.post("/counselling/plans/", {"school": schools["mine"].pk, "school_year": "2026/2028", "template": "pamatskola"}).status_code == 422


def test_library_search_folds_diacritics_and_filters(client, library):
    page = client.get("/counselling/methods/?q=skolotajs").content.decode()
    assert "Profesiju pasaules izpēte" in page and "Interešu sarunas" not in page
    page = client.get("/counselling/methods/?q=SKOLOTĀJS").content.decode()
    assert "Profesiju pasaules izpēte" in page
    page = client.get("/counselling/methods/?age=parents").content.decode()
    assert "Vecāku vakars par karjeru" in page and "Profesiju pasaules izpēte" not in page
    page = client.get("/counselling/methods/?age=5-6&duration=45&format=activity&topic=world_of_work").content.decode()
    assert "Profesiju pasaules izpēte" in page and "Interešu sarunas" not in page
    assert "0 metodiku" in client.get("/counselling/methods/?duration=30").content.decode()
    assert "3 metodikas" in client.get("/counselling/methods/").content.decode()
    detail = client.get("/counselling/methods/interesu-sarunas/").content.decode()
    assert "Nosaukt trīs savas intereses" in detail and "Pierakstiet" in detail
    assert client.get("/en/counselling/methods/interesu-sarunas/").content.decode().count("Interest talks in pairs") >= 1
    assert client.get("/counselling/methods/nav-tadas/").status_code == 404
    assert client.get("/counselling/methods/?duration=abc").status_code == 200


def test_load_methods_is_idempotent_and_all_or_nothing(tmp_path, library):
    from django.core.management import CommandError, call_command

    from counselling_helpers import DATA

    out = io.StringIO()
    call_command("load_methods", dir=str(DATA), stdout=out)
    assert "0 created, 0 updated, 3 unchanged" in out.getvalue()
    broken = tmp_path / "methods"
    broken.mkdir()
    text = (DATA / "methods" / "sample.yaml").read_text("utf-8")
    (broken / "a.yaml").write_text(text.replace("Interešu sarunas pāros", "Jauns nosaukums"), "utf-8")
    (broken / "b.yaml").write_text(text.replace("duration_minutes: 40", "duration_minutes: soon"), "utf-8")
    with pytest.raises(CommandError) as err:
        call_command("load_methods", dir=str(tmp_path))
    assert "methods/b.yaml: entry 1 (interesu-sarunas): duration_minutes:" in str(err.value)
    assert Method.objects.get(slug="interesu-sarunas").title_lv == "Interešu sarunas pāros"  # nothing changed
