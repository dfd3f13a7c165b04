"""Everything that changes bookings: each change of places runs in one transaction that first locks the
slot's row (SELECT ... FOR UPDATE on PostgreSQL; SQLite takes its write lock when the transaction
begins, settings use IMMEDIATE transactions), then counts the places held and asks booking_rules.

So two simultaneous requests for the last places of a slot are answered one after the other, and the
second one sees the first one's places taken.
"""
from __future__ import annotations

import logging
import smtplib
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q, Sum
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from karjera.core.text import tokens

from . import booking_rules
from .models import (PUBLISHED, Feedback, Offer, Request, ShadowApplication, ShadowPlace, ShadowRound, ShadowSchoolCode, Slot,
                     new_status_token)


logger = logging.getLogger(__name__)


class BookingError(Exception):
    """A refused change; `code` is one of the booking_rules outcomes."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def held_places(slot_id: int, exclude: int | None = None) -> int:
    held = Request.objects.filter(slot_id=slot_id, status__in=Request.HOLDING)
    if exclude is not None:
        held = held.exclude(pk=exclude)
    return held.aggregate(n=Sum("group_size"))["n"] or 0


def free_places(slot: Slot) -> int:
    return booking_rules.free_places(slot.capacity, held_places(slot.pk))


def _locked_slot(slot_id: int) -> Slot:
    return Slot.objects.select_for_update(of=("self",)).select_related("offer").get(pk=slot_id)


def _check(slot: Slot, group_size: int, exclude: int | None = None):
    facts = booking_rules.SlotFacts(capacity=slot.capacity, held=held_places(slot.pk, exclude), starts_at=slot.starts_at)
    outcome = booking_rules.place_request(facts, group_size, timezone.now(), slot.offer.min_group, slot.offer.max_group)
    if outcome != booking_rules.OK:
        raise BookingError(outcome)


def request_places(*, slot_id: int, school_id: int, user, group_name: str, group_size: int, contact_email: str,
                   accompanying: int = 1, message: str = "") -> Request:
    """A school's request: holds the group's places at once, or raises BookingError (nothing saved)."""
    with transaction.atomic():
        slot = _locked_slot(slot_id)
        if slot.offer.status != PUBLISHED:
            raise BookingError("unavailable")
        _check(slot, group_size)
        now = timezone.now()
        confirmed = slot.offer.auto_confirm
        request = Request.objects.create(
            offer=slot.offer, slot=slot, school_id=school_id, requested_by=user, group_name=group_name,
            group_size=group_size, accompanying=accompanying, contact_email=contact_email, message=message,
            status=Request.CONFIRMED if confirmed else Request.PENDING, decided_at=now if confirmed else None,
        )
    notify(request, "confirmed" if confirmed else "requested")
    return request


def change_slot(slot_id: int, host_id: int, starts_at, ends_at, capacity: int) -> Slot:
    """The host edits a slot; refused (BookingError, nothing saved) by booking_rules.slot_change. The
    slot's row lock keeps a request from taking places between the count and the save."""
    with transaction.atomic():
        slot = _locked_slot(slot_id)
        if slot.offer.host_id != host_id:
            raise Slot.DoesNotExist
        # the form shows minutes: a time submitted unchanged keeps its stored seconds
        same = lambda a, b: a.replace(second=0, microsecond=0) == b.replace(second=0, microsecond=0)  # noqa: E731
        starts_at = slot.starts_at if same(starts_at, slot.starts_at) else starts_at
        ends_at = slot.ends_at if same(ends_at, slot.ends_at) else ends_at
        time_changed = starts_at != slot.starts_at or ends_at != slot.ends_at
        outcome = booking_rules.slot_change(held_places(slot.pk), capacity, time_changed, timezone.now(), slot.starts_at)
        if outcome != booking_rules.OK:
            raise BookingError(outcome)
        slot.starts_at, slot.ends_at, slot.capacity = starts_at, ends_at, capacity
        slot.save(update_fields=["starts_at", "ends_at", "capacity"])
    return slot


def delete_slot(slot_id: int, host_id: int) -> None:
    with transaction.atomic():
        slot = _locked_slot(slot_id)
        if slot.offer.host_id != host_id:
            raise Slot.DoesNotExist
        outcome = booking_rules.slot_delete(held_places(slot.pk), slot.requests.count(), timezone.now(), slot.starts_at)
        if outcome != booking_rules.OK:
            raise BookingError(outcome)
        slot.delete()


def _locked_request(pk: int) -> Request:
    return Request.objects.select_for_update(of=("self",)).select_related("offer__host", "slot", "school").get(pk=pk)


def _decide(request_id: int, status: str, note: str, event: str) -> Request:
    """The host's answer to a pending request, under the request's row lock."""
    with transaction.atomic():
        request = _locked_request(request_id)
        if request.status != Request.PENDING:
            raise BookingError("not_pending")
        request.status, request.host_note, request.decided_at = status, note, timezone.now()
        request.save(update_fields=["status", "host_note", "decided_at"])
    notify(request, event)
    return request


def confirm(request_id: int, note: str = "") -> Request:
    return _decide(request_id, Request.CONFIRMED, note, "confirmed")


def decline(request_id: int, note: str = "") -> Request:
    return _decide(request_id, Request.DECLINED, note, "declined")


def propose(request_id: int, slot_id: int, note: str = "") -> Request:
    """The host offers another slot of the same offer: the group's places move there at once (if free)
    and the school accepts or declines the new time."""
    with transaction.atomic():
        request = _locked_request(request_id)
        if request.status != Request.PENDING:
            raise BookingError("not_pending")
        # lock both slots in id order so two proposals cannot deadlock
        for pk in sorted({request.slot_id, slot_id}):
            _locked_slot(pk)
        new = Slot.objects.select_related("offer").get(pk=slot_id)
        if new.offer_id != request.offer_id or new.pk == request.slot_id:
            raise BookingError("other_offer")
        _check(new, request.group_size, exclude=request.pk)
        request.slot, request.status, request.host_note, request.decided_at = new, Request.PROPOSED, note, timezone.now()
        request.save(update_fields=["slot", "status", "host_note", "decided_at"])
    notify(request, "proposed")
    return request


def answer_proposal(request_id: int, accept: bool) -> Request:
    with transaction.atomic():
        request = _locked_request(request_id)
        if request.status != Request.PROPOSED:
            raise BookingError("not_proposed")
        if accept and request.slot.starts_at <= timezone.now():
            raise BookingError(booking_rules.STARTED)
        request.status = Request.CONFIRMED if accept else Request.DECLINED
        request.save(update_fields=["status"])
    notify(request, "confirmed" if accept else "proposal_declined")
    return request


def cancel(request_id: int, side: str, reason: str = "") -> Request:
    with transaction.atomic():
        request = _locked_request(request_id)
        outcome = booking_rules.cancellation(side, request.holds_places, request.slot.starts_at, timezone.now(), reason)
        if outcome not in (booking_rules.CANCEL_OK, booking_rules.CANCEL_LATE):
            raise BookingError(outcome)
        request.status = Request.CANCELLED
        request.cancelled_by = side
        request.late_cancellation = outcome == booking_rules.CANCEL_LATE
        if reason:
            request.host_note = reason[:500] if side == booking_rules.HOST else request.host_note
        request.save(update_fields=["status", "cancelled_by", "late_cancellation", "host_note"])
    notify(request, "cancelled")
    return request


def feedback_open(request: Request) -> bool:
    return booking_rules.feedback_open(request.status == Request.CONFIRMED, request.slot.ends_at, timezone.now(),
                                       Feedback.objects.filter(request=request).exists())


def give_feedback(request: Request, attended: int, rating: int, comment: str) -> Feedback:
    with transaction.atomic():
        request = _locked_request(request.pk)
        if not feedback_open(request):
            raise BookingError("feedback_closed")
        return Feedback.objects.create(request=request, attended=attended, rating=rating, comment=comment)


# ---- e-mail ------------------------------------------------------------------------------------------

SUBJECTS = {
    "requested": lambda: _("New request for a study excursion"),
    "confirmed": lambda: _("Study excursion confirmed"),
    "declined": lambda: _("Study excursion request declined"),
    "proposed": lambda: _("The host proposes another time for the study excursion"),
    "proposal_declined": lambda: _("The school declined the proposed time"),
    "cancelled": lambda: _("Study excursion cancelled"),
}


def notify(request: Request, event: str) -> None:
    """Tell both sides: the school's contact and the host. Sent through Django's mail API, so the
    backend decides where it goes (console in development, the outbox in tests)."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = str(SUBJECTS[event]())
        when = timezone.localtime(request.slot.starts_at).strftime("%d.%m.%Y %H:%M")
        lines = [
            subject,
            "",
            _("Offer: %(title)s (%(host)s)") % {"title": request.offer.title, "host": request.offer.host.name},
            _("Time: %(when)s") % {"when": when},
            _("Address: %(address)s") % {"address": request.offer.address},
            _("School: %(school)s, group %(group)s, %(n)s pupils") % {"school": request.school.name_lv, "group": request.group_name, "n": request.group_size},
            _("Status: %(status)s") % {"status": request.get_status_display()},
        ]
        if request.host_note:
            lines.append(_("Note from the host: %(note)s") % {"note": request.host_note})
        if request.late_cancellation:
            lines.append(_("This cancellation came less than 48 hours before the visit."))
        lines += ["", _("Open the request: %(path)s") % {"path": reverse("excursions:request", args=[request.pk])}]
    recipients = sorted({request.contact_email, request.offer.host.email} - {""})
    _send(subject, "\n".join(lines), recipients)


def _send(subject, body, recipients):
    """The change is already committed when mail goes out: a mail server that is down is logged and does
    not turn a saved booking into an error page."""
    try:
        send_mail(subject, body, None, recipients)
    except (OSError, smtplib.SMTPException):
        logger.warning("excursions: could not send %r to %d recipient(s)", subject, len(recipients), exc_info=True)


# ---- search --------------------------------------------------------------------------------------------


@dataclass
class OfferQuery:
    q: str = ""
    municipality: str = ""
    sector: str = ""
    occupation: str = ""
    age: str = ""
    date: object = None  # a datetime.date: offers with a slot on that day


def search_offers(query: OfferQuery):
    offers = Offer.objects.filter(status=PUBLISHED).select_related("host", "municipality")
    for token in tokens(query.q):
        offers = offers.filter(search_text__contains=token)
    if query.municipality:
        offers = offers.filter(municipality_id=query.municipality)
    if query.sector:
        offers = offers.filter(sector=query.sector)
    if query.occupation:
        offers = offers.filter(occupations__pk=query.occupation)
    if query.age:
        offers = offers.filter(age_groups__contains=f",{query.age},")
    if query.date:
        offers = offers.filter(slots__starts_at__date=query.date)
    return offers.distinct()


def upcoming_slots(offer: Offer):
    slots = list(offer.slots.filter(starts_at__gt=timezone.now()))
    for slot in slots:
        slot.free = free_places(slot)
    return slots


# ---- Job Shadow Day ---------------------------------------------------------------------------------------


def assign_round(round_id: int) -> dict[int, int | None]:
    """Assign the round's places by booking_rules.assign_shadow_places once the deadline has passed.
    Runs once: a second call changes nothing and returns the stored outcome."""
    with transaction.atomic():
        rnd = ShadowRound.objects.select_for_update().get(pk=round_id)
        applications = list(rnd.applications.all())
        if rnd.assigned_at is not None:
            return {a.pk: a.assigned_id for a in applications}
        if timezone.now() <= rnd.apply_until:
            raise BookingError("before_deadline")
        places = [booking_rules.ShadowPlace(p.pk, p.places, p.grade_from, p.grade_to)
                  for p in rnd.places.filter(status=PUBLISHED)]
        outcome = booking_rules.assign_shadow_places(
            places,
            [booking_rules.ShadowApplication(a.pk, a.grade, a.submitted_at, tuple(a.choices),
                                             a.approval == ShadowApplication.APPROVED) for a in applications],
            rnd.apply_until,
        )
        for application in applications:
            application.assigned_id = outcome.get(application.pk)
        ShadowApplication.objects.bulk_update(applications, ["assigned"])
        rnd.assigned_at = timezone.now()
        rnd.save(update_fields=["assigned_at"])
    _notify_round(rnd)
    return outcome


def _notify_round(rnd: ShadowRound) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Job Shadow Day: places have been assigned")
        body = _("Places of %(round)s have been assigned. Sign in to see the outcome.") % {"round": rnd.name}
    emails = set(rnd.applications.filter(entered_by__isnull=False).exclude(entered_by__email="")
                 .values_list("entered_by__email", flat=True))
    emails |= set(ShadowPlace.objects.filter(round=rnd).values_list("host__email", flat=True))
    for email in sorted(emails - {""}):
        _send(subject, body, [email])


def open_places(rnd: ShadowRound):
    return rnd.places.filter(status=PUBLISHED).select_related("host", "municipality", "occupation")


def school_code(rnd: ShadowRound, school_id: int) -> ShadowSchoolCode:
    code, _created = ShadowSchoolCode.objects.get_or_create(round=rnd, school_id=school_id)
    return code


def pupil_apply(code: ShadowSchoolCode, pupil: str, grade: int, choices: list[int]) -> ShadowApplication:
    """A pupil's own application: it waits for the school's approval; the token is the pupil's status link."""
    return ShadowApplication.objects.create(
        round=code.round, school_id=code.school_id, entered_by=None, pupil=pupil, grade=grade, choices=choices,
        approval=ShadowApplication.AWAITING, token=new_status_token())


def decide_application(application_id: int, user, approve: bool) -> ShadowApplication:
    """The school approves or rejects a pupil's application, while the round is not yet assigned."""
    with transaction.atomic():
        application = ShadowApplication.objects.select_for_update(of=("self",)).select_related("round").get(pk=application_id)
        if application.round.assigned_at is not None:
            raise BookingError("already_assigned")
        application.approval = ShadowApplication.APPROVED if approve else ShadowApplication.REJECTED
        application.decided_by = user
        application.save(update_fields=["approval", "decided_by"])
    return application


def shadow_query_for_school(schools):
    return ShadowApplication.objects.filter(Q(school__in=schools)).select_related("round", "school", "assigned__host")
