"""The ability detector's adaptive mode: which task a pupil gets next, and when a part is done.

Each part with an adaptive pool gives the task with the most information at the pupil's current EAP
estimate, chosen at random among the `top` best (randomesque exposure control), until the standard
error reaches the part's target after at least `min_items` tasks, or `max_items` were given, or the pool is
used up. The random choice is seeded by the session, the part and the step, so asking again for the
next task (a retry, a reload) gives the same task. Parts without a pool are given whole, as in the
fixed form.
"""
from __future__ import annotations

import hashlib

import numpy as np

from .irt import Item, eap, next_item


def step_rng(seed: str, subtest: str, step: int) -> np.random.Generator:
    digest = hashlib.sha256(f"{seed}:{subtest}:adaptive:{step}".encode()).digest()
    return np.random.default_rng(int.from_bytes(digest[:8], "big"))


def next_position(
    pool: list[Item],
    given: list[int],
    responses: dict[int, int],
    rule: dict,
    top: int,
    rng: np.random.Generator,
) -> int | None:
    """The next pool position to give, or None when the part is done.

    `given` are the positions already given, in order; `responses` maps the answered ones that count
    (not late) to 0/1. `rule` holds pool, min_items, max_items and target_se from the instrument file.
    """
    if len(given) >= min(rule["max_items"], len(pool)):
        return None
    counted = [p for p in given if p in responses]
    theta, se = eap([pool[p] for p in counted], [responses[p] for p in counted])
    if len(counted) >= rule["min_items"] and se <= rule["target_se"]:
        return None
    return next_item(theta, pool, set(given), rng, top=top)
