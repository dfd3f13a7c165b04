"""Glue between groups and the test engine: starting a pupil's tests and reading shared results."""
from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from karjera.assessments import engine
from karjera.monitoring import analytics

from . import profiles
from .models import Group, GroupMember, MemberTest

DEFAULT_TESTS = list(engine.ORDER)


def group_tests(group: Group) -> list[str]:
    available = engine.available()
    return [slug for slug in (group.tests or DEFAULT_TESTS) if slug in available]


def join(group: Group, display_name: str, shares: bool) -> GroupMember:
    return GroupMember.objects.create(
        group=group, display_name=display_name.strip()[:40], shares=shares,
        consent_changed_at=timezone.now() if shares else None,
    )


def set_consent(member: GroupMember, shares: bool) -> None:
    """Takes effect at once: every counsellor view reads `shares` on each request."""
    GroupMember.objects.filter(pk=member.pk).update(shares=shares, consent_changed_at=timezone.now())
    member.shares = shares


def start_test(member: GroupMember, slug: str, language: str, request=None):
    """The member's session of a test: the existing one, or a new one linked to the member.

    With the request, a new session is counted in usage analytics like any other test started."""
    existing = MemberTest.objects.filter(member=member, slug=slug).select_related("session").first()
    if existing is not None:
        return existing.session
    session = engine.create_session(slug, language)
    try:
        with transaction.atomic():
            MemberTest.objects.create(member=member, session=session, slug=slug)
    except IntegrityError:  # a double tap started it twice; keep the first
        session.delete()
        return MemberTest.objects.select_related("session").get(member=member, slug=slug).session
    if request is not None:
        analytics.record(request, "session_started", slug)
    return session


def member_tests(member: GroupMember) -> dict[str, MemberTest]:
    return {
        link.slug: link
        for link in MemberTest.objects.filter(member=member).select_related("session__instrument_version")
        .defer("session__instrument_version__definition")
    }


def shared_results(group: Group) -> list[tuple[GroupMember, dict[str, dict], dict[str, object]]]:
    """(member, {slug: summary}, {slug: session}) for every member who shares, completed tests only."""
    members = {m.pk: m for m in group.members.filter(shares=True)}
    out = {pk: (m, {}, {}) for pk, m in members.items()}
    links = (
        MemberTest.objects.filter(member__in=list(members), session__status="completed")
        .select_related("session__instrument_version").defer("session__instrument_version__definition")
    )
    for link in links:
        _, summaries, sessions = out[link.member_id]
        summaries[link.slug] = profiles.summarise(link.slug, link.session.result or {})
        sessions[link.slug] = link.session
    return list(out.values())


def progress(group: Group) -> dict[str, dict[str, int]]:
    """Per test: how many members started and completed it (all members: counts, no names)."""
    counts = {slug: {"started": 0, "completed": 0} for slug in group_tests(group)}
    for slug, status in MemberTest.objects.filter(member__group=group).values_list("slug", "session__status"):
        if slug in counts:
            counts[slug]["started"] += 1
            counts[slug]["completed"] += status == "completed"
    return counts
