"""Names of exams, courses and levels as the interface shows them (translated)."""
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

EXAMS = {
    "latvian": _("Latvian"),
    "mathematics": _("Mathematics"),
    "english": _("English"),
    "german": _("German"),
    "french": _("French"),
    "russian": _("Russian"),
    "physics": _("Physics"),
    "chemistry": _("Chemistry"),
    "biology": _("Biology"),
    "natural_sciences": _("Natural sciences"),
    "informatics": _("Computer science"),
    "history": _("History"),
    "geography": _("Geography"),
    "economics": _("Economics"),
    "literature": _("Literature"),
    "foreign_language": _("a foreign language"),
    "any": _("any centralised exam"),
}
COURSES = {
    "latvian_language_literature": _("Latvian language and literature"),
    "english": _("English"),
    "german": _("German"),
    "russian": _("Russian"),
    "mathematics": _("Mathematics"),
    "physics": _("Physics"),
    "chemistry": _("Chemistry"),
    "biology": _("Biology"),
    "informatics": _("Computer science"),
    "history_social_sciences": _("History and social sciences"),
    "geography": _("Geography"),
    "economics": _("Economics"),
    "design_technologies": _("Design and technology"),
    "culture_arts": _("Culture and the arts"),
    "engineering": _("Engineering"),
    "programming": _("Programming"),
    "sports_health": _("Sport and health"),
}
LEVELS = {"higher": _("higher"), "optimal": _("optimal"), "general": _("general")}


def exam_group(subjects) -> str:
    names = [str(EXAMS.get(s, s)) for s in subjects]
    if set(subjects) >= {"english", "german", "french", "russian"}:
        return str(EXAMS["foreign_language"])
    return names[0] if len(names) == 1 else gettext(" or ").join([", ".join(names[:-1]), names[-1]])


def term_label(term: str) -> str:
    if term == "mean_of_all":
        return gettext("mean of all your centralised exams")
    if term.startswith("best_of:"):
        return gettext("best of %(exams)s") % {"exams": ", ".join(str(EXAMS.get(s, s)) for s in term[8:].split(","))}
    if term.startswith("entrance_test:"):
        return gettext("entrance test (%(name)s)") % {"name": term[14:]}
    return str(EXAMS.get(term, term))
