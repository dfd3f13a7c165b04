from django.urls import path

from . import views

app_name = "excursions"
urlpatterns = [
    path("", views.offer_list, name="offers"),
    path("offers/<int:pk>/", views.offer_detail, name="offer"),
    path("offers/<int:pk>/request/", views.request_new, name="request_new"),
    path("requests/", views.request_list, name="requests"),
    path("requests/<int:pk>/", views.request_detail, name="request"),
    path("requests/<int:pk>/calendar.ics", views.request_ics, name="request_ics"),
    path("requests/<int:pk>/<slug:action>/", views.request_action, name="request_action"),
    path("host/", views.host_home, name="host"),
    path("host/offers/new/", views.host_offer, name="host_offer_new"),
    path("host/offers/<int:pk>/", views.host_offer, name="host_offer_edit"),
    path("host/offers/<int:pk>/slots/", views.host_slot_add, name="host_slot_add"),
    path("host/slots/<int:pk>/", views.host_slot_edit, name="host_slot_edit"),
    path("host/slots/<int:pk>/delete/", views.host_slot_delete, name="host_slot_delete"),
    path("host/shadow/new/", views.host_shadow_new, name="host_shadow_new"),
    path("agency/", views.agency_home, name="agency"),
    path("agency/<slug:kind>/<int:pk>/", views.agency_moderate, name="moderate"),
    path("agency/rounds/<int:pk>/assign/", views.agency_assign, name="assign"),
    path("agency/statistics/", views.statistics, name="statistics"),
    path("agency/statistics.csv", views.statistics_csv, name="statistics_csv"),
    path("shadow/", views.shadow_list, name="shadow"),
    path("shadow/apply/", views.shadow_apply, name="shadow_apply"),
    path("shadow/applications/<int:pk>/<slug:decision>/", views.shadow_decide, name="shadow_decide"),
    path("shadow/join/", views.shadow_join, name="shadow_join"),
    path("shadow/status/<str:token>/", views.shadow_status, name="shadow_status"),
]
