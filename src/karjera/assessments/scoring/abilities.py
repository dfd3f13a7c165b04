"""Scoring the ability detector: 2PL EAP per subtest, with the documented rule for late answers.

Rule for time: a subtest's clock starts when its first item is shown (or answered through the API);
an answer saved after the subtest's time limit (plus a 5-second grace for the network) is kept and
marked late, and counts as not reached: it is left out of the likelihood, like an unanswered item.
The pupil's own estimate (1-5) is compared with the level: 1-2 below average, 3 average, 4-5 above.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from .irt import Item, eap, level

GRACE_SECONDS = 5
SELF_LEVEL = {1: "below_average", 2: "below_average", 3: "average", 4: "above_average", 5: "above_average"}
ORDER = {"below_average": 0, "average": 1, "above_average": 2}


def is_late(answered_at: datetime, started: datetime | None, seconds: int) -> bool:
    return started is not None and answered_at > started + timedelta(seconds=seconds + GRACE_SECONDS)


def score_abilities(
    instrument,
    answers: dict[str, int],
    answered_at: dict[str, datetime],
    timing: dict[str, datetime],
    seed: str,
    calibration: dict[tuple[str, int], tuple[float, float]] | None = None,
    slots: list[dict] | None = None,
) -> dict:
    """`calibration[(subtest, position)] = (a, b)` replaces the difficulty model where `calibrate` fitted it;
    `slots` are the items the session was given (the adaptive mode gives a part of each pool)."""
    calibration = calibration or {}
    slots = instrument.items if slots is None else slots
    abilities, late_items = {}, []
    for st in instrument.data["subtests"]:
        items, responses = [], []
        given = 0
        for item in slots:
            if item.get("subtest") == st["code"]:
                given += 1
            if item.get("subtest") != st["code"] or item["id"] not in answers:
                continue
            if is_late(answered_at[item["id"]], timing.get(st["code"]), st["seconds"]):
                late_items.append(item["id"])
                continue
            generated = instrument.generated(item, seed)
            a, b = calibration.get((st["code"], item["position"]), (generated.a, generated.b))
            items.append(Item(a, b))
            responses.append(int(answers[item["id"]] == generated.key))
        theta, se = eap(items, responses)
        own = next((answers.get(i["id"]) for i in instrument.data["items"] if i["scale"] == st["code"]), None)
        measured = level(theta, se)
        comparison = None
        if own is not None:
            diff = ORDER[measured] - ORDER[SELF_LEVEL[own]]
            comparison = "higher" if diff > 0 else ("lower" if diff < 0 else "same")
        abilities[st["code"]] = {
            "theta": round(theta, 3),
            "se": round(se, 3),
            "low": round(theta - 1.96 * se, 3),
            "high": round(theta + 1.96 * se, 3),
            "level": measured,
            "correct": sum(responses),
            "counted": len(responses),
            "given": given,
            "self": own,
            "comparison": comparison,
        }
    order = sorted(abilities, key=lambda c: -abilities[c]["theta"])
    return {
        "method": "irt",
        "abilities": abilities,
        "order": order,
        "late": late_items,
        "norms": "calibrated" if calibration and all(
            (st["code"], i["position"]) in calibration
            for st in instrument.data["subtests"] for i in slots if i.get("subtest") == st["code"]
        ) else "provisional",
        "flags": ["late_answers"] if late_items else [],
        "suggest_occupations": False,
    }
