from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "karjera.assessments"
    verbose_name = _("Career choice tests")
