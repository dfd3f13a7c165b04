"""Pure scoring methods, one per instrument `scoring` value. No Django imports here."""
from .best_worst import score_best_worst
from .card_sort import score_card_sort
from .riasec import score_riasec


def score(instrument, answers: dict[str, int], context: dict | None = None) -> dict:
    """Score a complete set of answers with the instrument's own method; `context` carries data the
    shell looked up (the card sort's occupation profiles)."""
    if instrument.scoring == "riasec":
        return score_riasec(instrument.items, answers, instrument.option_values)
    if instrument.scoring == "best_worst":
        scales = [s["code"] for s in instrument.data["scales"]]
        return score_best_worst(instrument.statements, instrument.items, answers, scales)
    if instrument.scoring == "card_sort":
        return score_card_sort(instrument.items, answers, context or {})
    if instrument.scoring == "irt":
        from .abilities import score_abilities

        context = context or {}
        return score_abilities(
            instrument, answers, context["answered_at"], context["timing"], context["seed"], context.get("calibration"),
            context.get("slots"),
        )
    raise ValueError(f"unknown scoring method {instrument.scoring!r}")
