"""Catalogue search and browsing, on an in-memory index built once per process."""
from __future__ import annotations

from dataclasses import dataclass

from karjera.core.process_cache import ProcessCache
from karjera.core.text import fold

from .fields import field_for_isco
from .index import Entry, SearchIndex
from .models import RIASEC_FIELDS, FeaturedProfession, Occupation

WORK_VALUES = ("achievement", "working_conditions", "recognition", "relationships", "support", "independence")


@dataclass(frozen=True)
class Summary:
    """What browsing filters on, for one occupation."""

    id: str
    name_lv: str
    name_en: str
    isco: str
    top_type: str | None
    top_value: str | None
    job_zone: int | None
    field: str
    featured: bool


@dataclass
class Catalogue:
    index: SearchIndex
    summaries: dict[str, Summary]
    order: list[str]  # ids in Latvian alphabetical order


def _build() -> Catalogue:
    featured = dict(FeaturedProfession.objects.values_list("occupation_id", "name_lv"))
    featured_en = dict(FeaturedProfession.objects.values_list("occupation_id", "name_en"))
    rows = Occupation.objects.values_list(
        "id", "name_lv", "name_en", "alt_lv", "alt_en", "pk_codes", "isco", "job_zone", "work_values", *RIASEC_FIELDS
    )
    entries, summaries = [], {}
    for occ_id, name_lv, name_en, alt_lv, alt_en, pk, isco, zone, values, *riasec in rows:
        extra = [featured[occ_id], featured_en[occ_id]] if occ_id in featured else []
        codes = [p["code"] for p in pk] + [p["name"] for p in pk] + [isco]
        entries.append(Entry(occ_id, (name_lv, name_en, *extra, *alt_lv, *alt_en, *codes), 2 + len(extra), occ_id in featured))
        top_type = None if riasec[0] is None else max(zip(riasec, "RIASEC"), key=lambda p: p[0])[1]
        top_value = max(values, key=values.get) if values else None
        summaries[occ_id] = Summary(
            occ_id, name_lv, name_en, isco, top_type, top_value, zone, field_for_isco(isco), occ_id in featured
        )
    order = sorted(summaries, key=lambda i: (fold(summaries[i].name_lv), i))
    return Catalogue(SearchIndex(entries), summaries, order)


CATALOGUE = ProcessCache("catalogue", _build)


def catalogue() -> Catalogue:
    return CATALOGUE.get()


def search(query: str, limit: int = 20) -> tuple[list[Occupation], int]:
    """Occupations matching the query, best first, and the number of matches."""
    ids, count = browse(query=query, limit=limit)
    found = Occupation.objects.in_bulk(ids)
    return [found[i] for i in ids if i in found], count


def browse(query: str = "", limit: int = 50, offset: int = 0, **filters) -> tuple[list[str], int]:
    """Ids of occupations matching a query and filters (type, value, zone, isco, field, featured)."""
    cat = catalogue()
    if fold(query):
        ids, _ = cat.index.search(query, limit=len(cat.summaries))
    else:
        ids = cat.order
    checks = []
    if filters.get("type"):
        checks.append(lambda s: s.top_type == filters["type"])
    if filters.get("value"):
        checks.append(lambda s: s.top_value == filters["value"])
    if filters.get("zone"):
        checks.append(lambda s: s.job_zone == filters["zone"])
    if filters.get("isco"):
        checks.append(lambda s: s.isco.startswith(filters["isco"]))
    if filters.get("field"):
        checks.append(lambda s: s.field == filters["field"])
    if filters.get("featured"):
        checks.append(lambda s: s.featured)
    if checks:
        ids = [i for i in ids if all(check(cat.summaries[i]) for check in checks)]
    return ids[offset : offset + limit], len(ids)
