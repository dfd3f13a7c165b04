"""Two schools in different municipalities, two hosts, staff of each, the agency, a published offer,
and a Job Shadow Day round."""
from datetime import timedelta

import pytest
from django.utils import timezone
from excursions_helpers import make_host_member, make_offer, make_slot, make_staff

from karjera.counselling import rules
from karjera.education.models import Institution
from karjera.excursions.models import PENDING, PUBLISHED, Host, ShadowPlace, ShadowRound


@pytest.fixture
def schools(db):
    first = Institution.objects.order_by("pk").first()
    other = Institution.objects.exclude(municipality=first.municipality).order_by("pk").first()
    return {"mine": first, "other": other}


@pytest.fixture
def hosts(schools):
    return {
        "bakery": Host.objects.create(name="Ceptuve Rudzis", municipality=schools["mine"].municipality, email="ceptuve@example.lv"),
        "plant": Host.objects.create(name="Enerģijas stacija", municipality=schools["other"].municipality, email="stacija@example.lv"),
    }


@pytest.fixture
def people(schools, hosts):
    return {
        "teacher": make_staff("skolotaja", rules.COUNSELLOR, [schools["mine"]]),
        "school_admin": make_staff("direktore", rules.SCHOOL_ADMIN, [schools["mine"]]),
        "other_teacher": make_staff("cita-skola", rules.COUNSELLOR, [schools["other"]]),
        "agency": make_staff("agentura", rules.AGENCY_ADMIN),
        "coordinator": make_staff("koordinators", rules.COORDINATOR),
        "baker": make_host_member("maiznieks", hosts["bakery"]),
        "engineer": make_host_member("inzeniere", hosts["plant"]),
    }


@pytest.fixture
def offers(hosts, schools):
    bakery = make_offer(hosts["bakery"], schools["mine"].municipality, max_group=30)
    plant = make_offer(hosts["plant"], schools["other"].municipality, title="Hidroelektrostacija", sector="energy")
    hidden = make_offer(hosts["plant"], schools["other"].municipality, title="Slepenā darbnīca", status=PENDING)
    return {"bakery": bakery, "plant": plant, "hidden": hidden}


@pytest.fixture
def slots(offers):
    return {"bakery": make_slot(offers["bakery"], 30), "bakery_later": make_slot(offers["bakery"], 30, days=20),
            "plant": make_slot(offers["plant"], 25), "hidden": make_slot(offers["hidden"], 10)}


def _restore_reference_data():
    """A transactional test empties every table at its end (and may start on an emptied database):
    import the demonstration schools and the catalogue again, which the rest of the suite expects."""
    from django.conf import settings

    from karjera.education.importer import import_directory
    from karjera.occupations import featured, loader
    from karjera.occupations.models import Occupation

    if not Institution.objects.exists():
        import_directory(settings.DATA_DIR / "education" / "demo")
    if not Occupation.objects.exists():
        loader.load(settings.DATA_DIR / "occupations.json")
        featured.load(settings.DATA_DIR / "featured")


@pytest.fixture
def committed(transactional_db):
    _restore_reference_data()


@pytest.fixture(autouse=True)
def _reference_data_back_after_flush(request, django_db_blocker):
    yield
    if "transactional_db" in request.fixturenames or "live_server" in request.fixturenames:
        with django_db_blocker.unblock():
            _restore_reference_data()


@pytest.fixture
def shadow_round(hosts, schools):
    rnd = ShadowRound.objects.create(name="Ēnu diena 2027", apply_until=timezone.now() + timedelta(days=3))
    day = (timezone.now() + timedelta(days=10)).date()
    places = {
        "baker": ShadowPlace.objects.create(round=rnd, host=hosts["bakery"], title="Maiznieks", municipality=schools["mine"].municipality,
                                            address="Rīgas iela 1", date=day, places=1, grade_from=8, grade_to=12, status=PUBLISHED),
        "engineer": ShadowPlace.objects.create(round=rnd, host=hosts["plant"], title="Energoinženiere", municipality=schools["other"].municipality,
                                               address="Dambja iela 2", date=day, places=1, grade_from=10, grade_to=12, status=PUBLISHED),
        "pending": ShadowPlace.objects.create(round=rnd, host=hosts["plant"], title="Dispečers", municipality=schools["other"].municipality,
                                              address="Dambja iela 2", date=day, places=5, status=PENDING),
    }
    return rnd, places
