"""Occupation pages point to the published study excursions where pupils see that occupation."""
from excursions_helpers import make_offer

from karjera.excursions.models import PENDING
from karjera.occupations.models import Occupation


def test_an_occupation_page_links_to_its_published_excursions_only(client, schools, hosts):
    cook = Occupation.objects.get(name_lv="pavārs")
    page = client.get(f"/occupations/{cook.pk}/").content.decode()
    assert "excursion-link" not in page
    hidden = make_offer(hosts["bakery"], schools["mine"].municipality, title="Virtuve", status=PENDING)
    hidden.occupations.add(cook)
    assert "excursion-link" not in client.get(f"/occupations/{cook.pk}/").content.decode()
    shown = make_offer(hosts["bakery"], schools["mine"].municipality, title="Restorāna virtuve")
    shown.occupations.add(cook)
    page = client.get(f"/occupations/{cook.pk}/").content.decode()
    assert "1 mācību ekskursija" in page  # Latvian, the default language
    assert f"/excursions/?occupation={cook.pk}" in page
