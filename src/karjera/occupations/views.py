from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from karjera.assessments.results import job_zone_text, match_label
from karjera.core.charts import bar_chart

from .models import IscoGroup, Occupation
from .search import search

RIASEC_NAMES = {
    "R": lambda: _("Realistic"),
    "I": lambda: _("Investigative"),
    "A": lambda: _("Artistic"),
    "S": lambda: _("Social"),
    "E": lambda: _("Enterprising"),
    "C": lambda: _("Conventional"),
}


def occupation_list(request):
    query = request.GET.get("q", "")[:200]
    results, count = search(query, 50)
    language = request.LANGUAGE_CODE
    rows = [{"id": o.id, "name": o.name(language), "other": o.name("lv" if language == "en" else "en"), "isco": o.isco} for o in results]
    return render(request, "occupations/list.html", {"query": query, "rows": rows, "count": count})


def occupation_detail(request, occupation_id):
    occ = get_object_or_404(Occupation, pk=occupation_id[:40])
    language = request.LANGUAGE_CODE
    group = IscoGroup.objects.filter(code=occ.isco).first()
    riasec = occ.riasec
    chart = None
    rows = []
    if riasec:
        rows = [{"code": t, "name": RIASEC_NAMES[t](), "value": round(riasec[t], 2)} for t in "RIASEC"]
        chart = bar_chart(
            [{"label": r["name"], "value": r["value"], "max": 7} for r in rows],
            _("Interest profile of this occupation"),
            "; ".join(f"{r['name']} {r['value']}/7" for r in rows),
        )
    return render(
        request,
        "occupations/detail.html",
        {
            "occ": occ,
            "name": occ.name(language),
            "alt": occ.alt_en if language == "en" else occ.alt_lv,
            "group": group.name_en if group and language == "en" else (group.name_lv if group else ""),
            "chart": chart,
            "rows": rows,
            "job_zone_text": job_zone_text(occ.job_zone),
            "onet_codes": [
                {**c, "match": match_label(c.get("match", ""))} for c in (occ.onet_source or {}).get("codes", [])
            ],
        },
    )
