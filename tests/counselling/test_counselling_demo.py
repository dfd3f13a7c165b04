"""load_counselling_demo: idempotent, passwords only with DEBUG, and the accounts see what their roles allow."""
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.management import call_command
from django.test import override_settings

from karjera.counselling import demo
from karjera.counselling.models import Group, GroupMember, StaffRole

pytestmark = pytest.mark.django_db


def run() -> str:
    out = io.StringIO()
    call_command("load_counselling_demo", stdout=out)
    return out.getvalue()


@override_settings(DEBUG=True)
def test_demo_with_debug_prints_the_documented_password_and_changes_nothing_the_second_time(client):
    validate_password(demo.DEMO_PASSWORD, get_user_model()(username="demo-konsultants"))
    first = run()
    assert demo.DEMO_PASSWORD in first and "6 demo pupils added" in first
    counts = (get_user_model().objects.count(), StaffRole.objects.count(), Group.objects.count(), GroupMember.objects.count())
    group = Group.objects.get(name=demo.GROUP_NAME)
    second = run()
    assert "0 new objects" in second and "demo pupils added" not in second
    assert counts == (get_user_model().objects.count(), StaffRole.objects.count(), Group.objects.count(), GroupMember.objects.count())
    assert Group.objects.get(name=demo.GROUP_NAME).join_code == group.join_code
    assert group.display_code in second

    # The counsellor signs in with the documented password and sees the five who share.
    response = client.post("/accounts/login/", {"username": "demo-konsultants", "password": demo.DEMO_PASSWORD})
    assert response.status_code == 302
    body = client.get(f"/api/v1/counselling/groups/{group.pk}").json()
    assert body["members"] == 6 and len(body["shared"]) == 5 and body["not_sharing"] == 1
    # The coordinator sees the group in the municipality's figures (5 share: not suppressed), no names.
    client.logout()
    assert client.post("/accounts/login/", {"username": "demo-koordinators", "password": demo.DEMO_PASSWORD}).status_code == 302
    agg = client.get(f"/api/v1/counselling/municipalities/{group.institution.municipality_id}/aggregate").json()
    assert agg["suppressed_groups"] == 0 and agg["profile"]["completed"]["interests"] == 5
    assert "Anete" not in str(agg)


def test_demo_without_debug_sets_no_password(client):
    output = run()
    assert demo.DEMO_PASSWORD not in output and "changepassword" in output
    assert not any(u.has_usable_password() for u in get_user_model().objects.filter(username__startswith="demo-"))
    assert client.post("/accounts/login/", {"username": "demo-konsultants", "password": demo.DEMO_PASSWORD}).status_code == 200
    with override_settings(DEBUG=True):  # a later run on a development machine gives them the demo password
        assert demo.DEMO_PASSWORD in run()
    assert get_user_model().objects.get(username="demo-konsultants").check_password(demo.DEMO_PASSWORD)


def test_a_later_run_finishes_the_demo_pupils_tests_again_after_a_purge():
    from karjera.assessments.models import TestSession
    from karjera.counselling import services

    run()
    group = Group.objects.get(name=demo.GROUP_NAME)
    TestSession.objects.filter(group_link__member__group=group).delete()  # as purge_sessions would
    assert services.shared_results(group)[0][1] == {}
    assert "demo pupils added" not in run()
    assert GroupMember.objects.filter(group=group).count() == 6
    assert all("interests" in summaries for _m, summaries, _s in services.shared_results(group))
