"""Pure rules that turn ESCO, the Latvian classifier mapping and O*NET into one occupation catalogue.

Nothing here touches Django, files or the network: every function takes plain Python values and returns
plain Python values, so the rules can be tested with small hand-made inputs. ``tools/build_occupation_data.py``
reads the source files and applies these rules; ``docs/data.md`` explains them for readers of the data.

O*NET profiles through the ESCO-O*NET crosswalk
-----------------------------------------------
The official ESCO-O*NET crosswalk (ESCO Secretariat with USDOL/ETA, 2022) links an O*NET-SOC 2019 code to an
ESCO occupation with one of the match types ``exactMatch``, ``closeMatch``, ``narrowMatch`` (the O*NET
occupation is narrower than the ESCO one) or ``broadMatch`` (the O*NET occupation is broader), and links 43
O*NET codes to whole ISCO-08 groups with ``exactISCO``. For one ESCO occupation the links are grouped into
tiers, tried in this order::

    exact       exactMatch
    close       closeMatch
    narrow      narrowMatch
    broad       broadMatch
    isco_group  exactISCO of the ISCO-08 group the occupation belongs to (most specific group only)

The first tier that yields data is used, and only that tier; lower tiers are never mixed in. Within the
tier, an O*NET code without data for the profile in question (O*NET's residual "All Other" codes carry no
interest, value or job-zone data) is skipped and recorded as skipped; the next tier is tried only when no
code of the tier has data. Narrower O*NET occupations come before broader ones because everybody in a
narrower O*NET occupation does the ESCO occupation, while a broader one also covers other work. An
``exactISCO`` link says the O*NET occupation equals a whole ISCO group, so for an occupation inside that
group it is a broad match of last resort.

* RIASEC interests (O*NET ``Interests.txt``, scale OI, 1-7) and the six work values (``Work Values.txt``,
  scale EX, 1-7): the arithmetic mean of each dimension over the tier's codes that have data, rounded half
  up to 2 decimals.
* Job zone (``Job Zones.txt``, 1-5): the median of the tier's job zones, rounded half up to a whole zone
  (zones 2 and 3 give 3).

Each profile is chosen independently with the same rule (a code can have interests but no work values), and
each result records its provenance: the tier used, the codes used with their match types, and the codes
of that tier skipped for lack of data.

O*NET-SOC codes are joined verbatim (``11-1011.00`` with ``11-1011.00``). A detailed code such as
``11-9199.01`` is a different occupation from ``11-9199.00`` and is never used in its place.

Latvian occupation classifier (Profesiju klasifikators)
-------------------------------------------------------
The official ESCO-to-classifier mapping gives, per ESCO occupation, classifier codes (``8342.01``, or a
4-digit group such as ``5131``) with ``skos:exactMatch``, ``closeMatch``, ``narrowMatch`` (the classifier
entry is narrower) or ``broadMatch`` (it is broader). :func:`pk_links` lists them per occupation, exact
first, then close, narrow, broad, then by code; :func:`sentence_case_lv` turns the classifier's capitalised
key words ("Bagarēšanas mašīnu OPERATORS") into ordinary Latvian sentence case ("Bagarēšanas mašīnu
operators") while keeping abbreviations (IT, CNC, BT) and proper nouns (Saeimas) as written.

Related occupations
-------------------
O*NET's ``Related Occupations.txt`` lists 20 related O*NET occupations per O*NET occupation, in tiers
Primary-Short (index 1-5), Primary-Long (6-10) and Supplemental (11-20). :func:`related_occupations` maps
them to ESCO through exact and close crosswalk links only, on both sides: ESCO occupation -> its O*NET codes
-> their related O*NET codes -> the ESCO occupations exactly or closely matched to those. Candidates are
ranked by the best (tier, index) through which they were reached, then exact before close, then a
tie-breaking key; the occupation itself is excluded and at most ``limit`` (10) are kept.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from statistics import median
from typing import Any

RIASEC_KEYS = ("R", "I", "A", "S", "E", "C")
#: O*NET Interests.txt element name -> RIASEC letter.
RIASEC_ELEMENTS = {
    "Realistic": "R",
    "Investigative": "I",
    "Artistic": "A",
    "Social": "S",
    "Enterprising": "E",
    "Conventional": "C",
}
#: O*NET Work Values.txt element name -> key in the catalogue.
WORK_VALUE_ELEMENTS = {
    "Achievement": "achievement",
    "Working Conditions": "working_conditions",
    "Recognition": "recognition",
    "Relationships": "relationships",
    "Support": "support",
    "Independence": "independence",
}
WORK_VALUE_KEYS = tuple(WORK_VALUE_ELEMENTS.values())

#: Crosswalk match types, in the order their tiers are tried.
TIERS: tuple[tuple[str, str], ...] = (
    ("exact", "exactMatch"),
    ("close", "closeMatch"),
    ("narrow", "narrowMatch"),
    ("broad", "broadMatch"),
    ("isco_group", "exactISCO"),
)
MATCH_TYPES = frozenset(match for _, match in TIERS)
TIER_OF_MATCH = {match: tier for tier, match in TIERS}
#: Match types used for related occupations.
RELATED_MATCH_TYPES = ("exactMatch", "closeMatch")
#: O*NET relatedness tiers, best first.
RELATEDNESS_TIERS = ("Primary-Short", "Primary-Long", "Supplemental")

#: Latvian classifier mapping relations, in display order.
PK_RELATIONS = ("exactMatch", "closeMatch", "narrowMatch", "broadMatch")


def round_half_up(value: float | Decimal, ndigits: int = 2) -> float:
    """Round half up (2.675 -> 2.68), on the decimal value rather than the binary float."""
    quantum = Decimal(1).scaleb(-ndigits)
    return float(Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP))


def mean_profile(profiles: Sequence[Mapping[str, float]], ndigits: int = 2) -> dict[str, float]:
    """The per-dimension mean of equally keyed profiles, rounded half up to ``ndigits`` decimals."""
    if not profiles:
        raise ValueError("mean_profile needs at least one profile")
    keys = list(profiles[0])
    for profile in profiles[1:]:
        if set(profile) != set(keys):
            raise ValueError(f"profiles have different dimensions: {sorted(keys)} vs {sorted(profile)}")
    n = len(profiles)
    return {
        key: round_half_up(sum(Decimal(str(p[key])) for p in profiles) / n, ndigits) for key in keys
    }


def median_zone(zones: Sequence[int]) -> int:
    """The median of job zones, rounded half up to a whole zone."""
    if not zones:
        raise ValueError("median_zone needs at least one zone")
    return int(Decimal(str(median(zones))).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _has_data(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, Mapping):
        return len(value) > 0
    return True


def choose_tier(matches: Iterable[Sequence]) -> dict:
    """Pick the first crosswalk tier with data.

    ``matches`` holds ``(onet_code, match_type, data)`` triples, ``data`` being ``None`` when O*NET has
    nothing for that code. Returns ``{"tier", "used": [(code, match, data)], "skipped": [(code, match)]}``;
    ``tier`` is ``None`` and both lists are empty when no tier yields data. A code listed twice in a tier
    counts once (its first entry with data). Unknown match types raise ``ValueError``.
    """
    by_match: dict[str, list[tuple[str, str, Any]]] = defaultdict(list)
    for item in matches:
        code, match, data = item[0], item[1], item[2]
        if match not in MATCH_TYPES:
            raise ValueError(f"unknown crosswalk match type {match!r} for O*NET {code}")
        by_match[match].append((code, match, data))
    for tier, match in TIERS:
        first: dict[str, tuple[str, str, Any]] = {}
        for code, m, data in by_match.get(match, []):
            if code not in first or (not _has_data(first[code][2]) and _has_data(data)):
                first[code] = (code, m, data)
        used = [entry for entry in first.values() if _has_data(entry[2])]
        skipped = [(code, m) for code, m, data in first.values() if not _has_data(data)]
        if used:
            return {"tier": tier, "used": used, "skipped": skipped}
    return {"tier": None, "used": [], "skipped": []}


def _provenance(choice: dict, titles: Mapping[str, str] | None) -> tuple[list[dict], list[str]]:
    codes = []
    for code, match, _ in choice["used"]:
        entry = {"code": code}
        if titles is not None:
            entry["title"] = titles.get(code, "")
        entry["match"] = match
        codes.append(entry)
    return codes, [code for code, _ in choice["skipped"]]


def aggregate_profiles(
    matches: Iterable[Sequence], titles: Mapping[str, str] | None = None, ndigits: int = 2
) -> dict:
    """Aggregate the O*NET profiles linked to one ESCO occupation.

    ``matches``: ``(onet_code, match_type, profile)`` triples, ``profile`` a mapping of dimension -> value
    (for example the six RIASEC values) or ``None`` when O*NET has no data for the code. ``titles``
    (optional) maps O*NET codes to titles for the provenance.

    Returns ``{"profile": {...} | None, "tier": str | None, "codes": [{"code", "title"?, "match"}],
    "skipped": [code, ...]}``: the mean profile of the first tier with data (see the module docstring),
    the tier, the codes averaged and the codes of that tier skipped for lack of data.
    """
    choice = choose_tier(matches)
    codes, skipped = _provenance(choice, titles)
    profile = mean_profile([data for _, _, data in choice["used"]], ndigits) if choice["used"] else None
    return {"profile": profile, "tier": choice["tier"], "codes": codes, "skipped": skipped}


def aggregate_job_zone(matches: Iterable[Sequence], titles: Mapping[str, str] | None = None) -> dict:
    """Like :func:`aggregate_profiles` for job zones: ``(onet_code, match_type, zone or None)`` triples.

    Returns ``{"job_zone": int | None, "tier", "codes", "skipped", "zones": [zone per used code]}``; the job
    zone is the rounded-half-up median of ``zones``.
    """
    choice = choose_tier(matches)
    codes, skipped = _provenance(choice, titles)
    zones = [int(data) for _, _, data in choice["used"]]
    return {
        "job_zone": median_zone(zones) if zones else None,
        "tier": choice["tier"],
        "codes": codes,
        "skipped": skipped,
        "zones": zones,
    }


def isco_group_matches(isco_code: str, exact_isco: Mapping[str, Sequence[str]]) -> list[str]:
    """O*NET codes linked by ``exactISCO`` to the most specific ISCO group containing ``isco_code``.

    ``exact_isco`` maps ISCO group codes ("8342", "612") to O*NET codes. The occupation's own 4-digit group
    wins over its 3-digit, 2-digit and 1-digit parents; an empty list when none is linked.
    """
    for length in range(len(isco_code), 0, -1):
        codes = exact_isco.get(isco_code[:length])
        if codes:
            return list(dict.fromkeys(codes))
    return []


# --- Latvian occupation classifier ------------------------------------------------------------------

#: Upper-case abbreviations that occur in the classifier's names and must stay upper case.
LV_ABBREVIATIONS = frozenset(
    {"AFIS", "BT", "CNC", "ES", "IKT", "IT", "MAG", "MIG", "MMA", "NATO", "NOTAM", "OAW", "PVC", "SPA", "TIG"}
)
_WORD = re.compile(r"[^\W\d_]+")
_LONE_IN_PARENS = re.compile(r"\(([^\W\d_]+)\)")


def _capital_tail(word: str) -> int | None:
    """Where a capitalised tail of two or more letters starts after a lower-case letter, else ``None``."""
    for i in range(1, len(word) - 1):
        if word[i - 1].islower() and word[i:].isupper():
            return i
    return None


def sentence_case_lv(name: str, abbreviations: Iterable[str] = LV_ABBREVIATIONS) -> str:
    """Latvian sentence case for a classifier name: "Bagarēšanas mašīnu OPERATORS" -> "Bagarēšanas mašīnu operators".

    The classifier writes the key noun in capitals, sometimes inside a word ("būvTEHNIĶIS", "AutoMEHĀNIĶIS").
    Rules, word by word: a word written wholly in capitals (two letters or more) is lower-cased unless it is
    a known abbreviation or stands alone in parentheses ("(CNC)"); a capitalised tail inside a word is
    lower-cased ("būvTEHNIĶIS" -> "būvtehniķis"); other words (proper nouns such as "Saeimas", single
    capitals) are kept. Then the first letter is upper-cased. Soft hyphens are removed and runs of
    whitespace collapsed. Diacritics are kept.
    """
    keep = set(abbreviations)
    text = " ".join(name.replace("\u00ad", "").split())
    keep.update(m.group(1) for m in _LONE_IN_PARENS.finditer(text) if m.group(1).isupper())

    def fix(match: re.Match) -> str:
        word = match.group(0)
        if len(word) >= 2 and word.isupper():
            return word if word in keep else word.lower()
        tail = _capital_tail(word)
        if tail is not None:
            return word[:tail] + word[tail:].lower()
        return word

    text = _WORD.sub(fix, text)
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
    return text


def normalise_relation(relation: str) -> str:
    """"skos:exactMatch" -> "exactMatch"; raises ``ValueError`` for anything but the four SKOS relations."""
    value = relation.strip()
    if value.startswith("skos:"):
        value = value[5:]
    if value not in PK_RELATIONS:
        raise ValueError(f"unknown classifier mapping relation {relation!r}")
    return value


def pk_links(rows: Iterable[Sequence[str]], sentence_case: bool = True) -> dict[str, list[dict]]:
    """Classifier entries per ESCO concept from ``(esco_uri, pk_code, pk_name, relation)`` rows.

    Returns ``{esco_uri: [{"code", "name", "relation"}, ...]}``, ordered exact, close, narrow, broad, then by
    code; a code mapped twice to the same concept keeps its strongest relation. Names are put in Latvian
    sentence case (:func:`sentence_case_lv`) unless ``sentence_case`` is false.
    """
    best: dict[str, dict[str, dict]] = defaultdict(dict)
    rank = {r: i for i, r in enumerate(PK_RELATIONS)}
    for uri, code, name, relation in rows:
        rel = normalise_relation(relation)
        code = code.strip()
        entry = {"code": code, "name": sentence_case_lv(name) if sentence_case else name.strip(), "relation": rel}
        current = best[uri].get(code)
        if current is None or rank[rel] < rank[current["relation"]]:
            best[uri][code] = entry
    return {
        uri: sorted(entries.values(), key=lambda e: (rank[e["relation"]], e["code"])) for uri, entries in best.items()
    }


# --- Related occupations --------------------------------------------------------------------------


def related_occupations(
    links: Iterable[Sequence[str]],
    onet_related: Iterable[Sequence],
    limit: int = 10,
    tie_key: Callable[[Hashable], Any] | None = None,
) -> dict[Hashable, list[Hashable]]:
    """ESCO-to-ESCO related occupations derived from O*NET's related occupations.

    ``links``: ``(esco_id, onet_code, match_type)`` crosswalk rows (rows with other match types than exact
    and close are ignored). ``onet_related``: ``(onet_code, related_onet_code, relatedness_tier, index)``
    rows from O*NET. Returns ``{esco_id: [related esco_id, ...]}`` for every ESCO occupation with at least
    one related occupation, best first (see the module docstring), self excluded, at most ``limit`` each.
    ``tie_key`` orders candidates of equal rank (default: the id itself).
    """
    match_rank = {m: i for i, m in enumerate(RELATED_MATCH_TYPES)}
    tier_rank = {t: i for i, t in enumerate(RELATEDNESS_TIERS)}
    onet_of: dict[Hashable, dict[str, int]] = defaultdict(dict)
    esco_of: dict[str, dict[Hashable, int]] = defaultdict(dict)
    for esco_id, code, match in links:
        if match not in match_rank:
            continue
        r = match_rank[match]
        onet_of[esco_id][code] = min(r, onet_of[esco_id].get(code, r))
        esco_of[code][esco_id] = min(r, esco_of[code].get(esco_id, r))
    related: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for code, other, tier, index in onet_related:
        if code == other:
            continue
        if tier not in tier_rank:
            raise ValueError(f"unknown O*NET relatedness tier {tier!r}")
        related[code].append((tier_rank[tier], int(index), other))
    key = tie_key or (lambda x: x)
    result: dict[Hashable, list[Hashable]] = {}
    for esco_id, codes in onet_of.items():
        best: dict[Hashable, tuple] = {}
        for code, source_rank in codes.items():
            for t_rank, index, other in related.get(code, ()):
                for target, target_rank in esco_of.get(other, {}).items():
                    if target == esco_id:
                        continue
                    rank = (t_rank, index, target_rank, source_rank)
                    if target not in best or rank < best[target]:
                        best[target] = rank
        if best:
            ordered = sorted(best, key=lambda t: (best[t], key(t)))
            result[esco_id] = ordered[:limit]
    return result
