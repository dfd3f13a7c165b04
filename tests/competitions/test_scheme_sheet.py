"""Marking schemes as spreadsheets: export, import that checks the 100-mark total and changes nothing on
any problem, and the lock that keeps a scheme fixed once marking starts."""
import io
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import translation
from openpyxl import Workbook

from karjera.competitions import scheme_sheet, services
from karjera.competitions.models import Aspect, MarkingScheme, SubCriterion

HEADER = scheme_sheet.COLUMNS


def xlsx(rows, header=HEADER) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Scheme"
    sheet.append(header)
    for r in rows:
        sheet.append(r)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


GOOD = [
    ["A", "Drošība", "Safety", "A1", "measurement", "full_or_none", 10, 1, "Aizsarglīdzekļi", "PPE"],
    ["A", "Drošība", "Safety", "A2", "measurement", "deduction", 40.5, 1, "Izmēri", "Dimensions"],
    ["B", "Kvalitāte", "Quality", "B1", "judgement", "", 49.5, 2, "Kopiespaids", "Overall impression"],
]


def test_read_a_good_sheet():
    subs, problems = scheme_sheet.read(xlsx(GOOD))
    assert problems == []
    assert [s.code for s in subs] == ["A", "B"]
    assert [a.max_mark for a in subs[0].aspects] == [Decimal("10"), Decimal("40.5")]
    assert subs[1].aspects[0].kind == "judgement" and subs[1].aspects[0].day == 2


def test_row_problems_are_reported_with_row_numbers():
    bad = [
        ["A", "Drošība", "Safety", "A1", "measurment", "full_or_none", 10, 1, "Aizsarglīdzekļi", "PPE"],
        ["A", "Drošība", "Safety", "A2", "measurement", "by eye", "-4", 1, "Izmēri", "Dimensions"],
        ["B", "Kvalitāte", "Quality", "A2", "judgement", "", 10.123, "x", "", "Overall"],
    ]
    subs, problems = scheme_sheet.read(xlsx(bad))
    assert subs == []
    assert {(row, code) for row, code, _ in problems} >= {
        (2, "kind"), (3, "method"), (3, "max_mark"), (4, "max_mark"), (4, "day"), (4, "duplicate_aspect"), (4, "empty"),
    }


def test_total_must_be_100_and_columns_named():
    assert scheme_sheet.read(xlsx(GOOD[:2]))[1] == [(0, "total", {"total": "50.5"})]
    assert scheme_sheet.read(xlsx(GOOD, header=HEADER[:3]))[1][0][1] == "missing_columns"
    assert scheme_sheet.read(b"not a spreadsheet")[1] == [(0, "not_xlsx", {})]


def test_write_then_read_gives_the_same_scheme():
    subs, _ = scheme_sheet.read(xlsx(GOOD))
    again, problems = scheme_sheet.read(scheme_sheet.write(subs))
    assert problems == [] and again == subs


@pytest.mark.django_db
def test_import_replaces_an_unlocked_scheme_and_export_round_trips(world):
    scheme = MarkingScheme.objects.get(competition_skill=world.other_cs)
    scheme.locked_at = None
    scheme.save()
    assert services.import_scheme(scheme, xlsx(GOOD)) == []
    assert list(Aspect.objects.filter(sub_criterion__scheme=scheme).values_list("code", flat=True)) == ["A1", "A2", "B1"]
    assert scheme.problems() == []
    subs, problems = scheme_sheet.read(services.export_scheme(scheme))
    assert problems == [] and [a.code for s in subs for a in s.aspects] == ["A1", "A2", "B1"]


@pytest.mark.django_db
def test_a_bad_import_changes_nothing(world):
    scheme = MarkingScheme.objects.get(competition_skill=world.other_cs)
    scheme.locked_at = None
    scheme.save()
    before = list(Aspect.objects.filter(sub_criterion__scheme=scheme).values_list("code", "max_mark"))
    with translation.override("lv"):
        assert services.import_scheme(scheme, xlsx(GOOD[:2])) == ["Aspektu punktu summa ir 50.5, nevis 100."]
    broken = GOOD[:2] + [["B", "Kvalitāte", "Quality", "B1", "judgement", "", "lots", 2, "Kopiespaids", "Overall"]]
    with translation.override("en"):
        assert services.import_scheme(scheme, xlsx(GOOD[:2])) == ["The aspects add up to 50.5 marks, not 100."]
        assert services.import_scheme(scheme, xlsx(broken))[0].startswith("Row 4: The maximum mark “lots”")
    with translation.override("lv"):
        assert services.import_scheme(scheme, xlsx(broken))[0].startswith("4. rinda: Maksimālajam punktu skaitam “lots”")
    assert list(Aspect.objects.filter(sub_criterion__scheme=scheme).values_list("code", "max_mark")) == before


@pytest.mark.django_db
def test_a_locked_scheme_cannot_be_imported_over(world):
    scheme = MarkingScheme.objects.get(competition_skill=world.cs)
    with translation.override("en"):
        problems = services.import_scheme(scheme, xlsx(GOOD))
    assert problems and "locked" in problems[0]
    assert SubCriterion.objects.filter(scheme=scheme).count() == 2


@pytest.mark.django_db
def test_admin_export_and_import(world, django_user_model):
    admin_user = django_user_model.objects.create_superuser("boss", password="x")
    client = Client()
    client.force_login(admin_user)
    locked = MarkingScheme.objects.get(competition_skill=world.cs)
    response = client.get(f"/admin/competitions/markingscheme/{locked.pk}/export/")
    assert response.status_code == 200 and response.content[:2] == b"PK"
    assert len(scheme_sheet.read(response.content)[0]) == 2
    refused = client.post(f"/admin/competitions/markingscheme/{locked.pk}/import/",
                          {"file": io.BytesIO(xlsx(GOOD))}, format="multipart")
    assert refused.status_code == 422 and SubCriterion.objects.filter(scheme=locked).count() == 2
    scheme = MarkingScheme.objects.get(competition_skill=world.other_cs)
    scheme.locked_at = None
    scheme.save()
    upload = io.BytesIO(xlsx(GOOD))
    upload.name = "scheme.xlsx"
    done = client.post(f"/admin/competitions/markingscheme/{scheme.pk}/import/", {"file": upload})
    assert done.status_code == 302
    assert SubCriterion.objects.filter(scheme=scheme).count() == 2
    # the lock action refuses a scheme that does not add up to 100, and locks one that does
    assert services.lock_scheme(scheme) == [] and MarkingScheme.objects.get(pk=scheme.pk).locked


@pytest.mark.django_db
def test_locked_scheme_is_read_only_in_the_admin(world, django_user_model):
    admin_user = django_user_model.objects.create_superuser("boss", password="x")
    client = Client()
    client.force_login(admin_user)
    sub = SubCriterion.objects.filter(scheme__competition_skill=world.cs).first()
    page = client.get(f"/admin/competitions/subcriterion/{sub.pk}/change/")
    assert page.status_code == 200
    response = client.post(f"/admin/competitions/subcriterion/{sub.pk}/change/", {"code": "Z", "name_lv": "x", "name_en": "x"})
    assert response.status_code == 403
    assert SubCriterion.objects.get(pk=sub.pk).code == sub.code


@pytest.mark.django_db
def test_admin_names_what_stops_the_lock(world, django_user_model):
    admin_user = django_user_model.objects.create_superuser("boss", password="x")
    client = Client()
    client.force_login(admin_user)
    scheme = MarkingScheme.objects.get(competition_skill=world.other_cs)
    scheme.locked_at = None
    scheme.save()
    Aspect.objects.filter(sub_criterion__scheme=scheme).update(max_mark=Decimal("90"))
    page = client.get(f"/admin/competitions/markingscheme/{scheme.pk}/change/").content.decode()
    assert "Aspektu punktu summa ir 90.00, nevis 100." in page and "Importēt no XLSX" in page
    response = client.post("/admin/competitions/markingscheme/", {"action": "lock", "_selected_action": [scheme.pk]}, follow=True)
    assert "Aspektu punktu summa ir 90.00, nevis 100." in response.content.decode()
    assert not MarkingScheme.objects.get(pk=scheme.pk).locked
