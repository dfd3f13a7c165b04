"""The downloadable PDF: the pupil's results followed by the test's full interpretation."""
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import translation

from karjera.core.charts import bar_chart
from karjera.core.pdf import render_pdf

from .models import TestSession
from .results import present


def chart_for(view: dict) -> str:
    from django.utils.translation import gettext as _

    if view["method"] == "irt":
        bars = [{"label": a["name"], "value": a["score"], "max": 100, "highlight": i == 0} for i, a in enumerate(view["abilities"])]
        description = "; ".join(f"{a['name']} {a['score']} ({a['low']}–{a['high']}), {a['level']}" for a in view["abilities"])
        return bar_chart(bars, _("Ability estimates (50 is the provisional average)"), description)
    if view["method"] == "card_sort":
        bars = [{"label": t["name"], "value": t["liked"] or 0, "max": 7, "highlight": t["code"] in view["code"]} for t in view["types"]]
        description = "; ".join(f"{t['name']} {t['liked']}/7" for t in view["types"])
        return bar_chart(bars, _("Interest profile of the professions you liked"), description)
    if view["method"] == "best_worst":
        bars = [{"label": v["name"], "value": v["score"], "max": 100, "highlight": i < 2} for i, v in enumerate(view["values"])]
        description = "; ".join(f"{v['name']} {v['score']} ({v['low']}–{v['high']})" for v in view["values"])
        return bar_chart(bars, _("Work values, weighed against each other"), description)
    bars = [
        {"label": t["name"], "value": t["score"], "max": t["max"], "highlight": t["code"] in view["code"]}
        for t in view["types"]
    ]
    description = "; ".join(f"{t['name']} {t['score']}/{t['max']}" for t in view["types"])
    return bar_chart(bars, _("Interest scores by type"), description)


def report_pdf(session: TestSession, language: str) -> HttpResponse:
    key = f"report:{session.pk}:{language}:{session.completed_at.timestamp() if session.completed_at else 0}"
    pdf = cache.get(key)
    if pdf is None:
        with translation.override(language):
            view = present(session, language)
            interp = session.instrument.data["interpretation"]
            if view["method"] == "irt":
                pdf = render_pdf("assessments/report_abilities.html", {"view": view, "chart": chart_for(view), "session": session, "LANGUAGE_CODE": language})
                cache.set(key, pdf, 600)
                return _pdf_response(session, pdf)
            if view["method"] == "card_sort":
                pdf = render_pdf("assessments/report_cards.html", {"view": view, "chart": chart_for(view), "session": session, "LANGUAGE_CODE": language})
                cache.set(key, pdf, 600)
                return _pdf_response(session, pdf)
            if view["method"] == "best_worst":
                pdf = render_pdf(
                    "assessments/report_values.html",
                    {"view": view, "chart": chart_for(view), "session": session, "LANGUAGE_CODE": language,
                     "all_values": [{"name": session.instrument.scale_name(c, language), **{k: t[language] for k, t in v.items()}}
                                    for c, v in interp["values"].items()]},
                )
                cache.set(key, pdf, 600)
                return _pdf_response(session, pdf)
            pdf = render_pdf(
                "assessments/report.html",
                {
                    "view": view,
                    "chart": chart_for(view),
                    "session": session,
                    "pairs": [
                        {"key": k, "names": [session.instrument.scale_name(c, language) for c in k], "text": v[language]}
                        for k, v in interp["pairs"].items()
                    ],
                    "LANGUAGE_CODE": language,
                },
            )
        cache.set(key, pdf, 600)
    return _pdf_response(session, pdf)


def _pdf_response(session: TestSession, pdf: bytes) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"karjera-{session.instrument.slug}-{session.display_code}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response
