"""JSON API routes of the monitoring module, mounted under /api/v1/monitoring/ by karjera.api.v1.

The programme's key figures are public (the same as the /monitoring/ page). Money and percentages are
decimal strings, exact as the reports give them.
"""
from __future__ import annotations

from ninja import Router, Schema, Status

from karjera.api.schemas import ErrorOut

from . import figures
from .models import Programme, SustainabilityRound

router = Router(tags=["monitoring"])


class IndicatorOut(Schema):
    code: str
    kind: str
    specific: bool
    name_lv: str
    name_en: str
    unit_lv: str
    unit_en: str
    planned: str
    achieved: str | None
    achieved_on: str | None
    achievement_percent: str | None


class SourceOut(Schema):
    code: str
    name_lv: str
    name_en: str
    share_percent: str
    eligible: str
    absorbed: str
    remaining: str


class AbsorptionOut(Schema):
    on: str
    amount: str
    percent: str | None
    remaining: str


class NetworkOut(Schema):
    name_lv: str
    name_en: str
    counsellors: int
    full_time: int


class SustainabilityOut(Schema):
    name_lv: str
    sent: int | None
    received: int | None
    sustained: int | None


class FiguresOut(Schema):
    code: str
    name_lv: str
    name_en: str
    eligible_costs: str
    indicators: list[IndicatorOut]
    sources: list[SourceOut]
    absorption: list[AbsorptionOut]
    network: list[NetworkOut]
    sustainability: list[SustainabilityOut]


def _s(value) -> str | None:
    return None if value is None else f"{value:f}"


@router.get("/figures", response={200: FiguresOut, 404: ErrorOut})
def programme_figures(request):
    """The programme's indicators (planned and achieved), funding by source, absorption by date, the
    counsellor network's history and the sustainability assessment's counts."""
    p = Programme.objects.prefetch_related("indicators__values", "sources", "absorption", "network").order_by("pk").first()
    if p is None:
        return Status(404, {"error": "not_loaded", "message": "The programme's figures have not been loaded."})
    absorption = list(p.absorption.all())
    latest = absorption[-1].amount if absorption else 0
    shares = {s.code: figures.share_from_percent(s.share_percent) for s in p.sources.all()}
    planned = figures.split(p.eligible_costs, shares) if shares else {}
    absorbed = figures.split(latest, shares) if shares else {}
    left = figures.split(figures.remainder(p.eligible_costs, latest), shares) if shares else {}
    indicators = []
    for ind in p.indicators.all():
        v = ind.latest
        indicators.append({"code": ind.code, "kind": ind.kind, "specific": ind.specific, "name_lv": ind.name_lv, "name_en": ind.name_en,
                           "unit_lv": ind.unit_lv, "unit_en": ind.unit_en, "planned": _s(ind.target.normalize()),
                           "achieved": _s(v.value.normalize()) if v else None, "achieved_on": v.on.isoformat() if v else None,
                           "achievement_percent": _s(ind.achievement)})
    return {
        "code": p.code, "name_lv": p.name_lv, "name_en": p.name_en, "eligible_costs": _s(p.eligible_costs),
        "indicators": indicators,
        "sources": [{"code": s.code, "name_lv": s.name_lv, "name_en": s.name_en, "share_percent": _s(s.share_percent.normalize()),
                     "eligible": _s(planned[s.code]), "absorbed": _s(absorbed[s.code]), "remaining": _s(left[s.code])} for s in p.sources.all()],
        "absorption": [{"on": a.on.isoformat(), "amount": _s(a.amount), "percent": _s(figures.percent(a.amount, p.eligible_costs)),
                        "remaining": _s(figures.remainder(p.eligible_costs, a.amount))} for a in absorption],
        "network": [{"name_lv": n.name_lv, "name_en": n.name_en, "counsellors": n.counsellors, "full_time": n.full_time} for n in p.network.all()],
        "sustainability": [{"name_lv": r.name_lv, "sent": r.reported_sent, "received": r.reported_received, "sustained": r.reported_sustained}
                           for r in SustainabilityRound.objects.filter(programme=p, reported_sent__isnull=False)],
    }
