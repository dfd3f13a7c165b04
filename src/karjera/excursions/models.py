"""Study excursions and Job Shadow Day: hosts (companies and institutions), their offers with slots,
schools' requests and bookings, feedback, and shadowing places with pupils' applications.

Pupils have no accounts here either: a school's staff member books for a group and enters Job Shadow
Day applications with the pupil's first name and initial and grade only.
"""
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from karjera.core.text import fold
from karjera.education.models import Institution, Municipality
from karjera.occupations.models import Occupation

SECTORS = [
    ("agriculture_food", _("agriculture and food production")),
    ("forestry_wood", _("forestry and woodworking")),
    ("metal_engineering", _("metalworking, mechanical engineering and electronics")),
    ("energy", _("energy")),
    ("construction", _("construction")),
    ("transport_logistics", _("transport and logistics")),
    ("ict", _("information and communication technologies")),
    ("chemistry_pharma", _("chemical industry and pharmacy")),
    ("tourism_hospitality", _("tourism, hospitality and catering")),
    ("health_social", _("health care and social care")),
    ("culture_creative", _("culture, arts and creative industries")),
    ("public_services", _("public administration, security and defence")),
    ("business_finance", _("trade, business services and finance")),
]
AGE_GROUPS = [("1-4", _("grades 1-4")), ("5-6", _("grades 5-6")), ("7-9", _("grades 7-9")), ("10-12", _("grades 10-12"))]
LANGUAGES = [("lv", _("Latvian")), ("en", _("English")), ("ru", _("Russian"))]

DRAFT, PENDING, PUBLISHED, REJECTED = "draft", "pending", "published", "rejected"
MODERATION = [
    (DRAFT, _("draft")),
    (PENDING, _("awaiting moderation")),
    (PUBLISHED, _("published")),
    (REJECTED, _("returned by the agency")),
]


def age_groups_text(codes) -> str:
    """Age groups stored as ",1-4,5-6," so that one group is a plain substring match on every database."""
    return "," + ",".join(c for c, _n in AGE_GROUPS if c in set(codes)) + ","


class Host(models.Model):
    """A company or institution that receives school groups."""

    name = models.CharField(_("name"), max_length=200)
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="excursion_hosts")
    email = models.EmailField(_("contact e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    demo = models.BooleanField(default=False, help_text=_("Demonstration data, shown as such"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("host")
        verbose_name_plural = _("hosts")

    def __str__(self):
        return self.name


class HostMember(models.Model):
    """The host role: a user who speaks for one host."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="excursion_host")
    host = models.ForeignKey(Host, on_delete=models.CASCADE, related_name="members")

    class Meta:
        verbose_name = _("host member")
        verbose_name_plural = _("host members")

    def __str__(self):
        return f"{self.user} ({self.host})"


class Offer(models.Model):
    host = models.ForeignKey(Host, on_delete=models.CASCADE, related_name="offers")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("what the group will see and do"), max_length=4000)
    sector = models.CharField(_("sector"), max_length=30, choices=SECTORS)
    occupations = models.ManyToManyField(Occupation, blank=True, related_name="excursion_offers", verbose_name=_("occupations"))
    address = models.CharField(_("address"), max_length=200)
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="excursion_offers", verbose_name=_("municipality"))
    age_groups = models.CharField(_("age groups"), max_length=40, default=",")
    min_group = models.PositiveSmallIntegerField(_("smallest group"), default=1)
    max_group = models.PositiveSmallIntegerField(_("largest group"), default=25)
    duration_minutes = models.PositiveSmallIntegerField(_("duration in minutes"), default=90)
    language = models.CharField(_("language of the visit"), max_length=2, choices=LANGUAGES, default="lv")
    accessible = models.BooleanField(_("step-free access for wheelchair users"), default=False)
    accessibility = models.CharField(_("accessibility notes"), max_length=500, blank=True)
    bring = models.CharField(_("what to bring"), max_length=500, blank=True)
    auto_confirm = models.BooleanField(_("confirm requests at once while places are free"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=MODERATION, default=DRAFT)
    moderation_note = models.CharField(_("note from the agency"), max_length=500, blank=True)
    moderated_at = models.DateTimeField(null=True, blank=True)
    search_text = models.TextField(blank=True, editable=False)
    demo = models.BooleanField(default=False, help_text=_("Demonstration data, shown as such"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("excursion offer")
        verbose_name_plural = _("excursion offers")

    def __str__(self):
        return self.title

    @property
    def published(self) -> bool:
        return self.status == PUBLISHED

    @property
    def age_group_codes(self) -> list[str]:
        return [c for c in self.age_groups.split(",") if c]

    def age_group_names(self) -> list[str]:
        names = dict(AGE_GROUPS)
        return [str(names[c]) for c in self.age_group_codes if c in names]

    def refresh_search_text(self, save=True):
        parts = [self.title, self.description, self.host.name, self.address]
        if self.pk:
            for occupation in self.occupations.all():
                parts += [occupation.name_lv, occupation.name_en]
        self.search_text = " " + fold(" ".join(parts)) + " "
        if save:
            Offer.objects.filter(pk=self.pk).update(search_text=self.search_text)


class Slot(models.Model):
    """A date and time at which an offer takes groups; `capacity` counts pupils of all groups together."""

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    capacity = models.PositiveSmallIntegerField(_("places (pupils)"))

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("slot")
        verbose_name_plural = _("slots")

    def __str__(self):
        return f"{self.offer} {self.starts_at:%Y-%m-%d %H:%M}"


class Request(models.Model):
    PENDING, PROPOSED, CONFIRMED, DECLINED, CANCELLED = "pending", "proposed", "confirmed", "declined", "cancelled"
    STATUSES = [
        (PENDING, _("waiting for the host")),
        (PROPOSED, _("the host proposed another time")),
        (CONFIRMED, _("confirmed")),
        (DECLINED, _("declined")),
        (CANCELLED, _("cancelled")),
    ]
    HOLDING = (PENDING, PROPOSED, CONFIRMED)  # these hold places in their slot

    offer = models.ForeignKey(Offer, on_delete=models.PROTECT, related_name="requests")
    slot = models.ForeignKey(Slot, on_delete=models.PROTECT, related_name="requests")
    school = models.ForeignKey(Institution, on_delete=models.PROTECT, related_name="excursion_requests")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="excursion_requests")
    group_name = models.CharField(_("group"), max_length=60, help_text=_("For example 8.b"))
    group_size = models.PositiveSmallIntegerField(_("pupils in the group"))
    accompanying = models.PositiveSmallIntegerField(_("accompanying adults"), default=1)
    contact_email = models.EmailField(_("contact e-mail"))
    message = models.TextField(_("message to the host"), max_length=2000, blank=True)
    status = models.CharField(max_length=10, choices=STATUSES, default=PENDING)
    host_note = models.CharField(_("note from the host"), max_length=500, blank=True)
    late_cancellation = models.BooleanField(default=False)
    cancelled_by = models.CharField(max_length=10, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("request")
        verbose_name_plural = _("requests")

    def __str__(self):
        return f"{self.school} → {self.offer} ({self.status})"

    @property
    def holds_places(self) -> bool:
        return self.status in self.HOLDING


class Feedback(models.Model):
    request = models.OneToOneField(Request, on_delete=models.CASCADE, related_name="feedback")
    attended = models.PositiveSmallIntegerField(_("pupils who came"))
    rating = models.PositiveSmallIntegerField(_("how useful was the visit (1-5)"))
    comment = models.TextField(_("comment"), max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)


# ---- Job Shadow Day --------------------------------------------------------------------------------


class ShadowRound(models.Model):
    """One Job Shadow Day campaign: places are offered and applied for until `apply_until`, then assigned."""

    name = models.CharField(_("name"), max_length=100)
    apply_until = models.DateTimeField(_("applications until"))
    assigned_at = models.DateTimeField(null=True, blank=True, editable=False)
    demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["-apply_until"]
        verbose_name = _("Job Shadow Day round")
        verbose_name_plural = _("Job Shadow Day rounds")

    def __str__(self):
        return self.name


class ShadowPlace(models.Model):
    round = models.ForeignKey(ShadowRound, on_delete=models.CASCADE, related_name="places")
    host = models.ForeignKey(Host, on_delete=models.CASCADE, related_name="shadow_places")
    title = models.CharField(_("whom the pupil shadows"), max_length=200)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    occupation = models.ForeignKey(Occupation, null=True, blank=True, on_delete=models.SET_NULL, related_name="shadow_places", verbose_name=_("occupation"))
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="shadow_places", verbose_name=_("municipality"))
    address = models.CharField(_("address"), max_length=200)
    date = models.DateField(_("date"))
    places = models.PositiveSmallIntegerField(_("places"))
    grade_from = models.PositiveSmallIntegerField(_("from grade"), default=7)
    grade_to = models.PositiveSmallIntegerField(_("to grade"), default=12)
    status = models.CharField(_("status"), max_length=10, choices=MODERATION, default=PENDING)
    demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["date", "title", "pk"]
        verbose_name = _("shadowing place")
        verbose_name_plural = _("shadowing places")

    def __str__(self):
        return f"{self.title} ({self.host})"


# The code a pupil types is short and read aloud in class: no 0/O, 1/I/L.
SHADOW_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
SHADOW_CODE_LENGTH = 8


def new_shadow_code() -> str:
    return "".join(secrets.choice(SHADOW_CODE_ALPHABET) for _ in range(SHADOW_CODE_LENGTH))


def new_status_token() -> str:
    return secrets.token_urlsafe(18)  # 144 random bits


class ShadowSchoolCode(models.Model):
    """The code a school's staff hands to its pupils for one round; it only lets a pupil file an
    application that waits for the school's approval."""

    round = models.ForeignKey(ShadowRound, on_delete=models.CASCADE, related_name="school_codes")
    school = models.ForeignKey(Institution, on_delete=models.CASCADE, related_name="shadow_codes")
    code = models.CharField(max_length=16, unique=True, default=new_shadow_code, editable=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "school"], name="one_shadow_code_per_school_round")]

    def __str__(self):
        return f"{self.school} / {self.round}"


class ShadowApplication(models.Model):
    AWAITING, APPROVED, REJECTED = "awaiting", "approved", "rejected"
    APPROVALS = [
        (AWAITING, _("awaiting the school's approval")),
        (APPROVED, _("approved by the school")),
        (REJECTED, _("not approved by the school")),
    ]

    round = models.ForeignKey(ShadowRound, on_delete=models.CASCADE, related_name="applications")
    school = models.ForeignKey(Institution, on_delete=models.PROTECT, related_name="shadow_applications")
    # empty when the pupil applied with the school's code
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="shadow_applications")
    approval = models.CharField(max_length=10, choices=APPROVALS, default=APPROVED)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # the pupil's private status link; only applications the pupil filed have one
    token = models.CharField(max_length=32, unique=True, null=True, blank=True, editable=False)
    pupil = models.CharField(_("pupil (first name and initial)"), max_length=40)
    grade = models.PositiveSmallIntegerField(_("grade"))
    choices = models.JSONField(default=list)
    submitted_at = models.DateTimeField(auto_now_add=True)
    assigned = models.ForeignKey(ShadowPlace, null=True, blank=True, on_delete=models.SET_NULL, related_name="pupils")

    class Meta:
        ordering = ["submitted_at", "pk"]
        verbose_name = _("Job Shadow Day application")
        verbose_name_plural = _("Job Shadow Day applications")

    def __str__(self):
        return f"{self.pupil} ({self.school})"
