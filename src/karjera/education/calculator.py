"""The admission calculator: check a pupil's input, evaluate it against all programmes, explain it."""
from __future__ import annotations

from django.utils.translation import gettext as _

from .admission.engine import Evaluation, ExamResult, Pupil, Reason
from .admission.rules import CE_SUBJECTS, LEVELS
from .labels import LEVELS as LEVEL_NAMES
from .labels import exam_group, term_label
from .services import evaluate_all

MAX_EXAMS = 12


class InputError(ValueError):
    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


def make_pupil(exams: list[dict], grades: list | None = None, entrance_tests: dict | None = None) -> Pupil:
    """Build a Pupil from plain data, refusing anything out of range with a message per field."""
    errors: dict[str, str] = {}
    results = []
    if not isinstance(exams, list) or len(exams) > MAX_EXAMS:
        raise InputError({"exams": _("Give a list of at most %(n)s exam results.") % {"n": MAX_EXAMS}})
    for i, exam in enumerate(exams):
        where = f"exams[{i}]"
        if not isinstance(exam, dict):
            errors[where] = _("Each exam result needs a subject, a level and a percent.")
            continue
        subject, level, percent, year = exam.get("subject"), exam.get("level"), exam.get("percent"), exam.get("year", 2025)
        if subject not in CE_SUBJECTS:
            errors[f"{where}.subject"] = _("Choose a subject from the list.")
        if level not in LEVELS:
            errors[f"{where}.level"] = _("The level must be general, optimal or higher.")
        if isinstance(percent, bool) or not isinstance(percent, (int, float)) or not 0 <= percent <= 100:
            errors[f"{where}.percent"] = _("A result is a percent from 0 to 100.")
        if isinstance(year, bool) or not isinstance(year, int) or not 2000 <= year <= 2100:
            errors[f"{where}.year"] = _("The year must be a four-digit year.")
        if not any(k.startswith(where) for k in errors):
            results.append(ExamResult(subject, level, float(percent), year))
    grades = grades or []
    if not isinstance(grades, list) or len(grades) > 40 or any(isinstance(g, bool) or not isinstance(g, int) or not 1 <= g <= 10 for g in grades):
        errors["grades"] = _("Certificate grades are whole numbers from 1 to 10.")
    tests = entrance_tests or {}
    if not isinstance(tests, dict) or any(isinstance(v, bool) or not isinstance(v, (int, float)) or v < 0 for v in tests.values()):
        errors["entrance_tests"] = _("Entrance test results are numbers of points.")
    if errors:
        raise InputError(errors)
    return Pupil(tuple(results), tuple(grades), dict(tests))


def reason_text(reason: Reason) -> str:
    if reason.code == "missing_exam":
        return _("needs a centralised exam in %(exam)s") % {"exam": exam_group(reason.subjects)}
    if reason.code == "missing_test":
        return _("needs the entrance test %(test)s") % {"test": reason.test}
    text = _("%(exam)s: %(percent)s%% is below the minimum of %(minimum)s%%") % {
        "exam": exam_group(reason.subjects), "percent": f"{reason.percent:g}", "minimum": f"{reason.minimum:g}",
    }
    if reason.places == "state_funded":
        text += " " + _("(for state-funded places)")
    return text


def explain(evaluation: Evaluation) -> list[dict]:
    rows = []
    for part in evaluation.parts:
        rows.append(
            {
                "term": term_label(part.term),
                "subject": exam_group((part.subject,)) if part.subject else "",
                "percent": part.percent,
                "level": str(LEVEL_NAMES[part.level]) if part.level else "",
                "level_coefficient": part.level_coefficient,
                "weight": part.weight,
                "points": round(part.points, 3),
                "note": _("not taken: 0 points") if part.note == "not_taken" else "",
            }
        )
    if evaluation.grades_points:
        rows.append({"term": _("certificate grades (sum ÷ divisor)"), "subject": "", "percent": None, "level": "",
                     "level_coefficient": 1.0, "weight": 1.0, "points": round(evaluation.grades_points, 3), "note": ""})
    return rows


def run(pupil: Pupil, language: str) -> dict:
    """Eligible and ineligible programmes with scores, margins and explanations."""
    entries, by_rule, rules = evaluate_all(pupil)
    explained = {rule_id: (explain(ev), [reason_text(r) for r in ev.reasons]) for rule_id, ev in by_rule.items()}
    en = language == "en"
    eligible, ineligible = [], []
    for entry in entries:
        ev = by_rule.get(entry.rule_id)
        if ev is None:
            continue
        breakdown, reasons = explained[entry.rule_id]
        row = {
            "id": entry.id,
            "code": entry.code,
            "name": entry.name_en if en else entry.name_lv,
            "institution": entry.institution_en if en else entry.institution_lv,
            "municipality": entry.municipality_en if en else entry.municipality_lv,
            "demo": entry.demo,
            "score": ev.score,
            "eligible": ev.eligible,
            "eligible_state_funded": ev.eligible_state_funded,
            "margin_state_funded": ev.margin_state_funded,
            "margin_paid": ev.margin_paid,
            "margin_below": round(-ev.margin_state_funded, 3) if ev.margin_state_funded is not None else None,
            "threshold_year": rules[entry.rule_id].threshold_year,
            "breakdown": breakdown,
            "reasons": reasons,
        }
        (eligible if ev.eligible else ineligible).append(row)
    eligible.sort(key=lambda r: (-(r["margin_state_funded"] if r["margin_state_funded"] is not None else -1e9), -r["score"], r["name"]))
    ineligible.sort(key=lambda r: r["name"])
    return {"eligible": eligible, "ineligible": ineligible}
