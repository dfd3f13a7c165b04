"""Surveys without Django: checking a submitted answer sheet against the questions and tallying the
answers. Questions are plain dicts: {"id", "kind", "required", "options": [...], "scale_min",
"scale_max"}; kinds are single, multiple, scale and text."""
from __future__ import annotations

SINGLE, MULTIPLE, SCALE, TEXT = "single", "multiple", "scale", "text"
KINDS = (SINGLE, MULTIPLE, SCALE, TEXT)
TEXT_LIMIT = 2000


def clean(questions: list[dict], posted: dict[str, list[str]]) -> tuple[dict, dict]:
    """From posted form values ({field name: [values]}, field name "q<id>") to clean answers
    {question id: value} and errors {question id: code}. Values: single → option index, multiple →
    sorted option indexes, scale → int, text → stripped str. Unanswered optional questions are left out.
    """
    answers, errors = {}, {}
    for q in questions:
        raw = [v for v in posted.get(f"q{q['id']}", []) if str(v).strip() != ""]
        kind = q["kind"]
        if not raw:
            if q.get("required"):
                errors[q["id"]] = "required"
            continue
        if kind == TEXT:
            text = raw[0].strip()
            if len(text) > TEXT_LIMIT:
                errors[q["id"]] = "too_long"
            else:
                answers[q["id"]] = text
            continue
        try:
            numbers = [int(v) for v in raw]
        except (TypeError, ValueError):
            errors[q["id"]] = "invalid"
            continue
        if kind == SCALE:
            if len(numbers) != 1 or not q["scale_min"] <= numbers[0] <= q["scale_max"]:
                errors[q["id"]] = "invalid"
            else:
                answers[q["id"]] = numbers[0]
            continue
        n = len(q.get("options") or [])
        if any(not 0 <= x < n for x in numbers) or (kind == SINGLE and len(numbers) != 1):
            errors[q["id"]] = "invalid"
            continue
        answers[q["id"]] = numbers[0] if kind == SINGLE else sorted(set(numbers))
    return answers, errors


def tally(question: dict, values: list) -> dict:
    """Counts for one question over all responses' values (None for not answered)."""
    given = [v for v in values if v is not None and v != "" and v != []]
    out = {"answered": len(given), "skipped": len(values) - len(given)}
    kind = question["kind"]
    if kind in (SINGLE, MULTIPLE):
        counts = [0] * len(question.get("options") or [])
        for v in given:
            for i in (v if isinstance(v, list) else [v]):
                if 0 <= i < len(counts):
                    counts[i] += 1
        out["counts"] = counts
    elif kind == SCALE:
        points = list(range(question["scale_min"], question["scale_max"] + 1))
        out["counts"] = [sum(1 for v in given if v == p) for p in points]
        out["points"] = points
        out["mean"] = round(sum(given) / len(given), 2) if given else None
    return out
