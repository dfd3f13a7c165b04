from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "karjera.api"
    verbose_name = "API"
