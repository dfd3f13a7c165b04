from django.db import models
from django.utils.translation import gettext_lazy as _

from karjera.core.text import fold

RIASEC_FIELDS = ("riasec_r", "riasec_i", "riasec_a", "riasec_s", "riasec_e", "riasec_c")


class IscoGroup(models.Model):
    code = models.CharField(max_length=4, primary_key=True)
    name_lv = models.CharField(max_length=300)
    name_en = models.CharField(max_length=300)

    class Meta:
        ordering = ["code"]
        verbose_name = _("ISCO-08 group")
        verbose_name_plural = _("ISCO-08 groups")

    def __str__(self):
        return f"{self.code} {self.name_lv}"


class Occupation(models.Model):
    """An ESCO occupation with its Latvian classifier codes and O*NET-derived profiles."""

    id = models.CharField(max_length=40, primary_key=True, help_text="UUID of the ESCO concept")
    esco_uri = models.URLField(max_length=200, unique=True)
    isco = models.CharField(max_length=4, db_index=True)
    esco_code = models.CharField(max_length=40, blank=True)
    name_lv = models.CharField(max_length=300)
    name_en = models.CharField(max_length=300)
    alt_lv = models.JSONField(default=list, blank=True)
    alt_en = models.JSONField(default=list, blank=True)
    pk_codes = models.JSONField(default=list, blank=True, help_text="Latvian occupation classifier codes")
    riasec_r = models.FloatField(null=True, blank=True)
    riasec_i = models.FloatField(null=True, blank=True)
    riasec_a = models.FloatField(null=True, blank=True)
    riasec_s = models.FloatField(null=True, blank=True)
    riasec_e = models.FloatField(null=True, blank=True)
    riasec_c = models.FloatField(null=True, blank=True)
    work_values = models.JSONField(null=True, blank=True)
    job_zone = models.PositiveSmallIntegerField(null=True, blank=True)
    onet_source = models.JSONField(null=True, blank=True, help_text="O*NET codes and match types used")
    related = models.JSONField(default=list, blank=True)
    search_name = models.TextField(blank=True, help_text="Folded preferred names, for search")
    search_alt = models.TextField(blank=True, help_text="Folded alternative names and codes, for search")

    class Meta:
        ordering = ["name_lv"]
        verbose_name = _("occupation")
        verbose_name_plural = _("occupations")

    def __str__(self):
        return self.name_lv

    def name(self, language: str) -> str:
        return self.name_en if language == "en" else self.name_lv

    @property
    def riasec(self) -> dict | None:
        values = [getattr(self, f) for f in RIASEC_FIELDS]
        if any(v is None for v in values):
            return None
        return dict(zip("RIASEC", values))

    def refresh_search(self) -> None:
        codes = " ".join([self.isco] + [p["code"] for p in self.pk_codes])
        self.search_name = f" {fold(self.name_lv)} | {fold(self.name_en)} "
        self.search_alt = " " + " | ".join(fold(a) for a in [*self.alt_lv, *self.alt_en]) + f" | {codes} "


SKILLS_LATVIA_2023 = [
    ("window_dressing", _("Window dressing")),
    ("fashion_design", _("Fashion design")),
    ("garment_making", _("Garment making")),
    ("network_administration", _("IT network systems administration")),
    ("graphic_design", _("Graphic design")),
    ("mobile_robotics", _("Mobile robotics")),
    ("mechatronics", _("Mechatronics")),
    ("cooking", _("Cooking")),
    ("restaurant_service", _("Restaurant service")),
    ("hairdressing", _("Hairdressing")),
    ("hotel_reception", _("Hotel reception")),
    ("plumbing_heating", _("Plumbing and heating")),
    ("electrical_installations", _("Electrical installations")),
    ("wall_floor_tiling", _("Wall and floor tiling")),
    ("painting_decorating", _("Painting and decorating")),
    ("dry_wall_systems", _("Dry wall systems and plastering")),
    ("cabinetmaking", _("Cabinetmaking")),
    ("heavy_vehicle_technology", _("Heavy vehicle technology")),
    ("freight_forwarding", _("Freight forwarding")),
]

FEATURED_SECTIONS = ("summary", "work", "workplace", "typical_day", "strengths", "education", "try_now")


class FeaturedProfession(models.Model):
    """One of the professions described in depth in our own words ("Profesiju pasaule")."""

    occupation = models.OneToOneField(Occupation, on_delete=models.CASCADE, related_name="featured")
    name_lv = models.CharField(_("name (lv)"), max_length=200)
    name_en = models.CharField(_("name (en)"), max_length=200)
    skills_latvia = models.CharField(max_length=40, choices=SKILLS_LATVIA_2023, blank=True)
    summary_lv = models.TextField()
    summary_en = models.TextField()
    work_lv = models.TextField()
    work_en = models.TextField()
    workplace_lv = models.TextField()
    workplace_en = models.TextField()
    typical_day_lv = models.TextField()
    typical_day_en = models.TextField()
    strengths_lv = models.TextField()
    strengths_en = models.TextField()
    education_lv = models.TextField()
    education_en = models.TextField()
    try_now_lv = models.TextField()
    try_now_en = models.TextField()
    edited_in_admin = models.BooleanField(
        default=False, help_text=_("Edited by a content manager: the shipped text no longer overwrites it.")
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name_lv"]
        verbose_name = _("featured profession")
        verbose_name_plural = _("featured professions")

    def __str__(self):
        return self.name_lv

    def name(self, language: str) -> str:
        return self.name_en if language == "en" else self.name_lv

    def section(self, part: str, language: str) -> str:
        return getattr(self, f"{part}_{'en' if language == 'en' else 'lv'}")


class EntrepreneurStory(models.Model):
    """A real entrepreneur's story, published only with their recorded consent."""

    name = models.CharField(_("name"), max_length=200)
    business = models.CharField(_("business"), max_length=200)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    story_lv = models.TextField(_("story (lv)"))
    story_en = models.TextField(_("story (en)"), blank=True)
    occupations = models.ManyToManyField(Occupation, blank=True, related_name="stories")
    consent_given_on = models.DateField(_("consent given on"), help_text=_("Date of the written consent to publish"))
    consent_note = models.CharField(_("where the consent is kept"), max_length=300)
    published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("entrepreneur's story")
        verbose_name_plural = _("entrepreneurs' stories")

    def __str__(self):
        return f"{self.name} ({self.business})"

    def story(self, language: str) -> str:
        return self.story_en if language == "en" and self.story_en else self.story_lv
