"""The permission rules and the pure group profile, tested directly."""
from hypothesis import given
from hypothesis import strategies as st

from karjera.counselling import rules
from karjera.counselling.rules import Actor, GroupFacts

GROUP = GroupFacts(school=1, municipality="riga", counsellor=10)
COUNSELLOR = Actor(user_id=10, role=rules.COUNSELLOR, schools=frozenset({1, 2}))
COLLEAGUE = Actor(user_id=11, role=rules.COUNSELLOR, schools=frozenset({1}))
OTHER_SCHOOL = Actor(user_id=12, role=rules.COUNSELLOR, schools=frozenset({3}))
SCHOOL_ADMIN = Actor(user_id=13, role=rules.SCHOOL_ADMIN, schools=frozenset({1}))
COORDINATOR = Actor(user_id=14, role=rules.COORDINATOR, municipality="riga")
OTHER_COORDINATOR = Actor(user_id=15, role=rules.COORDINATOR, municipality="cesis")
AGENCY = Actor(user_id=16, role=rules.AGENCY_ADMIN)
NOBODY = rules.ANONYMOUS
NO_ROLE = Actor(user_id=17)
EVERYONE = [COUNSELLOR, COLLEAGUE, OTHER_SCHOOL, SCHOOL_ADMIN, COORDINATOR, OTHER_COORDINATOR, AGENCY, NOBODY, NO_ROLE]


def test_only_the_groups_counsellor_manages_it():
    assert [a for a in EVERYONE if rules.can_manage_group(a, GROUP)] == [COUNSELLOR]


def test_a_counsellor_who_stops_serving_the_school_loses_the_group():
    moved = Actor(user_id=10, role=rules.COUNSELLOR, schools=frozenset({2}))
    assert not rules.can_manage_group(moved, GROUP)


def test_pupil_results_need_consent_and_the_groups_counsellor():
    assert rules.can_see_pupil(COUNSELLOR, GROUP, shares=True)
    assert not rules.can_see_pupil(COUNSELLOR, GROUP, shares=False)
    assert [a for a in EVERYONE if rules.can_see_pupil(a, GROUP, True)] == [COUNSELLOR]


def test_notes_are_read_by_their_author_only():
    assert rules.can_read_note(COUNSELLOR, author=10)
    assert not rules.can_read_note(COLLEAGUE, author=10)
    assert not rules.can_read_note(NOBODY, author=10)


def test_groups_are_created_only_at_served_schools():
    assert rules.can_create_group(COUNSELLOR, 2)
    assert not rules.can_create_group(COUNSELLOR, 3)
    assert not rules.can_create_group(SCHOOL_ADMIN, 1)


def test_school_figures_and_plans():
    assert rules.can_see_school(SCHOOL_ADMIN, 1, "riga") and not rules.can_see_school(SCHOOL_ADMIN, 2, "riga")
    assert rules.can_see_school(COORDINATOR, 5, "riga") and not rules.can_see_school(OTHER_COORDINATOR, 5, "riga")
    assert rules.can_see_school(AGENCY, 5, "riga") and not rules.can_see_school(NOBODY, 5, "riga")
    assert rules.can_edit_plan(SCHOOL_ADMIN, 1) and rules.can_edit_plan(COUNSELLOR, 1)
    assert not rules.can_edit_plan(COORDINATOR, 1) and not rules.can_edit_plan(AGENCY, 1)


def test_municipality_aggregates():
    assert rules.can_see_municipality(COORDINATOR, "riga")
    assert not rules.can_see_municipality(COORDINATOR, "cesis")
    assert rules.can_see_municipality(AGENCY, "cesis")
    assert not any(rules.can_see_municipality(a, "riga") for a in (COUNSELLOR, SCHOOL_ADMIN, NOBODY, NO_ROLE))


actors = st.builds(
    Actor,
    user_id=st.one_of(st.none(), st.integers(1, 5)),
    role=st.one_of(st.none(), st.sampled_from(rules.ROLES)),
    schools=st.frozensets(st.integers(1, 4), max_size=3),
    municipality=st.one_of(st.none(), st.sampled_from(["a", "b"])),
)
groups = st.builds(GroupFacts, school=st.integers(1, 4), municipality=st.sampled_from(["a", "b"]), counsellor=st.integers(1, 5))


@given(actors, groups)
def test_individual_data_never_reaches_anyone_but_a_counsellor_of_the_school(actor, group):
    if rules.can_see_pupil(actor, group, True) or rules.can_write_notes(actor, group):
        assert actor.role == rules.COUNSELLOR and group.school in actor.schools and actor.user_id == group.counsellor
    assert not rules.can_see_pupil(actor, group, False)


@given(actors, st.dictionaries(st.integers(1, 6), st.sampled_from(["a", "b"])))
def test_visible_schools_agree_with_can_see_school(actor, schools):
    visible = rules.visible_schools(actor, schools)
    assert visible == {s for s, m in schools.items() if rules.can_see_school(actor, s, m)}
    if actor.role in (None,) or actor.user_id is None and actor.role is None:
        assert visible == set()
