"""Education pages, the calculator (form and API) and the course-set chooser on the demonstration data."""
import json
import re

import pytest

from karjera.education.models import CourseSet, Institution, Programme
from karjera.occupations.models import Occupation

pytestmark = pytest.mark.django_db

RTU_PUPIL = {
    "exams": [
        {"subject": "mathematics", "level": "higher", "percent": 80},
        {"subject": "english", "level": "higher", "percent": 70},
        {"subject": "latvian", "level": "higher", "percent": 75},
    ],
    "grades": [6, 6, 9, 8, 6],
}


def test_programme_search_filters_and_demo_marking(client):
    html = client.get("/education/?q=pavars").content.decode()
    assert "Demonstrācijas dati" in html or "Demonstration data" in html
    assert "demo-banner" in html
    total = int(re.search(r'id="programme-count">\D*(\d+)', html).group(1))
    assert total >= 1
    riga = client.get("/education/?kind=bachelor&municipality=riga").content.decode()
    count = int(re.search(r'id="programme-count">\D*(\d+)', riga).group(1))
    assert count == Programme.objects.filter(kind="bachelor", institution__municipality_id="riga").count()
    assert client.get("/education/?kind=spaceship&page=99").status_code == 200


def test_programme_and_institution_pages(client):
    programme = Programme.objects.exclude(admission_rule=None).select_related("institution").first()
    html = client.get(f"/education/programmes/{programme.pk}/").content.decode()
    assert programme.code in html and "demo-banner" in html
    assert client.get(f"/en/education/programmes/{programme.pk}/").status_code == 200
    institution = Institution.objects.filter(kind="gymnasium").first()
    page = client.get(f"/education/institutions/{institution.pk}/").content.decode()
    assert institution.name_lv in page and "course_set=" in page


def test_api_reproduces_the_rtu_worked_example(client):
    body = client.post("/api/v1/admission/evaluate", json.dumps(RTU_PUPIL), content_type="application/json").json()
    rtu = [r for r in body["eligible"] if r["programme_id"] in set(
        Programme.objects.filter(admission_rule__key="demo-rtu-engineering").values_list("id", flat=True))]
    assert rtu and all(r["score"] == 189.035 for r in rtu)
    row = rtu[0]
    assert sum(b["points"] for b in row["breakdown"]) == pytest.approx(189.035, abs=0.001)
    assert [b["points"] for b in row["breakdown"]][-1] == 0.035  # (6+6+9+8+6)/1000, the grade tie-breaker
    assert body["ineligible"] and all(r["reasons"] for r in body["ineligible"])


@pytest.mark.parametrize(
    "payload",
    [
        {"exams": [{"subject": "mathematics", "level": "higher", "percent": 101}]},
        {"exams": [{"subject": "alchemy", "level": "higher", "percent": 50}]},
        {"exams": [{"subject": "mathematics", "level": "top", "percent": 50}]},
        {"exams": [{"subject": "mathematics", "level": "higher", "percent": 50}], "grades": [11]},
        {"exams": "all of them"},
        {"exams": [], "unknown": 1},
    ],
)
def test_api_refuses_bad_input(client, payload):
    response = client.post("/api/v1/admission/evaluate", json.dumps(payload), content_type="application/json")
    assert response.status_code == 422
    assert response.json()["message"]


def test_calculator_form_with_what_if(client):
    form = {
        "subject_0": "mathematics", "level_0": "higher", "percent_0": "80",
        "subject_1": "english", "level_1": "higher", "percent_1": "70",
        "subject_2": "latvian", "level_2": "higher", "percent_2": "75",
        "grades": "6 6 9 8 6", "whatif_subject": "mathematics", "whatif_points": "10",
    }
    html = client.post("/en/education/admission-calculator/", form).content.decode()
    assert "189.035" in html
    assert "With 10 points more in Mathematics" in html
    assert "199.035" in html  # 90×1.0 instead of 80×1.0
    partial = client.post("/en/education/admission-calculator/", form, HTTP_X_PARTIAL="1").content.decode()
    assert "<html" not in partial and "189.035" in partial
    bad = client.post("/education/admission-calculator/", {"subject_0": "mathematics", "level_0": "higher", "percent_0": "abc"})
    assert bad.status_code == 422 and 'role="alert"' in bad.content.decode()
    empty = client.post("/education/admission-calculator/", {})
    assert empty.status_code == 422


def test_course_set_chooser_both_ways(client):
    programme = Programme.objects.exclude(admission_rule=None).exclude(occupations=[]).first()
    ref = programme.occupations[0]
    occupation = Occupation.objects.filter(id=ref).first() or next(
        o for o in Occupation.objects.all() if any(p["code"] == ref for p in o.pk_codes)
    )
    html = client.get(f"/en/education/course-sets/?target={occupation.id}").content.decode()
    assert "Exams and advanced courses to choose" in html
    assert f"/education/programmes/{programme.pk}/" in html
    course_set = next((s for s in CourseSet.objects.all() if "physics" in s.advanced_courses), CourseSet.objects.first())
    html = client.get(f"/en/education/course-sets/?course_set={course_set.pk}").content.decode()
    assert "It prepares for the exams of" in html
    assert client.get("/education/course-sets/?occupation=pavars").status_code == 200


def test_occupation_page_lists_programmes(client):
    occupation = Occupation.objects.get(name_lv="pavārs")
    html = client.get(f"/occupations/{occupation.id}/").content.decode()
    assert "/education/programmes/" in html


def test_course_set_chooser_from_a_programme(client):
    programme = next(p for p in Programme.objects.exclude(admission_rule=None) if "physics" in str(p.admission_rule.spec))
    html = client.get(f"/en/education/course-sets/?programme={programme.pk}").content.decode()
    assert "Schools whose course sets prepare for it" in html
    assert "Physics" in html


def test_admin_upload_is_all_or_nothing(client, django_user_model):
    admin = django_user_model.objects.create_superuser("agency", "agency@example.lv", "a-long-test-password-1")
    client.force_login(admin)
    bad = b"registry_number,name_lv,name_en,kind,municipality,address,website,demo\n123,X,X,castle,nowhere,,,1\n"
    from django.core.files.uploadedfile import SimpleUploadedFile

    before = Institution.objects.count()
    response = client.post("/admin/education/institution/import/", {"files": [SimpleUploadedFile("institutions.csv", bad)]})
    html = response.content.decode()
    assert response.status_code == 200 and "institutions.csv:2: registry_number: must be 10 digits" in html
    assert Institution.objects.count() == before
    good = b"registry_number,name_lv,name_en,kind,municipality,address,website,demo\n9100000001,Jauna skola,New school,secondary_school,riga,,,1\n"
    response = client.post("/admin/education/institution/import/", {"files": [SimpleUploadedFile("institutions.csv", good)]})
    assert response.status_code == 302
    assert Institution.objects.count() == before + 1
