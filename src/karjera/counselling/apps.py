from django.apps import AppConfig


class CounsellingConfig(AppConfig):
    name = "karjera.counselling"
    verbose_name = "Counselling"
