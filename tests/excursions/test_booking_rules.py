"""The pure rules: hand-computed cases and properties."""
from datetime import datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from karjera.excursions import booking_rules as br

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=timezone.utc)
LATER = NOW + timedelta(days=7)


def slot(capacity, held, starts_at=LATER):
    return br.SlotFacts(capacity=capacity, held=held, starts_at=starts_at)


def test_capacity_hand_cases():
    assert br.place_request(slot(30, 0), 25, NOW) == br.OK
    assert br.place_request(slot(30, 25), 5, NOW) == br.OK  # exactly the last five places
    assert br.place_request(slot(30, 25), 6, NOW) == br.FULL
    assert br.place_request(slot(30, 30), 1, NOW) == br.FULL
    assert br.place_request(slot(30, 0), 0, NOW) == br.TOO_SMALL
    assert br.place_request(slot(30, 0), 4, NOW, min_group=5) == br.TOO_SMALL
    assert br.place_request(slot(60, 0), 26, NOW, max_group=25) == br.TOO_LARGE
    assert br.place_request(slot(30, 0), 5, NOW, max_group=25) == br.OK
    assert br.place_request(slot(30, 0, starts_at=NOW), 5, NOW) == br.STARTED
    assert br.free_places(10, 12) == 0


@given(st.integers(0, 200), st.lists(st.integers(-3, 60), max_size=40))
def test_capacity_never_oversold(capacity, groups):
    held = 0
    for size in groups:
        if br.place_request(slot(capacity, held), size, NOW) == br.OK:
            held += size
        assert 0 <= held <= capacity
    # and whatever was refused as full really did not fit
    for size in groups:
        if 0 < size and br.place_request(slot(capacity, held), size, NOW) == br.FULL:
            assert size > capacity - held


def test_cancellation_hand_cases():
    start = NOW + timedelta(hours=72)
    assert br.cancellation(br.SCHOOL, True, start, NOW) == br.CANCEL_OK
    assert br.cancellation(br.SCHOOL, True, start, start - timedelta(hours=48)) == br.CANCEL_OK  # exactly 48 h before
    assert br.cancellation(br.SCHOOL, True, start, start - timedelta(hours=47, minutes=59)) == br.CANCEL_LATE
    assert br.cancellation(br.SCHOOL, True, start, start) == br.CANCEL_TOO_LATE
    assert br.cancellation(br.HOST, True, start, NOW) == br.CANCEL_NEEDS_REASON
    assert br.cancellation(br.HOST, True, start, NOW, "  ") == br.CANCEL_NEEDS_REASON
    assert br.cancellation(br.HOST, True, start, start - timedelta(hours=1), "Slimība") == br.CANCEL_OK
    assert br.cancellation(br.HOST, False, start, NOW, "x") == br.CANCEL_NOT_ACTIVE


def test_feedback_window():
    end = NOW + timedelta(hours=2)
    assert not br.feedback_open(True, end, NOW, False)
    assert br.feedback_open(True, end, end, False)
    assert not br.feedback_open(True, end, end, True)
    assert not br.feedback_open(False, end, end, False)


def app(id, grade, minutes, *choices):
    return br.ShadowApplication(id, grade, NOW + timedelta(minutes=minutes), tuple(choices))


def test_shadow_assignment_hand_computed():
    # place 1: one place, grades 9-12; place 2: two places, grades 7-12; place 3: grades 11-12 only
    places = [br.ShadowPlace(1, 1, 9, 12), br.ShadowPlace(2, 2, 7, 12), br.ShadowPlace(3, 1, 11, 12)]
    deadline = NOW + timedelta(days=1)
    applications = [
        app(10, 9, 0, 1, 2),  # earliest grade 9
        app(11, 12, 30, 1),  # grade 12 chooses before all grade 9s: takes place 1
        app(12, 9, 10, 1, 2),  # place 1 gone, gets place 2
        app(13, 8, 5, 3, 2),  # place 3 does not take grade 8; place 2 has one left after 10 and 12? see order
        app(14, 10, 2000, 2),  # after the deadline: no part
        app(15, 11, 20, 2, 3),  # grade 11: second in order, takes place 2
    ]
    # order: 11 (g12), 15 (g11), 10 (g9, 0 min), 12 (g9, 10 min), 13 (g8)
    # 11 → 1; 15 → 2 (1 left); 10 → 1 full → 2 (0 left); 12 → 1 full, 2 full → None; 13 → 3 wrong grade, 2 full → None
    assert br.assign_shadow_places(places, applications, deadline) == {11: 1, 15: 2, 10: 2, 12: None, 13: None}


@st.composite
def shadow_cases(draw):
    n_places = draw(st.integers(1, 5))
    places = [br.ShadowPlace(p, draw(st.integers(0, 3)), g := draw(st.integers(5, 12)), draw(st.integers(g, 12)))
              for p in range(1, n_places + 1)]
    apps = []
    for a in range(draw(st.integers(0, 15))):
        choices = draw(st.lists(st.integers(1, n_places + 1), min_size=1, max_size=3, unique=True))
        apps.append(app(100 + a, draw(st.integers(5, 12)), draw(st.integers(0, 100)), *choices))
    return places, apps


@given(shadow_cases())
def test_shadow_assignment_properties(case):
    places, apps = case
    deadline = NOW + timedelta(minutes=80)
    outcome = br.assign_shadow_places(places, apps, deadline)
    by_place = {p.id: p for p in places}
    on_time = {a.id: a for a in apps if a.submitted_at <= deadline}
    assert set(outcome) == set(on_time)  # late applications take no part
    for place in places:  # capacity never exceeded
        assert sum(1 for p in outcome.values() if p == place.id) <= place.capacity
    for a_id, p_id in outcome.items():  # only a listed, grade-fitting place
        if p_id is not None:
            assert p_id in on_time[a_id].choices
            assert by_place[p_id].grade_from <= on_time[a_id].grade <= by_place[p_id].grade_to
    # stability: no pupil prefers a place that still had room or went to someone later in the order
    order = sorted(on_time.values(), key=br.shadow_priority)
    rank = {a.id: i for i, a in enumerate(order)}
    for a in on_time.values():
        got = outcome[a.id]
        better = a.choices[: a.choices.index(got)] if got is not None else a.choices
        for p_id in better:
            place = by_place.get(p_id)
            if place is None or not place.grade_from <= a.grade <= place.grade_to:
                continue
            holders = [b for b, p in outcome.items() if p == p_id]
            assert len(holders) == place.capacity and all(rank[b] < rank[a.id] for b in holders)
    assert br.assign_shadow_places(places, list(reversed(apps)), deadline) == outcome  # input order does not matter


def test_valid_choices():
    assert br.valid_choices([3])
    assert br.valid_choices([3, 1, 2])
    assert not br.valid_choices([])
    assert not br.valid_choices([1, 1])
    assert not br.valid_choices([1, 2, 3, 4])
