"""Who may see and do what with excursion offers, requests and shadowing places: pure rules, no Django.

Roles come from the counsellor workspace (karjera.counselling.rules: a counsellor or school
administrator serves schools; an agency administrator runs the programme) plus the host role of this
app: a user who speaks for one company or institution that offers visits. Views turn the signed-in
user into an `Actor` and ask these functions before touching an object; a refusal is a 404.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from karjera.counselling import rules as staff_rules

SCHOOL_ROLES = (staff_rules.COUNSELLOR, staff_rules.SCHOOL_ADMIN)
AGENCY = staff_rules.AGENCY_ADMIN


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    role: str | None = None  # a counselling role, if any
    schools: frozenset[int] = field(default_factory=frozenset)
    host: int | None = None  # the host this user speaks for, if any

    @property
    def is_school_staff(self) -> bool:
        return self.user_id is not None and self.role in SCHOOL_ROLES and bool(self.schools)

    @property
    def is_agency(self) -> bool:
        return self.user_id is not None and self.role == AGENCY

    @property
    def is_host(self) -> bool:
        return self.user_id is not None and self.host is not None


ANONYMOUS = Actor(user_id=None)


def can_see_offer(actor: Actor, host: int, published: bool) -> bool:
    """Published offers are public; drafts, offers awaiting moderation and rejected ones are seen only
    by their host and the agency."""
    return published or (actor.is_host and actor.host == host) or actor.is_agency


def can_edit_offer(actor: Actor, host: int) -> bool:
    return actor.is_host and actor.host == host


def can_moderate(actor: Actor) -> bool:
    return actor.is_agency


def can_request(actor: Actor, school: int) -> bool:
    return actor.is_school_staff and school in actor.schools


def can_see_request(actor: Actor, host: int, school: int) -> bool:
    """A request is seen by the host it was sent to, by staff of the school that sent it, and by the agency."""
    return (actor.is_host and actor.host == host) or (actor.is_school_staff and school in actor.schools) or actor.is_agency


def can_decide(actor: Actor, host: int) -> bool:
    """Confirm, propose another slot, decline, or cancel as the host."""
    return actor.is_host and actor.host == host


def can_act_for_school(actor: Actor, school: int) -> bool:
    """Accept a proposal, cancel, give feedback, enter Job Shadow Day applications."""
    return actor.is_school_staff and school in actor.schools


def can_see_statistics(actor: Actor) -> bool:
    return actor.is_agency
