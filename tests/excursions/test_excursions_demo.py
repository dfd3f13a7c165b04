import pytest
from django.core.management import call_command

from karjera.excursions.models import Host, Offer, ShadowPlace, ShadowRound, Slot

pytestmark = pytest.mark.django_db


def test_demo_loader_is_idempotent_and_marked(client):
    call_command("load_excursions_demo")
    counts = (Host.objects.count(), Offer.objects.count(), Slot.objects.count(), ShadowRound.objects.count(), ShadowPlace.objects.count())
    call_command("load_excursions_demo")
    assert (Host.objects.count(), Offer.objects.count(), Slot.objects.count(), ShadowRound.objects.count(), ShadowPlace.objects.count()) == counts
    assert counts == (4, 4, 12, 1, 3)
    assert not Offer.objects.filter(demo=False).exists()
    page = client.get("/excursions/").content.decode()
    assert page.count("demonstrācijas dati") == 4
    offer = Offer.objects.get(title="Elektrības ceļš līdz mājām")
    assert offer.occupations.count() == 2
    assert "demonstrācijas dati" in client.get(f"/excursions/offers/{offer.pk}/").content.decode()
    assert "demonstrācijas dati" in client.get("/excursions/shadow/").content.decode()
