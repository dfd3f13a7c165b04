from django.apps import AppConfig


class ExcursionsConfig(AppConfig):
    name = "karjera.excursions"
