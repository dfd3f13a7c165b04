"""Pure scoring methods, one per instrument `scoring` value. No Django imports here."""
from .riasec import score_riasec

METHODS = {"riasec": score_riasec}


def score(method: str, items: list[dict], answers: dict[str, int], option_values) -> dict:
    return METHODS[method](items, answers, option_values)
