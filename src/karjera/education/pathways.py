"""From a target back to school choices: which CE exams a programme needs and which advanced courses
(Skola2030) prepare for them; and from a course set, which programmes it keeps open. Pure Python.

The table of exams to courses is ours: an advanced course is the usual way to reach the higher-level
exam, which counts with coefficient 1.0 in admission (optimal 0.75, general 0.5).
"""
from __future__ import annotations

MANDATORY_EXAMS = {"latvian", "mathematics", "foreign_language"}

EXAM_COURSES = {
    "latvian": ("latvian_language_literature",),
    "literature": ("latvian_language_literature",),
    "mathematics": ("mathematics",),
    "english": ("english",),
    "german": ("german",),
    "russian": ("russian",),
    "foreign_language": ("english", "german", "russian"),
    "physics": ("physics", "engineering"),
    "chemistry": ("chemistry",),
    "biology": ("biology",),
    "natural_sciences": ("biology", "chemistry", "physics"),
    "informatics": ("informatics", "programming"),
    "history": ("history_social_sciences",),
    "geography": ("geography",),
    "economics": ("economics",),
    "french": (),
}


def requirement_groups(required: set[str]) -> list[tuple[str, ...]]:
    """Each required exam or choice of exams ("physics|chemistry") as a tuple of exam names."""
    groups = []
    for item in sorted(required):
        subjects = tuple(item.split("|"))
        if set(subjects) >= {"english", "german", "french", "russian"}:
            subjects = ("foreign_language",)
        groups.append(subjects)
    return groups


def courses_for(group: tuple[str, ...]) -> tuple[str, ...]:
    seen: list[str] = []
    for exam in group:
        for course in EXAM_COURSES.get(exam, ()):
            if course not in seen:
                seen.append(course)
    return tuple(seen)


def covers(courses: set[str], groups: list[tuple[str, ...]]) -> tuple[int, int]:
    """How many requirement groups a course set prepares for at higher level, of those it could."""
    relevant = [g for g in groups if courses_for(g)]
    covered = sum(1 for g in relevant if set(courses_for(g)) & courses)
    return covered, len(relevant)


def keeps_open(courses: set[str], groups: list[tuple[str, ...]]) -> bool:
    """A programme stays open when every exam it needs beyond the mandatory ones is prepared for."""
    for group in groups:
        if set(group) & MANDATORY_EXAMS:
            continue
        if not set(courses_for(group)) & courses:
            return False
    return True
