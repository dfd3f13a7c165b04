from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from karjera.api.v1 import api
from karjera.core import auth as core_auth
from karjera.core import views as core_views
from karjera.occupations import views as occupation_views

urlpatterns = [
    path("api/", api.urls),
    path("admin/", admin.site.urls),
    path("healthz", core_views.healthz, name="healthz"),
]

urlpatterns += i18n_patterns(
    path("", core_views.home, name="home"),
    path("", include("karjera.assessments.urls")),
    path("occupations/", include("karjera.occupations.urls")),
    path("education/", include("karjera.education.urls")),
    path("profile/", include("karjera.guidance.urls")),
    path("counselling/", include("karjera.counselling.urls")),
    path("competitions/", include("karjera.competitions.urls")),
    path("excursions/", include("karjera.excursions.urls")),
    path("game/", include("karjera.game.urls")),
    path("monitoring/", include("karjera.monitoring.urls")),
    path("accounts/login/", core_auth.LoginView.as_view(), name="login"),
    path("accounts/logout/", core_auth.LogoutView.as_view(), name="logout"),
    path("accessibility/", core_views.accessibility, name="accessibility"),
    path("privacy/", core_views.privacy, name="privacy"),
    path("credits/", core_views.credits, name="credits"),
    path("entrepreneurship/", occupation_views.entrepreneurship, name="entrepreneurship"),
    prefix_default_language=False,
)
