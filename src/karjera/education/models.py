from django.db import models
from django.utils.translation import gettext_lazy as _

REGIONS = [
    ("riga", _("Riga region")),
    ("kurzeme", _("Kurzeme")),
    ("latgale", _("Latgale")),
    ("vidzeme", _("Vidzeme")),
    ("zemgale", _("Zemgale")),
]


class Municipality(models.Model):
    code = models.SlugField(max_length=40, primary_key=True)
    name_lv = models.CharField(max_length=100)
    name_en = models.CharField(max_length=100)
    kind = models.CharField(max_length=20, choices=[("state_city", _("state city")), ("municipality", _("municipality"))])
    region = models.CharField(max_length=20, choices=REGIONS)

    class Meta:
        ordering = ["name_lv"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.name_lv

    def name(self, language):
        return self.name_en if language == "en" else self.name_lv


class Institution(models.Model):
    KINDS = [
        ("secondary_school", _("secondary school")),
        ("gymnasium", _("gymnasium")),
        ("vocational_school", _("vocational school")),
        ("competence_centre", _("vocational education competence centre")),
        ("college", _("college")),
        ("university", _("university")),
    ]
    registry_number = models.CharField(max_length=10, unique=True)
    name_lv = models.CharField(max_length=200)
    name_en = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=KINDS)
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="institutions")
    address = models.CharField(max_length=200, blank=True)
    website = models.URLField(blank=True)
    demo = models.BooleanField(default=False, help_text=_("Demonstration data, shown as such"))

    class Meta:
        ordering = ["name_lv"]
        verbose_name = _("education institution")
        verbose_name_plural = _("education institutions")

    def __str__(self):
        return self.name_lv

    def name(self, language):
        return self.name_en if language == "en" else self.name_lv


class CourseSet(models.Model):
    """A general secondary school's set of advanced courses (kursu komplekts)."""

    key = models.CharField(max_length=80, unique=True)
    institution = models.ForeignKey(Institution, on_delete=models.CASCADE, related_name="course_sets")
    name_lv = models.CharField(max_length=200)
    name_en = models.CharField(max_length=200)
    advanced_courses = models.JSONField(default=list)

    class Meta:
        ordering = ["institution__name_lv", "name_lv"]
        verbose_name = _("course set")
        verbose_name_plural = _("course sets")

    def __str__(self):
        return f"{self.institution}: {self.name_lv}"

    def name(self, language):
        return self.name_en if language == "en" else self.name_lv


class AdmissionRule(models.Model):
    key = models.CharField(max_length=80, unique=True)
    name = models.CharField(max_length=200)
    spec = models.JSONField(help_text=_("The rule in the documented rule language (docs/education-data.md)"))

    class Meta:
        ordering = ["key"]
        verbose_name = _("admission rule")
        verbose_name_plural = _("admission rules")

    def __str__(self):
        return self.key


class Programme(models.Model):
    KINDS = [
        ("general_secondary", _("general secondary education")),
        ("vocational_secondary", _("vocational secondary education")),
        ("vocational_basic", _("vocational education (LQF 3)")),
        ("college", _("college (first-level professional higher education)")),
        ("professional_bachelor", _("professional bachelor's programme")),
        ("bachelor", _("bachelor's programme")),
        ("master", _("master's programme")),
        ("doctoral", _("doctoral programme")),
    ]
    ENTRIES = [("after_9", _("after grade 9")), ("after_12", _("after grade 12")), ("after_degree", _("after a degree"))]
    FORMS = [("full_time", _("full-time")), ("part_time", _("part-time")), ("distance", _("distance learning"))]

    code = models.CharField(max_length=8, db_index=True)
    institution = models.ForeignKey(Institution, on_delete=models.CASCADE, related_name="programmes")
    name_lv = models.CharField(max_length=300)
    name_en = models.CharField(max_length=300)
    kind = models.CharField(max_length=30, choices=KINDS)
    lqf_level = models.PositiveSmallIntegerField()
    isced_field = models.CharField(max_length=2)
    entry = models.CharField(max_length=20, choices=ENTRIES)
    duration_years = models.DecimalField(max_digits=3, decimal_places=1)
    form = models.CharField(max_length=20, choices=FORMS)
    languages = models.JSONField(default=list)
    qualification_lv = models.CharField(max_length=300, blank=True)
    qualification_en = models.CharField(max_length=300, blank=True)
    occupations = models.JSONField(default=list, help_text=_("Latvian classifier codes or ESCO ids"))
    state_funded_places = models.PositiveIntegerField(default=0)
    fee_eur = models.PositiveIntegerField(null=True, blank=True)
    admission_rule = models.ForeignKey(AdmissionRule, null=True, blank=True, on_delete=models.SET_NULL, related_name="programmes")
    course_sets = models.ManyToManyField(CourseSet, blank=True, related_name="programmes")
    search_text = models.TextField(blank=True)

    class Meta:
        ordering = ["name_lv"]
        constraints = [models.UniqueConstraint(fields=["code", "institution"], name="unique_programme_per_institution")]
        verbose_name = _("education programme")
        verbose_name_plural = _("education programmes")

    def __str__(self):
        return f"{self.code} {self.name_lv}"

    def name(self, language):
        return self.name_en if language == "en" else self.name_lv
