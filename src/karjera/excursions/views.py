"""Pages of study excursions and Job Shadow Day: public offer search, schools' requests, the host's
inbox and offers, the agency's moderation and statistics. Every flow is plain forms and links."""
from __future__ import annotations

import csv
import io
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from karjera.core.ratelimit import client_address, hit
from karjera.education.models import Municipality
from karjera.occupations.models import Occupation

from . import booking_rules, figures, ical, rules, services
from .access import agency_only, any_role, host_only, school_only, visible_request, with_actor
from .forms import (CancelForm, DecisionForm, FeedbackForm, ModerationForm, OfferForm, PupilShadowForm, RequestForm,
                    SearchForm, ShadowApplicationForm, ShadowPlaceForm, SlotEditForm, SlotForm, school_choices)
from .models import (PENDING, PUBLISHED, REJECTED, SECTORS, Host, Offer, Request, ShadowApplication, ShadowPlace,
                     ShadowRound, ShadowSchoolCode, Slot, age_groups_text)

ERRORS = {
    booking_rules.FULL: lambda: _("This time is full: there are not enough free places for the group. Choose another time."),
    booking_rules.TOO_LARGE: lambda: _("The group is larger than this host can take at once."),
    booking_rules.TOO_SMALL: lambda: _("The group is smaller than this host accepts."),
    booking_rules.STARTED: lambda: _("This time has already begun or is over."),
    booking_rules.CANCEL_NEEDS_REASON: lambda: _("Give the school a reason for the cancellation."),
    booking_rules.CANCEL_TOO_LATE: lambda: _("The visit has begun or is over; it can no longer be cancelled."),
    booking_rules.CANCEL_NOT_ACTIVE: lambda: _("This request is no longer active."),
    "unavailable": lambda: _("This offer is not open for requests."),
    "not_pending": lambda: _("This request has already been answered."),
    "not_proposed": lambda: _("There is no proposal to answer."),
    "other_offer": lambda: _("Choose another time of the same offer."),
    "feedback_closed": lambda: _("Feedback is given once, after a confirmed visit."),
    "before_deadline": lambda: _("Places are assigned only after the application deadline."),
    "already_assigned": lambda: _("Places of this round have already been assigned."),
    booking_rules.SLOT_BELOW_HELD: lambda: _("Groups already hold more places in this time than the new number. Lower it no further than the places held."),
    booking_rules.SLOT_TIME_HELD: lambda: _("Groups hold places in this time, so it cannot move. Propose another time to each school instead."),
    booking_rules.SLOT_HAS_BOOKINGS: lambda: _("Groups hold places in this time. Cancel each visit with a reason first, so that every school is told."),
    booking_rules.SLOT_HAS_HISTORY: lambda: _("Requests on record refer to this time, so it is kept. Set its places to 0 to close it."),
}


def error_text(code: str) -> str:
    return str(ERRORS.get(code, lambda: _("The change was refused."))())


def slot_label(slot: Slot, free: int | None = None) -> str:
    start, end = timezone.localtime(slot.starts_at), timezone.localtime(slot.ends_at)
    text = f"{start:%d.%m.%Y %H:%M}–{end:%H:%M}"
    if free is not None:
        text += " · " + (_("%(n)s free places") % {"n": free} if free else _("full"))
    return text


def _labelled(slots):
    for slot in slots:
        slot.label = slot_label(slot, getattr(slot, "free", None))
    return slots


# ---- public ------------------------------------------------------------------------------------------


@with_actor
def offer_list(request):
    language = request.LANGUAGE_CODE
    form = SearchForm(request.GET or None, language=language)
    query = services.OfferQuery()
    occupation = None
    if form.is_valid():
        query = services.OfferQuery(**form.cleaned_data)
        occupation = Occupation.objects.filter(pk=query.occupation).first() if query.occupation else None
    offers = services.search_offers(query).prefetch_related(
        Prefetch("slots", queryset=Slot.objects.filter(starts_at__gt=timezone.now()), to_attr="upcoming"))
    return render(request, "excursions/offer_list.html", {
        "form": form, "offers": offers, "occupation": occupation, "errors": form.errors if request.GET else None,
    }, status=200 if not request.GET or form.is_valid() else 400)


@with_actor
def offer_detail(request, pk):
    offer = Offer.objects.select_related("host", "municipality").filter(pk=pk).first()
    if offer is None or not rules.can_see_offer(request.actor, offer.host_id, offer.published):
        raise Http404
    return render(request, "excursions/offer_detail.html", {
        "offer": offer, "slots": _labelled(services.upcoming_slots(offer)),
        "occupations": offer.occupations.all(), "can_request": request.actor.is_school_staff and offer.published,
        "can_edit": rules.can_edit_offer(request.actor, offer.host_id),
    })


# ---- schools: requests ----------------------------------------------------------------------------------


@school_only
def request_new(request, pk):
    offer = Offer.objects.select_related("host").filter(pk=pk, status=PUBLISHED).first()
    if offer is None:
        raise Http404
    slots = _labelled([s for s in services.upcoming_slots(offer)])
    schools = school_choices(request.actor)
    initial = {"contact_email": request.user.email, "slot": request.GET.get("slot")}
    form = RequestForm(request.POST or None, slots=slots, schools=schools, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid() and rules.can_request(request.actor, form.cleaned_data["school"]):
            data = form.cleaned_data
            try:
                booking = services.request_places(
                    slot_id=data["slot"], school_id=data["school"], user=request.user, group_name=data["group_name"],
                    group_size=data["group_size"], accompanying=data["accompanying"],
                    contact_email=data["contact_email"], message=data["message"])
            except services.BookingError as refused:
                form.add_error(None, error_text(refused.code))
                status = 409 if refused.code == booking_rules.FULL else 422
            else:
                messages.success(request, _("The request has been sent.") if booking.status == Request.PENDING
                                 else _("The visit is confirmed."))
                return redirect("excursions:request", booking.pk)
        else:
            status = 422
    return render(request, "excursions/request_form.html", {"offer": offer, "form": form, "slots": slots}, status=status)


@any_role
def request_list(request):
    actor = request.actor
    requests = Request.objects.select_related("offer__host", "slot", "school")
    if actor.is_agency:
        pass
    elif actor.is_school_staff:
        requests = requests.filter(school__in=actor.schools)
    else:
        requests = requests.filter(offer__host_id=actor.host)
    return render(request, "excursions/request_list.html", {"requests": requests[:500]})


@any_role
def request_detail(request, pk):
    booking = visible_request(request, pk)
    actor = request.actor
    is_host = rules.can_decide(actor, booking.offer.host_id)
    is_school = rules.can_act_for_school(actor, booking.school_id)
    other_slots = []
    if is_host and booking.status == Request.PENDING:
        other_slots = _labelled([s for s in services.upcoming_slots(booking.offer) if s.pk != booking.slot_id])
    booking.slot.label = slot_label(booking.slot)
    return render(request, "excursions/request_detail.html", {
        "booking": booking, "is_host": is_host, "is_school": is_school,
        "decision_form": DecisionForm(slots=other_slots), "other_slots": other_slots,
        "cancel_form": CancelForm(), "feedback_form": FeedbackForm(initial={"attended": booking.group_size}),
        "feedback_open": is_school and services.feedback_open(booking),
        "feedback": getattr(booking, "feedback", None) if hasattr(booking, "feedback") else None,
        "late_warning": is_school and booking.holds_places and booking.slot.starts_at - timezone.now() < booking_rules.CANCELLATION_NOTICE,
    })


@any_role
@require_POST
def request_action(request, pk, action):
    booking = visible_request(request, pk)
    actor = request.actor
    is_host = rules.can_decide(actor, booking.offer.host_id)
    is_school = rules.can_act_for_school(actor, booking.school_id)
    try:
        if action in ("confirm", "decline", "propose") and is_host:
            form = DecisionForm(request.POST, slots=_labelled(list(booking.offer.slots.all())))
            if not form.is_valid():
                return _refuse(request, booking, _("Check the form."))
            note = form.cleaned_data["note"]
            if action == "confirm":
                services.confirm(booking.pk, note)
            elif action == "decline":
                services.decline(booking.pk, note)
            else:
                if not form.cleaned_data["slot"]:
                    return _refuse(request, booking, _("Choose the time you propose."))
                services.propose(booking.pk, form.cleaned_data["slot"], note)
        elif action in ("accept", "reject") and is_school:
            services.answer_proposal(booking.pk, action == "accept")
        elif action == "cancel" and (is_host or is_school):
            form = CancelForm(request.POST)
            if not form.is_valid():
                return _refuse(request, booking, _("Check the form."))
            services.cancel(booking.pk, booking_rules.HOST if is_host else booking_rules.SCHOOL, form.cleaned_data["reason"])
        elif action == "feedback" and is_school:
            form = FeedbackForm(request.POST)
            if not form.is_valid():
                return _refuse(request, booking, _("Check the form: the number of pupils and a rating from 1 to 5."))
            services.give_feedback(booking, **form.cleaned_data)
        else:
            raise Http404
    except services.BookingError as refused:
        return _refuse(request, booking, error_text(refused.code), 409)
    messages.success(request, _("Saved."))
    return redirect("excursions:request", booking.pk)


def _refuse(request, booking, text, status=422):
    response = render(request, "excursions/refused.html", {"booking": booking, "text": text}, status=status)
    return response


@any_role
def request_ics(request, pk):
    booking = visible_request(request, pk)
    if booking.status not in (Request.CONFIRMED, Request.CANCELLED):
        raise Http404
    offer = booking.offer
    text = ical.event(
        uid=f"excursion-request-{booking.pk}@karjera", starts_at=booking.slot.starts_at, ends_at=booking.slot.ends_at,
        summary=_("Study excursion: %(title)s") % {"title": offer.title}, location=offer.address,
        description=_("%(host)s · %(school)s, group %(group)s, %(n)s pupils") % {
            "host": offer.host.name, "school": booking.school.name_lv, "group": booking.group_name, "n": booking.group_size},
        cancelled=booking.status == Request.CANCELLED,
    )
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="excursion-{booking.pk}.ics"'
    return response


# ---- hosts ------------------------------------------------------------------------------------------


@host_only
def host_home(request):
    host = Host.objects.get(pk=request.actor.host)
    return render(request, "excursions/host_home.html", {
        "host": host,
        "requests": Request.objects.filter(offer__host=host).select_related("offer", "slot", "school")[:300],
        "offers": host.offers.all(),
        "places": host.shadow_places.select_related("round").prefetch_related("pupils__school"),
    })


def _own_offer(request, pk) -> Offer:
    offer = Offer.objects.filter(pk=pk).first()
    if offer is None or not rules.can_edit_offer(request.actor, offer.host_id):
        raise Http404
    return offer


@host_only
def host_offer(request, pk=None):
    offer = _own_offer(request, pk) if pk else Offer(host_id=request.actor.host)
    form = OfferForm(request.POST or None, instance=offer)
    if request.method == "POST":
        if form.is_valid():
            offer = form.save(commit=False)
            offer.age_groups = age_groups_text(form.cleaned_data["age"])
            offer.status = PENDING  # every change goes back to the agency before it is public
            offer.save()
            offer.occupations.set(form.cleaned_data["occupation_codes"])
            offer.refresh_search_text()
            messages.success(request, _("Saved and sent to the agency for moderation."))
            return redirect("excursions:host_offer_edit", offer.pk)
        return render(request, "excursions/host_offer.html", {"form": form, "offer": offer, "slot_form": SlotForm()}, status=422)
    slots = _labelled(services.upcoming_slots(offer)) if offer.pk else []
    return render(request, "excursions/host_offer.html", {"form": form, "offer": offer, "slots": slots, "slot_form": SlotForm()})


@host_only
@require_POST
def host_slot_add(request, pk):
    offer = _own_offer(request, pk)
    form = SlotForm(request.POST)
    if not form.is_valid():
        return render(request, "excursions/host_offer.html", {
            "form": OfferForm(instance=offer), "offer": offer, "slots": _labelled(services.upcoming_slots(offer)),
            "slot_form": form}, status=422)
    data = form.cleaned_data
    for week in range(1 + (data["repeat_weeks"] or 0)):
        shift = timedelta(weeks=week)
        Slot.objects.create(offer=offer, starts_at=data["starts_at"] + shift, ends_at=data["ends_at"] + shift,
                            capacity=data["capacity"])
    messages.success(request, _("The time has been added."))
    return redirect("excursions:host_offer_edit", offer.pk)


def _own_slot(request, pk) -> Slot:
    slot = Slot.objects.select_related("offer").filter(pk=pk).first()
    if slot is None or not rules.can_edit_offer(request.actor, slot.offer.host_id):
        raise Http404
    return slot


@host_only
def host_slot_edit(request, pk):
    slot = _own_slot(request, pk)
    initial = {"starts_at": timezone.localtime(slot.starts_at), "ends_at": timezone.localtime(slot.ends_at), "capacity": slot.capacity}
    form = SlotEditForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.change_slot(slot.pk, request.actor.host, data["starts_at"], data["ends_at"], data["capacity"])
            except services.BookingError as refused:
                form.add_error(None, error_text(refused.code))
                status = 409
            else:
                messages.success(request, _("The time has been changed."))
                return redirect("excursions:host_offer_edit", slot.offer_id)
        else:
            status = 422
    slot.label = slot_label(slot, services.free_places(slot))
    return render(request, "excursions/host_slot.html", {
        "slot": slot, "offer": slot.offer, "form": form, "held": services.held_places(slot.pk)}, status=status)


@host_only
@require_POST
def host_slot_delete(request, pk):
    slot = _own_slot(request, pk)
    try:
        services.delete_slot(slot.pk, request.actor.host)
    except services.BookingError as refused:
        return render(request, "excursions/refused.html", {"text": error_text(refused.code)}, status=409)
    messages.success(request, _("The time has been deleted."))
    return redirect("excursions:host_offer_edit", slot.offer_id)


@host_only
def host_shadow_new(request):
    form = ShadowPlaceForm(request.POST or None)
    form.fields["round"].queryset = ShadowRound.objects.filter(assigned_at__isnull=True, apply_until__gt=timezone.now())
    if request.method == "POST":
        if form.is_valid():
            place = form.save(commit=False)
            place.host_id = request.actor.host
            place.status = PENDING
            place.save()
            messages.success(request, _("Saved and sent to the agency for moderation."))
            return redirect("excursions:host")
        return render(request, "excursions/host_shadow.html", {"form": form}, status=422)
    return render(request, "excursions/host_shadow.html", {"form": form})


# ---- agency ------------------------------------------------------------------------------------------


@agency_only
def agency_home(request):
    return render(request, "excursions/agency_home.html", {
        "offers": Offer.objects.filter(status=PENDING).select_related("host"),
        "places": ShadowPlace.objects.filter(status=PENDING).select_related("host", "round"),
        "rounds": ShadowRound.objects.all(), "now": timezone.now(),
    })


@agency_only
@require_POST
def agency_moderate(request, kind, pk):
    model = {"offer": Offer, "place": ShadowPlace}.get(kind)
    item = model.objects.filter(pk=pk).first() if model else None
    form = ModerationForm(request.POST)
    if item is None:
        raise Http404
    if not form.is_valid():
        return render(request, "excursions/refused.html", {"text": _("Check the form.")}, status=422)
    item.status = PUBLISHED if form.cleaned_data["decision"] == "publish" else REJECTED
    fields = ["status"]
    if kind == "offer":
        item.moderation_note, item.moderated_at = form.cleaned_data["note"], timezone.now()
        fields += ["moderation_note", "moderated_at"]
    item.save(update_fields=fields)
    messages.success(request, _("Published.") if item.status == PUBLISHED else _("Returned to the host."))
    return redirect("excursions:agency")


@agency_only
@require_POST
def agency_assign(request, pk):
    rnd = ShadowRound.objects.filter(pk=pk).first()
    if rnd is None:
        raise Http404
    try:
        services.assign_round(rnd.pk)
    except services.BookingError as refused:
        return render(request, "excursions/refused.html", {"text": error_text(refused.code)}, status=409)
    messages.success(request, _("Places have been assigned."))
    return redirect("excursions:agency")


def _figures(language):
    names = {m.code: m.name(language) for m in Municipality.objects.all()}
    sectors = dict(SECTORS)
    slots = [figures.SlotRow(s.offer.municipality_id, s.offer.sector, s.capacity, s.ends_at)
             for s in Slot.objects.filter(offer__status=PUBLISHED).select_related("offer")]
    rows = [figures.RequestRow(r.offer.municipality_id, r.offer.sector, r.group_size, r.status, r.slot.ends_at,
                               r.late_cancellation, getattr(getattr(r, "feedback", None), "attended", None))
            for r in Request.objects.select_related("offer", "slot", "feedback")]
    table = figures.tabulate(slots, rows, timezone.now())
    lines = [{"municipality": names.get(m, m), "sector": str(sectors.get(s, s)), **row} for (m, s), row in table.items()]
    return lines, figures.totals(table)


def column_names():
    return [_("slots offered"), _("places offered"), _("requests"), _("pupils requested"), _("confirmed"),
            _("visits held"), _("pupils on held visits"), _("cancelled"), _("late cancellations")]


@agency_only
def statistics(request):
    lines, total = _figures(request.LANGUAGE_CODE)
    return render(request, "excursions/statistics.html", {
        "lines": lines, "total": total, "columns": column_names(), "keys": figures.COLUMNS,
    })


@agency_only
def statistics_csv(request):
    lines, _total = _figures(request.LANGUAGE_CODE)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["municipality", "sector", *figures.COLUMNS])
    for line in lines:
        writer.writerow([line["municipality"], line["sector"], *(line[k] for k in figures.COLUMNS)])
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="excursions-statistics.csv"'
    return response


# ---- Job Shadow Day ---------------------------------------------------------------------------------------


def _current_round():
    return ShadowRound.objects.filter(assigned_at__isnull=True, apply_until__gt=timezone.now()).order_by("apply_until").first()


@with_actor
def shadow_list(request):
    rnd = _current_round()
    return render(request, "excursions/shadow_list.html", {
        "round": rnd, "places": services.open_places(rnd) if rnd else [],
        "can_apply": request.actor.is_school_staff,
    })


@school_only
def shadow_apply(request):
    rnd = _current_round()
    places = list(services.open_places(rnd)) if rnd else []
    schools = school_choices(request.actor)
    form = ShadowApplicationForm(request.POST or None, schools=schools, places=places)
    status = 200
    if request.method == "POST":
        if rnd and form.is_valid() and rules.can_act_for_school(request.actor, form.cleaned_data["school"]):
            data = form.cleaned_data
            ShadowApplication.objects.create(round=rnd, school_id=data["school"], entered_by=request.user,
                                             pupil=data["pupil"], grade=data["grade"], choices=data["choices"])
            messages.success(request, _("The application has been saved."))
            return redirect("excursions:shadow_apply")
        status = 422
    applications = services.shadow_query_for_school(request.actor.schools)
    codes = [services.school_code(rnd, school.pk) for school in schools] if rnd else []
    return render(request, "excursions/shadow_apply.html", {
        "round": rnd, "form": form, "applications": applications, "places": places, "codes": codes,
    }, status=status)


@school_only
@require_POST
def shadow_decide(request, pk, decision):
    application = ShadowApplication.objects.filter(pk=pk).first()
    if application is None or decision not in ("approve", "reject") or not rules.can_act_for_school(request.actor, application.school_id):
        raise Http404
    try:
        services.decide_application(application.pk, request.user, decision == "approve")
    except services.BookingError as refused:
        return render(request, "excursions/refused.html", {"text": error_text(refused.code)}, status=409)
    messages.success(request, _("Approved.") if decision == "approve" else _("Not approved."))
    return redirect("excursions:shadow_apply")


@with_actor
def shadow_join(request):
    """A pupil applies with the code the school handed out; the application waits for the school."""
    rnd = _current_round()
    places = list(services.open_places(rnd)) if rnd else []
    form = PupilShadowForm(request.POST or None, places=places, initial={"code": request.GET.get("code", "")[:16]})
    status = 200
    if request.method == "POST":
        status = 422
        if not hit("shadow-code", client_address(request), settings.RESUME_RATE_LIMIT, settings.RESUME_RATE_WINDOW):
            form.is_valid()  # bound, so the error can be shown; nothing is looked up or stored
            form.add_error(None, _("Too many attempts from this address. Try again in a few minutes."))
            status = 429
        elif rnd and form.is_valid():
            code = ShadowSchoolCode.objects.filter(round=rnd, code=form.cleaned_data["code"]).first()
            if code is None:
                form.add_error("code", _("No school has this code for the current Job Shadow Day. Check it with your teacher."))
            else:
                data = form.cleaned_data
                application = services.pupil_apply(code, data["pupil"], data["grade"], data["choices"])
                return redirect("excursions:shadow_status", application.token)
    response = render(request, "excursions/shadow_join.html", {"round": rnd, "form": form, "places": places}, status=status)
    return response


@with_actor
def shadow_status(request, token):
    application = (ShadowApplication.objects.select_related("round", "school", "assigned__host")
                   .filter(token=token).first() if token else None)
    if application is None:
        raise Http404
    chosen = {p.pk: p for p in ShadowPlace.objects.filter(pk__in=application.choices).select_related("host")}
    response = render(request, "excursions/shadow_status.html", {
        "application": application, "choices": [chosen[c] for c in application.choices if c in chosen]})
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response
