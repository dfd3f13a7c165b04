from django.urls import path

from . import views

app_name = "occupations"
urlpatterns = [
    path("", views.occupation_list, name="list"),
    path("<str:occupation_id>/", views.occupation_detail, name="detail"),
]
