"""Pages of the counsellor workspace (staff) and of pupils who join a group (no account)."""
from __future__ import annotations

import csv
import io

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from karjera.assessments import engine
from karjera.assessments.reports import chart_for, report_pdf
from karjera.assessments.results import present
from karjera.core.pdf import render_pdf
from karjera.core.ratelimit import client_address, hit
from karjera.core.text import tokens
from karjera.education.models import Institution, Municipality

from . import display, library, profiles, rules, services, totp
from .access import TOTP_SESSION_KEY, managed_group, shared_member, staff_view
from .forms import ActivityForm, ConsultationForm, GroupForm, JoinForm, NoteForm, PlanForm
from .models import STAGES, Consultation, Group, GroupMember, Method, Note, Plan, PlanActivity, PlanTemplate, StaffRole, normalise_join_code

# ---- staff: home ---------------------------------------------------------------------------------


@staff_view
def home(request):
    actor = request.actor
    language = request.LANGUAGE_CODE
    schools = Institution.objects.filter(pk__in=actor.schools).select_related("municipality")
    groups = Group.objects.filter(counsellor=request.user, institution__in=actor.schools).select_related("institution") \
        if actor.role == rules.COUNSELLOR else Group.objects.none()
    due = (
        Consultation.objects.filter(author=request.user, follow_up_done=False, follow_up_on__isnull=False,
                                    member__shares=True, member__group__in=groups)
        .select_related("member__group").order_by("follow_up_on")
    )
    return render(request, "counselling/home.html", {
        "actor": actor, "role": dict(StaffRole.ROLE_CHOICES).get(actor.role), "schools": schools, "groups": groups,
        "due": due, "today": timezone.localdate(),
        "form": GroupForm(schools=schools, language=language) if actor.role == rules.COUNSELLOR and schools else None,
        "municipality": Municipality.objects.filter(pk=actor.municipality).first(),
    })


@staff_view
@require_POST
def group_create(request):
    actor = request.actor
    schools = Institution.objects.filter(pk__in=actor.schools)
    form = GroupForm(request.POST, schools=schools, language=request.LANGUAGE_CODE)
    if actor.role != rules.COUNSELLOR:
        raise Http404
    if not form.is_valid():
        return render(request, "counselling/group_new.html", {"form": form}, status=422)
    school = form.cleaned_data["school"]
    if not rules.can_create_group(actor, school):
        raise Http404
    group = Group.objects.create(
        institution_id=school, counsellor=request.user, name=form.cleaned_data["name"],
        grade=form.cleaned_data["grade"], tests=form.cleaned_data["tests"],
    )
    return redirect("counselling:group", group.pk)


# ---- staff: a group ------------------------------------------------------------------------------


def _dashboard_data(group: Group, language: str) -> dict:
    shared = services.shared_results(group)
    profile = profiles.group_profile([summaries for _m, summaries, _s in shared])
    members = group.members.count()
    needs = profiles.topic_needs(profile, members, group.grade)
    methods = {m.slug: m for m in Method.objects.filter(audience="pupils")}
    suggestions = profiles.suggest([m.as_rule_data() for m in methods.values()], needs, group.grade)
    return {
        "shared": shared, "profile": profile, "members": members,
        "not_sharing": members - len(shared),
        "suggestions": [{"method": methods[s["method"]["slug"]], "reasons": [display.reason_text(r, language) for r in s["reasons"]]}
                        for s in suggestions],
    }


def _pupil_rows(shared, language):
    rows = []
    for member, summaries, _sessions in shared:
        interests = summaries.get("interests") or {}
        values = summaries.get("values") or {}
        rows.append({
            "member": member,
            "code": "" if interests.get("flat") else interests.get("code", ""),
            "flat": interests.get("flat", False),
            "value": display.value_name(values["order"][0], language) if values.get("order") else "",
            "field": display.field_name(interests["field"], language) if interests.get("field") else "",
            "done": [display.test_name(s, language) for s in summaries],
        })
    return rows


@staff_view
def group_dashboard(request, pk):
    group = managed_group(request, pk)
    language = request.LANGUAGE_CODE
    data = _dashboard_data(group, language)
    progress = [
        {"slug": slug, "name": display.test_name(slug, language), **counts}
        for slug, counts in services.progress(group).items()
    ]
    return render(request, "counselling/dashboard.html", {
        "group": group, **data, "progress": progress,
        "pupils": _pupil_rows(data["shared"], language),
        "charts": display.profile_charts(data["profile"], language),
        "codes": display.code_counts(data["profile"]),
        "flat_note": display.flat_note(data["profile"]),
        "join_url": request.build_absolute_uri(reverse("counselling:join_code", args=[group.join_code])),
    })


@staff_view
@require_POST
def group_toggle(request, pk):
    group = managed_group(request, pk)
    Group.objects.filter(pk=group.pk).update(open=not group.open)
    return redirect("counselling:group", group.pk)


EXPORT_COLUMNS = ("pupil", "interests_code", "interests_flat", "strongest_field", "values_order", "career_options_code", "abilities_completed")


def _export_rows(group: Group) -> list[list]:
    rows = []
    for member, summaries, _sessions in services.shared_results(group):
        interests, values = summaries.get("interests") or {}, summaries.get("values") or {}
        rows.append([
            member.display_name, interests.get("code", ""), "yes" if interests.get("flat") else ("no" if interests else ""),
            interests.get("field") or "", " ".join(values.get("order", [])),
            (summaries.get("career_options") or {}).get("code", ""), "yes" if "abilities" in summaries else "no",
        ])
    return rows


def _download(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _safe_cell(value):
    """Cells that a spreadsheet would run as a formula start with an apostrophe instead."""
    return "'" + value if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


@staff_view
def export_csv(request, pk):
    group = managed_group(request, pk)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    for row in _export_rows(group):
        writer.writerow([_safe_cell(v) for v in row])
    return _download("\ufeff" + out.getvalue(), "text/csv; charset=utf-8", f"karjera-group-{group.pk}.csv")


@staff_view
def export_xlsx(request, pk):
    from openpyxl import Workbook

    group = managed_group(request, pk)
    book = Workbook()
    sheet = book.active
    sheet.title = "results"
    sheet.append(list(EXPORT_COLUMNS))
    for row in _export_rows(group):
        sheet.append([_safe_cell(v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return _download(out.getvalue(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", f"karjera-group-{group.pk}.xlsx")


# ---- staff: one pupil ----------------------------------------------------------------------------


@staff_view
def pupil(request, pk, member_pk):
    group = managed_group(request, pk)
    member = shared_member(request, group, member_pk)
    language = request.LANGUAGE_CODE
    results = []
    for slug, link in services.member_tests(member).items():
        session = link.session
        if not session.is_completed:
            results.append({"slug": slug, "name": display.test_name(slug, language), "completed": False})
            continue
        view = present(session, language)
        svg = chart_for(view).replace('id="chart-title"', f'id="{slug}-title"').replace('id="chart-desc"', f'id="{slug}-desc"') \
            .replace('aria-labelledby="chart-title chart-desc"', f'aria-labelledby="{slug}-title {slug}-desc"')
        results.append({"slug": slug, "name": display.test_name(slug, language), "completed": True, "view": view, "chart": svg})
    return render(request, "counselling/pupil.html", {
        "group": group, "member": member, "results": results,
        "notes": Note.objects.filter(member=member, author=request.user),
        "consultations": Consultation.objects.filter(member=member, author=request.user),
        "note_form": NoteForm(),
    })


@staff_view
def pupil_report(request, pk, member_pk, slug):
    group = managed_group(request, pk)
    member = shared_member(request, group, member_pk)
    link = services.member_tests(member).get(slug)
    if link is None or not link.session.is_completed:
        raise Http404
    return report_pdf(link.session, request.LANGUAGE_CODE)


@staff_view
@require_POST
def note_add(request, pk, member_pk):
    group = managed_group(request, pk)
    member = shared_member(request, group, member_pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        Note.objects.create(member=member, author=request.user, text=form.cleaned_data["text"])
    return redirect(reverse("counselling:pupil", args=[group.pk, member.pk]) + "#notes")


@staff_view
@require_http_methods(["GET", "POST"])
def consultation(request, pk, member_pk, consultation_pk=None):
    group = managed_group(request, pk)
    member = shared_member(request, group, member_pk)
    record = None
    if consultation_pk is not None:
        record = Consultation.objects.filter(pk=consultation_pk, member=member, author=request.user).first()
        if record is None:
            raise Http404
    if request.method == "POST":
        form = ConsultationForm(request.POST, instance=record)
        if form.is_valid():
            saved = form.save(commit=False)
            saved.member, saved.author = member, request.user
            saved.save()
            return redirect(reverse("counselling:pupil", args=[group.pk, member.pk]) + "#consultations")
        status = 422
    else:
        form = ConsultationForm(instance=record, initial=None if record else {"held_on": timezone.localdate()})
        status = 200
    return render(request, "counselling/consultation.html", {
        "group": group, "member": member, "form": form, "record": record,
        "stage_fields": [form[code] for code, _name, _hint in STAGES],
    }, status=status)


# ---- staff: municipality and schools -------------------------------------------------------------


def aggregate_for(institutions) -> dict:
    groups = Group.objects.filter(institution__in=institutions)
    data = []
    for group in groups:
        data.append({"id": group.pk, "school": group.institution_id,
                     "pupils": [summaries for _m, summaries, _s in services.shared_results(group)]})
    return profiles.suppressed_aggregate(data, rules.MIN_GROUP_SIZE)


@staff_view
def municipality(request, code=None):
    actor = request.actor
    chosen = request.GET.get("m", "")[:40]
    if chosen:  # the agency's municipality choice
        if not rules.can_see_municipality(actor, chosen) or not Municipality.objects.filter(pk=chosen).exists():
            raise Http404
        return redirect("counselling:municipality", chosen)
    code = code or actor.municipality
    if code is None and actor.role == rules.AGENCY_ADMIN:
        code = Municipality.objects.order_by("pk").values_list("pk", flat=True).first()
    place = Municipality.objects.filter(pk=code).first() if code else None
    if place is None or not rules.can_see_municipality(actor, place.pk):
        raise Http404
    language = request.LANGUAGE_CODE
    schools = list(place.institutions.all())
    agg = aggregate_for(schools)
    rows = [{"school": s, **agg["schools"].get(s.pk, {"groups": 0, "shown": 0, "suppressed": 0, "pupils": 0})} for s in schools]
    return render(request, "counselling/municipality.html", {
        "place": place, "rows": rows, "agg": agg, "min_size": rules.MIN_GROUP_SIZE,
        "charts": display.profile_charts(agg["profile"], language),
        "municipalities": Municipality.objects.all() if actor.role == rules.AGENCY_ADMIN else None,
    })


# ---- staff: career-support plans -----------------------------------------------------------------


def _plans_for(actor):
    qs = Plan.objects.select_related("institution__municipality")
    if actor.role in (rules.COUNSELLOR, rules.SCHOOL_ADMIN):
        return qs.filter(institution__in=actor.schools)
    if actor.role == rules.COORDINATOR:
        return qs.filter(institution__municipality=actor.municipality)
    return qs


def _plan_or_404(request, pk, edit=False) -> Plan:
    plan = Plan.objects.select_related("institution").filter(pk=pk).first()
    if plan is None or not rules.can_see_school(request.actor, plan.institution_id, plan.institution.municipality_id):
        raise Http404
    if edit and not rules.can_edit_plan(request.actor, plan.institution_id):
        raise Http404
    return plan


@staff_view
@require_http_methods(["GET", "POST"])
def plans(request):
    actor = request.actor
    language = request.LANGUAGE_CODE
    schools = Institution.objects.filter(pk__in=actor.schools) if actor.role in (rules.COUNSELLOR, rules.SCHOOL_ADMIN) else Institution.objects.none()
    templates = [t.data for t in PlanTemplate.objects.all()]
    form = PlanForm(request.POST or None, schools=schools, templates=templates, language=language)
    status = 200
    if request.method == "POST":
        if form.is_valid() and rules.can_edit_plan(actor, form.cleaned_data["school"]):
            template = next(t for t in templates if t["slug"] == form.cleaned_data["template"])
            plan = Plan.objects.create(
                institution_id=form.cleaned_data["school"], school_year=form.cleaned_data["school_year"],
                title=template["title"][language], template=template["slug"], created_by=request.user,
            )
            acts = sorted(template["activities"], key=lambda a: (library.month_order(a["month"]), library.AGE_GROUPS.index(a["age_group"])))
            PlanActivity.objects.bulk_create([
                PlanActivity(plan=plan, age_group=a["age_group"], month=a["month"], title=a["title"][language],
                             description=a["description"][language], methods=a.get("methods", []),
                             responsible=a["responsible"][language], position=n)
                for n, a in enumerate(acts)
            ])
            return redirect("counselling:plan", plan.pk)
        status = 422
    return render(request, "counselling/plans.html", {
        "plans": _plans_for(actor), "form": form if schools and templates else None, "templates": templates,
    }, status=status)


def _sorted_activities(plan):
    return sorted(plan.activities.all(), key=lambda a: (library.month_order(a.month), library.AGE_GROUPS.index(a.age_group), a.position))


@staff_view
@require_http_methods(["GET", "POST"])
def plan(request, pk):
    plan = _plan_or_404(request, pk)
    can_edit = rules.can_edit_plan(request.actor, plan.institution_id)
    form = ActivityForm()
    status = 200
    if request.method == "POST":
        if not can_edit:
            raise Http404
        form, ok = _save_activity(request, plan, None)
        if ok:
            return redirect(reverse("counselling:plan", args=[plan.pk]) + "#activities")
        status = 422
    activities = _sorted_activities(plan)
    slugs = {s for a in activities for s in a.methods}
    methods = {m.slug: m for m in Method.objects.filter(slug__in=slugs)}
    return render(request, "counselling/plan.html", {
        "plan": plan, "can_edit": can_edit, "form": form,
        "activities": [{"a": a, "methods": [methods[s] for s in a.methods if s in methods]} for a in activities],
    }, status=status)


def _save_activity(request, plan, activity):
    form = ActivityForm(request.POST, instance=activity)
    if not form.is_valid():
        return form, False
    slugs = [s.strip() for s in form.cleaned_data["methods_text"].split(",") if s.strip()]
    known = set(Method.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    unknown = [s for s in slugs if s not in known]
    if unknown:
        form.add_error("methods_text", _("No method called: %(names)s.") % {"names": ", ".join(unknown)})
        return form, False
    saved = form.save(commit=False)
    saved.plan, saved.methods = plan, slugs
    if activity is None:
        saved.position = plan.activities.count()
    saved.save()
    Plan.objects.filter(pk=plan.pk).update(updated_at=timezone.now())
    return form, True


@staff_view
@require_http_methods(["GET", "POST"])
def activity(request, pk, activity_pk):
    plan = _plan_or_404(request, pk, edit=True)
    item = plan.activities.filter(pk=activity_pk).first()
    if item is None:
        raise Http404
    if request.method == "POST":
        if request.POST.get("delete"):
            item.delete()
            return redirect(reverse("counselling:plan", args=[plan.pk]) + "#activities")
        form, ok = _save_activity(request, plan, item)
        if ok:
            return redirect(reverse("counselling:plan", args=[plan.pk]) + "#activities")
        status = 422
    else:
        form = ActivityForm(instance=item, initial={"methods_text": ", ".join(item.methods)})
        status = 200
    return render(request, "counselling/activity.html", {"plan": plan, "item": item, "form": form}, status=status)


@staff_view
def plan_pdf(request, pk):
    plan = _plan_or_404(request, pk)
    activities = _sorted_activities(plan)
    pdf = render_pdf("counselling/plan_pdf.html", {
        "plan": plan, "activities": activities, "LANGUAGE_CODE": request.LANGUAGE_CODE,
        "school": plan.institution.name(request.LANGUAGE_CODE),
    })
    return _download(pdf, "application/pdf", f"karjera-plan-{plan.pk}.pdf")


# ---- staff: second factor ------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def second_factor(request):
    """Agency administrators: set up an authenticator app once, then give a code after each sign-in."""
    from django.contrib.auth.views import redirect_to_login

    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    role = StaffRole.objects.filter(user=request.user, role=rules.AGENCY_ADMIN).first()
    if role is None:
        raise Http404
    if not role.totp_secret:
        role.totp_secret = totp.new_secret()
        role.save(update_fields=["totp_secret"])
    error = None
    status = 200
    if request.method == "POST":
        if not hit("totp", str(request.user.pk), settings.LOGIN_RATE_LIMIT, settings.LOGIN_RATE_WINDOW):
            error, status = _("Too many attempts. Wait a few minutes and try again."), 429
        else:
            counter = totp.verify(role.totp_secret, request.POST.get("code", ""), timezone.now().timestamp(),
                                  last_counter=role.totp_last_counter)
            if counter is not None:
                StaffRole.objects.filter(pk=role.pk).update(totp_confirmed=True, totp_last_counter=counter)
                request.session.cycle_key()
                request.session[TOTP_SESSION_KEY] = True
                return redirect("counselling:home")
            error, status = _("The code is not right. Check the time on your phone and try the newest code."), 422
    return render(request, "counselling/second_factor.html", {
        "setup": not role.totp_confirmed, "secret": role.totp_secret if not role.totp_confirmed else "",
        "uri": totp.provisioning_uri(role.totp_secret, request.user.get_username()) if not role.totp_confirmed else "",
        "error": error,
    }, status=status)


# ---- pupils: joining a group ---------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def join(request):
    code = normalise_join_code(request.POST.get("code") or request.GET.get("code", ""))
    error = None
    if code:
        if not hit("join", client_address(request), settings.RESUME_RATE_LIMIT, settings.RESUME_RATE_WINDOW):
            return render(request, "assessments/rate_limited.html", status=429)
        if Group.objects.filter(join_code=code, open=True).exists():
            return redirect("counselling:join_code", code)
        error = _("No open group has this code. Check the code with your counsellor.")
    return render(request, "counselling/join.html", {"error": error, "code": code}, status=404 if error else 200)


@require_http_methods(["GET", "POST"])
def join_code(request, code):
    group = Group.objects.select_related("institution").filter(join_code=normalise_join_code(code), open=True).first()
    if group is None:
        raise Http404(_("No open group has this code."))
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        member = services.join(group, form.cleaned_data["display_name"], form.cleaned_data["shares"])
        return redirect("counselling:member", member.token)
    return render(request, "counselling/join_group.html", {"group": group, "form": form},
                  status=422 if request.method == "POST" else 200)


def _member_or_404(token) -> GroupMember:
    member = GroupMember.objects.select_related("group__institution").filter(token=str(token)[:40]).first()
    if member is None:
        raise Http404(_("No such group member. The link may be wrong or deleted."))
    return member


def member_page(request, token):
    member = _member_or_404(token)
    language = request.LANGUAGE_CODE
    links = services.member_tests(member)
    tests = []
    for slug in services.group_tests(member.group):
        link = links.get(slug)
        tests.append({"slug": slug, "name": display.test_name(slug, language), "session": link.session if link else None})
    return render(request, "counselling/member.html", {"member": member, "group": member.group, "tests": tests})


@require_POST
def member_start(request, token, slug):
    member = _member_or_404(token)
    if slug not in services.group_tests(member.group):
        raise Http404(_("This group does not take that test."))
    if not hit("session", client_address(request), settings.SESSION_CREATE_RATE_LIMIT, settings.SESSION_CREATE_RATE_WINDOW):
        return render(request, "assessments/rate_limited.html", status=429)
    session = services.start_test(member, slug, request.LANGUAGE_CODE, request)
    return redirect("assessments:session", session.id)


@require_POST
def member_consent(request, token):
    member = _member_or_404(token)
    services.set_consent(member, request.POST.get("shares") == "1")
    return redirect(reverse("counselling:member", args=[member.token]) + "?consent=saved")


# ---- the methods library (public) ----------------------------------------------------------------


DURATIONS = [("30", 30), ("45", 45), ("90", 90)]


def filter_methods(qs, q="", age_group="", topic="", fmt="", max_minutes=None):
    for word in tokens(q):
        qs = qs.filter(search_text__contains=word)
    if age_group in library.AGE_GROUPS:
        grades = library.age_group_grades(age_group)
        if grades is None:
            qs = qs.filter(audience=age_group)
        else:
            qs = qs.filter(audience="pupils", grade_from__lte=grades[1], grade_to__gte=grades[0])
    if topic in library.TOPICS:
        qs = qs.filter(topic=topic)
    if fmt in library.FORMATS:
        qs = qs.filter(format=fmt)
    if max_minutes:
        qs = qs.filter(duration_minutes__lte=max_minutes)
    return qs


def methods(request):
    g = request.GET
    try:
        max_minutes = int(g.get("duration", "") or 0) or None
    except ValueError:
        max_minutes = None
    qs = filter_methods(Method.objects.all(), g.get("q", "")[:200], g.get("age", ""), g.get("topic", ""), g.get("format", ""), max_minutes)
    return render(request, "counselling/methods.html", {
        "methods": qs, "q": g.get("q", "")[:200], "age": g.get("age", ""), "topic": g.get("topic", ""),
        "format": g.get("format", ""), "duration": str(max_minutes or ""),
        "age_groups": PlanActivity.AGE_GROUPS, "topics": Method.TOPICS, "formats": Method.FORMATS,
        "durations": DURATIONS, "total": Method.objects.count(),
    })


def method_detail(request, slug):
    method = Method.objects.filter(slug=slug).first()
    if method is None:
        raise Http404(_("No such method."))
    language = request.LANGUAGE_CODE
    return render(request, "counselling/method.html", {
        "method": method, "title": method.title(language), "summary": method.summary(language),
        "goals": (method.goals or {}).get(language, []), "steps": (method.steps or {}).get(language, []),
        "materials": (method.materials or {}).get(language, ""),
    })
