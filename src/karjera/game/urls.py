from django.urls import path

from . import views

app_name = "game"
urlpatterns = [
    path("", views.start, name="start"),
    path("new/", views.new_game, name="new"),
    path("play/", views.play, name="play"),
    path("end/", views.end, name="end"),
    path("teachers/", views.teachers, name="teachers"),
]
