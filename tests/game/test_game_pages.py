"""The game's pages through Django's test client: a whole game without JavaScript, bad links, languages,
no cookies and nothing stored."""
import re

import pytest
from django.urls import reverse

from karjera.game import rounds, views

pytestmark = pytest.mark.django_db


def token_of(response) -> str:
    return re.search(r"[?&]t=([^&\"]+)", response["Location"]).group(1)


def current_round(token):
    state = views.decode(token)
    return state, rounds.plan(views.game_content(), state.seed, state.rounds)[state.number - 1]


def test_start_page(client):
    response = client.get("/game/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kļūšu par profesionāli" in html and 'href="/game/new/"' in html
    assert not response.cookies


def test_a_whole_game_without_javascript(client):
    response = client.get("/game/new/")
    assert response.status_code == 302
    token = token_of(response)
    for number in range(1, rounds.ROUNDS + 1):
        state, current = current_round(token)
        page = client.get("/game/play/", {"t": token})
        assert page.status_code == 200
        html = page.content.decode()
        assert f"{number}. kārta no {rounds.ROUNDS}" in html
        assert html.count('type="radio" name="choice"') == rounds.OPTIONS
        if number % 2:  # a wrong try first on odd rounds
            wrong = next(o for o in current.options if o != current.answer)
            token = token_of(client.post("/game/play/", {"t": token, "choice": wrong}))
            html = client.get("/game/play/", {"t": token}).content.decode()
            assert "Mēģini vēlreiz" in html and "disabled" in html
        token = token_of(client.post("/game/play/", {"t": token, "choice": current.answer}))
        html = client.get("/game/play/", {"t": token}).content.decode()
        assert "Pareizi!" in html
        next_token = re.search(r'name="t" value="([^"]+)"', html).group(1)
        token = next_token
    response = client.get("/game/play/", {"t": token})
    assert response.status_code == 302 and response["Location"].startswith("/game/end/")
    end = client.get(response["Location"])
    html = end.content.decode()
    assert end.status_code == 200
    assert "16 no 24 punktiem" in html  # 4 rounds at 3 points, 4 rounds at 1 point
    assert len(re.findall(r'href="/occupations/[0-9a-f-]{36}/"', html)) == rounds.ROUNDS
    assert not end.cookies


def test_no_answer_is_a_clear_error_and_changes_nothing(client):
    token = token_of(client.get("/game/new/"))
    response = client.post("/game/play/", {"t": token})
    assert response.status_code == 422
    assert "Izvēlies vienu atbildi" in response.content.decode()
    response = client.post("/game/play/", {"t": token, "choice": "not-an-option"})
    assert response.status_code == 422


@pytest.mark.parametrize("token", ["", "nonsense", "a" * 700])
def test_a_broken_link_says_so(client, token):
    for url in ("/game/play/", "/game/end/"):
        response = client.get(url, {"t": token})
        assert response.status_code == 400
        assert "nedarbojas" in response.content.decode()
    assert client.post("/game/play/", {"t": token, "choice": "x"}).status_code == 400


def test_a_forged_state_is_refused(client):
    from django.core import signing

    forged = signing.dumps({"seed": 1, "number": 1, "points": 90, "wrong": [], "solved": False, "first_try": 0,
                            "rounds": 8}, salt="other")
    assert client.get("/game/play/", {"t": forged}).status_code == 400
    inflated = views.encode(rounds.State(seed=1, points=99))
    assert client.get("/game/play/", {"t": inflated}).status_code == 400


def test_end_of_an_unfinished_game_goes_back_to_the_round(client):
    token = token_of(client.get("/game/new/"))
    response = client.get("/game/end/", {"t": token})
    assert response.status_code == 302 and response["Location"].startswith("/game/play/")


def test_english(client):
    token = token_of(client.get("/en/game/new/"))
    html = client.get("/en/game/play/", {"t": token}).content.decode()
    assert "Round 1 of 8" in html and 'lang="en"' in html
    assert "I will become a professional" in client.get("/en/game/").content.decode()


def test_teachers_page_has_an_activity_per_round_kind(client):
    for prefix, words in (("", ["Darba vietu karte", "Darbarīku lāde", "Patiesi vai izdomāts?", "Skolas soma profesijai"]),
                          ("/en", ["A map of workplaces", "The toolbox", "True or made up?", "A school bag for a profession"])):
        html = client.get(f"{prefix}/game/teachers/").content.decode()
        for word in words:
            assert word in html
        assert html.count('class="worksheet"') == 4


def test_nothing_is_stored(client, django_assert_num_queries):
    token = token_of(client.get("/game/new/"))
    state, current = current_round(token)
    with django_assert_num_queries(0):
        client.post("/game/play/", {"t": token, "choice": current.answer})
        client.get("/game/play/", {"t": token})


def test_the_question_never_gives_the_answer_away(client):
    """In "who works here" and "whose tools" rounds the right profession's name appears only as its option
    (a screen reader reads the legend too)."""
    seen = set()
    for seed in range(12):
        state = rounds.State(seed=seed)
        for r in rounds.plan(views.game_content(), seed):
            if r.kind not in ("workplace", "tools") or r.kind in seen and seed > 6:
                continue
            state = rounds.State(seed=seed, number=r.number, points=0)
            html = client.get("/game/play/", {"t": views.encode(state)}).content.decode()
            form = html.split('<form method="post"', 1)[1].split("</form>", 1)[0]
            name = views.game_content().profession(r.answer).name.lv
            assert form.count(name) == 1, (r.kind, name)
            seen.add(r.kind)
    assert seen == {"workplace", "tools"}
