"""The rules of a WorldSkills-style skill competition as plain Python: marking schemes, aspect marks,
judge consistency, standardisation to the WorldSkills scale, ranks, medals, age limits and who goes on
to the final. No Django here, so every rule is tested directly (docs/competitions.md explains them).

Marks are `Decimal` with two decimal places so that a scheme adds up to exactly 100 and a total is the
same on every machine; standardised scores are whole points.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable, Sequence

CENT = Decimal("0.01")
SCHEME_TOTAL = Decimal("100")

MEASUREMENT = "measurement"
JUDGEMENT = "judgement"
FULL_OR_NONE = "full_or_none"
DEDUCTION = "deduction"

JUDGES = 3
JUDGE_MAX = 3
# Judges whose scores for one aspect lie more than this apart are flagged for the chief expert.
JUDGE_GAP_ALLOWED = 1

# The WorldSkills scale: the skill's median competitor sits at CENTRE, and one standard deviation of
# the skill's raw scores is SPREAD points. SD_FLOOR (in raw marks) keeps a skill whose competitors are
# almost level from turning tiny raw differences into large gaps; at the floor one raw mark is worth
# SPREAD / SD_FLOOR = 50 points.
CENTRE = 700
SPREAD = 100
SD_FLOOR = Decimal("2")
EXCELLENCE = 700

# Competitors whose raw totals are within this many marks of the first of a group share its rank.
TIE_TOLERANCE = Decimal("0.05")

SEMI_FINAL_THRESHOLD = 10  # applicants in a skill from which a semi-final is held
FINAL_PLACES = 8  # competitors per skill who go on from the semi-final to the final

GOLD, SILVER, BRONZE, EXCELLENCE_MEDALLION = "gold", "silver", "bronze", "excellence"


class MarkingError(ValueError):
    """A mark or scheme that breaks the rules; `code` is stable for the API, `message` is English."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def cents(value) -> Decimal:
    return Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)


# ---- marking schemes ----------------------------------------------------------------------------


@dataclass(frozen=True)
class AspectSpec:
    code: str
    kind: str  # MEASUREMENT or JUDGEMENT
    max_mark: Decimal
    method: str = FULL_OR_NONE  # for Measurement: FULL_OR_NONE or DEDUCTION; ignored for Judgement
    day: int = 1


@dataclass(frozen=True)
class SubCriterionSpec:
    code: str
    aspects: tuple[AspectSpec, ...] = field(default_factory=tuple)


# English wording of each scheme problem; the interface words the same codes in its own language.
SCHEME_PROBLEMS = {
    "no_sub_criteria": "The scheme has no sub-criteria.",
    "empty_sub_criterion": "Sub-criterion {sub} has no aspects.",
    "duplicate_aspect": "Aspect code {aspect} is used twice.",
    "unknown_kind": "Aspect {aspect} has an unknown kind {kind!r}.",
    "unknown_method": "Aspect {aspect} has an unknown measurement method {method!r}.",
    "bad_max_mark": "Aspect {aspect} must be worth a positive mark with at most two decimals.",
    "bad_day": "Aspect {aspect} must be marked on day 1 or later.",
    "total": "The aspects add up to {total}, not 100.",
}


def scheme_problem_codes(sub_criteria: Sequence[SubCriterionSpec]) -> list[tuple[str, dict]]:
    """Everything wrong with a scheme as (code, details) pairs; empty means it may be locked."""
    if not sub_criteria:
        return [("no_sub_criteria", {})]
    problems: list[tuple[str, dict]] = []
    codes: set[str] = set()
    total = Decimal(0)
    for sub in sub_criteria:
        if not sub.aspects:
            problems.append(("empty_sub_criterion", {"sub": sub.code}))
        for a in sub.aspects:
            if a.code in codes:
                problems.append(("duplicate_aspect", {"aspect": a.code}))
            codes.add(a.code)
            if a.kind not in (MEASUREMENT, JUDGEMENT):
                problems.append(("unknown_kind", {"aspect": a.code, "kind": a.kind}))
            if a.kind == MEASUREMENT and a.method not in (FULL_OR_NONE, DEDUCTION):
                problems.append(("unknown_method", {"aspect": a.code, "method": a.method}))
            if a.max_mark <= 0 or a.max_mark != cents(a.max_mark):
                problems.append(("bad_max_mark", {"aspect": a.code}))
            if a.day < 1:
                problems.append(("bad_day", {"aspect": a.code}))
            total += a.max_mark
    if total != SCHEME_TOTAL:
        problems.append(("total", {"total": total}))
    return problems


def scheme_problems(sub_criteria: Sequence[SubCriterionSpec]) -> list[str]:
    """Everything wrong with a scheme, as English sentences; an empty list means it may be locked."""
    return [SCHEME_PROBLEMS[code].format(**details) for code, details in scheme_problem_codes(sub_criteria)]


# ---- aspect marks -------------------------------------------------------------------------------


def measurement_mark(aspect: AspectSpec, awarded) -> Decimal:
    """The mark for a Measurement aspect: all or nothing, or what is left after deductions."""
    try:
        value = Decimal(str(awarded))
    except Exception:
        raise MarkingError("invalid_mark", "The mark must be a number.") from None
    if not value.is_finite() or value != cents(value):
        raise MarkingError("invalid_mark", "The mark must be a number with at most two decimals.")
    if aspect.method == FULL_OR_NONE and value not in (Decimal(0), aspect.max_mark):
        raise MarkingError("invalid_mark", f"This aspect gives either 0 or {aspect.max_mark} marks.")
    if not Decimal(0) <= value <= aspect.max_mark:
        raise MarkingError("invalid_mark", f"The mark must be between 0 and {aspect.max_mark}.")
    return cents(value)


def check_judge_scores(scores: Sequence) -> tuple[int, ...]:
    if len(scores) != JUDGES:
        raise MarkingError("invalid_scores", f"A Judgement aspect needs exactly {JUDGES} judges' scores.")
    out = []
    for s in scores:
        if isinstance(s, bool) or not isinstance(s, int) or not 0 <= s <= JUDGE_MAX:
            raise MarkingError("invalid_scores", f"Each judge's score is a whole number from 0 to {JUDGE_MAX}.")
        out.append(s)
    return tuple(out)


def judgement_mark(aspect: AspectSpec, scores: Sequence[int]) -> Decimal:
    """The mean of the three judges' scores over 3, times the aspect's maximum, to the cent."""
    scores = check_judge_scores(scores)
    return cents(Decimal(sum(scores)) * aspect.max_mark / Decimal(JUDGES * JUDGE_MAX))


def judges_inconsistent(scores: Sequence[int]) -> bool:
    """True when two judges are more than one point apart: the chief expert has them discuss it."""
    return max(scores) - min(scores) > JUDGE_GAP_ALLOWED


# ---- standardisation, ranks and medals ----------------------------------------------------------


def population_sd(values: Sequence[Decimal]) -> Decimal:
    if len(values) < 2:
        return Decimal(0)
    return Decimal(str(statistics.pstdev([float(v) for v in values])))


def standardise(raw: Sequence) -> list[int]:
    """Raw totals of one skill to the WorldSkills scale:
    700 + 100 × (raw − median) / max(sd, SD_FLOOR), rounded half up to whole points.
    The sd is the population standard deviation of the skill's raw totals."""
    values = [Decimal(str(r)) for r in raw]
    if not values:
        return []
    median = Decimal(str(statistics.median([float(v) for v in values])))
    sd = max(population_sd(values), SD_FLOOR)
    out = []
    for v in values:
        score = Decimal(CENTRE) + Decimal(SPREAD) * (v - median) / sd
        out.append(int(score.quantize(Decimal(1), rounding=ROUND_HALF_UP)))
    return out


def ranks(raw: Sequence, tolerance: Decimal = TIE_TOLERANCE) -> list[int]:
    """Competition ranking (1, 1, 3 …) by raw total, highest first. A competitor within `tolerance` of
    the highest total of the current tie group shares its rank; groups do not chain."""
    values = [Decimal(str(r)) for r in raw]
    order = sorted(range(len(values)), key=lambda i: -values[i])
    out = [0] * len(values)
    leader = None
    rank = 0
    for position, i in enumerate(order, start=1):
        if leader is None or leader - values[i] > tolerance:
            leader = values[i]
            rank = position
        out[i] = rank
    return out


def award(rank: int, standardised: int) -> str | None:
    """Gold, silver and bronze go by rank (tied competitors share the medal and the next place is
    skipped); others at 700 or more receive a Medallion for Excellence."""
    if rank == 1:
        return GOLD
    if rank == 2:
        return SILVER
    if rank == 3:
        return BRONZE
    if standardised >= EXCELLENCE:
        return EXCELLENCE_MEDALLION
    return None


@dataclass(frozen=True)
class Placing:
    key: object
    raw: Decimal
    standardised: int
    rank: int
    medal: str | None


def results(entries: Iterable[tuple[object, Decimal]], tolerance: Decimal = TIE_TOLERANCE) -> list[Placing]:
    """Every competitor of a skill placed: (key, raw) pairs in, placings best first out."""
    entries = list(entries)
    raws = [Decimal(str(r)) for _, r in entries]
    std = standardise(raws)
    rk = ranks(raws, tolerance)
    # Tied competitors share one award: the one their group's best standardised score earns.
    best: dict[int, int] = {}
    for r, s in zip(rk, std):
        best[r] = max(best.get(r, s), s)
    placed = [Placing(key, raws[i], std[i], rk[i], award(rk[i], best[rk[i]])) for i, (key, _) in enumerate(entries)]
    return sorted(placed, key=lambda p: (p.rank, -p.raw))


# ---- who takes part -----------------------------------------------------------------------------


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def age_problem(born: date, day: date, min_age: int | None, max_age: int | None) -> str | None:
    """Why a competitor born on `born` may not take part in a competition starting on `day`, if so."""
    age = age_on(born, day)
    if max_age is not None and age > max_age:
        return f"The competitor is {age} on the first day; the limit is {max_age}."
    if min_age is not None and age < min_age:
        return f"The competitor is {age} on the first day; the minimum is {min_age}."
    return None


def holds_semi_final(applicants: int) -> bool:
    return applicants >= SEMI_FINAL_THRESHOLD


def finalists(semi_final: Sequence[Placing], places: int = FINAL_PLACES) -> list[object]:
    """Who goes on from a semi-final: the best `places` by rank, and everyone tied with the last of
    them, so a tie at the cut never leaves one of two equal competitors out."""
    if not semi_final:
        return []
    ordered = sorted(semi_final, key=lambda p: (p.rank, -p.raw))
    if len(ordered) <= places:
        return [p.key for p in ordered]
    cut_rank = ordered[places - 1].rank
    return [p.key for p in ordered if p.rank <= cut_rank]

