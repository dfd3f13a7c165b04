"""Two-parameter logistic item response theory: EAP ability estimates, information and adaptive choice.

P(correct | θ) = 1 / (1 + exp(-a (θ - b))). Abilities are estimated by the expected a posteriori (EAP)
over a fixed grid with a standard normal prior; the posterior standard deviation is the standard error.
The adaptive mode gives the next item with the most Fisher information at the current estimate, chosen
at random among the best few ("randomesque" exposure control) so that the same items are not shown to
every pupil, and stops when the standard error reaches a target or the item budget is spent.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

GRID = np.linspace(-4.0, 4.0, 81)
PRIOR = np.exp(-0.5 * GRID**2)
PRIOR /= PRIOR.sum()


@dataclass(frozen=True)
class Item:
    a: float
    b: float


def probability(theta, a, b):
    return 1.0 / (1.0 + np.exp(-np.asarray(a) * (np.asarray(theta) - np.asarray(b))))


def information(theta: float, item: Item) -> float:
    p = probability(theta, item.a, item.b)
    return float(item.a**2 * p * (1 - p))


def eap(items: list[Item], responses: list[int]) -> tuple[float, float]:
    """EAP estimate and posterior SD for 0/1 responses; items left out contribute nothing."""
    log_like = np.zeros_like(GRID)
    for item, x in zip(items, responses):
        p = probability(GRID, item.a, item.b)
        log_like += np.log(p) if x else np.log1p(-p)
    posterior = PRIOR * np.exp(log_like - log_like.max())
    posterior /= posterior.sum()
    mean = float((GRID * posterior).sum())
    sd = float(np.sqrt(((GRID - mean) ** 2 * posterior).sum()))
    return mean, sd


def next_item(theta: float, bank: list[Item], used: set[int], rng: np.random.Generator, top: int = 3) -> int | None:
    """Index of the next item: random among the `top` most informative unused ones."""
    candidates = [(information(theta, item), i) for i, item in enumerate(bank) if i not in used]
    if not candidates:
        return None
    candidates.sort(reverse=True)
    best = candidates[: max(1, top)]
    return best[int(rng.integers(len(best)))][1]


def adaptive_run(bank: list[Item], answer, target_se: float, max_items: int, rng: np.random.Generator) -> tuple[float, float, int]:
    """Run an adaptive test with `answer(index) -> 0/1`; returns estimate, SE and items used."""
    used: list[int] = []
    responses: list[int] = []
    theta, se = 0.0, 1.0
    while len(used) < max_items and se > target_se:
        index = next_item(theta, bank, set(used), rng)
        if index is None:
            break
        used.append(index)
        responses.append(answer(index))
        theta, se = eap([bank[i] for i in used], responses)
    return theta, se, len(used)


def level(theta: float, se: float) -> str:
    """A level a pupil can read, from the estimate on the provisional norm N(0, 1)."""
    if theta < -0.67:
        return "below_average"
    if theta > 0.67:
        return "above_average"
    return "average"


def calibrate(responses: np.ndarray, iterations: int = 60) -> list[Item]:
    """Fit 2PL item parameters by marginal maximum likelihood (EM over the grid) from a people × items
    matrix of 0/1 answers with NaN where an item was not taken. Used by the `calibrate` command."""
    n_people, n_items = responses.shape
    a = np.ones(n_items)
    b = np.zeros(n_items)
    taken = ~np.isnan(responses)
    x = np.nan_to_num(responses)
    for _ in range(iterations):
        p = probability(GRID[None, :, None], a[None, None, :], b[None, None, :])  # 1 × grid × items
        log_like = (taken[:, None, :] * (x[:, None, :] * np.log(p) + (1 - x[:, None, :]) * np.log1p(-p))).sum(axis=2)
        post = PRIOR[None, :] * np.exp(log_like - log_like.max(axis=1, keepdims=True))
        post /= post.sum(axis=1, keepdims=True)  # people × grid
        for j in range(n_items):
            weights = post[taken[:, j]]
            if weights.size == 0:
                continue
            expected_n = weights.sum(axis=0)
            expected_r = (weights * x[taken[:, j], j][:, None]).sum(axis=0)
            for _ in range(5):  # Newton steps on (a, b) for this item
                pj = probability(GRID, a[j], b[j])
                residual = expected_r - expected_n * pj
                w = expected_n * pj * (1 - pj)
                d = GRID - b[j]
                grad = np.array([(residual * d).sum(), (-a[j] * residual).sum()])
                hess = np.array([[-(w * d * d).sum(), (a[j] * w * d).sum()], [(a[j] * w * d).sum(), -(a[j] ** 2 * w).sum()]])
                try:
                    step = np.linalg.solve(hess, grad)
                except np.linalg.LinAlgError:
                    break
                a[j] = float(np.clip(a[j] - step[0], 0.2, 4.0))
                b[j] = float(np.clip(b[j] - step[1], -4.0, 4.0))
    return [Item(float(a[j]), float(b[j])) for j in range(n_items)]
