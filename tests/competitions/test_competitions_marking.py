"""Saving marks: versions, conflicts, sign-off, audit trail and who may mark whom."""
import threading
from decimal import Decimal

import pytest
from django.db import connection

from karjera.competitions import services
from karjera.competitions.models import Mark, MarkAudit, SignOff

pytestmark = pytest.mark.django_db


def test_first_entry_then_change_is_audited(world):
    c = world.competitors[1]
    mark, changed = services.save_mark(world.expert_a_user, c.pk, world.m_deduct.pk, 0, value="35.5")
    assert changed and mark.version == 1 and mark.value == Decimal("35.50")
    mark, changed = services.save_mark(world.expert_c_user, c.pk, world.m_deduct.pk, 1, value="33")
    assert mark.version == 2 and mark.value == Decimal("33.00")
    audit = list(MarkAudit.objects.filter(mark=mark).order_by("pk"))
    assert [(a.user, a.before, a.after["value"]) for a in audit] == [
        (world.expert_a_user, None, "35.50"),
        (world.expert_c_user, {"value": "35.50", "judge_scores": None, "version": 1}, "33.00"),
    ]


def test_judgement_mark_from_three_judges_and_flag(world):
    c = world.competitors[1]
    mark, _ = services.save_mark(world.chief_user, c.pk, world.judged.pk, 0, scores=[3, 1, 2])
    assert mark.value == Decimal("33.33")  # 6 / 9 × 50
    assert services.mark_view(mark)["flag"] is True
    with pytest.raises(services.Refused) as refused:
        services.save_mark(world.chief_user, c.pk, world.judged.pk, 1, scores=[3, 4, 2])
    assert refused.value.status == 422
    assert Mark.objects.get(pk=mark.pk).version == 1


def test_stale_version_is_refused_with_the_current_value(world):
    c = world.competitors[1]
    services.save_mark(world.expert_a_user, c.pk, world.m_full.pk, 0, value="10")
    services.save_mark(world.expert_c_user, c.pk, world.m_full.pk, 1, value="0")
    with pytest.raises(services.Refused) as refused:
        services.save_mark(world.expert_a_user, c.pk, world.m_full.pk, 1, value="10")
    assert refused.value.status == 409
    assert refused.value.details["current"]["value"] == "0.00"
    assert refused.value.details["current"]["updated_by"] == "expert-c"
    assert Mark.objects.get(competitor=c, aspect=world.m_full).value == Decimal("0")


def test_two_first_entries_one_conflicts(world):
    c = world.competitors[3]
    services.save_mark(world.chief_user, c.pk, world.m_full.pk, 0, value="10")
    with pytest.raises(services.Refused) as refused:
        services.save_mark(world.expert_a_user, c.pk, world.m_full.pk, 0, value="0")
    assert refused.value.status == 409


def test_a_repeated_save_is_recognised_not_a_conflict(world):
    c = world.competitors[1]
    services.save_mark(world.expert_a_user, c.pk, world.m_deduct.pk, 0, value="20")
    mark, changed = services.save_mark(world.expert_a_user, c.pk, world.m_deduct.pk, 0, value="20")
    assert not changed and mark.version == 1
    assert MarkAudit.objects.filter(mark=mark).count() == 1


def test_marks_after_sign_off_are_refused(world):
    c = world.competitors[1]
    mark, _ = services.save_mark(world.expert_a_user, c.pk, world.m_deduct.pk, 0, value="20")
    with pytest.raises(services.Refused) as not_chief:
        services.sign_off(world.expert_a_user, world.cs.pk, 1)
    assert not_chief.value.status == 403
    services.sign_off(world.chief_user, world.cs.pk, 1)
    with pytest.raises(services.Refused) as refused:
        services.save_mark(world.expert_a_user, c.pk, world.m_deduct.pk, 1, value="25")
    assert refused.value.status == 409 and refused.value.code == "signed_off"
    assert Mark.objects.get(pk=mark.pk).value == Decimal("20")
    assert MarkAudit.objects.filter(mark=mark).count() == 1
    # day 2 is still open
    services.save_mark(world.expert_a_user, c.pk, world.judged.pk, 0, scores=[2, 2, 2])
    with pytest.raises(services.Refused) as twice:
        services.sign_off(world.chief_user, world.cs.pk, 1)
    assert twice.value.status == 409
    with pytest.raises(services.Refused) as no_day:
        services.sign_off(world.chief_user, world.cs.pk, 7)
    assert no_day.value.status == 422


def test_expert_cannot_mark_own_school_unless_rule_is_off(world):
    own = world.competitors[0]  # school A, like expert A
    with pytest.raises(services.Refused) as refused:
        services.save_mark(world.expert_a_user, own.pk, world.m_full.pk, 0, value="10")
    assert refused.value.status == 403 and refused.value.code == "own_school"
    assert not Mark.objects.filter(competitor=own).exists()
    world.competition.own_school_rule = False
    world.competition.save()
    services.save_mark(world.expert_a_user, own.pk, world.m_full.pk, 0, value="10")


def test_expert_cannot_touch_another_skill(world):
    with pytest.raises(services.Refused) as refused:
        services.save_mark(world.expert_a_user, world.other_competitor.pk, world.other_aspect.pk, 0, value="50")
    assert refused.value.status == 403
    with pytest.raises(services.Refused):
        services.marks_of_skill(world.expert_a_user, world.other_cs.pk)
    # an aspect of another skill's scheme is not an aspect of this competitor
    with pytest.raises(services.Refused) as wrong_aspect:
        services.save_mark(world.expert_a_user, world.competitors[1].pk, world.other_aspect.pk, 0, value="50")
    assert wrong_aspect.value.status == 404


def test_unlocked_scheme_refuses_marks(world):
    scheme = world.cs.scheme
    scheme.locked_at = None
    scheme.save()
    with pytest.raises(services.Refused) as refused:
        services.save_mark(world.chief_user, world.competitors[1].pk, world.m_full.pk, 0, value="10")
    assert refused.value.code == "scheme_not_locked"


def test_invalid_marks_change_nothing(world):
    c = world.competitors[1]
    for value in ("5", "abc", "", None, "-1"):
        with pytest.raises(services.Refused) as refused:
            services.save_mark(world.chief_user, c.pk, world.m_full.pk, 0, value=value)
        assert refused.value.status == 422
    assert not Mark.objects.filter(competitor=c).exists()


def test_results_raw_standardised_and_medals(world):
    values = {0: ("10", "38", [3, 3, 3]), 1: ("10", "30", [2, 2, 2]), 2: ("0", "30", [2, 2, 2]), 3: ("0", "20", [1, 1, 1])}
    for i, (full, deduct, scores) in values.items():
        c = world.competitors[i]
        services.save_mark(world.chief_user, c.pk, world.m_full.pk, 0, value=full)
        services.save_mark(world.chief_user, c.pk, world.m_deduct.pk, 0, value=deduct)
        services.save_mark(world.chief_user, c.pk, world.judged.pk, 0, scores=scores)
    rows = services.skill_results(world.cs)
    # totals 98, 73.33, 63.33, 36.67
    assert [(r.competitor.number, str(r.raw), r.rank, r.medal) for r in rows] == [
        (1, "98.00", 1, "gold"), (2, "73.33", 2, "silver"), (3, "63.33", 3, "bronze"), (4, "36.67", 4, None)]
    # median 68.33, mean 67.83, population sd 21.98: 98 → 700 + 100 × 29.67 / 21.98 = 835.0;
    # 36.67 → 700 − 100 × 31.66 / 21.98 = 555.9
    assert rows[0].standardised == 835 and rows[3].standardised == 556


def test_two_experts_saving_one_mark_at_once_in_threads(committed_world):
    """Two real connections save on top of the same version: exactly one wins, the other gets 409."""
    w = committed_world
    c = w.competitors[1]
    services.save_mark(w.chief_user, c.pk, w.m_deduct.pk, 0, value="30")
    barrier = threading.Barrier(2)
    outcomes = []

    def save(user, value):
        try:
            barrier.wait(timeout=10)
            services.save_mark(user, c.pk, w.m_deduct.pk, 1, value=value)
            outcomes.append("saved")
        except services.Refused as exc:
            outcomes.append(exc.status)
        except Exception as exc:  # e.g. a locked SQLite database: reported, not hidden
            outcomes.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(u, v)) for u, v in ((w.expert_a_user, "31"), (w.expert_c_user, "32"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(map(str, outcomes)) == ["409", "saved"]
    mark = Mark.objects.get(competitor=c, aspect=w.m_deduct)
    assert mark.version == 2 and str(mark.value) in ("31.00", "32.00")
    assert MarkAudit.objects.filter(mark=mark).count() == 2
    assert not SignOff.objects.exists()
