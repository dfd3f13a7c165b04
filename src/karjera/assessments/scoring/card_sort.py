"""Scoring the profession card sort: what the professions a pupil likes have in common.

Each card is an occupation with O*NET interest and work-value profiles, a preparation level (job zone)
and an education field. The liked cards' mean interest profile, compared with the whole deck's mean,
shows which types the pupil's choices lean to ("lift"); fields and preparation levels are counted.
Fewer than three liked cards say too little, so nothing is suggested then.
"""
from __future__ import annotations

from collections import Counter

TYPES = "RIASEC"
FEW_LIKES = 3
ALMOST_ALL = 0.9
LIKE, NOT_SURE, DISLIKE = 2, 1, 0


def _mean(profiles: list[dict]) -> dict[str, float] | None:
    if not profiles:
        return None
    keys = list(profiles[0])
    return {k: round(sum(p[k] for p in profiles) / len(profiles), 3) for k in keys}


def score_card_sort(cards: list[dict], answers: dict[str, int], attributes: dict[str, dict]) -> dict:
    """`attributes[card_id]` holds the card's occupation data: riasec, values, job_zone, field."""
    liked = [c["id"] for c in cards if answers[c["id"]] == LIKE]
    unsure = [c["id"] for c in cards if answers[c["id"]] == NOT_SURE]
    disliked = [c["id"] for c in cards if answers[c["id"]] == DISLIKE]
    deck_riasec = _mean([attributes[c["id"]]["riasec"] for c in cards if attributes[c["id"]].get("riasec")])
    liked_riasec = _mean([attributes[i]["riasec"] for i in liked if attributes[i].get("riasec")])
    lift = {t: round(liked_riasec[t] - deck_riasec[t], 3) for t in TYPES} if liked_riasec and deck_riasec else None
    code = "".join(sorted(TYPES, key=lambda t: (-lift[t], TYPES.index(t)))[:3]) if lift else ""
    liked_values = _mean([attributes[i]["values"] for i in liked if attributes[i].get("values")])
    fields = Counter(attributes[i]["field"] for i in liked)
    deck_fields = Counter(attributes[c["id"]]["field"] for c in cards)
    zones = Counter(attributes[i]["job_zone"] for i in liked if attributes[i].get("job_zone"))
    flags = []
    if len(liked) < FEW_LIKES:
        flags.append("few_likes")
    elif len(liked) >= ALMOST_ALL * len(cards):
        flags.append("liked_everything")
    return {
        "method": "card_sort",
        "liked": liked,
        "unsure": unsure,
        "disliked": disliked,
        "counts": {"liked": len(liked), "unsure": len(unsure), "disliked": len(disliked)},
        "riasec_liked": liked_riasec,
        "riasec_lift": lift,
        "code": code,
        "values_liked": liked_values,
        "fields": [
            {"code": f, "liked": n, "share": round(n / len(liked), 3), "deck_share": round(deck_fields[f] / len(cards), 3)}
            for f, n in sorted(fields.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        "job_zones": {str(z): zones[z] for z in sorted(zones)},
        "flags": flags,
        "suggest_occupations": "few_likes" not in flags and liked_riasec is not None,
    }


def agreement(card_code: str, interest_code: str) -> bool:
    """Do the two tests point the same way? The strongest type of one is among the top two of the other."""
    if not card_code or not interest_code:
        return True
    return card_code[0] in interest_code[:2] or interest_code[0] in card_code[:2]
