"""Helpers the monitoring tests share."""
from django.contrib.auth import get_user_model

from karjera.counselling.models import StaffRole


def make_staff(username, role):
    user = get_user_model().objects.create_user(username, password="Garš-parole-2026")
    StaffRole.objects.create(user=user, role=role)
    return user
