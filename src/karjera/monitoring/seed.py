"""The programme's own figures, as its final reports give them: the first data of the module.

`load()` is idempotent: it creates what is missing and puts the reported figures back where they were
changed, without touching values recorded later in the system.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction

from .models import (Absorption, FundingSource, Indicator, IndicatorValue, NetworkSnapshot, Programme,
                     SustainabilityCriterion, SustainabilityRound, Survey)

PROGRAMME = {
    "code": "8.3.5.0/16/I/001",
    "name_lv": "Karjeras atbalsts vispārējās un profesionālās izglītības iestādēs",
    "name_en": "Career support in general and vocational education institutions",
    "eligible_costs": Decimal("23618650.92"),
}
FINAL_TABLE = "final-table"
FINAL_DATE = date(2022, 12, 31)
FINAL_EVIDENCE = "Programmas noslēguma rādītāju tabula / the programme's final table of indicators"

# code, kind, specific, name lv, name en, unit lv, unit en, planned, achieved
INDICATORS = [
    ("institutions-supported", Indicator.OUTPUT, True,
     "Izglītības iestādes, kas saņēmušas atbalstu", "Education institutions receiving support",
     "iestādes", "institutions", 328, 430),
    ("staff-trained", Indicator.OUTPUT, False,
     "Apmācītie pedagogi un speciālisti", "Teachers and specialists trained",
     "personas", "people", 656, 675),
    ("guidelines", Indicator.OUTPUT, False,
     "Izstrādātas vadlīnijas", "Guidelines developed",
     "vadlīnijas", "guidelines", 1, 1),
    ("national-competitions", Indicator.OUTPUT, False,
     "Valsts profesionālās meistarības konkursi", "National skills competitions",
     "konkursi", "competitions", 7, 6),
    ("international-competitors", Indicator.OUTPUT, False,
     "Profesionālās izglītības audzēkņi starptautiskos konkursos", "Vocational students at international competitions",
     "audzēkņi", "students", 43, 50),
    ("institutions-providing", Indicator.RESULT, False,
     "Izglītības iestādes, kas nodrošina karjeras atbalstu", "Institutions providing career support",
     "iestādes", "institutions", 328, 380),
]
SOURCES = [
    ("esf", "Eiropas Sociālais fonds", "European Social Fund", Decimal("85")),
    ("state", "Valsts budžets", "State budget", Decimal("15")),
]
ABSORPTION = [
    (date(2022, 8, 31), Decimal("22377987.22")),
    (date(2022, 12, 31), Decimal("22796657.00")),
]
NETWORK = [
    ("Pirms programmas", "Before the programme", 93, 2),
    ("2022. gada rudens", "Autumn 2022", 281, 26),
]
CRITERIA = [
    ("programme-and-plan", "Iestādē ir karjeras izglītības programma un plāns",
     "A career education programme and plan are in place"),
    ("in-subjects", "Karjeras izglītība ir iekļauta mācību priekšmetos",
     "Career education is integrated into subjects"),
    ("all-ages", "Informācija un pasākumi ir pieejami visām vecuma grupām",
     "Information and activities for all age groups"),
    ("consultations", "Pieejamas individuālās un grupu konsultācijas",
     "Individual and group consultations are available"),
    ("counsellor", "Iestādē strādā kvalificēts pedagogs karjeras konsultants",
     "A qualified career counsellor"),
]
# The programme's 2022 surveys, recorded with their answer counts (their questions are not in the seed).
SURVEYS_2022 = [
    ("pupils", "Programmas 2022. gada skolēnu aptauja", "The programme's 2022 survey of pupils", 14296),
    ("parents", "Programmas 2022. gada vecāku aptauja", "The programme's 2022 survey of parents", 4785),
    ("counsellors", "Programmas 2022. gada pedagogu karjeras konsultantu aptauja", "The programme's 2022 survey of career counsellors", 97),
]
REPORTED_ROUND = {
    "name_lv": "Programmas ilgtspējas novērtējums",
    "name_en": "The programme's sustainability assessment",
    "reported_sent": 385, "reported_received": 382, "reported_sustained": 380,
}


@transaction.atomic
def load() -> Programme:
    programme, _ = Programme.objects.update_or_create(code=PROGRAMME["code"], defaults=PROGRAMME)
    for order, (code, kind, specific, name_lv, name_en, unit_lv, unit_en, planned, achieved) in enumerate(INDICATORS):
        indicator, _ = Indicator.objects.update_or_create(programme=programme, code=code, defaults={
            "kind": kind, "specific": specific, "name_lv": name_lv, "name_en": name_en, "unit_lv": unit_lv,
            "unit_en": unit_en, "target": planned, "order": order})
        IndicatorValue.objects.update_or_create(indicator=indicator, on=FINAL_DATE, evidence=FINAL_EVIDENCE,
                                                defaults={"value": achieved})
    for order, (code, name_lv, name_en, share) in enumerate(SOURCES):
        FundingSource.objects.update_or_create(programme=programme, code=code, defaults={
            "name_lv": name_lv, "name_en": name_en, "share_percent": share, "order": order})
    for on, amount in ABSORPTION:
        Absorption.objects.update_or_create(programme=programme, on=on, defaults={"amount": amount, "evidence": FINAL_EVIDENCE})
    for order, (name_lv, name_en, counsellors, full_time) in enumerate(NETWORK):
        NetworkSnapshot.objects.update_or_create(programme=programme, name_lv=name_lv, defaults={
            "name_en": name_en, "order": order, "counsellors": counsellors, "full_time": full_time, "source": FINAL_EVIDENCE})
    for order, (code, name_lv, name_en) in enumerate(CRITERIA):
        SustainabilityCriterion.objects.update_or_create(code=code, defaults={"order": order, "name_lv": name_lv, "name_en": name_en})
    SustainabilityRound.objects.update_or_create(programme=programme, name_lv=REPORTED_ROUND["name_lv"], defaults=REPORTED_ROUND)
    for audience, name_lv, name_en, answers in SURVEYS_2022:
        Survey.objects.update_or_create(name_lv=name_lv, defaults={"name_en": name_en, "audience": audience, "year": 2022,
                                                                   "open": False, "reported_answers": answers})
    return programme
