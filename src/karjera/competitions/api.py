"""JSON API routes of the competitions module, mounted under /api/v1/competitions/ by karjera.api.v1.

Marks need a signed-in expert (the session cookie of the site) and, for changes, the CSRF token in the
X-CSRFToken header. Errors are JSON {"error": code, "message": text}: 401 not signed in, 403 not an
expert of that skill / own school / CSRF, 404 no such object, 409 a stale version, a signed-off day or an
unlocked scheme (a stale version also returns the current mark), 422 a mark the scheme does not allow
or a malformed request, 400 a body that is not JSON."""
from __future__ import annotations


from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.utils import check_csrf
from pydantic import Field

from karjera.api.schemas import ErrorOut, Strict, whole

from . import services
from .models import Competition, CompetitionSkill

router = Router(tags=["competitions"])

MAX_ID = 2**31 - 1


class MarkOut(Schema):
    competitor: int
    aspect: int
    value: str | None
    judge_scores: list[int] | None
    version: int
    updated_by: str | None
    updated_at: str | None
    flag: bool = Field(description="Judges more than one point apart")


class ConflictOut(ErrorOut):
    current: dict | None = None


# JSON does not tell 3 from 3.0 (nor do some tablets' clients), so ids are whole numbers, not ints.
Id = whole(ge=1, le=MAX_ID)
JudgeScore = whole(ge=0, le=3)


class MarkIn(Strict):
    competitor: Id
    aspect: Id
    based_on_version: whole(ge=0, le=MAX_ID) = Field(
        description="The version the change starts from; 0 for a first entry")
    value: str | None = Field(default=None, max_length=20, description="Measurement aspects: the mark, e.g. \"3.25\"")
    judge_scores: list[JudgeScore] | None = Field(default=None, max_length=3, description="Judgement aspects: three scores 0-3")


class ResultOut(Schema):
    number: int
    name: str
    school: str
    raw: str
    standardised: int
    rank: int
    medal: str | None


class SkillResultsOut(Schema):
    skill: str
    results: list[ResultOut]


def _refusal(exc: services.Refused):
    return Status(exc.status, {"error": exc.code, "message": exc.message, **exc.details})


def _signed_in(request):
    if not request.user.is_authenticated:
        return Status(401, {"error": "unauthorized", "message": _("Sign in as an expert first.")})
    return None


@router.get(
    "/skills/{skill_id}/marks",
    response={200: list[MarkOut], 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="All marks of one skill in a competition (its experts only)",
)
def skill_marks(request, skill_id: int):
    if (denied := _signed_in(request)) is not None:
        return denied
    if not 1 <= skill_id <= MAX_ID or not CompetitionSkill.objects.filter(pk=skill_id).exists():
        return Status(404, {"error": "not_found", "message": _("No such skill in a competition.")})
    try:
        marks = services.marks_of_skill(request.user, skill_id)
    except services.Refused as exc:
        return _refusal(exc)
    return Status(200, [{"competitor": m.competitor_id, "aspect": m.aspect_id, **services.mark_view(m)} for m in marks])


@router.put(
    "/marks",
    response={200: MarkOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ConflictOut, 422: ErrorOut},
    summary="Save one mark on top of the version it was based on",
)
def put_mark(request, payload: MarkIn):
    if (denied := _signed_in(request)) is not None:
        return denied
    if check_csrf(request) is not None:
        return Status(403, {"error": "csrf", "message": _("The CSRF token is missing or wrong.")})
    try:
        mark, _changed = services.save_mark(
            request.user, int(payload.competitor), int(payload.aspect), int(payload.based_on_version),
            value=payload.value, scores=None if payload.judge_scores is None else [int(s) for s in payload.judge_scores],
        )
    except services.Refused as exc:
        return _refusal(exc)
    return Status(200, {"competitor": mark.competitor_id, "aspect": mark.aspect_id, **services.mark_view(mark)})


@router.get(
    "/{slug}/results",
    response={200: list[SkillResultsOut], 404: ErrorOut, 422: ErrorOut},
    summary="Results of a competition, once released",
)
def competition_results(request, slug: str):
    competition = Competition.objects.filter(slug=slug).first()
    if competition is None or not services.results_visible(request.user, competition):
        return Status(404, {"error": "not_found", "message": _("No released results for this competition.")})
    language = getattr(request, "LANGUAGE_CODE", "lv")
    out = []
    for cs in competition.skills.select_related("skill"):
        out.append(
            {
                "skill": cs.skill.name(language),
                "results": [
                    {
                        "number": r.competitor.number,
                        "name": r.competitor.full_name,
                        "school": r.competitor.school.name(language),
                        "raw": str(r.raw),
                        "standardised": r.standardised,
                        "rank": r.rank,
                        "medal": r.medal,
                    }
                    for r in services.skill_results(cs)
                ],
            }
        )
    return Status(200, out)
