"""Rounds, points and levels of the game "Kļūšu par profesionāli" (pure: no Django import).

A game is a seed. From it :func:`plan` draws the rounds: which kind, which profession, which options in
which order. The same seed and content always give the same game, so the pages keep only the seed, the
round number and the points (see :class:`State`), never anything about the child.

Round kinds, each with ``OPTIONS`` options of which exactly one is right:

* ``workplace`` – a workplace is shown; which profession works here? Wrong options are professions that
  do not work there (neither their main workplace nor one of ``also_works_in``).
* ``tools`` – three tools are shown; whose are they? Wrong options are other professions (no two
  professions have the same three tools).
* ``day`` – a profession is shown; what does this person do at work? One of its ``does`` statements and
  two of its ``does_not`` statements.
* ``subject`` – a profession is shown; which school subject helps most? Its ``subject`` and two subjects
  that are neither it nor one of ``also_helps``.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, replace

from .content import ROUND_KINDS, Content

KINDS = ROUND_KINDS
ROUNDS = 8
OPTIONS = 3
# Points for a round answered right after 0, 1, 2, ... wrong tries.
POINTS_BY_WRONG_TRIES = (3, 1)
# Level n (1-based) starts at LEVEL_STARTS[n - 1] points.
LEVEL_STARTS = (0, 5, 10, 15, 21)


@dataclass(frozen=True)
class Round:
    kind: str
    number: int  # 1-based
    profession: str  # id of the profession the round is about (the right answer or the one shown)
    prompt: str  # workplace key (workplace rounds) or profession id (the others)
    options: tuple[str, ...]  # keys: profession ids, "does:<i>"/"not:<i>" statements, subject keys
    answer: str


def _rng(seed: int, salt: str = "") -> random.Random:
    return random.Random(f"karjera-game:{seed}:{salt}")


def kinds_for(seed: int, rounds: int = ROUNDS) -> list[str]:
    """Every kind once in each block of four, in a shuffled order."""
    rng = _rng(seed, "kinds")
    kinds: list[str] = []
    while len(kinds) < rounds:
        block = list(KINDS)
        rng.shuffle(block)
        kinds += block
    return kinds[:rounds]


def _round(content: Content, kind: str, number: int, profession, rng: random.Random) -> Round:
    others = [p for p in content.professions if p.id != profession.id]
    if kind == "workplace":
        prompt = profession.workplace
        wrong = [p.id for p in others if prompt not in p.workplaces]
        options = [profession.id, *rng.sample(wrong, OPTIONS - 1)]
        answer = profession.id
    elif kind == "tools":
        prompt = profession.id
        options = [profession.id, *rng.sample([p.id for p in others], OPTIONS - 1)]
        answer = profession.id
    elif kind == "day":
        prompt = profession.id
        answer = f"does:{rng.randrange(len(profession.does))}"
        wrong = rng.sample(range(len(profession.does_not)), OPTIONS - 1)
        options = [answer, *(f"not:{i}" for i in wrong)]
    elif kind == "subject":
        prompt = profession.id
        answer = profession.subject
        wrong = [key for key in content.subjects if key not in profession.helpful_subjects]
        options = [answer, *rng.sample(wrong, OPTIONS - 1)]
    else:
        raise ValueError(f"unknown round kind {kind!r}")
    rng.shuffle(options)
    return Round(kind, number, profession.id, prompt, tuple(options), answer)


def plan(content: Content, seed: int, rounds: int = ROUNDS) -> tuple[Round, ...]:
    """All rounds of the game ``seed``: different professions while there are enough of them."""
    if rounds < 1:
        raise ValueError("a game has at least one round")
    rng = _rng(seed, "professions")
    pool = list(content.professions)
    chosen = []
    while len(chosen) < rounds:
        rng.shuffle(pool)
        chosen += pool
    return tuple(
        _round(content, kind, number, profession, _rng(seed, f"round:{number}"))
        for number, (kind, profession) in enumerate(zip(kinds_for(seed, rounds), chosen[:rounds]), start=1)
    )


def points_for(wrong_tries: int) -> int:
    """Points for a right answer after ``wrong_tries`` wrong ones: 3, then 1, then 0; never negative."""
    if wrong_tries < 0:
        raise ValueError("wrong_tries cannot be negative")
    return POINTS_BY_WRONG_TRIES[wrong_tries] if wrong_tries < len(POINTS_BY_WRONG_TRIES) else 0


def max_points(rounds: int = ROUNDS) -> int:
    return rounds * POINTS_BY_WRONG_TRIES[0]


def level_for(points: int) -> int:
    """The level (1-5) reached with ``points``; never lower for more points."""
    return max(1, sum(1 for start in LEVEL_STARTS if points >= start))


def next_level_at(points: int) -> int | None:
    """Points needed for the next level, or None at the top level."""
    later = [start for start in LEVEL_STARTS if start > points]
    return later[0] if later else None


# ---- the state of one game -------------------------------------------------------------------------


@dataclass(frozen=True)
class State:
    """All the game keeps: no name, no answers of earlier rounds, nothing about the child."""

    seed: int
    number: int = 1  # the current round; ``rounds + 1`` once the game is over
    points: int = 0
    wrong: tuple[str, ...] = ()  # options already tried wrongly in the current round
    solved: bool = False  # the current round has been answered right
    first_try: int = 0  # rounds answered right at the first try
    rounds: int = ROUNDS

    @property
    def finished(self) -> bool:
        return self.number > self.rounds

    @property
    def level(self) -> int:
        return level_for(self.points)

    def is_valid(self) -> bool:
        """A state the game itself could have produced (checked when read back from a link)."""
        return (
            1 <= self.rounds <= 50 and 1 <= self.number <= self.rounds + 1
            and 0 <= self.points <= max_points(self.number if self.solved else self.number - 1)
            and 0 <= self.first_try <= self.number and len(self.wrong) < OPTIONS
            and not (self.finished and (self.solved or self.wrong))
        )


RIGHT, WRONG, INVALID = "right", "wrong", "invalid"


def answer(state: State, current: Round, choice: str) -> tuple[State, str]:
    """Check ``choice`` for the current round: right (points added, round solved), wrong (marked, try
    again) or invalid (not an option, already tried, or the round is already solved; nothing changes)."""
    if state.finished or state.solved or current.number != state.number:
        return state, INVALID
    if choice not in current.options or choice in state.wrong:
        return state, INVALID
    if choice == current.answer:
        return replace(state, points=state.points + points_for(len(state.wrong)), solved=True,
                       first_try=state.first_try + (not state.wrong)), RIGHT
    return replace(state, wrong=(*state.wrong, choice)), WRONG


def advance(state: State) -> State:
    """Go on to the next round once the current one is solved (the last one ends the game)."""
    if not state.solved:
        return state
    return replace(state, number=state.number + 1, wrong=(), solved=False)
