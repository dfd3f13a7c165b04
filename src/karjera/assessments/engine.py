"""The assessment engine's shell: sessions, answers and completion on top of the pure core.

Both the JSON API and the HTML pages call these functions, so the rules (validation, idempotency,
no changes after completion) live in one place.
"""
from __future__ import annotations

import hashlib
import json
from datetime import datetime, timedelta
from functools import lru_cache

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from . import definitions
from .models import Answer, InstrumentVersion, ItemCalibration, TestSession, normalise_resume_code
from .scoring import score


class EngineError(Exception):
    status = 400
    code = "bad_request"

    def __init__(self, message: str, **details):
        super().__init__(message)
        self.message = message
        self.details = details


class NotFound(EngineError):
    status = 404
    code = "not_found"


class Conflict(EngineError):
    status = 409
    code = "conflict"


class Unavailable(EngineError):
    """The test's definition file is inconsistent with what sessions were taken with."""

    status = 503
    code = "unavailable"


class Invalid(EngineError):
    status = 422
    code = "invalid"


ORDER = ("interests", "values", "abilities", "career_options")  # as the programme presents them


@lru_cache(maxsize=1)
def _files() -> dict[str, definitions.Instrument]:
    found = definitions.latest()
    slugs = sorted(found, key=lambda s: (ORDER.index(s) if s in ORDER else len(ORDER), s))
    return {slug: found[slug] for slug in slugs}


def available() -> dict[str, definitions.Instrument]:
    return _files()


def _checksum(data: dict) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def current_version(slug: str) -> InstrumentVersion:
    """The newest file version of an instrument, frozen in the database on first use."""
    instrument = available().get(slug)
    if instrument is None:
        raise NotFound(f"No test called {slug!r}.", instrument=slug)
    checksum = _checksum(instrument.data)
    row = InstrumentVersion.objects.filter(slug=slug, version=instrument.version).defer("definition").first()
    if row is None:
        try:
            with transaction.atomic():
                row = InstrumentVersion.objects.create(
                    slug=slug, version=instrument.version, definition=instrument.data, checksum=checksum
                )
        except IntegrityError:
            row = InstrumentVersion.objects.get(slug=slug, version=instrument.version)
    if row.checksum != checksum:
        if not row.sessions.exists():  # nobody has taken this version yet: refresh the frozen copy
            row.definition, row.checksum = instrument.data, checksum
            row.save(update_fields=["definition", "checksum"])
            return row
        raise Unavailable(
            f"{slug}/{instrument.version}.yaml changed after sessions were taken with it; give it a new version",
            instrument=slug,
        )
    return row


MODES = ("fixed", "adaptive")


def create_session(slug: str, language: str, mode: str = "fixed") -> TestSession:
    if language not in definitions.LANGUAGES:
        raise Invalid(f"Language must be one of {', '.join(definitions.LANGUAGES)}.", field="language")
    if mode not in MODES:
        raise Invalid(f"Mode must be one of {', '.join(MODES)}.", field="mode")
    version = current_version(slug)
    if mode == "adaptive" and not version.instrument.adaptive:
        raise Invalid("This test has no adaptive version.", field="mode")
    choices = {"mode": "adaptive", "given": {}} if mode == "adaptive" else {}
    for _ in range(5):  # resume codes are random; retry on the rare collision
        try:
            with transaction.atomic():
                return TestSession.objects.create(instrument_version=version, language=language, choices=choices)
        except IntegrityError:
            continue
    raise Conflict("Could not allocate a resume code; try again.")


def get_session(session_id: str) -> TestSession:
    session = (
        TestSession.objects.select_related("instrument_version")
        .defer("instrument_version__definition", "result")
        .filter(pk=str(session_id)[:64])
        .first()
    )
    if session is None:
        raise NotFound("No such test session. It may have been deleted.")
    return session


def answers_of(session: TestSession) -> dict[str, int]:
    return dict(session.answers.values_list("item_id", "value"))


# ---- the adaptive mode ---------------------------------------------------------------------------
# An adaptive session stores which pool positions it was given, per subtest, in choices["given"], so
# that its list of items never changes behind the pupil's back (not even when `calibrate` runs).


def is_adaptive(session: TestSession) -> bool:
    return (session.choices or {}).get("mode") == "adaptive"


def session_items(session: TestSession) -> list[dict]:
    """The items this session has: all of the test's, or for an adaptive one those given so far."""
    instrument = session.instrument
    if not is_adaptive(session):
        return instrument.items
    given = (session.choices or {}).get("given", {})
    return [
        *instrument.data["items"],
        *(instrument.slot(st["code"], p) for st in instrument.data["subtests"] for p in given.get(st["code"], [])),
    ]


def item_total(session: TestSession) -> int:
    """How many items the session has at most (the adaptive mode may stop a part earlier)."""
    instrument = session.instrument
    if not is_adaptive(session):
        return len(instrument.items)
    return len(instrument.data["items"]) + sum(
        st.get("adaptive", {}).get("max_items", st["items"]) for st in instrument.data["subtests"]
    )


def session_minutes(session: TestSession) -> int:
    return session.instrument.adaptive["minutes"] if is_adaptive(session) else session.instrument.minutes


def _calibration(instrument) -> dict[tuple[str, int], tuple[float, float]]:
    return {
        (c.subtest, c.position): (c.a, c.b)
        for c in ItemCalibration.objects.filter(slug=instrument.slug, version=instrument.version)
    }


@lru_cache(maxsize=2048)
def _generated_pool(instrument_key: tuple, seed: str, subtest: str):
    instrument = _instruments_by_key[instrument_key]
    st = instrument.subtest(subtest)
    size = st.get("adaptive", {}).get("pool", st["items"])
    return tuple(instrument.generated(instrument.slot(subtest, p), seed) for p in range(size))


_instruments_by_key: dict[tuple, definitions.Instrument] = {}


def _pool(session: TestSession, subtest: str, calibration: dict):
    """The session's generated pool of one subtest: (2PL items for selection, keys)."""
    from .scoring.irt import Item

    instrument = session.instrument
    key = (instrument.slug, instrument.version, session.instrument_version.checksum)
    _instruments_by_key[key] = instrument
    generated = _generated_pool(key, session.id, subtest)
    items = [Item(*calibration.get((subtest, p), (g.a, g.b))) for p, g in enumerate(generated)]
    return items, [g.key for g in generated]


def _subtest_over(session: TestSession, st: dict, now) -> bool:
    from .scoring.abilities import is_late

    started = (session.timing or {}).get(st["code"])
    return started is not None and is_late(now, datetime.fromisoformat(started), st["seconds"])


def advance(session: TestSession) -> None:
    """Give an adaptive session its next task once everything given so far is answered (or its part's
    time is up). Safe to call again: the choice is seeded, and nothing changes while a task is open."""
    from .scoring.abilities import is_late
    from .scoring.adaptive import next_position, step_rng

    if not is_adaptive(session) or session.is_completed:
        return
    instrument = session.instrument
    settings = instrument.adaptive
    with transaction.atomic():
        fresh = TestSession.objects.select_for_update(of=("self",)).only("id", "choices", "timing", "status").get(pk=session.pk)
        session.choices, session.timing = fresh.choices, fresh.timing
        if fresh.status != TestSession.IN_PROGRESS:
            return
        answers = dict(fresh.answers.values_list("item_id", "value"))
        answered_at = dict(fresh.answers.values_list("item_id", "answered_at"))
        if any(item["id"] not in answers for item in instrument.data["items"]):
            return  # the pupil's own estimates come first
        given = {code: list(p) for code, p in (fresh.choices or {}).get("given", {}).items()}
        now = timezone.now()
        calibration = None
        for st in instrument.data["subtests"]:
            code, rule = st["code"], st.get("adaptive")
            positions = given.get(code)
            if positions is not None and _subtest_over(fresh, st, now):
                continue
            if positions is not None and any(instrument.slot(code, p)["id"] not in answers for p in positions):
                return  # a task is open
            if rule is None:
                if positions is None:
                    given[code] = list(range(st["items"]))
                    break
                continue
            calibration = _calibration(instrument) if calibration is None else calibration
            pool, keys = _pool(fresh, code, calibration)
            positions = positions or []
            started = (fresh.timing or {}).get(code)
            started = datetime.fromisoformat(started) if started else None
            responses = {
                p: int(answers[slot_id] == keys[p])
                for p in positions
                if not is_late(answered_at[slot_id := instrument.slot(code, p)["id"]], started, st["seconds"])
            }
            nxt = next_position(pool, positions, responses, rule, settings["top"], step_rng(fresh.id, code, len(positions)))
            if nxt is None:
                continue
            given[code] = [*positions, nxt]
            break
        else:
            return  # every part is done
        choices = {**(fresh.choices or {}), "given": given}
        TestSession.objects.filter(pk=session.pk).update(choices=choices)
        session.choices = choices


def check_value(session: TestSession, item_id: str, value: object) -> int:
    instrument = session.instrument
    if is_adaptive(session):
        if item_id not in instrument.pool_index:
            raise NotFound(f"The test has no item {item_id!r}.", item=item_id)
        if item_id not in {item["id"] for item in session_items(session)}:
            raise Conflict("This task has not been given to you yet; ask for the next task first.", item=item_id)
        item = instrument.pool_index[item_id]
    elif item_id not in instrument.item_index:
        raise NotFound(f"The test has no item {item_id!r}.", item=item_id)
    else:
        item = instrument.item_index[item_id]
    return _checked(instrument, item, value)


def _checked(instrument, item: dict, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid("The answer must be a whole number.", field="value")
    accepted = instrument.values_for(item)
    if value not in accepted:
        allowed = sorted(accepted)
        raise Invalid(
            f"The answer must be one of {', '.join(map(str, allowed))}.", field="value", allowed=allowed
        )
    return value


def start_subtest(session: TestSession, item: dict) -> None:
    """Start a timed subtest's clock the first time one of its items is shown or answered."""
    subtest = item.get("subtest")
    if not subtest or subtest in (session.timing or {}):
        return
    with transaction.atomic():
        fresh = TestSession.objects.select_for_update(of=("self",)).only("id", "timing").get(pk=session.pk)
        timing = dict(fresh.timing or {})
        if subtest not in timing:
            timing[subtest] = timezone.now().isoformat()
            TestSession.objects.filter(pk=session.pk).update(timing=timing)
        session.timing = timing


def subtest_deadline(session: TestSession, subtest: str):
    started = (session.timing or {}).get(subtest)
    if not started:
        return None
    return datetime.fromisoformat(started) + timedelta(seconds=session.instrument.subtest(subtest)["seconds"])


# The answer save is the hottest path of a class rush: a session's instrument version never changes, so
# it is remembered per process, and the write is one statement on PostgreSQL (two on SQLite) whose
# conditional update of the session row refuses completed sessions and holds the row until the answer is
# written, so that completion cannot slip in between.
_session_versions: dict[str, tuple[int, str]] = {}

_SAVE_POSTGRES = """
WITH s AS (
    UPDATE assessments_testsession SET updated_at = %(now)s
    WHERE id = %(sid)s AND status = 'in_progress' RETURNING id
), saved AS (
    INSERT INTO assessments_answer (session_id, item_id, value, answered_at)
    SELECT id, %(item)s, %(value)s, %(now)s FROM s
    ON CONFLICT (session_id, item_id) DO UPDATE SET value = EXCLUDED.value, answered_at = EXCLUDED.answered_at
    RETURNING (xmax = 0) AS inserted
)
SELECT (SELECT inserted FROM saved),
       (SELECT count(*) FROM assessments_answer WHERE session_id = %(sid)s)
"""
_SAVE_UPDATE = "UPDATE assessments_testsession SET updated_at = %s WHERE id = %s AND status = 'in_progress'"
_SAVE_UPSERT = (
    "INSERT INTO assessments_answer (session_id, item_id, value, answered_at) VALUES (%s, %s, %s, %s) "
    "ON CONFLICT (session_id, item_id) DO UPDATE SET value = excluded.value, answered_at = excluded.answered_at"
)
_COUNT = "SELECT count(*) FROM assessments_answer WHERE session_id = %s"


def _plain_instrument(session_id: str) -> definitions.Instrument | None:
    """The instrument of a session whose answers need nothing but validation (not a timed test)."""
    version = _session_versions.get(session_id)
    if version is None:
        version = (
            TestSession.objects.filter(pk=session_id)
            .values_list("instrument_version_id", "instrument_version__checksum")
            .first()
        )
        if version is None:
            raise NotFound("No such test session. It may have been deleted.")
    instrument = InstrumentVersion(pk=version[0], checksum=version[1]).instrument
    if instrument.scoring == "irt":
        return None
    if len(_session_versions) > 100_000:
        _session_versions.clear()
    _session_versions[session_id] = version
    return instrument


def save_answer(session_id: str, item_id: str, value: object) -> tuple[int, int]:
    """Store one answer; return how many the session has answered, and of how many. Saving the same answer again changes
    nothing else (idempotent)."""
    session_id = str(session_id)[:64]
    instrument = _plain_instrument(session_id)
    if instrument is None:
        return _save_timed_answer(session_id, item_id, value)
    item = instrument.item_index.get(item_id)
    if item is None:
        raise NotFound(f"The test has no item {item_id!r}.", item=item_id)
    value = _checked(instrument, item, value)
    now = timezone.now()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(_SAVE_POSTGRES, {"now": now, "sid": session_id, "item": item_id, "value": value})
            inserted, count = cursor.fetchone()
        if inserted is None:
            _refuse(session_id)
        return count + int(inserted), len(instrument.items)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(_SAVE_UPDATE, [now, session_id])
        if not cursor.rowcount:
            _refuse(session_id)
        cursor.execute(_SAVE_UPSERT, [session_id, item_id, value, now])
        cursor.execute(_COUNT, [session_id])
        return cursor.fetchone()[0], len(instrument.items)


def _refuse(session_id: str):
    """The conditional update found no session in progress: say whether it is finished or gone."""
    _session_versions.pop(session_id, None)
    if TestSession.objects.filter(pk=session_id).exists():
        raise Conflict("This test is already finished; answers can no longer change.")
    raise NotFound("No such test session. It may have been deleted.")


def _save_timed_answer(session_id: str, item_id: str, value: object) -> tuple[int, int]:
    """Ability tests: the subtest clock starts with the first answer, and adaptive sessions accept only
    the tasks they were given."""
    session = get_session(session_id)
    value = check_value(session, item_id, value)
    start_subtest(session, session.instrument.pool_index[item_id])
    now = timezone.now()
    with transaction.atomic():
        if not TestSession.objects.filter(pk=session.pk, status=TestSession.IN_PROGRESS).update(updated_at=now):
            raise Conflict("This test is already finished; answers can no longer change.")
        Answer.objects.bulk_create(
            [Answer(session_id=session.pk, item_id=item_id, value=value, answered_at=now)],
            update_conflicts=True,
            unique_fields=["session", "item_id"],
            update_fields=["value", "answered_at"],
        )
        return session.answers.count(), item_total(session)


def save_favourites(session_id: str, favourites: object) -> list[dict]:
    """Store the card sort's favourites (up to the instrument's maximum, liked cards only) and why."""
    session = get_session(session_id)
    spec = session.instrument.data.get("favourites")
    if not spec:
        raise NotFound("This test has no favourites.")
    if not isinstance(favourites, list) or len(favourites) > spec["max"]:
        raise Invalid(f"Choose at most {spec['max']} favourites.", field="favourites")
    answers = answers_of(session)
    reasons = {r["code"] for r in spec["reasons"]}
    cleaned, seen = [], set()
    for n, fav in enumerate(favourites):
        card = fav.get("card") if isinstance(fav, dict) else None
        why = fav.get("reasons", []) if isinstance(fav, dict) else None
        if card not in session.instrument.item_index or card in seen:
            raise Invalid(f"favourites[{n}].card: unknown or repeated card.", field=f"favourites[{n}].card")
        if answers.get(card) != 2:
            raise Invalid(f"favourites[{n}].card: only cards marked as liked can be favourites.", field=f"favourites[{n}].card")
        if not isinstance(why, list) or not set(why) <= reasons or len(set(why)) != len(why):
            raise Invalid(f"favourites[{n}].reasons: use the listed reasons, each once.", field=f"favourites[{n}].reasons")
        seen.add(card)
        cleaned.append({"card": card, "reasons": why})
    with transaction.atomic():
        if not TestSession.objects.filter(pk=session.pk, status=TestSession.IN_PROGRESS).update(
            choices={**(session.choices or {}), "favourites": cleaned}, updated_at=timezone.now()
        ):
            raise Conflict("This test is already finished; favourites can no longer change.")
    return cleaned


def missing_items(session: TestSession, answers: dict[str, int]) -> list[str]:
    """Items still to answer; in the adaptive mode a part whose time is up needs nothing more."""
    if not is_adaptive(session):
        return [item["id"] for item in session.instrument.items if item["id"] not in answers]
    advance(session)
    now = timezone.now()
    over = {st["code"] for st in session.instrument.data["subtests"] if _subtest_over(session, st, now)}
    return [item["id"] for item in session_items(session) if item["id"] not in answers and item.get("subtest") not in over]


def complete(session_id: str) -> TestSession:
    """Score a fully answered session and store the result with its instrument version.

    Completing a completed session returns it unchanged; `completed_now` tells the caller which
    happened (a retried completion must not be counted twice)."""
    from karjera.guidance.recommend import occupation_matches

    with transaction.atomic():
        session = get_session(session_id)
        session = (
            TestSession.objects.select_for_update(of=("self",))
            .select_related("instrument_version")
            .defer("instrument_version__definition")
            .get(pk=session.pk)
        )
        if session.is_completed:
            session.completed_now = False
            return session
        answers = answers_of(session)
        missing = missing_items(session, answers)
        if missing:
            raise Conflict(
                f"{len(missing)} item(s) are not answered yet: {', '.join(missing)}.", unanswered=missing
            )
        instrument = session.instrument
        context = card_attributes(instrument) if instrument.scoring == "card_sort" else None
        if instrument.scoring == "irt":
            context = {
                "answered_at": dict(session.answers.values_list("item_id", "answered_at")),
                "timing": {k: datetime.fromisoformat(v) for k, v in (session.timing or {}).items()},
                "seed": session.id,
                "calibration": _calibration(instrument),
                "slots": session_items(session),
            }
        result = score(instrument, answers, context)
        if is_adaptive(session):
            result["mode"] = "adaptive"
        result["instrument"] = {"slug": instrument.slug, "version": instrument.version}
        if instrument.scoring == "irt":
            result["occupations"] = []
        elif instrument.scoring == "card_sort":
            result["favourites"] = (session.choices or {}).get("favourites", [])
            if result.get("suggest_occupations"):
                seen = {item["occupation"] for item in instrument.items}
                matches = occupation_matches(result["riasec_liked"], limit=60)
                result["occupations"] = [m for m in matches if m["id"] not in seen][:30]
            else:
                result["occupations"] = []
        elif result.get("suggest_occupations"):
            kind = "values" if instrument.is_best_worst else "riasec"
            profile = result["profile"] if instrument.is_best_worst else result["scores"]
            result["occupations"] = occupation_matches(profile, kind=kind)
        else:
            result["occupations"] = []
        session.result = result
        session.status = TestSession.COMPLETED
        session.completed_at = timezone.now()
        session.save(update_fields=["result", "status", "completed_at", "updated_at"])
    session.completed_now = True
    return session


def card_attributes(instrument) -> dict[str, dict]:
    """The occupation data behind each card, for the card sort's analysis."""
    from karjera.occupations.fields import field_for_isco
    from karjera.occupations.models import Occupation

    occupations = Occupation.objects.in_bulk([item["occupation"] for item in instrument.items])
    attributes = {}
    for item in instrument.items:
        occ = occupations.get(item["occupation"])
        attributes[item["id"]] = {
            "riasec": occ.riasec if occ else None,
            "values": occ.work_values if occ else None,
            "job_zone": occ.job_zone if occ else None,
            "field": field_for_isco(occ.isco) if occ else "10",
        }
    return attributes


def find_by_resume_code(code: str) -> TestSession:
    normalised = normalise_resume_code(code)
    session = TestSession.objects.filter(resume_code=normalised).first() if normalised else None
    if session is None:
        raise NotFound("No test matches this resume code. Check the code and try again.")
    return session


def export(session_id: str) -> dict:
    """Everything stored about one test session, for the pupil to download (the right of access)."""
    session = get_session(session_id)
    full = TestSession.objects.only("result").get(pk=session.pk)
    return {
        "session": session.id,
        "resume_code": session.display_code,
        "test": session.instrument.slug,
        "version": session.instrument.version,
        "language": session.language,
        "mode": "adaptive" if is_adaptive(session) else "fixed",
        "status": session.status,
        "created_at": session.created_at.isoformat(),
        "updated_at": session.updated_at.isoformat(),
        "completed_at": session.completed_at.isoformat() if session.completed_at else None,
        "answers": [
            {"item": item, "value": value, "answered_at": at.isoformat()}
            for item, value, at in session.answers.order_by("answered_at", "item_id").values_list("item_id", "value", "answered_at")
        ],
        "choices": {k: v for k, v in (session.choices or {}).items() if k != "mode"},
        "timing": session.timing or {},
        "result": full.result,
    }


def result_cache_key(session_id: str, language: str) -> str:
    return f"result-page:{session_id}:{language}"


def delete(session_id: str) -> None:
    from django.core.cache import cache

    session = get_session(session_id)
    session.delete()
    _session_versions.pop(session.id, None)
    cache.delete_many([result_cache_key(session.id, language) for language in definitions.LANGUAGES])
