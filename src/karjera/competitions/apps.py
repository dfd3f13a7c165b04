from django.apps import AppConfig


class CompetitionsConfig(AppConfig):
    name = "karjera.competitions"
    verbose_name = "Competitions"
