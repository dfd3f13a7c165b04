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
VALUE_KEYS = ("achievement", "working_conditions", "recognition", "relationships", "support", "independence")


def _load_values() -> tuple:
    rows = list(Occupation.objects.exclude(work_values=None).order_by("id").values_list("id", "onet_source", "work_values"))
    rows = [r for r in rows if all(k in (r[2] or {}) for k in VALUE_KEYS)]
    ids = [r[0] for r in rows]
    sources = [",".join(sorted(c["code"] for c in (r[1] or {}).get("codes", []))) or r[0] for r in rows]
    matrix = np.array([[r[2][k] for k in VALUE_KEYS] for r in rows], dtype=float).reshape(len(rows), 6)
    return ids, sources, matrix


VALUES_MATRIX = ProcessCache("values-matrix", _load_values)


def occupation_matrix() -> tuple:
    """Occupation ids, O*NET source keys and the (n, 6) RIASEC matrix, cached per process."""
    return MATRIX.get()


def reset_cache() -> None:
    MATRIX.reset()
    VALUES_MATRIX.reset()


def occupation_matches(profile: dict[str, float], limit: int = 30, kind: str = "riasec") -> list[dict]:
    """Occupations whose O*NET interest (or work-value) profile correlates best with the pupil's."""
    if kind == "values":
        ids, sources, matrix = VALUES_MATRIX.get()
        keys = VALUE_KEYS
    else:
        ids, sources, matrix = occupation_matrix()
        keys = matching.TYPES
    vector = {t: profile[k] for t, k in zip(matching.TYPES, keys)}
    return [
        {"id": ids[m.index], "r": m.correlation, "fit": m.fit}
        for m in matching.rank(vector, matrix, sources, limit=limit)
    ]
