"""Mans karjeras profils: the Django side of the combined profile (guidance.combine).

Nothing is stored: the page is built from the test sessions the pupil names in the address (their
unguessable ids, as in their result links), so linking tests is always the pupil's own choice.
"""
from __future__ import annotations

import numpy as np

from karjera.assessments.models import TestSession
from karjera.education.models import Programme
from karjera.occupations.models import Occupation

from . import combine, matching
from .recommend import VALUE_KEYS, VALUES_MATRIX, occupation_matrix

METHOD_TO_TEST = {"riasec": "interests", "best_worst": "values", "card_sort": "card_sort"}
MAX_SESSIONS = 6


def sessions_from(ids: list[str]) -> list[TestSession]:
    """The completed sessions named, newest per kind of test (one interests, one values, one card sort)."""
    found = TestSession.objects.select_related("instrument_version").filter(
        pk__in=[i[:64] for i in ids[:MAX_SESSIONS]], status=TestSession.COMPLETED
    ).order_by("-completed_at")
    chosen: dict[str, TestSession] = {}
    for session in found:
        test = METHOD_TO_TEST.get(session.instrument.scoring)
        if test and test not in chosen:
            chosen[test] = session
    return list(chosen.values())


def _as_dict(ids, r) -> dict[str, float]:
    return {i: float(v) for i, v in zip(ids, r) if not np.isnan(v)}


def similarities(sessions: list[TestSession]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    riasec_ids, _, riasec_matrix = occupation_matrix()
    for session in sessions:
        result = session.result or {}
        test = METHOD_TO_TEST[session.instrument.scoring]
        if test == "interests" and result.get("suggest_occupations"):
            out[test] = _as_dict(riasec_ids, matching.correlate(result["scores"], riasec_matrix))
        elif test == "card_sort" and result.get("suggest_occupations"):
            out[test] = _as_dict(riasec_ids, matching.correlate(result["riasec_liked"], riasec_matrix))
        elif test == "values" and result.get("suggest_occupations"):
            value_ids, _, value_matrix = VALUES_MATRIX.get()
            profile = {t: result["profile"][k] for t, k in zip(matching.TYPES, VALUE_KEYS)}
            out[test] = _as_dict(value_ids, matching.correlate(profile, value_matrix))
    return out


def reachable_occupations(entry: str = "", region: str = "") -> set[str] | None:
    """Occupations that programmes with this entry point (and in this region) lead to; None = no filter."""
    if not entry and not region:
        return None
    programmes = Programme.objects.all()
    if entry:
        programmes = programmes.filter(entry=entry)
    if region:
        programmes = programmes.filter(institution__municipality__region=region)
    refs = {ref for refs in programmes.values_list("occupations", flat=True) for ref in refs}
    reachable = {ref for ref in refs if len(ref) > 10}  # ESCO ids
    for occ_id, codes in Occupation.objects.values_list("id", "pk_codes"):
        if any(c["code"] in refs or c["code"][:4] in refs for c in codes):
            reachable.add(occ_id)
    return reachable


def build(ids: list[str], entry: str = "", region: str = "", limit: int = 30) -> dict:
    sessions = sessions_from(ids)
    sims = similarities(sessions)
    ranked = combine.combine(sims, limit=limit, allowed=reachable_occupations(entry, region))
    return {"sessions": sessions, "tests": list(sims), "ranked": ranked}
