from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OccupationsConfig(AppConfig):
    name = "karjera.occupations"
    verbose_name = _("Occupations")

    def ready(self):
        from . import signals  # noqa: F401
