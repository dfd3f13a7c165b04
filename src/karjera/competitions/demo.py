"""Load the demonstration competitions of data/competitions/demo.json. Idempotent: every object is found
by its natural key and updated; generated competitors and marks come from a fixed seed, so a second run
changes nothing. Marks already entered by people are left as they are."""
from __future__ import annotations

import json
import random
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from karjera.education.models import Institution

from . import marking
from .models import (
    Aspect,
    Competition,
    CompetitionSkill,
    Competitor,
    Expert,
    InternationalResult,
    Mark,
    MarkAudit,
    MarkingScheme,
    ProgrammeEvent,
    Skill,
    SubCriterion,
)

EXPERTS_PER_SKILL = 3


def _aware(text: str) -> datetime:
    return timezone.make_aware(datetime.fromisoformat(text))


def _scheme(cs: CompetitionSkill, spec: list[dict]) -> MarkingScheme:
    scheme, _ = MarkingScheme.objects.get_or_create(competition_skill=cs)
    if scheme.locked:
        return scheme
    for sub in spec:
        sc, _ = SubCriterion.objects.update_or_create(
            scheme=scheme, code=sub["code"], defaults={"name_lv": sub["name_lv"], "name_en": sub["name_en"]}
        )
        for a in sub["aspects"]:
            Aspect.objects.update_or_create(
                sub_criterion=sc, code=a["code"],
                defaults={"description_lv": a["lv"], "description_en": a["en"], "kind": a["kind"],
                          "method": a["method"], "max_mark": Decimal(a["max"]), "day": a["day"]},
            )
    problems = scheme.problems()
    if problems:
        raise ValueError(f"{cs}: " + " ".join(problems))
    scheme.locked_at = timezone.now()
    scheme.save(update_fields=["locked_at"])
    return scheme


def _user(username: str, first: str, last: str, password: str | None):
    User = get_user_model()
    user, created = User.objects.get_or_create(username=username, defaults={"first_name": first, "last_name": last})
    if created or password:
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
    return user


def _born(rng: random.Random, first_day: date, low: int, high: int) -> date:
    """A birthday that keeps the competitor within the age rule on the first day."""
    age = rng.randint(low, high)
    return first_day - timedelta(days=365 * age + rng.randint(10, 300))


def _mark_value(rng: random.Random, aspect: Aspect, skill_level: float):
    if aspect.kind == marking.JUDGEMENT:
        base = max(0, min(3, round(skill_level * 3)))
        scores = [max(0, min(3, base + rng.choice((-1, 0, 0, 1)))) for _ in range(3)]
        return marking.judgement_mark(aspect.spec(), scores), scores
    if aspect.method == marking.FULL_OR_NONE:
        return (aspect.max_mark if rng.random() < 0.35 + 0.6 * skill_level else Decimal(0)), None
    deduction = Decimal(str(round(rng.random() * (1 - skill_level) * float(aspect.max_mark), 1)))
    return marking.cents(max(Decimal(0), aspect.max_mark - deduction)), None


@transaction.atomic
def load(path: Path, expert_password: str | None = None) -> dict:
    data = json.loads(Path(path).read_text("utf-8"))
    schools = list(Institution.objects.filter(registry_number__in=data["schools"]).order_by("registry_number"))
    if not schools:
        raise ValueError("The demonstration schools are missing: import data/education/demo first.")
    skills = {}
    for s in data["skills"]:
        skills[s["slug"]], _ = Skill.objects.update_or_create(slug=s["slug"], defaults={"name_lv": s["name_lv"], "name_en": s["name_en"]})
    counts = {"competitions": 0, "competitors": 0, "marks": 0}
    by_slug = {}
    for c in data["competitions"]:
        host = Institution.objects.filter(registry_number=c.get("host", "")).first()
        competition, _ = Competition.objects.update_or_create(
            slug=c["slug"],
            defaults={
                "name_lv": c["name_lv"], "name_en": c["name_en"], "kind": c["kind"],
                "starts_on": date.fromisoformat(c["starts_on"]), "ends_on": date.fromisoformat(c["ends_on"]),
                "venue": c["venue"], "host": host, "age_rule": c["age_rule"], "demo": True,
                "final": by_slug.get(c.get("final")),
            },
        )
        if c["released"] and not competition.results_released:
            competition.results_released = True
            competition.released_at = timezone.now()
            competition.save(update_fields=["results_released", "released_at"])
        by_slug[c["slug"]] = competition
        counts["competitions"] += 1
        low, high = competition.age_limits
        rng = random.Random(c["slug"])
        for skill_slug, how_many in c["skills"].items():
            cs, _ = CompetitionSkill.objects.get_or_create(competition=competition, skill=skills[skill_slug])
            scheme = _scheme(cs, data["scheme"])
            for n in range(1, how_many + 1):
                gender = rng.choice("mf")
                first = rng.choice(data["first_names"][gender])
                last = rng.choice(data["last_names"])[0 if gender == "m" else 1]
                Competitor.objects.update_or_create(
                    competition_skill=cs, number=n,
                    defaults={"first_name": first, "last_name": last, "school": schools[rng.randrange(len(schools))],
                              "date_of_birth": _born(rng, competition.starts_on, max(low or 16, 16), min(high or 22, 22))},
                )
                counts["competitors"] += 1
            for n in range(1, EXPERTS_PER_SKILL + 1):
                username = f"demo-expert-{competition.pk}-{skill_slug}-{n}"
                user = _user(username, rng.choice(data["first_names"]["f"]), rng.choice(data["last_names"])[1], expert_password)
                Expert.objects.update_or_create(
                    user=user, competition_skill=cs,
                    defaults={"is_chief": n == 1, "school": None if n == 1 else schools[(competition.pk + n) % len(schools)]},
                )
            if c.get("marks") in ("all", "some"):
                chief = Expert.objects.get(competition_skill=cs, is_chief=True).user
                aspects = list(Aspect.objects.filter(sub_criterion__scheme=scheme))
                if c["marks"] == "some":
                    aspects = [a for a in aspects if a.day == 1]
                for competitor in cs.competitors.all():
                    level = rng.random()
                    for aspect in aspects:
                        value, scores = _mark_value(rng, aspect, level)
                        mark, made = Mark.objects.get_or_create(
                            competitor=competitor, aspect=aspect,
                            defaults={"value": value, "judge_scores": scores, "updated_by": chief},
                        )
                        if made:
                            MarkAudit.objects.create(mark=mark, user=chief, before=None, after=mark.snapshot())
                            counts["marks"] += 1
        for e in c.get("programme", []):
            ProgrammeEvent.objects.update_or_create(
                competition=competition, title_lv=e["lv"],
                defaults={"kind": e["kind"], "title_en": e["en"], "offered_by": e["by"], "place": e["place"],
                          "starts_at": _aware(e["start"]), "ends_at": _aware(e["end"])},
            )
    for edition in data["international"]:
        # A result the file no longer lists for this edition (renamed or corrected) goes.
        InternationalResult.objects.filter(event=edition["event"], edition=edition["edition"]).exclude(
            skill_en__in=[r["skill_en"] for r in edition["results"]]
        ).delete()
        for r in edition["results"]:
            InternationalResult.objects.update_or_create(
                event=edition["event"], edition=edition["edition"], skill_en=r["skill_en"],
                defaults={"year": edition["year"], "skill_lv": r["skill_lv"], "result": r["result"],
                          "team_size": edition["team_size"], "demo": edition["demo"], "competitor": r.get("competitor", "")},
            )
    return counts
