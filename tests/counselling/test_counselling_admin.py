"""Content managers add a method in the admin; it is searchable in the library at once and load_methods
leaves it alone."""
import pytest
from counselling_helpers import DATA
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from karjera.counselling import loader
from karjera.counselling.models import Method

pytestmark = pytest.mark.django_db


def test_a_content_manager_adds_a_method_in_the_admin(client, library):
    manager = get_user_model().objects.create_user("saturs", password="x", is_staff=True)
    manager.user_permissions.set(Permission.objects.filter(codename__in=["add_method", "change_method", "view_method"]))
    client.force_login(manager)
    assert client.get("/admin/counselling/method/add/").status_code == 200
    response = client.post("/admin/counselling/method/add/", {
        "slug": "darba-enas-diena", "title_lv": "Darba ēnas diena", "title_en": "Job shadowing day",
        "summary_lv": "Skolēns vienu dienu vēro pieaugušo darbā.", "summary_en": "A pupil watches an adult at work for a day.",
        "grade_from": 8, "grade_to": 12, "audience": "pupils", "topic": "world_of_work", "format": "activity",
        "duration_minutes": 360, "goals": '{"lv": ["Redzēt darbu"], "en": ["See work"]}', "materials": "{}", "steps": "{}",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    method = Method.objects.get(slug="darba-enas-diena")
    assert not method.from_file
    assert "darba-enas-diena" in client.get("/counselling/methods/", {"q": "ena"}).content.decode()
    counts = loader.load(DATA / "methods", DATA / "plan_templates.yaml")
    assert counts["created"] == 0 and Method.objects.filter(slug="darba-enas-diena").exists()
    # without the permission the admin refuses
    client.force_login(get_user_model().objects.create_user("bez-tiesibam", password="x", is_staff=True))
    assert client.get("/admin/counselling/method/add/").status_code == 403
