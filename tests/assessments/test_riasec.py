"""The RIASEC scoring core, tested without Django."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from karjera.assessments.definitions import INSTRUMENTS_DIR, load_file
from karjera.assessments.scoring.riasec import hexagon_distance, score_riasec

INSTRUMENT = load_file(INSTRUMENTS_DIR / "interests" / "1.0.0.yaml")
ITEMS = INSTRUMENT.items
VALUES = INSTRUMENT.option_values


def answers_by_type(per_type: dict[str, int]) -> dict[str, int]:
    return {item["id"]: per_type[item["scale"]] for item in ITEMS}


def test_raw_scores_are_sums_from_zero_to_forty():
    result = score_riasec(ITEMS, answers_by_type({"R": 4, "I": 3, "A": 2, "S": 1, "E": 0, "C": 0}), VALUES)
    assert result["scores"] == {"R": 40, "I": 30, "A": 20, "S": 10, "E": 0, "C": 0}
    assert result["max_scores"] == {t: 40 for t in "RIASEC"}
    assert result["code"] == "RIA"
    assert result["flags"] == []
    assert result["suggest_occupations"] is True


def test_tie_rule_prefers_more_strongly_like_answers_then_riasec_order():
    answers = answers_by_type({"R": 0, "I": 0, "A": 2, "S": 2, "E": 1, "C": 0})
    # A and S tie on 20; give S two "strongly like" answers balanced by two "strongly dislike".
    s_items = [i["id"] for i in ITEMS if i["scale"] == "S"]
    answers[s_items[0]] = answers[s_items[1]] = 4
    answers[s_items[2]] = answers[s_items[3]] = 0
    result = score_riasec(ITEMS, answers, VALUES)
    assert result["scores"]["A"] == result["scores"]["S"] == 20
    assert result["code"] == "SAE"
    assert "AS" in result["ties"] or "SA" in result["ties"]
    assert "tie" in result["flags"]

    plain = score_riasec(ITEMS, answers_by_type({"R": 0, "I": 0, "A": 2, "S": 2, "E": 1, "C": 0}), VALUES)
    assert plain["code"] == "ASE"  # no strongly-like answers either way: R-I-A-S-E-C order decides


def test_identical_answers_are_flagged_and_suggest_nothing():
    for value in sorted(VALUES):
        result = score_riasec(ITEMS, {i["id"]: value for i in ITEMS}, VALUES)
        assert "identical_answers" in result["flags"]
        assert "flat_profile" in result["flags"]
        assert result["suggest_occupations"] is False


def test_nearly_flat_profile_is_flagged():
    answers = answers_by_type({t: 2 for t in "RIASEC"})
    answers[ITEMS[0]["id"]] = 4  # one item differs: spread 2 of 40 points
    answers[ITEMS[1]["id"]] = 3
    result = score_riasec(ITEMS, answers, VALUES)
    assert "identical_answers" not in result["flags"]
    assert "flat_profile" in result["flags"]
    assert result["suggest_occupations"] is False


def test_elevation_differentiation_and_consistency():
    result = score_riasec(ITEMS, answers_by_type({"R": 4, "I": 4, "A": 0, "S": 0, "E": 0, "C": 0}), VALUES)
    assert result["elevation"] == pytest.approx(1 / 3, abs=0.001)
    assert result["differentiation"] == 1.0
    assert result["differentiation_level"] == "high"
    assert result["consistency"] == "adjacent"
    opposite = score_riasec(ITEMS, answers_by_type({"R": 4, "I": 0, "A": 0, "S": 3, "E": 0, "C": 0}), VALUES)
    assert opposite["consistency"] == "opposite"


def test_field_interests_are_percent_of_maximum_per_field():
    answers = {i["id"]: (4 if i["field"] == "09" else 0) for i in ITEMS}
    result = score_riasec(ITEMS, answers, VALUES)
    assert result["fields"][0]["code"] == "09"
    assert result["fields"][0]["percent"] == 100
    assert all(f["percent"] == 0 for f in result["fields"][1:])
    assert {f["code"] for f in result["fields"]} == {f"{n:02d}" for n in range(1, 11)}


def test_hexagon_distance():
    assert hexagon_distance("R", "I") == 1
    assert hexagon_distance("R", "C") == 1
    assert hexagon_distance("R", "A") == 2
    assert hexagon_distance("R", "S") == 3


answer_sets = st.lists(st.sampled_from(sorted(VALUES)), min_size=len(ITEMS), max_size=len(ITEMS)).map(
    lambda values: {item["id"]: v for item, v in zip(ITEMS, values)}
)


@settings(max_examples=200, deadline=None)
@given(answer_sets)
def test_invariants(answers):
    result = score_riasec(ITEMS, answers, VALUES)
    scores = result["scores"]
    assert all(0 <= scores[t] <= 40 for t in "RIASEC")
    assert sum(scores.values()) == sum(answers.values())
    code = result["code"]
    assert len(set(code)) == 3
    assert min(scores[t] for t in code) >= max(scores[t] for t in "RIASEC" if t not in code)
    assert 0 <= result["elevation"] <= 1 and 0 <= result["differentiation"] <= 1
    if len(set(answers.values())) == 1:
        assert not result["suggest_occupations"]
    if not result["suggest_occupations"]:
        assert "flat_profile" in result["flags"]


@settings(max_examples=100, deadline=None)
@given(answer_sets, st.sampled_from("RIASEC"))
def test_liking_a_type_more_never_lowers_its_rank(answers, scale):
    before = score_riasec(ITEMS, answers, VALUES)["order"].index(scale)
    raised = {k: (min(4, v + 1) if INSTRUMENT.item_index[k]["scale"] == scale else v) for k, v in answers.items()}
    after = score_riasec(ITEMS, raised, VALUES)["order"].index(scale)
    assert after <= before
