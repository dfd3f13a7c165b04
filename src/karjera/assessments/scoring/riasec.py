"""Holland RIASEC scoring for the interests test.

Raw score per type is the sum of item values (0-4 each, so 0-40 with ten items per type), as in the
O*NET Interest Profiler. The code is the three highest types. Ties are decided by a stated rule:
the type with more answers at the top of the scale ("strongly like") first, then the fixed order
R-I-A-S-E-C; the result says which letters were tied so that the pupil can read both.

Elevation is the mean raw score as a share of the maximum; differentiation is the highest raw score
minus the lowest, as a share of the maximum (Holland's simplest index). A profile whose six scores
lie within FLAT_SPREAD of each other, or whose answers are all the same value, does not tell types
apart, so no occupation may be presented as fitting it.
"""
from __future__ import annotations

from collections import Counter

TYPES = "RIASEC"
FLAT_SPREAD = 0.10  # max - min within 10% of the scale range counts as flat
ELEVATION_BANDS = (0.35, 0.65)
DIFFERENTIATION_BANDS = (0.20, 0.40)


def _band(value: float, bands: tuple[float, float]) -> str:
    low, high = bands
    return "low" if value < low else ("high" if value >= high else "medium")


def hexagon_distance(a: str, b: str) -> int:
    """Steps between two types around Holland's hexagon R-I-A-S-E-C (1, 2 or 3)."""
    d = abs(TYPES.index(a) - TYPES.index(b))
    return min(d, 6 - d)


CONSISTENCY = {1: "adjacent", 2: "alternate", 3: "opposite"}


def score_riasec(items: list[dict], answers: dict[str, int], option_values) -> dict:
    values = sorted(option_values)
    lowest, highest = values[0], values[-1]
    span = highest - lowest
    raw = {t: 0 for t in TYPES}
    top_answers = {t: 0 for t in TYPES}
    count = {t: 0 for t in TYPES}
    field_sum: Counter = Counter()
    field_n: Counter = Counter()
    for item in items:
        value = answers[item["id"]]
        scale = item["scale"]
        raw[scale] += value - lowest
        count[scale] += 1
        top_answers[scale] += value == highest
        if "field" in item:
            field_sum[item["field"]] += value - lowest
            field_n[item["field"]] += 1

    maximum = {t: count[t] * span for t in TYPES}
    share = {t: (raw[t] / maximum[t] if maximum[t] else 0.0) for t in TYPES}
    order = sorted(TYPES, key=lambda t: (-raw[t], -top_answers[t], TYPES.index(t)))
    code = "".join(order[:3])

    # Letters whose place in the code was settled by the tie rule rather than by the score.
    ties = []
    for score in sorted({raw[t] for t in order[:3]}, reverse=True):
        tied = [t for t in order if raw[t] == score]
        if len(tied) > 1:
            ties.append("".join(tied))

    shares = list(share.values())
    elevation = sum(shares) / len(shares)
    differentiation = max(shares) - min(shares)
    identical = len(set(answers[item["id"]] for item in items)) == 1
    flat = identical or differentiation <= FLAT_SPREAD

    flags = []
    if identical:
        flags.append("identical_answers")
    if flat:
        flags.append("flat_profile")
    if ties and not flat:
        flags.append("tie")

    fields = sorted(
        (
            {"code": f, "percent": round(100 * field_sum[f] / (field_n[f] * span)), "items": field_n[f]}
            for f in field_n
        ),
        key=lambda f: (-f["percent"], f["code"]),
    )
    return {
        "method": "riasec",
        "scores": raw,
        "max_scores": maximum,
        "top_answers": top_answers,
        "code": code,
        "order": "".join(order),
        "ties": ties,
        "elevation": round(elevation, 3),
        "elevation_level": _band(elevation, ELEVATION_BANDS),
        "differentiation": round(differentiation, 3),
        "differentiation_level": _band(differentiation, DIFFERENTIATION_BANDS),
        "consistency": CONSISTENCY[hexagon_distance(order[0], order[1])],
        "fields": fields,
        "flags": flags,
        "suggest_occupations": not flat,
    }
