from django.urls import path

from . import views

app_name = "assessments"
urlpatterns = [
    path("tests/<slug:slug>/", views.intro, name="intro"),
    path("resume/", views.resume, name="resume"),
    path("s/<str:session_id>/", views.session_home, name="session"),
    path("s/<str:session_id>/q/<int:number>/", views.item, name="item"),
    path("s/<str:session_id>/finish/", views.finish, name="finish"),
    path("s/<str:session_id>/result/", views.result, name="result"),
    path("s/<str:session_id>/report.pdf", views.report, name="report"),
    path("s/<str:session_id>/data.json", views.export, name="export"),
    path("s/<str:session_id>/delete/", views.delete, name="delete"),
]
