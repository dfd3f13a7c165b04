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
