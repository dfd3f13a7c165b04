from django.apps import AppConfig


class GuidanceConfig(AppConfig):
    name = "karjera.guidance"
    verbose_name = "Guidance"
