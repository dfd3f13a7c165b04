"""Evaluate a pupil's exam results against admission rules, explaining every point.

The competition score is the sum of the rule's terms: each term takes a CE result (percent) times its
level coefficient (results from before 2023 count as optimal level) times the term's weight; "best of"
takes the best of several exams, "mean of all" the mean over the pupil's best result in each subject,
an entrance test its result scaled to 0-100. A grade tie-breaker adds the sum of certificate grades
divided by the rule's divisor. The breakdown's points add up to the score exactly (before rounding to
three decimals, as universities publish them).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .rules import FIRST_YEAR_WITH_LEVELS, LEVELS, Rule, Term


@dataclass(frozen=True)
class ExamResult:
    subject: str
    level: str
    percent: float
    year: int = FIRST_YEAR_WITH_LEVELS

    def __post_init__(self):
        if self.level not in LEVELS:
            raise ValueError(f"unknown level {self.level!r}")
        if not 0 <= self.percent <= 100:
            raise ValueError("a CE result is a percent from 0 to 100")

    @property
    def counted_level(self) -> str:
        return "optimal" if self.year < FIRST_YEAR_WITH_LEVELS else self.level


@dataclass(frozen=True)
class Pupil:
    exams: tuple[ExamResult, ...]
    grades: tuple[int, ...] = ()
    entrance_tests: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Part:
    term: str
    subject: str | None
    percent: float | None
    level: str | None
    level_coefficient: float
    weight: float
    points: float
    note: str = ""


@dataclass(frozen=True)
class Reason:
    code: str  # missing_exam | missing_test | below_minimum
    subjects: tuple[str, ...] = ()
    test: str = ""
    percent: float | None = None
    minimum: float | None = None
    places: str = "all"


@dataclass(frozen=True)
class Evaluation:
    rule_id: str
    eligible: bool
    eligible_state_funded: bool
    score: float
    parts: tuple[Part, ...]
    grades_points: float
    reasons: tuple[Reason, ...]
    margin_state_funded: float | None
    margin_paid: float | None


def _scaled(rule: Rule, result: ExamResult, apply_level: bool) -> tuple[float, float]:
    coefficient = rule.level_coefficients[result.counted_level] if apply_level else 1.0
    return result.percent * coefficient, coefficient


def _best(rule: Rule, pupil: Pupil, subjects: tuple[str, ...], apply_level: bool):
    """The pupil's result among `subjects` that scores most under this rule, or None."""
    best = None
    for result in pupil.exams:
        if result.subject in subjects:
            value, coefficient = _scaled(rule, result, apply_level)
            if best is None or value > best[0]:
                best = (value, coefficient, result)
    return best


def _term(rule: Rule, term: Term, pupil: Pupil) -> tuple[Part | None, Reason | None]:
    if term.kind in ("exam", "best_of"):
        best = _best(rule, pupil, term.subjects, term.apply_level)
        if best is None:
            if term.optional:
                return Part(term.label, None, None, None, 0.0, term.weight, 0.0, "not_taken"), None
            return None, Reason("missing_exam", subjects=term.subjects)
        value, coefficient, result = best
        return Part(term.label, result.subject, result.percent, result.counted_level, coefficient, term.weight, value * term.weight), None
    if term.kind == "mean_of_all":
        per_subject: dict[str, float] = {}
        for result in pupil.exams:
            value, _ = _scaled(rule, result, term.apply_level)
            per_subject[result.subject] = max(value, per_subject.get(result.subject, 0.0))
        if not per_subject:
            return None, Reason("missing_exam", subjects=("any",))
        mean = sum(per_subject.values()) / len(per_subject)
        return Part(term.label, None, round(mean, 6), None, 1.0, term.weight, mean * term.weight), None
    score = pupil.entrance_tests.get(term.test)
    if score is None:
        if term.optional:
            return Part(term.label, None, None, None, 0.0, term.weight, 0.0, "not_taken"), None
        return None, Reason("missing_test", test=term.test)
    percent = max(0.0, min(100.0, 100.0 * float(score) / term.maximum))
    return Part(term.label, None, percent, None, 1.0, term.weight, percent * term.weight), None


def evaluate(rule: Rule, pupil: Pupil) -> Evaluation:
    parts: list[Part] = []
    reasons: list[Reason] = []
    for term in rule.terms:
        part, reason = _term(rule, term, pupil)
        if part:
            parts.append(part)
        if reason:
            reasons.append(reason)
    for minimum in rule.minimums:
        best = max((r.percent for r in pupil.exams if r.subject in minimum.subjects), default=None)
        if best is None:
            if not any(r.code == "missing_exam" and set(r.subjects) & set(minimum.subjects) for r in reasons):
                reasons.append(Reason("missing_exam", subjects=minimum.subjects, places=minimum.places))
        elif best < minimum.percent:
            reasons.append(
                Reason("below_minimum", subjects=minimum.subjects, percent=best, minimum=minimum.percent, places=minimum.places)
            )
    grades_points = sum(pupil.grades) / rule.grades_sum_divisor if rule.grades_sum_divisor and pupil.grades else 0.0
    score = round(sum(p.points for p in parts) + grades_points, 3)
    eligible = not any(r.places == "all" for r in reasons)
    eligible_state_funded = eligible and not reasons
    margin_sf = round(score - rule.threshold_state_funded, 3) if rule.threshold_state_funded is not None and eligible_state_funded else None
    margin_paid = round(score - rule.threshold_paid, 3) if rule.threshold_paid is not None and eligible else None
    return Evaluation(
        rule.id, eligible, eligible_state_funded, score, tuple(parts), round(grades_points, 6),
        tuple(reasons), margin_sf, margin_paid,
    )
