"""What a stored result means, in the pupil's language: shared by the result page, the PDF and the API."""
from __future__ import annotations

from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from karjera.guidance.matching import top_types
from karjera.occupations.models import Occupation

from .models import TestSession

FIT_LABELS = {
    "strong": lambda: _("strong fit"),
    "good": lambda: _("good fit"),
    "some": lambda: _("some fit"),
    "weak": lambda: _("weak fit"),
}

JOB_ZONES = {
    1: lambda: _("little preparation: basic education and a short training at work"),
    2: lambda: _("some preparation: basic or secondary education and training at work, or vocational education (LQF level 3)"),
    3: lambda: _("medium preparation: vocational secondary education (LQF level 4) or college"),
    4: lambda: _("considerable preparation: usually a bachelor's degree (LQF level 6)"),
    5: lambda: _("extensive preparation: usually a master's degree or more (LQF level 7-8)"),
}


MATCH_TIERS = {
    "exact": lambda: _("exact"),
    "close": lambda: _("close"),
    "narrow": lambda: _("narrower"),
    "broad": lambda: _("broader"),
    "isco_group": lambda: _("same ISCO group"),
}


CROSSWALK_MATCHES = {
    "exactMatch": lambda: _("exact match"),
    "closeMatch": lambda: _("close match"),
    "narrowMatch": lambda: _("narrower match"),
    "broadMatch": lambda: _("broader match"),
    "exactISCO": lambda: _("same ISCO group"),
}


def match_label(match: str) -> str:
    return CROSSWALK_MATCHES[match]() if match in CROSSWALK_MATCHES else match


def job_zone_text(zone: int | None) -> str:
    return JOB_ZONES[zone]() if zone in JOB_ZONES else ""


def _pick(text: dict, language: str) -> str:
    return text[language]


def occupation_reasons(occ: Occupation, match: dict, pupil_top: list[str], instrument, language: str) -> list[str]:
    profile = occ.riasec or {}
    occ_top = top_types(profile, 3) if profile else []
    shared = [t for t in pupil_top if t in occ_top]
    reasons = []
    if shared:
        names = ", ".join(instrument.scale_name(t, language) for t in shared)
        reasons.append(
            ngettext(
                "Your strongest interest type is also strong in this occupation: %(types)s.",
                "Your strongest interest types are also strong in this occupation: %(types)s.",
                len(shared),
            )
            % {"types": names}
        )
    reasons.append(
        _("Interest profile similarity %(r)s (correlation from −1 to 1; this occupation's code %(code)s).")
        % {"r": f"{match['r']:.2f}".replace(".", "," if language == "lv" else "."), "code": "".join(occ_top)}
    )
    if occ.job_zone:
        reasons.append(capfirst(job_zone_text(occ.job_zone)) + ".")
    source = occ.onet_source or {}
    codes = ", ".join(c["code"] for c in source.get("codes", []))
    if codes:
        reasons.append(
            _("Interest profile from O*NET %(codes)s (%(tier)s match).") % {"codes": codes, "tier": MATCH_TIERS.get(source.get("tier"), lambda: source.get("tier", ""))()}
        )
    return reasons


VALUE_REASON_KEYS = ("achievement", "working_conditions", "recognition", "relationships", "support", "independence")


def _occupation_rows(matches: list[dict], language: str, reasons) -> list[dict]:
    occupations = Occupation.objects.in_bulk([m["id"] for m in matches])
    rows = []
    for m in matches:
        occ = occupations.get(m["id"])
        if occ is None:  # removed from the catalogue since the test was taken
            continue
        rows.append(
            {
                "id": occ.id,
                "esco_uri": occ.esco_uri,
                "name": occ.name(language),
                "fit": m["fit"],
                "fit_label": FIT_LABELS[m["fit"]](),
                "r": m["r"],
                "job_zone": occ.job_zone,
                "reasons": reasons(occ, m),
            }
        )
    return rows


def present_values(session: TestSession, language: str) -> dict:
    """The values test's result in one language: ranked values with their ranges, and occupations."""
    instrument = session.instrument
    result = session.result or {}
    interp = instrument.data["interpretation"]
    with translation.override(language):
        values = []
        for code in result["order"]:
            v = result["values"][code]
            text = interp["values"][code]
            values.append(
                {
                    "code": code,
                    "name": instrument.scale_name(code, language),
                    "score": v["score"], "low": v["low"], "high": v["high"],
                    "title": text["title"][language], "short": text["short"][language],
                    "description": text["description"][language], "environments": text["environments"][language],
                }
            )
        top = [v["code"] for v in values[:2]]

        def reasons(occ, m):
            offered = occ.work_values or {}
            best = sorted(offered, key=lambda k: -offered[k])[:2]
            shared = [instrument.scale_name(k, language) for k in top if k in best]
            out = []
            if shared:
                out.append(
                    ngettext(
                        "It offers what matters most to you: %(values)s.",
                        "It offers what matters most to you: %(values)s.",
                        len(shared),
                    ) % {"values": ", ".join(shared)}
                )
            out.append(
                _("Work-value profile similarity %(r)s (correlation from −1 to 1).")
                % {"r": f"{m['r']:.2f}".replace(".", "," if language == "lv" else ".")}
            )
            if occ.job_zone:
                out.append(capfirst(job_zone_text(occ.job_zone)) + ".")
            codes = ", ".join(c["code"] for c in (occ.onet_source or {}).get("codes", []))
            if codes:
                out.append(_("Work values from O*NET %(codes)s.") % {"codes": codes})
            return out

        statements = sorted(
            ({"id": sid, "text": instrument.statement_index[sid]["text"][language], "weight": w} for sid, w in result["statements"].items()),
            key=lambda s: -s["weight"],
        )
        return {
            "method": "best_worst",
            "language": language,
            "instrument": {"slug": instrument.slug, "version": instrument.version, "name": instrument.text("name", language)},
            "completed_at": session.completed_at,
            "values": values,
            "top": values[0],
            "flags": [{"flag": f, "text": interp["flags"][f][language]} for f in result.get("flags", [])],
            "flag_codes": result.get("flags", []),
            "suggest_occupations": result.get("suggest_occupations", False),
            "statements_top": statements[:5],
            "statements_bottom": statements[-3:],
            "consistency": result["consistency"],
            "about": interp["about"][language],
            "how_to_read": interp["how_to_read"][language],
            "next_steps": interp.get("next_steps", {}).get(language, ""),
            "occupations": _occupation_rows(result.get("occupations", []), language, reasons),
        }


ZONE_SHORT = {
    1: lambda: _("little preparation"),
    2: lambda: _("some preparation"),
    3: lambda: _("medium preparation"),
    4: lambda: _("considerable preparation"),
    5: lambda: _("extensive preparation"),
}


def present_cards(session: TestSession, language: str, interest_code: str | None = None) -> dict:
    """The card sort's result: what the liked professions share, similar ones, and the comparison
    with the interest test when the pupil gives that test's resume code."""
    from karjera.occupations.views import FIELD_NAMES

    from .scoring.card_sort import agreement

    instrument = session.instrument
    result = session.result or {}
    interp = instrument.data["interpretation"]
    cards = instrument.item_index
    reason_labels = {r["code"]: r["label"][language] for r in instrument.data.get("favourites", {}).get("reasons", [])}
    with translation.override(language):
        flags = [{"flag": f, "text": interp["flags"][f][language]} for f in result.get("flags", [])]
        compared = None
        if interest_code:
            agrees = agreement(result.get("code", ""), interest_code)
            compared = {"code": interest_code, "agrees": agrees, "text": interp["flags"]["agrees" if agrees else "disagrees"][language]}
        lift = result.get("riasec_lift") or {}
        types = [
            {"code": t, "name": instrument.scale_name(t, language), "lift": lift[t], "liked": (result.get("riasec_liked") or {}).get(t)}
            for t in sorted(lift, key=lambda t: -lift[t])
        ]
        code = result.get("code", "")

        def reasons(occ, m):
            out = [
                _("Its interest profile is like that of the professions you liked (similarity %(r)s).")
                % {"r": f"{m['r']:.2f}".replace(".", "," if language == "lv" else ".")}
            ]
            profile = occ.riasec or {}
            shared = [instrument.scale_name(t, language) for t in code[:2] if t in top_types(profile, 3)]
            if shared:
                out.append(_("Strong in the types your choices lean to: %(types)s.") % {"types": ", ".join(shared)})
            if occ.job_zone:
                out.append(capfirst(job_zone_text(occ.job_zone)) + ".")
            return out

        return {
            "method": "card_sort",
            "language": language,
            "instrument": {"slug": instrument.slug, "version": instrument.version, "name": instrument.text("name", language)},
            "completed_at": session.completed_at,
            "counts": result["counts"],
            "code": code,
            "code_names": [instrument.scale_name(t, language) for t in code],
            "types": types,
            "fields": [{**f, "name": str(FIELD_NAMES.get(f["code"], f["code"])), "percent": round(100 * f["share"])} for f in result.get("fields", [])],
            "zones": [{"zone": int(z), "name": ZONE_SHORT[int(z)](), "count": n} for z, n in result.get("job_zones", {}).items()],
            "liked": [{"id": cards[c]["occupation"], "name": cards[c]["text"][language]} for c in result.get("liked", [])],
            "unsure": [{"id": cards[c]["occupation"], "name": cards[c]["text"][language]} for c in result.get("unsure", [])],
            "favourites": [
                {"id": cards[f["card"]]["occupation"], "name": cards[f["card"]]["text"][language],
                 "reasons": [reason_labels.get(r, r) for r in f["reasons"]]}
                for f in result.get("favourites", []) if f["card"] in cards
            ],
            "reason_counts": sorted(
                ((reason_labels.get(r, r), n) for r, n in __import__("collections").Counter(
                    r for f in result.get("favourites", []) for r in f["reasons"]).items()),
                key=lambda rc: -rc[1],
            ),
            "flags": flags,
            "flag_codes": result.get("flags", []),
            "compared": compared,
            "suggest_occupations": result.get("suggest_occupations", False),
            "about": interp["about"][language],
            "how_to_read": interp["how_to_read"][language],
            "next_steps": interp.get("next_steps", {}).get(language, ""),
            "occupations": _occupation_rows(result.get("occupations", []), language, reasons),
        }


def present_abilities(session: TestSession, language: str) -> dict:
    """The ability detector's result: level with its range per ability, the pupil's own estimate beside
    it, and the occupation groups where each ability matters (our own table in the instrument file)."""
    from karjera.occupations.models import IscoGroup

    instrument = session.instrument
    result = session.result or {}
    interp = instrument.data["interpretation"]
    links = instrument.data.get("ability_links", {})
    groups = {g.code: g for g in IscoGroup.objects.filter(code__in={c for codes in links.values() for c in codes})}
    own_labels = {o["value"]: o["label"][language] for o in instrument.data["response"]["options"]}
    rows = []
    for code in result["order"]:
        a = result["abilities"][code]
        rows.append(
            {
                "code": code,
                "name": instrument.scale_name(code, language),
                "score": round(50 + 10 * a["theta"]),
                "low": round(50 + 10 * a["low"]),
                "high": round(50 + 10 * a["high"]),
                "level": interp["levels"][a["level"]][language],
                "correct": a["correct"],
                "counted": a["counted"],
                "self": own_labels.get(a["self"], ""),
                "comparison": interp["self_comparison"][a["comparison"]][language] if a.get("comparison") else "",
                "text": interp["abilities"][code][language],
                "groups": [
                    {"code": c, "name": groups[c].name_en if language == "en" else groups[c].name_lv}
                    for c in links.get(code, []) if c in groups
                ],
            }
        )
    with translation.override(language):
        flags = []
        if result.get("late"):
            flags.append({"flag": "late_answers", "text": _("%(n)s answers came after their part's time was up; they are saved but not counted.") % {"n": len(result["late"])}})
        mode_note = ""
        if result.get("mode") == "adaptive":
            given = sum(a.get("given", a["counted"]) for a in result["abilities"].values())
            mode_note = _(
                "You took the adaptive version: each task was chosen from your answers so far, and %(n)s tasks "
                "were enough. The ranges mean the same as in the full version."
            ) % {"n": given}
    return {
        "mode_note": mode_note,
        "method": "irt",
        "language": language,
        "instrument": {"slug": instrument.slug, "version": instrument.version, "name": instrument.text("name", language)},
        "completed_at": session.completed_at,
        "abilities": rows,
        "flags": flags,
        "flag_codes": result.get("flags", []),
        "provisional": interp["provisional"][language] if result.get("norms") == "provisional" else "",
        "about": interp["about"][language],
        "how_to_read": interp["how_to_read"][language],
        "next_steps": interp.get("next_steps", {}).get(language, ""),
        "occupations": [],
        "suggest_occupations": False,
    }


def present(session: TestSession, language: str | None = None, interest_code: str | None = None) -> dict:
    """Everything the result page, the PDF and the API show, already in one language."""
    language = language or session.language
    if session.instrument.is_best_worst:
        return present_values(session, language)
    if session.instrument.scoring == "card_sort":
        return present_cards(session, language, interest_code)
    if session.instrument.scoring == "irt":
        return present_abilities(session, language)
    instrument = session.instrument
    result = session.result or {}
    interp = instrument.data["interpretation"]
    with translation.override(language):
        scores = result["scores"]
        code = result["code"]
        types = [
            {
                "code": t,
                "name": instrument.scale_name(t, language),
                "score": scores[t],
                "max": result["max_scores"][t],
                "title": _pick(interp["types"][t]["title"], language),
                "short": _pick(interp["types"][t]["short"], language),
                "description": _pick(interp["types"][t]["description"], language),
                "environments": _pick(interp["types"][t]["environments"], language),
            }
            for t in "RIASEC"
        ]
        by_code = {t["code"]: t for t in types}
        pair_key = "".join(sorted(code[:2], key="RIASEC".index))
        suggest = result.get("suggest_occupations", False)
        flags = [
            {"flag": f, "text": _pick(interp["flags"][f], language)} for f in result.get("flags", [])
        ]
        fields = [
            {**f, "name": instrument.field_name(f["code"], language)} for f in result.get("fields", [])
        ]
        pupil_top = top_types(scores, 3)
        occ_rows = _occupation_rows(
            result.get("occupations", []), language,
            lambda occ, m: occupation_reasons(occ, m, pupil_top, instrument, language),
        )
        return {
            "method": "riasec",
            "language": language,
            "instrument": {"slug": instrument.slug, "version": instrument.version, "name": instrument.text("name", language)},
            "completed_at": session.completed_at,
            "scores": scores,
            "types": types,
            "ranked_types": [by_code[t] for t in result["order"]],
            "code": code,
            "code_names": [by_code[t]["name"] for t in code],
            "ties": result.get("ties", []),
            "flags": flags,
            "flag_codes": result.get("flags", []),
            "suggest_occupations": suggest,
            "pair_text": _pick(interp["pairs"][pair_key], language) if suggest else "",
            "third_text": by_code[code[2]]["short"] if suggest else "",
            "consistency": result["consistency"],
            "consistency_text": _pick(interp["consistency"][result["consistency"]], language) if suggest else "",
            "elevation": result["elevation"],
            "elevation_level": result["elevation_level"],
            "elevation_text": _pick(interp["elevation"][result["elevation_level"]], language),
            "differentiation": result["differentiation"],
            "differentiation_level": result["differentiation_level"],
            "differentiation_text": _pick(interp["differentiation"][result["differentiation_level"]], language),
            "fields": fields,
            "fields_intro": _pick(interp["fields_intro"], language) if "fields_intro" in interp else "",
            "about": _pick(interp["about"], language),
            "how_to_read": _pick(interp["how_to_read"], language),
            "next_steps": _pick(interp["next_steps"], language) if "next_steps" in interp else "",
            "occupations": occ_rows,
        }
