"""Mans karjeras profils: the page joining a pupil's tests (guidance.profile)."""
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from karjera.assessments import engine
from karjera.core.pdf import render_pdf
from karjera.core.ratelimit import client_address, hit
from karjera.education.models import REGIONS, Programme
from karjera.occupations.models import Occupation

from . import profile

TEST_NAMES = {
    "interests": gettext_lazy("Interest lab"),
    "values": gettext_lazy("Values scale"),
    "card_sort": gettext_lazy("Career options diagnostic"),
}


def career_profile(request):
    language = request.LANGUAGE_CODE
    ids = request.GET.getlist("s")
    entry = request.GET.get("entry", "") if request.GET.get("entry") in dict(Programme.ENTRIES) else ""
    region = request.GET.get("region", "") if request.GET.get("region") in dict(REGIONS) else ""
    error = None
    if request.method == "POST":
        code = request.POST.get("code", "")[:20]
        if not hit("resume", client_address(request), settings.RESUME_RATE_LIMIT, settings.RESUME_RATE_WINDOW):
            error = _("Too many attempts; wait a few minutes and try again.")
        else:
            try:
                session = engine.find_by_resume_code(code)
            except engine.NotFound:
                error = _("No test matches this resume code. Check the code and try again.")
            else:
                if not session.is_completed:
                    error = _("This test is not finished yet; finish it first.")
                else:
                    query = urlencode([("s", i) for i in [*ids, session.id]])
                    return redirect(reverse("guidance:profile") + "?" + query)
    data = profile.build(ids, entry, region)
    occupations = Occupation.objects.in_bulk([r.key for r in data["ranked"]])
    rows = [
        {
            "id": r.key,
            "name": occupations[r.key].name(language),
            "score": r.score,
            "parts": [{"test": str(TEST_NAMES[t]), "value": v} for t, v in r.contributions.items()],
        }
        for r in data["ranked"]
        if r.key in occupations
    ]
    sessions = [
        {"id": s.id, "name": s.instrument.text("name", language), "test": profile.METHOD_TO_TEST[s.instrument.scoring]}
        for s in data["sessions"]
    ]
    weights = {t: w for t, w in profile.combine.WEIGHTS.items() if t in data["tests"]}
    total = sum(weights.values()) or 1
    context = {
            "sessions": sessions,
            "rows": rows,
            "weights": [{"test": str(TEST_NAMES[t]), "percent": round(100 * w / total)} for t, w in weights.items()],
            "missing": [str(TEST_NAMES[t]) for t in profile.combine.WEIGHTS if t not in {s["test"] for s in sessions}],
            "entry": entry,
            "region": region,
            "entries": [(c, n) for c, n in Programme.ENTRIES if c != "after_degree"],
            "regions": REGIONS,
            "ids": [s["id"] for s in sessions],
            "error": error,
            "unsuggested": [s["name"] for s in sessions if s["test"] not in data["tests"]],
            "query": urlencode([("s", i) for i in [s["id"] for s in sessions]] + ([("entry", entry)] if entry else []) + ([("region", region)] if region else [])),
    }
    if request.path.endswith("report.pdf"):
        if not sessions:
            return redirect("guidance:profile")
        pdf = render_pdf("guidance/report.html", {**context, "LANGUAGE_CODE": language})
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = 'attachment; filename="karjera-profile.pdf"'
        response["Cache-Control"] = "private, no-store"
        return response
    return render(request, "guidance/profile.html", context, status=422 if error else 200)
