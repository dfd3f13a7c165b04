from django.urls import path

from . import views

app_name = "monitoring"
urlpatterns = [
    path("", views.public, name="public"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("usage/", views.usage, name="usage"),
    path("usage/<slug:table>.csv", views.usage_csv, name="usage_csv"),
    path("sustainability/<str:token>/", views.questionnaire, name="questionnaire"),
    path("surveys/", views.surveys, name="surveys"),
    path("surveys/<int:pk>/", views.survey_results, name="survey_results"),
    path("surveys/<int:pk>/answers.csv", views.survey_csv, name="survey_csv"),
    path("s/<str:token>/", views.survey, name="survey"),
]
