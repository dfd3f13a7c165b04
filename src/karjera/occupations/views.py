from functools import lru_cache

import yaml
from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from karjera.assessments.results import job_zone_text, match_label
from karjera.core.charts import bar_chart

from .fields import FIELD_CODES
from .models import SKILLS_LATVIA_2023, EntrepreneurStory, IscoGroup, Occupation
from .search import WORK_VALUES, browse

RIASEC_NAMES = {
    "R": gettext_lazy("Realistic"),
    "I": gettext_lazy("Investigative"),
    "A": gettext_lazy("Artistic"),
    "S": gettext_lazy("Social"),
    "E": gettext_lazy("Enterprising"),
    "C": gettext_lazy("Conventional"),
}
VALUE_NAMES = {
    "achievement": gettext_lazy("Achievement"),
    "working_conditions": gettext_lazy("Working conditions"),
    "recognition": gettext_lazy("Recognition"),
    "relationships": gettext_lazy("Relationships"),
    "support": gettext_lazy("Support"),
    "independence": gettext_lazy("Independence"),
}
FIELD_NAMES = {
    "01": gettext_lazy("Education"),
    "02": gettext_lazy("Arts and humanities"),
    "03": gettext_lazy("Social sciences, journalism and information"),
    "04": gettext_lazy("Business, administration and law"),
    "05": gettext_lazy("Natural sciences, mathematics and statistics"),
    "06": gettext_lazy("Information and communication technologies"),
    "07": gettext_lazy("Engineering, manufacturing and construction"),
    "08": gettext_lazy("Agriculture, forestry, fisheries and veterinary"),
    "09": gettext_lazy("Health and welfare"),
    "10": gettext_lazy("Services"),
}
ZONE_NAMES = {
    1: gettext_lazy("1 – little preparation"),
    2: gettext_lazy("2 – some preparation"),
    3: gettext_lazy("3 – medium preparation"),
    4: gettext_lazy("4 – considerable preparation"),
    5: gettext_lazy("5 – extensive preparation"),
}
SECTION_TITLES = [
    ("work", gettext_lazy("What the work is")),
    ("workplace", gettext_lazy("Where and with whom")),
    ("typical_day", gettext_lazy("A typical day")),
    ("strengths", gettext_lazy("What you need to be good at")),
    ("education", gettext_lazy("How to get there in Latvia")),
    ("try_now", gettext_lazy("What to try now at school")),
]
PAGE_SIZE = 30


def _filters(request) -> dict:
    get = request.GET
    filters = {}
    if get.get("type") in RIASEC_NAMES:
        filters["type"] = get["type"]
    if get.get("value") in VALUE_NAMES:
        filters["value"] = get["value"]
    if get.get("zone", "").isdigit() and int(get["zone"]) in ZONE_NAMES:
        filters["zone"] = int(get["zone"])
    if get.get("isco", "").isdigit() and len(get["isco"]) <= 4:
        filters["isco"] = get["isco"]
    if get.get("field") in FIELD_CODES:
        filters["field"] = get["field"]
    if get.get("featured") == "1":
        filters["featured"] = True
    return filters


def occupation_list(request):
    query = request.GET.get("q", "")[:200]
    filters = _filters(request)
    language = request.LANGUAGE_CODE
    ids, count = browse(query=query, limit=10_000, **filters)
    paginator = Paginator(ids, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    # Only the columns a result row shows: the catalogue rows carry large name lists and profiles.
    summary = "featured__summary_en" if language == "en" else "featured__summary_lv"
    found = {
        row["id"]: row
        for row in Occupation.objects.filter(id__in=list(page.object_list)).values(
            "id", "name_lv", "name_en", "isco", "featured__id", summary
        )
    }
    rows = []
    for occ_id in page.object_list:
        occ = found.get(occ_id)
        if occ is None:
            continue
        rows.append(
            {
                "id": occ_id,
                "name": occ["name_en"] if language == "en" else occ["name_lv"],
                "other": occ["name_lv"] if language == "en" else occ["name_en"],
                "isco": occ["isco"],
                "featured": occ["featured__id"] is not None,
                "summary": occ[summary] or "",
            }
        )
    params = request.GET.copy()
    params.pop("page", None)
    groups = IscoGroup.objects.filter(code__regex=r"^[0-9]$")
    context = {
        "query": query,
        "rows": rows,
        "count": count,
        "page": page,
        "params": params.urlencode(),
        "filters": filters,
        "types": list(RIASEC_NAMES.items()),
        "values": list(VALUE_NAMES.items()),
        "zones": list(ZONE_NAMES.items()),
        "fields": list(FIELD_NAMES.items()),
        "groups": [(g.code, g.name_en if language == "en" else g.name_lv) for g in groups],
        "active": bool(filters),
    }
    template = "occupations/_results.html" if request.GET.get("partial") == "1" else "occupations/list.html"
    return render(request, template, context)


def occupation_detail(request, occupation_id):
    occ = get_object_or_404(Occupation.objects.select_related("featured"), pk=occupation_id[:40])
    language = request.LANGUAGE_CODE
    groups = {g.code: g for g in IscoGroup.objects.filter(code__in=[occ.isco[:n] for n in range(1, 5)])}
    hierarchy = [
        {"code": code, "name": groups[code].name_en if language == "en" else groups[code].name_lv}
        for code in (occ.isco[:n] for n in range(1, 5))
        if code in groups
    ]
    riasec = occ.riasec
    riasec_chart = values_chart = None
    riasec_rows = value_rows = []
    if riasec:
        riasec_rows = [{"code": t, "name": str(RIASEC_NAMES[t]), "value": round(riasec[t], 2)} for t in "RIASEC"]
        riasec_chart = bar_chart(
            [{"label": r["name"], "value": r["value"], "max": 7, "highlight": i < 3}
             for i, r in enumerate(sorted(riasec_rows, key=lambda r: -r["value"]))],
            _("Interest profile of this occupation"),
            "; ".join(f"{r['name']} {r['value']}/7" for r in riasec_rows),
        )
        riasec_rows = sorted(riasec_rows, key=lambda r: -r["value"])
    if occ.work_values:
        value_rows = sorted(
            ({"key": k, "name": str(VALUE_NAMES[k]), "value": round(v, 2)} for k, v in occ.work_values.items() if k in VALUE_NAMES),
            key=lambda r: -r["value"],
        )
        values_chart = bar_chart(
            [{"label": r["name"], "value": r["value"], "max": 7, "highlight": i < 2} for i, r in enumerate(value_rows)],
            _("Work values of this occupation"),
            "; ".join(f"{r['name']} {r['value']}/7" for r in value_rows),
        )
    related_ids = list(occ.related[:10])
    related = Occupation.objects.in_bulk(related_ids)
    neighbours = Occupation.objects.filter(isco=occ.isco).exclude(pk=occ.pk).exclude(pk__in=related_ids).order_by("name_lv")[:8]
    from karjera.education.services import programmes_for_occupation

    programmes = [
        {"id": p.pk, "name": p.name(language), "institution": p.institution.name(language), "kind": p.get_kind_display(),
         "demo": p.institution.demo}
        for p in programmes_for_occupation(occ)[:20]
    ]
    featured = getattr(occ, "featured", None)
    sections = [{"title": title, "text": featured.section(part, language)} for part, title in SECTION_TITLES] if featured else []
    return render(
        request,
        "occupations/detail.html",
        {
            "occ": occ,
            "name": featured.name(language) if featured else occ.name(language),
            "esco_name": occ.name(language),
            "alt": occ.alt_en if language == "en" else occ.alt_lv,
            "hierarchy": hierarchy,
            "featured": featured,
            "summary": featured.section("summary", language) if featured else "",
            "sections": sections,
            "skill": dict(SKILLS_LATVIA_2023).get(featured.skills_latvia) if featured and featured.skills_latvia else None,
            "riasec_chart": riasec_chart,
            "riasec_rows": riasec_rows,
            "values_chart": values_chart,
            "value_rows": value_rows,
            "job_zone_text": job_zone_text(occ.job_zone),
            "onet_codes": [
                {**c, "match": match_label(c.get("match", ""))} for c in (occ.onet_source or {}).get("codes", [])
            ],
            "related": [{"id": i, "name": related[i].name(language)} for i in related_ids if i in related],
            "neighbours": [{"id": o.id, "name": o.name(language)} for o in neighbours],
            "programmes": programmes,
        },
    )



@lru_cache(maxsize=1)
def _entrepreneurship_content() -> dict:
    """The shipped text of "Kļūsti uzņēmējs", read once per process."""
    return yaml.safe_load((settings.DATA_DIR / "content" / "entrepreneurship.yaml").read_text("utf-8"))


def entrepreneurship(request):
    language = request.LANGUAGE_CODE
    content = _entrepreneurship_content()

    def pick(text):
        return text[language] if isinstance(text, dict) else text

    sections = [
        {
            "id": s["id"],
            "title": pick(s["title"]),
            "paragraphs": [p for p in pick(s["body"]).split("\n\n") if p.strip()],
            "items": [{"title": pick(i["title"]), "body": pick(i["body"])} for i in s.get("items", [])],
            "note": pick(s["note"]) if "note" in s else "",
        }
        for s in content["sections"]
    ]
    ids, _count = browse(type="E", featured=True, limit=12)
    occupations = Occupation.objects.select_related("featured").in_bulk(ids)
    stories = [
        {"name": s.name, "business": s.business, "municipality": s.municipality, "story": s.story(language)}
        for s in EntrepreneurStory.objects.filter(published=True)[:6]
    ]
    return render(
        request,
        "occupations/entrepreneurship.html",
        {
            "title": pick(content["title"]),
            "intro": pick(content["intro"]),
            "sections": sections,
            "stories_intro": pick(content.get("stories_intro", "")),
            "stories": stories,
            "occupations": [{"id": i, "name": occupations[i].featured.name(language)} for i in ids if i in occupations],
        },
    )
