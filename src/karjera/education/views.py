"""Pages of the education module: programme search, institutions, the admission calculator and the
course-set chooser. Every page works as plain forms; scripts only make the calculator instant."""
from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from karjera.core.text import tokens
from karjera.occupations.models import Occupation
from karjera.occupations.search import browse
from karjera.occupations.views import FIELD_NAMES

from . import calculator, pathways
from .admission.rules import CE_SUBJECTS
from .labels import COURSES, EXAMS, LEVELS, exam_group, term_label
from .models import CourseSet, Institution, Municipality, Programme
from .services import programmes_for_occupation, rule_of


def _programme_filters(request):
    get = request.GET
    filters = {}
    for key, choices in (
        ("kind", dict(Programme.KINDS)),
        ("entry", dict(Programme.ENTRIES)),
        ("form", dict(Programme.FORMS)),
        ("field", FIELD_NAMES),
    ):
        if get.get(key) in choices:
            filters[key] = get[key]
    if get.get("municipality") and Municipality.objects.filter(code=get["municipality"]).exists():
        filters["municipality"] = get["municipality"]
    if get.get("language") in ("lv", "en", "ru"):
        filters["language"] = get["language"]
    return filters


def programme_list(request):
    language = request.LANGUAGE_CODE
    query = request.GET.get("q", "")[:200]
    filters = _programme_filters(request)
    qs = Programme.objects.select_related("institution__municipality")
    for word in tokens(query):
        qs = qs.filter(Q(search_text__contains=" " + word) | Q(institution__name_lv__icontains=word) | Q(code__startswith=word))
    if "kind" in filters:
        qs = qs.filter(kind=filters["kind"])
    if "entry" in filters:
        qs = qs.filter(entry=filters["entry"])
    if "form" in filters:
        qs = qs.filter(form=filters["form"])
    if "field" in filters:
        qs = qs.filter(isced_field=filters["field"])
    if "municipality" in filters:
        qs = qs.filter(institution__municipality_id=filters["municipality"])
    programmes = list(qs.order_by("name_lv", "institution__name_lv"))
    if "language" in filters:
        programmes = [p for p in programmes if filters["language"] in p.languages]
    page = Paginator(programmes, 30).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "education/programme_list.html",
        {
            "query": query,
            "filters": filters,
            "page": page,
            "count": len(programmes),
            "params": params.urlencode(),
            "rows": [_programme_row(p, language) for p in page.object_list],
            "kinds": Programme.KINDS,
            "entries": Programme.ENTRIES,
            "forms": Programme.FORMS,
            "fields": list(FIELD_NAMES.items()),
            "municipalities": [(m.code, m.name(language)) for m in Municipality.objects.all()],
            "any_demo": Institution.objects.filter(demo=True).exists(),
        },
    )


def _programme_row(p: Programme, language: str) -> dict:
    return {
        "id": p.pk,
        "code": p.code,
        "name": p.name(language),
        "institution": p.institution.name(language),
        "institution_id": p.institution_id,
        "municipality": p.institution.municipality.name(language),
        "kind": p.get_kind_display(),
        "lqf": p.lqf_level,
        "entry": p.get_entry_display(),
        "duration": p.duration_years,
        "demo": p.institution.demo,
    }


def _requirements(rule) -> list[dict]:
    if rule is None:
        return []
    groups = pathways.requirement_groups(rule.required_subjects())
    return [
        {"exams": exam_group(g), "courses": [str(COURSES[c]) for c in pathways.courses_for(g)]}
        for g in groups
    ]


def programme_detail(request, pk):
    language = request.LANGUAGE_CODE
    p = get_object_or_404(Programme.objects.select_related("institution__municipality", "admission_rule"), pk=pk)
    rule = rule_of(p)
    terms = []
    if rule:
        for t in rule.terms:
            terms.append({"label": term_label(t.label if t.kind != "exam" else (t.subjects[0] if len(t.subjects) == 1 else "foreign_language")),
                          "weight": t.weight, "optional": t.optional})
    occupations = Occupation.objects.filter(Q(id__in=p.occupations))
    codes = [c for c in p.occupations if "." in c or len(c) == 4]
    linked = list(occupations)
    if codes:
        for occ in Occupation.objects.all().only("id", "name_lv", "name_en", "pk_codes"):
            if any(pk_code["code"] in codes for pk_code in occ.pk_codes) and occ not in linked:
                linked.append(occ)
    return render(
        request,
        "education/programme_detail.html",
        {
            "p": p,
            "name": p.name(language),
            "institution": p.institution.name(language),
            "qualification": p.qualification_en if language == "en" else p.qualification_lv,
            "rule": rule,
            "terms": terms,
            "minimums": [{"exam": exam_group(m.subjects), "percent": m.percent, "state_funded": m.places == "state_funded"} for m in rule.minimums] if rule else [],
            "requirements": _requirements(rule),
            "occupations": [{"id": o.id, "name": o.name(language)} for o in linked[:20]],
            "field": FIELD_NAMES.get(p.isced_field, ""),
            "course_sets": [{"name": s.name(language), "courses": [str(COURSES.get(c, c)) for c in s.advanced_courses]} for s in p.course_sets.all()],
        },
    )


def institution_detail(request, pk):
    language = request.LANGUAGE_CODE
    institution = get_object_or_404(Institution.objects.select_related("municipality"), pk=pk)
    return render(
        request,
        "education/institution_detail.html",
        {
            "i": institution,
            "name": institution.name(language),
            "programmes": [_programme_row(p, language) for p in institution.programmes.select_related("institution__municipality")],
            "course_sets": [
                {"id": s.pk, "name": s.name(language), "courses": [str(COURSES.get(c, c)) for c in s.advanced_courses]}
                for s in institution.course_sets.all()
            ],
        },
    )


EXAM_ROWS = 6


def _form_pupil(post) -> tuple[list[dict], list, dict]:
    """Read the calculator form: rows of subject/level/percent; empty rows are skipped."""
    exams, errors = [], {}
    for i in range(EXAM_ROWS):
        subject, level, percent = post.get(f"subject_{i}", ""), post.get(f"level_{i}", ""), post.get(f"percent_{i}", "").strip()
        if not subject and not percent:
            continue
        try:
            value = float(percent.replace(",", "."))
        except ValueError:
            errors[f"percent_{i}"] = _("A result is a percent from 0 to 100.")
            continue
        exams.append({"subject": subject, "level": level, "percent": value,
                      "year": 2022 if post.get(f"before2023_{i}") else 2025})
    grades = []
    raw = post.get("grades", "").replace(",", " ").split()
    for g in raw:
        if g.isdigit():
            grades.append(int(g))
        else:
            errors["grades"] = _("Certificate grades are whole numbers from 1 to 10.")
    return exams, grades, errors


def admission_calculator(request):
    language = request.LANGUAGE_CODE
    post = request.POST if request.method == "POST" else {}
    context = {
        "rows": [
            {"i": i, "subject": post.get(f"subject_{i}", ""), "level": post.get(f"level_{i}", "higher"),
             "percent": post.get(f"percent_{i}", "")[:6], "before": bool(post.get(f"before2023_{i}"))}
            for i in range(EXAM_ROWS)
        ],
        "subjects": [(s, EXAMS[s]) for s in CE_SUBJECTS],
        "levels": list(LEVELS.items()),
        "posted": request.POST if request.method == "POST" else {},
        "result": None,
        "errors": {},
    }
    if request.method == "POST":
        exams, grades, errors = _form_pupil(request.POST)
        whatif_subject, whatif_points = request.POST.get("whatif_subject", ""), request.POST.get("whatif_points", "").strip()
        try:
            pupil = calculator.make_pupil(exams, grades)
        except calculator.InputError as exc:
            errors.update(exc.errors)
            pupil = None
        if not exams and not errors:
            errors["exams"] = _("Enter at least one exam result.")
        if errors and request.headers.get("X-Partial") == "1":
            # Typing in progress: an unfinished row is not an error worth a red message yet.
            context["pending"] = True
            return render(request, "education/_calc_sections.html", context)
        if errors:
            context["errors"] = errors
            for row in context["rows"]:
                row["error"] = f"percent_{row['i']}" in errors
            return render(request, "education/calculator.html", context, status=422)
        context["result"] = calculator.run(pupil, language)
        if whatif_subject and whatif_points:
            try:
                extra = float(whatif_points.replace(",", "."))
            except ValueError:
                extra = 0.0
            changed = [dict(e, percent=min(100.0, e["percent"] + extra)) if e["subject"] == whatif_subject else e for e in exams]
            context["whatif"] = calculator.run(calculator.make_pupil(changed, grades), language)
            context["whatif_label"] = _("With %(points)s points more in %(exam)s") % {"points": f"{extra:g}", "exam": EXAMS.get(whatif_subject, whatif_subject)}
    if request.headers.get("X-Partial") == "1":
        return render(request, "education/_calc_sections.html", context)
    return render(request, "education/calculator.html", context)


def course_set_chooser(request):
    language = request.LANGUAGE_CODE
    query = request.GET.get("occupation", "")[:200]
    municipality = request.GET.get("municipality", "")
    course_set_id = request.GET.get("course_set", "")
    context = {
        "query": query,
        "municipality": municipality,
        "municipalities": [(m.code, m.name(language)) for m in Municipality.objects.all()],
        "course_sets": [(s.pk, f"{s.institution.name(language)} — {s.name(language)}") for s in CourseSet.objects.select_related("institution")],
        "selected_set": course_set_id,
    }
    if query:
        ids, _count = browse(query=query, limit=8)
        candidates = Occupation.objects.in_bulk(ids)
        context["candidates"] = [{"id": i, "name": candidates[i].name(language)} for i in ids if i in candidates]
    occupation_id = request.GET.get("target")
    programme_id = request.GET.get("programme", "")
    if occupation_id or programme_id.isdigit():
        if programme_id.isdigit():
            chosen = get_object_or_404(Programme.objects.select_related("institution__municipality"), pk=int(programme_id))
            target_name, programmes = chosen.name(language), [chosen]
            target_id = ""
        else:
            occupation = get_object_or_404(Occupation, pk=occupation_id[:40])
            target_name, target_id = occupation.name(language), occupation.id
            programmes = programmes_for_occupation(occupation)
        requirement_rows, groups = [], set()
        for p in programmes:
            rule = rule_of(p)
            if rule:
                g = pathways.requirement_groups(rule.required_subjects())
                groups.update(g)
                requirement_rows.append({"programme": _programme_row(p, language), "requirements": _requirements(rule)})
        needed = sorted(groups)
        course_sets = CourseSet.objects.select_related("institution__municipality")
        if municipality:
            course_sets = course_sets.filter(institution__municipality_id=municipality)
        schools = []
        for s in course_sets:
            covered, relevant = pathways.covers(set(s.advanced_courses), needed)
            if relevant and covered:
                schools.append({"set": s.name(language), "institution": s.institution.name(language), "institution_id": s.institution_id,
                                "municipality": s.institution.municipality.name(language), "covered": covered, "relevant": relevant,
                                "courses": [str(COURSES.get(c, c)) for c in s.advanced_courses]})
        schools.sort(key=lambda r: (-r["covered"] / r["relevant"], r["institution"]))
        context.update(
            {
                "target": {"id": target_id, "name": target_name},
                "programmes": requirement_rows,
                "other_programmes": [_programme_row(p, language) for p in programmes if not rule_of(p)],
                "needed": [{"exams": exam_group(g), "courses": [str(COURSES[c]) for c in pathways.courses_for(g)]} for g in needed],
                "schools": schools[:30],
            }
        )
    if course_set_id.isdigit():
        s = get_object_or_404(CourseSet.objects.select_related("institution"), pk=int(course_set_id))
        courses = set(s.advanced_courses)
        open_programmes = []
        for p in Programme.objects.exclude(admission_rule=None).select_related("institution__municipality"):
            rule = rule_of(p)
            if rule and pathways.keeps_open(courses, pathways.requirement_groups(rule.required_subjects())):
                open_programmes.append(p)
        refs = {ref for p in open_programmes for ref in p.occupations}
        occupations = [
            o for o in Occupation.objects.only("id", "name_lv", "name_en", "pk_codes")
            if o.id in refs or any(c["code"] in refs for c in o.pk_codes)
        ]
        context.update(
            {
                "set": {"name": s.name(language), "institution": s.institution.name(language), "courses": [str(COURSES.get(c, c)) for c in s.advanced_courses]},
                "open_programmes": [_programme_row(p, language) for p in open_programmes[:60]],
                "open_count": len(open_programmes),
                "open_occupations": [{"id": o.id, "name": o.name(language)} for o in occupations[:40]],
            }
        )
    return render(request, "education/course_sets.html", context)
