#!/usr/bin/env python3
"""Write the DEMONSTRATION education data set to data/education/demo/.

    python3 tools/make_demo_education.py

Everything here is invented except the list of Latvia's 43 local governments (after the 2021
administrative-territorial reform) and their planning regions, the Skola2030 advanced courses, and
the occupation codes, which are real codes of the Latvian occupation classifier (Profesiju
klasifikators) or ESCO ids present in data/occupations.json. Institutions, registry numbers,
addresses, programmes, places, fees, admission rules and thresholds are made up for demonstration;
every institution has demo=1 and a website under the reserved domain demo.karjera.example.

The output follows docs/education-data.md exactly. The generator is deterministic (one
random.Random(2026) drawn from in a fixed order) and uses only the standard library.
"""
from __future__ import annotations

import csv
import json
import random
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "education" / "demo"

rng = random.Random(2026)

# --------------------------------------------------------------------------------------------
# Municipalities: 7 state cities + 36 municipalities (novadi); planning regions as set by
# Cabinet Regulation No. 418 of 22 June 2021 (Tukums in Kurzeme; Limbaži, Ogre, Saulkrasti in
# Vidzeme; Varakļāni in Vidzeme). Each row also carries a town and postcode used for addresses.
# code, name_lv, name_en, kind, region, town, postcodes
# --------------------------------------------------------------------------------------------
MUNICIPALITIES = [
    ("daugavpils", "Daugavpils", "Daugavpils", "state_city", "latgale", "Daugavpils", (5401, 5417)),
    ("jelgava", "Jelgava", "Jelgava", "state_city", "zemgale", "Jelgava", (3001, 3008)),
    ("jurmala", "Jūrmala", "Jūrmala", "state_city", "riga", "Jūrmala", (2008, 2016)),
    ("liepaja", "Liepāja", "Liepāja", "state_city", "kurzeme", "Liepāja", (3401, 3417)),
    ("rezekne", "Rēzekne", "Rēzekne", "state_city", "latgale", "Rēzekne", (4601, 4604)),
    ("riga", "Rīga", "Riga", "state_city", "riga", "Rīga", (1001, 1084)),
    ("ventspils", "Ventspils", "Ventspils", "state_city", "kurzeme", "Ventspils", (3601, 3605)),
    ("adazu-novads", "Ādažu novads", "Ādaži Municipality", "municipality", "riga", "Ādaži", (2164, 2164)),
    ("aizkraukles-novads", "Aizkraukles novads", "Aizkraukle Municipality", "municipality", "zemgale", "Aizkraukle", (5101, 5101)),
    ("aluksnes-novads", "Alūksnes novads", "Alūksne Municipality", "municipality", "vidzeme", "Alūksne", (4301, 4301)),
    ("augsdaugavas-novads", "Augšdaugavas novads", "Augšdaugava Municipality", "municipality", "latgale", "Ilūkste", (5447, 5447)),
    ("balvu-novads", "Balvu novads", "Balvi Municipality", "municipality", "latgale", "Balvi", (4501, 4501)),
    ("bauskas-novads", "Bauskas novads", "Bauska Municipality", "municipality", "zemgale", "Bauska", (3901, 3901)),
    ("cesu-novads", "Cēsu novads", "Cēsis Municipality", "municipality", "vidzeme", "Cēsis", (4101, 4101)),
    ("dienvidkurzemes-novads", "Dienvidkurzemes novads", "South Kurzeme Municipality", "municipality", "kurzeme", "Grobiņa", (3430, 3430)),
    ("dobeles-novads", "Dobeles novads", "Dobele Municipality", "municipality", "zemgale", "Dobele", (3701, 3701)),
    ("gulbenes-novads", "Gulbenes novads", "Gulbene Municipality", "municipality", "vidzeme", "Gulbene", (4401, 4401)),
    ("jelgavas-novads", "Jelgavas novads", "Jelgava Municipality", "municipality", "zemgale", "Ozolnieki", (3018, 3018)),
    ("jekabpils-novads", "Jēkabpils novads", "Jēkabpils Municipality", "municipality", "zemgale", "Jēkabpils", (5201, 5202)),
    ("kraslavas-novads", "Krāslavas novads", "Krāslava Municipality", "municipality", "latgale", "Krāslava", (5601, 5601)),
    ("kuldigas-novads", "Kuldīgas novads", "Kuldīga Municipality", "municipality", "kurzeme", "Kuldīga", (3301, 3301)),
    ("kekavas-novads", "Ķekavas novads", "Ķekava Municipality", "municipality", "riga", "Ķekava", (2123, 2123)),
    ("limbazu-novads", "Limbažu novads", "Limbaži Municipality", "municipality", "vidzeme", "Limbaži", (4001, 4001)),
    ("livanu-novads", "Līvānu novads", "Līvāni Municipality", "municipality", "latgale", "Līvāni", (5316, 5316)),
    ("ludzas-novads", "Ludzas novads", "Ludza Municipality", "municipality", "latgale", "Ludza", (5701, 5701)),
    ("madonas-novads", "Madonas novads", "Madona Municipality", "municipality", "vidzeme", "Madona", (4801, 4801)),
    ("marupes-novads", "Mārupes novads", "Mārupe Municipality", "municipality", "riga", "Mārupe", (2167, 2167)),
    ("ogres-novads", "Ogres novads", "Ogre Municipality", "municipality", "vidzeme", "Ogre", (5001, 5001)),
    ("olaines-novads", "Olaines novads", "Olaine Municipality", "municipality", "riga", "Olaine", (2114, 2114)),
    ("preilu-novads", "Preiļu novads", "Preiļi Municipality", "municipality", "latgale", "Preiļi", (5301, 5301)),
    ("rezeknes-novads", "Rēzeknes novads", "Rēzekne Municipality", "municipality", "latgale", "Viļāni", (4650, 4650)),
    ("ropazu-novads", "Ropažu novads", "Ropaži Municipality", "municipality", "riga", "Ropaži", (2135, 2135)),
    ("salaspils-novads", "Salaspils novads", "Salaspils Municipality", "municipality", "riga", "Salaspils", (2121, 2121)),
    ("saldus-novads", "Saldus novads", "Saldus Municipality", "municipality", "kurzeme", "Saldus", (3801, 3801)),
    ("saulkrastu-novads", "Saulkrastu novads", "Saulkrasti Municipality", "municipality", "vidzeme", "Saulkrasti", (2160, 2160)),
    ("siguldas-novads", "Siguldas novads", "Sigulda Municipality", "municipality", "riga", "Sigulda", (2150, 2150)),
    ("smiltenes-novads", "Smiltenes novads", "Smiltene Municipality", "municipality", "vidzeme", "Smiltene", (4729, 4729)),
    ("talsu-novads", "Talsu novads", "Talsi Municipality", "municipality", "kurzeme", "Talsi", (3201, 3201)),
    ("tukuma-novads", "Tukuma novads", "Tukums Municipality", "municipality", "kurzeme", "Tukums", (3101, 3101)),
    ("valkas-novads", "Valkas novads", "Valka Municipality", "municipality", "vidzeme", "Valka", (4701, 4701)),
    ("valmieras-novads", "Valmieras novads", "Valmiera Municipality", "municipality", "vidzeme", "Valmiera", (4201, 4201)),
    ("varaklanu-novads", "Varakļānu novads", "Varakļāni Municipality", "municipality", "vidzeme", "Varakļāni", (4838, 4838)),
    ("ventspils-novads", "Ventspils novads", "Ventspils Municipality", "municipality", "kurzeme", "Piltene", (3620, 3620)),
]
MUNI = {m[0]: m for m in MUNICIPALITIES}

STREETS = [
    "Skolas iela", "Liepu iela", "Dārza iela", "Ezera iela", "Meža iela", "Parka iela", "Saules iela",
    "Upes iela", "Ābeļu iela", "Bērzu iela", "Kalna iela", "Pils iela", "Avotu iela", "Smilšu iela",
    "Ziedu iela", "Jaunā iela", "Stacijas iela", "Baznīcas iela", "Akmeņu iela", "Ozolu iela",
]

# --------------------------------------------------------------------------------------------
# Invented institutions: name_lv, name_en, kind, municipality, profile (see below)
# --------------------------------------------------------------------------------------------
PIKC = "Profesionālās izglītības kompetences centrs"
PIKC_EN = "Vocational Education Competence Centre"
INSTITUTIONS = [
    # gymnasiums: profile = preferred course sets
    ("Zvaigžņu Kalna ģimnāzija", "Zvaigžņu Kalns Gymnasium", "gymnasium", "riga", ["stem", "it", "humanities", "languages"]),
    ("Dzintarkrasta ģimnāzija", "Dzintarkrasts Gymnasium", "gymnasium", "jurmala", ["humanities", "health", "business"]),
    ("Mēnesgaismas ģimnāzija", "Mēnesgaisma Gymnasium", "gymnasium", "daugavpils", ["stem", "languages", "health"]),
    ("Ozolzīļu ģimnāzija", "Ozolzīles Gymnasium", "gymnasium", "jelgava", ["engineering", "it", "humanities"]),
    ("Sudrabupes ģimnāzija", "Sudrabupe Gymnasium", "gymnasium", "valmieras-novads", ["it", "stem", "social"]),
    ("Kāpu Vēja ģimnāzija", "Kāpu Vējš Gymnasium", "gymnasium", "liepaja", ["arts", "stem", "humanities"]),
    ("Zilās Dzērves ģimnāzija", "Zilā Dzērve Gymnasium", "gymnasium", "cesu-novads", ["health", "humanities", "engineering"]),
    # secondary schools
    ("Ābeļziedu vidusskola", "Ābeļziedi Secondary School", "secondary_school", "ogres-novads", ["stem", "business", "arts"]),
    ("Rudzupuķu vidusskola", "Rudzupuķes Secondary School", "secondary_school", "rezeknes-novads", ["environment", "humanities"]),
    ("Lāču Takas vidusskola", "Lāču Taka Secondary School", "secondary_school", "siguldas-novads", ["sports", "business", "it"]),
    ("Dzērvenāju vidusskola", "Dzērvenāji Secondary School", "secondary_school", "madonas-novads", ["engineering", "social"]),
    ("Zaļā Vītola vidusskola", "Zaļais Vītols Secondary School", "secondary_school", "talsu-novads", ["health", "arts", "business"]),
    ("Akmeņkalna vidusskola", "Akmeņkalns Secondary School", "secondary_school", "saldus-novads", ["it", "humanities"]),
    ("Mākoņmalas vidusskola", "Mākoņmala Secondary School", "secondary_school", "ludzas-novads", ["social", "stem"]),
    ("Saulgriežu vidusskola", "Saulgrieži Secondary School", "secondary_school", "bauskas-novads", ["business", "health", "engineering"]),
    ("Vēja Zvana vidusskola", "Vēja Zvans Secondary School", "secondary_school", "ventspils", ["it", "languages", "stem"]),
    ("Lazdu Gravas vidusskola", "Lazdu Grava Secondary School", "secondary_school", "gulbenes-novads", ["environment", "business"]),
    ("Dzeltenās Laivas vidusskola", "Dzeltenā Laiva Secondary School", "secondary_school", "kraslavas-novads", ["humanities", "health"]),
    ("Kastaņu Alejas vidusskola", "Kastaņu Aleja Secondary School", "secondary_school", "riga", ["arts", "languages", "it", "business"]),
    ("Ūdensrožu vidusskola", "Ūdensrozes Secondary School", "secondary_school", "dobeles-novads", ["stem", "social"]),
    ("Smilgu Pļavas vidusskola", "Smilgu Pļava Secondary School", "secondary_school", "aluksnes-novads", ["humanities", "engineering"]),
    ("Pīlādžu Loka vidusskola", "Pīlādžu Loks Secondary School", "secondary_school", "adazu-novads", ["it", "sports", "arts"]),
    ("Sniegpulkstenīšu vidusskola", "Sniegpulkstenītes Secondary School", "secondary_school", "kekavas-novads", ["health", "business"]),
    ("Kadiķu Kalna vidusskola", "Kadiķu Kalns Secondary School", "secondary_school", "livanu-novads", ["engineering", "humanities"]),
    ("Rasas Pērļu vidusskola", "Rasas Pērles Secondary School", "secondary_school", "valkas-novads", ["social", "environment"]),
    # vocational schools: profile = sectors
    ("Vējkalna tehnikums", "Vējkalns Technical School", "vocational_school", "tukuma-novads", ["construction", "wood", "auto", "hospitality"]),
    ("Akmeņdārza tehnikums", "Akmeņdārzs Technical School", "vocational_school", "jekabpils-novads", ["construction", "energy", "logistics", "business"]),
    ("Sudrabavotu profesionālā vidusskola", "Sudrabavoti Vocational Secondary School", "vocational_school", "balvu-novads", ["agri", "food", "hospitality", "care"]),
    ("Enkura Līča tehnikums", "Enkura Līcis Technical School", "vocational_school", "liepaja", ["metal", "energy", "logistics", "it"]),
    ("Bišu Dravas profesionālā vidusskola", "Bišu Drava Vocational Secondary School", "vocational_school", "kuldigas-novads", ["agri", "food", "hospitality", "beauty"]),
    ("Kalēju Kalna tehnikums", "Kalēju Kalns Technical School", "vocational_school", "aizkraukles-novads", ["metal", "auto", "energy", "construction"]),
    ("Mežmalas Amatu tehnikums", "Mežmala Crafts Technical School", "vocational_school", "smiltenes-novads", ["wood", "agri", "construction", "design"]),
    ("Dzelzsvārtu tehnikums", "Dzelzsvārti Technical School", "vocational_school", "olaines-novads", ["it", "energy", "logistics", "metal"]),
    ("Linu Lauka profesionālā vidusskola", "Linu Lauks Vocational Secondary School", "vocational_school", "preilu-novads", ["textile", "beauty", "care", "business"]),
    ("Tvaika Ratu tehnikums", "Tvaika Rati Technical School", "vocational_school", "daugavpils", ["auto", "logistics", "construction", "it"]),
    # competence centres (PIKC)
    (f'{PIKC} "Ziemeļvārtu tehnikums"', f'{PIKC_EN} "Ziemeļvārti Technical School"', "competence_centre", "riga", ["it", "design", "business", "hospitality", "beauty", "logistics"]),
    (f'{PIKC} "Trīs Upju tehnikums"', f'{PIKC_EN} "Trīs Upes Technical School"', "competence_centre", "jelgava", ["energy", "metal", "auto", "construction", "agri", "food"]),
    (f'{PIKC} "Zaļās Birzs tehnikums"', f'{PIKC_EN} "Zaļā Birzs Technical School"', "competence_centre", "valmieras-novads", ["it", "metal", "wood", "agri", "hospitality", "care"]),
    (f'{PIKC} "Gaismas Torņa tehnikums"', f'{PIKC_EN} "Gaismas Tornis Technical School"', "competence_centre", "ventspils", ["energy", "metal", "logistics", "it", "hospitality", "business"]),
    (f'{PIKC} "Rītausmas tehnikums"', f'{PIKC_EN} "Rītausma Technical School"', "competence_centre", "rezekne", ["construction", "wood", "textile", "design", "beauty", "it"]),
    (f'{PIKC} "Kāpu Priežu tehnikums"', f'{PIKC_EN} "Kāpu Priedes Technical School"', "competence_centre", "dienvidkurzemes-novads", ["agri", "food", "hospitality", "construction", "env", "security", "auto"]),
    # colleges: profile = college programme keys
    ("Zvaigžņu Ceļa koledža", "Zvaigžņu Ceļš College", "college", "riga", ["programming", "compsys", "law", "logistics", "accounting", "marketing", "adv_design", "business"]),
    ("Baltās Buras koledža", "Baltā Bura College", "college", "liepaja", ["hospitality", "tourism", "logistics", "programming", "accounting", "energy"]),
    ("Daugavkrasta koledža", "Daugavkrasts College", "college", "daugavpils", ["construction", "energy", "mechatronics", "auto", "compsys", "accounting", "law"]),
    ("Liepziedu veselības koledža", "Liepziedi College of Health", "college", "jelgava", ["medical", "dental", "pharmacy", "cosmetology", "biomed_lab"]),
    ("Dzērvju Lidojuma koledža", "Dzērvju Lidojums College", "college", "limbazu-novads", ["agriculture", "tourism", "business", "hospitality", "programming"]),
    ("Ziemeļkrasta koledža", "Ziemeļkrasts College", "college", "saulkrastu-novads", ["adv_design", "compsys", "tourism", "hospitality", "marketing", "law"]),
    # universities: profile = (bachelor keys, master keys, doctoral keys)
    ("Baltās Zīles universitāte", "Baltā Zīle University", "university", "riga", (
        ["cs", "data", "math", "physics", "chemistry", "biology", "environment", "history", "latvian", "english", "law", "econ",
         "bizman", "psychology", "communication", "teacher_primary", "preschool", "social_work"],
        ["cs", "math", "biology", "econ", "law", "psychology", "history", "education", "bizman", "english"],
        ["cs", "biology", "history", "econ", "education"])),
    ("Ziemeļzvaigznes Tehnoloģiju universitāte", "Ziemeļzvaigzne University of Technology", "university", "riga", (
        ["it", "compsys", "electrical", "mechanical", "mechatronics", "civil", "architecture", "logistics", "finance", "chemistry", "gamedev"],
        ["it", "electrical", "mechanical", "mechatronics", "civil", "architecture", "bizman", "logistics"],
        ["it", "electrical", "civil"])),
    ("Sudrabkalna Veselības zinātņu universitāte", "Sudrabkalns University of Health Sciences", "university", "riga", (
        ["nursing", "physio", "occupational", "nutrition", "public_health", "psychology", "social_work"],
        ["nursing", "public_health", "rehab", "psychology"],
        ["public_health"])),
    ("Ozolbirzes universitāte", "Ozolbirze University", "university", "jelgava", (
        ["agriculture", "forestry", "food", "landscape", "agri_eng", "it", "econ", "environment", "subject_teacher"],
        ["agriculture", "forestry", "food", "econ", "landscape"],
        ["agriculture", "food"])),
    ("Mēness Ezera augstskola", "Mēness Ezers University of Applied Sciences", "university", "rezekne", (
        ["it", "mechatronics", "teacher_primary", "preschool", "social_work", "bizman", "tourism", "law", "design"],
        ["education", "bizman", "it", "teacher"],
        ["education"])),
    ("Dzintarkalna universitāte", "Dzintarkalns University", "university", "liepaja", (
        ["teacher_primary", "preschool", "subject_teacher", "newmedia", "it", "latvian", "tourism", "social_work", "translation", "sport", "visual_art"],
        ["education", "newmedia", "social_work", "teacher"],
        ["education"])),
    ("Jūrasvārtu augstskola", "Jūrasvārti University of Applied Sciences", "university", "ventspils", (
        ["it", "cs", "translation", "econ", "bizman", "electrical", "tourism"],
        ["translation", "it", "bizman"],
        [])),
    ("Zaļkalnes augstskola", "Zaļkalne University of Applied Sciences", "university", "valmieras-novads", (
        ["it", "gamedev", "mechatronics", "tourism", "communication", "bizman", "hospitality", "graphic"],
        ["it", "bizman", "communication"],
        [])),
]

# --------------------------------------------------------------------------------------------
# Course sets (Skola2030 advanced courses)
# --------------------------------------------------------------------------------------------
COURSE_SETS = {
    "stem": ("Eksakto zinātņu grozs", "Science and mathematics set", ["mathematics", "physics", "chemistry"], "05"),
    "it": ("Informātikas un programmēšanas grozs", "Computing and programming set", ["informatics", "programming", "mathematics"], "06"),
    "engineering": ("Inženierzinātņu grozs", "Engineering set", ["engineering", "physics", "mathematics"], "07"),
    "health": ("Veselības un dzīvības zinātņu grozs", "Health and life sciences set", ["biology", "chemistry", "mathematics"], "05"),
    "environment": ("Vides zinātņu grozs", "Environmental science set", ["geography", "biology", "chemistry"], "05"),
    "humanities": ("Humanitāro zinātņu grozs", "Humanities set", ["latvian_language_literature", "english", "history_social_sciences"], "02"),
    "languages": ("Valodu grozs", "Languages set", ["english", "german", "latvian_language_literature"], "02"),
    "arts": ("Mākslas un dizaina grozs", "Arts and design set", ["culture_arts", "design_technologies", "english"], "02"),
    "business": ("Uzņēmējdarbības grozs", "Business set", ["economics", "mathematics", "english"], "04"),
    "social": ("Sociālo zinātņu grozs", "Social sciences set", ["history_social_sciences", "geography", "economics"], "03"),
    "sports": ("Sporta un veselības grozs", "Sport and health set", ["sports_health", "biology", "english"], "10"),
}
SET_ORDER = list(COURSE_SETS)

# --------------------------------------------------------------------------------------------
# Vocational qualifications: key, sector, ISCED-97 programme group, ISCED-F broad field,
# programme name lv/en, qualification lv/en, occupations, levels
# levels: "sec" = vocational_secondary after grade 9 (4 years, code 33), "post" = vocational
# secondary after grade 12 (1.5 years, code 35), "basic" = arodizglītība LQF 3 (code 32).
# Occupation codes are Latvian classifier codes; two are ESCO ids where the classifier entry is
# not mapped in data/occupations.json.
# --------------------------------------------------------------------------------------------
ESCO_MECHATRONICS_TECH = "edf2e989-d7c5-496e-b365-81fc5cb9eb39"
ESCO_BRICKLAYER = "05f321f8-055b-407d-bf19-e0ddabda56b7"
ESCO_GENERAL_NURSE = "8d3e8aaa-791b-4c75-a465-f3f827028f50"

VOCATIONAL = [
    ("cook", "hospitality", "811", "10", "Ēdināšanas pakalpojumi", "Catering services", "Pavārs", "Cook", ["5120.02"], ["sec", "post"]),
    ("catering_spec", "hospitality", "811", "10", "Ēdināšanas pakalpojumi", "Catering services", "Ēdināšanas pakalpojumu speciālists", "Catering services specialist", ["5120.05"], ["sec"]),
    ("hotel", "hospitality", "811", "10", "Viesnīcu pakalpojumi", "Hotel services", "Viesnīcu pakalpojumu speciālists", "Hotel services specialist", ["4224.02", "1411.07"], ["sec", "post"]),
    ("waiter", "hospitality", "811", "10", "Ēdināšanas pakalpojumi", "Catering services", "Viesmīlis", "Waiter", ["5131.01"], ["basic"]),
    ("cook_assistant", "hospitality", "811", "10", "Ēdināšanas pakalpojumi", "Catering services", "Pavāra palīgs", "Cook's assistant", ["9412.01"], ["basic"]),
    ("bartender", "hospitality", "811", "10", "Ēdināšanas pakalpojumi", "Catering services", "Bārmenis", "Bartender", ["5132.02"], ["post"]),
    ("tourism", "hospitality", "812", "10", "Tūrisma pakalpojumi", "Tourism services", "Tūrisma pakalpojumu komercdarbinieks", "Tourism services agent", ["3339.30", "3339.42"], ["sec", "post"]),
    ("hairdresser", "beauty", "815", "10", "Frizieru pakalpojumi", "Hairdressing services", "Frizieris", "Hairdresser", ["5141.01"], ["sec", "post"]),
    ("makeup", "beauty", "815", "10", "Skaistumkopšanas pakalpojumi", "Beauty services", "Vizāžists", "Make-up artist", ["5142.05"], ["post"]),
    ("manicure", "beauty", "815", "10", "Skaistumkopšanas pakalpojumi", "Beauty services", "Manikīra un pedikīra speciālists", "Manicure and pedicure specialist", ["5142.07"], ["sec"]),
    ("programmer", "it", "481", "06", "Programmēšana", "Programming", "Programmēšanas tehniķis", "Programming technician", ["3512.03"], ["sec", "post"]),
    ("compsys", "it", "481", "06", "Datorsistēmas, datubāzes un datortīkli", "Computer systems, databases and networks", "Datorsistēmu tehniķis", "Computer systems technician", ["3513.01"], ["sec", "post"]),
    ("database", "it", "481", "06", "Datorsistēmas, datubāzes un datortīkli", "Computer systems, databases and networks", "Datubāzu tehniķis", "Database technician", ["3512.02"], ["sec"]),
    ("multimedia", "design", "213", "02", "Multimediju dizains", "Multimedia design", "Multimediju dizaina speciālists", "Multimedia design specialist", ["3432.35"], ["sec", "post"]),
    ("graphic", "design", "214", "02", "Dizains", "Design", "Vizuālās reklāmas dizaina speciālists", "Visual advertising design specialist", ["3432.33", "2166.03"], ["sec"]),
    ("interior", "design", "214", "02", "Interjera dizains", "Interior design", "Interjera dizaina speciālists", "Interior design specialist", ["3432.34"], ["sec"]),
    ("photographer", "design", "213", "02", "Fotografēšana", "Photography", "Fotogrāfs", "Photographer", ["8132.01"], ["post"]),
    ("fashion", "textile", "214", "02", "Modes un apģērbu dizains", "Fashion and clothing design", "Apģērbu dizaina speciālists", "Clothing design specialist", ["3432.14"], ["sec"]),
    ("tailor", "textile", "542", "07", "Apģērbu izgatavošana", "Clothing manufacture", "Drēbnieks", "Tailor", ["7531.03"], ["sec", "post"]),
    ("sewing", "textile", "542", "07", "Apģērbu izgatavošana", "Clothing manufacture", "Šūšanas iekārtu operators", "Sewing machine operator", ["8153.01"], ["basic"]),
    ("electrical_tech", "energy", "522", "07", "Elektroenerģētika, elektrotehnika un elektromehānika", "Electrical power engineering, electrical engineering and electromechanics", "Elektrotehniķis", "Electrical technician", ["3113.02"], ["sec", "post"]),
    ("electrician", "energy", "522", "07", "Elektromontāža", "Electrical installation", "Elektriķis", "Electrician", ["7411.01"], ["basic"]),
    ("heating", "energy", "522", "07", "Siltumtehnika un siltumenerģētika", "Heat engineering and heat power", "Siltumenerģētikas tehniķis", "Heat power technician", ["3115.27"], ["sec"]),
    ("electronics", "energy", "523", "07", "Elektronika", "Electronics", "Elektronikas tehniķis", "Electronics technician", ["3114.02"], ["sec"]),
    ("mechatronics", "metal", "523", "07", "Mehatronika", "Mechatronics", "Mehatronikas tehniķis", "Mechatronics technician", ["3115.46", ESCO_MECHATRONICS_TECH], ["sec", "post"]),
    ("machine_tech", "metal", "521", "07", "Mašīnbūve", "Mechanical engineering", "Mašīnbūves tehniķis", "Mechanical engineering technician", ["3115.35"], ["sec"]),
    ("welder", "metal", "521", "07", "Metālapstrāde", "Metalworking", "Metinātājs", "Welder", ["7212.12"], ["sec", "post"]),
    ("arc_welder", "metal", "521", "07", "Metālapstrāde", "Metalworking", "Rokas lokmetinātājs", "Manual metal arc welder", ["7212.04"], ["basic"]),
    ("car_mechanic", "auto", "525", "07", "Autotransports", "Motor vehicles", "Automehāniķis", "Car mechanic", ["7231.02"], ["sec", "post"]),
    ("auto_electrician", "auto", "525", "07", "Autotransports", "Motor vehicles", "Autoelektriķis", "Automotive electrician", ["7412.15"], ["sec"]),
    ("mechanic_assistant", "auto", "525", "07", "Autotransports", "Motor vehicles", "Automehāniķa palīgs", "Car mechanic's assistant", ["7231.08"], ["basic"]),
    ("body_repair", "auto", "525", "07", "Autotransports", "Motor vehicles", "Autovirsbūvju remontatslēdznieks", "Car body repairer", ["7231.15"], ["basic"]),
    ("agri_mechanic", "agri", "525", "07", "Lauksaimniecības tehnika", "Agricultural machinery", "Lauksaimniecības tehnikas mehāniķis", "Agricultural machinery mechanic", ["7233.21"], ["sec"]),
    ("food_tech", "food", "541", "07", "Pārtikas produktu ražošana", "Food production", "Pārtikas produktu ražošanas tehniķis", "Food production technician", ["3119.20"], ["sec"]),
    ("confectioner", "food", "541", "07", "Pārtikas produktu ražošana", "Food production", "Konditors", "Confectioner", ["7512.06"], ["sec", "post"]),
    ("baker", "food", "541", "07", "Pārtikas produktu ražošana", "Food production", "Maiznieks", "Baker", ["7512.01"], ["basic"]),
    ("furniture", "wood", "543", "07", "Kokizstrādājumu izgatavošana", "Woodworking", "Mēbeļu galdnieks", "Furniture joiner", ["7522.02"], ["sec", "post"]),
    ("wood_tech", "wood", "543", "07", "Kokizstrādājumu izgatavošana", "Woodworking", "Koka izstrādājumu ražošanas tehniķis", "Wood products technician", ["3119.27"], ["sec"]),
    ("wood_worker", "wood", "543", "07", "Kokizstrādājumu izgatavošana", "Woodworking", "Koksnes materiālu apstrādātājs", "Wood machinist", ["7522.06"], ["basic"]),
    ("builder_tech", "construction", "582", "07", "Būvniecība", "Construction", "Būvtehniķis", "Construction technician", ["3112.02"], ["sec", "post"]),
    ("finishing_tech", "construction", "582", "07", "Būvdarbi", "Construction works", "Apdares darbu tehniķis", "Finishing works technician", ["7123.02", "7122.02"], ["sec"]),
    ("road_tech", "construction", "582", "07", "Ceļu būvniecība", "Road construction", "Ceļu būvtehniķis", "Road construction technician", ["3112.16"], ["sec"]),
    ("finisher", "construction", "582", "07", "Būvdarbi", "Construction works", "Apdares darbu strādnieks", "Finishing worker", ["7123.02"], ["basic"]),
    ("painter", "construction", "582", "07", "Būvdarbi", "Construction works", "Krāsotājs", "Painter and decorator", ["7131.01"], ["basic"]),
    ("tiler", "construction", "582", "07", "Būvdarbi", "Construction works", "Flīzētājs", "Tiler", ["7122.02"], ["basic"]),
    ("carpenter", "construction", "582", "07", "Būvdarbi", "Construction works", "Namdaris", "Carpenter", ["7115.01"], ["basic"]),
    ("bricklayer", "construction", "582", "07", "Būvdarbi", "Construction works", "Mūrnieks", "Bricklayer", [ESCO_BRICKLAYER], ["basic"]),
    ("plumber", "construction", "582", "07", "Inženierkomunikāciju būvdarbi", "Building services installation", "Santehniķis", "Plumber", ["7126.01"], ["basic", "post"]),
    ("logistics", "logistics", "840", "10", "Loģistika", "Logistics", "Loģistikas darbinieks", "Logistics clerk", ["3339.16", "3331.03"], ["sec", "post"]),
    ("warehouse", "logistics", "840", "10", "Loģistika", "Logistics", "Noliktavas darbinieks", "Warehouse worker", ["4321.08"], ["basic"]),
    ("rail", "logistics", "840", "10", "Dzelzceļa transports", "Railway transport", "Dzelzceļa automātikas un sakaru tehniķis", "Railway signalling and communications technician", ["3113.16"], ["sec"]),
    ("agronomy", "agri", "621", "08", "Lauksaimniecība", "Agriculture", "Agronomijas tehniķis", "Agronomy technician", ["3142.01"], ["sec", "post"]),
    ("farmer", "agri", "621", "08", "Lauksaimniecība", "Agriculture", "Lauksaimnieks", "Farmer", ["6114.01"], ["basic"]),
    ("gardener", "agri", "622", "08", "Dārzkopība", "Horticulture", "Dārzkopis", "Gardener", ["6113.12"], ["sec", "basic"]),
    ("landscape_tech", "agri", "622", "08", "Dārzu un parku ierīkošana", "Garden and park landscaping", "Ainavu būvtehniķis", "Landscape construction technician", ["3112.43"], ["sec"]),
    ("forestry", "agri", "623", "08", "Mežsaimniecība", "Forestry", "Mežsaimniecības tehniķis", "Forestry technician", ["3143.03"], ["sec"]),
    ("forest_machine", "agri", "623", "08", "Mežsaimniecība", "Forestry", "Meža mašīnu operators", "Forest machine operator", ["8341.07"], ["post"]),
    ("accountant", "business", "344", "04", "Grāmatvedība", "Accounting", "Grāmatvedis", "Accountant", ["3313.01"], ["sec", "post"]),
    ("office", "business", "346", "04", "Administratīvie un sekretāra pakalpojumi", "Administrative and secretarial services", "Biroja administrators", "Office administrator", ["3341.01"], ["sec", "post"]),
    ("sales", "business", "341", "04", "Komerczinības", "Commerce", "Pārdevējs konsultants", "Sales consultant", ["5223.03", "3322.04"], ["sec"]),
    ("social_carer", "care", "762", "09", "Sociālā aprūpe", "Social care", "Sociālais aprūpētājs", "Social carer", ["3412.01"], ["sec", "post"]),
    ("childminder", "care", "761", "09", "Bērnu aprūpe", "Childcare", "Auklis", "Childminder", ["5311.01"], ["post"]),
    ("masseur", "care", "726", "09", "Masāža", "Massage", "Masieris", "Masseur", ["3255.08"], ["post"]),
    ("environment", "env", "851", "05", "Vides aizsardzība", "Environmental protection", "Vides tehniķis", "Environmental technician", ["3141.25"], ["sec"]),
    ("security", "security", "861", "10", "Apsardzes darbs", "Security services", "Apsardzes darbinieks", "Security guard", ["5414.05"], ["basic"]),
]

# --------------------------------------------------------------------------------------------
# College programmes (first-level professional higher education, LQF 5, code 41):
# key: group, field, name lv/en, qualification lv/en, occupations, years, rule
# --------------------------------------------------------------------------------------------
COLLEGE = {
    "programming": ("481", "06", "Programmēšana", "Programming", "Programmētājs", "Programmer", ["2512.05"], 2, "demo-college-technical"),
    "compsys": ("481", "06", "Datorsistēmas un datortīkli", "Computer systems and networks", "Datorsistēmu un datortīklu administrators", "Computer systems and network administrator", ["2522.01"], 2, "demo-college-technical"),
    "accounting": ("344", "04", "Grāmatvedība un finanses", "Accounting and finance", "Grāmatvedis", "Accountant", ["3313.01", "2411.01"], 2, "demo-college-general"),
    "business": ("345", "04", "Uzņēmējdarbības vadība", "Business management", "Komercdarbības konsultants", "Business consultant", ["2412.02"], 2, "demo-college-general"),
    "marketing": ("342", "04", "Mārketings un tirdzniecība", "Marketing and sales", "Tirgzinis", "Marketing specialist", ["3323.11", "3339.35"], 2, "demo-college-general"),
    "hospitality": ("811", "10", "Viesnīcu un restorānu serviss", "Hotel and restaurant service", "Viesnīcu un restorānu servisa speciālists", "Hotel and restaurant service specialist", ["1411.07", "5120.05"], 2, "demo-college-general"),
    "tourism": ("812", "10", "Tūrisma un atpūtas organizācija", "Tourism and leisure management", "Tūrisma organizators", "Tour organiser", ["3339.42"], 2, "demo-college-general"),
    "logistics": ("840", "10", "Loģistika", "Logistics", "Loģistikas speciālists", "Logistics specialist", ["3323.02"], 2, "demo-college-general"),
    "law": ("380", "04", "Tiesību zinātnes", "Law", "Jurista palīgs", "Paralegal", ["3411.02"], 2, "demo-college-general"),
    "construction": ("582", "07", "Būvniecība", "Civil engineering", "Būvdarbu vadītājs", "Construction site manager", ["3123.04"], 3, "demo-college-technical"),
    "energy": ("522", "07", "Elektroenerģētika", "Electrical power engineering", "Energosistēmu tehniķis", "Power systems technician", ["3115.29"], 3, "demo-college-technical"),
    "mechatronics": ("523", "07", "Mehatronika", "Mechatronics", "Mehatroniķis", "Mechatronics specialist", ["3115.37", ESCO_MECHATRONICS_TECH], 2, "demo-college-technical"),
    "auto": ("525", "07", "Autotransports", "Motor vehicles", "Autoapkopes speciālists", "Vehicle maintenance specialist", ["3115.38"], 2, "demo-college-technical"),
    "medical": ("721", "09", "Ārstniecība", "Medical care", "Ārsta palīgs", "Physician assistant", ["2240.01"], 3, "demo-college-health"),
    "dental": ("724", "09", "Zobārstniecība", "Dental care", "Zobu higiēnists", "Dental hygienist", ["3251.02"], 2, "demo-college-health"),
    "pharmacy": ("727", "09", "Farmācija", "Pharmacy", "Farmaceita asistents", "Pharmacist assistant", ["3213.01"], 3, "demo-college-health"),
    "cosmetology": ("815", "10", "Kosmetoloģija", "Cosmetology", "Kosmētiķis", "Beauty therapist", ["5142.19"], 2, "demo-college-health"),
    "biomed_lab": ("725", "09", "Biomedicīnas laboratorijas tehnoloģijas", "Biomedical laboratory technology", "Biomedicīnas laborants", "Biomedical laboratory technician", ["3212.03", "3212.02"], 3, "demo-college-health"),
    "agriculture": ("621", "08", "Lauksaimniecība", "Agriculture", "Lauksaimniecības organizators", "Agricultural organiser", ["3142.20"], 2, "demo-college-general"),
    "adv_design": ("214", "02", "Reklāmas dizains", "Advertising design", "Reklāmas dizainers", "Advertising designer", ["2163.05", "3432.33"], 3, "demo-college-creative"),
}

# --------------------------------------------------------------------------------------------
# University subjects: key -> dict
#   b: bachelor kind ("bachelor" = academic, code 43; "professional_bachelor" = code 42) or None
#   m: master type ("45" academic, "46" professional) or None; d: doctoral allowed
# dom: degree domain; loc: Latvian locative used in degree names; qual: professional qualification
# --------------------------------------------------------------------------------------------
DOMAINS = {
    "nat": ("Dabaszinātņu", "Natural Sciences"), "soc": ("Sociālo zinātņu", "Social Sciences"),
    "hum": ("Humanitāro zinātņu", "Humanities"), "eng": ("Inženierzinātņu", "Engineering Sciences"),
    "art": ("Mākslas", "Arts"), "agr": ("Lauksaimniecības zinātņu", "Agricultural Sciences"),
    "hea": ("Veselības zinātņu", "Health Sciences"), "edu": ("Izglītības zinātņu", "Educational Sciences"),
    "law": ("Tiesību zinātņu", "Laws"),
}


def S(group, field, name_lv, name_en, loc, dom, occ, rule, b, m, qual=None, years=None):
    return {"group": group, "field": field, "name_lv": name_lv, "name_en": name_en, "loc": loc, "dom": dom,
            "occ": occ, "rule": rule, "b": b, "m": m, "qual": qual, "years": years}


SUBJECTS = {
    "cs": S("481", "06", "Datorzinātnes", "Computer Science", "datorzinātnēs", "nat", ["2512.05", "2511.04"], "demo-lu-computing", "bachelor", "45"),
    "data": S("461", "05", "Datu zinātne", "Data Science", "datu zinātnē", "nat", ["2120.22", "2511.04"], "demo-lu-computing", "bachelor", None),
    "it": S("481", "06", "Informācijas tehnoloģijas", "Information Technology", "informācijas tehnoloģijās", "eng", ["2512.02", "2512.05"], "demo-computing-applied", "professional_bachelor", "46", ("Programmēšanas inženieris", "Software engineer")),
    "compsys": S("481", "06", "Datorsistēmas", "Computer Systems", "datorsistēmās", "eng", ["2512.06", "2522.01"], "demo-rtu-engineering", "professional_bachelor", None, ("Datorsistēmu inženieris", "Computer systems engineer")),
    "gamedev": S("481", "06", "Datorspēļu izstrāde", "Game Development", "datorspēļu izstrādē", "eng", ["2513.04", "2514.01"], "demo-computing-applied", "professional_bachelor", None, ("Lietojumprogrammu izstrādātājs", "Application developer")),
    "electrical": S("522", "07", "Elektroenerģētika un elektrotehnika", "Electrical Power Engineering", "elektroenerģētikā un elektrotehnikā", "eng", ["2151.01"], "demo-rtu-engineering", "professional_bachelor", "46", ("Elektroinženieris", "Electrical engineer")),
    "mechanical": S("521", "07", "Mašīnbūve", "Mechanical Engineering", "mašīnbūvē", "eng", ["2144.47", "2144.22"], "demo-rtu-engineering", "professional_bachelor", "46", ("Mašīnu un aparātu būves inženieris", "Mechanical engineer")),
    "mechatronics": S("523", "07", "Mehatronika", "Mechatronics", "mehatronikā", "eng", ["2144.38"], "demo-rtu-engineering", "professional_bachelor", "46", ("Mehatronikas inženieris", "Mechatronics engineer")),
    "civil": S("582", "07", "Būvniecība", "Civil Engineering", "būvniecībā", "eng", ["2142.01", "2142.05"], "demo-rtu-engineering", "professional_bachelor", "46", ("Būvinženieris", "Civil engineer")),
    "architecture": S("581", "07", "Arhitektūra", "Architecture", "arhitektūrā", "eng", ["2161.01", "2161.02"], "demo-architecture", "bachelor", "46"),
    "agri_eng": S("521", "07", "Lauksaimniecības inženierzinātne", "Agricultural Engineering", "lauksaimniecības inženierzinātnē", "eng", ["2144.16"], "demo-rtu-engineering", "professional_bachelor", None, ("Lauksaimniecības inženieris", "Agricultural engineer")),
    "logistics": S("840", "10", "Transports un loģistika", "Transport and Logistics", "transportā un loģistikā", "soc", ["1324.39", "3323.02"], "demo-business", "professional_bachelor", "46", ("Loģistikas vadītājs", "Logistics manager")),
    "econ": S("314", "03", "Ekonomika", "Economics", "ekonomikā", "soc", ["2631.02"], "demo-business", "bachelor", "45"),
    "bizman": S("345", "04", "Uzņēmējdarbības vadība", "Business Management", "uzņēmējdarbības vadībā", "soc", ["2412.02", "1211.01"], "demo-business", "professional_bachelor", "46", ("Uzņēmuma vadītājs", "Business manager")),
    "finance": S("343", "04", "Finanses un grāmatvedība", "Finance and Accounting", "finansēs un grāmatvedībā", "soc", ["2411.01", "2413.02"], "demo-business", "professional_bachelor", None, ("Finanšu analītiķis", "Financial analyst")),
    "tourism": S("812", "10", "Tūrisma vadība", "Tourism Management", "tūrisma vadībā", "soc", ["1431.05", "3339.42"], "demo-business", "professional_bachelor", None, ("Tūrisma uzņēmuma vadītājs", "Tourism business manager")),
    "hospitality": S("811", "10", "Viesmīlības vadība", "Hospitality Management", "viesmīlības vadībā", "soc", ["1411.01"], "demo-business", "professional_bachelor", None, ("Viesnīcas vadītājs", "Hotel manager")),
    "law": S("380", "04", "Tiesību zinātne", "Law", "tiesību zinātnē", "law", ["2611.01"], "demo-law", "bachelor", "46"),
    "psychology": S("311", "03", "Psiholoģija", "Psychology", "psiholoģijā", "soc", ["2634.10", "2634.01"], "demo-social-sciences", "bachelor", "45"),
    "communication": S("321", "03", "Komunikācijas zinātne", "Communication Science", "komunikācijas zinātnē", "soc", ["2642.01", "3339.39"], "demo-social-sciences", "bachelor", "45"),
    "social_work": S("762", "09", "Sociālais darbs", "Social Work", "sociālajā darbā", "soc", ["2635.01"], "demo-social-sciences", "professional_bachelor", "46", ("Sociālais darbinieks", "Social worker")),
    "history": S("225", "02", "Vēsture", "History", "vēsturē", "hum", ["2633.02"], "demo-humanities", "bachelor", "45"),
    "latvian": S("223", "02", "Latviešu filoloģija", "Latvian Philology", "latviešu filoloģijā", "hum", ["2643.07"], "demo-humanities", "bachelor", None),
    "english": S("222", "02", "Angļu filoloģija", "English Philology", "angļu filoloģijā", "hum", ["2643.07", "2643.03"], "demo-languages", "bachelor", "45"),
    "translation": S("222", "02", "Tulkošana", "Translation", "tulkošanā", "hum", ["2643.10", "2643.03"], "demo-languages", "professional_bachelor", "46", ("Tulkotājs", "Translator")),
    "math": S("461", "05", "Matemātika", "Mathematics", "matemātikā", "nat", ["2120.05"], "demo-natural-sciences", "bachelor", "45"),
    "physics": S("441", "05", "Fizika", "Physics", "fizikā", "nat", ["2111.10"], "demo-natural-sciences", "bachelor", None),
    "chemistry": S("442", "05", "Ķīmija", "Chemistry", "ķīmijā", "nat", ["2113.02"], "demo-natural-sciences", "bachelor", None),
    "biology": S("421", "05", "Bioloģija", "Biology", "bioloģijā", "nat", ["2131.14"], "demo-natural-sciences", "bachelor", "45"),
    "environment": S("850", "05", "Vides zinātne", "Environmental Science", "vides zinātnē", "nat", ["2133.01", "2143.01"], "demo-natural-sciences", "bachelor", None),
    "nursing": S("723", "09", "Māszinības", "Nursing", "māszinībās", "hea", [ESCO_GENERAL_NURSE, "2221.03"], "demo-health-sciences", "professional_bachelor", "46", ("Vispārējās aprūpes māsa", "General care nurse")),
    "physio": S("726", "09", "Fizioterapija", "Physiotherapy", "fizioterapijā", "hea", ["2264.02"], "demo-health-sciences", "professional_bachelor", None, ("Fizioterapeits", "Physiotherapist")),
    "occupational": S("726", "09", "Ergoterapija", "Occupational Therapy", "ergoterapijā", "hea", ["2264.04"], "demo-health-sciences", "professional_bachelor", None, ("Ergoterapeits", "Occupational therapist")),
    "nutrition": S("726", "09", "Uztura zinātne", "Nutrition Science", "uztura zinātnē", "hea", ["2265.01"], "demo-health-sciences", "professional_bachelor", None, ("Uztura speciālists", "Dietitian")),
    "public_health": S("720", "09", "Sabiedrības veselība", "Public Health", "sabiedrības veselībā", "hea", ["3257.03", "2265.01"], "demo-health-sciences", "bachelor", "45"),
    "rehab": S("726", "09", "Rehabilitācija", "Rehabilitation", "rehabilitācijā", "hea", ["2264.02", "2264.04"], None, None, "45"),
    "teacher_primary": S("144", "01", "Sākumizglītības skolotājs", "Primary School Teacher", "izglītībā", "edu", ["2341.02"], "demo-teacher-education", "professional_bachelor", None, ("Sākumizglītības skolotājs", "Primary school teacher")),
    "preschool": S("143", "01", "Pirmsskolas izglītības skolotājs", "Pre-school Teacher", "izglītībā", "edu", ["2342.01"], "demo-teacher-education", "professional_bachelor", None, ("Pirmsskolas izglītības skolotājs", "Pre-school teacher")),
    "subject_teacher": S("145", "01", "Matemātikas un datorikas skolotājs", "Mathematics and Computing Teacher", "izglītībā", "edu", ["2330.01"], "demo-teacher-education", "professional_bachelor", None, ("Matemātikas un datorikas skolotājs", "Mathematics and computing teacher")),
    "education": S("142", "01", "Izglītības zinātnes", "Educational Sciences", "izglītības zinātnēs", "edu", ["2351.06", "2330.01"], None, None, "45"),
    "teacher": S("141", "01", "Skolotājs", "Teacher", "izglītībā", "edu", ["2330.01"], None, None, "46"),
    "sport": S("813", "10", "Sporta zinātne", "Sport Science", "sporta zinātnē", "edu", ["3422.03"], "demo-sports", "professional_bachelor", None, ("Sporta treneris", "Sports coach")),
    "design": S("214", "02", "Dizains", "Design", "dizainā", "art", ["2163.04", "2166.03"], "demo-arts-creative", "bachelor", None),
    "graphic": S("214", "02", "Grafiskais dizains", "Graphic Design", "grafiskajā dizainā", "art", ["2166.03", "2163.05"], "demo-arts-creative", "professional_bachelor", None, ("Grafikas dizainers", "Graphic designer")),
    "newmedia": S("213", "02", "Jauno mediju māksla", "New Media Art", "jauno mediju mākslā", "art", ["2651.29", "3432.35"], "demo-arts-creative", "bachelor", "45"),
    "visual_art": S("211", "02", "Vizuālā māksla", "Visual Arts", "vizuālajā mākslā", "art", ["2651.05"], "demo-arts-creative", "bachelor", None),
    "agriculture": S("621", "08", "Lauksaimniecība", "Agriculture", "lauksaimniecībā", "agr", ["2132.02"], "demo-agriculture", "bachelor", "45"),
    "forestry": S("623", "08", "Mežzinātne", "Forest Science", "mežzinātnē", "agr", ["2422.56", "3143.03"], "demo-agriculture", "bachelor", "45"),
    "food": S("541", "07", "Pārtikas zinātne", "Food Science", "pārtikas zinātnē", "agr", ["2145.10"], "demo-agriculture", "bachelor", "45"),
    "landscape": S("581", "07", "Ainavu arhitektūra un plānošana", "Landscape Architecture and Planning", "ainavu arhitektūrā", "art", ["2162.01"], "demo-architecture", "bachelor", "45"),
}

# --------------------------------------------------------------------------------------------
# Admission rules (format: docs/education-data.md; parser: src/karjera/education/admission/rules.py)
# --------------------------------------------------------------------------------------------
LEVELS = {"higher": 1.0, "optimal": 0.75, "general": 0.5}


def rule(rid, name, terms, threshold=None, minimums=None, grades=None):
    r = {"id": rid, "name": name, "level_coefficients": dict(LEVELS), "terms": terms}
    if grades:
        r["grades_sum_divisor"] = grades
    if minimums:
        r["minimums"] = minimums
    if threshold:
        r["threshold"] = threshold
    return r


def T(sf=None, paid=None):
    t = {}
    if sf is not None:
        t["state_funded"] = sf
    if paid is not None:
        t["paid"] = paid
    t["year"] = 2025
    return t


RULES = [
    # RTU-style: Σ(CE% × coefficient) + (sum of certificate grades)/1000, level coefficient left out.
    # Worked example: (80×1 + 70×0.7 + 75×0.8) + (6+6+9+8+6)/1000 = 189.035
    rule("demo-rtu-engineering", "Demo: engineering programmes (RTU-style)", [
        {"exam": "mathematics", "weight": 1.0, "apply_level": False},
        {"exam": "foreign_language", "weight": 0.7, "apply_level": False},
        {"exam": "latvian", "weight": 0.8, "apply_level": False},
    ], T(172.5, 118.0), [{"exam": "mathematics", "percent": 20, "for": "state_funded"}], 1000),
    # University of Latvia-style weighted sum of coefficient × CE percent
    rule("demo-lu-computing", "Demo: computing (University of Latvia-style)", [
        {"exam": "latvian", "weight": 0.3},
        {"exam": "foreign_language", "weight": 0.3},
        {"exam": "mathematics", "weight": 1.2},
        {"mean_of_all": True, "weight": 0.2},
        {"entrance_test": "lu-it-test", "weight": 0.8, "max": 100, "optional": True},
    ], T(189.4, 126.0)),
    rule("demo-computing-applied", "Demo: applied computing", [
        {"exam": "mathematics", "weight": 1.0},
        {"best_of": ["informatics", "physics"], "weight": 1.0},
        {"exam": "foreign_language", "weight": 0.7},
        {"exam": "latvian", "weight": 0.5},
    ], T(205.0, 140.0), [{"exam": "mathematics", "percent": 20, "for": "state_funded"}]),
    rule("demo-health-sciences", "Demo: health sciences", [
        {"best_of": ["biology", "chemistry"], "weight": 1.5},
        {"exam": "mathematics", "weight": 0.5},
        {"exam": "latvian", "weight": 0.5},
        {"exam": "foreign_language", "weight": 0.5},
    ], T(238.6, 176.0), [{"exam": "latvian", "percent": 40, "for": "all"}]),
    rule("demo-humanities", "Demo: humanities", [
        {"exam": "latvian", "weight": 1.0},
        {"best_of": ["history", "literature"], "weight": 1.0},
        {"exam": "foreign_language", "weight": 0.5},
    ], T(168.0, 104.5)),
    rule("demo-languages", "Demo: languages and translation", [
        {"exam": "foreign_language", "weight": 1.5},
        {"exam": "latvian", "weight": 1.0},
        {"mean_of_all": True, "weight": 0.5},
    ], T(201.0, 140.0), [{"exam": "foreign_language", "percent": 50, "for": "all"}]),
    rule("demo-arts-creative", "Demo: arts and design (creative task)", [
        {"entrance_test": "creative-task", "weight": 2.0, "max": 100},
        {"exam": "latvian", "weight": 0.5},
        {"exam": "foreign_language", "weight": 0.5},
    ], T(226.0, 150.0)),
    rule("demo-architecture", "Demo: architecture and landscape (drawing test)", [
        {"entrance_test": "drawing", "weight": 1.5, "max": 100},
        {"exam": "mathematics", "weight": 0.8},
        {"exam": "latvian", "weight": 0.4},
        {"exam": "foreign_language", "weight": 0.4},
    ], T(221.5, 161.0)),
    rule("demo-business", "Demo: business, economics and management", [
        {"exam": "mathematics", "weight": 1.0},
        {"exam": "foreign_language", "weight": 1.0},
        {"best_of": ["history", "geography", "economics"], "weight": 0.5, "optional": True},
        {"exam": "latvian", "weight": 0.5},
    ], T(207.0, 121.0)),
    rule("demo-law", "Demo: law", [
        {"exam": "latvian", "weight": 1.0},
        {"exam": "foreign_language", "weight": 1.0},
        {"exam": "history", "weight": 0.8, "optional": True},
        {"mean_of_all": True, "weight": 0.4},
    ], T(236.0, 158.0)),
    rule("demo-social-sciences", "Demo: social sciences", [
        {"exam": "latvian", "weight": 0.8},
        {"exam": "foreign_language", "weight": 0.8},
        {"best_of": ["history", "economics", "geography"], "weight": 0.6, "optional": True},
        {"mean_of_all": True, "weight": 0.3},
    ], T(171.0, 110.0)),
    rule("demo-natural-sciences", "Demo: natural sciences and mathematics", [
        {"exam": "mathematics", "weight": 1.0},
        {"best_of": ["physics", "chemistry", "biology"], "weight": 1.0},
        {"exam": "latvian", "weight": 0.5},
        {"exam": "foreign_language", "weight": 0.5},
    ], T(158.0, 110.0)),
    rule("demo-teacher-education", "Demo: teacher education", [
        {"exam": "latvian", "weight": 1.0},
        {"exam": "foreign_language", "weight": 0.5},
        {"exam": "mathematics", "weight": 0.5},
        {"entrance_test": "motivation-interview", "weight": 0.5, "max": 10},
    ], T(150.0, 100.0)),
    rule("demo-sports", "Demo: sport science (physical fitness test)", [
        {"entrance_test": "physical-fitness", "weight": 1.5, "max": 100},
        {"exam": "latvian", "weight": 0.5},
        {"exam": "foreign_language", "weight": 0.5},
    ]),
    rule("demo-agriculture", "Demo: agriculture, forestry and food", [
        {"exam": "mathematics", "weight": 0.7},
        {"best_of": ["biology", "chemistry", "geography"], "weight": 1.0},
        {"exam": "latvian", "weight": 0.5},
    ], T(sf=118.0)),
    rule("demo-college-general", "Demo: college programmes (general)", [
        {"mean_of_all": True, "weight": 1.0},
        {"exam": "latvian", "weight": 0.5},
    ]),
    rule("demo-college-technical", "Demo: college programmes (technical)", [
        {"exam": "mathematics", "weight": 1.0},
        {"mean_of_all": True, "weight": 0.5},
        {"exam": "latvian", "weight": 0.5},
    ], T(96.0, 60.0)),
    rule("demo-college-health", "Demo: college programmes (health care)", [
        {"best_of": ["biology", "chemistry", "natural_sciences"], "weight": 1.0},
        {"exam": "latvian", "weight": 0.5},
        {"mean_of_all": True, "weight": 0.5},
    ], T(128.5, 84.0)),
    rule("demo-college-creative", "Demo: college programmes (creative task)", [
        {"entrance_test": "creative-task", "weight": 1.0, "max": 100},
        {"exam": "latvian", "weight": 0.5},
        {"mean_of_all": True, "weight": 0.5},
    ]),
]
RULE_IDS = [r["id"] for r in RULES]

# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------
PROGRAMME_COLUMNS = [
    "code", "institution", "name_lv", "name_en", "kind", "lqf_level", "isced_field", "entry", "duration_years",
    "form", "language", "qualification_lv", "qualification_en", "occupations", "state_funded_places", "fee_eur",
    "admission_rule", "course_sets",
]


def slug(text: str) -> str:
    folded = "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))
    out, dash = [], False
    for c in folded:
        if c.isascii() and c.isalnum():
            out.append(c)
            dash = False
        elif not dash:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def years(value) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def fee(lo: int, hi: int) -> int:
    return rng.randrange(lo, hi + 1, 50)


def pick_form(full=0.8, part=0.15) -> str:
    x = rng.random()
    return "full_time" if x < full else "part_time" if x < full + part else "distance"


def pick_language(lv=0.75, both=0.15) -> str:
    x = rng.random()
    return "lv" if x < lv else "lv|en" if x < lv + both else "en"


# --------------------------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------------------------
def build():
    institutions, course_sets, programmes = [], [], []

    used_registry = set()
    region_digit = {"riga": "1", "kurzeme": "2", "latgale": "3", "vidzeme": "4", "zemgale": "5"}
    kind_digits = {"secondary_school": "31", "gymnasium": "31", "vocational_school": "33", "competence_centre": "33",
                   "college": "41", "university": "42"}
    for name_lv, name_en, kind, muni, profile in INSTITUTIONS:
        code, _, _, _, region, town, (p_lo, p_hi) = MUNI[muni]
        while True:  # invented: "9" + region digit + stage digits + 6 random digits
            reg = "9" + region_digit[region] + kind_digits[kind] + f"{rng.randrange(10**6):06d}"
            if reg not in used_registry:
                used_registry.add(reg)
                break
        street = rng.choice(STREETS)
        number = rng.randint(1, 68)
        postcode = rng.randint(p_lo, p_hi)
        inst = {
            "registry_number": reg, "name_lv": name_lv, "name_en": name_en, "kind": kind, "municipality": code,
            "address": f"{street} {number}, {town}, LV-{postcode:04d}",
            "website": f"https://demo.karjera.example/{slug(name_lv.replace(PIKC, 'pikc'))}",
            "demo": "1",
        }
        institutions.append(inst)
        builder = {
            "secondary_school": build_school, "gymnasium": build_school, "vocational_school": build_vocational,
            "competence_centre": build_vocational, "college": build_college, "university": build_university,
        }[kind]
        builder(inst, profile, course_sets, programmes)
    return institutions, course_sets, programmes


def build_school(inst, profile, course_sets, programmes):
    reg, gym = inst["registry_number"], inst["kind"] == "gymnasium"
    want = rng.randint(2, 4)
    keys = list(profile[:want])
    extras = [k for k in SET_ORDER if k not in keys]
    while len(keys) < want:
        keys.append(extras.pop(rng.randrange(len(extras))))
    ids = []
    for k in keys:
        name_lv, name_en, courses, _ = COURSE_SETS[k]
        cid = f"{reg}-{k}"
        ids.append(cid)
        course_sets.append({"id": cid, "institution": reg, "name_lv": name_lv, "name_en": name_en,
                            "advanced_courses": "|".join(courses)})
    field = COURSE_SETS[keys[0]][3]
    places = rng.choice([56, 84, 112] if gym else [28, 56, 84])
    base = {"institution": reg, "kind": "general_secondary", "lqf_level": "4", "isced_field": field, "entry": "after_9",
            "duration_years": "3", "qualification_lv": "Vispārējā vidējā izglītība",
            "qualification_en": "General secondary education", "occupations": "", "fee_eur": "", "admission_rule": ""}
    programmes.append({**base, "code": "31011011", "name_lv": "Vispārējās vidējās izglītības programma",
                       "name_en": "General secondary education programme", "form": "full_time", "language": "lv",
                       "state_funded_places": str(places), "course_sets": "|".join(ids)})
    extra = rng.random()
    if not gym and extra < 0.3:
        programmes.append({**base, "code": "31011013", "name_lv": "Vispārējās vidējās izglītības tālmācības programma",
                           "name_en": "General secondary education programme (distance learning)", "form": "distance",
                           "language": "lv", "state_funded_places": str(rng.choice([30, 45, 60])),
                           "course_sets": "|".join(ids[:2])})
    elif not gym and extra < 0.5:
        programmes.append({**base, "code": "31011012", "name_lv": "Vispārējās vidējās izglītības programma (neklātiene)",
                           "name_en": "General secondary education programme (part-time)", "form": "part_time",
                           "language": "lv", "state_funded_places": str(rng.choice([20, 25, 30])),
                           "course_sets": "|".join(ids[:2])})


# programme-group suffixes: the k-th distinct programme in a group gets "<k:02d>1"
def _suffixes(entries):
    seen, out = Counter(), {}
    for key, group in entries:
        seen[group] += 1
        out[key] = f"{seen[group]:02d}1"
    return out


VOC_SUFFIX = _suffixes([(v[0], v[2]) for v in VOCATIONAL])
COL_SUFFIX = _suffixes([(k, v[0]) for k, v in COLLEGE.items()])
SUBJ_SUFFIX = _suffixes([(k, v["group"]) for k, v in SUBJECTS.items()])


def build_vocational(inst, sectors, course_sets, programmes):
    reg, pikc = inst["registry_number"], inst["kind"] == "competence_centre"
    for key, sector, group, field, name_lv, name_en, q_lv, q_en, occ, levels in VOCATIONAL:
        if sector not in sectors or rng.random() > (0.85 if pikc else 0.7):
            continue
        base = {"institution": reg, "name_lv": name_lv, "name_en": name_en, "isced_field": field,
                "qualification_lv": q_lv, "qualification_en": q_en, "occupations": "|".join(occ), "fee_eur": "",
                "admission_rule": "", "course_sets": "", "language": "lv"}
        for level in levels:
            if level == "post" and rng.random() > (0.75 if pikc else 0.55):
                continue
            if level == "sec":
                programmes.append({**base, "code": f"33{group}{VOC_SUFFIX[key]}", "kind": "vocational_secondary",
                                   "lqf_level": "4", "entry": "after_9", "duration_years": "4", "form": "full_time",
                                   "state_funded_places": str(rng.choice([16, 20, 24, 25, 28, 30]))})
            elif level == "post":
                form = pick_form(0.65, 0.3) if sector in ("it", "business", "logistics") else pick_form(0.75, 0.25)
                programmes.append({**base, "code": f"35{group}{VOC_SUFFIX[key]}", "kind": "vocational_secondary",
                                   "lqf_level": "4", "entry": "after_12", "duration_years": "1.5", "form": form,
                                   "state_funded_places": str(rng.choice([12, 15, 16, 20, 24]))})
            else:
                programmes.append({**base, "code": f"32{group}{VOC_SUFFIX[key]}", "kind": "vocational_basic",
                                   "lqf_level": "3", "entry": "after_9", "duration_years": rng.choice(["3", "3", "2"]),
                                   "form": "full_time", "state_funded_places": str(rng.choice([12, 14, 16, 20]))})


def build_college(inst, keys, course_sets, programmes):
    reg = inst["registry_number"]
    for key in keys:
        group, field, name_lv, name_en, q_lv, q_en, occ, yrs, rid = COLLEGE[key]
        form = pick_form(0.7, 0.25)
        programmes.append({
            "code": f"41{group}{COL_SUFFIX[key]}", "institution": reg, "name_lv": name_lv, "name_en": name_en,
            "kind": "college", "lqf_level": "5", "isced_field": field, "entry": "after_12",
            "duration_years": years(yrs + (0.5 if form == "part_time" else 0)), "form": form,
            "language": "lv" if rng.random() < 0.9 else "lv|en", "qualification_lv": q_lv, "qualification_en": q_en,
            "occupations": "|".join(occ),
            "state_funded_places": str(0 if form != "full_time" and rng.random() < 0.6 else rng.choice([10, 15, 20, 25, 30, 40])),
            "fee_eur": str(fee(1300, 2600)), "admission_rule": rid, "course_sets": "",
        })


def build_university(inst, profile, course_sets, programmes):
    reg = inst["registry_number"]
    bachelors, masters, doctorals = profile
    for key in bachelors:
        s = SUBJECTS[key]
        dom_lv, dom_en = DOMAINS[s["dom"]]
        if s["b"] == "bachelor":
            code, kind, yrs = f"43{s['group']}{SUBJ_SUFFIX[key]}", "bachelor", 3
            if key == "law":
                q_lv, q_en = "Tiesību zinātņu bakalaura grāds", "Bachelor of Laws"
            else:
                q_lv, q_en = f"{dom_lv} bakalaura grāds {s['loc']}", f"Bachelor of {dom_en} in {s['name_en']}"
        else:
            code, kind, yrs = f"42{s['group']}{SUBJ_SUFFIX[key]}", "professional_bachelor", 4
            q_lv = f"Profesionālā bakalaura grāds {s['loc']}; kvalifikācija: {s['qual'][0]}"
            q_en = f"Professional Bachelor's degree in {s['name_en']}; qualification: {s['qual'][1]}"
        form = pick_form(0.8, 0.15)
        language = pick_language(0.75, 0.15)
        if form != "full_time":
            yrs += 0.5 if kind == "bachelor" else 1
        sf = 0 if (form != "full_time" or language == "en" or rng.random() < 0.12) else rng.choice([10, 15, 20, 25, 30, 40, 50, 60, 80])
        lo, hi = (3500, 5500) if language == "en" else (2000, 4500)
        programmes.append({
            "code": code, "institution": reg, "name_lv": s["name_lv"], "name_en": s["name_en"], "kind": kind,
            "lqf_level": "6", "isced_field": s["field"], "entry": "after_12", "duration_years": years(yrs), "form": form,
            "language": language, "qualification_lv": q_lv, "qualification_en": q_en, "occupations": "|".join(s["occ"]),
            "state_funded_places": str(sf), "fee_eur": str(fee(lo, hi)), "admission_rule": s["rule"], "course_sets": "",
        })
    for key in masters:
        s = SUBJECTS[key]
        dom_lv, dom_en = DOMAINS[s["dom"]]
        if s["m"] == "45":
            q_lv, q_en = f"{dom_lv} maģistra grāds {s['loc']}", f"Master of {dom_en} in {s['name_en']}"
            name_lv, name_en, yrs = s["name_lv"], s["name_en"], 2
        else:
            q_lv, q_en = f"Profesionālā maģistra grāds {s['loc']}", f"Professional Master's degree in {s['name_en']}"
            name_lv, name_en, yrs = s["name_lv"], s["name_en"], rng.choice([1.5, 2])
        if key == "bizman":
            name_lv, name_en = "Uzņēmējdarbības vadība (MBA)", "Business Administration (MBA)"
        form = pick_form(0.65, 0.3)
        language = pick_language(0.55, 0.25)
        sf = 0 if (form != "full_time" and rng.random() < 0.7) or rng.random() < 0.2 else rng.choice([5, 8, 10, 12, 15, 20, 25, 30])
        programmes.append({
            "code": f"{s['m']}{s['group']}{SUBJ_SUFFIX[key]}", "institution": reg, "name_lv": name_lv, "name_en": name_en,
            "kind": "master", "lqf_level": "7", "isced_field": s["field"], "entry": "after_degree",
            "duration_years": years(yrs), "form": form, "language": language, "qualification_lv": q_lv,
            "qualification_en": q_en, "occupations": "|".join(s["occ"]), "state_funded_places": str(sf),
            "fee_eur": str(fee(2500, 5000)), "admission_rule": "", "course_sets": "",
        })
    for key in doctorals:
        s = SUBJECTS[key]
        programmes.append({
            "code": f"51{s['group']}{SUBJ_SUFFIX[key]}", "institution": reg, "name_lv": s["name_lv"],
            "name_en": s["name_en"], "kind": "doctoral", "lqf_level": "8", "isced_field": s["field"],
            "entry": "after_degree", "duration_years": rng.choice(["3", "4", "4"]), "form": "full_time",
            "language": rng.choice(["lv|en", "lv|en", "en", "lv"]),
            "qualification_lv": f"Zinātnes doktora grāds (Ph.D.) {s['loc']}",
            "qualification_en": f"Doctor of Science (Ph.D.) in {s['name_en']}", "occupations": "|".join(s["occ"]),
            "state_funded_places": str(rng.choice([3, 4, 5, 6, 8, 10])), "fee_eur": str(fee(3000, 4500)),
            "admission_rule": "", "course_sets": "",
        })


# --------------------------------------------------------------------------------------------
# Validation (the import is all-or-nothing; catch mistakes before writing anything)
# --------------------------------------------------------------------------------------------
PROGRAMME_KINDS = {"general_secondary": ("4",), "vocational_secondary": ("4",), "vocational_basic": ("3",),
                   "college": ("5",), "professional_bachelor": ("6",), "bachelor": ("6",), "master": ("7",),
                   "doctoral": ("8",)}
INSTITUTION_KINDS = ("secondary_school", "gymnasium", "vocational_school", "competence_centre", "college", "university")
ADVANCED = {"latvian_language_literature", "english", "german", "russian", "mathematics", "physics", "chemistry",
            "biology", "informatics", "history_social_sciences", "geography", "economics", "design_technologies",
            "culture_arts", "engineering", "programming", "sports_health"}
CODE_PREFIX = {"general_secondary": ("31",), "vocational_secondary": ("33", "35"), "vocational_basic": ("32",),
               "college": ("41",), "professional_bachelor": ("42",), "bachelor": ("43",),
               "master": ("45", "46", "47"), "doctoral": ("51",)}
MINIMUMS = {"secondary_school": 12, "gymnasium": 6, "vocational_school": 8, "competence_centre": 5, "college": 5,
            "university": 6}


def validate(institutions, course_sets, programmes):
    errors = []
    munis = {m[0] for m in MUNICIPALITIES}
    if len(MUNICIPALITIES) != 43 or len(munis) != 43:
        errors.append("municipalities: need 43 distinct")
    kinds = Counter(m[3] for m in MUNICIPALITIES)
    if kinds != Counter({"state_city": 7, "municipality": 36}):
        errors.append(f"municipalities: kinds {dict(kinds)}")
    if len({m[1] for m in MUNICIPALITIES}) != 43:
        errors.append("municipalities: duplicate names")
    regs = {i["registry_number"]: i for i in institutions}
    if len(regs) != len(institutions):
        errors.append("institutions: duplicate registry numbers")
    for i in institutions:
        if not (len(i["registry_number"]) == 10 and i["registry_number"].isdigit()):
            errors.append(f"institution {i['name_lv']}: registry number")
        if i["municipality"] not in munis:
            errors.append(f"institution {i['name_lv']}: unknown municipality")
        if i["kind"] not in INSTITUTION_KINDS:
            errors.append(f"institution {i['name_lv']}: kind")
    by_kind = Counter(i["kind"] for i in institutions)
    for kind, n in MINIMUMS.items():
        if by_kind[kind] < n:
            errors.append(f"institutions: only {by_kind[kind]} {kind}")
    if len({i["address"] for i in institutions}) != len(institutions):
        errors.append("institutions: duplicate addresses")
    if len({i["website"] for i in institutions}) != len(institutions):
        errors.append("institutions: duplicate websites")
    used_munis = {i["municipality"] for i in institutions}
    if len(used_munis) < 25 or len({MUNI[m][4] for m in used_munis}) != 5:
        errors.append("institutions: spread over too few municipalities/regions")
    sets = {}
    for c in course_sets:
        if c["id"] in sets:
            errors.append(f"course set {c['id']}: duplicate")
        sets[c["id"]] = c
        courses = c["advanced_courses"].split("|")
        if len(set(courses)) < 3 or not set(courses) <= ADVANCED:
            errors.append(f"course set {c['id']}: advanced courses")
        if c["institution"] not in regs:
            errors.append(f"course set {c['id']}: unknown institution")
    per_school = Counter(c["institution"] for c in course_sets)
    for i in institutions:
        if i["kind"] in ("secondary_school", "gymnasium") and not 2 <= per_school[i["registry_number"]] <= 4:
            errors.append(f"institution {i['name_lv']}: {per_school[i['registry_number']]} course sets")
    seen = set()
    for n, p in enumerate(programmes, start=2):
        where = f"programmes.csv:{n}"
        key = (p["code"], p["institution"])
        if key in seen:
            errors.append(f"{where}: duplicate (code, institution) {key}")
        seen.add(key)
        if not (len(p["code"]) == 8 and p["code"].isdigit()):
            errors.append(f"{where}: code {p['code']}")
        if not p["code"].startswith(CODE_PREFIX[p["kind"]]):
            errors.append(f"{where}: code {p['code']} does not fit kind {p['kind']}")
        if p["institution"] not in regs:
            errors.append(f"{where}: unknown institution")
        if p["lqf_level"] not in PROGRAMME_KINDS[p["kind"]]:
            errors.append(f"{where}: lqf level")
        if p["isced_field"] not in {f"{k:02d}" for k in range(1, 11)}:
            errors.append(f"{where}: isced field")
        if p["admission_rule"] and p["admission_rule"] not in RULE_IDS:
            errors.append(f"{where}: unknown rule {p['admission_rule']}")
        if p["kind"] in ("college", "bachelor", "professional_bachelor") and not p["admission_rule"]:
            errors.append(f"{where}: higher-education programme without admission rule")
        for cid in filter(None, p["course_sets"].split("|")):
            if cid not in sets or sets[cid]["institution"] != p["institution"]:
                errors.append(f"{where}: course set {cid} missing or of another institution")
        if p["kind"] == "general_secondary" and not p["course_sets"]:
            errors.append(f"{where}: general secondary programme without course sets")
        if p["kind"] in ("general_secondary", "vocational_secondary", "vocational_basic") and p["fee_eur"]:
            errors.append(f"{where}: fee on a free programme")
    gs = {p["institution"] for p in programmes if p["kind"] == "general_secondary"}
    for i in institutions:
        if i["kind"] in ("secondary_school", "gymnasium") and i["registry_number"] not in gs:
            errors.append(f"institution {i['name_lv']}: no general secondary programme")
    pk = Counter(p["kind"] for p in programmes)
    for kind in PROGRAMME_KINDS:
        if not pk[kind]:
            errors.append(f"programmes: no {kind}")
    if len(programmes) < 320:
        errors.append(f"programmes: only {len(programmes)}")
    if len(RULES) < 12 or len(set(RULE_IDS)) != len(RULES):
        errors.append("admission rules: need at least 12 distinct")
    return errors


# --------------------------------------------------------------------------------------------
def write_csv(path: Path, columns, rows):
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row[c] for c in columns})


def main() -> int:
    institutions, course_sets, programmes = build()
    errors = validate(institutions, course_sets, programmes)
    if errors:
        for e in errors:
            print("error:", e, file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    write_csv(OUT / "municipalities.csv", ["code", "name_lv", "name_en", "kind", "region"],
              [dict(zip(["code", "name_lv", "name_en", "kind", "region"], m[:5])) for m in MUNICIPALITIES])
    write_csv(OUT / "institutions.csv",
              ["registry_number", "name_lv", "name_en", "kind", "municipality", "address", "website", "demo"], institutions)
    write_csv(OUT / "programmes.csv", PROGRAMME_COLUMNS, programmes)
    write_csv(OUT / "course_sets.csv", ["id", "institution", "name_lv", "name_en", "advanced_courses"], course_sets)
    (OUT / "admission_rules.json").write_text(json.dumps(RULES, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    region_of = {i["registry_number"]: MUNI[i["municipality"]][4] for i in institutions}
    print(f"wrote {OUT.relative_to(ROOT)}: {len(MUNICIPALITIES)} municipalities, {len(institutions)} institutions, "
          f"{len(course_sets)} course sets, {len(programmes)} programmes, {len(RULES)} admission rules")
    print("institutions by kind:  ", ", ".join(f"{k} {n}" for k, n in Counter(i["kind"] for i in institutions).items()))
    print("programmes by kind:    ", ", ".join(f"{k} {n}" for k, n in Counter(p["kind"] for p in programmes).items()))
    regions = ("riga", "kurzeme", "latgale", "vidzeme", "zemgale")
    ri = Counter(region_of[i["registry_number"]] for i in institutions)
    rp = Counter(region_of[p["institution"]] for p in programmes)
    rm = Counter(m[4] for m in MUNICIPALITIES)
    print("municipalities by region:", ", ".join(f"{r} {rm[r]}" for r in regions))
    print("institutions by region:  ", ", ".join(f"{r} {ri[r]}" for r in regions))
    print("programmes by region:    ", ", ".join(f"{r} {rp[r]}" for r in regions))
    print(f"municipalities with an institution: {len({i['municipality'] for i in institutions})}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
