"""Who may see and do what in the counsellor workspace: pure rules, no Django, tested directly.

Views turn the signed-in user into an `Actor` and ask these functions before touching any object; a
refusal becomes a 404 so that another school's ids reveal nothing.

Principles:
- Individual pupil data (display names, shared results, notes, consultations) is seen only by the
  counsellor who runs the pupil's group, and only while the pupil shares. Nobody else sees it, not
  even the school administrator or the agency.
- Notes and consultation records are seen only by their author.
- School administrators see their schools' groups as numbers and edit their schools' plans.
- Municipality coordinators see aggregates of their municipality's schools, with small groups
  suppressed; agency administrators see the same for the whole country and manage the library.
"""
from __future__ import annotations

from dataclasses import dataclass, field

COUNSELLOR = "counsellor"
SCHOOL_ADMIN = "school_admin"
COORDINATOR = "coordinator"
AGENCY_ADMIN = "agency_admin"
ROLES = (COUNSELLOR, SCHOOL_ADMIN, COORDINATOR, AGENCY_ADMIN)

# Aggregates never show a group with fewer pupils than this (see docs/counselling.md).
MIN_GROUP_SIZE = 5


@dataclass(frozen=True)
class Actor:
    """A signed-in staff member as the rules see them."""

    user_id: int | None
    role: str | None = None
    schools: frozenset[int] = field(default_factory=frozenset)
    municipality: str | None = None

    @property
    def is_staff_member(self) -> bool:
        return self.user_id is not None and self.role in ROLES


@dataclass(frozen=True)
class GroupFacts:
    school: int
    municipality: str
    counsellor: int | None


ANONYMOUS = Actor(user_id=None)


def can_create_group(actor: Actor, school: int) -> bool:
    return actor.role == COUNSELLOR and actor.user_id is not None and school in actor.schools


def can_manage_group(actor: Actor, group: GroupFacts) -> bool:
    """Edit the group, see its members' display names and shared results, export them."""
    return (
        actor.role == COUNSELLOR
        and actor.user_id is not None
        and group.counsellor == actor.user_id
        and group.school in actor.schools  # a counsellor who stops serving the school loses access
    )


def can_see_pupil(actor: Actor, group: GroupFacts, shares: bool) -> bool:
    """A pupil's results: their group's counsellor, and only while the pupil shares them."""
    return shares and can_manage_group(actor, group)


def can_write_notes(actor: Actor, group: GroupFacts) -> bool:
    """Notes and consultations are about a pupil, so they need the same access as the pupil's page;
    consent is not needed for the counsellor's own notes, but results are never copied into them."""
    return can_manage_group(actor, group)


def can_read_note(actor: Actor, author: int) -> bool:
    return actor.user_id is not None and actor.user_id == author


def can_see_school(actor: Actor, school: int, municipality: str) -> bool:
    """Numbers about a school's groups (no names) and its career-support plan."""
    if actor.role in (COUNSELLOR, SCHOOL_ADMIN):
        return school in actor.schools
    if actor.role == COORDINATOR:
        return actor.municipality is not None and actor.municipality == municipality
    return actor.role == AGENCY_ADMIN


def can_edit_plan(actor: Actor, school: int) -> bool:
    return actor.role in (COUNSELLOR, SCHOOL_ADMIN) and school in actor.schools


def can_see_municipality(actor: Actor, municipality: str) -> bool:
    if actor.role == COORDINATOR:
        return actor.municipality == municipality
    return actor.role == AGENCY_ADMIN


def visible_schools(actor: Actor, all_schools: dict[int, str]) -> set[int]:
    """Of {school id: municipality code}, the schools whose numbers and plans the actor may see."""
    return {s for s, m in all_schools.items() if can_see_school(actor, s, m)}
