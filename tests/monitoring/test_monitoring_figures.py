"""The programme's arithmetic, checked by hand and by property."""
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from karjera.monitoring import figures

ELIGIBLE = D("23618650.92")
SHARES = {"esf": D("0.85"), "state": D("0.15")}


def test_absorption_percentages_as_reported():
    assert figures.percent(D("22377987.22"), ELIGIBLE) == D("94.75")
    assert figures.percent(D("22796657.00"), ELIGIBLE) == D("96.52")
    assert figures.percent(1, 0) is None


def test_remainders_per_source_by_hand():
    # 23,618,650.92 - 22,796,657.00 = 821,993.92; 85 % = 698,694.832 → .83, 15 % = 123,299.088 → .09
    left = figures.remainder(ELIGIBLE, D("22796657.00"))
    assert left == D("821993.92")
    assert figures.split(left, SHARES) == {"esf": D("698694.83"), "state": D("123299.09")}
    # 23,618,650.92 - 22,377,987.22 = 1,240,663.70; 85 % = 1,054,564.145, 15 % = 186,099.555: both drop
    # half a cent, the one cent left goes to the larger share
    assert figures.split(figures.remainder(ELIGIBLE, D("22377987.22")), SHARES) == {"esf": D("1054564.15"), "state": D("186099.55")}
    # the eligible costs: 85 % = 20,075,853.282, 15 % = 3,542,797.638
    assert figures.split(ELIGIBLE, SHARES) == {"esf": D("20075853.28"), "state": D("3542797.64")}


def test_achievement_and_completion():
    assert figures.achievement(328, 430) == D("131.10")
    assert figures.achievement(7, 6) == D("85.71")
    assert figures.completion_rate(3, 2) == D("66.7")
    assert figures.completion_rate(0, 0) is None


def test_formatting_in_both_languages():
    nb = "\u00a0"
    assert figures.format_number(ELIGIBLE, 2, "lv") == f"23{nb}618{nb}650,92"
    assert figures.format_number(ELIGIBLE, 2, "en") == "23,618,650.92"
    assert figures.format_percent(D("94.75"), 2, "lv") == f"94,75{nb}%"
    assert figures.format_percent(D("96.52"), 2, "en") == "96.52%"
    assert figures.format_number(328, 0, "lv") == "328"


def test_floats_are_refused():
    with pytest.raises(TypeError):
        figures.percent(0.1, 1)


def test_split_refuses_bad_shares():
    with pytest.raises(ValueError):
        figures.split(D("10"), {"a": D("0.5"), "b": D("0.4")})
    with pytest.raises(ValueError):
        figures.split(D("10"), {})


def test_sustainability_summary():
    criteria = ["a", "b"]
    out = figures.sustainability([{"a": True, "b": True}, {"a": True, "b": False}, {"a": True}], criteria)
    assert out["received"] == 3 and out["sustained"] == 1
    assert out["criteria"]["a"] == {"met": 3, "not_met": 0, "percent": D("100.0")}
    assert out["criteria"]["b"]["met"] == 1 and out["criteria"]["b"]["percent"] == D("33.3")


def test_bar_widths():
    assert figures.bar_widths([328, 430]) == [76.3, 100.0]
    assert figures.bar_widths([0, 0]) == [0.0, 0.0]
    assert figures.bar_widths([D("22377987.22")], ELIGIBLE) == [94.7]


cents = st.integers(min_value=-10**13, max_value=10**13).map(lambda c: D(c) / 100)
share_lists = st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=6).filter(lambda xs: sum(xs) > 0)


@given(cents, share_lists)
def test_split_adds_up_exactly_and_stays_within_a_cent(amount, weights):
    total = sum(weights)
    # shares in basis points that sum to exactly 1
    points = [w * 10_000 // total for w in weights]
    points[0] += 10_000 - sum(points)
    shares = {f"s{i}": D(p) / 10_000 for i, p in enumerate(points)}
    parts = figures.split(amount, shares)
    assert sum(parts.values()) == amount
    for k, v in parts.items():
        assert abs(v - amount * shares[k]) < D("0.01")
        assert v == v.quantize(D("0.01"))


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=10**9))
def test_percent_matches_exact_fraction(part, whole):
    p = figures.percent(part, whole)
    assert abs(p - D(part) * 100 / D(whole)) <= D("0.005")


@given(cents, cents)
def test_remainder_plus_used_is_total(total, used):
    assert figures.remainder(total, used) + used == total
