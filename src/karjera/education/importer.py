"""Import education data from the documented CSV/JSON files (docs/education-data.md): all or nothing.

Every row is checked before anything is written; errors are collected as `file:line: field: reason`
and the import raises with all of them. Rows are matched on natural keys, so a repeated import
updates in place and creates no duplicates.
"""
from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import transaction

from karjera.core.text import fold

from .admission.rules import RuleError, parse
from .models import AdmissionRule, CourseSet, Institution, Municipality, Programme

ADVANCED_COURSES = {
    "latvian_language_literature", "english", "german", "russian", "mathematics", "physics", "chemistry",
    "biology", "informatics", "history_social_sciences", "geography", "economics", "design_technologies",
    "culture_arts", "engineering", "programming", "sports_health",
}
FILES = ("municipalities.csv", "institutions.csv", "course_sets.csv", "admission_rules.json", "programmes.csv")
COLUMNS = {
    "municipalities.csv": ["code", "name_lv", "name_en", "kind", "region"],
    "institutions.csv": ["registry_number", "name_lv", "name_en", "kind", "municipality", "address", "website", "demo"],
    "course_sets.csv": ["id", "institution", "name_lv", "name_en", "advanced_courses"],
    "programmes.csv": [
        "code", "institution", "name_lv", "name_en", "kind", "lqf_level", "isced_field", "entry", "duration_years",
        "form", "language", "qualification_lv", "qualification_en", "occupations", "state_funded_places", "fee_eur",
        "admission_rule", "course_sets",
    ],
}
LANGUAGES = {"lv", "en", "ru", "de", "fr"}
OCCUPATION_REF = re.compile(r"^(\d{4}(\.\d{2})?|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$")
LQF_BY_KIND = {
    "general_secondary": {4}, "vocational_secondary": {4}, "vocational_basic": {2, 3}, "college": {5},
    "professional_bachelor": {6}, "bachelor": {6}, "master": {7}, "doctoral": {8},
}


class ImportFailed(Exception):
    def __init__(self, errors: list[str]):
        super().__init__(f"{len(errors)} error(s):\n" + "\n".join(errors))
        self.errors = errors


def _choices(model, field_name):
    return {c for c, _ in model._meta.get_field(field_name).choices}


def _rows(name: str, data: bytes, errors: list[str]):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        errors.append(f"{name}:1: file: not UTF-8 text")
        return []
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in COLUMNS[name] if c not in (reader.fieldnames or [])]
    if missing:
        errors.append(f"{name}:1: header: missing column(s) {', '.join(missing)}")
        return []
    return [(line, {k: (v or "").strip() for k, v in row.items() if k}) for line, row in enumerate(reader, start=2)]


def import_files(files: dict[str, bytes]) -> dict[str, int]:
    unknown = sorted(set(files) - set(FILES))
    errors: list[str] = [f"{name}:1: file: unknown file name (expected one of {', '.join(FILES)})" for name in unknown]
    municipalities = set(Municipality.objects.values_list("code", flat=True))
    institutions = set(Institution.objects.values_list("registry_number", flat=True))
    course_sets = dict(CourseSet.objects.values_list("key", "institution__registry_number"))
    rules = set(AdmissionRule.objects.values_list("key", flat=True))
    plan: dict[str, list] = {name: [] for name in FILES}

    if "municipalities.csv" in files:
        kinds, regions = _choices(Municipality, "kind"), _choices(Municipality, "region")
        seen = set()
        for line, row in _rows("municipalities.csv", files["municipalities.csv"], errors):
            where = f"municipalities.csv:{line}"
            if not re.fullmatch(r"[a-z0-9-]{2,40}", row["code"]):
                errors.append(f"{where}: code: use 2-40 lower-case letters, digits and hyphens")
            elif row["code"] in seen:
                errors.append(f"{where}: code: {row['code']} appears twice")
            if row["kind"] not in kinds:
                errors.append(f"{where}: kind: must be one of {', '.join(sorted(kinds))}")
            if row["region"] not in regions:
                errors.append(f"{where}: region: must be one of {', '.join(sorted(regions))}")
            if not row["name_lv"] or not row["name_en"]:
                errors.append(f"{where}: name: both name_lv and name_en are needed")
            seen.add(row["code"])
            plan["municipalities.csv"].append(row)
        municipalities |= seen

    if "institutions.csv" in files:
        kinds = _choices(Institution, "kind")
        seen = set()
        for line, row in _rows("institutions.csv", files["institutions.csv"], errors):
            where = f"institutions.csv:{line}"
            if not re.fullmatch(r"\d{10}", row["registry_number"]):
                errors.append(f"{where}: registry_number: must be 10 digits")
            elif row["registry_number"] in seen:
                errors.append(f"{where}: registry_number: {row['registry_number']} appears twice")
            if row["kind"] not in kinds:
                errors.append(f"{where}: kind: must be one of {', '.join(sorted(kinds))}")
            if row["municipality"] not in municipalities:
                errors.append(f"{where}: municipality: unknown municipality {row['municipality']!r}")
            if row["website"] and not row["website"].startswith("https://"):
                errors.append(f"{where}: website: must start with https://")
            if row["demo"] not in ("0", "1"):
                errors.append(f"{where}: demo: must be 0 or 1")
            if not row["name_lv"] or not row["name_en"]:
                errors.append(f"{where}: name: both name_lv and name_en are needed")
            seen.add(row["registry_number"])
            plan["institutions.csv"].append(row)
        institutions |= seen

    if "course_sets.csv" in files:
        seen = set()
        for line, row in _rows("course_sets.csv", files["course_sets.csv"], errors):
            where = f"course_sets.csv:{line}"
            courses = [c for c in row["advanced_courses"].split("|") if c]
            bad = [c for c in courses if c not in ADVANCED_COURSES]
            if not row["id"] or row["id"] in seen:
                errors.append(f"{where}: id: missing or repeated")
            if row["institution"] not in institutions:
                errors.append(f"{where}: institution: unknown registry number {row['institution']!r}")
            if bad:
                errors.append(f"{where}: advanced_courses: unknown course(s) {', '.join(bad)}")
            elif len(set(courses)) < 3:
                errors.append(f"{where}: advanced_courses: a course set needs at least three advanced courses")
            seen.add(row["id"])
            course_sets[row["id"]] = row["institution"]
            plan["course_sets.csv"].append({**row, "courses": courses})

    if "admission_rules.json" in files:
        try:
            items = json.loads(files["admission_rules.json"].decode("utf-8"))
            if not isinstance(items, list):
                raise ValueError("must be a list of rules")
        except (ValueError, UnicodeDecodeError) as exc:
            errors.append(f"admission_rules.json:1: file: not a JSON list of rules ({exc})")
            items = []
        seen = set()
        for n, item in enumerate(items):
            try:
                rule = parse(item)
            except RuleError as exc:
                errors.append(f"admission_rules.json:rule {n + 1}: {exc}")
                continue
            if rule.id in seen:
                errors.append(f"admission_rules.json:rule {n + 1}: id: {rule.id} appears twice")
            seen.add(rule.id)
            plan["admission_rules.json"].append({"key": rule.id, "name": rule.name, "spec": item})
        rules |= seen

    if "programmes.csv" in files:
        kinds, entries, forms = _choices(Programme, "kind"), _choices(Programme, "entry"), _choices(Programme, "form")
        seen = set()
        for line, row in _rows("programmes.csv", files["programmes.csv"], errors):
            where = f"programmes.csv:{line}"
            if not re.fullmatch(r"\d{8}", row["code"]):
                errors.append(f"{where}: code: must be 8 digits")
            key = (row["code"], row["institution"])
            if key in seen:
                errors.append(f"{where}: code: programme {row['code']} appears twice for this institution")
            seen.add(key)
            if row["institution"] not in institutions:
                errors.append(f"{where}: institution: unknown registry number {row['institution']!r}")
            if row["kind"] not in kinds:
                errors.append(f"{where}: kind: must be one of {', '.join(sorted(kinds))}")
            lqf = int(row["lqf_level"]) if row["lqf_level"].isdigit() else None
            if lqf is None or (row["kind"] in LQF_BY_KIND and lqf not in LQF_BY_KIND[row["kind"]]):
                errors.append(f"{where}: lqf_level: {row['lqf_level']!r} does not fit kind {row['kind']}")
            if row["isced_field"] not in {f"{n:02d}" for n in range(1, 11)}:
                errors.append(f"{where}: isced_field: must be 01-10")
            if row["entry"] not in entries:
                errors.append(f"{where}: entry: must be one of {', '.join(sorted(entries))}")
            if row["form"] not in forms:
                errors.append(f"{where}: form: must be one of {', '.join(sorted(forms))}")
            try:
                duration = Decimal(row["duration_years"])
                if not 0 < duration <= 10:
                    raise InvalidOperation
            except InvalidOperation:
                errors.append(f"{where}: duration_years: must be a number of years, e.g. 4 or 1.5")
                duration = None
            languages = [x for x in row["language"].split("|") if x]
            if not languages or set(languages) - LANGUAGES:
                errors.append(f"{where}: language: use codes {', '.join(sorted(LANGUAGES))} separated by |")
            occupations = [x for x in row["occupations"].split("|") if x]
            bad = [x for x in occupations if not OCCUPATION_REF.match(x)]
            if bad:
                errors.append(f"{where}: occupations: not a classifier code or ESCO id: {', '.join(bad)}")
            places = row["state_funded_places"] or "0"
            if not places.isdigit():
                errors.append(f"{where}: state_funded_places: must be a whole number")
            if row["fee_eur"] and not row["fee_eur"].isdigit():
                errors.append(f"{where}: fee_eur: must be a whole number of euros or empty")
            if row["admission_rule"] and row["admission_rule"] not in rules:
                errors.append(f"{where}: admission_rule: unknown rule {row['admission_rule']!r}")
            sets = [x for x in row["course_sets"].split("|") if x]
            for s in sets:
                if s not in course_sets:
                    errors.append(f"{where}: course_sets: unknown course set {s!r}")
                elif course_sets[s] != row["institution"]:
                    errors.append(f"{where}: course_sets: {s} belongs to another institution")
            plan["programmes.csv"].append(
                {**row, "lqf": lqf, "duration": duration, "languages": languages, "occupation_refs": occupations,
                 "places": int(places) if places.isdigit() else 0, "sets": sets}
            )

    if errors:
        raise ImportFailed(errors)
    return _write(plan)


@transaction.atomic
def _write(plan: dict[str, list]) -> dict[str, int]:
    for row in plan["municipalities.csv"]:
        Municipality.objects.update_or_create(
            code=row["code"], defaults={k: row[k] for k in ("name_lv", "name_en", "kind", "region")}
        )
    for row in plan["institutions.csv"]:
        Institution.objects.update_or_create(
            registry_number=row["registry_number"],
            defaults={
                "name_lv": row["name_lv"], "name_en": row["name_en"], "kind": row["kind"],
                "municipality_id": row["municipality"], "address": row["address"], "website": row["website"],
                "demo": row["demo"] == "1",
            },
        )
    institution_ids = dict(Institution.objects.values_list("registry_number", "id"))
    for row in plan["course_sets.csv"]:
        CourseSet.objects.update_or_create(
            key=row["id"],
            defaults={"institution_id": institution_ids[row["institution"]], "name_lv": row["name_lv"],
                      "name_en": row["name_en"], "advanced_courses": row["courses"]},
        )
    for row in plan["admission_rules.json"]:
        AdmissionRule.objects.update_or_create(key=row["key"], defaults={"name": row["name"], "spec": row["spec"]})
    rule_ids = dict(AdmissionRule.objects.values_list("key", "id"))
    set_ids = dict(CourseSet.objects.values_list("key", "id"))
    for row in plan["programmes.csv"]:
        programme, _ = Programme.objects.update_or_create(
            code=row["code"],
            institution_id=institution_ids[row["institution"]],
            defaults={
                "name_lv": row["name_lv"], "name_en": row["name_en"], "kind": row["kind"], "lqf_level": row["lqf"],
                "isced_field": row["isced_field"], "entry": row["entry"], "duration_years": row["duration"],
                "form": row["form"], "languages": row["languages"], "qualification_lv": row["qualification_lv"],
                "qualification_en": row["qualification_en"], "occupations": row["occupation_refs"],
                "state_funded_places": row["places"], "fee_eur": int(row["fee_eur"]) if row["fee_eur"] else None,
                "admission_rule_id": rule_ids.get(row["admission_rule"]) if row["admission_rule"] else None,
                "search_text": " " + fold(" ".join([row["name_lv"], row["name_en"], row["qualification_lv"],
                                                    row["qualification_en"], row["code"]])) + " ",
            },
        )
        programme.course_sets.set([set_ids[s] for s in row["sets"]])
    from .services import education_changed

    transaction.on_commit(education_changed)
    return {name.split(".")[0]: len(rows) for name, rows in plan.items() if rows}


def import_directory(directory: Path) -> dict[str, int]:
    files = {p.name: p.read_bytes() for p in sorted(directory.iterdir()) if p.name in FILES}
    if not files:
        raise ImportFailed([f"{directory}: no files named {', '.join(FILES)}"])
    return import_files(files)
