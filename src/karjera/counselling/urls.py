from django.urls import path

from . import views

app_name = "counselling"
urlpatterns = [
    # staff
    path("", views.home, name="home"),
    path("groups/new/", views.group_create, name="group_create"),
    path("groups/<int:pk>/", views.group_dashboard, name="group"),
    path("groups/<int:pk>/open/", views.group_toggle, name="group_toggle"),
    path("groups/<int:pk>/export.csv", views.export_csv, name="export_csv"),
    path("groups/<int:pk>/export.xlsx", views.export_xlsx, name="export_xlsx"),
    path("groups/<int:pk>/pupils/<int:member_pk>/", views.pupil, name="pupil"),
    path("groups/<int:pk>/pupils/<int:member_pk>/<slug:slug>.pdf", views.pupil_report, name="pupil_report"),
    path("groups/<int:pk>/pupils/<int:member_pk>/notes/", views.note_add, name="note_add"),
    path("groups/<int:pk>/pupils/<int:member_pk>/consultations/new/", views.consultation, name="consultation_new"),
    path("groups/<int:pk>/pupils/<int:member_pk>/consultations/<int:consultation_pk>/", views.consultation, name="consultation"),
    path("municipality/", views.municipality, name="municipality_own"),
    path("municipality/<slug:code>/", views.municipality, name="municipality"),
    path("plans/", views.plans, name="plans"),
    path("plans/<int:pk>/", views.plan, name="plan"),
    path("plans/<int:pk>/activities/<int:activity_pk>/", views.activity, name="activity"),
    path("plans/<int:pk>/plan.pdf", views.plan_pdf, name="plan_pdf"),
    path("second-factor/", views.second_factor, name="second_factor"),
    # pupils (no account)
    path("join/", views.join, name="join"),
    path("join/<str:code>/", views.join_code, name="join_code"),
    path("m/<str:token>/", views.member_page, name="member"),
    path("m/<str:token>/start/<slug:slug>/", views.member_start, name="member_start"),
    path("m/<str:token>/consent/", views.member_consent, name="member_consent"),
    # the methods library (public)
    path("methods/", views.methods, name="methods"),
    path("methods/<slug:slug>/", views.method_detail, name="method"),
]
