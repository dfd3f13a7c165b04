"""2PL IRT by simulation with fixed seeds: accuracy, calibrated intervals, adaptive efficiency."""
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from karjera.assessments.scoring.irt import Item, adaptive_run, calibrate, eap, information, level, probability


def bank(n, rng):
    return [Item(float(rng.uniform(0.8, 2.0)), float(rng.normal(0, 1))) for _ in range(n)]


def simulate(theta, items, rng):
    return [int(rng.random() < probability(theta, it.a, it.b)) for it in items]


def test_eap_on_a_full_length_subtest_correlates_and_covers():
    rng = np.random.default_rng(2026)
    items = bank(30, rng)
    truth, estimates, covered = [], [], 0
    for _ in range(600):
        theta = float(rng.normal())
        est, se = eap(items, simulate(theta, items, rng))
        truth.append(theta)
        estimates.append(est)
        covered += abs(est - theta) <= 1.96 * se
    assert np.corrcoef(truth, estimates)[0, 1] >= 0.9
    assert 0.93 <= covered / 600 <= 0.97, covered / 600


def test_adaptive_reaches_the_fixed_standard_error_with_30_percent_fewer_items():
    rng = np.random.default_rng(7)
    pool = bank(120, rng)
    fixed = pool[:30]
    thetas = rng.normal(size=200)
    fixed_se = np.mean([eap(fixed, simulate(t, fixed, rng))[1] for t in thetas])
    used = []
    for theta in thetas:
        _, _, n = adaptive_run(pool, lambda i: int(rng.random() < probability(theta, pool[i].a, pool[i].b)), fixed_se, 30, rng)
        used.append(n)
    assert np.mean(used) <= 0.7 * 30, np.mean(used)


def test_information_peaks_at_the_difficulty_and_levels():
    item = Item(1.5, 0.5)
    assert information(0.5, item) > information(-1.0, item) and information(0.5, item) > information(2.0, item)
    assert [level(t, 0.3) for t in (-1.5, 0.0, 1.5)] == ["below_average", "average", "above_average"]


def test_calibration_recovers_item_parameters():
    rng = np.random.default_rng(11)
    true = [Item(a, b) for a, b in zip(rng.uniform(0.8, 2.0, 12), np.linspace(-1.5, 1.5, 12))]
    thetas = rng.normal(size=1500)
    data = np.array([[rng.random() < probability(t, it.a, it.b) for it in true] for t in thetas], dtype=float)
    data[rng.random(data.shape) < 0.1] = np.nan  # not everyone took every item
    fitted = calibrate(data)
    assert np.corrcoef([it.b for it in true], [it.b for it in fitted])[0, 1] > 0.97
    assert np.mean([abs(f.a - t.a) for f, t in zip(fitted, true)]) < 0.3


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 1), min_size=1, max_size=20))
def test_more_correct_answers_never_lower_the_estimate(responses):
    items = [Item(1.2, b) for b in np.linspace(-2, 2, len(responses))]
    before, se = eap(items, responses)
    assert 0 < se <= 1.0
    if 0 in responses:
        improved = list(responses)
        improved[improved.index(0)] = 1
        assert eap(items, improved)[0] >= before
