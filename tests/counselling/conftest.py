"""Staff of two schools in different municipalities, a group with pupils, finished tests."""
import pytest
from counselling_helpers import DATA, finish_interests, finish_values, make_staff, realistic, social

from karjera.counselling import loader, rules, services
from karjera.counselling.models import Group
from karjera.education.models import Institution


@pytest.fixture
def schools(db):
    """Two schools in two different municipalities, and a third in the first one's municipality."""
    first = Institution.objects.order_by("pk").first()
    other = Institution.objects.exclude(municipality=first.municipality).order_by("pk").first()
    neighbour = Institution.objects.filter(municipality=first.municipality).exclude(pk=first.pk).first()
    return {"mine": first, "other": other, "neighbour": neighbour}


@pytest.fixture
def people(schools):
    mine, other = schools["mine"], schools["other"]
    return {
        "counsellor": make_staff("konsultante", rules.COUNSELLOR, [mine]),
        "colleague": make_staff("kolege", rules.COUNSELLOR, [mine]),
        "stranger": make_staff("cita-skola", rules.COUNSELLOR, [other]),
        "school_admin": make_staff("direktore", rules.SCHOOL_ADMIN, [mine]),
        "coordinator": make_staff("koordinatore", rules.COORDINATOR, municipality=mine.municipality),
        "other_coordinator": make_staff("cits-koordinators", rules.COORDINATOR, municipality=other.municipality),
    }


@pytest.fixture
def library(db):
    loader.load(DATA / "methods", DATA / "plan_templates.yaml")


@pytest.fixture
def group(people, schools):
    return Group.objects.create(institution=schools["mine"], counsellor=people["counsellor"], name="9.a", grade=9,
                                tests=["interests", "values", "abilities", "career_options"])


@pytest.fixture
def pupils(group):
    """Anna and Bruno share, Cilda does not; all three finished the interest test."""
    anna = services.join(group, "Anna", True)
    bruno = services.join(group, "Bruno", True)
    cilda = services.join(group, "Cilda", False)
    finish_interests(anna, social)
    finish_interests(bruno, realistic)
    finish_interests(cilda, social)
    finish_values(anna)
    return {"anna": anna, "bruno": bruno, "cilda": cilda}
