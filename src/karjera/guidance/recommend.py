"""Occupation recommendations from stored profiles: the Django side of guidance.matching."""
from __future__ import annotations

import numpy as np

from karjera.core.process_cache import ProcessCache
from karjera.occupations.models import RIASEC_FIELDS, Occupation

from . import matching


def _load() -> tuple:
    rows = list(
        Occupation.objects.exclude(riasec_r=None).order_by("id").values_list("id", "onet_source", *RIASEC_FIELDS)
    )
    ids = [r[0] for r in rows]
    sources = [",".join(sorted(c["code"] for c in (r[1] or {}).get("codes", []))) or r[0] for r in rows]
    matrix = np.array([r[2:] for r in rows], dtype=float).reshape(len(rows), 6)
    return ids, sources, matrix


MATRIX = ProcessCache("riasec-matrix", _load)


def occupation_matrix() -> tuple:
    """Occupation ids, O*NET source keys and the (n, 6) RIASEC matrix, cached per process."""
    return MATRIX.get()


def reset_cache() -> None:
    MATRIX.reset()


def occupation_matches(scores: dict[str, float], limit: int = 30) -> list[dict]:
    ids, sources, matrix = occupation_matrix()
    return [
        {"id": ids[m.index], "r": m.correlation, "fit": m.fit}
        for m in matching.rank(scores, matrix, sources, limit=limit)
    ]
