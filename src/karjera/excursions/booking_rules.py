"""Capacity, cancellation and Job Shadow Day assignment: pure rules, no Django, tested directly.

The views and services ask these functions inside a transaction that holds the slot's row lock, so
that the numbers they pass in cannot change before the answer is written (see services.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

# A school may cancel a confirmed visit without it counting as late until this long before the start.
CANCELLATION_NOTICE = timedelta(hours=48)
# At most this many ranked choices on one Job Shadow Day application.
MAX_SHADOW_CHOICES = 3

# Outcomes of a request for places.
OK = "ok"
FULL = "full"
TOO_LARGE = "too_large"  # larger than the offer's largest group
TOO_SMALL = "too_small"  # fewer than one pupil, or below the offer's smallest group
STARTED = "started"  # the slot has begun or is over


@dataclass(frozen=True)
class SlotFacts:
    capacity: int  # pupils the slot can take in all
    held: int  # pupils already holding places (pending, proposed or confirmed requests)
    starts_at: datetime


def free_places(capacity: int, held: int) -> int:
    return max(0, capacity - held)


def place_request(slot: SlotFacts, group_size: int, now: datetime, min_group: int = 1, max_group: int | None = None) -> str:
    """May a group of `group_size` take places in the slot now? Capacity is never exceeded: a group
    either gets all its places or none."""
    if now >= slot.starts_at:
        return STARTED
    if group_size < max(1, min_group):
        return TOO_SMALL
    if max_group is not None and group_size > max_group:
        return TOO_LARGE
    if group_size > free_places(slot.capacity, slot.held):
        return FULL
    return OK


# Outcomes of a host's change to a slot.
SLOT_BELOW_HELD = "below_held"  # fewer places than groups already hold
SLOT_TIME_HELD = "time_held"  # the time cannot move under groups that hold places
SLOT_HAS_BOOKINGS = "has_bookings"  # a slot where groups hold places cannot be deleted
SLOT_HAS_HISTORY = "has_history"  # requests on record refer to it; close it (0 places) instead


def slot_change(held: int, capacity: int, time_changed: bool, now: datetime, starts_at: datetime) -> str:
    """May the host give the slot `capacity` places (and, if `time_changed`, a new time)? Places never
    drop below those held; the time of a slot that groups hold places in does not move (the host
    proposes another time to each school instead); a slot that has begun is not changed."""
    if now >= starts_at:
        return STARTED
    if capacity < held:
        return SLOT_BELOW_HELD
    if time_changed and held:
        return SLOT_TIME_HELD
    return OK


def slot_delete(held: int, requests_on_record: int, now: datetime, starts_at: datetime) -> str:
    """A slot is deleted only when no request refers to it at all. Where groups hold places the host
    cancels each visit with a reason first (each school is told by e-mail)."""
    if held:
        return SLOT_HAS_BOOKINGS
    if requests_on_record:
        return SLOT_HAS_HISTORY
    return OK


# ---- cancellation ----------------------------------------------------------------------------------

SCHOOL = "school"
HOST = "host"

CANCEL_OK = "ok"
CANCEL_LATE = "late"  # allowed, but recorded as a late cancellation and the host is told so
CANCEL_NEEDS_REASON = "needs_reason"
CANCEL_TOO_LATE = "too_late"  # the visit has begun or is over
CANCEL_NOT_ACTIVE = "not_active"  # already declined or cancelled


def cancellation(side: str, active: bool, starts_at: datetime, now: datetime, reason: str = "") -> str:
    """The cancellation rule (docs/excursions.md):

    - nothing can be cancelled once the visit has begun, nor a request that is no longer active;
    - the school may cancel until the start; within `CANCELLATION_NOTICE` of the start the cancellation
      is recorded as late;
    - the host may cancel until the start, but only with a reason the school is given.
    """
    if not active:
        return CANCEL_NOT_ACTIVE
    if now >= starts_at:
        return CANCEL_TOO_LATE
    if side == HOST:
        return CANCEL_OK if reason.strip() else CANCEL_NEEDS_REASON
    return CANCEL_LATE if starts_at - now < CANCELLATION_NOTICE else CANCEL_OK


def feedback_open(confirmed: bool, ends_at: datetime, now: datetime, already_given: bool) -> bool:
    """Feedback is given once, by the school, for a confirmed visit that has ended."""
    return confirmed and now >= ends_at and not already_given


# ---- Job Shadow Day -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ShadowPlace:
    id: int
    capacity: int
    grade_from: int
    grade_to: int


@dataclass(frozen=True)
class ShadowApplication:
    id: int
    grade: int
    submitted_at: datetime
    choices: tuple[int, ...]  # place ids, most wanted first
    approved: bool = True  # the school approved it (applications the school's staff entered are approved)


def shadow_priority(application: ShadowApplication) -> tuple:
    """Who chooses first: higher grades first (they are closer to choosing their education path),
    then earlier applications, then the lower application number, so the order is total."""
    return (-application.grade, application.submitted_at, application.id)


def valid_choices(choices) -> bool:
    choices = list(choices)
    return 1 <= len(choices) <= MAX_SHADOW_CHOICES and len(set(choices)) == len(choices)


def assign_shadow_places(places: list[ShadowPlace], applications: list[ShadowApplication], deadline: datetime) -> dict[int, int | None]:
    """The Job Shadow Day rule (docs/excursions.md): applications submitted after the deadline, and
    applications the school has not approved (still awaiting approval or rejected), take no part; the
    others, in `shadow_priority` order, each get their highest-ranked choice that still has a free place
    and admits their grade, or nothing. Returns {application id: place id or None} for the applications
    that took part.

    With one priority order shared by all places this is serial dictatorship: the result is stable
    (nobody prefers a place that went to someone after them while they were unplaced or placed lower) and
    listing one's true preferences is always best.
    """
    by_id = {p.id: p for p in places}
    free = {p.id: max(0, p.capacity) for p in places}
    outcome: dict[int, int | None] = {}
    for application in sorted((a for a in applications if a.approved and a.submitted_at <= deadline), key=shadow_priority):
        outcome[application.id] = None
        for choice in application.choices:
            place = by_id.get(choice)
            if place is None or free[choice] <= 0 or not place.grade_from <= application.grade <= place.grade_to:
                continue
            free[choice] -= 1
            outcome[application.id] = choice
            break
    return outcome
