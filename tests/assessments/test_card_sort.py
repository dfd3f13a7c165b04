"""The profession card sort: pure analysis, then the whole test through the API and the pages."""
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from karjera.assessments.definitions import INSTRUMENTS_DIR, load_file
from karjera.assessments.scoring.card_sort import agreement, score_card_sort

DECK = load_file(INSTRUMENTS_DIR / "career_options" / "1.0.0.yaml")


def fake_attributes():
    """Each card's occupation has a profile peaking at the card's own type."""
    attributes = {}
    for card in DECK.items:
        riasec = {t: (6.0 if t == card["scale"] else 2.0) for t in "RIASEC"}
        attributes[card["id"]] = {"riasec": riasec, "values": None, "job_zone": 2 + (int(card["id"][1:]) % 3), "field": "07" if card["scale"] == "R" else "09"}
    return attributes


def test_deck_spans_types_and_levels():
    assert len(DECK.items) == 60
    assert {c["scale"] for c in DECK.items} == set("RIASEC")
    assert [c["scale"] for c in DECK.items[:6]] == list("RIASEC")  # interleaved
    assert all(c["detail"]["lv"] and c["text"]["en"] for c in DECK.items)


def test_liked_cards_reveal_the_shared_type():
    answers = {c["id"]: (2 if c["scale"] in "SA" else 0) for c in DECK.items}
    result = score_card_sort(DECK.items, answers, fake_attributes())
    assert set(result["code"][:2]) == {"S", "A"}
    assert result["counts"] == {"liked": 20, "unsure": 0, "disliked": 40}
    assert result["riasec_lift"]["S"] > 0 > result["riasec_lift"]["R"]
    assert result["suggest_occupations"] and result["flags"] == []


def test_few_likes_and_liking_everything_are_flagged():
    few = score_card_sort(DECK.items, {c["id"]: (2 if c["id"] == "K01" else 1) for c in DECK.items}, fake_attributes())
    assert "few_likes" in few["flags"] and not few["suggest_occupations"]
    everything = score_card_sort(DECK.items, {c["id"]: 2 for c in DECK.items}, fake_attributes())
    assert "liked_everything" in everything["flags"]


def test_agreement_with_the_interest_code():
    assert agreement("SAE", "ASI") and agreement("RIC", "IRC")
    assert not agreement("RCI", "SAE")


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from([0, 1, 2]), min_size=60, max_size=60))
def test_counts_add_up(values):
    answers = {c["id"]: v for c, v in zip(DECK.items, values)}
    result = score_card_sort(DECK.items, answers, fake_attributes())
    assert sum(result["counts"].values()) == 60
    assert result["counts"]["liked"] == values.count(2)
    assert sum(f["liked"] for f in result["fields"]) == result["counts"]["liked"]


@pytest.mark.django_db
def test_through_the_api_and_pages(client):
    session = client.post("/api/v1/sessions", json.dumps({"instrument": "career_options"}), content_type="application/json").json()
    assert len(session["items"]) == 60 and [o["value"] for o in session["items"][0]["options"]] == [0, 1, 2]
    sid = session["id"]
    cards = {c["id"]: c for c in DECK.items}
    for item in session["items"]:
        value = 2 if cards[item["id"]]["scale"] in "IR" else 0
        assert client.put(f"/api/v1/sessions/{sid}/answers/{item['id']}", json.dumps({"value": value}), content_type="application/json").status_code == 200
    result = client.post(f"/api/v1/sessions/{sid}/complete").json()
    assert set(result["code"][:2]) == {"I", "R"}
    seen = {c["occupation"] for c in DECK.items}
    assert len(result["occupations"]) >= 20 and not seen & {o["id"] for o in result["occupations"]}
    page = client.get(f"/en/s/{sid}/result/").content.decode()
    assert "Similar professions you have not seen yet" in page and 'role="img"' in page
    # Comparing with an interest test taken with the opposite leaning gives the "disagrees" note.
    interests = client.post("/api/v1/sessions", json.dumps({"instrument": "interests"}), content_type="application/json").json()
    for i, item in enumerate(interests["items"]):
        client.put(f"/api/v1/sessions/{interests['id']}/answers/{item['id']}", json.dumps({"value": 4 if i % 6 in (3, 4) else 0}), content_type="application/json")
    client.post(f"/api/v1/sessions/{interests['id']}/complete")
    compared = client.get(f"/en/s/{sid}/result/?compare={interests['resume_code']}").content.decode()
    assert "fit other interest types than your Interest lab result" in compared
    wrong = client.get(f"/en/s/{sid}/result/?compare=ZZZZ-ZZZZ").content.decode()
    assert 'id="compare-error"' in wrong
    assert client.get(f"/s/{sid}/report.pdf").status_code == 200


@pytest.mark.django_db
def test_favourites_and_why(client):
    session = client.post("/api/v1/sessions", json.dumps({"instrument": "career_options"}), content_type="application/json").json()
    sid = session["id"]
    liked = []
    for n, item in enumerate(session["items"]):
        value = 2 if n < 8 else 0
        if value == 2:
            liked.append(item["id"])
        client.put(f"/api/v1/sessions/{sid}/answers/{item['id']}", json.dumps({"value": value}), content_type="application/json")
    disliked = session["items"][20]["id"]

    def put(favourites):
        return client.put(f"/api/v1/sessions/{sid}/favourites", json.dumps({"favourites": favourites}), content_type="application/json")

    assert put([{"card": c, "reasons": []} for c in liked[:6]]).status_code == 422  # at most five
    assert put([{"card": disliked, "reasons": []}]).status_code == 422  # only liked cards
    assert put([{"card": liked[0], "reasons": ["fame"]}]).status_code == 422  # only listed reasons
    ok = put([{"card": liked[0], "reasons": ["people", "helping"]}, {"card": liked[1], "reasons": ["people"]}])
    assert ok.status_code == 200
    # The finish page shows the liked cards with the saved choices; the form works without JavaScript.
    page = client.get(f"/s/{sid}/finish/").content.decode()
    assert page.count('name="fav"') == 8 and f'value="{liked[0]}" checked' in page
    form = client.post(f"/s/{sid}/finish/", {"action": "favourites", "fav": [liked[2]], f"why_{liked[2]}": ["creating"]})
    assert form.status_code == 302
    client.post(f"/api/v1/sessions/{sid}/favourites", "{}", content_type="application/json")
    result = client.post(f"/api/v1/sessions/{sid}/complete").json()
    html = client.get(f"/en/s/{sid}/result/").content.decode()
    assert "Your favourites and why" in html and "Creating something new" in html
    assert put([{"card": liked[0], "reasons": []}]).status_code == 409  # finished: nothing changes
    assert result["code"]
