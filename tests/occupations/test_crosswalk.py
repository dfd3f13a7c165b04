"""Tests of the pure occupation-catalogue rules (karjera.occupations.crosswalk) and of the shipped file.

Run without Django: ``PYTHONPATH=src python -m pytest tests/occupations -q -p no:django``.
"""
import json
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

from karjera.occupations import crosswalk as cw  # noqa: E402

CATALOGUE = ROOT / "data" / "occupations.json"


@pytest.fixture(autouse=True)
def _clear_cache():
    """These tests are pure: override the suite-wide autouse cache fixture so they also run without Django."""
    yield


def riasec(r, i, a, s, e, c):
    return dict(zip(cw.RIASEC_KEYS, (r, i, a, s, e, c)))


P1 = riasec(1, 2, 3, 4, 5, 6)
P2 = riasec(3, 2, 1, 6, 5, 4)
P3 = riasec(7, 7, 7, 7, 7, 7)


# --- tier preference -----------------------------------------------------------------------------------


def test_exact_wins_over_close_and_broad():
    result = cw.aggregate_profiles(
        [("11-0000.00", "broadMatch", P3), ("22-0000.00", "closeMatch", P2), ("33-0000.00", "exactMatch", P1)]
    )
    assert result["tier"] == "exact"
    assert result["profile"] == P1
    assert [c["code"] for c in result["codes"]] == ["33-0000.00"]


def test_close_used_when_no_exact():
    result = cw.aggregate_profiles([("11-0000.00", "broadMatch", P3), ("22-0000.00", "closeMatch", P2)])
    assert result["tier"] == "close"
    assert result["profile"] == P2


def test_narrow_before_broad_and_tiers_never_mixed():
    result = cw.aggregate_profiles(
        [("11-0000.00", "broadMatch", P3), ("22-0000.00", "narrowMatch", P1), ("33-0000.00", "broadMatch", P2)]
    )
    assert result["tier"] == "narrow"
    assert result["profile"] == P1


def test_broad_then_isco_group_as_last_resort():
    assert cw.aggregate_profiles([("11-0000.00", "broadMatch", P3), ("9", "exactISCO", P1)])["tier"] == "broad"
    only_isco = cw.aggregate_profiles([("11-0000.00", "exactISCO", P1)])
    assert only_isco["tier"] == "isco_group" and only_isco["profile"] == P1


def test_code_without_data_is_skipped_within_the_tier():
    result = cw.aggregate_profiles(
        [("11-9199.00", "exactMatch", None), ("11-1011.00", "exactMatch", P1), ("22-0000.00", "closeMatch", P2)]
    )
    assert result["tier"] == "exact"
    assert result["profile"] == P1
    assert result["skipped"] == ["11-9199.00"]


def test_falls_to_next_tier_only_when_the_tier_yields_nothing():
    result = cw.aggregate_profiles(
        [("11-9199.00", "exactMatch", None), ("13-1199.00", "exactMatch", {}), ("22-0000.00", "closeMatch", P2)]
    )
    assert result["tier"] == "close"
    assert result["profile"] == P2
    assert result["skipped"] == []  # skipped lists the chosen tier's codes only


def test_no_data_at_all():
    result = cw.aggregate_profiles([("11-9199.00", "exactMatch", None)])
    assert result == {"profile": None, "tier": None, "codes": [], "skipped": []}
    assert cw.aggregate_profiles([])["profile"] is None


def test_detailed_code_is_not_a_substitute_for_the_00_code():
    # 11-9199.00 has no data; 11-9199.01 is a different occupation and only counts if linked itself.
    result = cw.aggregate_profiles([("11-9199.00", "exactMatch", None), ("11-9199.01", "closeMatch", P1)])
    assert result["tier"] == "close"
    assert [c["code"] for c in result["codes"]] == ["11-9199.01"]


def test_unknown_match_type_is_refused():
    with pytest.raises(ValueError, match="sameAs"):
        cw.aggregate_profiles([("11-1011.00", "sameAs", P1)])


# --- averaging -------------------------------------------------------------------------------------------


def test_mean_of_the_tier_rounded_to_two_decimals():
    result = cw.aggregate_profiles(
        [("a", "closeMatch", P1), ("b", "closeMatch", P2), ("c", "closeMatch", riasec(1, 1, 1, 1, 1, 1))]
    )
    assert result["profile"] == {"R": 1.67, "I": 1.67, "A": 1.67, "S": 3.67, "E": 3.67, "C": 3.67}


def test_rounding_is_half_up_on_decimal_values():
    # 2.675 is 2.67499999... as a binary float; the rule rounds the decimal value half up.
    result = cw.aggregate_profiles([("a", "exactMatch", {"x": 2.67}), ("b", "exactMatch", {"x": 2.68})])
    assert result["profile"] == {"x": 2.68}
    assert cw.round_half_up(2.675) == 2.68
    assert cw.round_half_up(1.005) == 1.01


def test_duplicate_code_in_a_tier_counts_once():
    result = cw.aggregate_profiles([("a", "exactMatch", P1), ("a", "exactMatch", P1), ("b", "exactMatch", P3)])
    assert result["profile"] == riasec(4, 4.5, 5, 5.5, 6, 6.5)
    assert len(result["codes"]) == 2


def test_inconsistent_dimensions_are_refused():
    with pytest.raises(ValueError):
        cw.aggregate_profiles([("a", "exactMatch", {"x": 1}), ("b", "exactMatch", {"y": 1})])


def test_work_values_use_the_same_rule():
    v1 = dict.fromkeys(cw.WORK_VALUE_KEYS, 2.0)
    v2 = dict.fromkeys(cw.WORK_VALUE_KEYS, 5.0)
    result = cw.aggregate_profiles([("a", "exactMatch", None), ("b", "broadMatch", v1), ("c", "broadMatch", v2)])
    assert result["tier"] == "broad"
    assert result["profile"] == dict.fromkeys(cw.WORK_VALUE_KEYS, 3.5)
    assert set(cw.WORK_VALUE_KEYS) == {
        "achievement", "working_conditions", "recognition", "relationships", "support", "independence"
    }


# --- provenance ------------------------------------------------------------------------------------------


def test_provenance_lists_codes_titles_and_match_types():
    titles = {"35-2014.00": "Cooks, Restaurant", "35-2012.00": "Cooks, Institution and Cafeteria"}
    result = cw.aggregate_profiles(
        [("35-2014.00", "narrowMatch", P1), ("35-2012.00", "narrowMatch", P2), ("35-1011.00", "broadMatch", P3)],
        titles,
    )
    assert result["tier"] == "narrow"
    assert result["codes"] == [
        {"code": "35-2014.00", "title": "Cooks, Restaurant", "match": "narrowMatch"},
        {"code": "35-2012.00", "title": "Cooks, Institution and Cafeteria", "match": "narrowMatch"},
    ]


def test_provenance_without_titles():
    result = cw.aggregate_profiles([("a", "exactMatch", P1)])
    assert result["codes"] == [{"code": "a", "match": "exactMatch"}]


# --- job zone --------------------------------------------------------------------------------------------


def test_job_zone_median_rounded_half_up_and_recorded():
    result = cw.aggregate_job_zone([("a", "closeMatch", 2), ("b", "closeMatch", 3), ("c", "broadMatch", 5)])
    assert result["job_zone"] == 3  # median of 2 and 3 is 2.5, rounded half up
    assert result["zones"] == [2, 3]
    assert result["tier"] == "close"
    odd = cw.aggregate_job_zone([("a", "exactMatch", 1), ("b", "exactMatch", 2), ("c", "exactMatch", 5)])
    assert odd["job_zone"] == 2
    assert cw.aggregate_job_zone([("a", "exactMatch", None)])["job_zone"] is None


def test_isco_group_matches_prefer_the_most_specific_group():
    links = {"821": ["51-2092.00"], "8211": ["51-2031.00"], "612": ["45-2021.00"]}
    assert cw.isco_group_matches("8211", links) == ["51-2031.00"]
    assert cw.isco_group_matches("8219", links) == ["51-2092.00"]
    assert cw.isco_group_matches("6121", links) == ["45-2021.00"]
    assert cw.isco_group_matches("2512", links) == []


# --- hypothesis properties -------------------------------------------------------------------------------

onet_value = st.integers(min_value=100, max_value=700).map(lambda n: n / 100)  # O*NET's 1-7, two decimals
profile = st.fixed_dictionaries({k: onet_value for k in cw.RIASEC_KEYS})
match_type = st.sampled_from(sorted(cw.MATCH_TYPES))
matches = st.lists(
    st.tuples(st.from_regex(r"\d\d-\d{4}\.\d\d", fullmatch=True), match_type, st.one_of(st.none(), profile)),
    max_size=8,
)


@given(st.lists(profile, min_size=1, max_size=8))
def test_aggregate_lies_within_the_inputs(profiles):
    result = cw.aggregate_profiles([(f"{n:02d}-0000.00", "closeMatch", p) for n, p in enumerate(profiles)])
    for key in cw.RIASEC_KEYS:
        values = [p[key] for p in profiles]
        assert min(values) <= result["profile"][key] <= max(values)


@given(st.lists(st.dictionaries(st.sampled_from("xyz"), st.floats(1, 7), min_size=3, max_size=3), min_size=1))
def test_aggregate_of_arbitrary_floats_within_rounding_of_the_inputs(profiles):
    result = cw.aggregate_profiles([(str(n), "exactMatch", p) for n, p in enumerate(profiles)])
    for key in "xyz":
        values = [p[key] for p in profiles]
        assert min(values) - 0.005 <= result["profile"][key] <= max(values) + 0.005


@given(matches)
def test_chosen_tier_is_the_best_tier_with_data(items):
    result = cw.aggregate_profiles(items)
    order = [tier for tier, _ in cw.TIERS]
    with_data = [cw.TIER_OF_MATCH[m] for _, m, p in items if p is not None]
    if not with_data:
        assert result["profile"] is None and result["tier"] is None
        return
    assert result["tier"] == min(with_data, key=order.index)
    assert {c["match"] for c in result["codes"]} == {dict(cw.TIERS)[result["tier"]]}
    assert not {c["code"] for c in result["codes"]} & set(result["skipped"])


@given(st.lists(st.integers(1, 5), min_size=1, max_size=9))
def test_job_zone_median_within_inputs(zones):
    result = cw.aggregate_job_zone([(str(n), "exactMatch", z) for n, z in enumerate(zones)])
    assert min(zones) <= result["job_zone"] <= max(zones)


# --- Latvian classifier ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source, expected",
    [
        ("Bagarēšanas mašīnu OPERATORS", "Bagarēšanas mašīnu operators"),
        ("Viesmīļi", "Viesmīļi"),
        ("ĀRSTS", "Ārsts"),
        ("ĢeoTEHNIĶIS", "Ģeotehniķis"),
        ("Ceļu būvTEHNIĶIS", "Ceļu būvtehniķis"),
        ("VeterinārĀRSTS EPIDEMIOLOGS", "Veterinārārsts epidemiologs"),
        ("Saeimas Kancelejas DIREKTORA VIETNIEKS", "Saeimas Kancelejas direktora vietnieks"),
        ("KAPTEINIS uz kuģiem ar 3000 BT un lielākiem", "Kapteinis uz kuģiem ar 3000 BT un lielākiem"),
        ("Informācijas tehnoloģiju (IT) pakalpojumu VADĪTĀJS", "Informācijas tehnoloģiju (IT) pakalpojumu vadītājs"),
        ("GāzMETINĀTĀJS (OAW)", "Gāzmetinātājs (OAW)"),
        ("Rokas lokMETINĀTĀJS (XYZ)", "Rokas lokmetinātājs (XYZ)"),
        (
            "REZIDENTS (izņemot REZIDENTUS ģimenes ārsta specialitātē)",
            "Rezidents (izņemot rezidentus ģimenes ārsta specialitātē)",
        ),
        ("VADĪTĀJS/ PRIEKŠ\u00adNIEKS", "Vadītājs/ priekšnieks"),
        ("Ielidošanas servisa  AĢENTS", "Ielidošanas servisa aģents"),
        ("ŠĶIROTĀJS", "Šķirotājs"),
    ],
)
def test_sentence_case_lv(source, expected):
    assert cw.sentence_case_lv(source) == expected


@given(st.text(alphabet="abcdeāčēģīķļņšūžABCDEĀČĒĢĪĶĻŅŠŪŽ ()/", max_size=40))
def test_sentence_case_keeps_letters_and_length(text):
    out = cw.sentence_case_lv(text)
    assert out.casefold() == " ".join(text.split()).casefold()


def test_pk_links_order_relation_and_names():
    uri = "http://data.europa.eu/esco/occupation/x"
    rows = [
        (uri, "5120", "Pavāri", "skos:broadMatch"),
        (uri, "5120.01", "Vecākais PAVĀRS", "skos:narrowMatch"),
        (uri, "5120.02", "PAVĀRS", "skos:exactMatch"),
        (uri, "5120.02", "PAVĀRS", "skos:closeMatch"),
    ]
    assert cw.pk_links(rows) == {
        uri: [
            {"code": "5120.02", "name": "Pavārs", "relation": "exactMatch"},
            {"code": "5120.01", "name": "Vecākais pavārs", "relation": "narrowMatch"},
            {"code": "5120", "name": "Pavāri", "relation": "broadMatch"},
        ]
    }
    with pytest.raises(ValueError):
        cw.pk_links([(uri, "1", "X", "skos:relatedMatch")])


# --- related occupations -------------------------------------------------------------------------------


def test_related_occupations_through_exact_and_close_only():
    links = [
        ("cook", "35-2014.00", "exactMatch"),
        ("chef", "35-1011.00", "closeMatch"),
        ("baker", "51-3011.00", "exactMatch"),
        ("pastry", "51-3011.00", "broadMatch"),  # broad links are not used
        ("waiter", "35-3031.00", "closeMatch"),
        ("self-alias", "35-2014.00", "closeMatch"),  # shares cook's O*NET code
    ]
    related = [
        ("35-2014.00", "35-1011.00", "Primary-Short", 1),
        ("35-2014.00", "35-3031.00", "Primary-Long", 6),
        ("35-2014.00", "51-3011.00", "Primary-Short", 2),
        ("35-2014.00", "99-9999.00", "Supplemental", 11),  # no ESCO occupation behind it
        ("35-1011.00", "35-2014.00", "Primary-Short", 1),
    ]
    result = cw.related_occupations(links, related)
    assert result["cook"] == ["chef", "baker", "waiter"]
    assert result["chef"] == ["cook", "self-alias"]  # exact before close at equal index
    assert "pastry" not in result and all("pastry" not in v for v in result.values())
    assert "cook" not in result["cook"]


def test_related_occupations_limit_and_tie_key():
    links = [("a", "1", "exactMatch")] + [(f"t{n}", "2", "closeMatch") for n in range(15)]
    result = cw.related_occupations(links, [("1", "2", "Primary-Short", 1)], limit=10, tie_key=lambda i: -int(i[1:]))
    assert result["a"] == [f"t{n}" for n in range(14, 4, -1)]


def test_related_occupations_rank_by_best_path():
    links = [("a", "1", "exactMatch"), ("a", "2", "exactMatch"), ("x", "8", "exactMatch"), ("y", "9", "exactMatch")]
    related = [("1", "9", "Supplemental", 15), ("2", "9", "Primary-Short", 3), ("1", "8", "Primary-Short", 4)]
    assert cw.related_occupations(links, related)["a"] == ["y", "x"]


# --- the shipped file ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def catalogue():
    if not CATALOGUE.exists():
        pytest.skip("data/occupations.json not built; run tools/build_occupation_data.py")
    return json.loads(CATALOGUE.read_text("utf-8"))


def test_catalogue_counts_and_ids(catalogue):
    occupations = catalogue["occupations"]
    assert len(occupations) == 2942
    assert len({o["id"] for o in occupations}) == 2942
    assert len(catalogue["isco_groups"]) == 619
    assert catalogue["meta"]["counts"]["occupations"] == 2942
    assert all(len(o["isco"]) == 4 and o["isco"].isdigit() for o in occupations)
    ids = {o["id"] for o in occupations}
    assert all(r in ids and r != o["id"] for o in occupations for r in o["related"])


def test_catalogue_cook(catalogue):
    (cook,) = [o for o in catalogue["occupations"] if o["name_lv"] == "pavārs"]
    assert set(cook["riasec"]) == set("RIASEC")
    assert all(1 <= v <= 7 for v in cook["riasec"].values())
    assert cook["onet"]["codes"] and all(c["code"] and c["title"] and c["match"] for c in cook["onet"]["codes"])
    assert cook["onet"]["tier"] in {t for t, _ in cw.TIERS}
    assert any(p["code"] == "5120.02" for p in cook["pk"])


def test_catalogue_attribution(catalogue):
    attribution = " ".join(catalogue["meta"]["attribution"])
    assert "O*NET 29.3 Database" in attribution and "ESCO classification, European Commission" in attribution


# --- the build command fails loudly --------------------------------------------------------------------


@pytest.fixture(scope="module")
def build_tool():
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_occupation_data", ROOT / "tools" / "build_occupation_data.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_build_names_a_missing_source_file(build_tool, tmp_path, capsys):
    assert build_tool.main(["--source", str(tmp_path), "--out", str(tmp_path / "out.json")]) == 2
    err = capsys.readouterr().err
    assert "esco_labels_lv_en.csv" in err and "missing" in err
    assert not (tmp_path / "out.json").exists()


def test_build_names_an_unexpected_header(build_tool, tmp_path, capsys):
    labels = tmp_path / "esco-1.0.8" / "esco_labels_lv_en.csv"
    labels.parent.mkdir()
    labels.write_text("concept_uri,concept_type,isco,pref_label_lv\n", encoding="utf-8")
    assert build_tool.main(["--source", str(tmp_path), "--out", str(tmp_path / "out.json")]) == 2
    err = capsys.readouterr().err
    assert "unexpected header on line 1" in err and "isco_code" in err
