"""Names and charts for group views, in the current language."""
from __future__ import annotations

from collections import Counter

from django.utils.translation import gettext as _

from karjera.assessments import engine
from karjera.core.charts import bar_chart

from .profiles import TYPES


def _instrument(slug):
    return engine.available().get(slug)


def type_name(code: str, language: str) -> str:
    inst = _instrument("interests")
    return inst.scale_name(code, language) if inst else code


def value_name(code: str, language: str) -> str:
    inst = _instrument("values")
    return inst.scale_name(code, language) if inst else code


def field_name(code: str, language: str) -> str:
    inst = _instrument("interests")
    try:
        return inst.field_name(code, language) if inst else code
    except KeyError:
        return code


def test_name(slug: str, language: str) -> str:
    inst = _instrument(slug)
    return inst.text("name", language) if inst else slug


def chart(key: str, bars: list[dict], title: str, description: str) -> str:
    """core.charts.bar_chart with ids of its own, so that several charts can share a page."""
    svg = bar_chart(bars, title, description)
    return svg.replace('id="chart-title"', f'id="{key}-title"').replace('id="chart-desc"', f'id="{key}-desc"') \
        .replace('aria-labelledby="chart-title chart-desc"', f'aria-labelledby="{key}-title {key}-desc"')


def counted(key: str, rows: list[tuple[str, str, int]], total: int, title: str) -> dict:
    """A chart and its table from (code, name, count) rows; `total` is the bars' maximum."""
    bars = [{"label": name, "value": n, "max": max(total, 1), "highlight": n == max((r[2] for r in rows), default=0) and n > 0}
            for _code, name, n in rows]
    description = "; ".join(f"{name} {n}" for _code, name, n in rows) or _("No results yet.")
    return {"key": key, "title": title, "svg": chart(key, bars, title, description) if rows else "",
            "rows": [{"code": c, "name": name, "count": n} for c, name, n in rows], "total": total}


def profile_charts(profile: dict, language: str) -> list[dict]:
    interests_n = profile["completed"].get("interests", 0)
    types = [(t, type_name(t, language), profile["riasec_first"][t]) for t in TYPES]
    charts = [
        counted("riasec", types, interests_n - profile["flat"],
                _("Strongest interest type (first letter of the code), pupils")),
    ]
    values = [(c, value_name(c, language), n) for c, n in profile["values"]]
    charts.append(counted("values", values, profile["completed"].get("values", 0), _("Most important work value, pupils")))
    fields = [(c, field_name(c, language), n) for c, n in profile["fields"]]
    charts.append(counted("fields", fields, interests_n, _("Strongest education field, pupils")))
    return charts


def code_counts(profile: dict) -> list[dict]:
    return [{"code": c, "count": n} for c, n in profile["codes"]]


def flat_note(profile: dict) -> str:
    n = profile["flat"]
    return _("%(n)s pupils have a flat interest profile; they are not counted by type.") % {"n": n} if n else ""


REASONS = {
    "few_completed": lambda d, lang: _("Fewer than half of the group have finished the interest test."),
    "flat_profiles": lambda d, lang: _("Many pupils have a flat interest profile: they do not yet know what they like."),
    "strong_types": lambda d, lang: _("The group's strongest interest types: %(types)s.") % {"types": ", ".join(type_name(t, lang) for t in d)},
    "choice_ahead": lambda d, lang: _("The group's grade has an education choice ahead."),
    "values": lambda d, lang: _("What matters most to many pupils at work: %(value)s.") % {"value": value_name(d, lang)},
    "start": lambda d, lang: _("A good start for any group."),
}


def reason_text(reason: str, language: str) -> str:
    key, _sep, detail = reason.partition(":")
    return REASONS[key](detail, language) if key in REASONS else reason


def first_letter_counts(codes: list[str]) -> Counter:
    return Counter(c[0] for c in codes if c)
