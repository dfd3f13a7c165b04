"""Helpers the counselling tests share: staff with roles, finished tests."""
from pathlib import Path

from django.contrib.auth import get_user_model

from karjera.assessments import engine
from karjera.assessments.scoring.best_worst import encode
from karjera.counselling import services
from karjera.counselling.models import StaffRole

DATA = Path(__file__).parent / "data"
PASSWORD = "Garš-parole-2026"


def make_staff(username, role, schools=(), municipality=None):
    user = get_user_model().objects.create_user(username, password=PASSWORD)
    staff = StaffRole.objects.create(user=user, role=role, municipality=municipality)
    staff.schools.set(schools)
    return user


def finish_interests(member, pattern):
    session = services.start_test(member, "interests", "lv")
    for i, item in enumerate(session.instrument.items):
        engine.save_answer(session.id, item["id"], pattern(i))
    return engine.complete(session.id)


def finish_values(member, preferred_first=True):
    session = services.start_test(member, "values", "lv")
    for item in session.instrument.items:
        engine.save_answer(session.id, item["id"], encode(0, 4) if preferred_first else encode(4, 0))
    return engine.complete(session.id)


def social(i):  # items cycle R I A S E C: strong S, then A
    return {3: 4, 2: 3}.get(i % 6, 0)


def realistic(i):  # strong R, then I
    return {0: 4, 1: 3}.get(i % 6, 0)
