from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "karjera.core"
    verbose_name = "Karjera core"
