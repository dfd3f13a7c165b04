"""The methods library and plan templates shipped in data/counselling: valid, broad enough to be useful,
and loadable by `load_methods` (idempotently)."""
import io
from collections import Counter
from pathlib import Path

import pytest
import yaml
from django.conf import settings

from karjera.counselling import library

FOLDER = Path(settings.DATA_DIR) / "counselling"


def method_files():
    return {str(p.relative_to(FOLDER)): yaml.safe_load(p.read_text("utf-8")) for p in sorted((FOLDER / "methods").glob("*.yaml"))}


def methods():
    return library.validate_methods(method_files())


def templates():
    data = yaml.safe_load((FOLDER / "plan_templates.yaml").read_text("utf-8"))
    return library.validate_templates("plan_templates.yaml", data, {m["slug"] for m in methods()})


def test_every_file_holds_one_method_named_by_its_slug():
    for name, data in method_files().items():
        assert len(data) == 1, name
        assert Path(name).stem == data[0]["slug"], name


def test_the_library_is_large_and_covers_every_grade_audience_topic_and_format():
    ms = methods()
    assert len(ms) >= 40
    pupils = [m for m in ms if m["audience"] == "pupils"]
    for grade in range(1, 13):
        assert sum(m["grades"][0] <= grade <= m["grades"][1] for m in pupils) >= 3, f"grade {grade}"
    for low, high in ((1, 3), (4, 6), (7, 9), (10, 12)):
        assert sum(m["grades"][0] <= high and m["grades"][1] >= low for m in pupils) >= 5, f"grades {low}-{high}"
    audiences = Counter(m["audience"] for m in ms)
    assert audiences["parents"] >= 6 and audiences["teachers"] >= 3
    assert {m["topic"] for m in ms} == set(library.TOPICS)
    assert {m["format"] for m in ms} == set(library.FORMATS)


def test_methods_are_translated_and_not_templated():
    ms = methods()
    for m in ms:
        for field in ("title", "summary"):
            assert m[field]["lv"] != m[field]["en"], (m["slug"], field)
        assert len(m["steps"]["lv"]) >= 4, m["slug"]
        assert all(lv != en for lv, en in zip(m["steps"]["lv"], m["steps"]["en"])), m["slug"]
    steps = [s for m in ms for s in m["steps"]["lv"]]
    assert len(steps) == len(set(steps)), "two methods share a step"
    titles = [m["title"]["lv"] for m in ms]
    assert len(titles) == len(set(titles))


def test_three_templates_cover_the_school_year_with_existing_fitting_methods():
    ms = {m["slug"]: m for m in methods()}
    ts = templates()
    assert len(ts) == 3
    for t in ts:
        months = {a["month"] for a in t["activities"]}
        assert months == set(library.MONTHS), t["slug"]
        for a in t["activities"]:
            for slug in a.get("methods", []):
                assert library.fits_age_group(ms[slug], a["age_group"]), (t["slug"], a["month"], slug)
    groups = {t["slug"]: {a["age_group"] for a in t["activities"]} for t in ts}
    assert {"1-4", "5-6", "7-9"} <= groups["pamatskola-1-9"]
    assert {"7-9", "10-12"} <= groups["vidusskola-7-12"]
    assert all({"parents", "teachers"} <= g for g in groups.values())


@pytest.mark.django_db
def test_load_methods_loads_the_shipped_library_and_a_second_run_changes_nothing():
    from django.core.management import call_command

    from karjera.counselling.models import Method, PlanTemplate

    count = len(methods())
    out = io.StringIO()
    call_command("load_methods", stdout=out)
    assert f"methods: {count} created, 0 updated, 0 unchanged; plan templates: 3" in out.getvalue()
    out = io.StringIO()
    call_command("load_methods", stdout=out)
    assert f"0 created, 0 updated, {count} unchanged" in out.getvalue()
    assert Method.objects.filter(from_file=True).count() == count
    assert list(PlanTemplate.objects.values_list("slug", flat=True)) == ["pamatskola-1-9", "vidusskola-7-12", "profesionala-izglitibas-iestade"]
