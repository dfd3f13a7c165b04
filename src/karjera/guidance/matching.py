"""Match a person's RIASEC profile to occupations as O*NET does: by correlating the profiles.

Pure numpy; the Django layer hands in the occupation matrix. Pearson correlation compares the shape
of two profiles (which types stand out) regardless of their level, so a pupil's raw scores (0-40)
and O*NET's occupational interest ratings (1-7) compare directly.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

TYPES = "RIASEC"
FIT_BANDS = ((0.75, "strong"), (0.5, "good"), (0.25, "some"))
# At most this many occupations whose profile came from the same O*NET source, so that one O*NET
# occupation crosswalked to many ESCO ones does not fill the whole list.
PER_SOURCE = 2


@dataclass(frozen=True)
class Match:
    index: int
    correlation: float
    fit: str


def fit_label(r: float) -> str:
    for threshold, label in FIT_BANDS:
        if r >= threshold:
            return label
    return "weak"


def correlate(profile: dict[str, float], matrix: np.ndarray) -> np.ndarray:
    """Pearson r of one profile against every row of an (n, 6) matrix; NaN where undefined."""
    raw = np.array([profile[t] for t in TYPES], dtype=float)
    if np.ptp(raw) <= 1e-9 * max(1.0, float(np.abs(raw).max())):
        return np.full(len(matrix), np.nan)  # a flat profile correlates with nothing (rounding aside)
    p = raw - raw.mean()
    m = matrix - matrix.mean(axis=1, keepdims=True)
    denominator = np.sqrt((m * m).sum(axis=1) * (p * p).sum())
    with np.errstate(invalid="ignore", divide="ignore"):
        r = (m @ p) / denominator
    r[denominator == 0] = np.nan
    return r


def rank(profile: dict[str, float], matrix: np.ndarray, sources: list[str], limit: int = 30) -> list[Match]:
    """Best-correlated occupations, highest first, with a cap per O*NET source."""
    if len(matrix) == 0:
        return []
    r = correlate(profile, matrix)
    if np.all(np.isnan(r)):
        return []
    order = np.argsort(-np.nan_to_num(r, nan=-2.0), kind="stable")
    used: dict[str, int] = {}
    out: list[Match] = []
    for i in order:
        if np.isnan(r[i]):
            break
        source = sources[i]
        if used.get(source, 0) >= PER_SOURCE:
            continue
        used[source] = used.get(source, 0) + 1
        out.append(Match(int(i), round(float(r[i]), 3), fit_label(float(r[i]))))
        if len(out) >= limit:
            break
    return out


def top_types(profile: dict[str, float], n: int = 3) -> list[str]:
    return sorted(TYPES, key=lambda t: (-profile[t], TYPES.index(t)))[:n]
