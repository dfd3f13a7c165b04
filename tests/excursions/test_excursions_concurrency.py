"""Acceptance: many simultaneous requests at the last places of a slot. Each thread has its own database
connection; exactly the free number of groups gets places, the others are told the slot is full."""
import threading

import pytest
from django.db import connection, connections
from excursions_helpers import make_host_member, make_offer, make_slot, make_staff

from karjera.counselling import rules
from karjera.education.models import Institution
from karjera.excursions import booking_rules, services
from karjera.excursions.models import Host, Request

THREADS = 16


def fire(slot_id, school_id, users, group_size):
    barrier = threading.Barrier(len(users))
    outcomes, errors = [], []

    def worker(user):
        try:
            barrier.wait(timeout=30)
            services.request_places(slot_id=slot_id, school_id=school_id, user=user, group_name="9.a",
                                    group_size=group_size, contact_email="skola@example.lv")
            outcomes.append("ok")
        except services.BookingError as refused:
            outcomes.append(refused.code)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(u,)) for u in users]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    return outcomes


@pytest.mark.parametrize("auto_confirm", [True, False])
def test_simultaneous_requests_never_oversell(auto_confirm, committed):
    school = Institution.objects.order_by("pk").first()
    host = Host.objects.create(name="Rūpnīca", municipality=school.municipality, email="r@example.lv")
    make_host_member("saimnieks", host)
    offer = make_offer(host, school.municipality, auto_confirm=auto_confirm, max_group=40)
    slot = make_slot(offer, capacity=40)
    users = [make_staff(f"skolotajs{i}", rules.COUNSELLOR, [school]) for i in range(THREADS)]
    # 34 places already taken: the last 6 are left, for exactly three groups of two
    services.request_places(slot_id=slot.pk, school_id=school.pk, user=users[0], group_name="12.c", group_size=34,
                            contact_email="skola@example.lv")
    outcomes = fire(slot.pk, school.pk, users, group_size=2)
    assert outcomes.count("ok") == 3, (connection.vendor, outcomes)
    assert outcomes.count(booking_rules.FULL) == THREADS - 3
    held = Request.objects.filter(slot=slot, status__in=Request.HOLDING)
    assert sum(r.group_size for r in held) == 40
    expected = Request.CONFIRMED if auto_confirm else Request.PENDING
    assert Request.objects.filter(slot=slot, group_size=2, status=expected).count() == 3
    assert Request.objects.filter(slot=slot).count() == 4  # the refused ones saved nothing


def test_lowering_places_while_groups_request_never_leaves_a_slot_oversold(committed):
    """The host lowers a slot's places while groups request its last places: whatever order the row lock
    gives them, the places held never exceed the capacity, and a refused change saves nothing."""
    school = Institution.objects.order_by("pk").first()
    host = Host.objects.create(name="Darbnīca", municipality=school.municipality, email="d@example.lv")
    offer = make_offer(host, school.municipality, auto_confirm=True, max_group=40)
    slot = make_slot(offer, capacity=40)
    users = [make_staff(f"skolotaja{i}", rules.COUNSELLOR, [school]) for i in range(8)]
    services.request_places(slot_id=slot.pk, school_id=school.pk, user=users[0], group_name="12.c", group_size=34,
                            contact_email="skola@example.lv")
    barrier = threading.Barrier(len(users) + 1)
    outcomes, errors = [], []

    def requester(user):
        try:
            barrier.wait(timeout=30)
            services.request_places(slot_id=slot.pk, school_id=school.pk, user=user, group_name="9.a", group_size=2,
                                    contact_email="skola@example.lv")
            outcomes.append("ok")
        except services.BookingError as refused:
            outcomes.append(refused.code)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(repr(error))
        finally:
            connections.close_all()

    def host_lowers():
        try:
            barrier.wait(timeout=30)
            services.change_slot(slot.pk, host.pk, slot.starts_at, slot.ends_at, 36)
            outcomes.append("lowered")
        except services.BookingError as refused:
            outcomes.append("change:" + refused.code)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=requester, args=(u,)) for u in users] + [threading.Thread(target=host_lowers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    slot.refresh_from_db()
    held = sum(r.group_size for r in Request.objects.filter(slot=slot, status__in=Request.HOLDING))
    assert held <= slot.capacity, (connection.vendor, outcomes, held, slot.capacity)
    assert ("lowered" in outcomes) == (slot.capacity == 36)
    assert ("change:" + booking_rules.SLOT_BELOW_HELD in outcomes) == (slot.capacity == 40)
    assert outcomes.count("ok") == (held - 34) // 2
