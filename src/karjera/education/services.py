"""The education module's shell: cached compiled rules, the calculator over all programmes, lookups."""
from __future__ import annotations

from dataclasses import dataclass

from karjera.core.process_cache import ProcessCache

from .admission.engine import Evaluation, Pupil, evaluate
from .admission.rules import Rule, parse
from .models import AdmissionRule, Programme


@dataclass(frozen=True)
class Entry:
    """What the calculator shows of one programme, kept in memory so that a calculation needs no query."""

    id: int
    rule_id: int
    code: str
    name_lv: str
    name_en: str
    institution_lv: str
    institution_en: str
    municipality_lv: str
    municipality_en: str
    demo: bool


@dataclass(frozen=True)
class Competition:
    """Every programme that has an admission rule, with the rules compiled once per process."""

    rules: dict[int, Rule]
    programmes: list[Entry]


def _build() -> Competition:
    rules = {r.pk: parse(r.spec) for r in AdmissionRule.objects.all()}
    rows = Programme.objects.exclude(admission_rule=None).values_list(
        "id", "admission_rule_id", "code", "name_lv", "name_en", "institution__name_lv", "institution__name_en",
        "institution__municipality__name_lv", "institution__municipality__name_en", "institution__demo",
    )
    return Competition(rules, [Entry(*row) for row in rows])


COMPETITION = ProcessCache("admission-rules", _build)


def education_changed() -> None:
    COMPETITION.bump()


def evaluate_all(pupil: Pupil) -> tuple[list[Entry], dict[int, Evaluation], dict[int, Rule]]:
    """The pupil against every programme with a rule; each distinct rule is evaluated once."""
    competition = COMPETITION.get()
    by_rule = {rule_id: evaluate(rule, pupil) for rule_id, rule in competition.rules.items()}
    return competition.programmes, by_rule, competition.rules


def rule_of(programme: Programme) -> Rule | None:
    if programme.admission_rule_id is None:
        return None
    return COMPETITION.get().rules.get(programme.admission_rule_id)


def programmes_for_occupation(occupation) -> list[Programme]:
    """Programmes whose listed occupations include this one (by ESCO id or classifier code)."""
    refs = {occupation.id, *(p["code"] for p in occupation.pk_codes), *(p["code"][:4] for p in occupation.pk_codes)}
    candidates = Programme.objects.select_related("institution__municipality").order_by("lqf_level", "name_lv")
    return [p for p in candidates if refs & set(p.occupations)]
