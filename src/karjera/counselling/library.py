"""The methods library and the plan templates as data: validation of the YAML files (pure).

Errors name the file, the entry and the field, so that a content writer finds the line to fix; the
loader refuses the whole load when any entry is wrong.
"""
from __future__ import annotations

import re

LANGS = ("lv", "en")
AUDIENCES = ("pupils", "parents", "teachers")
TOPICS = ("self_knowledge", "world_of_work", "education_paths", "career_decisions", "skills_for_work", "working_with_parents")
FORMATS = ("lesson", "activity", "workshop", "video_lecture", "guide", "consultation_tool")
AGE_GROUPS = ("1-4", "5-6", "7-9", "10-12", "parents", "teachers")
MONTHS = (9, 10, 11, 12, 1, 2, 3, 4, 5, 6)  # the school year's order
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

METHOD_FIELDS = {"slug", "title", "summary", "grades", "audience", "topic", "format", "duration_minutes", "goals", "materials", "steps"}
TEMPLATE_FIELDS = {"slug", "title", "description", "activities"}
ACTIVITY_FIELDS = {"age_group", "month", "title", "description", "methods", "responsible"}


class LibraryError(Exception):
    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def age_group_grades(age_group: str) -> tuple[int, int] | None:
    """Grades of a pupils' age group ("7-9" -> (7, 9)); None for parents and teachers."""
    if age_group in ("parents", "teachers"):
        return None
    low, high = age_group.split("-")
    return int(low), int(high)


def fits_age_group(method: dict, age_group: str) -> bool:
    if age_group in ("parents", "teachers"):
        return method["audience"] == age_group
    low, high = age_group_grades(age_group)
    return method["audience"] == "pupils" and method["grades"][0] <= high and method["grades"][1] >= low


class _Checker:
    def __init__(self, where: str):
        self.where, self.problems = where, []

    def bad(self, fieldname: str, reason: str):
        self.problems.append(f"{self.where}: {fieldname}: {reason}")

    def text(self, entry: dict, name: str, required: bool = True):
        value = entry.get(name)
        if not isinstance(value, dict) or set(value) != set(LANGS):
            self.bad(name, "needs exactly the languages lv and en")
            return
        for lang in LANGS:
            if not isinstance(value[lang], str) or (required and not value[lang].strip()):
                self.bad(f"{name}.{lang}", "must be a non-empty text")

    def text_list(self, entry: dict, name: str):
        value = entry.get(name)
        if not isinstance(value, dict) or set(value) != set(LANGS):
            self.bad(name, "needs exactly the languages lv and en")
            return
        for lang in LANGS:
            items = value[lang]
            if not isinstance(items, list) or not items or not all(isinstance(i, str) and i.strip() for i in items):
                self.bad(f"{name}.{lang}", "must be a non-empty list of texts")
        if isinstance(value.get("lv"), list) and isinstance(value.get("en"), list) and len(value["lv"]) != len(value["en"]):
            self.bad(name, f"lv has {len(value['lv'])} entries and en {len(value['en'])}")

    def choice(self, entry: dict, name: str, allowed):
        if entry.get(name) not in allowed:
            self.bad(name, f"must be one of {', '.join(map(str, allowed))}")


def _label(n: int, entry) -> str:
    slug = entry.get("slug") if isinstance(entry, dict) else None
    return f"entry {n + 1}" + (f" ({slug})" if isinstance(slug, str) else "")


def validate_methods(files: dict[str, object]) -> list[dict]:
    """{file name: parsed YAML} -> the methods, or LibraryError listing every problem."""
    problems, methods, seen = [], [], {}
    for filename in sorted(files):
        data = files[filename]
        if not isinstance(data, list):
            problems.append(f"{filename}: the file must be a list of methods")
            continue
        for n, entry in enumerate(data):
            c = _Checker(f"{filename}: {_label(n, entry)}")
            if not isinstance(entry, dict):
                c.bad("-", "each method must be a mapping")
                problems += c.problems
                continue
            for extra in sorted(set(entry) - METHOD_FIELDS):
                c.bad(extra, "unknown field")
            for missing in sorted(METHOD_FIELDS - set(entry)):
                c.bad(missing, "missing")
            slug = entry.get("slug")
            if not isinstance(slug, str) or not SLUG.match(slug) or len(slug) > 80:
                c.bad("slug", "must be kebab-case (a-z, 0-9 and hyphens), at most 80 characters")
            elif slug in seen:
                c.bad("slug", f"repeats the slug of {seen[slug]}")
            else:
                seen[slug] = f"{filename}: {_label(n, entry)}"
            for name in ("title", "summary", "materials"):
                if name in entry:
                    c.text(entry, name, required=name != "materials")
            for name in ("goals", "steps"):
                if name in entry:
                    c.text_list(entry, name)
            grades = entry.get("grades")
            if not (isinstance(grades, list) and len(grades) == 2 and all(type(g) is int and 1 <= g <= 12 for g in grades) and grades[0] <= grades[1]):
                if "grades" in entry:
                    c.bad("grades", "must be [from, to] with whole numbers 1-12 and from <= to")
            for name, allowed in (("audience", AUDIENCES), ("topic", TOPICS), ("format", FORMATS)):
                if name in entry:
                    c.choice(entry, name, allowed)
            minutes = entry.get("duration_minutes")
            if "duration_minutes" in entry and not (type(minutes) is int and 5 <= minutes <= 600):
                c.bad("duration_minutes", "must be a whole number of minutes from 5 to 600")
            problems += c.problems
            if not c.problems:
                methods.append(entry)
    if problems:
        raise LibraryError(problems)
    return methods


def validate_templates(filename: str, data: object, method_slugs: set[str]) -> list[dict]:
    """The plan templates file -> its templates; every method an activity names must exist."""
    problems, seen = [], set()
    if not isinstance(data, list) or not data:
        raise LibraryError([f"{filename}: the file must be a non-empty list of templates"])
    for n, entry in enumerate(data):
        c = _Checker(f"{filename}: {_label(n, entry)}")
        if not isinstance(entry, dict):
            c.bad("-", "each template must be a mapping")
            problems += c.problems
            continue
        for extra in sorted(set(entry) - TEMPLATE_FIELDS):
            c.bad(extra, "unknown field")
        for missing in sorted(TEMPLATE_FIELDS - set(entry)):
            c.bad(missing, "missing")
        slug = entry.get("slug")
        if not isinstance(slug, str) or not SLUG.match(slug):
            c.bad("slug", "must be kebab-case")
        elif slug in seen:
            c.bad("slug", "repeats another template's slug")
        seen.add(slug)
        for name in ("title", "description"):
            if name in entry:
                c.text(entry, name)
        activities = entry.get("activities")
        if "activities" in entry and (not isinstance(activities, list) or not activities):
            c.bad("activities", "must be a non-empty list")
            activities = []
        for k, act in enumerate(activities or []):
            where = f"activities[{k}]"
            if not isinstance(act, dict):
                c.bad(where, "must be a mapping")
                continue
            for extra in sorted(set(act) - ACTIVITY_FIELDS):
                c.bad(f"{where}.{extra}", "unknown field")
            for missing in sorted(ACTIVITY_FIELDS - {"methods"} - set(act)):
                c.bad(f"{where}.{missing}", "missing")
            if act.get("age_group") not in AGE_GROUPS:
                c.bad(f"{where}.age_group", f"must be one of {', '.join(AGE_GROUPS)}")
            if type(act.get("month")) is not int or act.get("month") not in MONTHS:
                c.bad(f"{where}.month", "must be a school month: 9-12 or 1-6")
            for name in ("title", "description", "responsible"):
                if name in act:
                    sub = _Checker("")
                    sub.text(act, name)
                    c.problems += [f"{c.where}: {where}.{p.split(': ', 1)[1]}" for p in sub.problems]
            methods = act.get("methods", [])
            if not isinstance(methods, list) or not all(isinstance(m, str) for m in methods):
                c.bad(f"{where}.methods", "must be a list of method slugs")
            else:
                for m in methods:
                    if m not in method_slugs:
                        c.bad(f"{where}.methods", f"no method called {m!r} in the library")
        problems += c.problems
    if problems:
        raise LibraryError(problems)
    return data


def month_order(month: int) -> int:
    """Position of a month in the school year (September first)."""
    return MONTHS.index(month) if month in MONTHS else len(MONTHS)
