"""The admission rule engine, with hand-computed expectations and invariants."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from karjera.education.admission.engine import ExamResult, Pupil, evaluate
from karjera.education.admission.rules import CE_SUBJECTS, LEVELS, RuleError, parse

RTU = parse(
    {
        "id": "rtu",
        "terms": [
            {"exam": "mathematics", "weight": 1.0},
            {"exam": "foreign_language", "weight": 0.7},
            {"exam": "latvian", "weight": 0.8},
        ],
        "grades_sum_divisor": 1000,
        "minimums": [{"exam": "mathematics", "percent": 20, "for": "state_funded"}],
        "threshold": {"state_funded": 180.0, "paid": 120.0, "year": 2025},
    }
)
LU = parse(
    {
        "id": "lu",
        "terms": [
            {"exam": "latvian", "weight": 0.3},
            {"exam": "foreign_language", "weight": 0.3},
            {"exam": "mathematics", "weight": 1.2},
            {"mean_of_all": True, "weight": 0.2},
            {"entrance_test": "it-test", "weight": 0.8, "max": 50, "optional": True},
        ],
    }
)


def pupil(*exams, grades=(), tests=None):
    return Pupil(tuple(ExamResult(*e) for e in exams), tuple(grades), tests or {})


def test_rtu_worked_example_gives_189_035():
    p = pupil(("mathematics", "higher", 80), ("english", "higher", 70), ("latvian", "higher", 75), grades=(6, 6, 9, 8, 6))
    result = evaluate(RTU, p)
    assert result.score == 189.035
    assert [(part.term, part.points) for part in result.parts] == [
        ("mathematics", 80.0), ("foreign_language", pytest.approx(49.0)), ("latvian", 60.0)
    ]
    assert result.grades_points == 0.035
    assert result.eligible and result.eligible_state_funded
    assert result.margin_state_funded == 9.035 and result.margin_paid == 69.035


def test_level_coefficients_and_pre_2023_results():
    higher = evaluate(RTU, pupil(("mathematics", "higher", 80), ("english", "higher", 70), ("latvian", "higher", 75)))
    optimal = evaluate(RTU, pupil(("mathematics", "optimal", 80), ("english", "higher", 70), ("latvian", "higher", 75)))
    general = evaluate(RTU, pupil(("mathematics", "general", 80), ("english", "higher", 70), ("latvian", "higher", 75)))
    assert higher.score - optimal.score == pytest.approx(80 * 0.25)  # 80×1.0 vs 80×0.75
    assert higher.score - general.score == pytest.approx(80 * 0.5)  # 80×1.0 vs 80×0.5
    # A 2022 result counts as optimal whatever level was written down.
    old = evaluate(RTU, pupil(("mathematics", "higher", 80, 2022), ("english", "higher", 70), ("latvian", "higher", 75)))
    assert old.score == optimal.score
    assert old.parts[0].level == "optimal" and old.parts[0].level_coefficient == 0.75


def test_best_of_picks_the_highest_scaled_result():
    rule = parse({"id": "x", "terms": [{"best_of": ["physics", "chemistry", "informatics"], "weight": 1.0}]})
    # Chemistry 90 at general level (45) loses to physics 60 at higher level (60).
    result = evaluate(rule, pupil(("physics", "higher", 60), ("chemistry", "general", 90)))
    assert result.score == 60.0 and result.parts[0].subject == "physics"
    assert not evaluate(rule, pupil(("biology", "higher", 99))).eligible


def test_foreign_language_is_the_best_language_exam():
    result = evaluate(RTU, pupil(("mathematics", "higher", 50), ("german", "higher", 90), ("english", "optimal", 95), ("latvian", "higher", 50)))
    assert result.parts[1].subject == "german" and result.parts[1].points == pytest.approx(63.0)  # 90×0.7 > 95×0.75×0.7


def test_lu_rule_with_mean_and_optional_entrance_test():
    p = pupil(("latvian", "higher", 60), ("english", "higher", 80), ("mathematics", "higher", 70), ("physics", "optimal", 40))
    # mean of all: (60 + 80 + 70 + 40×0.75) / 4 = 60
    expected = 60 * 0.3 + 80 * 0.3 + 70 * 1.2 + 60 * 0.2
    result = evaluate(LU, p)
    assert result.score == pytest.approx(expected)
    assert result.parts[-1].note == "not_taken"
    with_test = evaluate(LU, Pupil(p.exams, (), {"it-test": 40}))  # 40 of 50 = 80%
    assert with_test.score == pytest.approx(expected + 80 * 0.8)


def test_minimums_and_missing_exams_explain_ineligibility():
    low_math = evaluate(RTU, pupil(("mathematics", "higher", 15), ("english", "higher", 70), ("latvian", "higher", 75)))
    assert low_math.eligible and not low_math.eligible_state_funded
    assert low_math.reasons[0].code == "below_minimum" and low_math.reasons[0].places == "state_funded"
    assert low_math.margin_state_funded is None and low_math.margin_paid is not None
    missing = evaluate(RTU, pupil(("mathematics", "higher", 80), ("latvian", "higher", 75)))
    assert not missing.eligible
    assert missing.reasons[0].code == "missing_exam" and "english" in missing.reasons[0].subjects


@pytest.mark.parametrize(
    "data, message",
    [
        ({"id": "r", "terms": []}, "r.terms: needs at least one term"),
        ({"id": "r", "terms": [{"exam": "astrology", "weight": 1}]}, "r.terms[0].exam: unknown exam 'astrology'"),
        ({"id": "r", "terms": [{"exam": "latvian"}]}, "r.terms[0].weight"),
        ({"id": "r", "terms": [{"exam": "latvian", "best_of": ["physics", "chemistry"], "weight": 1}]}, "exactly one of"),
        ({"id": "r", "terms": [{"best_of": ["physics"], "weight": 1}]}, "at least two exams"),
        ({"id": "r", "terms": [{"exam": "latvian", "weight": 1}], "minimums": [{"exam": "latvian", "percent": 120}]}, "at most 100"),
        ({"id": "r", "terms": [{"exam": "latvian", "weight": 1}], "bonus": 3}, "unknown field(s) bonus"),
    ],
)
def test_bad_rules_name_the_field(data, message):
    with pytest.raises(RuleError, match=message.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[").replace("]", r"\]")):
        parse(data)


results = st.lists(
    st.tuples(st.sampled_from(CE_SUBJECTS), st.sampled_from(LEVELS), st.integers(0, 100), st.sampled_from([2021, 2024, 2025])),
    min_size=1, max_size=8,
)


@settings(max_examples=150, deadline=None)
@given(results, st.lists(st.integers(1, 10), max_size=12))
def test_breakdown_adds_up_and_more_points_never_hurt(exams, grades):
    for rule in (RTU, LU):
        p = pupil(*exams, grades=grades)
        result = evaluate(rule, p)
        assert result.score == pytest.approx(sum(part.points for part in result.parts) + result.grades_points, abs=0.001)
        better = pupil(*[(s, lvl, min(100, pc + 10), y) for s, lvl, pc, y in exams], grades=grades)
        assert evaluate(rule, better).score >= result.score - 1e-9
        if result.eligible_state_funded:
            assert result.eligible
