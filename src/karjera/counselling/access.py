"""The Django side of the permission rules: the signed-in user as an `Actor`, and object look-ups
that answer 404 for anything the rules refuse (so another school's ids reveal nothing)."""
from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect

from . import rules
from .models import Group, GroupMember, StaffRole

TOTP_SESSION_KEY = "counselling_totp_ok"


def actor_for(user) -> rules.Actor:
    if not getattr(user, "is_authenticated", False):
        return rules.ANONYMOUS
    role = StaffRole.objects.filter(user=user).first()
    if role is None:
        return rules.Actor(user_id=user.pk)
    return rules.Actor(
        user_id=user.pk,
        role=role.role,
        schools=frozenset(role.schools.values_list("pk", flat=True)),
        municipality=role.municipality_id,
    )


def needs_second_factor(request) -> bool:
    """Agency administrators confirm a one-time code once per sign-in before any workspace page."""
    role = StaffRole.objects.filter(user=request.user).only("role").first()
    return role is not None and role.role == rules.AGENCY_ADMIN and not request.session.get(TOTP_SESSION_KEY)


def staff_view(view):
    """Signed-in staff with a workspace role; anonymous visitors go to the sign-in page, signed-in
    users without a role get 403."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        actor = actor_for(request.user)
        if not actor.is_staff_member:
            raise PermissionDenied
        if actor.role == rules.AGENCY_ADMIN and not request.session.get(TOTP_SESSION_KEY):
            return redirect("counselling:second_factor")
        request.actor = actor
        return view(request, *args, **kwargs)

    return wrapped


def managed_group(request, pk: int) -> Group:
    group = Group.objects.select_related("institution").filter(pk=pk).first()
    if group is None or not rules.can_manage_group(request.actor, group.facts):
        raise Http404
    return group


def shared_member(request, group: Group, member_pk: int) -> GroupMember:
    """A member whose results the counsellor may see: withdrawn consent gives 404 at once."""
    member = group.members.filter(pk=member_pk).first()
    if member is None or not rules.can_see_pupil(request.actor, group.facts, member.shares):
        raise Http404
    return member
