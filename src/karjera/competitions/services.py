"""What pages, the API and the admin do with competitions: save a mark safely, sign off a day, lock a
scheme, compute and release results. Every refusal is a `Refused` with an HTTP status, a stable code and
a message the person can act on; nothing is changed when a save is refused."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from . import marking
from .models import Aspect, Competition, CompetitionSkill, Competitor, Expert, Mark, MarkAudit, MarkingScheme, SignOff


class Refused(Exception):
    def __init__(self, status: int, code: str, message: str, **details):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details


# ---- who may do what ----------------------------------------------------------------------------


def expert_of(user, competition_skill_id: int) -> Expert | None:
    if not user.is_authenticated:
        return None
    return (
        Expert.objects.select_related("competition_skill__competition")
        .filter(user=user, competition_skill_id=competition_skill_id)
        .first()
    )


def require_expert(user, competition_skill_id: int) -> Expert:
    expert = expert_of(user, competition_skill_id)
    if expert is None:
        raise Refused(403, "not_your_skill", _("You are not an expert of this skill."))
    return expert


def manages(user, competition: Competition) -> bool:
    return user.is_authenticated and (user.is_superuser or competition.managers.filter(pk=user.pk).exists())


def results_visible(user, competition: Competition) -> bool:
    return competition.results_released or manages(user, competition)


# ---- marks --------------------------------------------------------------------------------------


def mark_view(mark: Mark | None) -> dict:
    if mark is None:
        return {"value": None, "judge_scores": None, "version": 0, "updated_by": None, "updated_at": None, "flag": False}
    return {
        "value": str(mark.value),
        "judge_scores": mark.judge_scores,
        "version": mark.version,
        "updated_by": mark.updated_by.get_username() if mark.updated_by else None,
        "updated_at": mark.updated_at.isoformat() if mark.updated_at else None,
        "flag": bool(mark.judge_scores) and marking.judges_inconsistent(mark.judge_scores),
    }


def signed_off_days(competition_skill_id: int) -> set[int]:
    return set(SignOff.objects.filter(competition_skill_id=competition_skill_id).values_list("day", flat=True))


def _current(competitor_id: int, aspect_id: int) -> Mark | None:
    return Mark.objects.select_related("updated_by").filter(competitor_id=competitor_id, aspect_id=aspect_id).first()


def _conflict(current: Mark | None) -> Refused:
    view = mark_view(current)
    if current is None:
        text = _("This mark has not been saved yet; reload and enter it again.")
    else:
        text = _("Someone else saved this mark in the meantime: it is now %(value)s (by %(who)s). Your value was not saved; check it and save again if it should change.") % {
            "value": formats.number_format(current.value, 2), "who": view["updated_by"] or "?"}
    return Refused(409, "conflict", text, current=view)


def save_mark(user, competitor_id: int, aspect_id: int, based_on: int, value=None, scores=None) -> tuple[Mark, bool]:
    """Save one mark on top of version `based_on` (0 for a first entry). Returns the mark and whether
    it changed; a retry of a save that already went through is recognised and changes nothing."""
    competitor = Competitor.objects.select_related("competition_skill__competition").filter(pk=competitor_id).first()
    if competitor is None:
        raise Refused(404, "not_found", _("No such competitor."))
    expert = require_expert(user, competitor.competition_skill_id)
    aspect = (
        Aspect.objects.select_related("sub_criterion__scheme")
        .filter(pk=aspect_id, sub_criterion__scheme__competition_skill_id=competitor.competition_skill_id)
        .first()
    )
    if aspect is None:
        raise Refused(404, "not_found", _("No such aspect in this skill's marking scheme."))
    if not expert.may_mark(competitor):
        raise Refused(403, "own_school", _("Experts do not mark competitors from their own school."))
    if not aspect.sub_criterion.scheme.locked:
        raise Refused(409, "scheme_not_locked", _("The marking scheme is not locked yet, so marking has not started."))
    spec = aspect.spec()
    try:
        if aspect.kind == marking.JUDGEMENT:
            if scores is None:
                raise marking.MarkingError("invalid_scores", "missing")
            scores = list(marking.check_judge_scores(scores))
            new_value = marking.judgement_mark(spec, scores)
        else:
            if value is None or value == "":
                raise marking.MarkingError("invalid_mark", "missing")
            new_value = marking.measurement_mark(spec, value)
            scores = None
    except marking.MarkingError as exc:
        if exc.code == "invalid_scores":
            text = _("Give each of the three judges' scores as a whole number from 0 to 3.")
        elif aspect.method == marking.FULL_OR_NONE:
            text = _("This aspect gives either 0 or %(max)s marks.") % {"max": aspect.max_mark}
        else:
            text = _("Give a mark from 0 to %(max)s with at most two decimals.") % {"max": aspect.max_mark}
        raise Refused(422, exc.code, text) from None
    if isinstance(based_on, bool) or not isinstance(based_on, int) or based_on < 0:
        raise Refused(422, "invalid_version", _("The version the change is based on is missing."))

    with transaction.atomic():
        # On PostgreSQL this row lock orders saves against a sign-off of the same skill.
        CompetitionSkill.objects.select_for_update().filter(pk=competitor.competition_skill_id).first()
        if SignOff.objects.filter(competition_skill_id=competitor.competition_skill_id, day=aspect.day).exists():
            raise Refused(409, "signed_off", _("The chief expert has signed off this day's marks; they can no longer be changed."))
        now = timezone.now()
        before = None
        if based_on == 0:
            try:
                with transaction.atomic():
                    mark = Mark.objects.create(
                        competitor=competitor, aspect=aspect, value=new_value, judge_scores=scores, version=1, updated_by=user
                    )
            except IntegrityError:
                mark = None
        else:
            old = Mark.objects.filter(competitor=competitor, aspect=aspect, version=based_on).first()
            rows = 0
            if old is not None:
                before = old.snapshot()
                rows = Mark.objects.filter(pk=old.pk, version=based_on).update(
                    value=new_value, judge_scores=scores, version=F("version") + 1, updated_by=user, updated_at=now
                )
            mark = Mark.objects.get(pk=old.pk) if rows else None
        if mark is None:
            current = _current(competitor.pk, aspect.pk)
            if (
                current is not None
                and current.version == based_on + 1
                and current.updated_by_id == user.pk
                and current.value == new_value
                and current.judge_scores == scores
            ):
                return current, False  # the same save arriving twice
            raise _conflict(current)
        MarkAudit.objects.create(mark=mark, user=user, before=before, after=mark.snapshot())
    return mark, True


def marks_of_skill(user, competition_skill_id: int) -> list[Mark]:
    require_expert(user, competition_skill_id)
    return list(
        Mark.objects.select_related("updated_by", "aspect", "competitor")
        .filter(competitor__competition_skill_id=competition_skill_id)
        .order_by("competitor__number", "aspect__code")
    )


# ---- sign-off and scheme lock -------------------------------------------------------------------


def scheme_days(competition_skill_id: int) -> list[int]:
    return sorted(
        set(Aspect.objects.filter(sub_criterion__scheme__competition_skill_id=competition_skill_id).values_list("day", flat=True))
    )


def sign_off(user, competition_skill_id: int, day: int) -> SignOff:
    expert = require_expert(user, competition_skill_id)
    if not expert.is_chief:
        raise Refused(403, "not_chief", _("Only the chief expert signs off the marks."))
    if day not in scheme_days(competition_skill_id):
        raise Refused(422, "invalid_day", _("No aspect of the marking scheme is marked on that day."))
    with transaction.atomic():
        CompetitionSkill.objects.select_for_update().filter(pk=competition_skill_id).first()
        try:
            with transaction.atomic():
                return SignOff.objects.create(competition_skill_id=competition_skill_id, day=day, signed_by=user)
        except IntegrityError:
            raise Refused(409, "signed_off", _("This day's marks are already signed off.")) from None


def _scheme_problem_text(code: str, details: dict) -> str:
    texts = {
        "no_sub_criteria": _("The scheme has no sub-criteria."),
        "empty_sub_criterion": _("Sub-criterion %(sub)s has no aspects."),
        "duplicate_aspect": _("The aspect code %(aspect)s is used twice."),
        "unknown_kind": _("Aspect %(aspect)s has an unknown kind."),
        "unknown_method": _("Aspect %(aspect)s has an unknown measurement method."),
        "bad_max_mark": _("Aspect %(aspect)s must be worth a positive mark with at most two decimals."),
        "bad_day": _("Aspect %(aspect)s must be marked on day 1 or later."),
        "total": _("The aspects add up to %(total)s marks, not 100."),
    }
    return texts[code] % details


def scheme_problem_texts(scheme: MarkingScheme) -> list[str]:
    """What stops a scheme from being locked, in the interface's language."""
    return [_scheme_problem_text(code, details) for code, details in marking.scheme_problem_codes(scheme.specs())]


def lock_scheme(scheme: MarkingScheme) -> list[str]:
    """Lock a scheme that adds up to 100; returns the problems (translated) instead when it does not."""
    problems = scheme_problem_texts(scheme)
    if not problems and not scheme.locked:
        scheme.locked_at = timezone.now()
        scheme.save(update_fields=["locked_at"])
    return problems


# ---- results ------------------------------------------------------------------------------------


@dataclass
class Row:
    competitor: Competitor
    raw: Decimal
    standardised: int
    rank: int
    medal: str | None


def skill_results(competition_skill: CompetitionSkill) -> list[Row]:
    competitors = list(competition_skill.competitors.select_related("school"))
    totals = dict(
        Mark.objects.filter(competitor__competition_skill=competition_skill)
        .values_list("competitor_id")
        .annotate(total=Sum("value"))
        .values_list("competitor_id", "total")
    )
    by_id = {c.pk: c for c in competitors}
    placed = marking.results((c.pk, Decimal(totals.get(c.pk) or 0)) for c in competitors)
    return [Row(by_id[p.key], marking.cents(p.raw), p.standardised, p.rank, p.medal) for p in placed]


def goes_to_final(competition_skill: CompetitionSkill, rows: list[Row]) -> set[int]:
    """For a semi-final: the competitors who go on to the final (marking.finalists: the best
    FINAL_PLACES by rank and everyone tied with the last of them). Empty for other competitions."""
    if competition_skill.competition.kind != Competition.SEMI_FINAL:
        return set()
    placings = [marking.Placing(r.competitor.pk, r.raw, r.standardised, r.rank, r.medal) for r in rows]
    return set(marking.finalists(placings))


def release(user, competition: Competition) -> None:
    if not manages(user, competition):
        raise Refused(403, "not_manager", _("Only the competition's managers release its results."))
    competition.results_released = True
    competition.released_at = timezone.now()
    competition.save(update_fields=["results_released", "released_at"])


# ---- marking scheme as a spreadsheet ------------------------------------------------------------


def export_scheme(scheme: MarkingScheme) -> bytes:
    from . import scheme_sheet

    rows = []
    for sub in scheme.sub_criteria.prefetch_related("aspects"):
        rows.append(scheme_sheet.SubCriterionRow(sub.code, sub.name_lv, sub.name_en, [
            scheme_sheet.AspectRow(a.code, a.kind, a.method, Decimal(a.max_mark), a.day, a.description_lv, a.description_en)
            for a in sub.aspects.all()
        ]))
    return scheme_sheet.write(rows)


def _sheet_problem(row: int, code: str, details: dict) -> str:
    texts = {
        "not_xlsx": _("The file is not an XLSX spreadsheet."),
        "missing_columns": _("The first row must name the columns; missing: %(columns)s."),
        "too_many_rows": _("The spreadsheet has more than %(max)s aspects."),
        "empty": _("The column %(column)s is empty."),
        "too_long": _("The text in column %(column)s is longer than %(max)s characters."),
        "kind": _("Unknown kind “%(value)s”: write measurement or judgement."),
        "method": _("Unknown method “%(value)s”: write full_or_none or deduction."),
        "max_mark": _("The maximum mark “%(value)s” must be a positive number with at most two decimals."),
        "day": _("The day “%(value)s” must be a whole number from 1 to 9."),
        "duplicate_aspect": _("The aspect code %(code)s is used twice."),
        "sub_criterion_names": _("Sub-criterion %(code)s has different names in different rows."),
        "empty_scheme": _("The spreadsheet has no aspects."),
        "total": _("The aspects add up to %(total)s marks, not 100."),
    }
    if code.startswith("scheme_"):
        text = _scheme_problem_text(code.removeprefix("scheme_"), details)
    else:
        text = texts[code] % details
    if row:
        return _("Row %(row)s: %(text)s") % {"row": row, "text": text}
    return text


def import_scheme(scheme: MarkingScheme, data: bytes) -> list[str]:
    """Replace a scheme's sub-criteria and aspects with those of an XLSX file. Returns the problems
    (row by row) instead, and changes nothing, when the file is not a valid scheme of 100 marks or the
    scheme is already locked."""
    from . import scheme_sheet

    if scheme.locked:
        return [_("The marking scheme is locked: marking has started, so it can no longer be changed.")]
    subs, problems = scheme_sheet.read(data)
    if problems:
        return [_sheet_problem(*p) for p in problems]
    with transaction.atomic():
        locked = MarkingScheme.objects.select_for_update().get(pk=scheme.pk)
        if locked.locked:
            return [_("The marking scheme is locked: marking has started, so it can no longer be changed.")]
        Aspect.objects.filter(sub_criterion__scheme=locked).delete()
        locked.sub_criteria.all().delete()
        for sub in subs:
            made = locked.sub_criteria.create(code=sub.code, name_lv=sub.name_lv, name_en=sub.name_en)
            for a in sub.aspects:
                Aspect.objects.create(
                    sub_criterion=made, code=a.code, kind=a.kind, method=a.method, max_mark=a.max_mark, day=a.day,
                    description_lv=a.description_lv, description_en=a.description_en,
                )
    return []
