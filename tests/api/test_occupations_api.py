import pytest

pytestmark = pytest.mark.django_db


def test_search_without_diacritics_finds_pavars(client):
    body = client.get("/api/v1/occupations?q=pavars&limit=5").json()
    assert body["count"] >= 1
    assert body["items"][0]["name_lv"] == "pavārs"
    first = body["items"][0]
    assert set(first) == {"id", "esco_uri", "isco", "pk_codes", "name_lv", "name_en"}
    assert first["isco"] == "5120"


def test_search_matches_word_prefixes_and_english(client):
    names = [o["name_lv"] for o in client.get("/api/v1/occupations?q=skolotaj&limit=50").json()["items"]]
    assert names and all("skolotāj" in n.lower() or "skolotāj" in n for n in names[:5])
    english = client.get("/api/v1/occupations?q=chef").json()["items"]
    assert any("chef" in o["name_en"].lower() for o in english)


def test_preferred_names_rank_above_alternative_names(client):
    items = client.get("/api/v1/occupations?q=pavārs&limit=20").json()["items"]
    assert items[0]["name_lv"] == "pavārs"


def test_limit_is_bounded(client):
    assert len(client.get("/api/v1/occupations?limit=3").json()["items"]) == 3
    assert client.get("/api/v1/occupations?limit=0").status_code == 422
    assert client.get("/api/v1/occupations?limit=1000").status_code == 422


def test_detail_has_riasec_with_onet_provenance(client):
    found = client.get("/api/v1/occupations?q=pavars&limit=1").json()["items"][0]
    detail = client.get(f"/api/v1/occupations/{found['id']}").json()
    assert sorted(detail["riasec"]) == sorted("RIASEC")
    assert all(1 <= v <= 7 for v in detail["riasec"].values())
    source = detail["riasec_source"]
    assert source["codes"] and all(c["code"].count("-") == 1 and c["match"] for c in source["codes"])
    assert any(c["code"].startswith("35-") for c in source["codes"])  # O*NET food preparation family
    assert detail["job_zone"] in {1, 2, 3, 4, 5}
    assert client.get("/api/v1/occupations/no-such-id").status_code == 404
