"""The programme's figures gathered for the pages and the API: one place computes them, so the
public page, the dashboard and the API always agree."""
from __future__ import annotations

from . import figures
from .models import Programme


def programme_figures(language: str = "lv", detail: bool = False) -> dict | None:
    programme = Programme.objects.prefetch_related("indicators__values", "sources", "absorption", "network").order_by("pk").first()
    if programme is None:
        return None

    def num(v, places=0):
        return figures.format_number(v, places, language)

    def pct(v, places=2):
        return "—" if v is None else figures.format_percent(v, places, language)

    indicators = []
    for ind in programme.indicators.all():
        achieved = ind.achieved
        indicators.append({
            "indicator": ind, "code": ind.code, "name": ind.name, "unit": ind.unit, "kind": ind.get_kind_display(),
            "specific": ind.specific, "target": ind.target, "achieved": achieved,
            "target_text": num(ind.target), "achieved_text": "—" if achieved is None else num(achieved),
            "achievement_text": pct(ind.achievement, 1),
            "history": sorted(ind.values.all(), key=lambda v: (v.on, v.pk)),
        })
    for row in indicators:
        top = max(row["target"], row["achieved"] or 0)
        row["target_width"], row["achieved_width"] = figures.bar_widths([row["target"], row["achieved"] or 0], top)

    eligible = programme.eligible_costs
    shares = {s.code: figures.share_from_percent(s.share_percent) for s in programme.sources.all()}
    absorption = []
    for a in programme.absorption.all():
        absorption.append({"on": a.on, "amount": a.amount, "amount_text": num(a.amount, 2),
                           "percent": figures.percent(a.amount, eligible), "percent_text": pct(figures.percent(a.amount, eligible)),
                           "width": figures.bar_widths([a.amount], eligible)[0],
                           "remainder_text": num(figures.remainder(eligible, a.amount), 2)})
    latest = absorption[-1] if absorption else None
    sources = []
    if shares:
        planned = figures.split(eligible, shares)
        absorbed = figures.split(latest["amount"], shares) if latest else {k: 0 for k in shares}
        left = figures.split(figures.remainder(eligible, latest["amount"]) if latest else eligible, shares)
        for s in programme.sources.all():
            sources.append({"source": s, "name": s.name, "share_text": pct(s.share_percent, 0),
                            "planned_text": num(planned[s.code], 2), "absorbed_text": num(absorbed[s.code], 2),
                            "remainder_text": num(left[s.code], 2), "width": float(s.share_percent)})
    network = [{"name": n.name, "counsellors": n.counsellors, "full_time": n.full_time,
                "full_time_percent_text": pct(figures.percent(n.full_time, n.counsellors, 1), 1)} for n in programme.network.all()]
    top = max((n["counsellors"] for n in network), default=0)
    for n, w, fw in zip(network, figures.bar_widths([n["counsellors"] for n in network], top),
                        figures.bar_widths([n["full_time"] for n in network], top or None)):
        n["width"], n["full_time_width"] = w, fw
    from .models import SustainabilityRound

    reported = SustainabilityRound.objects.filter(programme=programme, reported_sent__isnull=False).order_by("pk").first()
    sustainability = None
    if reported:
        sustainability = {"round": reported, "sent": reported.reported_sent, "received": reported.reported_received,
                          "sustained": reported.reported_sustained,
                          "received_percent_text": pct(figures.percent(reported.reported_received, reported.reported_sent, 1), 1),
                          "sustained_percent_text": pct(figures.percent(reported.reported_sustained, reported.reported_received, 1), 1)}
    from .models import Survey

    surveys = [{"name": sv.name, "audience": sv.get_audience_display(), "answers": num(sv.reported_answers)}
               for sv in Survey.objects.filter(reported_answers__isnull=False).order_by("-reported_answers")]
    return {
        "surveys": surveys,
        "programme": programme, "indicators": indicators, "eligible_text": num(eligible, 2),
        "absorption": absorption, "latest": latest, "sources": sources, "network": network,
        "sustainability": sustainability, "detail": detail,
    }
