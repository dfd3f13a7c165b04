from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "karjera.monitoring"
    verbose_name = "Programme monitoring"
