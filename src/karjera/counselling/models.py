"""The counsellor workspace: staff roles, groups, pupils who joined them, notes, consultations, the
methods library and schools' career-support plans.

Pupils have no accounts: a `GroupMember` is a display name, a consent choice and an unguessable id
that is the pupil's link to their member page. Test sessions stay in the assessments app; a
`MemberTest` links one to a member.
"""
import secrets
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from karjera.assessments.models import RESUME_ALPHABET, TestSession
from karjera.core.text import fold
from karjera.education.models import Institution, Municipality

from . import library, rules

JOIN_CODE_LENGTH = 6


def new_member_id() -> str:
    return secrets.token_urlsafe(18)  # 144 random bits


def new_join_code() -> str:
    return "".join(secrets.choice(RESUME_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def normalise_join_code(text: str) -> str:
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())[:JOIN_CODE_LENGTH * 2]


class StaffRole(models.Model):
    ROLE_CHOICES = [
        (rules.COUNSELLOR, _("career counsellor")),
        (rules.SCHOOL_ADMIN, _("school administrator")),
        (rules.COORDINATOR, _("municipality coordinator")),
        (rules.AGENCY_ADMIN, _("agency administrator")),
    ]
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="counselling_role",
                                verbose_name=_("user"))
    role = models.CharField(_("role"), max_length=20, choices=ROLE_CHOICES)
    schools = models.ManyToManyField(Institution, blank=True, related_name="staff_roles", verbose_name=_("schools"),
                                     help_text=_("Schools a counsellor serves or a school administrator runs"))
    municipality = models.ForeignKey(Municipality, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("municipality"),
                                     help_text=_("For municipality coordinators"))
    # Counsellors only: how the post is organised and its size, for the agency's network figures.
    EMPLOYMENT_CHOICES = [
        ("one_school", _("employed at one school")),
        ("municipality", _("employed by the municipality for several schools")),
        ("additional_duty", _("as an additional duty, e.g. a teacher")),
        ("mixed", _("mixed")),
    ]
    employment_model = models.CharField(_("employment model"), max_length=20, choices=EMPLOYMENT_CHOICES, blank=True,
                                        help_text=_("For career counsellors"))
    workload = models.DecimalField(_("workload"), max_digits=3, decimal_places=2, null=True, blank=True,
                                   validators=[MinValueValidator(Decimal("0.00")), MaxValueValidator(Decimal("1.00"))],
                                   help_text=_("For career counsellors: full-time equivalent from 0.00 to 1.00, e.g. 0.50"))
    totp_secret = models.CharField(max_length=64, blank=True, editable=False)
    totp_confirmed = models.BooleanField(default=False, editable=False)
    totp_last_counter = models.BigIntegerField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("staff role")
        verbose_name_plural = _("staff roles")

    def __str__(self):
        return f"{self.user} ({self.get_role_display()})"

    def clean(self):
        super().clean()
        if self.role != rules.COUNSELLOR and (self.employment_model or self.workload is not None):
            raise ValidationError(_("The employment model and workload are recorded for career counsellors only."))


class Group(models.Model):
    """A class or a workshop that a counsellor runs through the tests."""

    institution = models.ForeignKey(Institution, on_delete=models.PROTECT, related_name="counselling_groups")
    counsellor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="counselling_groups")
    name = models.CharField(_("name"), max_length=100)
    grade = models.PositiveSmallIntegerField(_("grade"), null=True, blank=True)
    join_code = models.CharField(max_length=JOIN_CODE_LENGTH, unique=True, default=new_join_code)
    tests = models.JSONField(default=list, help_text=_("Test slugs the group takes"))
    open = models.BooleanField(_("open for joining"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("group")
        verbose_name_plural = _("groups")

    def __str__(self):
        return self.name

    @property
    def facts(self) -> rules.GroupFacts:
        return rules.GroupFacts(school=self.institution_id, municipality=self.institution.municipality_id, counsellor=self.counsellor_id)

    @property
    def display_code(self) -> str:
        return f"{self.join_code[:3]}-{self.join_code[3:]}"


class GroupMember(models.Model):
    """A pupil in a group: no account, the id is their capability."""

    # The pupil's link carries `token`; staff pages use the plain id, which opens nothing by itself.
    token = models.CharField(max_length=32, unique=True, default=new_member_id, editable=False)
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="members")
    display_name = models.CharField(_("display name"), max_length=40)
    shares = models.BooleanField(_("shares results with the counsellor"), default=False)
    consent_changed_at = models.DateTimeField(null=True, blank=True)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["display_name", "joined_at"]
        verbose_name = _("group member")
        verbose_name_plural = _("group members")

    def __str__(self):
        return self.display_name


class MemberTest(models.Model):
    member = models.ForeignKey(GroupMember, on_delete=models.CASCADE, related_name="tests")
    session = models.OneToOneField(TestSession, on_delete=models.CASCADE, related_name="group_link")
    slug = models.SlugField(max_length=40)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["member", "slug"], name="one_session_per_member_test")]


class Note(models.Model):
    """A counsellor's private note about a pupil; only its author ever sees it."""

    member = models.ForeignKey(GroupMember, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("note"), max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]


# The stages of an individual career consultation, in order (our own handbook; docs/counselling.md).
STAGES = [
    ("contact", _("Contact and request"), _("Why the pupil came, what they expect, and what the consultation can and cannot do.")),
    ("exploration", _("Exploration"), _("Interests, values, abilities, experience and circumstances; what the tests showed, if the pupil shared it.")),
    ("goals", _("Goals"), _("What the pupil wants to reach, said in their own words, and by when.")),
    ("options", _("Options"), _("Occupations, education paths and other choices considered, with what speaks for and against each.")),
    ("plan", _("Plan and next steps"), _("Concrete steps, who does what and by when.")),
    ("follow_up", _("Follow-up"), _("When and how to check how the plan is going.")),
]


class Consultation(models.Model):
    member = models.ForeignKey(GroupMember, on_delete=models.CASCADE, related_name="consultations")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    held_on = models.DateField(_("date of the consultation"))
    contact = models.TextField(blank=True, max_length=5000)
    exploration = models.TextField(blank=True, max_length=5000)
    goals = models.TextField(blank=True, max_length=5000)
    options = models.TextField(blank=True, max_length=5000)
    plan = models.TextField(blank=True, max_length=5000)
    follow_up = models.TextField(blank=True, max_length=5000)
    follow_up_on = models.DateField(_("follow up on"), null=True, blank=True)
    follow_up_done = models.BooleanField(_("follow-up done"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-created_at"]


class Method(models.Model):
    """A method or material of the library, in Latvian and English."""

    AUDIENCES = [("pupils", _("pupils")), ("parents", _("parents")), ("teachers", _("teachers"))]
    TOPICS = [
        ("self_knowledge", _("self-knowledge")),
        ("world_of_work", _("the world of work")),
        ("education_paths", _("education paths")),
        ("career_decisions", _("career decisions")),
        ("skills_for_work", _("skills for work")),
        ("working_with_parents", _("working with parents")),
    ]
    FORMATS = [
        ("lesson", _("lesson")),
        ("activity", _("activity")),
        ("workshop", _("workshop")),
        ("video_lecture", _("video lecture")),
        ("guide", _("guide")),
        ("consultation_tool", _("consultation tool")),
    ]
    slug = models.SlugField(_("short name"), max_length=80, unique=True,
                            help_text=_("Latin letters, digits and hyphens; plans refer to the method by it"))
    title_lv = models.CharField(_("title in Latvian"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200)
    summary_lv = models.TextField(_("summary in Latvian"))
    summary_en = models.TextField(_("summary in English"))
    grade_from = models.PositiveSmallIntegerField(_("from grade"))
    grade_to = models.PositiveSmallIntegerField(_("to grade"))
    audience = models.CharField(_("audience"), max_length=20, choices=AUDIENCES)
    topic = models.CharField(_("topic"), max_length=30, choices=TOPICS)
    format = models.CharField(_("format"), max_length=30, choices=FORMATS)
    duration_minutes = models.PositiveSmallIntegerField(_("duration in minutes"))
    goals = models.JSONField(_("goals"), default=dict, blank=True, help_text='{"lv": [...], "en": [...]}')
    materials = models.JSONField(_("materials"), default=dict, blank=True, help_text='{"lv": "...", "en": "..."}')
    steps = models.JSONField(_("steps"), default=dict, blank=True, help_text='{"lv": [...], "en": [...]}')
    search_text = models.TextField(blank=True, editable=False)
    from_file = models.BooleanField(_("from a file"), default=False, editable=False, help_text=_("Loaded by load_methods"))

    class Meta:
        ordering = ["grade_from", "title_lv"]
        verbose_name = _("method")
        verbose_name_plural = _("methods")

    def __str__(self):
        return self.title_lv

    def save(self, *args, **kwargs):
        self.search_text = self.folded_text()
        super().save(*args, **kwargs)

    def folded_text(self) -> str:
        parts = [self.title_lv, self.title_en, self.summary_lv, self.summary_en]
        for value in (self.goals, self.steps):
            for lang in library.LANGS:
                parts += list((value or {}).get(lang, []))
        parts += [(self.materials or {}).get(lang, "") for lang in library.LANGS]
        return " " + fold(" ".join(parts)) + " "

    def title(self, language):
        return self.title_en if language == "en" else self.title_lv

    def summary(self, language):
        return self.summary_en if language == "en" else self.summary_lv

    def as_rule_data(self) -> dict:
        return {"slug": self.slug, "topic": self.topic, "audience": self.audience,
                "grades": [self.grade_from, self.grade_to], "duration_minutes": self.duration_minutes}


class Plan(models.Model):
    """A school's career-support plan for one school year."""

    institution = models.ForeignKey(Institution, on_delete=models.PROTECT, related_name="career_plans")
    school_year = models.CharField(_("school year"), max_length=9, help_text="2026/2027")
    title = models.CharField(_("title"), max_length=200)
    template = models.SlugField(max_length=80, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-school_year", "title"]


class PlanActivity(models.Model):
    AGE_GROUPS = [
        ("1-4", _("grades 1-4")), ("5-6", _("grades 5-6")), ("7-9", _("grades 7-9")), ("10-12", _("grades 10-12")),
        ("parents", _("parents")), ("teachers", _("teachers")),
    ]
    MONTHS = [
        (9, _("September")), (10, _("October")), (11, _("November")), (12, _("December")), (1, _("January")),
        (2, _("February")), (3, _("March")), (4, _("April")), (5, _("May")), (6, _("June")),
    ]
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="activities")
    age_group = models.CharField(_("age group"), max_length=10, choices=AGE_GROUPS)
    month = models.PositiveSmallIntegerField(_("month"), choices=MONTHS)
    title = models.CharField(_("activity"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=3000)
    methods = models.JSONField(default=list, blank=True)
    responsible = models.CharField(_("responsible"), max_length=200, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]


class PlanTemplate(models.Model):
    """One of the sample career-support plans, loaded from data/counselling/plan_templates.yaml."""

    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    data = models.JSONField(_("content"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("plan template")
        verbose_name_plural = _("plan templates")

    def __str__(self):
        return self.slug
