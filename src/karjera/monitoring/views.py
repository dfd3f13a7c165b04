"""Pages of the monitoring module: the public key figures, the agency's dashboards with CSV export,
and the sustainability questionnaire a school opens from its link."""
from __future__ import annotations

import csv
from functools import wraps

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from karjera.counselling import rules
from karjera.counselling.access import staff_view
from karjera.core.ratelimit import client_address, hit
from karjera.counselling.models import StaffRole

from . import analytics, figures, network, survey_rules
from .models import (CriterionAnswer, SchoolQuestionnaire, Survey, SurveyAnswer, SurveyResponse, SustainabilityCriterion,
                     SustainabilityRound)
from .summary import programme_figures


def agency_view(view):
    """The counselling workspace's agency administrators (signed in, second factor confirmed)."""

    @staff_view
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.actor.role != rules.AGENCY_ADMIN:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def public(request):
    data = programme_figures(get_language() or "lv")
    if data is None:
        return render(request, "monitoring/public.html", {"empty": True})
    return render(request, "monitoring/public.html", data)


@agency_view
def dashboard(request):
    language = get_language() or "lv"
    data = programme_figures(language, detail=True) or {"empty": True}
    counsellors = (StaffRole.objects.filter(role=rules.COUNSELLOR, schools__isnull=False)
                   .values("schools__municipality__name_lv").annotate(n=Count("user", distinct=True))
                   .order_by("schools__municipality__name_lv"))
    data["counsellors_by_municipality"] = [{"name": r["schools__municipality__name_lv"], "count": r["n"]} for r in counsellors]
    data["workspace_network"] = workspace_network(language)
    data["rounds"] = [round_summary(r) for r in SustainabilityRound.objects.all()]
    return render(request, "monitoring/dashboard.html", data)


def network_rows() -> dict:
    """The workspace's counsellors (those with at least one school) by municipality × employment model."""
    municipalities: dict[int, set[str]] = {}
    staff = {}
    for pk, model, workload, name in (StaffRole.objects.filter(role=rules.COUNSELLOR, schools__isnull=False)
                                      .values_list("pk", "employment_model", "workload", "schools__municipality__name_lv")):
        staff[pk] = (model, workload)
        municipalities.setdefault(pk, set()).add(name)
    return network.by_municipality_and_model(
        network.Counsellor(tuple(municipalities[pk]), model, workload) for pk, (model, workload) in staff.items())


def workspace_network(language: str) -> dict:
    summary = network_rows()
    labels = dict(StaffRole.EMPLOYMENT_CHOICES)
    top = max((r["counsellors"] for r in summary["rows"]), default=0)
    rows = []
    for r, w, fw in zip(summary["rows"], figures.bar_widths([r["counsellors"] for r in summary["rows"]], top),
                        figures.bar_widths([r["fte"] for r in summary["rows"]], top or None)):
        rows.append({**r, "model_label": labels.get(r["model"], _("not recorded")), "width": w, "fte_width": fw,
                     "fte_text": figures.format_number(r["fte"], 2, language)})
    total = summary["total"]
    return {"rows": rows, "total": {**total, "fte_text": figures.format_number(total["fte"], 2, language)}}


def round_summary(round_: SustainabilityRound) -> dict:
    criteria = list(SustainabilityCriterion.objects.all())
    returned = round_.questionnaires.filter(submitted_at__isnull=False)
    answers: dict[int, dict[str, bool]] = {q: {} for q in returned.values_list("pk", flat=True)}
    for a in CriterionAnswer.objects.filter(questionnaire__in=returned).select_related("criterion"):
        answers[a.questionnaire_id][a.criterion.code] = a.met
    summary = figures.sustainability(list(answers.values()), [c.code for c in criteria])
    sent = round_.questionnaires.count()
    if round_.is_reported:
        sent, received, sustained = round_.reported_sent, round_.reported_received, round_.reported_sustained
    else:
        received, sustained = summary["received"], summary["sustained"]
    return {
        "round": round_, "sent": sent, "received": received, "sustained": sustained,
        "received_percent": figures.percent(received, sent, 1), "sustained_percent": figures.percent(sustained, received, 1),
        "criteria": [{"criterion": c, **summary["criteria"][c.code]} for c in criteria] if summary["received"] else [],
    }


@agency_view
def usage(request):
    tests = analytics.tests_total()
    months = analytics.monthly_visitors()
    pages = analytics.page_views()
    widths = figures.bar_widths([m["visitors"] for m in months])
    answers = analytics.monthly_answers()
    answer_widths = figures.bar_widths([m["answers"] for m in answers])
    return render(request, "monitoring/usage.html", {
        "answers": [{**m, "width": w} for m, w in zip(answers, answer_widths)],
        "tests": tests, "days": analytics.daily_tests()[:60], "pages": pages,
        "months": [{**m, "width": w} for m, w in zip(months, widths)],
        "test_widths": list(zip(tests, figures.bar_widths([t["started"] for t in tests]),
                                figures.bar_widths([t["completed"] for t in tests], max((t["started"] for t in tests), default=0) or None))),
    })


def _csv(name: str, header: list[str], rows) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response.write("\ufeff")  # spreadsheet programs then read the file as UTF-8
    writer = csv.writer(response)
    writer.writerow(header)
    writer.writerows(rows)
    return response


@agency_view
def usage_csv(request, table: str):
    if table == "tests":
        return _csv("karjera-tests-per-day.csv", ["day", "test", "started", "completed", "completion_rate_percent"],
                    ([r["day"].isoformat(), r["test"], r["started"], r["completed"], "" if r["rate"] is None else r["rate"]]
                     for r in analytics.daily_tests()))
    if table == "pages":
        return _csv("karjera-page-views.csv", ["page", "views"], ([r["subject"], r["views"]] for r in analytics.page_views(limit=10_000)))
    if table == "answers":
        return _csv("karjera-test-answers-per-month.csv", ["month", "answers"],
                    ([r["month"].strftime("%Y-%m"), r["answers"]] for r in analytics.monthly_answers()))
    if table == "visitors":
        return _csv("karjera-visitors-per-month.csv", ["month", "visitors", "days_counted"],
                    ([r["month"].strftime("%Y-%m"), r["visitors"], r["days"]] for r in analytics.monthly_visitors()))
    raise Http404


@require_http_methods(["GET", "POST"])
def questionnaire(request, token: str):
    """A school fills in the sustainability questionnaire from its link (no account)."""
    q = SchoolQuestionnaire.objects.select_related("round").filter(token=token).first()
    if q is None:
        raise Http404
    criteria = list(SustainabilityCriterion.objects.all())
    current = {a.criterion_id: a for a in q.answers.all()}
    errors = []
    if request.method == "POST":
        if not q.round.open:
            return render(request, "monitoring/questionnaire.html", {"q": q, "closed": True}, status=409)
        choices = {}
        for c in criteria:
            value = request.POST.get(f"c{c.pk}")
            if value not in ("yes", "no"):
                errors.append(c)
            choices[c] = (value == "yes", request.POST.get(f"note{c.pk}", "")[:2000])
        if not errors:
            with transaction.atomic():
                for c, (met, note) in choices.items():
                    CriterionAnswer.objects.update_or_create(questionnaire=q, criterion=c, defaults={"met": met, "note": note})
                q.comment = request.POST.get("comment", "")[:3000]
                q.submitted_at = timezone.now()
                q.save(update_fields=["comment", "submitted_at"])
            return redirect(request.path + "?saved=1")
    rows = []
    for c in criteria:
        answer = current.get(c.pk)
        posted = request.POST.get(f"c{c.pk}") if request.method == "POST" else None
        value = posted or (("yes" if answer.met else "no") if answer else None)
        rows.append({"criterion": c, "value": value, "note": request.POST.get(f"note{c.pk}") if posted else (answer.note if answer else ""),
                     "error": c in errors})
    return render(request, "monitoring/questionnaire.html", {
        "q": q, "rows": rows, "errors": errors, "saved": request.GET.get("saved") == "1" and q.submitted_at,
        "closed": not q.round.open,
    }, status=422 if errors else 200)


# ---- surveys -------------------------------------------------------------------------------------

SURVEY_RATE = getattr(settings, "MONITORING_SURVEY_RATE", (30, 3600))  # answer sheets per address per hour


def _question_rows(questions, posted=None, errors=None):
    rows = []
    for q in questions:
        values = posted.getlist(f"q{q.pk}") if posted is not None else []
        row = {"q": q, "error": (errors or {}).get(q.pk), "values": values, "value": values[0] if values else ""}
        if q.kind in ("single", "multiple"):
            row["options"] = [{"index": i, "label": label, "checked": str(i) in values} for i, label in enumerate(q.option_labels())]
        if q.kind == "scale":
            row["points"] = [{"value": p, "checked": str(p) in values} for p in range(q.scale_min, q.scale_max + 1)]
            row["low"], row["high"] = q.text("scale_low"), q.text("scale_high")
        rows.append(row)
    return rows


@require_http_methods(["GET", "POST"])
def survey(request, token: str):
    """An anonymous survey: no account, no cookie, nothing stored about who answered."""
    s = Survey.objects.filter(token=token).first()
    if s is None:
        raise Http404
    questions = list(s.questions.all())
    if request.method == "GET":
        if request.GET.get("sent") == "1":
            return render(request, "monitoring/survey_thanks.html", {"survey": s})
        return render(request, "monitoring/survey.html", {"survey": s, "rows": _question_rows(questions), "closed": not s.open})
    if not s.open:
        return render(request, "monitoring/survey.html", {"survey": s, "closed": True}, status=409)
    limit, window = SURVEY_RATE
    if not hit("monitoring-survey", client_address(request), limit, window):
        return render(request, "monitoring/survey.html", {"survey": s, "rows": _question_rows(questions, request.POST), "limited": True}, status=429)
    answers, errors = survey_rules.clean([q.spec for q in questions], {k: request.POST.getlist(k) for k in request.POST})
    if errors:
        return render(request, "monitoring/survey.html", {"survey": s, "rows": _question_rows(questions, request.POST, errors),
                                                          "errors": errors}, status=422)
    with transaction.atomic():
        response = SurveyResponse.objects.create(survey=s, day=timezone.localdate())
        SurveyAnswer.objects.bulk_create([SurveyAnswer(response=response, question_id=qid, value=value) for qid, value in answers.items()])
    return redirect(request.path + "?sent=1")


@agency_view
def surveys(request):
    items = Survey.objects.annotate(n=Count("responses"))
    return render(request, "monitoring/surveys.html", {"surveys": items})


def _survey_values(s: Survey):
    questions = list(s.questions.all())
    responses = list(s.responses.order_by("pk").values_list("pk", "day"))
    by_response: dict[int, dict[int, object]] = {pk: {} for pk, _day in responses}
    for response_id, question_id, value in SurveyAnswer.objects.filter(response__survey=s).values_list("response_id", "question_id", "value"):
        by_response[response_id][question_id] = value
    return questions, responses, by_response


@agency_view
def survey_results(request, pk: int):
    s = get_object_or_404(Survey, pk=pk)
    questions, responses, by_response = _survey_values(s)
    results = []
    for q in questions:
        t = survey_rules.tally(q.spec, [by_response[r].get(q.pk) for r, _day in responses])
        row = {"q": q, **t}
        if "counts" in t:
            labels = q.option_labels() if q.kind != "scale" else [str(p) for p in t["points"]]
            widths = figures.bar_widths(t["counts"], max(t["counts"], default=0) or None)
            row["bars"] = [{"label": label, "count": c, "width": w, "percent": figures.percent(c, t["answered"], 1)}
                           for label, c, w in zip(labels, t["counts"], widths)]
        results.append(row)
    return render(request, "monitoring/survey_results.html", {"survey": s, "results": results, "responses": len(responses),
                                                              "link": request.build_absolute_uri(reverse("monitoring:survey", args=[s.token]))})


@agency_view
def survey_csv(request, pk: int):
    s = get_object_or_404(Survey, pk=pk)
    questions, responses, by_response = _survey_values(s)

    def cell(q, value):
        if value is None:
            return ""
        if q.kind == "single":
            labels = [o.get("lv", "") for o in q.options]
            return labels[value] if 0 <= value < len(labels) else ""
        if q.kind == "multiple":
            labels = [o.get("lv", "") for o in q.options]
            return "; ".join(labels[i] for i in value if 0 <= i < len(labels))
        return value

    header = ["response", "day"] + [f"{i}. {q.name_lv}" for i, q in enumerate(questions, 1)]
    rows = ([n, day.isoformat()] + [cell(q, by_response[pk_].get(q.pk)) for q in questions]
            for n, (pk_, day) in enumerate(responses, 1))
    return _csv(f"karjera-survey-{s.pk}.csv", header, rows)
