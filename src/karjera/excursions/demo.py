"""Demonstration hosts, offers with slots and a Job Shadow Day round: invented, marked `demo=True` and
shown as demonstration data. Loading again updates the same rows and adds future slots only where an
offer has none left, so the command can run on every deployment."""
from __future__ import annotations

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from karjera.education.models import Municipality
from karjera.occupations.models import Occupation

from .models import PUBLISHED, Host, Offer, ShadowPlace, ShadowRound, Slot, age_groups_text

HOSTS = [
    {"name": "Maiznīca “Rīta klaips” (demonstrācija)", "municipality": "valmieras-novads", "email": "maiznica@demo.invalid"},
    {"name": "Elektrotīklu uzņēmums “Strāva” (demonstrācija)", "municipality": "riga", "email": "strava@demo.invalid"},
    {"name": "Programmatūras studija “Koda kalve” (demonstrācija)", "municipality": "liepaja", "email": "koda-kalve@demo.invalid"},
    {"name": "Reģionālā slimnīcas aptieka (demonstrācija)", "municipality": "rezekne", "email": "aptieka@demo.invalid"},
]

OFFERS = [
    {"host": 0, "title": "Kā top maize un kūkas", "sector": "agriculture_food", "address": "Rīgas iela 12, Valmiera",
     "description": "Grupa redz ceptuvi no miltu noliktavas līdz veikala plauktam, runā ar konditori un maiznieku un pati veido savu klaipiņu.",
     "ages": ["1-4", "5-6", "7-9"], "min_group": 5, "max_group": 20, "duration": 90, "accessible": True,
     "bring": "Matus sasiet; priekšautus un cepures izsniegsim.", "occupations": ["konditors", "pavārs"], "auto": False},
    {"host": 1, "title": "Elektrības ceļš līdz mājām", "sector": "energy", "address": "Dzirnavu iela 40, Rīga",
     "description": "Apakšstacijas apmeklējums kopā ar elektroinženieri: kā strāva nonāk līdz skolai, kā strādā dispečeru centrs un ko dara elektriķis.",
     "ages": ["7-9", "10-12"], "min_group": 8, "max_group": 25, "duration": 120, "accessible": False,
     "bring": "Slēgtus apavus bez papēžiem; personu apliecinošs dokuments skolotājam.", "occupations": ["elektroinženieris", "elektriķis"], "auto": True},
    {"host": 2, "title": "Viena diena programmētāju komandā", "sector": "ict", "address": "Graudu iela 5, Liepāja",
     "description": "Skolēni piedalās komandas rīta sanāksmē, redz, kā top lietotne, un paši izmēģina vienkāršu uzdevumu kopā ar izstrādātājiem.",
     "ages": ["7-9", "10-12"], "min_group": 4, "max_group": 16, "duration": 120, "accessible": True,
     "bring": "Nekas nav jāņem; datori būs uz vietas.", "occupations": ["programmatūras izstrādātājs"], "auto": False},
    {"host": 3, "title": "Aptiekas aizkulises", "sector": "health_social", "address": "18. novembra iela 41, Rēzekne",
     "description": "Farmaceits parāda, kā zāles nonāk līdz pacientam, kā strādā laboratorija un kāpēc tik svarīga ir precizitāte.",
     "ages": ["10-12"], "min_group": 5, "max_group": 12, "duration": 60, "accessible": True,
     "bring": "", "occupations": ["farmaceits"], "auto": False},
]

SHADOW = [
    {"host": 1, "title": "Elektroinženieris dispečeru centrā", "occupation": "elektroinženieris", "places": 2, "grades": (10, 12)},
    {"host": 2, "title": "Programmatūras izstrādātāja darba diena", "occupation": "programmatūras izstrādātājs", "places": 3, "grades": (9, 12)},
    {"host": 0, "title": "Konditora maiņa ceptuvē", "occupation": "konditors", "places": 1, "grades": (8, 12)},
]


def _occupation(name):
    return Occupation.objects.filter(name_lv__iexact=name).first()


def _aware(day, hour):
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


@transaction.atomic
def load() -> dict:
    today = timezone.localdate()
    hosts = []
    for spec in HOSTS:
        host, _ = Host.objects.update_or_create(name=spec["name"], defaults={
            "municipality": Municipality.objects.get(pk=spec["municipality"]), "email": spec["email"], "demo": True})
        hosts.append(host)
    slots_added = 0
    for i, spec in enumerate(OFFERS):
        host = hosts[spec["host"]]
        offer, _ = Offer.objects.update_or_create(host=host, title=spec["title"], defaults={
            "description": spec["description"], "sector": spec["sector"], "address": spec["address"],
            "municipality": host.municipality, "age_groups": age_groups_text(spec["ages"]), "min_group": spec["min_group"],
            "max_group": spec["max_group"], "duration_minutes": spec["duration"], "accessible": spec["accessible"],
            "bring": spec["bring"], "auto_confirm": spec["auto"], "status": PUBLISHED, "demo": True, "language": "lv"})
        offer.occupations.set([o for o in map(_occupation, spec["occupations"]) if o])
        offer.refresh_search_text()
        if not offer.slots.filter(starts_at__gt=timezone.now()).exists():
            for week in (2, 3, 5):
                day = today + timedelta(days=7 * week + i)
                start = _aware(day, 10)
                Slot.objects.create(offer=offer, starts_at=start, ends_at=start + timedelta(minutes=spec["duration"]),
                                    capacity=spec["max_group"] * 2)
                slots_added += 1
    rnd = ShadowRound.objects.filter(demo=True, assigned_at__isnull=True, apply_until__gt=timezone.now()).first()
    if rnd is None:
        rnd = ShadowRound.objects.create(name=f"Ēnu diena {today.year + (today.month > 2)} (demonstrācija)",
                                         apply_until=_aware(today + timedelta(days=30), 23), demo=True)
    for spec in SHADOW:
        host = hosts[spec["host"]]
        ShadowPlace.objects.update_or_create(round=rnd, host=host, title=spec["title"], defaults={
            "occupation": _occupation(spec["occupation"]), "municipality": host.municipality,
            "address": OFFERS[spec["host"]]["address"], "date": (rnd.apply_until + timedelta(days=14)).date(),
            "places": spec["places"], "grade_from": spec["grades"][0], "grade_to": spec["grades"][1],
            "status": PUBLISHED, "demo": True})
    return {"hosts": len(hosts), "offers": len(OFFERS), "slots_added": slots_added, "shadow_places": len(SHADOW)}
