"""JSON API routes of the counselling module, mounted under /api/v1/counselling/ by karjera.api.v1.

Staff routes use the signed-in session (the same rules as the pages: 401 without sign-in, 403 without
a workspace role, 404 for what the role may not see). Pupil routes take the member token, which is
the pupil's capability, as the session id is for a test.
"""
from __future__ import annotations

from typing import Literal

from django.conf import settings
from ninja import Query, Router, Schema, Status
from pydantic import Field

from karjera.api.schemas import ErrorOut, Strict
from karjera.assessments import engine
from karjera.core.ratelimit import client_address, hit

from . import library, profiles, rules, services
from .access import TOTP_SESSION_KEY, actor_for
from karjera.education.models import Municipality

from .models import Group, GroupMember, Method, normalise_join_code

router = Router(tags=["counselling"])


def _fail(status: int, code: str, message: str):
    return Status(status, {"error": code, "message": message})


def _staff(request):
    """The actor, or the error response to return."""
    if not request.user.is_authenticated:
        return None, _fail(401, "unauthorised", "Sign in as staff first.")
    actor = actor_for(request.user)
    if not actor.is_staff_member:
        return None, _fail(403, "forbidden", "This account has no role in the counsellor workspace.")
    if actor.role == rules.AGENCY_ADMIN and not request.session.get(TOTP_SESSION_KEY):
        return None, _fail(403, "second_factor", "Confirm your one-time code first.")
    return actor, None


STAFF = {401: ErrorOut, 403: ErrorOut}
# What the API's global handlers answer for any route: 422 for parameters or a body that do not
# validate, 400 for a body that is not JSON at all.
INVALID = {422: ErrorOut}
BODY = {400: ErrorOut, 422: ErrorOut}


class GroupOut(Schema):
    id: int
    name: str
    grade: int | None
    school: str
    join_code: str
    open: bool
    tests: list[str]


def _group(g: Group) -> dict:
    return {"id": g.pk, "name": g.name, "grade": g.grade, "school": g.institution.name_lv, "join_code": g.display_code,
            "open": g.open, "tests": services.group_tests(g)}


@router.get("/groups", response={200: list[GroupOut], **STAFF})
def list_groups(request):
    """The signed-in counsellor's groups at the schools they serve."""
    actor, error = _staff(request)
    if error:
        return error
    groups = Group.objects.filter(counsellor_id=actor.user_id, institution__in=actor.schools).select_related("institution")
    return [_group(g) for g in groups if rules.can_manage_group(actor, g.facts)]


class ProgressOut(Schema):
    started: int
    completed: int


class SharedPupilOut(Schema):
    id: int
    display_name: str
    completed: list[str]
    interests_code: str | None
    flat_profile: bool
    strongest_field: str | None
    values_order: list[str] | None
    career_options_code: str | None


class ProfileOut(Schema):
    pupils: int
    completed: dict[str, int]
    riasec_first: dict[str, int]
    riasec_top3: dict[str, int]
    codes: dict[str, int]
    flat: int
    fields: dict[str, int]
    values: dict[str, int]


class DashboardOut(Schema):
    group: GroupOut
    members: int
    not_sharing: int
    progress: dict[str, ProgressOut]
    shared: list[SharedPupilOut]
    profile: ProfileOut


def _profile_out(profile: dict) -> dict:
    return {**profile, "codes": dict(profile["codes"]), "fields": dict(profile["fields"]), "values": dict(profile["values"]),
            "riasec_top3": profile.get("riasec_top3", {}), "pupils": profile["pupils"]}


@router.get("/groups/{group_id}", response={200: DashboardOut, 404: ErrorOut, **STAFF, **INVALID})
def get_group(request, group_id: int):
    """A group's dashboard: progress of all members (counts), results of those who share."""
    actor, error = _staff(request)
    if error:
        return error
    group = Group.objects.select_related("institution").filter(pk=group_id).first() if 0 < group_id < 2**62 else None
    if group is None or not rules.can_manage_group(actor, group.facts):
        raise engine.NotFound("No such group.")
    shared = services.shared_results(group)
    members = group.members.count()
    out = []
    for member, summaries, _sessions in shared:
        interests, values = summaries.get("interests") or {}, summaries.get("values") or {}
        out.append({
            "id": member.pk, "display_name": member.display_name, "completed": sorted(summaries),
            "interests_code": interests.get("code"), "flat_profile": bool(interests.get("flat")),
            "strongest_field": interests.get("field"), "values_order": values.get("order"),
            "career_options_code": (summaries.get("career_options") or {}).get("code"),
        })
    return {
        "group": _group(group), "members": members, "not_sharing": members - len(shared),
        "progress": services.progress(group), "shared": out,
        "profile": _profile_out(profiles.group_profile([s for _m, s, _x in shared])),
    }


class SchoolAggregateOut(Schema):
    school: str
    groups: int
    shown: int
    suppressed: int
    pupils: int


class AggregateOut(Schema):
    municipality: str
    min_group_size: int
    suppressed_groups: int
    schools: list[SchoolAggregateOut]
    profile: ProfileOut


@router.get("/municipalities/{code}/aggregate", response={200: AggregateOut, 404: ErrorOut, **STAFF, **INVALID})
def municipality_aggregate(request, code: str):
    """Figures over a municipality's schools; groups smaller than the minimum are left out."""
    from .views import aggregate_for

    actor, error = _staff(request)
    if error:
        return error
    place = Municipality.objects.filter(pk=code[:40]).first()
    if place is None or not rules.can_see_municipality(actor, place.pk):
        raise engine.NotFound("No such municipality.")
    schools = list(place.institutions.all())
    agg = aggregate_for(schools)
    empty = {"groups": 0, "shown": 0, "suppressed": 0, "pupils": 0}
    profile = {**agg["profile"], "riasec_top3": {}}
    return {
        "municipality": place.pk, "min_group_size": rules.MIN_GROUP_SIZE, "suppressed_groups": agg["suppressed_groups"],
        "schools": [{"school": s.name_lv, **agg["schools"].get(s.pk, empty)} for s in schools],
        "profile": _profile_out(profile),
    }


# ---- pupils --------------------------------------------------------------------------------------


class JoinIn(Strict):
    code: str = Field(max_length=20)
    # At least one character that is not white space (nor an ASCII separator control), so the schema
    # says what the handler refuses after collapsing white space.
    display_name: str = Field(min_length=1, max_length=40, pattern=r"[^\s\x1c-\x1f]")
    shares: bool


class MemberTestOut(Schema):
    slug: str
    session_id: str | None
    status: str


class MemberOut(Schema):
    token: str
    group: str
    display_name: str
    shares: bool
    tests: list[MemberTestOut]


def _member(member: GroupMember) -> dict:
    links = services.member_tests(member)
    return {
        "token": member.token, "group": member.group.name, "display_name": member.display_name, "shares": member.shares,
        "tests": [
            {"slug": slug, "session_id": links[slug].session_id if slug in links else None,
             "status": links[slug].session.status if slug in links else "not_started"}
            for slug in services.group_tests(member.group)
        ],
    }


@router.post("/join", response={201: MemberOut, 404: ErrorOut, 429: ErrorOut, **BODY})
def join_group(request, payload: JoinIn):
    """A pupil joins a group by its code, with a display name and the consent choice."""
    if not hit("join", client_address(request), settings.RESUME_RATE_LIMIT, settings.RESUME_RATE_WINDOW):
        return _fail(429, "rate_limited", "Too many attempts; wait a few minutes and try again.")
    name = " ".join(payload.display_name.split())
    if not name:
        raise engine.Invalid("Write a display name.", field="display_name")
    group = Group.objects.filter(join_code=normalise_join_code(payload.code), open=True).first()
    if group is None:
        raise engine.NotFound("No open group has this code.")
    return Status(201, _member(services.join(group, name, payload.shares)))


def _member_or_404(token: str) -> GroupMember:
    member = GroupMember.objects.select_related("group").filter(token=token[:40]).first()
    if member is None:
        raise engine.NotFound("No such group member.")
    return member


@router.get("/members/{token}", response={200: MemberOut, 404: ErrorOut, **INVALID})
def get_member(request, token: str):
    return _member(_member_or_404(token))


class ConsentIn(Strict):
    shares: bool


@router.put("/members/{token}/consent", response={200: MemberOut, 404: ErrorOut, **BODY})
def put_consent(request, token: str, payload: ConsentIn):
    """Share with the group's counsellor, or stop: the counsellor's views follow at once."""
    member = _member_or_404(token)
    services.set_consent(member, payload.shares)
    return _member(member)


class StartOut(Schema):
    session_id: str
    status: str


@router.post("/members/{token}/tests/{slug}", response={200: StartOut, 404: ErrorOut, 409: ErrorOut, 429: ErrorOut, **INVALID})
def start_member_test(request, token: str, slug: str, language: Literal["lv", "en"] = "lv"):
    """The member's session of one of the group's tests (made on first call, the same one after)."""
    member = _member_or_404(token)
    if slug not in services.group_tests(member.group):
        raise engine.NotFound("This group does not take that test.")
    if not hit("session", client_address(request), settings.SESSION_CREATE_RATE_LIMIT, settings.SESSION_CREATE_RATE_WINDOW):
        return _fail(429, "rate_limited", "Too many new sessions; wait a few minutes and try again.")
    session = services.start_test(member, slug, language, request)
    return {"session_id": session.id, "status": session.status}


# ---- the methods library -------------------------------------------------------------------------


class MethodOut(Schema):
    slug: str
    title_lv: str
    title_en: str
    summary_lv: str
    summary_en: str
    grades: list[int]
    audience: str
    topic: str
    format: str
    duration_minutes: int


@router.get("/methods", response={200: list[MethodOut], 422: ErrorOut})
def list_methods(
    request,
    q: str = Query("", max_length=200),
    age_group: Literal["1-4", "5-6", "7-9", "10-12", "parents", "teachers"] | None = None,
    topic: Literal[library.TOPICS] | None = None,  # type: ignore[valid-type]
    format: Literal[library.FORMATS] | None = None,  # type: ignore[valid-type]
    max_minutes: int | None = Query(None, ge=1, le=600),
):
    """Search folds diacritics ("skolotajs" finds "skolotājs"); filters combine."""
    from .views import filter_methods

    qs = filter_methods(Method.objects.all(), q, age_group or "", topic or "", format or "", max_minutes)
    return [
        {"slug": m.slug, "title_lv": m.title_lv, "title_en": m.title_en, "summary_lv": m.summary_lv, "summary_en": m.summary_en,
         "grades": [m.grade_from, m.grade_to], "audience": m.audience, "topic": m.topic, "format": m.format,
         "duration_minutes": m.duration_minutes}
        for m in qs[:200]
    ]
