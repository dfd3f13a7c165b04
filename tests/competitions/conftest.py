"""A small competition built in code: one skill with a locked 100-mark scheme over two days, four
competitors from two schools, a chief expert and two experts (one of them from school A)."""
from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from karjera.competitions.models import (
    Aspect,
    Competition,
    CompetitionSkill,
    Competitor,
    Expert,
    MarkingScheme,
    Skill,
    SubCriterion,
)
from karjera.education.models import Institution


class World:
    pass


def build_world(released=False) -> World:
    w = World()
    User = get_user_model()
    w.school_a, w.school_b, w.school_c = list(Institution.objects.filter(kind="vocational_school").order_by("pk")[:3])
    w.competition = Competition.objects.create(
        slug="test-final", name_lv="Tests fināls", name_en="Test final", kind=Competition.NATIONAL_FINAL,
        starts_on=date(2026, 4, 22), ends_on=date(2026, 4, 23), venue="Rīga", results_released=released,
    )
    w.skill = Skill.objects.create(slug="test-welding", name_lv="Metināšana", name_en="Welding")
    w.other_skill = Skill.objects.create(slug="test-cooking", name_lv="Pavārmāksla", name_en="Cooking")
    w.cs = CompetitionSkill.objects.create(competition=w.competition, skill=w.skill)
    w.other_cs = CompetitionSkill.objects.create(competition=w.competition, skill=w.other_skill)
    scheme = MarkingScheme.objects.create(competition_skill=w.cs)
    a = SubCriterion.objects.create(scheme=scheme, code="A", name_lv="Drošība", name_en="Safety")
    b = SubCriterion.objects.create(scheme=scheme, code="B", name_lv="Kvalitāte", name_en="Quality")
    w.m_full = Aspect.objects.create(sub_criterion=a, code="A1", description_lv="Aizsarglīdzekļi", description_en="PPE",
                                     kind="measurement", method="full_or_none", max_mark=Decimal("10"), day=1)
    w.m_deduct = Aspect.objects.create(sub_criterion=a, code="A2", description_lv="Izmēri", description_en="Dimensions",
                                       kind="measurement", method="deduction", max_mark=Decimal("40"), day=1)
    w.judged = Aspect.objects.create(sub_criterion=b, code="B1", description_lv="Kopiespaids", description_en="Overall",
                                     kind="judgement", max_mark=Decimal("50"), day=2)
    scheme.locked_at = timezone.now()
    scheme.save()
    other_scheme = MarkingScheme.objects.create(competition_skill=w.other_cs, locked_at=timezone.now())
    oc = SubCriterion.objects.create(scheme=other_scheme, code="A", name_lv="Garša", name_en="Taste")
    w.other_aspect = Aspect.objects.create(sub_criterion=oc, code="A1", description_lv="Garša", description_en="Taste",
                                           kind="measurement", method="deduction", max_mark=Decimal("100"), day=1)
    w.competitors = [
        Competitor.objects.create(competition_skill=w.cs, number=n, first_name=f"Konk{n}", last_name="Ozoliņa",
                                  date_of_birth=date(2006, 1, n), school=school)
        for n, school in ((1, w.school_a), (2, w.school_b), (3, w.school_b), (4, w.school_c))
    ]
    w.other_competitor = Competitor.objects.create(competition_skill=w.other_cs, number=1, first_name="Cits", last_name="Kalniņš",
                                                   date_of_birth=date(2006, 5, 5), school=w.school_b)
    w.chief_user = User.objects.create_user("chief", password="x")
    w.expert_a_user = User.objects.create_user("expert-a", password="x")
    w.expert_c_user = User.objects.create_user("expert-c", password="x")
    w.other_user = User.objects.create_user("other-expert", password="x")
    w.manager = User.objects.create_user("manager", password="x")
    w.competition.managers.add(w.manager)
    w.chief = Expert.objects.create(user=w.chief_user, competition_skill=w.cs, is_chief=True)
    w.expert_a = Expert.objects.create(user=w.expert_a_user, competition_skill=w.cs, school=w.school_a)
    w.expert_c = Expert.objects.create(user=w.expert_c_user, competition_skill=w.cs, school=w.school_c)
    Expert.objects.create(user=w.other_user, competition_skill=w.other_cs, is_chief=True)
    return w


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def committed_world(transactional_db):
    """build_world() committed, so that other connections (threads) see it."""
    from django.conf import settings

    from karjera.education.importer import import_directory

    if not Institution.objects.filter(kind="vocational_school").exists():
        import_directory(settings.DATA_DIR / "education" / "demo")
    return build_world()


@pytest.fixture(autouse=True)
def _schools_back_after_flush(request, django_db_blocker):
    """A transactional test empties every table at its end: import the demonstration schools again,
    which the rest of the suite expects."""
    yield
    if "transactional_db" in request.fixturenames or "live_server" in request.fixturenames:
        from django.conf import settings

        from karjera.education.importer import import_directory

        with django_db_blocker.unblock():
            import_directory(settings.DATA_DIR / "education" / "demo")
