"""Programme monitoring: indicators planned against achieved, funding and its absorption, the
sustainability assessment of schools, the counsellor network's history, and usage analytics that
hold no personal data.

The analytics tables never store an address, a user agent or anything that identifies a visitor for
longer than a day: `Event.visitor` is a 64-bit piece of sha256(salt of the day + address + user agent),
the salt is random and lives only in `DailySalt` for its own day, and when the day is over its events
are rolled up into counts (`DailyCount`, `DailyVisitors`) and deleted together with the salt. See
docs/monitoring.md.
"""
import secrets
from decimal import Decimal

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from . import figures


class Bilingual:
    """`name` in the current language from `name_lv` / `name_en`."""

    def text(self, field: str) -> str:
        value = getattr(self, f"{field}_en") if (get_language() or "lv").startswith("en") else ""
        return value or getattr(self, f"{field}_lv")

    @property
    def name(self) -> str:
        return self.text("name")


class Programme(Bilingual, models.Model):
    code = models.CharField(_("code"), max_length=40, unique=True)
    name_lv = models.CharField(_("name (Latvian)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    eligible_costs = models.DecimalField(_("eligible costs, EUR"), max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self):
        return self.code


class Indicator(Bilingual, models.Model):
    OUTPUT = "output"
    RESULT = "result"
    KIND_CHOICES = [(OUTPUT, _("output indicator")), (RESULT, _("result indicator"))]

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="indicators")
    code = models.SlugField(_("code"), max_length=40)
    kind = models.CharField(_("kind"), max_length=10, choices=KIND_CHOICES)
    specific = models.BooleanField(_("specific output indicator"), default=False)
    name_lv = models.CharField(_("name (Latvian)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    unit_lv = models.CharField(_("unit (Latvian)"), max_length=60)
    unit_en = models.CharField(_("unit (English)"), max_length=60, blank=True)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["programme", "code"], name="monitoring_indicator_code")]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.name_lv

    @property
    def unit(self) -> str:
        return self.text("unit")

    @property
    def latest(self):
        """The latest recorded value (the achieved figure), or None."""
        values = getattr(self, "_prefetched_objects_cache", {}).get("values")
        if values is not None:
            return max(values, key=lambda v: (v.on, v.pk), default=None)
        return self.values.order_by("-on", "-pk").first()

    @property
    def achieved(self):
        latest = self.latest
        return latest.value if latest else None

    @property
    def achievement(self) -> Decimal | None:
        achieved = self.achieved
        return None if achieved is None else figures.achievement(self.target, achieved)


class IndicatorValue(models.Model):
    """An achieved value on a date with its evidence; all of them together are the history."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    on = models.DateField(_("date"))
    value = models.DecimalField(_("achieved"), max_digits=14, decimal_places=2)
    evidence = models.TextField(_("evidence"), blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["indicator", "on", "pk"]
        verbose_name = _("achieved value")
        verbose_name_plural = _("achieved values")

    def __str__(self):
        return f"{self.indicator.code} {self.on}: {self.value}"


class FundingSource(Bilingual, models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="sources")
    code = models.SlugField(_("code"), max_length=20)
    name_lv = models.CharField(_("name (Latvian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    share_percent = models.DecimalField(_("share, %"), max_digits=5, decimal_places=2)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["programme", "code"], name="monitoring_source_code")]
        verbose_name = _("funding source")
        verbose_name_plural = _("funding sources")

    def __str__(self):
        return f"{self.name_lv} ({self.share_percent} %)"


class Absorption(models.Model):
    """Eligible costs paid out (absorbed) by a date, cumulative."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="absorption")
    on = models.DateField(_("date"))
    amount = models.DecimalField(_("absorbed, EUR"), max_digits=14, decimal_places=2)
    evidence = models.TextField(_("evidence"), blank=True)

    class Meta:
        ordering = ["on"]
        constraints = [models.UniqueConstraint(fields=["programme", "on"], name="monitoring_absorption_day")]
        verbose_name = _("absorption of funding")
        verbose_name_plural = _("absorption of funding")

    def __str__(self):
        return f"{self.on}: {self.amount}"


class NetworkSnapshot(Bilingual, models.Model):
    """The counsellor network's size at a point in its history, as the programme reported it."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="network")
    order = models.PositiveSmallIntegerField(default=0)
    name_lv = models.CharField(_("period (Latvian)"), max_length=120)
    name_en = models.CharField(_("period (English)"), max_length=120, blank=True)
    counsellors = models.PositiveIntegerField(_("counsellors"))
    full_time = models.PositiveIntegerField(_("full-time counsellors"))
    source = models.TextField(_("source"), blank=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("counsellor network figure")
        verbose_name_plural = _("counsellor network figures")

    def __str__(self):
        return f"{self.name_lv}: {self.counsellors}"


# ---- sustainability assessment -------------------------------------------------------------------


class SustainabilityCriterion(Bilingual, models.Model):
    code = models.SlugField(max_length=40, unique=True)
    order = models.PositiveSmallIntegerField(default=0)
    name_lv = models.CharField(_("criterion (Latvian)"), max_length=300)
    name_en = models.CharField(_("criterion (English)"), max_length=300, blank=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("sustainability criterion")
        verbose_name_plural = _("sustainability criteria")

    def __str__(self):
        return self.name_lv


class SustainabilityRound(Bilingual, models.Model):
    """One assessment: questionnaires sent to schools and what came back.

    A round recorded from the programme's reports carries its figures in `reported_*`; a round run in
    the system counts its own invitations and answers.
    """

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="sustainability_rounds")
    name_lv = models.CharField(_("name (Latvian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    open = models.BooleanField(_("open for answers"), default=False)
    reported_sent = models.PositiveIntegerField(_("reported: sent"), null=True, blank=True)
    reported_received = models.PositiveIntegerField(_("reported: received"), null=True, blank=True)
    reported_sustained = models.PositiveIntegerField(_("reported: sustained"), null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("sustainability assessment")
        verbose_name_plural = _("sustainability assessments")

    def __str__(self):
        return self.name_lv

    @property
    def is_reported(self) -> bool:
        return self.reported_sent is not None


def new_invitation_token() -> str:
    return secrets.token_urlsafe(18)


class SchoolQuestionnaire(models.Model):
    """A questionnaire sent to one school; its unguessable link is the school's way in."""

    round = models.ForeignKey(SustainabilityRound, on_delete=models.CASCADE, related_name="questionnaires")
    school = models.CharField(_("school"), max_length=200)
    institution = models.ForeignKey("education.Institution", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    token = models.CharField(max_length=32, unique=True, default=new_invitation_token, editable=False)
    sent_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True, max_length=3000)

    class Meta:
        ordering = ["school"]
        verbose_name = _("school questionnaire")
        verbose_name_plural = _("school questionnaires")

    def __str__(self):
        return self.school


class CriterionAnswer(models.Model):
    questionnaire = models.ForeignKey(SchoolQuestionnaire, on_delete=models.CASCADE, related_name="answers")
    criterion = models.ForeignKey(SustainabilityCriterion, on_delete=models.CASCADE, related_name="answers")
    met = models.BooleanField()
    note = models.TextField(blank=True, max_length=2000)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["questionnaire", "criterion"], name="monitoring_one_answer_per_criterion")]


# ---- usage analytics -----------------------------------------------------------------------------


class EventKind(models.IntegerChoices):
    SESSION_STARTED = 1, _("test sessions started")
    SESSION_COMPLETED = 2, _("test sessions completed")
    PAGE_VIEW = 3, _("page views")
    ANSWERS = 4, _("test answers")


class DailySalt(models.Model):
    """The random salt of one day. Deleted as soon as the day is over."""

    day = models.DateField(unique=True)
    salt = models.CharField(max_length=64)


class Event(models.Model):
    """One counted event of today. No address, no user agent, no cookie; `visitor` is a hash under
    today's salt and means nothing once the salt is gone (the row is rolled up and deleted then)."""

    day = models.DateField()
    kind = models.PositiveSmallIntegerField(choices=EventKind.choices)
    subject = models.CharField(max_length=100)
    visitor = models.BigIntegerField()

    class Meta:
        indexes = [models.Index(fields=["day"], name="monitoring_event_day")]


class DailyCount(models.Model):
    """Events of one kind and subject on one day, with the distinct visitors among them."""

    day = models.DateField()
    kind = models.PositiveSmallIntegerField(choices=EventKind.choices)
    subject = models.CharField(max_length=100)
    events = models.PositiveIntegerField()
    visitors = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "kind", "subject"], name="monitoring_daily_count")]


class DailyVisitors(models.Model):
    """Distinct visitors of a day over all events. A month's visitors are the sum of its days, so a
    pupil who comes back on another day counts again: nothing links one day to the next."""

    day = models.DateField(unique=True)
    visitors = models.PositiveIntegerField()


# ---- surveys -------------------------------------------------------------------------------------


class Survey(Bilingual, models.Model):
    """A questionnaire for pupils, parents or counsellors behind one anonymous link."""

    PUPILS, PARENTS, COUNSELLORS = "pupils", "parents", "counsellors"
    AUDIENCE_CHOICES = [(PUPILS, _("pupils")), (PARENTS, _("parents")), (COUNSELLORS, _("career counsellors"))]

    name_lv = models.CharField(_("title (Latvian)"), max_length=200)
    name_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    intro_lv = models.TextField(_("introduction (Latvian)"), blank=True)
    intro_en = models.TextField(_("introduction (English)"), blank=True)
    audience = models.CharField(pgettext_lazy("survey", "audience"), max_length=20, choices=AUDIENCE_CHOICES)
    token = models.CharField(max_length=32, unique=True, default=new_invitation_token, editable=False)
    open = models.BooleanField(_("open for answers"), default=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    reported_answers = models.PositiveIntegerField(_("reported: answers"), null=True, blank=True,
                                                   help_text=_("For a survey recorded from the programme's reports"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def __str__(self):
        return self.name_lv

    @property
    def intro(self) -> str:
        return self.text("intro")


class Question(Bilingual, models.Model):
    KIND_CHOICES = [("single", _("one choice")), ("multiple", _("several choices")), ("scale", _("scale")),
                    ("text", _("free text"))]

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(_("kind"), max_length=10, choices=KIND_CHOICES)
    name_lv = models.CharField(_("question (Latvian)"), max_length=500)
    name_en = models.CharField(_("question (English)"), max_length=500, blank=True)
    required = models.BooleanField(_("required"), default=False)
    options = models.JSONField(_("options"), default=list, blank=True,
                               help_text=_('For choices: a list of {"lv": "...", "en": "..."}'))
    scale_min = models.SmallIntegerField(default=1)
    scale_max = models.SmallIntegerField(default=5)
    scale_low_lv = models.CharField(max_length=60, blank=True)
    scale_low_en = models.CharField(max_length=60, blank=True)
    scale_high_lv = models.CharField(max_length=60, blank=True)
    scale_high_en = models.CharField(max_length=60, blank=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.name_lv

    @property
    def spec(self) -> dict:
        return {"id": self.pk, "kind": self.kind, "required": self.required, "options": self.options,
                "scale_min": self.scale_min, "scale_max": self.scale_max}

    def option_labels(self) -> list[str]:
        en = (get_language() or "lv").startswith("en")
        return [(o.get("en") if en else "") or o.get("lv", "") for o in self.options]


class SurveyResponse(models.Model):
    """One anonymous answer sheet: only the day it came in, nothing about who sent it."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    day = models.DateField()


class SurveyAnswer(models.Model):
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    value = models.JSONField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="monitoring_one_survey_answer")]
