"""JSON API routes of the competitions module, mounted under /api/v1/competitions/ by karjera.api.v1.

Marks need a signed-in expert (the session cookie of the site) and, for changes, the CSRF token in the
X-CSRFToken header. Errors are JSON {"error": code, "message": text}: 401 not signed in, 403 not an
expert of that skill / own school / CSRF, 404 no such object, 409 a stale version, a signed-off day or an
unlocked scheme (a stale version also returns the current mark), 422 a mark the scheme does not allow."""
from __future__ import annotations

from ninja import Router, Schema
from ninja.utils import check_csrf
from pydantic import ConfigDict, Field, StrictInt

from . import services
from .models import Competition, CompetitionSkill

router = Router(tags=["competitions"])

MAX_ID = 2**31 - 1


class Strict(Schema):
    model_config = ConfigDict(extra="forbid", strict=True)


class ErrorOut(Schema):
    error: str
    message: str


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


class MarkIn(Strict):
    competitor: StrictInt = Field(ge=1, le=MAX_ID)
    aspect: StrictInt = Field(ge=1, le=MAX_ID)
    based_on_version: StrictInt = Field(ge=0, le=MAX_ID, description="The version the change starts from; 0 for a first entry")
    value: str | None = Field(default=None, max_length=20, description="Measurement aspects: the mark, e.g. \"3.25\"")
    judge_scores: list[StrictInt] | None = Field(default=None, max_length=3, description="Judgement aspects: three scores 0-3")


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
    return exc.status, {"error": exc.code, "message": exc.message, **exc.details}


def _signed_in(request):
    if not request.user.is_authenticated:
        return 401, {"error": "unauthorized", "message": "Sign in as an expert first."}
    return None


@router.get(
    "/skills/{skill_id}/marks",
    response={200: list[MarkOut], 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="All marks of one skill in a competition (its experts only)",
)
def skill_marks(request, skill_id: int):
    if (denied := _signed_in(request)) is not None:
        return denied
    if not 1 <= skill_id <= MAX_ID or not CompetitionSkill.objects.filter(pk=skill_id).exists():
        return 404, {"error": "not_found", "message": "No such skill in a competition."}
    try:
        marks = services.marks_of_skill(request.user, skill_id)
    except services.Refused as exc:
        return _refusal(exc)
    return 200, [{"competitor": m.competitor_id, "aspect": m.aspect_id, **services.mark_view(m)} for m in marks]


@router.put(
    "/marks",
    response={200: MarkOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ConflictOut, 422: ErrorOut},
    summary="Save one mark on top of the version it was based on",
)
def put_mark(request, payload: MarkIn):
    if (denied := _signed_in(request)) is not None:
        return denied
    if check_csrf(request) is not None:
        return 403, {"error": "csrf", "message": "The CSRF token is missing or wrong."}
    try:
        mark, _changed = services.save_mark(
            request.user, payload.competitor, payload.aspect, payload.based_on_version,
            value=payload.value, scores=payload.judge_scores,
        )
    except services.Refused as exc:
        return _refusal(exc)
    return 200, {"competitor": mark.competitor_id, "aspect": mark.aspect_id, **services.mark_view(mark)}


@router.get(
    "/{slug}/results",
    response={200: list[SkillResultsOut], 404: ErrorOut},
    summary="Results of a competition, once released",
)
def competition_results(request, slug: str):
    competition = Competition.objects.filter(slug=slug).first()
    if competition is None or not services.results_visible(request.user, competition):
        return 404, {"error": "not_found", "message": "No released results for this competition."}
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
    return 200, out
