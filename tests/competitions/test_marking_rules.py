"""The pure competition rules on hand-computed cases, and their invariants."""
from datetime import date
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from karjera.competitions import marking as m


def aspect(code="A1", kind=m.MEASUREMENT, max_mark="5", method=m.FULL_OR_NONE, day=1):
    return m.AspectSpec(code, kind, D(max_mark), method, day)


# ---- schemes and aspect marks --------------------------------------------------------------------


def test_scheme_of_exactly_100_is_valid():
    scheme = [
        m.SubCriterionSpec("A", (aspect("A1", max_mark="40"), aspect("A2", m.JUDGEMENT, "20.50"))),
        m.SubCriterionSpec("B", (aspect("B1", max_mark="39.50", method=m.DEDUCTION, day=2),)),
    ]
    assert m.scheme_problems(scheme) == []


def test_scheme_problems_are_named():
    scheme = [
        m.SubCriterionSpec("A", (aspect("A1", max_mark="40"), aspect("A1", max_mark="0.005"))),
        m.SubCriterionSpec("B", ()),
    ]
    problems = m.scheme_problems(scheme)
    assert "Aspect code A1 is used twice." in problems
    assert "Sub-criterion B has no aspects." in problems
    assert any("two decimals" in p for p in problems)
    assert any("not 100" in p for p in problems)
    assert m.scheme_problems([]) == ["The scheme has no sub-criteria."]


def test_measurement_full_or_none():
    a = aspect(max_mark="2.50")
    assert m.measurement_mark(a, "2.5") == D("2.50")
    assert m.measurement_mark(a, 0) == D("0.00")
    with pytest.raises(m.MarkingError):
        m.measurement_mark(a, "1")


def test_measurement_by_deduction():
    a = aspect(max_mark="4", method=m.DEDUCTION)
    assert m.measurement_mark(a, "3.25") == D("3.25")
    for bad in ("4.01", "-0.5", "1.005", "nan", "Infinity", "x"):
        with pytest.raises(m.MarkingError):
            m.measurement_mark(a, bad)


def test_judgement_mark_is_mean_over_three_times_max():
    a = aspect(kind=m.JUDGEMENT, max_mark="6")
    # (2 + 3 + 2) / 3 = 2.333… ; / 3 × 6 = 4.666… → 4.67
    assert m.judgement_mark(a, [2, 3, 2]) == D("4.67")
    assert m.judgement_mark(a, [3, 3, 3]) == D("6.00")
    assert m.judgement_mark(a, [0, 0, 0]) == D("0.00")
    for bad in ([1, 2], [1, 2, 4], [1, 2, -1], [1, 2, 2.5], [True, 1, 1], [1, 1, 1, 1]):
        with pytest.raises(m.MarkingError):
            m.judgement_mark(a, bad)


def test_judges_more_than_one_point_apart_are_flagged():
    assert m.judges_inconsistent([0, 2, 1])
    assert m.judges_inconsistent([3, 1, 3])
    assert not m.judges_inconsistent([2, 3, 2])
    assert not m.judges_inconsistent([1, 1, 1])


# ---- standardisation, ranks, medals -------------------------------------------------------------


def test_standardise_five_competitors_by_hand():
    # median 80, population sd = sqrt((400 + 100 + 0 + 100 + 400) / 5) = 14.142
    assert m.standardise([60, 70, 80, 90, 100]) == [559, 629, 700, 771, 841]


def test_three_competitor_skill_by_hand():
    # median 60; mean 65; sd = sqrt((225 + 25 + 400) / 3) = 14.720
    # 50 → 700 − 1000/14.720 = 632.06; 85 → 700 + 2500/14.720 = 869.84
    assert m.standardise([50, 60, 85]) == [632, 700, 870]
    placed = m.results([("a", D(50)), ("b", D(60)), ("c", D(85))])
    assert [(p.key, p.rank, p.medal) for p in placed] == [("c", 1, m.GOLD), ("b", 2, m.SILVER), ("a", 3, m.BRONZE)]


def test_all_equal_and_single_competitor_sit_at_700():
    assert m.standardise([55, 55, 55]) == [700, 700, 700]
    assert m.standardise([42]) == [700]
    assert m.standardise([]) == []


def test_sd_floor_keeps_near_ties_calm():
    # sd = 0.5 < floor 2: 0.5 mark above the median is 25 points, not 100
    assert m.standardise([70, 71]) == [675, 725]


def test_ties_share_rank_and_medal_next_place_skipped():
    raw = [D("80"), D("80.03"), D("75"), D("75"), D("70"), D("69")]
    assert m.ranks(raw) == [1, 1, 3, 3, 5, 6]
    placed = {p.key: p for p in m.results(zip("abcdef", raw))}
    assert placed["a"].medal == placed["b"].medal == m.GOLD
    assert placed["c"].medal == placed["d"].medal == m.BRONZE
    assert not any(p.medal == m.SILVER for p in placed.values())
    assert placed["e"].medal is None  # below 700


def test_tie_groups_do_not_chain():
    # 80.00 and 79.96 tie; 79.92 is within 0.05 of 79.96 but not of the group's top
    assert m.ranks([D("80"), D("79.96"), D("79.92")]) == [1, 1, 3]


def test_tied_competitors_share_the_medallion():
    # 70.50 is the median (700); 70.46 ties with it at rank 4 and shares the Medallion for Excellence
    raw = [75, 74, 73, D("70.50"), D("70.50"), D("70.46"), 67, 66, 65]
    placed = {p.key: p for p in m.results(zip("abcdefghi", raw))}
    assert placed["d"].rank == placed["f"].rank == 4 and placed["d"].standardised == 700
    assert placed["f"].standardised < 700
    assert placed["f"].medal == placed["d"].medal == m.EXCELLENCE_MEDALLION


def test_medallion_for_excellence_at_700_or_more():
    raw = [90, 85, 80, 78, 75, 60, 50]
    placed = {p.key: p for p in m.results(zip("abcdefg", raw))}
    assert placed["d"].standardised == 700 and placed["d"].medal == m.EXCELLENCE_MEDALLION
    assert placed["e"].standardised < 700 and placed["e"].medal is None
    assert [placed[k].medal for k in "abc"] == [m.GOLD, m.SILVER, m.BRONZE]


# ---- who takes part -----------------------------------------------------------------------------


def test_age_on_the_first_day():
    first = date(2026, 4, 20)
    assert m.age_problem(date(2003, 4, 21), first, None, 22) is None  # 22 until the day after
    assert "limit is 22" in m.age_problem(date(2003, 4, 20), first, None, 22)  # turns 23
    assert m.age_problem(date(2009, 4, 20), first, 17, 25) is None
    assert "minimum is 17" in m.age_problem(date(2009, 4, 21), first, 17, 25)


def test_semi_final_from_ten_applicants():
    assert not m.holds_semi_final(9)
    assert m.holds_semi_final(10)


def test_finalists_best_eight_and_ties_at_the_cut():
    raw = [95, 90, 88, 85, 80, 79, 77, 70, 70, 65, 60]
    placed = m.results(zip(range(11), raw))
    assert sorted(m.finalists(placed)) == [0, 1, 2, 3, 4, 5, 6, 7, 8]  # two at 8th place both go
    assert sorted(m.finalists(placed[:5])) == [0, 1, 2, 3, 4]


# ---- invariants ---------------------------------------------------------------------------------

raws = st.lists(st.decimals(min_value=0, max_value=100, places=2), min_size=1, max_size=40)


@given(raws)
def test_standardise_keeps_order_and_median(values):
    std = m.standardise(values)
    for i in range(len(values)):
        for j in range(len(values)):
            if values[i] < values[j]:
                assert std[i] <= std[j]
    if len(values) % 2:
        median = sorted(values)[len(values) // 2]
        assert all(s == 700 for v, s in zip(values, std) if v == median)


@given(raws, st.decimals(min_value=-50, max_value=50, places=2))
def test_standardise_ignores_a_shift_of_all_marks(values, shift):
    # within one whole point: the sd is a float and a shift may move a score across a rounding edge
    shifted = m.standardise([v + shift for v in values])
    assert all(abs(a - b) <= 1 for a, b in zip(m.standardise(values), shifted))


@given(raws)
def test_ranks_and_medals_are_consistent(values):
    placed = m.results(enumerate(values))
    assert placed[0].rank == 1 and placed[0].medal == m.GOLD
    for better, worse in zip(placed, placed[1:]):
        assert better.rank <= worse.rank
        assert better.raw >= worse.raw
    for p in placed:
        assert 1 <= p.rank <= len(values)
        assert (p.medal in (m.GOLD, m.SILVER, m.BRONZE)) == (p.rank <= 3)
        if p.medal == m.EXCELLENCE_MEDALLION:  # earned by the best of the tie group
            assert max(q.standardised for q in placed if q.rank == p.rank) >= 700
        elif p.medal is None:
            assert p.standardised < 700
    by_rank = {}
    for p in placed:
        by_rank.setdefault(p.rank, set()).add(p.medal)
    assert all(len(medals) == 1 for medals in by_rank.values())


@given(st.lists(st.integers(0, 3), min_size=3, max_size=3), st.decimals(min_value="0.01", max_value=100, places=2))
def test_judgement_mark_within_bounds(scores, maximum):
    a = aspect(kind=m.JUDGEMENT, max_mark=maximum)
    mark = m.judgement_mark(a, scores)
    assert D(0) <= mark <= maximum


@given(raws, st.integers(1, 12))
def test_finalists_cover_the_places(values, places):
    placed = m.results(enumerate(values))
    chosen = m.finalists(placed, places)
    assert len(chosen) >= min(places, len(values))
    worst_in = min(p.raw for p in placed if p.key in chosen)
    assert all(p.raw <= worst_in + m.TIE_TOLERANCE for p in placed if p.key not in chosen)
