"""Education imports: all or nothing, every bad row reported with its line, repeats change nothing."""
import json

import pytest

from karjera.education.importer import ImportFailed, import_files
from karjera.education.models import AdmissionRule, CourseSet, Institution, Municipality, Programme

pytestmark = pytest.mark.django_db

MUNICIPALITIES = "code,name_lv,name_en,kind,region\ntest-novads,Testa novads,Test Municipality,municipality,vidzeme\n"
INSTITUTIONS = (
    "registry_number,name_lv,name_en,kind,municipality,address,website,demo\n"
    "9000000001,Testa ģimnāzija,Test Gymnasium,gymnasium,test-novads,Skolas iela 1,https://demo.karjera.example/t,1\n"
    "9000000002,Testa universitāte,Test University,university,test-novads,,,1\n"
)
COURSE_SETS = "id,institution,name_lv,name_en,advanced_courses\nt-stem,9000000001,STEM,STEM,mathematics|physics|chemistry\n"
RULES = json.dumps([{"id": "t-rule", "terms": [{"exam": "mathematics", "weight": 1.0}], "threshold": {"state_funded": 50, "year": 2025}}])
PROGRAMMES = (
    "code,institution,name_lv,name_en,kind,lqf_level,isced_field,entry,duration_years,form,language,"
    "qualification_lv,qualification_en,occupations,state_funded_places,fee_eur,admission_rule,course_sets\n"
    "31011011,9000000001,Vispārējā vidējā izglītība,General secondary education,general_secondary,4,05,after_9,3,full_time,lv,,,,0,,,t-stem\n"
    "42481001,9000000002,Datorzinātnes,Computer science,bachelor,6,06,after_12,3,full_time,lv|en,Bakalaurs,Bachelor,2512.01,20,3000,t-rule,\n"
)


def files(**changes):
    base = {
        "municipalities.csv": MUNICIPALITIES, "institutions.csv": INSTITUTIONS, "course_sets.csv": COURSE_SETS,
        "admission_rules.json": RULES, "programmes.csv": PROGRAMMES,
    }
    base.update(changes)
    return {k: v.encode("utf-8") for k, v in base.items()}


def snapshot():
    return (
        list(Municipality.objects.values_list("code", flat=True).order_by("code")),
        list(Institution.objects.values_list("registry_number", "name_lv").order_by("registry_number")),
        list(Programme.objects.values_list("code", "institution__registry_number", "name_lv").order_by("code")),
        list(CourseSet.objects.values_list("key", flat=True)),
        list(AdmissionRule.objects.values_list("key", flat=True)),
    )


def test_good_files_import_and_repeat_without_duplicates():
    before = Programme.objects.count()
    counts = import_files(files())
    assert counts == {"municipalities": 1, "institutions": 2, "course_sets": 1, "admission_rules": 1, "programmes": 2}
    first = snapshot()
    import_files(files())
    assert snapshot() == first
    assert Programme.objects.count() == before + 2
    bachelor = Programme.objects.get(code="42481001", institution__registry_number="9000000002")
    assert bachelor.languages == ["lv", "en"] and bachelor.admission_rule.key == "t-rule" and bachelor.fee_eur == 3000
    assert list(Programme.objects.get(code="31011011", institution__registry_number="9000000001").course_sets.values_list("key", flat=True)) == ["t-stem"]


def test_bad_rows_are_all_reported_with_lines_and_nothing_changes():
    import_files(files())
    before = snapshot()
    bad_programmes = PROGRAMMES.replace("42481001,", "4248100X,").replace("lv|en", "lv|xx") + (
        "31011012,9999999999,X,X,general_secondary,4,05,after_9,3,full_time,lv,,,,0,,,no-set\n"
    )
    bad_institutions = INSTITUTIONS.replace("Test Gymnasium,gymnasium", "Test Gymnasium,castle") + "9000000003,Jauna,New,college,atlantida,,,1\n"
    with pytest.raises(ImportFailed) as err:
        import_files(files(**{"programmes.csv": bad_programmes, "institutions.csv": bad_institutions,
                              "institutions.csv": bad_institutions}))
    text = "\n".join(err.value.errors)
    assert "programmes.csv:3: code: must be 8 digits" in text
    assert "programmes.csv:3: language:" in text
    assert "programmes.csv:4: institution: unknown registry number '9999999999'" in text
    assert "programmes.csv:4: course_sets: unknown course set 'no-set'" in text
    assert "institutions.csv:2: kind:" in text
    assert "institutions.csv:4: municipality: unknown municipality 'atlantida'" in text
    assert snapshot() == before


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("admission_rules.json", "{not json", "admission_rules.json:1: file: not a JSON list"),
        ("admission_rules.json", json.dumps([{"id": "r", "terms": [{"exam": "magic", "weight": 1}]}]), "rule 1: r.terms[0].exam: unknown exam"),
        ("course_sets.csv", "id,institution,name_lv,name_en,advanced_courses\nx,9000000001,A,A,mathematics|physics\n", "course_sets.csv:2: advanced_courses: a course set needs at least three"),
        ("programmes.csv", "code,institution\n1,2\n", "programmes.csv:1: header: missing column(s)"),
        ("students.csv", "a,b\n", "students.csv:1: file: unknown file name"),
    ],
)
def test_each_kind_of_error(name, content, message):
    before = snapshot()
    with pytest.raises(ImportFailed) as err:
        import_files(files(**{name: content}))
    assert message in "\n".join(err.value.errors)
    assert snapshot() == before


def test_command_and_demo_set(tmp_path, settings):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    demo = settings.DATA_DIR / "education" / "demo"
    call_command("import_education", str(demo), stdout=open("/dev/null", "w"))
    assert Institution.objects.filter(demo=True).count() >= 40
    assert Programme.objects.count() >= 300
    assert set(Institution.objects.values_list("kind", flat=True)) == {k for k, _ in Institution.KINDS}
    assert set(Programme.objects.values_list("kind", flat=True)) >= {"general_secondary", "vocational_secondary", "vocational_basic", "college", "bachelor", "master"}
    assert Municipality.objects.count() == 43
    (tmp_path / "programmes.csv").write_text("code,institution\n", "utf-8")
    with pytest.raises(CommandError, match="header"):
        call_command("import_education", str(tmp_path))
