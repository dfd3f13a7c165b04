"""Helpers the excursions tests share: people with roles, a published offer with slots."""
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from karjera.counselling.access import TOTP_SESSION_KEY
from karjera.counselling.models import StaffRole
from karjera.excursions.models import PUBLISHED, Host, HostMember, Offer, Slot, age_groups_text

PASSWORD = "Garš-parole-2026"


def make_user(username, email=""):
    return get_user_model().objects.create_user(username, email=email or f"{username}@example.lv", password=PASSWORD)


def make_staff(username, role, schools=()):
    user = make_user(username)
    staff = StaffRole.objects.create(user=user, role=role)
    staff.schools.set(schools)
    return user


def make_host_member(username, host):
    user = make_user(username)
    HostMember.objects.create(user=user, host=host)
    return user


def make_offer(host, municipality, title="Maizes ceptuve", status=PUBLISHED, sector="agriculture_food", **extra):
    offer = Offer.objects.create(host=host, title=title, description="Redzēsim, kā cep maizi.", sector=sector,
                                 address="Rīgas iela 1", municipality=municipality, status=status,
                                 age_groups=age_groups_text(extra.pop("ages", ["7-9", "10-12"])), **extra)
    offer.refresh_search_text()
    return offer


def make_slot(offer, capacity=30, days=10, hours=2):
    start = timezone.now() + timedelta(days=days)
    return Slot.objects.create(offer=offer, starts_at=start, ends_at=start + timedelta(hours=hours), capacity=capacity)


def agency_login(client, user):
    client.force_login(user)
    session = client.session
    session[TOTP_SESSION_KEY] = True
    session.save()
