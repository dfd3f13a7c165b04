"""Profile correlation, tested directly against numpy's own and for its invariants."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from karjera.guidance.matching import PER_SOURCE, correlate, fit_label, rank, top_types


def test_correlation_equals_pearson():
    rng = np.random.default_rng(7)
    matrix = rng.uniform(1, 7, size=(50, 6))
    profile = dict(zip("RIASEC", rng.uniform(0, 40, size=6)))
    expected = [np.corrcoef(list(profile.values()), row)[0, 1] for row in matrix]
    assert np.allclose(correlate(profile, matrix), expected)


def test_flat_profile_correlates_with_nothing():
    matrix = np.array([[1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1]], dtype=float)
    assert np.all(np.isnan(correlate(dict.fromkeys("RIASEC", 20), matrix)))
    assert rank(dict.fromkeys("RIASEC", 20), matrix, ["a", "b"]) == []


def test_rank_orders_by_correlation_and_caps_each_source():
    profile = {"R": 40, "I": 30, "A": 0, "S": 0, "E": 10, "C": 20}
    same = [7, 5, 1, 1, 3, 4]
    matrix = np.array([same, same, same, [1, 1, 7, 7, 1, 1], [6, 5, 1, 2, 3, 4]], dtype=float)
    sources = ["x", "x", "x", "y", "z"]
    result = rank(profile, matrix, sources, limit=10)
    indexes = [m.index for m in result]
    assert indexes[: PER_SOURCE] == [0, 1]  # the third copy of source x is skipped
    assert 2 not in indexes
    assert indexes[-1] == 3  # the opposite profile comes last
    assert result[0].fit == "strong" and result[-1].fit == "weak"
    assert [m.correlation for m in result] == sorted((m.correlation for m in result), reverse=True)


def test_fit_labels_and_top_types():
    assert [fit_label(r) for r in (0.9, 0.6, 0.3, -0.2)] == ["strong", "good", "some", "weak"]
    assert top_types({"R": 1, "I": 5, "A": 5, "S": 0, "E": 2, "C": 0}) == ["I", "A", "E"]


profiles = st.lists(st.integers(0, 40), min_size=6, max_size=6).map(lambda v: dict(zip("RIASEC", v)))


@settings(max_examples=100, deadline=None)
@given(profiles, st.floats(0.1, 10), st.floats(-5, 5))
def test_correlation_is_bounded_and_ignores_level_and_scale(profile, factor, shift):
    matrix = np.random.default_rng(1).uniform(1, 7, size=(20, 6))
    r = correlate(profile, matrix)
    finite = r[~np.isnan(r)]
    assert np.all(finite <= 1 + 1e-9) and np.all(finite >= -1 - 1e-9)
    moved = correlate({t: v * factor + shift for t, v in profile.items()}, matrix)
    assert np.allclose(r, moved, equal_nan=True)
