"""The admission rule language: parse and validate a rule written as data.

A rule is a dict (from JSON): weighted terms over centralised-exam (CE) results, choices such as "the
best of physics, chemistry, informatics", the mean of all CE results, entrance tests, a school-grade
tie-breaker, minimum results, and last year's threshold. Errors name the rule and the field.
"""
from __future__ import annotations

from dataclasses import dataclass, field

CE_SUBJECTS = (
    "latvian", "mathematics", "english", "german", "french", "russian", "physics", "chemistry", "biology",
    "natural_sciences", "informatics", "history", "geography", "economics", "literature",
)
FOREIGN_LANGUAGES = ("english", "german", "french", "russian")
LEVELS = ("higher", "optimal", "general")
DEFAULT_LEVEL_COEFFICIENTS = {"higher": 1.0, "optimal": 0.75, "general": 0.5}
FIRST_YEAR_WITH_LEVELS = 2023  # results from before count as optimal level
PLACES = ("all", "state_funded")


class RuleError(ValueError):
    pass


@dataclass(frozen=True)
class Term:
    kind: str  # exam | best_of | mean_of_all | entrance_test
    weight: float
    subjects: tuple[str, ...] = ()
    test: str = ""
    maximum: float = 100.0
    apply_level: bool = True
    optional: bool = False

    @property
    def label(self) -> str:
        if self.kind == "exam":
            return self.subjects[0] if len(self.subjects) == 1 else "foreign_language"
        if self.kind == "best_of":
            return "best_of:" + ",".join(self.subjects)
        if self.kind == "mean_of_all":
            return "mean_of_all"
        return f"entrance_test:{self.test}"


@dataclass(frozen=True)
class Minimum:
    subjects: tuple[str, ...]
    percent: float
    places: str  # all | state_funded


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    terms: tuple[Term, ...]
    level_coefficients: dict = field(default_factory=lambda: dict(DEFAULT_LEVEL_COEFFICIENTS))
    grades_sum_divisor: float | None = None
    minimums: tuple[Minimum, ...] = ()
    threshold_state_funded: float | None = None
    threshold_paid: float | None = None
    threshold_year: int | None = None

    def required_subjects(self) -> set[str]:
        """CE subjects a pupil must have (any one of a group counts), for the course-set chooser."""
        needed = set()
        for term in self.terms:
            if term.kind in ("exam", "best_of") and not term.optional:
                needed.add(term.subjects[0] if len(term.subjects) == 1 else "|".join(term.subjects))
        return needed


def _subjects(name: str, where: str) -> tuple[str, ...]:
    if name == "foreign_language":
        return FOREIGN_LANGUAGES
    if name not in CE_SUBJECTS:
        raise RuleError(f"{where}: unknown exam {name!r}")
    return (name,)


def _number(value, where: str, minimum: float = 0.0) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < minimum:
        raise RuleError(f"{where}: must be a number of at least {minimum}")
    return float(value)


def parse(data: dict) -> Rule:
    if not isinstance(data, dict) or not isinstance(data.get("id"), str) or not data["id"]:
        raise RuleError("rule: needs an 'id'")
    rid = data["id"]
    known = {"id", "name", "terms", "level_coefficients", "grades_sum_divisor", "minimums", "threshold"}
    unknown = set(data) - known
    if unknown:
        raise RuleError(f"{rid}: unknown field(s) {', '.join(sorted(unknown))}")
    if not isinstance(data.get("terms"), list) or not data["terms"]:
        raise RuleError(f"{rid}.terms: needs at least one term")
    terms = []
    for i, t in enumerate(data["terms"]):
        where = f"{rid}.terms[{i}]"
        if not isinstance(t, dict):
            raise RuleError(f"{where}: must be an object")
        weight = _number(t.get("weight"), f"{where}.weight")
        common = {"weight": weight, "apply_level": bool(t.get("apply_level", True)), "optional": bool(t.get("optional", False))}
        kinds = [k for k in ("exam", "best_of", "mean_of_all", "entrance_test") if k in t]
        if len(kinds) != 1:
            raise RuleError(f"{where}: needs exactly one of exam, best_of, mean_of_all, entrance_test")
        if "exam" in t:
            terms.append(Term("exam", subjects=_subjects(t["exam"], f"{where}.exam"), **common))
        elif "best_of" in t:
            if not isinstance(t["best_of"], list) or len(t["best_of"]) < 2:
                raise RuleError(f"{where}.best_of: needs a list of at least two exams")
            subjects = tuple(s for name in t["best_of"] for s in _subjects(name, f"{where}.best_of"))
            terms.append(Term("best_of", subjects=subjects, **common))
        elif "mean_of_all" in t:
            terms.append(Term("mean_of_all", **common))
        else:
            if not isinstance(t["entrance_test"], str) or not t["entrance_test"]:
                raise RuleError(f"{where}.entrance_test: needs the test's name")
            terms.append(
                Term("entrance_test", test=t["entrance_test"], maximum=_number(t.get("max", 100), f"{where}.max", 1), **common)
            )
    coefficients = dict(DEFAULT_LEVEL_COEFFICIENTS)
    for level, value in (data.get("level_coefficients") or {}).items():
        if level not in LEVELS:
            raise RuleError(f"{rid}.level_coefficients: unknown level {level!r}")
        coefficients[level] = _number(value, f"{rid}.level_coefficients.{level}")
    divisor = data.get("grades_sum_divisor")
    if divisor is not None:
        divisor = _number(divisor, f"{rid}.grades_sum_divisor", 1)
    minimums = []
    for i, m in enumerate(data.get("minimums") or []):
        where = f"{rid}.minimums[{i}]"
        places = m.get("for", "all")
        if places not in PLACES:
            raise RuleError(f"{where}.for: must be 'all' or 'state_funded'")
        percent = _number(m.get("percent"), f"{where}.percent")
        if percent > 100:
            raise RuleError(f"{where}.percent: must be at most 100")
        minimums.append(Minimum(_subjects(m.get("exam", ""), f"{where}.exam"), percent, places))
    threshold = data.get("threshold") or {}
    return Rule(
        id=rid,
        name=str(data.get("name") or rid),
        terms=tuple(terms),
        level_coefficients=coefficients,
        grades_sum_divisor=divisor,
        minimums=tuple(minimums),
        threshold_state_funded=_number(threshold["state_funded"], f"{rid}.threshold.state_funded") if "state_funded" in threshold else None,
        threshold_paid=_number(threshold["paid"], f"{rid}.threshold.paid") if "paid" in threshold else None,
        threshold_year=int(threshold["year"]) if "year" in threshold else None,
    )
