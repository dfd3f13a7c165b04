"""The combined career profile: one ranking of occupations from whichever tests a pupil has taken.

Each test gives every occupation a similarity from -1 to 1 (Pearson r of profiles, as O*NET matches
people to occupations): the interest test with the occupation's O*NET interest profile, the values test
with its work-value profile, the card sort with the interest profile of the professions the pupil liked.
The combined score is a weighted sum; weights are fixed (interests 0.5, values 0.3, card sort 0.2) and
renormalised over the tests the pupil actually has, so that the contributions shown for each test add
up exactly to the score used for ranking. Occupations without the data a test needs are ranked only by
the other tests when at least half of the weight has evidence.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

WEIGHTS = {"interests": 0.5, "values": 0.3, "card_sort": 0.2}
MIN_WEIGHT_WITH_EVIDENCE = 0.5


@dataclass(frozen=True)
class Ranked:
    key: str
    score: float
    contributions: dict[str, float]


def combine(similarities: dict[str, dict[str, float]], limit: int = 30, allowed: set[str] | None = None) -> list[Ranked]:
    """`similarities[test][occupation] = r`. Returns the best occupations with each test's contribution."""
    tests = [t for t in WEIGHTS if t in similarities and similarities[t]]
    if not tests:
        return []
    total = sum(WEIGHTS[t] for t in tests)
    weights = {t: WEIGHTS[t] / total for t in tests}
    keys = set().union(*(similarities[t].keys() for t in tests))
    if allowed is not None:
        keys &= allowed
    ranked = []
    for key in keys:
        present = [t for t in tests if key in similarities[t] and not np.isnan(similarities[t][key])]
        covered = sum(weights[t] for t in present)
        if covered < MIN_WEIGHT_WITH_EVIDENCE:
            continue
        contributions = {t: round(weights[t] / covered * similarities[t][key], 4) for t in present}
        ranked.append(Ranked(key, round(sum(contributions.values()), 4), contributions))
    ranked.sort(key=lambda r: (-r.score, r.key))
    return ranked[:limit]
