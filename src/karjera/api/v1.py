"""JSON API, version 1. The OpenAPI document is served at /api/openapi.json."""
from __future__ import annotations

from typing import Annotated, Literal

from django.conf import settings
from django.http import HttpResponse
from ninja import NinjaAPI, Query, Schema, Status
from ninja.errors import HttpError, ValidationError
from pydantic import Field

from karjera.api.schemas import ErrorOut, Strict, WholeNumber
from karjera.assessments import engine
from karjera.assessments.reports import report_pdf
from karjera.assessments.results import present
from karjera.core.ratelimit import client_address, hit
from karjera.monitoring import analytics
from karjera.occupations.models import FEATURED_SECTIONS, Occupation
from karjera.occupations.search import search

api = NinjaAPI(
    title="Karjera API",
    version="1",
    description="Career choice tests and the occupation catalogue. Errors are JSON: "
    '{"error": code, "message": text, ...details}.',
    openapi_url="/openapi.json",
    docs_url=None,
    urls_namespace="api",
)




def _error(request, status: int, code: str, message: str, **details):
    return api.create_response(request, {"error": code, "message": message, **details}, status=status)


@api.exception_handler(engine.EngineError)
def engine_error(request, exc: engine.EngineError):
    return _error(request, exc.status, exc.code, exc.message, **exc.details)


@api.exception_handler(ValidationError)
def validation_error(request, exc: ValidationError):
    problems = []
    for err in exc.errors:
        where = ".".join(str(p) for p in err.get("loc", []) if p not in ("body", "payload"))
        problems.append({"field": where, "message": err.get("msg", "invalid")})
    text = "; ".join(f"{p['field']}: {p['message']}" for p in problems) or "Invalid request."
    return _error(request, 422, "invalid", text, problems=problems)


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    return _error(request, exc.status_code, "error", str(exc))


@api.get("/v1/ping", response={200: dict[str, bool]}, tags=["service"])
def ping(request):
    """The cheapest request the stack can answer: the ceiling the benchmarks compare against."""
    return {"ok": True}


# ---- instruments and sessions -------------------------------------------------------------------


class InstrumentOut(Schema):
    slug: str
    name: str
    summary: str
    item_count: int
    minutes: int
    version: str
    modes: list[Literal["fixed", "adaptive"]]


@api.get("/v1/instruments", response={200: list[InstrumentOut], 422: ErrorOut}, tags=["tests"])
def list_instruments(request, language: Literal["lv", "en"] = "lv"):
    return [
        {
            "slug": i.slug,
            "name": i.text("name", language),
            "summary": i.text("summary", language),
            "item_count": len(i.items),
            "minutes": i.minutes,
            "version": i.version,
            "modes": ["fixed", "adaptive"] if i.adaptive else ["fixed"],
        }
        for i in engine.available().values()
    ]


class SessionIn(Strict):
    instrument: str = Field(max_length=40)
    language: Literal["lv", "en"] = "lv"
    mode: Literal["fixed", "adaptive"] = Field(
        "fixed", description="adaptive: each next task is chosen from the answers so far (GET next-item)"
    )


class OptionOut(Schema):
    value: int
    label: str
    svg: str | None = None


class StatementOut(Schema):
    id: str
    text: str


class ItemOut(Schema):
    id: str
    text: str
    options: list[OptionOut]
    statements: list[StatementOut] | None = None
    figure: str | None = None


class SessionCreatedOut(Schema):
    id: str
    resume_code: str
    instrument: str
    version: str
    language: str
    mode: Literal["fixed", "adaptive"]
    item_count: int
    items: list[ItemOut]


class SessionOut(Schema):
    id: str
    instrument: str
    version: str
    language: str
    status: Literal["in_progress", "completed"]
    mode: Literal["fixed", "adaptive"]
    answered: int
    item_count: int
    answers: dict[str, int]


class AnswerIn(Strict):
    value: WholeNumber


class AnswerOut(Schema):
    item_id: str
    value: int
    answered: int
    item_count: int


def _mode(session) -> str:
    return "adaptive" if engine.is_adaptive(session) else "fixed"


def _item(session, it: dict, language: str) -> dict:
    """One item with its options; a best-worst screen also lists its statements, and each option
    value stands for one (most important, least important) pair of them."""
    instrument = session.instrument
    item = {"id": it["id"], "text": it["text"][language], "options": instrument.options_for(it, language, seed=session.id)}
    if instrument.scoring == "irt" and "subtest" in it:
        generated = instrument.generated(it, session.id)
        item["text"] = generated.prompt[language]
        item["figure"] = generated.stem_svg or None
    if instrument.is_best_worst:
        item["statements"] = [
            {"id": s, "text": instrument.statement_index[s]["text"][language]} for s in it["statements"]
        ]
    return item


def _items(session, language: str) -> list[dict]:
    return [_item(session, it, language) for it in engine.session_items(session)]


@api.post(
    "/v1/sessions",
    response={201: SessionCreatedOut, 400: ErrorOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut, 503: ErrorOut},
    tags=["tests"],
)
def create_session(request, payload: SessionIn):
    if not hit("session", client_address(request), settings.SESSION_CREATE_RATE_LIMIT, settings.SESSION_CREATE_RATE_WINDOW):
        return _error(request, 429, "rate_limited", "Too many new tests from this address; wait a few minutes.")
    session = engine.create_session(payload.instrument, payload.language, payload.mode)
    analytics.record(request, "session_started", payload.instrument)
    return Status(201, {
        "id": session.id,
        "resume_code": session.display_code,
        "instrument": session.instrument.slug,
        "version": session.instrument.version,
        "language": session.language,
        "mode": _mode(session),
        "item_count": engine.item_total(session),
        "items": _items(session, session.language),
    })


@api.get("/v1/sessions/{session_id}", response={200: SessionOut, 404: ErrorOut, 422: ErrorOut}, tags=["tests"])
def get_session(request, session_id: str):
    session = engine.get_session(session_id)
    answers = engine.answers_of(session)
    return {
        "id": session.id,
        "instrument": session.instrument.slug,
        "version": session.instrument.version,
        "language": session.language,
        "status": session.status,
        "mode": _mode(session),
        "answered": len(answers),
        "item_count": engine.item_total(session),
        "answers": answers,
    }


class NextItemOut(Schema):
    """The first item still to answer; in the adaptive mode it is chosen when asked for."""

    done: bool
    number: int | None
    answered: int
    item_count: int
    item: ItemOut | None


@api.get(
    "/v1/sessions/{session_id}/next-item",
    response={200: NextItemOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    tags=["tests"],
)
def next_item(request, session_id: str, language: Literal["lv", "en"] | None = None):
    session = engine.get_session(session_id)
    if session.is_completed:
        raise engine.Conflict("This test is already finished.")
    answers = engine.answers_of(session)
    missing = set(engine.missing_items(session, answers))
    items = engine.session_items(session)
    number = next((n for n, it in enumerate(items, start=1) if it["id"] in missing), None)
    return {
        "done": number is None,
        "number": number,
        "answered": len(answers),
        "item_count": engine.item_total(session),
        "item": _item(session, items[number - 1], language or session.language) if number else None,
    }


@api.put(
    "/v1/sessions/{session_id}/answers/{item_id}",
    response={200: AnswerOut, 400: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    tags=["tests"],
)
def put_answer(request, session_id: str, item_id: str, payload: AnswerIn):
    value = int(payload.value)
    answered, total = engine.save_answer(session_id, item_id, value)
    return {"item_id": item_id, "value": value, "answered": answered, "item_count": total}


class FavouriteIn(Strict):
    card: str = Field(max_length=16)
    reasons: list[Annotated[str, Field(max_length=20)]] = Field(default_factory=list, max_length=12)


class FavouritesIn(Strict):
    favourites: list[FavouriteIn] = Field(max_length=10)


class FavouritesOut(Schema):
    favourites: list[dict]


@api.put(
    "/v1/sessions/{session_id}/favourites",
    response={200: FavouritesOut, 400: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    tags=["tests"],
)
def put_favourites(request, session_id: str, payload: FavouritesIn):
    """Card sort: up to five liked cards as favourites, each with the reasons chosen."""
    saved = engine.save_favourites(session_id, [f.model_dump() for f in payload.favourites])
    return {"favourites": saved}


class OccupationMatchOut(Schema):
    id: str
    esco_uri: str
    name: str
    fit: str
    correlation: float
    job_zone: int | None
    reasons: list[str]


class FlagOut(Schema):
    flag: str
    text: str


class FieldOut(Schema):
    code: str
    name: str
    percent: int


class ValueOut(Schema):
    score: float
    low: float
    high: float


class ResultOut(Schema):
    """A test's result. `scores` and `code` exist for every test; the other groups of fields belong to
    the interest test (RIASEC) or to the values test (best-worst) and are null for the other."""

    instrument: str
    version: str
    language: str
    scores: dict[str, float]
    code: str
    flags: list[str]
    flag_texts: list[FlagOut]
    occupations: list[OccupationMatchOut]
    max_scores: dict[str, int] | None = None
    ties: list[str] | None = None
    elevation: float | None = None
    elevation_level: str | None = None
    differentiation: float | None = None
    differentiation_level: str | None = None
    consistency: str | None = None
    fields: list[FieldOut] | None = None
    interpretation: str | None = None
    values: dict[str, ValueOut] | None = None
    value_order: list[str] | None = None
    choice_consistency: float | None = None
    liked: list[str] | None = None
    abilities: dict[str, dict] | None = None
    norms: str | None = None
    late: list[str] | None = None
    counts: dict[str, int] | None = None


def _result(session, language: str | None) -> dict:
    if not session.is_completed:
        raise engine.Conflict("The test is not finished yet.")
    view = present(session, language)
    if view["method"] == "irt":
        result = session.result
        return {
            "instrument": view["instrument"]["slug"],
            "version": view["instrument"]["version"],
            "language": view["language"],
            "scores": {c: a["theta"] for c, a in result["abilities"].items()},
            "code": result["order"][0],
            "flags": view["flag_codes"],
            "flag_texts": view["flags"],
            "abilities": result["abilities"],
            "norms": result["norms"],
            "late": result["late"],
            "occupations": [],
        }
    if view["method"] == "card_sort":
        result = session.result
        return {
            "instrument": view["instrument"]["slug"],
            "version": view["instrument"]["version"],
            "language": view["language"],
            "scores": result["riasec_lift"] or {},
            "code": result["code"],
            "flags": view["flag_codes"],
            "flag_texts": view["flags"],
            "liked": result["liked"],
            "counts": result["counts"],
            "occupations": [{**o, "correlation": o["r"]} for o in view["occupations"]],
        }
    if view["method"] == "best_worst":
        result = session.result
        return {
            "instrument": view["instrument"]["slug"],
            "version": view["instrument"]["version"],
            "language": view["language"],
            "scores": result["profile"],
            "code": result["order"][0],
            "flags": view["flag_codes"],
            "flag_texts": view["flags"],
            "values": result["values"],
            "value_order": result["order"],
            "choice_consistency": result["consistency"],
            "occupations": [{**o, "correlation": o["r"]} for o in view["occupations"]],
        }
    return {
        "instrument": view["instrument"]["slug"],
        "version": view["instrument"]["version"],
        "language": view["language"],
        "scores": view["scores"],
        "max_scores": session.result["max_scores"],
        "code": view["code"],
        "ties": view["ties"],
        "flags": view["flag_codes"],
        "flag_texts": view["flags"],
        "elevation": view["elevation"],
        "elevation_level": view["elevation_level"],
        "differentiation": view["differentiation"],
        "differentiation_level": view["differentiation_level"],
        "consistency": view["consistency"],
        "fields": view["fields"],
        "interpretation": " ".join(filter(None, [view["pair_text"], view["third_text"]])),
        "occupations": [{**o, "correlation": o["r"]} for o in view["occupations"]],
    }


@api.post("/v1/sessions/{session_id}/complete", response={200: ResultOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}, tags=["tests"])
def complete_session(request, session_id: str):
    session = engine.complete(session_id)
    if session.completed_now:
        analytics.record(request, "session_completed", session.instrument.slug)
    return _result(session, None)


@api.get("/v1/sessions/{session_id}/result", response={200: ResultOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}, tags=["tests"])
def get_result(request, session_id: str, language: Literal["lv", "en"] | None = None):
    return _result(engine.get_session(session_id), language)


@api.get(
    "/v1/sessions/{session_id}/report.pdf",
    response={200: None, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    openapi_extra={"responses": {"200": {"description": "The PDF report", "content": {"application/pdf": {}}}}},
    tags=["tests"],
)
def get_report(request, session_id: str, language: Literal["lv", "en"] | None = None):
    session = engine.get_session(session_id)
    if not session.is_completed:
        raise engine.Conflict("The test is not finished yet.")
    return report_pdf(session, language or session.language)


class ResumeIn(Strict):
    code: str = Field(max_length=20)


class ResumeOut(Schema):
    id: str
    status: str
    instrument: str


@api.post("/v1/resume", response={200: ResumeOut, 400: ErrorOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut}, tags=["tests"])
def resume(request, payload: ResumeIn):
    if not hit("resume", client_address(request), settings.RESUME_RATE_LIMIT, settings.RESUME_RATE_WINDOW):
        return _error(request, 429, "rate_limited", "Too many attempts; wait a few minutes and try again.")
    session = engine.find_by_resume_code(payload.code)
    return {"id": session.id, "status": session.status, "instrument": session.instrument.slug}


@api.get("/v1/sessions/{session_id}/export", response={200: dict, 404: ErrorOut, 422: ErrorOut}, tags=["tests"])
def export_session(request, session_id: str):
    """Everything stored about one session: answers with their times, choices, timing and the result."""
    return engine.export(session_id)


@api.delete("/v1/sessions/{session_id}", response={204: None, 404: ErrorOut, 422: ErrorOut}, tags=["tests"])
def delete_session(request, session_id: str):
    engine.delete(session_id)
    return Status(204, None)


# ---- occupations --------------------------------------------------------------------------------


class OccupationOut(Schema):
    id: str
    esco_uri: str
    isco: str
    pk_codes: list[str]
    name_lv: str
    name_en: str


class OccupationListOut(Schema):
    items: list[OccupationOut]
    count: int


class OnetCodeOut(Schema):
    code: str
    title: str
    match: str


class RiasecSourceOut(Schema):
    tier: str
    codes: list[OnetCodeOut]


class RelatedOut(Schema):
    id: str
    name_lv: str
    name_en: str


class TextOut(Schema):
    lv: str
    en: str


class FeaturedOut(Schema):
    name: TextOut
    skills_latvia: str | None
    sections: dict[str, TextOut]


class OccupationDetailOut(OccupationOut):
    alt_lv: list[str]
    alt_en: list[str]
    riasec: dict[str, float] | None
    riasec_source: RiasecSourceOut | None
    job_zone: int | None
    work_values: dict[str, float] | None
    related: list[RelatedOut]
    featured: FeaturedOut | None


def _occupation(occ: Occupation) -> dict:
    return {
        "id": occ.id,
        "esco_uri": occ.esco_uri,
        "isco": occ.isco,
        "pk_codes": [p["code"] for p in occ.pk_codes],
        "name_lv": occ.name_lv,
        "name_en": occ.name_en,
    }


@api.get("/v1/occupations", response={200: OccupationListOut, 422: ErrorOut}, tags=["occupations"])
def list_occupations(request, q: str = Query("", max_length=200), limit: int = Query(20, ge=1, le=100)):
    items, count = search(q, limit)
    return {"items": [_occupation(o) for o in items], "count": count}


@api.get("/v1/occupations/{occupation_id}", response={200: OccupationDetailOut, 404: ErrorOut, 422: ErrorOut}, tags=["occupations"])
def get_occupation(request, occupation_id: str):
    occ = Occupation.objects.select_related("featured").filter(pk=occupation_id[:40]).first()
    if occ is None:
        raise engine.NotFound("No such occupation.")
    related = Occupation.objects.in_bulk(occ.related)
    featured = getattr(occ, "featured", None)
    return {
        **_occupation(occ),
        "alt_lv": occ.alt_lv,
        "alt_en": occ.alt_en,
        "riasec": occ.riasec,
        "riasec_source": occ.onet_source if occ.riasec else None,
        "job_zone": occ.job_zone,
        "work_values": occ.work_values,
        "related": [
            {"id": i, "name_lv": related[i].name_lv, "name_en": related[i].name_en} for i in occ.related if i in related
        ],
        "featured": None
        if featured is None
        else {
            "name": {"lv": featured.name_lv, "en": featured.name_en},
            "skills_latvia": featured.skills_latvia or None,
            "sections": {
                part: {"lv": featured.section(part, "lv"), "en": featured.section(part, "en")}
                for part in FEATURED_SECTIONS
            },
        },
    }


# ---- education ----------------------------------------------------------------------------------


CeSubject = Literal[
    "latvian", "mathematics", "english", "german", "french", "russian", "physics", "chemistry", "biology",
    "natural_sciences", "informatics", "history", "geography", "economics", "literature",
]


class ExamIn(Strict):
    subject: CeSubject
    level: Literal["higher", "optimal", "general"]
    percent: float = Field(ge=0, le=100)
    year: Annotated[float, Field(ge=2000, le=2100, multiple_of=1)] = 2025


class EvaluateIn(Strict):
    exams: list[ExamIn] = Field(max_length=12)
    grades: list[Annotated[float, Field(ge=1, le=10, multiple_of=1)]] = Field(default_factory=list, max_length=40)
    entrance_tests: dict[str, Annotated[float, Field(ge=0, le=1000)]] = Field(default_factory=dict, max_length=10)


class BreakdownOut(Schema):
    term: str
    subject: str
    percent: float | None
    level: str
    level_coefficient: float
    weight: float
    points: float
    note: str


class EvaluationOut(Schema):
    programme_id: int
    code: str
    name: str
    institution: str
    municipality: str
    demo: bool
    eligible: bool
    eligible_state_funded: bool
    score: float
    margin_state_funded: float | None
    margin_paid: float | None
    breakdown: list[BreakdownOut]
    reasons: list[str]


class EvaluateOut(Schema):
    eligible: list[EvaluationOut]
    ineligible: list[EvaluationOut]


def _evaluation(row: dict) -> dict:
    return {**row, "programme_id": row["id"], "breakdown": [{**b, "term": str(b["term"]), "note": str(b["note"])} for b in row["breakdown"]]}


@api.post("/v1/admission/evaluate", response={200: EvaluateOut, 400: ErrorOut, 422: ErrorOut}, tags=["education"])
def admission_evaluate(request, payload: EvaluateIn, language: Literal["lv", "en"] = "lv"):
    """Every programme with an admission rule: eligibility, competition score and its breakdown."""
    from django.utils import translation

    from karjera.education import calculator

    with translation.override(language):
        try:
            pupil = calculator.make_pupil(
                [{**e.model_dump(), "year": int(e.year)} for e in payload.exams],
                [int(g) for g in payload.grades],
                dict(payload.entrance_tests),
            )
        except calculator.InputError as exc:
            return _error(request, 422, "invalid", str(exc), problems=[{"field": k, "message": v} for k, v in exc.errors.items()])
        result = calculator.run(pupil, language)
    return {"eligible": [_evaluation(r) for r in result["eligible"]], "ineligible": [_evaluation(r) for r in result["ineligible"]]}


class ProgrammeOut(Schema):
    id: int
    code: str
    name_lv: str
    name_en: str
    institution: str
    municipality: str
    kind: str
    lqf_level: int
    isced_field: str
    entry: str
    languages: list[str]
    demo: bool


class ProgrammeListOut(Schema):
    items: list[ProgrammeOut]
    count: int


@api.get("/v1/programmes", response={200: ProgrammeListOut, 422: ErrorOut}, tags=["education"])
def list_programmes(request, q: str = Query("", max_length=200), limit: int = Query(20, ge=1, le=100)):
    from django.db.models import Q

    from karjera.core.text import tokens
    from karjera.education.models import Programme

    qs = Programme.objects.select_related("institution__municipality").order_by("name_lv")
    for word in tokens(q):
        qs = qs.filter(Q(search_text__contains=" " + word) | Q(code__startswith=word))
    return {
        "count": qs.count(),
        "items": [
            {
                "id": p.pk, "code": p.code, "name_lv": p.name_lv, "name_en": p.name_en,
                "institution": p.institution.name_lv, "municipality": p.institution.municipality.name_lv,
                "kind": p.kind, "lqf_level": p.lqf_level, "isced_field": p.isced_field, "entry": p.entry,
                "languages": p.languages, "demo": p.institution.demo,
            }
            for p in qs[:limit]
        ],
    }


# ---- module routers ------------------------------------------------------------------------------
# Each module keeps its API beside its models; they are mounted here so that one OpenAPI document
# describes the whole service.
from karjera.competitions.api import router as competitions_router  # noqa: E402
from karjera.counselling.api import router as counselling_router  # noqa: E402
from karjera.excursions.api import router as excursions_router  # noqa: E402
from karjera.game.api import router as game_router  # noqa: E402
from karjera.monitoring.api import router as monitoring_router  # noqa: E402

api.add_router("/v1/counselling/", counselling_router)
api.add_router("/v1/competitions/", competitions_router)
api.add_router("/v1/monitoring/", monitoring_router)
api.add_router("/v1/excursions/", excursions_router)
api.add_router("/v1/game/", game_router)
