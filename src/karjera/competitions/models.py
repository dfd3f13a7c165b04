"""Skill competitions: who competes in which skill, the marking scheme, the marks and their audit trail.
The rules themselves live in `marking.py`; these models hold the data and its locks."""
from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from karjera.education.models import Institution

from . import marking


class Competition(models.Model):
    NATIONAL_FINAL, SEMI_FINAL, SECTOR = "national_final", "semi_final", "sector"
    KINDS = [
        (NATIONAL_FINAL, _("national final")),
        (SEMI_FINAL, _("semi-final")),
        (SECTOR, _("sector competition")),
    ]
    AGE_RULES = {
        "skillslatvia": (None, 22),
        "euroskills": (17, 25),
        "none": (None, None),
    }
    AGE_RULE_CHOICES = [
        ("skillslatvia", _("SkillsLatvia: up to 22")),
        ("euroskills", _("EuroSkills selection: 17 to 25")),
        ("none", _("no age limit")),
    ]

    slug = models.SlugField(verbose_name=_("short name in addresses"), max_length=80, unique=True)
    name_lv = models.CharField(verbose_name=_("name in Latvian"), max_length=200)
    name_en = models.CharField(verbose_name=_("name in English"), max_length=200)
    kind = models.CharField(verbose_name=_("kind"), max_length=20, choices=KINDS)
    starts_on = models.DateField(verbose_name=_("first day"))
    ends_on = models.DateField(verbose_name=_("last day"))
    venue = models.CharField(verbose_name=_("venue"), max_length=200)
    host = models.ForeignKey(Institution, verbose_name=_("host school"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    final = models.ForeignKey(
        "self", verbose_name=_("final"), null=True, blank=True, on_delete=models.SET_NULL, related_name="semi_finals",
        help_text=_("For a semi-final: the national final its best competitors go on to"),
    )
    age_rule = models.CharField(verbose_name=_("age rule"), max_length=20, choices=AGE_RULE_CHOICES, default="skillslatvia")
    own_school_rule = models.BooleanField(
        verbose_name=_("own-school rule"),
        default=True, help_text=_("Experts may not mark competitors from their own school")
    )
    managers = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("managers"), blank=True, related_name="managed_competitions")
    results_released = models.BooleanField(verbose_name=_("results released"), default=False)
    released_at = models.DateTimeField(verbose_name=_("released at"), null=True, blank=True)
    demo = models.BooleanField(verbose_name=_("demonstration data"), default=False, help_text=_("Demonstration data, shown as such"))

    class Meta:
        ordering = ["-starts_on", "name_lv"]
        verbose_name = _("competition")
        verbose_name_plural = _("competitions")

    def __str__(self):
        return self.name_lv

    def name(self, language):
        return self.name_en if language == "en" else self.name_lv

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The competition cannot end before it starts.")})

    @property
    def age_limits(self) -> tuple[int | None, int | None]:
        return self.AGE_RULES.get(self.age_rule, (None, None))


class Skill(models.Model):
    slug = models.SlugField(verbose_name=_("short name in addresses"), max_length=80, unique=True)
    name_lv = models.CharField(verbose_name=_("name in Latvian"), max_length=200)
    name_en = models.CharField(verbose_name=_("name in English"), max_length=200)

    class Meta:
        ordering = ["name_lv"]
        verbose_name = _("skill")
        verbose_name_plural = _("skills")

    def __str__(self):
        return self.name_lv

    def name(self, language):
        return self.name_en if language == "en" else self.name_lv


class CompetitionSkill(models.Model):
    competition = models.ForeignKey(Competition, verbose_name=_("competition"), on_delete=models.CASCADE, related_name="skills")
    skill = models.ForeignKey(Skill, verbose_name=_("skill"), on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["competition", "skill__name_lv"]
        constraints = [models.UniqueConstraint(fields=["competition", "skill"], name="competition_skill_once")]
        verbose_name = _("skill in a competition")
        verbose_name_plural = _("skills in competitions")

    def __str__(self):
        return f"{self.competition} · {self.skill}"


class Competitor(models.Model):
    competition_skill = models.ForeignKey(CompetitionSkill, verbose_name=_("skill in a competition"), on_delete=models.CASCADE, related_name="competitors")
    number = models.PositiveSmallIntegerField(verbose_name=_("number"), help_text=_("Competitor number within the skill"))
    first_name = models.CharField(verbose_name=_("first name"), max_length=100)
    last_name = models.CharField(verbose_name=_("last name"), max_length=100)
    date_of_birth = models.DateField(verbose_name=_("date of birth"))
    school = models.ForeignKey(Institution, verbose_name=_("school"), on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["competition_skill", "number"]
        constraints = [models.UniqueConstraint(fields=["competition_skill", "number"], name="competitor_number_once")]
        verbose_name = _("competitor")
        verbose_name_plural = _("competitors")

    def __str__(self):
        return f"{self.number}. {self.first_name} {self.last_name}"

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}"

    def clean(self):
        if not (self.date_of_birth and self.competition_skill_id):
            return
        competition = self.competition_skill.competition
        low, high = competition.age_limits
        problem = marking.age_problem(self.date_of_birth, competition.starts_on, low, high)
        if problem:
            age = marking.age_on(self.date_of_birth, competition.starts_on)
            raise ValidationError(
                {"date_of_birth": _("The competitor is %(age)s on the first day; this competition allows %(rule)s.")
                 % {"age": age, "rule": competition.get_age_rule_display()}}
            )


class Expert(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="competition_experts")
    competition_skill = models.ForeignKey(CompetitionSkill, verbose_name=_("skill in a competition"), on_delete=models.CASCADE, related_name="experts")
    school = models.ForeignKey(Institution, verbose_name=_("school"), null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    is_chief = models.BooleanField(verbose_name=_("chief expert"), default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "competition_skill"], name="expert_once_per_skill"),
            models.UniqueConstraint(
                fields=["competition_skill"], condition=models.Q(is_chief=True), name="one_chief_expert_per_skill"
            ),
        ]
        verbose_name = _("expert")
        verbose_name_plural = _("experts")

    def __str__(self):
        return f"{self.user} · {self.competition_skill}"

    def may_mark(self, competitor: Competitor) -> bool:
        """Experts mark their own skill only, and (when the competition says so) not their own school."""
        if competitor.competition_skill_id != self.competition_skill_id:
            return False
        rule = self.competition_skill.competition.own_school_rule
        return not (rule and self.school_id is not None and self.school_id == competitor.school_id)


class MarkingScheme(models.Model):
    competition_skill = models.OneToOneField(CompetitionSkill, verbose_name=_("skill in a competition"), on_delete=models.CASCADE, related_name="scheme")
    locked_at = models.DateTimeField(verbose_name=_("locked at"), null=True, blank=True, help_text=_("Locked before marking starts"))

    class Meta:
        verbose_name = _("marking scheme")
        verbose_name_plural = _("marking schemes")

    def __str__(self):
        return str(self.competition_skill)

    @property
    def locked(self) -> bool:
        return self.locked_at is not None

    def specs(self) -> list[marking.SubCriterionSpec]:
        return [
            marking.SubCriterionSpec(sub.code, tuple(a.spec() for a in sub.aspects.all()))
            for sub in self.sub_criteria.prefetch_related("aspects")
        ]

    def problems(self) -> list[str]:
        return marking.scheme_problems(self.specs())


class SubCriterion(models.Model):
    scheme = models.ForeignKey(MarkingScheme, verbose_name=_("marking scheme"), on_delete=models.CASCADE, related_name="sub_criteria")
    code = models.CharField(verbose_name=_("code"), max_length=10)
    name_lv = models.CharField(verbose_name=_("name in Latvian"), max_length=200)
    name_en = models.CharField(verbose_name=_("name in English"), max_length=200)

    class Meta:
        ordering = ["scheme", "code"]
        constraints = [models.UniqueConstraint(fields=["scheme", "code"], name="sub_criterion_code_once")]
        verbose_name = _("sub-criterion")
        verbose_name_plural = _("sub-criteria")

    def __str__(self):
        return f"{self.code} {self.name_lv}"

    def name(self, language):
        return self.name_en if language == "en" else self.name_lv


class Aspect(models.Model):
    KINDS = [(marking.MEASUREMENT, _("Measurement")), (marking.JUDGEMENT, _("Judgement"))]
    METHODS = [(marking.FULL_OR_NONE, _("full marks or none")), (marking.DEDUCTION, _("by deduction"))]

    sub_criterion = models.ForeignKey(SubCriterion, verbose_name=_("sub-criterion"), on_delete=models.CASCADE, related_name="aspects")
    code = models.CharField(verbose_name=_("code"), max_length=10)
    description_lv = models.CharField(verbose_name=_("description in Latvian"), max_length=300)
    description_en = models.CharField(verbose_name=_("description in English"), max_length=300)
    kind = models.CharField(verbose_name=_("kind"), max_length=20, choices=KINDS)
    method = models.CharField(verbose_name=_("method"), max_length=20, choices=METHODS, default=marking.FULL_OR_NONE)
    max_mark = models.DecimalField(verbose_name=_("maximum mark"), max_digits=5, decimal_places=2)
    day = models.PositiveSmallIntegerField(verbose_name=_("day"), default=1, help_text=_("Competition day on which it is marked"))

    class Meta:
        ordering = ["sub_criterion__code", "code"]
        constraints = [models.UniqueConstraint(fields=["sub_criterion", "code"], name="aspect_code_once")]
        verbose_name = _("aspect")
        verbose_name_plural = _("aspects")

    def __str__(self):
        return f"{self.code} {self.description_lv}"

    def description(self, language):
        return self.description_en if language == "en" else self.description_lv

    def spec(self) -> marking.AspectSpec:
        return marking.AspectSpec(self.code, self.kind, Decimal(self.max_mark), self.method, self.day)


class Mark(models.Model):
    """One competitor's mark for one aspect. `version` grows by one with every change: a save names the
    version it was based on and is refused when someone else saved in between."""

    competitor = models.ForeignKey(Competitor, verbose_name=_("competitor"), on_delete=models.CASCADE, related_name="marks")
    aspect = models.ForeignKey(Aspect, verbose_name=_("aspect"), on_delete=models.PROTECT, related_name="marks")
    value = models.DecimalField(verbose_name=_("mark"), max_digits=5, decimal_places=2)
    judge_scores = models.JSONField(verbose_name=_("judges' scores"), null=True, blank=True)
    version = models.PositiveIntegerField(verbose_name=_("version"), default=1)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("changed by"), null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(verbose_name=_("changed at"), auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["competitor", "aspect"], name="one_mark_per_aspect")]
        verbose_name = _("mark")
        verbose_name_plural = _("marks")

    def __str__(self):
        return f"{self.competitor} · {self.aspect.code}: {self.value}"

    def snapshot(self) -> dict:
        return {"value": str(self.value), "judge_scores": self.judge_scores, "version": self.version}


class MarkAudit(models.Model):
    mark = models.ForeignKey(Mark, verbose_name=_("mark"), on_delete=models.CASCADE, related_name="audit")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("user"), null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(verbose_name=_("time"), auto_now_add=True)
    before = models.JSONField(verbose_name=_("before"), null=True, blank=True)
    after = models.JSONField(verbose_name=_("after"))

    class Meta:
        ordering = ["mark", "at", "pk"]
        verbose_name = _("mark change")
        verbose_name_plural = _("mark changes")

    def __str__(self):
        return f"{self.mark_id} {self.at:%Y-%m-%d %H:%M:%S}"


class SignOff(models.Model):
    """The chief expert's signature under one day's marks of a skill; from then on they are locked."""

    competition_skill = models.ForeignKey(CompetitionSkill, verbose_name=_("skill in a competition"), on_delete=models.CASCADE, related_name="sign_offs")
    day = models.PositiveSmallIntegerField(verbose_name=_("day"))
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("signed off by"), null=True, on_delete=models.SET_NULL, related_name="+")
    signed_at = models.DateTimeField(verbose_name=_("signed off at"), auto_now_add=True)

    class Meta:
        ordering = ["competition_skill", "day"]
        constraints = [models.UniqueConstraint(fields=["competition_skill", "day"], name="sign_off_once_per_day")]
        verbose_name = _("sign-off")
        verbose_name_plural = _("sign-offs")

    def __str__(self):
        return f"{self.competition_skill} · {self.day}"


class ProgrammeEvent(models.Model):
    """The visitor programme: try-outs and demonstrations offered during a competition."""

    TRY_OUT, DEMONSTRATION = "try_out", "demonstration"
    KINDS = [(TRY_OUT, _("try-out")), (DEMONSTRATION, _("demonstration"))]

    competition = models.ForeignKey(Competition, verbose_name=_("competition"), on_delete=models.CASCADE, related_name="programme")
    kind = models.CharField(verbose_name=_("kind"), max_length=20, choices=KINDS)
    title_lv = models.CharField(verbose_name=_("title in Latvian"), max_length=200)
    title_en = models.CharField(verbose_name=_("title in English"), max_length=200)
    offered_by = models.CharField(verbose_name=_("offered by"), max_length=200, help_text=_("School, company or service"))
    place = models.CharField(verbose_name=_("place"), max_length=200)
    starts_at = models.DateTimeField(verbose_name=_("starts at"))
    ends_at = models.DateTimeField(verbose_name=_("ends at"))

    class Meta:
        ordering = ["competition", "starts_at", "title_lv"]
        verbose_name = _("visitor programme event")
        verbose_name_plural = _("visitor programme events")

    def __str__(self):
        return self.title_lv

    def title(self, language):
        return self.title_en if language == "en" else self.title_lv


class InternationalResult(models.Model):
    """The national team's participation and medals at EuroSkills and WorldSkills, as the agency records them."""

    EVENTS = [("euroskills", "EuroSkills"), ("worldskills", "WorldSkills")]
    RESULTS = [
        ("gold", _("gold medal")),
        ("silver", _("silver medal")),
        ("bronze", _("bronze medal")),
        ("excellence", _("Medallion for Excellence")),
        ("participation", _("took part")),
    ]

    event = models.CharField(verbose_name=_("event"), max_length=20, choices=EVENTS)
    edition = models.CharField(verbose_name=_("edition"), max_length=100, help_text=_("e.g. 2022 Special Edition"))
    year = models.PositiveSmallIntegerField(verbose_name=_("year"))
    skill_lv = models.CharField(verbose_name=_("skill in Latvian"), max_length=200)
    skill_en = models.CharField(verbose_name=_("skill in English"), max_length=200)
    competitor = models.CharField(verbose_name=_("competitor's name"), max_length=200, blank=True)
    result = models.CharField(verbose_name=_("result"), max_length=20, choices=RESULTS)
    team_size = models.PositiveSmallIntegerField(verbose_name=_("team size"), null=True, blank=True, help_text=_("Competitors in the national team"))
    demo = models.BooleanField(verbose_name=_("demonstration data"), default=False, help_text=_("Demonstration data, shown as such"))

    class Meta:
        ordering = ["-year", "event", "skill_lv"]
        verbose_name = _("international result")
        verbose_name_plural = _("international results")

    def __str__(self):
        return f"{self.get_event_display()} {self.edition}: {self.skill_lv}"

    def skill(self, language):
        return self.skill_en if language == "en" else self.skill_lv


class SchoolRegistrar(models.Model):
    """A school's staff member who registers its competitors and experts."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="competition_schools")
    school = models.ForeignKey(Institution, verbose_name=_("school"), on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "school"], name="registrar_once_per_school")]
        verbose_name = _("school registrar")
        verbose_name_plural = _("school registrars")

    def __str__(self):
        return f"{self.user} · {self.school}"
