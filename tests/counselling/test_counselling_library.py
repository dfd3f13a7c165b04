"""The library files' validation (pure) and the group profile, suppression and suggestion rules."""
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from karjera.counselling import library, profiles

DATA = Path(__file__).parent / "data"


def sample():
    return yaml.safe_load((DATA / "methods" / "sample.yaml").read_text("utf-8"))


def test_the_sample_file_is_valid():
    methods = library.validate_methods({"methods/sample.yaml": sample()})
    assert [m["slug"] for m in methods] == ["interesu-sarunas", "profesiju-pasaule", "vecaku-vakars"]
    templates = yaml.safe_load((DATA / "plan_templates.yaml").read_text("utf-8"))
    assert library.validate_templates("plan_templates.yaml", templates, {m["slug"] for m in methods})[0]["slug"] == "pamatskola"


def test_errors_name_the_file_the_entry_and_the_field():
    data = sample()
    data[0]["grades"] = [9, 7]
    data[1]["topic"] = "astrology"
    del data[2]["steps"]
    data.append(dict(sample()[0]))  # repeated slug
    data[1]["title"] = {"lv": "Tikai latviski"}
    with pytest.raises(library.LibraryError) as err:
        library.validate_methods({"methods/a.yaml": data})
    problems = err.value.problems
    assert "methods/a.yaml: entry 1 (interesu-sarunas): grades: must be [from, to] with whole numbers 1-12 and from <= to" in problems
    assert any(p.startswith("methods/a.yaml: entry 2 (profesiju-pasaule): topic: must be one of") for p in problems)
    assert any(p.startswith("methods/a.yaml: entry 2 (profesiju-pasaule): title:") for p in problems)
    assert "methods/a.yaml: entry 3 (vecaku-vakars): steps: missing" in problems
    assert any(p.startswith("methods/a.yaml: entry 4 (interesu-sarunas): slug: repeats") for p in problems)


def test_lists_in_both_languages_must_match():
    data = sample()
    data[0]["steps"] = {"lv": ["a", "b"], "en": ["a"]}
    with pytest.raises(library.LibraryError, match="steps: lv has 2 entries and en 1"):
        library.validate_methods({"m.yaml": data})


def test_templates_must_name_existing_methods_and_school_months():
    templates = yaml.safe_load((DATA / "plan_templates.yaml").read_text("utf-8"))
    templates[0]["activities"][0]["month"] = 7
    templates[0]["activities"][1]["methods"] = ["nav-tadas"]
    with pytest.raises(library.LibraryError) as err:
        library.validate_templates("plan_templates.yaml", templates, {"interesu-sarunas"})
    text = "\n".join(err.value.problems)
    assert "plan_templates.yaml: entry 1 (pamatskola): activities[0].month: must be a school month" in text
    assert "activities[1].methods: no method called 'nav-tadas'" in text


def test_age_groups():
    pupils = {"audience": "pupils", "grades": [5, 9]}
    assert library.fits_age_group(pupils, "5-6") and library.fits_age_group(pupils, "7-9")
    assert not library.fits_age_group(pupils, "10-12") and not library.fits_age_group(pupils, "parents")
    assert library.fits_age_group({"audience": "parents", "grades": [1, 12]}, "parents")


def p(code=None, flat=False, field=None, values=None):
    out = {}
    if code is not None:
        out["interests"] = {"code": code, "flat": flat, "field": field}
    if values:
        out["values"] = {"order": values}
    return out


def test_group_profile_counts_first_letters_and_leaves_flat_profiles_out():
    prof = profiles.group_profile([p("SAE", field="09"), p("SIA", field="09"), p("RIC", field="07"),
                                   p("CRE", flat=True, field="04"), p(values=["support", "achievement"])])
    assert prof["riasec_first"] == {"R": 1, "I": 0, "A": 0, "S": 2, "E": 0, "C": 0}
    assert prof["flat"] == 1 and prof["completed"]["interests"] == 4 and prof["completed"]["values"] == 1
    assert prof["fields"][0] == ("09", 2)
    assert prof["values"] == [("support", 1)]
    assert prof["codes"] == [("RIC", 1), ("SAE", 1), ("SIA", 1)]


def test_groups_under_five_are_suppressed_per_test():
    big = {"id": 1, "school": 1, "pupils": [p("SAE") for _ in range(5)] + [p(values=["support"])]}
    small = {"id": 2, "school": 1, "pupils": [p("RIC") for _ in range(4)]}
    other = {"id": 3, "school": 2, "pupils": [p("IAS") for _ in range(3)]}
    agg = profiles.suppressed_aggregate([big, small, other], 5)
    assert agg["profile"]["riasec_first"]["S"] == 5
    assert agg["profile"]["riasec_first"]["R"] == 0 and agg["profile"]["riasec_first"]["I"] == 0
    assert agg["profile"]["values"] == []  # one values result in the big group: suppressed
    assert agg["suppressed_groups"] == 2
    assert agg["schools"][1] == {"groups": 2, "shown": 1, "suppressed": 1, "pupils": 6}
    assert agg["schools"][2]["pupils"] == 0


@given(st.lists(st.lists(st.sampled_from(["SAE", "RIC", "ECS", "IAR"]), max_size=8), max_size=6))
def test_no_figure_ever_comes_from_fewer_than_five_pupils_of_a_group(groups):
    data = [{"id": n, "school": n % 2, "pupils": [p(c) for c in codes]} for n, codes in enumerate(groups)]
    agg = profiles.suppressed_aggregate(data, 5)
    counted = sum(len(codes) for codes in groups if len(codes) >= 5)
    assert sum(agg["profile"]["riasec_first"].values()) == counted
    assert agg["suppressed_groups"] == sum(1 for codes in groups if len(codes) < 5)


METHODS = [
    {"slug": "a", "topic": "self_knowledge", "audience": "pupils", "grades": [7, 9], "duration_minutes": 40},
    {"slug": "b", "topic": "world_of_work", "audience": "pupils", "grades": [5, 12], "duration_minutes": 45},
    {"slug": "c", "topic": "education_paths", "audience": "pupils", "grades": [9, 12], "duration_minutes": 45},
    {"slug": "d", "topic": "working_with_parents", "audience": "parents", "grades": [7, 12], "duration_minutes": 90},
    {"slug": "e", "topic": "self_knowledge", "audience": "pupils", "grades": [1, 4], "duration_minutes": 30},
]


def test_suggestions_follow_the_group_and_its_grade():
    prof = profiles.group_profile([p("SAE"), p("SIA"), p("CRE", flat=True)])
    needs = profiles.topic_needs(prof, members=10, grade=9)
    assert needs["self_knowledge"] == ["few_completed", "flat_profiles"]
    assert needs["world_of_work"] == ["strong_types:S"]
    assert "education_paths" in needs
    slugs = [s["method"]["slug"] for s in profiles.suggest(METHODS, needs, grade=9)]
    assert slugs[0] == "a"  # answers two needs
    assert "d" not in slugs and "e" not in slugs  # parents' method; grades 1-4


def test_summaries_keep_only_what_group_views_need():
    assert profiles.summarise("interests", {"code": "SAE", "flags": ["flat_profile"], "fields": [{"code": "09", "percent": 80}], "scores": {}}) == {
        "code": "SAE", "flat": True, "field": "09"}
    assert profiles.summarise("values", {"order": ["support", "achievement"], "profile": {}}) == {"order": ["support", "achievement"]}
    assert profiles.summarise("abilities", {"abilities": {}}) == {}
