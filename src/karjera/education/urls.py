from django.urls import path

from . import views

app_name = "education"
urlpatterns = [
    path("", views.programme_list, name="programmes"),
    path("programmes/<int:pk>/", views.programme_detail, name="programme"),
    path("institutions/<int:pk>/", views.institution_detail, name="institution"),
    path("admission-calculator/", views.admission_calculator, name="calculator"),
    path("course-sets/", views.course_set_chooser, name="course_sets"),
]
