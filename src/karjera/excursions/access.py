"""The signed-in user as an excursions `Actor`, and look-ups that answer 404 for what the rules refuse."""
from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect

from karjera.counselling.access import TOTP_SESSION_KEY
from karjera.counselling.models import StaffRole

from . import rules
from .models import HostMember, Request


def actor_for(user) -> rules.Actor:
    if not getattr(user, "is_authenticated", False):
        return rules.ANONYMOUS
    role = StaffRole.objects.filter(user=user).first()
    member = HostMember.objects.filter(user=user).only("host_id").first()
    return rules.Actor(
        user_id=user.pk,
        role=role.role if role else None,
        schools=frozenset(role.schools.values_list("pk", flat=True)) if role else frozenset(),
        host=member.host_id if member else None,
    )


def with_actor(view):
    """Any visitor; `request.actor` is set (anonymous visitors get the anonymous actor)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        request.actor = actor_for(request.user)
        return view(request, *args, **kwargs)

    return wrapped


def signed_in(check):
    """Signed-in users for whom `check(actor)` holds; anonymous visitors go to the sign-in page,
    others get 403. Agency administrators confirm their second factor first, as in the workspace."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            actor = actor_for(request.user)
            if actor.is_agency and not request.session.get(TOTP_SESSION_KEY):
                return redirect("counselling:second_factor")
            if not check(actor):
                raise PermissionDenied
            request.actor = actor
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


any_role = signed_in(lambda a: a.is_host or a.is_school_staff or a.is_agency)
host_only = signed_in(lambda a: a.is_host)
school_only = signed_in(lambda a: a.is_school_staff)
agency_only = signed_in(lambda a: a.is_agency)


def visible_request(request, pk: int) -> Request:
    booking = Request.objects.select_related("offer__host", "slot", "school", "requested_by").filter(pk=pk).first()
    if booking is None or not rules.can_see_request(request.actor, booking.offer.host_id, booking.school_id):
        raise Http404
    return booking
