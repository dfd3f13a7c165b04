from django.urls import path

from . import views

app_name = "guidance"
urlpatterns = [
    path("", views.career_profile, name="profile"),
    path("report.pdf", views.career_profile, name="report"),
]
