from django.conf import settings
from django.urls import translate_url
from django.utils import translation

LABELS = {"lv": ("LV", "latviešu valodā"), "en": ("EN", "in English")}


def site(request):
    current = translation.get_language()
    path = request.get_full_path()
    links = []
    for code, _name in settings.LANGUAGES:
        short, long = LABELS[code]
        links.append({"code": code, "short": short, "long": long, "url": translate_url(path, code), "current": code == current})
    return {
        "DEBUG": settings.DEBUG,
        "language_links": links,
        "OPERATOR_NAME": settings.OPERATOR_NAME,
        "OPERATOR_EMAIL": settings.OPERATOR_EMAIL,
        "RETENTION_DAYS": settings.SESSION_RETENTION_DAYS,
    }
