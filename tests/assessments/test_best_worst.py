"""The values test's design and Bradley-Terry scoring, tested directly and by simulation (fixed seeds)."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from karjera.assessments.scoring import bradley_terry
from karjera.assessments.scoring.best_worst import VALID_CODES, decode, encode, score_best_worst
from karjera.assessments.scoring.design import is_balanced, projective_plane_order_4

BLOCKS = projective_plane_order_4()
SCALES = ["achievement", "working_conditions", "recognition", "relationships", "support", "independence"]
SIZES = [2, 6, 4, 3, 3, 3]
STATEMENTS = [{"id": f"V{k + 1:02d}", "scale": s} for k, s in enumerate(s for s, n in zip(SCALES, SIZES) for _ in range(n))]
SCREENS = [{"id": f"B{i + 1:02d}", "statements": [STATEMENTS[p]["id"] for p in block]} for i, block in enumerate(BLOCKS)]


def spearman(a, b):
    return float(np.corrcoef(np.argsort(np.argsort(a)), np.argsort(np.argsort(b)))[0, 1])


def simulate(utilities, noise, rng):
    answers = {}
    for screen, block in zip(SCREENS, BLOCKS):
        u = utilities[list(block)]
        best = int(np.argmax(u + rng.gumbel(0, noise, 5)))
        against = -u + rng.gumbel(0, noise, 5)
        against[best] = -np.inf
        answers[screen["id"]] = encode(best, int(np.argmax(against)))
    return answers


def test_projective_plane_is_balanced():
    assert len(BLOCKS) == 21 and all(len(b) == 5 for b in BLOCKS)
    assert is_balanced(BLOCKS, 21)
    counts = np.bincount([p for b in BLOCKS for p in b], minlength=21)
    assert set(counts) == {5}  # every statement on five screens


def test_codes_round_trip_and_refuse_same_position():
    assert len(VALID_CODES) == 20
    assert all(decode(encode(b, w)) == (b, w) for b in range(5) for w in range(5) if b != w)
    with pytest.raises(ValueError):
        encode(2, 2)


def test_bradley_terry_orders_a_clear_tournament():
    wins = np.array([[0, 3, 3], [1, 0, 3], [1, 1, 0]])
    theta, covariance = bradley_terry.fit(3, wins)
    assert theta[0] > theta[1] > theta[2]
    assert abs(theta.sum()) < 1e-9
    assert np.all(np.diag(covariance) > 0)


def test_recovers_simulated_statement_rankings_at_low_noise():
    rng = np.random.default_rng(2026)
    rho = []
    for _ in range(60):
        utilities = rng.normal(0, 1.5, 21)
        result = score_best_worst(STATEMENTS, SCREENS, simulate(utilities, 0.3, rng), SCALES)
        rho.append(spearman(utilities, [result["statements"][s["id"]] for s in STATEMENTS]))
    assert np.mean(rho) >= 0.9, np.mean(rho)


def test_recovers_simulated_value_rankings_at_low_noise():
    """A pupil whose six values drive the statements (each statement = its value ± a little)."""
    rng = np.random.default_rng(2027)
    rho = []
    for _ in range(60):
        value_utility = dict(zip(SCALES, rng.normal(0, 1.5, 6)))
        utilities = np.array([value_utility[s["scale"]] + rng.normal(0, 0.3) for s in STATEMENTS])
        result = score_best_worst(STATEMENTS, SCREENS, simulate(utilities, 0.3, rng), SCALES)
        rho.append(spearman([value_utility[v] for v in SCALES], [result["values"][v]["score"] for v in SCALES]))
    assert np.mean(rho) >= 0.9, np.mean(rho)


def test_more_noise_means_less_certainty():
    rng = np.random.default_rng(7)
    utilities = rng.normal(0, 1.5, 21)
    low = [spearman(utilities, list(score_best_worst(STATEMENTS, SCREENS, simulate(utilities, 0.3, rng), SCALES)["statements"].values())) for _ in range(20)]
    high = [spearman(utilities, list(score_best_worst(STATEMENTS, SCREENS, simulate(utilities, 3.0, rng), SCALES)["statements"].values())) for _ in range(20)]
    assert np.mean(low) > np.mean(high)


def test_contradictory_answers_are_flagged():
    # Always the first position as most important and the second as least: no stable order.
    answers = {s["id"]: encode(0, 1) for s in SCREENS}
    result = score_best_worst(STATEMENTS, SCREENS, answers, SCALES)
    assert "inconsistent" in result["flags"]
    assert result["suggest_occupations"] is False


codes = st.lists(st.sampled_from(sorted(VALID_CODES)), min_size=21, max_size=21)


@settings(max_examples=60, deadline=None)
@given(codes)
def test_invariants(chosen):
    answers = {s["id"]: c for s, c in zip(SCREENS, chosen)}
    result = score_best_worst(STATEMENTS, SCREENS, answers, SCALES)
    assert sorted(result["order"]) == sorted(SCALES)
    for v in SCALES:
        value = result["values"][v]
        assert value["low"] <= value["score"] <= value["high"]
    assert abs(sum(result["statements"].values())) < 0.02  # centred, up to rounding
    assert 0 <= result["consistency"] <= 1
