"""Pupil-facing pages of the tests. Every step works as a plain form; test.js only makes it quicker."""
import math

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from karjera.core.ratelimit import client_address, hit
from karjera.monitoring import analytics

from . import engine
from .reports import chart_for, report_pdf
from .results import present


def _session_or_404(session_id):
    try:
        return engine.get_session(session_id)
    except engine.NotFound as exc:
        raise Http404(exc.message) from exc


@require_http_methods(["GET", "POST"])
def intro(request, slug):
    instrument = engine.available().get(slug)
    if instrument is None:
        raise Http404(_("No such test."))
    language = request.LANGUAGE_CODE
    if request.method == "POST":
        if not hit("session", client_address(request), settings.SESSION_CREATE_RATE_LIMIT, settings.SESSION_CREATE_RATE_WINDOW):
            return render(request, "assessments/rate_limited.html", status=429)
        mode = request.POST.get("mode", "fixed")
        if mode not in engine.MODES or (mode == "adaptive" and not instrument.adaptive):
            raise Http404(_("No such version of the test."))
        session = engine.create_session(slug, language, mode)
        analytics.record(request, "session_started", slug)
        return redirect("assessments:item", session.id, 1)
    return render(
        request,
        "assessments/intro.html",
        {
            "instrument": instrument,
            "name": instrument.text("name", language),
            "summary": instrument.text("summary", language),
            "instructions": instrument.text("instructions", language),
            "about": instrument.data["interpretation"]["about"][language],
            "options": instrument.options(language),
            "adaptive": {
                "name": instrument.adaptive["name"][language],
                "summary": instrument.adaptive["summary"][language],
                "minutes": instrument.adaptive["minutes"],
            } if instrument.adaptive else None,
        },
    )


def session_home(request, session_id):
    session = _session_or_404(session_id)
    if session.is_completed:
        return redirect("assessments:result", session.id)
    answers = engine.answers_of(session)
    engine.advance(session)
    for number, item in enumerate(engine.session_items(session), start=1):
        if item["id"] not in answers:
            return redirect("assessments:item", session.id, number)
    return redirect("assessments:finish", session.id)


def _progress(session, answered: int) -> dict:
    """How far the pupil is; in the adaptive mode the total is the most the parts can give."""
    total = engine.item_total(session)
    remaining = max(0, total - answered)
    seconds_per_item = engine.session_minutes(session) * 60 / total
    return {
        "answered": answered,
        "total": total,
        "percent": round(100 * answered / total),
        "minutes_left": math.ceil(remaining * seconds_per_item / 60) if remaining else 0,
    }


@require_http_methods(["GET", "POST"])
def item(request, session_id, number):
    session = _session_or_404(session_id)
    if session.is_completed:
        return redirect("assessments:result", session.id)
    adaptive = engine.is_adaptive(session)
    items = engine.session_items(session)
    if adaptive and number == len(items) + 1:
        engine.advance(session)  # the next task is chosen from the answers so far
        items = engine.session_items(session)
        if number == len(items) + 1:
            return redirect("assessments:finish", session.id)
    if not 1 <= number <= len(items):
        raise Http404(_("No such question."))
    current = items[number - 1]
    language = request.LANGUAGE_CODE
    error = None
    instrument = session.instrument
    if request.method == "POST":
        try:
            if instrument.is_best_worst:
                from .scoring.best_worst import encode

                best, worst = int(request.POST.get("best", "")), int(request.POST.get("worst", ""))
                if best == worst:
                    raise ValueError
                raw = encode(best, worst)
            else:
                raw = int(request.POST.get("value", ""))
            engine.save_answer(session.id, current["id"], raw)
        except ValueError:
            error = (
                _("Choose one statement as the most important and another as the least important.")
                if instrument.is_best_worst
                else _("Choose one of the answers.")
            )
        except engine.Invalid:
            error = _("Choose one of the answers.")
        except engine.Conflict:
            return redirect("assessments:result", session.id)
        else:
            if number < len(items) or adaptive:
                return redirect(reverse("assessments:item", args=[session.id, number + 1]) + "?saved=1")
            return redirect(reverse("assessments:finish", args=[session.id]) + "?saved=1")
    answers = engine.answers_of(session)
    selected = answers.get(current["id"])
    generated = None
    if instrument.scoring == "irt" and "subtest" in current:
        engine.start_subtest(session, current)
        generated = instrument.generated(current, session.id)
    if instrument.is_best_worst:
        from .scoring.best_worst import decode

        best, worst = decode(selected) if selected is not None else (None, None)
        statements = [
            {"position": n, "text": instrument.statement_index[s]["text"][language]}
            for n, s in enumerate(current["statements"])
        ]
    next_url = (
        reverse("assessments:item", args=[session.id, number + 1])
        if number < len(items) or adaptive
        else reverse("assessments:finish", args=[session.id])
    )
    if instrument.is_best_worst:
        labels = {o["value"]: o["label"][language] for o in instrument.data["response"]["options"]}
        return render(
            request,
            "assessments/item_best_worst.html",
            {
                "session": session,
                "number": number,
                "item": current,
                "question": current["text"][language],
                "statements": statements,
                "best": best,
                "worst": worst,
                "best_label": labels[1],
                "worst_label": labels[-1],
                "progress": _progress(session, len(answers)),
                "prev_url": reverse("assessments:item", args=[session.id, number - 1]) if number > 1 else None,
                "saved": request.GET.get("saved") == "1" and not error,
                "error": error,
                "name": instrument.text("name", language),
            },
            status=422 if error else 200,
        )
    subtest = None
    if generated is not None:
        from django.utils import timezone

        deadline = engine.subtest_deadline(session, current["subtest"])
        seconds_left = max(0, int((deadline - timezone.now()).total_seconds())) if deadline else None
        subtest = {
            "name": instrument.subtest(current["subtest"])["name"][language],
            "minutes_left": (seconds_left + 59) // 60 if seconds_left is not None else None,
            "over": seconds_left == 0,
        }
    return render(
        request,
        "assessments/item.html",
        {
            "session": session,
            "number": number,
            "item": current,
            "text": generated.prompt[language] if generated else current["text"][language],
            "figure": generated.stem_svg if generated else "",
            "subtest": subtest,
            "options": instrument.options_for(current, language, seed=session.id),
            "selected": selected,
            "progress": _progress(session, len(answers)),
            "prev_url": reverse("assessments:item", args=[session.id, number - 1]) if number > 1 else None,
            "next_url": next_url,
            "saved": request.GET.get("saved") == "1" and not error,
            "error": error,
            "name": session.instrument.text("name", language),
            "prompt": instrument.data["prompt"][language] if "prompt" in instrument.data else _("How much would you like to do this?"),
            "detail": current.get("detail", {}).get(language, ""),
        },
        status=422 if error else 200,
    )


@require_http_methods(["GET", "POST"])
def finish(request, session_id):
    session = _session_or_404(session_id)
    if session.is_completed:
        return redirect("assessments:result", session.id)
    answers = engine.answers_of(session)
    still_open = set(engine.missing_items(session, answers))
    missing = [
        {"number": n, "text": it["text"][request.LANGUAGE_CODE]}
        for n, it in enumerate(engine.session_items(session), start=1)
        if it["id"] in still_open
    ]
    spec = session.instrument.data.get("favourites")
    language = request.LANGUAGE_CODE
    favourites_error = None
    if request.method == "POST" and spec and request.POST.get("action") == "favourites":
        chosen = request.POST.getlist("fav")
        try:
            engine.save_favourites(session.id, [{"card": c, "reasons": request.POST.getlist(f"why_{c}")} for c in chosen])
        except engine.Invalid as exc:
            favourites_error = _("Choose at most %(n)s favourites among the professions you liked.") % {"n": spec["max"]} if "at most" in exc.message else exc.message
        else:
            return redirect(reverse("assessments:finish", args=[session.id]) + "?favourites=1")
    elif request.method == "POST" and not missing:
        if engine.complete(session.id).completed_now:
            analytics.record(request, "session_completed", session.instrument.slug)
        return redirect("assessments:result", session.id)
    favourites = None
    if spec and not missing:
        saved = {f["card"]: f["reasons"] for f in (session.choices or {}).get("favourites", [])}
        favourites = {
            "prompt": spec["prompt"][language],
            "max": spec["max"],
            "error": favourites_error,
            "saved": request.GET.get("favourites") == "1",
            "cards": [
                {
                    "id": item["id"],
                    "name": item["text"][language],
                    "checked": item["id"] in saved,
                    "reasons": [
                        {"code": r["code"], "label": r["label"][language], "checked": r["code"] in saved.get(item["id"], [])}
                        for r in spec["reasons"]
                    ],
                }
                for item in session.instrument.items
                if answers.get(item["id"]) == 2
            ],
        }
    return render(
        request,
        "assessments/finish.html",
        {
            "session": session,
            "missing": missing,
            "progress": _progress(session, len(answers)),
            "saved": request.GET.get("saved") == "1",
            "name": session.instrument.text("name", request.LANGUAGE_CODE),
            "favourites": favourites,
        },
        status=422 if favourites_error else 200,
    )


RESULT_TEMPLATES = {
    "riasec": "assessments/result.html",
    "best_worst": "assessments/result_values.html",
    "card_sort": "assessments/result_cards.html",
    "irt": "assessments/result_abilities.html",
}


def _interest_code(request) -> tuple[str | None, str | None]:
    """The interest test's code from a resume code the pupil typed in to compare, or an error."""
    code = request.GET.get("compare", "").strip()[:20]
    if not code:
        return None, None
    if not hit("resume", client_address(request), settings.RESUME_RATE_LIMIT, settings.RESUME_RATE_WINDOW):
        return None, _("Too many attempts; wait a few minutes and try again.")
    try:
        other = engine.find_by_resume_code(code)
    except engine.NotFound:
        return None, _("No test matches this resume code. Check the code and try again.")
    if other.instrument.scoring != "riasec" or not other.is_completed:
        return None, _("This code does not belong to a finished Interest lab.")
    return other.result["code"], None


def result(request, session_id):
    session = _session_or_404(session_id)
    if not session.is_completed:
        return redirect("assessments:session", session.id)
    # A finished result never changes, so its page is rendered once per language (not when the pupil
    # asks to compare with another test); deleting the session removes it from the cache.
    key = engine.result_cache_key(session.id, request.LANGUAGE_CODE) if not request.GET else None
    if key and (html := cache.get(key)) is not None:
        return HttpResponse(html)
    interest_code, compare_error = _interest_code(request) if session.instrument.scoring == "card_sort" else (None, None)
    view = present(session, request.LANGUAGE_CODE, interest_code)
    response = render(
        request,
        RESULT_TEMPLATES[view["method"]],
        {"session": session, "view": view, "chart": chart_for(view), "compare_error": compare_error},
    )
    if key:
        cache.set(key, response.content.decode(), settings.RESULT_PAGE_CACHE_SECONDS)
    return response


def report(request, session_id):
    session = _session_or_404(session_id)
    if not session.is_completed:
        return redirect("assessments:session", session.id)
    return report_pdf(session, request.LANGUAGE_CODE)


def export(request, session_id):
    """The pupil's own copy of everything stored about this test, as JSON."""
    try:
        data = engine.export(session_id)
    except engine.NotFound as exc:
        raise Http404(exc.message) from exc
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="karjera-{data["test"]}-{data["resume_code"]}.json"'
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "POST"])
def delete(request, session_id):
    session = _session_or_404(session_id)
    if request.method == "POST":
        engine.delete(session.id)
        return render(request, "assessments/deleted.html")
    return render(request, "assessments/delete.html", {"session": session})


@require_http_methods(["GET", "POST"])
def resume(request):
    error = None
    code = ""
    if request.method == "POST":
        code = request.POST.get("code", "")[:20]
        if not hit("resume", client_address(request), settings.RESUME_RATE_LIMIT, settings.RESUME_RATE_WINDOW):
            return render(request, "assessments/rate_limited.html", status=429)
        try:
            session = engine.find_by_resume_code(code)
        except engine.NotFound:
            error = _("No test matches this resume code. Check the code and try again.")
        else:
            return redirect("assessments:session", session.id)
    return render(request, "assessments/resume.html", {"error": error, "code": code}, status=404 if error else 200)
