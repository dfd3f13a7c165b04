"""Pages of the game "Kļūšu par profesionāli": start, rounds, the end and the teachers' page.

Nothing about the child is stored: the whole game is a signed token in the page's address and form
(seed, round number, points, wrong tries of the current round). No account, no session, no database row.
"""
from __future__ import annotations

import secrets
from dataclasses import asdict
from functools import lru_cache

from django.conf import settings
from django.core import signing
from django.http import HttpResponseBadRequest, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from . import content as content_module
from . import rounds
from .rounds import State

TOKEN_SALT = "karjera.game.state"
TOKEN_MAX_AGE = 60 * 60 * 24 * 7  # a game link works for a week

QUESTIONS = {
    "workplace": gettext_lazy("Who works here?"),
    "tools": gettext_lazy("Whose tools are these?"),
    "day": gettext_lazy("What does this person do all day at work?"),
    "subject": gettext_lazy("Which school subject helps most in this job?"),
}
KIND_NAMES = {
    "workplace": gettext_lazy("Who works here"),
    "tools": gettext_lazy("Whose tools"),
    "day": gettext_lazy("A working day"),
    "subject": gettext_lazy("A helpful school subject"),
}
LEVEL_NAMES = (
    gettext_lazy("First steps"),
    gettext_lazy("Curiosity"),
    gettext_lazy("Discoveries"),
    gettext_lazy("Skills"),
    gettext_lazy("Professional's star"),
)


@lru_cache(maxsize=1)
def game_content() -> content_module.Content:
    return content_module.load(settings.DATA_DIR / "game", settings.DATA_DIR / "featured")


def encode(state: State) -> str:
    data = asdict(state)
    data["wrong"] = list(state.wrong)
    return signing.dumps(data, salt=TOKEN_SALT, compress=True)


def decode(token: str | None) -> State | None:
    if not token or len(token) > 600:
        return None
    try:
        data = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
        state = State(seed=int(data["seed"]), number=int(data["number"]), points=int(data["points"]),
                      wrong=tuple(str(w) for w in data["wrong"]), solved=bool(data["solved"]),
                      first_try=int(data["first_try"]), rounds=int(data["rounds"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    return state if state.is_valid() else None


def level_info(points: int) -> dict:
    level = rounds.level_for(points)
    return {"number": level, "name": LEVEL_NAMES[level - 1], "count": len(LEVEL_NAMES),
            "next_at": rounds.next_level_at(points)}


def _profession_view(p, lang: str) -> dict:
    c = game_content()
    workplace = c.workplaces[p.workplace]
    return {
        "id": p.id, "name": p.name.get(lang), "url": reverse("occupations:detail", args=[p.occupation]),
        "workplace": workplace.name.get(lang), "workplace_icon": workplace.icon,
        "tools": [{"name": t.name.get(lang), "icon": t.icon} for t in p.tools],
        "subject": c.subjects[p.subject].name.get(lang), "subject_icon": c.subjects[p.subject].icon,
        "why": p.why.get(lang), "does": [t.get(lang) for t in p.does],
    }


def _option_view(current: rounds.Round, key: str, lang: str) -> dict:
    c = game_content()
    if current.kind in ("workplace", "tools"):
        return {"key": key, "label": c.profession(key).name.get(lang), "icon": None}
    if current.kind == "day":
        part, index = key.split(":")
        p = c.profession(current.profession)
        return {"key": key, "label": (p.does if part == "does" else p.does_not)[int(index)].get(lang), "icon": None}
    subject = c.subjects[key]
    return {"key": key, "label": subject.name.get(lang), "icon": subject.icon}


def _bad_link(request):
    html = render_to_string("game/broken.html", {}, request=request)
    return HttpResponseBadRequest(html)


@require_GET
def start(request):
    return render(request, "game/start.html", {"rounds": rounds.ROUNDS, "professions": len(game_content().professions),
                                               "levels": LEVEL_NAMES, "kinds": [QUESTIONS[k] for k in rounds.KINDS]})


@require_GET
def new_game(request):
    state = State(seed=secrets.randbelow(2**31))
    return redirect(f"{reverse('game:play')}?t={encode(state)}")


# An answer changes nothing on the server: it only turns one signed game token into the next, which a
# forged request could do just as well by itself. Without CSRF the game needs no cookie at all.
@csrf_exempt
def play(request):
    if request.method == "POST":
        return _answer(request)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET", "POST"])
    state = decode(request.GET.get("t"))
    if state is None:
        return _bad_link(request)
    if state.finished:
        return redirect(f"{reverse('game:end')}?t={request.GET['t']}")
    return _round_page(request, state)


def _answer(request):
    state = decode(request.POST.get("t"))
    if state is None:
        return _bad_link(request)
    if state.finished:
        return redirect(f"{reverse('game:end')}?t={encode(state)}")
    current = rounds.plan(game_content(), state.seed, state.rounds)[state.number - 1]
    new_state, outcome = rounds.answer(state, current, request.POST.get("choice", ""))
    if outcome == rounds.INVALID and not state.solved:
        return _round_page(request, state, error=_("Choose one answer, then press “Check”."), status=422)
    return redirect(f"{reverse('game:play')}?t={encode(new_state)}")


def _round_page(request, state: State, error: str = "", status: int = 200):
    lang = request.LANGUAGE_CODE
    c = game_content()
    current = rounds.plan(c, state.seed, state.rounds)[state.number - 1]
    profession = c.profession(current.profession)
    options = [_option_view(current, key, lang) | {"tried": key in state.wrong, "right": key == current.answer}
               for key in current.options]
    if state.wrong and not state.solved:
        next(o for o in options if not o["tried"])["autofocus"] = True
    if current.kind == "workplace":
        workplace = c.workplaces[current.prompt]
        prompt = {"title": workplace.name.get(lang), "icon": workplace.icon}
    elif current.kind == "tools":  # the tools alone: the profession's name would give the answer away
        prompt = {"title": ", ".join(t.name.get(lang) for t in profession.tools), "icon": None}
    else:
        prompt = {"title": profession.name.get(lang), "icon": c.workplaces[profession.workplace].icon,
                  "icon_label": _("Workplace: %(place)s") % {"place": c.workplaces[profession.workplace].name.get(lang)}}
    if state.solved:
        feedback = "right"
        earned = rounds.points_for(len(state.wrong))
        title = _("Right!")
    elif state.wrong:
        feedback, earned, title = "wrong", 0, _("Try again")
    else:
        feedback, earned, title = "", 0, ""
    last = state.number == state.rounds
    context = {
        "state": state, "token": encode(state), "round": current, "question": QUESTIONS[current.kind],
        "kind_name": KIND_NAMES[current.kind], "prompt": prompt, "options": options,
        "tools": [{"name": t.name.get(lang), "icon": t.icon} for t in profession.tools],
        "profession": _profession_view(profession, lang), "feedback": feedback, "feedback_title": title,
        "earned": earned, "error": error, "level": level_info(state.points), "last": last,
        "next_token": encode(rounds.advance(state)) if state.solved else "",
        "answer_label": next(o["label"] for o in options if o["right"]),
        "percent": round(100 * (state.number - 1 + state.solved) / state.rounds),
    }
    return render(request, "game/round.html", context, status=status)


@require_GET
def end(request):
    state = decode(request.GET.get("t"))
    if state is None:
        return _bad_link(request)
    if not state.finished:
        return redirect(f"{reverse('game:play')}?t={request.GET['t']}")
    lang = request.LANGUAGE_CODE
    c = game_content()
    met = [_profession_view(c.profession(r.profession), lang) for r in rounds.plan(c, state.seed, state.rounds)]
    return render(request, "game/end.html", {"state": state, "level": level_info(state.points), "met": met,
                                             "max_points": rounds.max_points(state.rounds)})


@require_GET
def teachers(request):
    import random

    lang = request.LANGUAGE_CODE
    c = game_content()
    rng = random.Random(f"karjera-game-worksheet:{request.GET.get('v', '1')[:8]}")
    chosen = rng.sample(c.professions, 6)
    views = [_profession_view(p, lang) for p in chosen]
    statements = []
    for p in chosen:
        name = p.name.get(lang)
        statements.append({"name": name, "text": rng.choice(p.does).get(lang), "true": True})
        statements.append({"name": name, "text": rng.choice(p.does_not).get(lang), "true": False})
    rng.shuffle(statements)
    tools = [{"name": p.tools[0].name.get(lang), "icon": p.tools[0].icon} for p in chosen]
    names = [v["name"] for v in views]
    rng.shuffle(tools)
    activities = [{
        "kind": a.kind, "kind_name": KIND_NAMES[a.kind], "question": QUESTIONS[a.kind],
        "title": a.title.get(lang), "goal": a.goal.get(lang), "minutes": a.minutes,
        "materials": a.materials.get(lang), "steps": [s.get(lang) for s in a.steps],
        "talk": [t.get(lang) for t in a.talk],
    } for a in c.activities]
    return render(request, "game/teachers.html", {
        "activities": activities, "professions": views, "statements": statements[:8], "tools": tools,
        "names": names, "subjects": [s.name.get(lang) for s in c.subjects.values()],
        "all_professions": sorted((_profession_view(p, lang) for p in c.professions), key=lambda v: v["name"]),
    })
