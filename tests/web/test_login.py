"""Staff sign-in: works, and throttles guessing per user name."""
import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_staff_sign_in_in_latvian(client):
    get_user_model().objects.create_user("konsultante", password="Garš-parole-2026")
    page = client.get("/accounts/login/")
    assert page.status_code == 200
    assert "Darbinieku pieteikšanās" in page.content.decode()
    signed = client.post("/accounts/login/", {"username": "konsultante", "password": "Garš-parole-2026"})
    assert signed.status_code == 302
    assert client.get("/accounts/login/").status_code == 302  # already signed in


@override_settings(LOGIN_RATE_LIMIT=3)
def test_guessing_a_password_is_throttled_even_with_the_right_one_later(client):
    get_user_model().objects.create_user("eksperts", password="Pareizā-parole-1")
    for _ in range(3):
        assert client.post("/accounts/login/", {"username": "eksperts", "password": "nepareizi"}).status_code == 200
    refused = client.post("/accounts/login/", {"username": "eksperts", "password": "Pareizā-parole-1"})
    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session
