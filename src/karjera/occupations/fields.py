"""Our own table from ISCO-08 groups to the ISCED-F 2013 broad field where the occupation is usually learnt.

Neither ESCO nor O*NET links occupations to education fields, so this table is ours, by the longest
matching ISCO prefix. It is coarse on purpose: it serves browsing by field and linking interests to
education, not statistics. Codes: 01 Education, 02 Arts and humanities, 03 Social sciences, journalism and
information, 04 Business, administration and law, 05 Natural sciences, mathematics and statistics, 06 ICT,
07 Engineering, manufacturing and construction, 08 Agriculture, forestry, fisheries and veterinary,
09 Health and welfare, 10 Services.
"""

ISCO_TO_FIELD = {
    "0": "10",
    "1": "04", "14": "10",
    "21": "07", "211": "05", "212": "05", "213": "05", "2163": "02", "2166": "02",
    "22": "09", "225": "08",
    "23": "01",
    "24": "04",
    "25": "06",
    "26": "03", "261": "04", "2635": "09", "2641": "02", "2643": "02", "265": "02",
    "31": "07", "314": "05", "3142": "08", "3143": "08", "315": "10",
    "32": "09", "324": "08",
    "33": "04",
    "34": "04", "3412": "09", "342": "10", "343": "02", "3434": "10",
    "35": "06",
    "4": "04", "4221": "10", "4224": "10",
    "51": "10",
    "52": "04",
    "53": "09",
    "54": "10",
    "6": "08",
    "7": "07", "731": "02",
    "8": "07", "83": "10", "8341": "08",
    "9": "10", "92": "08", "93": "07", "933": "10", "95": "04",
}

FIELD_CODES = tuple(f"{n:02d}" for n in range(1, 11))


def field_for_isco(isco: str) -> str:
    for length in range(len(isco), 0, -1):
        field = ISCO_TO_FIELD.get(isco[:length])
        if field:
            return field
    return "10"
