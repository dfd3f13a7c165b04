"""Occupation pages in both languages, browsing filters, the results fragment, and the API summary."""
import re

import pytest

from karjera.occupations.models import FeaturedProfession, Occupation

pytestmark = pytest.mark.django_db


def pavars():
    return Occupation.objects.get(name_lv="pavārs")


def test_search_page_and_fragment(client):
    page = client.get("/occupations/?q=pavars").content.decode()
    assert "pavārs" in page and 'role="search"' in page and 'id="search-live"' in page
    fragment = client.get("/occupations/?q=pavars&partial=1").content.decode()
    assert "pavārs" in fragment and "<html" not in fragment


def test_filters_narrow_the_list(client):
    everything = client.get("/occupations/").content.decode()
    realistic = client.get("/occupations/?type=R&zone=2").content.decode()
    count = lambda html: int(re.search(r'id="result-count">\s*(?:Atrasta?s?\s)?([\d\s]+)', html).group(1).replace(" ", "").replace("\xa0", ""))
    assert 0 < count(realistic) < count(everything)
    # Unknown filter values are ignored rather than failing.
    assert client.get("/occupations/?type=Q&zone=9&isco=abc&field=77&page=999").status_code == 200


def test_featured_only(client):
    html = client.get("/occupations/?featured=1&partial=1").content.decode()
    assert html.count('class="is-featured"') == min(30, FeaturedProfession.objects.count())
    assert html.count("<li") == html.count('class="is-featured"')  # only featured rows


def test_occupation_page_in_both_languages(client):
    occ = pavars()
    lv = client.get(f"/occupations/{occ.id}/").content.decode()
    en = client.get(f"/en/occupations/{occ.id}/").content.decode()
    assert 'lang="lv"' in lv and 'lang="en"' in en
    assert "5120.02" in lv and "O*NET" in lv and "35-2014.00" in lv
    assert lv.count('role="img"') == 2  # interest and work-value charts
    assert "Work values" in en


def test_featured_page_shows_full_description(client):
    featured = FeaturedProfession.objects.select_related("occupation").first()
    if featured is None:
        pytest.skip("no featured professions shipped")
    html = client.get(f"/occupations/{featured.occupation_id}/").content.decode()
    for part in ("work", "workplace", "typical_day", "strengths", "education", "try_now"):
        assert getattr(featured, f"{part}_lv")[:40] in html.replace("&quot;", '"').replace("&#x27;", "'")
    english = client.get(f"/en/occupations/{featured.occupation_id}/").content.decode()
    assert featured.name_en in english.replace("&#x27;", "'")


def test_page_says_when_onet_has_no_profile(client):
    occ = Occupation.objects.filter(riasec_r=None).first()
    html = client.get(f"/en/occupations/{occ.id}/").content.decode()
    assert "O*NET has no interest profile for this occupation" in html
    assert 'role="img"' not in html


def test_every_occupation_page_renders(client):
    for occ_id in Occupation.objects.values_list("id", flat=True)[::97]:
        assert client.get(f"/occupations/{occ_id}/").status_code == 200
        assert client.get(f"/en/occupations/{occ_id}/").status_code == 200


def test_api_detail_has_values_related_and_featured(client):
    occ = pavars()
    body = client.get(f"/api/v1/occupations/{occ.id}").json()
    assert set(body["work_values"]) == {"achievement", "working_conditions", "recognition", "relationships", "support", "independence"}
    assert isinstance(body["related"], list)
    featured = FeaturedProfession.objects.filter(occupation=occ).first()
    if featured:
        assert body["featured"]["sections"]["work"]["lv"] == featured.work_lv
        assert body["featured"]["skills_latvia"] == featured.skills_latvia
    with_related = Occupation.objects.exclude(related=[]).first()
    related = client.get(f"/api/v1/occupations/{with_related.id}").json()["related"]
    assert related and {"id", "name_lv", "name_en"} <= set(related[0])


def test_entrepreneurship_and_credits(client):
    lv = client.get("/entrepreneurship/").content.decode()
    en = client.get("/en/entrepreneurship/").content.decode()
    assert "Kļūsti uzņēmējs" in lv and "Become an entrepreneur" in en
    assert "Uzņēmumu reģistr" in lv
    credits = client.get("/credits/").content.decode()
    assert "CC BY 4.0" in credits and "ESCO classification, European Commission" in credits
