"""Scoring the values test: best-worst choices on balanced screens, weighed with Bradley-Terry.

On a screen of five statements, the one chosen as most important is taken as preferred to the other
four, and each of the three in the middle as preferred to the one chosen as least important (seven
paired comparisons a screen). Statement worths come from Bradley-Terry; a value's score is the mean
log-worth of its statements, with a standard error from their covariance. Scores are shown on a 0-100
scale where 50 is the pupil's own average, so they describe an order within one person, not a level
to compare between people.
"""
from __future__ import annotations

import math

import numpy as np

from . import bradley_terry

SCREEN_SIZE = 5
SCALE = 12.5  # points per log-worth unit on the 0-100 display scale (50 ± 4 log units)


def encode(best: int, worst: int) -> int:
    """One integer per answer to a screen: positions of the most and least important statement."""
    if best == worst or not (0 <= best < SCREEN_SIZE and 0 <= worst < SCREEN_SIZE):
        raise ValueError("best and worst must be two different positions on the screen")
    return best * SCREEN_SIZE + worst


def decode(value: int) -> tuple[int, int]:
    return divmod(value, SCREEN_SIZE)


VALID_CODES = frozenset(encode(b, w) for b in range(SCREEN_SIZE) for w in range(SCREEN_SIZE) if b != w)


def comparisons(screens: list[list[str]], answers: dict[str, int], screen_ids: list[str]) -> list[tuple[str, str]]:
    pairs = []
    for screen_id, statements in zip(screen_ids, screens):
        best, worst = decode(answers[screen_id])
        for position, statement in enumerate(statements):
            if position != best:
                pairs.append((statements[best], statement))
            if position not in (best, worst):
                pairs.append((statement, statements[worst]))
    return pairs


def score_best_worst(statements: list[dict], screens: list[dict], answers: dict[str, int], scales: list[str]) -> dict:
    ids = [s["id"] for s in statements]
    index = {sid: i for i, sid in enumerate(ids)}
    wins = np.zeros((len(ids), len(ids)))
    pairs = comparisons([s["statements"] for s in screens], answers, [s["id"] for s in screens])
    for winner, loser in pairs:
        wins[index[winner], index[loser]] += 1
    theta, covariance = bradley_terry.fit(len(ids), wins)

    # Consistency: how many comparisons agree with the fitted order, and statements chosen both ways.
    agree = sum(theta[index[w]] >= theta[index[l]] for w, l in pairs) / len(pairs)
    chosen_best, chosen_worst = set(), set()
    for screen in screens:
        best, worst = decode(answers[screen["id"]])
        chosen_best.add(screen["statements"][best])
        chosen_worst.add(screen["statements"][worst])
    both_ways = len(chosen_best & chosen_worst)

    values = {}
    for scale in scales:
        members = [index[s["id"]] for s in statements if s["scale"] == scale]
        weights = np.zeros(len(ids))
        weights[members] = 1.0 / len(members)
        mean = float(weights @ theta)
        se = float(math.sqrt(max(weights @ covariance @ weights, 0.0)))
        values[scale] = {
            "score": round(50 + SCALE * mean, 1),
            "low": round(50 + SCALE * (mean - 1.96 * se), 1),
            "high": round(50 + SCALE * (mean + 1.96 * se), 1),
            "se": round(SCALE * se, 2),
        }
    order = sorted(scales, key=lambda s: (-values[s]["score"], scales.index(s)))
    flags = []
    if agree < 0.7 or both_ways >= 3:
        flags.append("inconsistent")
    top, second = values[order[0]], values[order[1]]
    if top["score"] - second["score"] < 1.96 * math.hypot(top["se"], second["se"]) / 2:
        flags.append("close_top")
    return {
        "method": "best_worst",
        "values": values,
        "order": order,
        "statements": {sid: round(float(theta[index[sid]]), 3) for sid in ids},
        "consistency": round(agree, 3),
        "chosen_both_ways": both_ways,
        "flags": flags,
        "profile": {s: values[s]["score"] for s in scales},
        "suggest_occupations": "inconsistent" not in flags,
    }
