"""Bradley-Terry estimation from paired comparisons, with standard errors.

Worths are estimated by Hunter's (2004) MM algorithm on log scale with a weak prior (each item also
plays one virtual draw against a reference of average strength), which keeps estimates finite when an
item always or never wins, as happens with 21 screens. Standard errors come from the inverse of the
observed information matrix with the log-worths centred to sum to zero.
"""
from __future__ import annotations

import numpy as np

PRIOR_GAMES = 1.0


def fit(n_items: int, wins: np.ndarray, iterations: int = 500, tol: float = 1e-10) -> tuple[np.ndarray, np.ndarray]:
    """`wins[i, j]` counts how often i was preferred to j. Returns centred log-worths and their covariance."""
    wins = np.asarray(wins, dtype=float)
    games = wins + wins.T
    total_wins = wins.sum(axis=1) + PRIOR_GAMES / 2
    worth = np.ones(n_items)
    for _ in range(iterations):
        pair_sum = worth[:, None] + worth[None, :]
        with np.errstate(divide="ignore", invalid="ignore"):
            denom = np.where(games > 0, games / pair_sum, 0.0).sum(axis=1) + PRIOR_GAMES / (worth + 1.0)
        updated = total_wins / denom
        updated /= np.exp(np.mean(np.log(updated)))
        if np.max(np.abs(np.log(updated) - np.log(worth))) < tol:
            worth = updated
            break
        worth = updated
    theta = np.log(worth)
    theta -= theta.mean()
    # Observed information for log-worths, including the prior's virtual games against worth 1.
    p = 1.0 / (1.0 + np.exp(-(theta[:, None] - theta[None, :])))
    w = games * p * (1 - p)
    info = -w
    np.fill_diagonal(info, w.sum(axis=1))
    prior = np.exp(theta) / (1 + np.exp(theta)) ** 2 * PRIOR_GAMES
    info[np.diag_indices(n_items)] += prior
    covariance = np.linalg.pinv(info)
    centre = np.eye(n_items) - 1.0 / n_items
    covariance = centre @ covariance @ centre
    return theta, covariance
