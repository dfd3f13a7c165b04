from django.urls import path

from . import views

app_name = "competitions"
urlpatterns = [
    path("", views.competition_list, name="list"),
    path("international/", views.international, name="international"),
    path("register/", views.register, name="register"),
    path("marking/", views.my_skills, name="my_skills"),
    path("marking/<int:cs>/", views.skill_marking, name="skill_marking"),
    path("marking/<int:cs>/sign-off/", views.sign_off, name="sign_off"),
    path("marking/<int:cs>/competitors/<int:competitor>/", views.mark_competitor, name="mark"),
    path("<slug:slug>/", views.competition_detail, name="detail"),
    path("<slug:slug>/results/", views.results, name="results"),
    path("<slug:slug>/programme/", views.programme, name="programme"),
    path("<slug:slug>/release/", views.release, name="release"),
    path("<slug:slug>/certificates/<int:competitor>.pdf", views.certificate, name="certificate"),
]
