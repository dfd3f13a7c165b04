"""Invariants of the pure game logic, checked on the shipped content with hypothesis."""
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from karjera.game import content, rounds
from karjera.game.rounds import State

ROOT = Path(__file__).resolve().parents[2]
CONTENT = content.load(ROOT / "data" / "game", ROOT / "data" / "featured")
SEEDS = st.integers(min_value=0, max_value=2**31 - 1)


def right_options(c, r) -> list[str]:
    """Which of the options are true, judged from the content rather than from ``r.answer``."""
    if r.kind == "workplace":
        return [o for o in r.options if r.prompt in c.profession(o).workplaces]
    if r.kind == "tools":
        tools = {t.name.lv for t in c.profession(r.prompt).tools}
        return [o for o in r.options if {t.name.lv for t in c.profession(o).tools} == tools]
    if r.kind == "day":
        return [o for o in r.options if o.startswith("does:")]
    if r.kind == "subject":
        return [o for o in r.options if o in c.profession(r.prompt).helpful_subjects]
    raise AssertionError(r.kind)


@settings(max_examples=300)
@given(SEEDS)
def test_every_round_has_exactly_one_right_answer_among_distinct_options(seed):
    for r in rounds.plan(CONTENT, seed):
        assert len(r.options) == rounds.OPTIONS == len(set(r.options))
        assert right_options(CONTENT, r) == [r.answer]


@given(SEEDS)
def test_same_seed_same_game(seed):
    assert rounds.plan(CONTENT, seed) == rounds.plan(CONTENT, seed)


@given(SEEDS)
def test_a_game_has_every_kind_twice_and_different_professions(seed):
    game = rounds.plan(CONTENT, seed)
    assert [r.number for r in game] == list(range(1, rounds.ROUNDS + 1))
    assert sorted(r.kind for r in game) == sorted(rounds.KINDS * 2)
    assert len({r.profession for r in game}) == len(game)


def test_different_seeds_give_different_games():
    assert len({rounds.plan(CONTENT, seed) for seed in range(20)}) == 20


@given(SEEDS, st.lists(st.integers(min_value=0, max_value=5), min_size=1, max_size=60))
def test_playing_any_way_points_stay_in_range_and_the_game_ends(seed, picks):
    game = rounds.plan(CONTENT, seed)
    state = State(seed=seed)
    earned = []
    for pick in picks:
        if state.finished:
            break
        current = game[state.number - 1]
        # pick may also be out of range: then an invalid key, which changes nothing.
        choice = current.options[pick] if pick < len(current.options) else "nonsense"
        before = state
        state, outcome = rounds.answer(state, current, choice)
        assert state.points >= before.points >= 0
        if outcome == rounds.INVALID:
            assert state == before
        if outcome == rounds.RIGHT:
            earned.append(state.points - before.points)
            state = rounds.advance(state)
        assert state.is_valid()
    assert all(p in (0, 1, 3) for p in earned)
    assert state.points == sum(earned) <= rounds.max_points()


@given(SEEDS)
def test_always_right_at_first_try_gives_every_point_and_the_top_level(seed):
    state = State(seed=seed)
    for current in rounds.plan(CONTENT, seed):
        state, outcome = rounds.answer(state, current, current.answer)
        assert outcome == rounds.RIGHT
        state = rounds.advance(state)
    assert state.finished and state.points == rounds.max_points() and state.first_try == rounds.ROUNDS
    assert state.level == len(rounds.LEVEL_STARTS)


def test_a_wrong_choice_cannot_be_tried_twice_and_a_solved_round_is_closed():
    current = rounds.plan(CONTENT, 7)[0]
    wrong = next(o for o in current.options if o != current.answer)
    state, outcome = rounds.answer(State(seed=7), current, wrong)
    assert outcome == rounds.WRONG and state.wrong == (wrong,)
    assert rounds.answer(state, current, wrong) == (state, rounds.INVALID)
    state, outcome = rounds.answer(state, current, current.answer)
    assert outcome == rounds.RIGHT and state.points == 1
    assert rounds.answer(state, current, current.answer) == (state, rounds.INVALID)


@given(st.integers(min_value=0, max_value=30))
def test_points_never_negative(wrong_tries):
    assert rounds.points_for(wrong_tries) >= 0


def test_negative_tries_refused():
    with pytest.raises(ValueError):
        rounds.points_for(-1)


@given(st.integers(min_value=0, max_value=200), st.integers(min_value=0, max_value=200))
def test_levels_are_monotone_in_points(a, b):
    low, high = sorted((a, b))
    assert 1 <= rounds.level_for(low) <= rounds.level_for(high) <= len(rounds.LEVEL_STARTS)


@given(st.integers(min_value=0, max_value=30))
def test_next_level_is_above_the_points(points):
    nxt = rounds.next_level_at(points)
    assert nxt is None or (nxt > points and rounds.level_for(nxt) == rounds.level_for(points) + 1)


def test_states_a_link_could_forge_are_refused():
    assert State(seed=1).is_valid()
    assert not State(seed=1, points=99).is_valid()
    assert not State(seed=1, number=0).is_valid()
    assert not State(seed=1, number=12).is_valid()
    assert not State(seed=1, wrong=("a", "b", "c")).is_valid()
