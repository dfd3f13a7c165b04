"""Demonstration accounts and a group for the counsellor workspace (`load_counselling_demo`).

Everything is found by a natural key before it is created, so running the loader again changes
nothing. The documented demo password is set only when Django runs with DEBUG; otherwise the
accounts get no usable password and an operator sets one with `manage.py changepassword`.
"""
from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from karjera.assessments import engine
from karjera.education.models import Institution

from . import rules, services
from .models import Group, StaffRole

DEMO_PASSWORD = "Karjera-demo-2026"
SCHOOL = "9131124906"  # Zvaigžņu Kalna ģimnāzija, Rīga, in data/education/demo
GROUP_NAME = "9.a (demo)"
ACCOUNTS = [
    # user name, role, what they are given
    ("demo-konsultants", rules.COUNSELLOR, "schools"),
    ("demo-direktors", rules.SCHOOL_ADMIN, "school"),
    ("demo-koordinators", rules.COORDINATOR, "municipality"),
    ("demo-agentura", rules.AGENCY_ADMIN, ""),
]
# Six pupils: five share, one does not; answer patterns by position in the R I A S E C cycle.
PUPILS = [
    ("Anete", True, {3: 4, 2: 3}),
    ("Bruno", True, {0: 4, 1: 3}),
    ("Dace", True, {2: 4, 3: 3}),
    ("Emīls", True, {4: 4, 5: 2}),
    ("Ilze", True, {3: 4, 4: 2}),
    ("Kārlis", False, {1: 4, 0: 3}),
]


class DemoError(Exception):
    pass


def _school() -> Institution:
    school = Institution.objects.filter(registry_number=SCHOOL).first() or \
        Institution.objects.filter(demo=True, kind__in=["gymnasium", "secondary_school"]).order_by("registry_number").first()
    if school is None:
        raise DemoError("No demonstration school: run `manage.py import_education data/education/demo` first.")
    return school


def _account(username: str, debug: bool) -> tuple[object, bool]:
    user, created = get_user_model().objects.get_or_create(username=username)
    if debug and not user.has_usable_password():
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    elif created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user, created


def _finish_interests(member, pattern) -> None:
    session = services.start_test(member, "interests", "lv")
    if session.is_completed:
        return
    options = session.instrument.options("lv")
    for i, item in enumerate(session.instrument.items):
        engine.save_answer(session.id, item["id"], options[pattern.get(i % 6, 0)]["value"])
    engine.complete(session.id)


@transaction.atomic
def load(debug: bool | None = None) -> dict:
    debug = settings.DEBUG if debug is None else debug
    school = _school()
    second = Institution.objects.filter(demo=True, municipality=school.municipality, kind__in=["gymnasium", "secondary_school"]) \
        .exclude(pk=school.pk).order_by("registry_number").first()
    out = {"school": school, "municipality": school.municipality, "accounts": [], "created": 0}
    users = {}
    for username, role, scope in ACCOUNTS:
        user, created = _account(username, debug)
        staff, _new = StaffRole.objects.get_or_create(user=user, defaults={"role": role})
        if staff.role != role:
            raise DemoError(f"{username} already has another workspace role ({staff.role}); not changed.")
        if scope == "schools":
            staff.schools.add(*[s for s in (school, second) if s is not None])
            if not staff.employment_model and staff.workload is None:
                # Two schools of one municipality: the municipality employs the counsellor for both.
                staff.employment_model, staff.workload = "municipality", Decimal("1.00")
                staff.save(update_fields=["employment_model", "workload"])
        elif scope == "school":
            staff.schools.add(school)
        elif scope == "municipality" and staff.municipality_id is None:
            staff.municipality = school.municipality
            staff.save(update_fields=["municipality"])
        users[role] = user
        out["created"] += created
        out["accounts"].append((username, role, user.has_usable_password()))
    group, created = Group.objects.get_or_create(
        institution=school, counsellor=users[rules.COUNSELLOR], name=GROUP_NAME,
        defaults={"grade": 9, "tests": list(engine.ORDER)},
    )
    out["group"], out["created"] = group, out["created"] + created
    out["pupils"] = 0
    if "interests" in engine.available():
        # Pupils are matched by name, so a run after `purge_sessions` finishes their tests again;
        # a consent choice changed since is kept.
        for name, shares, pattern in PUPILS:
            member = group.members.filter(display_name=name).first()
            if member is None:
                member = services.join(group, name, shares)
                out["pupils"] += 1
            _finish_interests(member, pattern)
    return out
