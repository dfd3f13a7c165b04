"""A group's profile from its pupils' shared results, aggregates with small groups suppressed, and the
class activities that fit (pure: plain dicts in, plain dicts out).

A pupil's *summary* is what the workspace keeps of one completed test: for `interests` the RIASEC code,
whether the profile is flat and the strongest education field; for `values` the order of the work
values; for `career_options` the RIASEC code of the liked professions; for `abilities` nothing beyond
completion (ability levels are not compared between pupils).
"""
from __future__ import annotations

from collections import Counter

from .library import fits_age_group

TYPES = "RIASEC"
TESTS = ("interests", "values", "abilities", "career_options")


def summarise(slug: str, result: dict) -> dict:
    """The few facts of one stored result that group views use."""
    if slug == "interests":
        fields = result.get("fields") or []
        return {
            "code": result.get("code", ""),
            "flat": "flat_profile" in (result.get("flags") or []),
            "field": fields[0]["code"] if fields else None,
        }
    if slug == "values":
        return {"order": list(result.get("order") or [])}
    if slug == "career_options":
        return {"code": result.get("code", "")}
    return {}


def group_profile(pupils: list[dict[str, dict]]) -> dict:
    """pupils: one {test slug: summary} per pupil (only shared, completed tests).

    Flat interest profiles do not count towards the strongest type: their first letter means little.
    """
    completed = Counter(slug for p in pupils for slug in p)
    first, top3, codes, fields, values = Counter(), Counter(), Counter(), Counter(), Counter()
    flat = 0
    for p in pupils:
        interests = p.get("interests")
        if interests:
            if interests.get("flat"):
                flat += 1
            elif interests.get("code"):
                first[interests["code"][0]] += 1
                top3.update(interests["code"][:3])
                codes[interests["code"]] += 1
            if interests.get("field"):
                fields[interests["field"]] += 1
        value = p.get("values")
        if value and value.get("order"):
            values[value["order"][0]] += 1
    return {
        "pupils": len(pupils),
        "completed": {slug: completed.get(slug, 0) for slug in TESTS},
        "riasec_first": {t: first.get(t, 0) for t in TYPES},
        "riasec_top3": {t: top3.get(t, 0) for t in TYPES},
        "codes": sorted(codes.items(), key=lambda kv: (-kv[1], kv[0])),
        "flat": flat,
        "fields": sorted(fields.items(), key=lambda kv: (-kv[1], kv[0])),
        "values": sorted(values.items(), key=lambda kv: (-kv[1], kv[0])),
    }


def suppressed_aggregate(groups: list[dict], min_size: int) -> dict:
    """groups: {"id", "school", "pupils": [{slug: summary}]} (shared results only).

    A group's results of a test count only when at least `min_size` of its pupils share a completed
    result of that test; otherwise the group adds nothing to that test's figures, not even a count.
    """
    per_test: dict[str, list[dict]] = {slug: [] for slug in TESTS}
    schools: dict[object, dict] = {}
    suppressed = 0
    for g in groups:
        row = schools.setdefault(g["school"], {"groups": 0, "shown": 0, "suppressed": 0, "pupils": 0})
        row["groups"] += 1
        shown_any = False
        for slug in TESTS:
            having = [{slug: p[slug]} for p in g["pupils"] if slug in p]
            if len(having) >= min_size:
                per_test[slug].extend(having)
                shown_any = True
        if shown_any:
            row["shown"] += 1
            row["pupils"] += len(g["pupils"])
        else:
            row["suppressed"] += 1
            suppressed += 1
    merged: dict = {"pupils": 0}
    interests = group_profile(per_test["interests"])
    values = group_profile(per_test["values"])
    merged.update(
        riasec_first=interests["riasec_first"], codes=interests["codes"], flat=interests["flat"],
        fields=interests["fields"], values=values["values"],
        completed={slug: len(per_test[slug]) for slug in TESTS},
    )
    merged["pupils"] = sum(r["pupils"] for r in schools.values())
    return {"schools": schools, "profile": merged, "suppressed_groups": suppressed, "groups": len(groups)}


# ---- class activities that fit the group ----------------------------------------------------------


def topic_needs(profile: dict, members: int, grade: int | None) -> dict[str, list[str]]:
    """Which topics the group needs now, each with the reasons (in English; views translate the
    reason keys). Returns {topic: [reason key or "key:detail"]}."""
    needs: dict[str, list[str]] = {}
    done = profile["completed"].get("interests", 0)
    if members and done < members / 2:
        needs.setdefault("self_knowledge", []).append("few_completed")
    shared_interests = done
    if shared_interests and profile["flat"] / shared_interests >= 0.3:
        needs.setdefault("self_knowledge", []).append("flat_profiles")
        needs.setdefault("career_decisions", []).append("flat_profiles")
    strongest = [t for t, n in sorted(profile["riasec_first"].items(), key=lambda kv: -kv[1]) if n][:2]
    if strongest:
        needs.setdefault("world_of_work", []).append("strong_types:" + "".join(strongest))
    if grade is not None and grade >= 8:
        needs.setdefault("education_paths", []).append("choice_ahead")
    if grade is not None and grade >= 10:
        needs.setdefault("career_decisions", []).append("choice_ahead")
    if profile["values"]:
        needs.setdefault("skills_for_work", []).append("values:" + profile["values"][0][0])
    if not needs:
        needs["self_knowledge"] = ["start"]
    return needs


def suggest(methods: list[dict], needs: dict[str, list[str]], grade: int | None, limit: int = 6) -> list[dict]:
    """Pupil methods for the group's grade, ranked by how many needs their topic answers.

    methods: {"slug", "topic", "audience", "grades": [from, to], "duration_minutes"}. Ties go to the
    shorter method (a lesson fits more easily than a workshop), then by slug, so the list is stable.
    """
    ranked = []
    for m in methods:
        if m["audience"] != "pupils" or m["topic"] not in needs:
            continue
        if grade is not None and not (m["grades"][0] <= grade <= m["grades"][1]):
            continue
        ranked.append((-len(needs[m["topic"]]), m["duration_minutes"], m["slug"], m))
    ranked.sort(key=lambda r: r[:3])
    return [{"method": r[3], "reasons": needs[r[3]["topic"]]} for r in ranked[:limit]]


def methods_for(methods: list[dict], age_group: str) -> list[dict]:
    return [m for m in methods if fits_age_group(m, age_group)]
