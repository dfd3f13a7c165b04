"""Competition pages: the public programme and results, the experts' marking pages (phones first, plain
forms that a small script turns into save-as-you-go), sign-off, release, certificates and registration."""
from __future__ import annotations

from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from karjera.core.pdf import render_pdf

from . import marking, services
from .forms import CompetitorForm, ExpertForm
from .models import (
    Aspect,
    Competition,
    CompetitionSkill,
    Competitor,
    Expert,
    InternationalResult,
    Mark,
    SchoolRegistrar,
)

def medal_name(medal):
    names = {
        marking.GOLD: _("gold medal"),
        marking.SILVER: _("silver medal"),
        marking.BRONZE: _("bronze medal"),
        marking.EXCELLENCE_MEDALLION: _("Medallion for Excellence"),
    }
    return names.get(medal, "")


# ---- public pages -------------------------------------------------------------------------------


def competition_list(request):
    language = request.LANGUAGE_CODE
    competitions = list(Competition.objects.all())
    return render(
        request,
        "competitions/list.html",
        {
            "rows": [{"c": c, "name": c.name(language)} for c in competitions],
            "any_demo": any(c.demo for c in competitions),
        },
    )


def competition_detail(request, slug):
    language = request.LANGUAGE_CODE
    competition = get_object_or_404(Competition, slug=slug)
    skills = [
        {"cs": cs, "name": cs.skill.name(language), "applicants": cs.competitors.count()}
        for cs in competition.skills.select_related("skill")
    ]
    # A skill of a final with a semi-final links to it; otherwise the count of applicants decides.
    semi_of_skill = {
        cs.skill_id: cs.competition
        for cs in CompetitionSkill.objects.filter(competition__final=competition).select_related("competition")
    }
    for s in skills:
        s["semi_final_competition"] = semi_of_skill.get(s["cs"].skill_id)
        if s["semi_final_competition"]:
            s["semi_final_name"] = s["semi_final_competition"].name(language)
        s["semi_final"] = marking.holds_semi_final(s["applicants"])
    events = [{"e": e, "title": e.title(language)} for e in competition.programme.all()]
    return render(
        request,
        "competitions/detail.html",
        {
            "competition": competition,
            "name": competition.name(language),
            "skills": skills,
            "events": events,
            "results_visible": services.results_visible(request.user, competition),
            "manages": services.manages(request.user, competition),
            "semi_finals": [(s, s.name(language)) for s in competition.semi_finals.all()],
            "semi_final_threshold": marking.SEMI_FINAL_THRESHOLD,
            "final_places": marking.FINAL_PLACES,
        },
    )


def _visible_competition(request, slug) -> Competition:
    competition = get_object_or_404(Competition, slug=slug)
    if not services.results_visible(request.user, competition):
        raise Http404("results not released")
    return competition


def results(request, slug):
    language = request.LANGUAGE_CODE
    competition = _visible_competition(request, slug)
    skills = []
    for cs in competition.skills.select_related("skill"):
        rows = services.skill_results(cs)
        finalists = services.goes_to_final(cs, rows)
        skills.append(
            {
                "cs": cs,
                "name": cs.skill.name(language),
                "rows": [
                    {"r": r, "medal": medal_name(r.medal), "school": r.competitor.school.name(language),
                     "to_final": r.competitor.pk in finalists}
                    for r in rows
                ],
            }
        )
    is_semi = competition.kind == Competition.SEMI_FINAL
    return render(
        request,
        "competitions/results.html",
        {"competition": competition, "name": competition.name(language), "skills": skills,
         "manages": services.manages(request.user, competition), "is_semi": is_semi,
         "final_name": competition.final.name(language) if is_semi and competition.final else "",
         "final_places": marking.FINAL_PLACES},
    )


def programme(request, slug):
    """The visitor programme of a competition: try-outs and demonstrations, a timetable per day."""
    language = request.LANGUAGE_CODE
    competition = get_object_or_404(Competition, slug=slug)
    days: dict = {}
    for e in competition.programme.all():
        local = timezone.localtime(e.starts_at)
        days.setdefault(local.date(), []).append({"e": e, "title": e.title(language)})
    return render(
        request,
        "competitions/programme.html",
        {"competition": competition, "name": competition.name(language),
         "days": [{"day": d, "events": v} for d, v in sorted(days.items())]},
    )


@require_POST
@login_required
def release(request, slug):
    competition = get_object_or_404(Competition, slug=slug)
    try:
        services.release(request.user, competition)
    except services.Refused as exc:
        return render(request, "competitions/refused.html", {"message": exc.message}, status=exc.status)
    return redirect("competitions:results", slug=slug)


def certificate(request, slug, competitor):
    language = request.LANGUAGE_CODE
    competition = _visible_competition(request, slug)
    person = get_object_or_404(Competitor.objects.select_related("competition_skill__skill", "school"),
                               pk=competitor, competition_skill__competition=competition)
    row = next(r for r in services.skill_results(person.competition_skill) if r.competitor.pk == person.pk)
    pdf = render_pdf(
        "competitions/certificate.html",
        {
            "competition": competition,
            "name": competition.name(language),
            "skill": person.competition_skill.skill.name(language),
            "person": person,
            "school": person.school.name(language),
            "row": row,
            "medal": medal_name(row.medal),
            "LANGUAGE_CODE": language,
        },
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="certificate-{competition.slug}-{person.pk}.pdf"'
    return response


def international(request):
    language = request.LANGUAGE_CODE
    rows = list(InternationalResult.objects.all())
    editions: dict = {}
    for r in rows:
        editions.setdefault((r.year, r.get_event_display(), r.edition), []).append(
            {"r": r, "skill": r.skill(language), "result": r.get_result_display()}
        )
    return render(
        request,
        "competitions/international.html",
        {
            "editions": [
                {"year": k[0], "event": k[1], "edition": k[2], "rows": v,
                 "team_size": next((x["r"].team_size for x in v if x["r"].team_size), None)}
                for k, v in editions.items()
            ],
            "any_demo": any(r.demo for r in rows),
        },
    )


# ---- marking ------------------------------------------------------------------------------------


@login_required
def my_skills(request):
    language = request.LANGUAGE_CODE
    experts = Expert.objects.filter(user=request.user).select_related("competition_skill__competition", "competition_skill__skill")
    return render(
        request,
        "competitions/my_skills.html",
        {
            "rows": [
                {"e": e, "skill": e.competition_skill.skill.name(language), "competition": e.competition_skill.competition.name(language)}
                for e in experts
            ]
        },
    )


def _expert_or_404(request, cs_id) -> Expert:
    expert = services.expert_of(request.user, cs_id)
    if expert is None:
        raise Http404("not an expert of this skill")
    return expert


@login_required
def skill_marking(request, cs):
    language = request.LANGUAGE_CODE
    expert = _expert_or_404(request, cs)
    competition_skill = expert.competition_skill
    aspects = Aspect.objects.filter(sub_criterion__scheme__competition_skill=competition_skill).count()
    counts = dict(
        Mark.objects.filter(competitor__competition_skill=competition_skill)
        .values_list("competitor_id")
        .annotate(n=Count("pk"))
        .values_list("competitor_id", "n")
    )
    competitors = [
        {"c": c, "school": c.school.name(language), "done": counts.get(c.pk, 0), "may_mark": expert.may_mark(c)}
        for c in competition_skill.competitors.select_related("school")
    ]
    days = services.scheme_days(competition_skill.pk)
    signed = services.signed_off_days(competition_skill.pk)
    scheme = getattr(competition_skill, "scheme", None)
    return render(
        request,
        "competitions/skill_marking.html",
        {
            "expert": expert,
            "cs": competition_skill,
            "skill": competition_skill.skill.name(language),
            "competition": competition_skill.competition.name(language),
            "competitors": competitors,
            "aspects": aspects,
            "days": [{"day": d, "signed": d in signed} for d in days],
            "scheme_locked": bool(scheme and scheme.locked),
            "error": request.GET.get("error", ""),
        },
    )


@require_POST
@login_required
def sign_off(request, cs):
    _expert_or_404(request, cs)
    try:
        day = int(request.POST.get("day", ""))
    except ValueError:
        day = 0
    try:
        services.sign_off(request.user, cs, day)
    except services.Refused as exc:
        return render(request, "competitions/refused.html", {"message": exc.message}, status=exc.status)
    return redirect("competitions:skill_marking", cs=cs)


def _aspect_rows(competitor: Competitor, language: str, signed: set[int], errors: dict | None = None) -> list[dict]:
    marks = {m.aspect_id: m for m in Mark.objects.filter(competitor=competitor).select_related("updated_by")}
    subs = []
    scheme = competitor.competition_skill.scheme
    for sub in scheme.sub_criteria.prefetch_related("aspects"):
        rows = []
        for a in sub.aspects.all():
            view = services.mark_view(marks.get(a.pk))
            rows.append(
                {
                    "a": a,
                    "description": a.description(language),
                    "mark": view,
                    "shown": formats.number_format(Decimal(view["value"]), 2) if view["value"] is not None else "",
                    "locked": a.day in signed,
                    "judges": [
                        {"n": n + 1, "value": (view["judge_scores"] or [None] * 3)[n]} for n in range(marking.JUDGES)
                    ],
                    "error": (errors or {}).get(a.pk),
                    "full_or_none": a.kind == marking.MEASUREMENT and a.method == marking.FULL_OR_NONE,
                }
            )
        subs.append({"sub": sub, "name": sub.name(language), "aspects": rows})
    return subs


@login_required
def mark_competitor(request, cs, competitor):
    """GET: the competitor's marking form. POST: save one aspect (JSON for the script, a page otherwise)."""
    language = request.LANGUAGE_CODE
    expert = _expert_or_404(request, cs)
    person = get_object_or_404(Competitor.objects.select_related("school", "competition_skill__competition", "competition_skill__skill"),
                               pk=competitor, competition_skill_id=cs)
    wants_json = "application/json" in request.headers.get("Accept", "")
    status = 200
    errors = {}
    if request.method == "POST":
        try:
            aspect_id = int(request.POST.get("aspect", ""))
            based_on = int(request.POST.get("version", ""))
        except ValueError:
            aspect_id, based_on = 0, -1
        scores = None
        if any(f"judge{n}" in request.POST for n in (1, 2, 3)):
            try:
                scores = [int(request.POST.get(f"judge{n}", "")) for n in (1, 2, 3)]
            except ValueError:
                scores = ["?"]
        try:
            mark, changed = services.save_mark(
                request.user, person.pk, aspect_id, based_on, value=request.POST.get("value"), scores=scores
            )
        except services.Refused as exc:
            if wants_json:
                return JsonResponse({"error": exc.code, "message": exc.message, **exc.details}, status=exc.status)
            status = exc.status
            errors[aspect_id] = exc.message
        else:
            if wants_json:
                return JsonResponse({"saved": True, "changed": changed, **services.mark_view(mark)})
            return redirect(f"{request.path}?saved={aspect_id}#aspect-{aspect_id}")
    elif not expert.may_mark(person):
        status = 403
    scheme = getattr(person.competition_skill, "scheme", None)
    if scheme is None:
        raise Http404("no marking scheme")
    signed = services.signed_off_days(cs)
    saved = request.GET.get("saved", "")
    return render(
        request,
        "competitions/mark.html",
        {
            "expert": expert,
            "person": person,
            "school": person.school.name(language),
            "skill": person.competition_skill.skill.name(language),
            "subs": _aspect_rows(person, language, signed, errors),
            "may_mark": expert.may_mark(person),
            "scheme_locked": scheme.locked,
            "saved": int(saved) if saved.isdigit() else None,
            "neighbours": _neighbours(person),
            "decimal_separator": formats.get_format("DECIMAL_SEPARATOR"),
        },
        status=status,
    )


def _neighbours(person: Competitor):
    ids = list(Competitor.objects.filter(competition_skill_id=person.competition_skill_id).values_list("pk", flat=True))
    i = ids.index(person.pk)
    return {"previous": ids[i - 1] if i > 0 else None, "next": ids[i + 1] if i + 1 < len(ids) else None}


# ---- registration -------------------------------------------------------------------------------


@login_required
def register(request):
    """A school's registrar enters its competitors and experts for the skills of a competition."""
    language = request.LANGUAGE_CODE
    schools = [r.school for r in SchoolRegistrar.objects.filter(user=request.user).select_related("school")]
    if not schools:
        return render(request, "competitions/refused.html",
                      {"message": _("Your account does not register for any school. Ask the agency to add you.")}, status=403)
    choices = [
        (cs.pk, f"{cs.competition.name(language)} · {cs.skill.name(language)}")
        for cs in CompetitionSkill.objects.select_related("competition", "skill").filter(competition__results_released=False)
    ]
    school_choices = [(s.pk, s.name(language)) for s in schools]
    competitor_form = CompetitorForm(choices, school_choices, prefix="c")
    expert_form = ExpertForm(choices, school_choices, prefix="e")
    status = 200
    done = None
    if request.method == "POST":
        if request.POST.get("form") == "competitor":
            competitor_form = CompetitorForm(choices, school_choices, request.POST, prefix="c")
            if competitor_form.is_valid():
                done = competitor_form.save()
                competitor_form = CompetitorForm(choices, school_choices, prefix="c")
        elif request.POST.get("form") == "expert":
            expert_form = ExpertForm(choices, school_choices, request.POST, prefix="e")
            if expert_form.is_valid():
                done = expert_form.save()
                expert_form = ExpertForm(choices, school_choices, prefix="e")
        if done is None:
            status = 422
    school_ids = [s.pk for s in schools]
    registered = Competitor.objects.filter(school_id__in=school_ids).select_related("competition_skill__skill", "competition_skill__competition")
    experts = Expert.objects.filter(school_id__in=school_ids).select_related("user", "competition_skill__skill", "competition_skill__competition")
    return render(
        request,
        "competitions/register.html",
        {
            "competitor_form": competitor_form,
            "expert_form": expert_form,
            "done": done,
            "registered": registered,
            "experts": experts,
            "schools": [s.name(language) for s in schools],
        },
        status=status,
    )
