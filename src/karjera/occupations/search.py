"""Catalogue search: diacritic- and case-insensitive word-prefix matching, preferred names first."""
from django.db.models import Q

from karjera.core.text import fold, tokens

from .models import Occupation

CANDIDATES = 400


def search(query: str, limit: int = 20) -> tuple[list[Occupation], int]:
    words = tokens(query)
    if not words:
        qs = Occupation.objects.order_by("name_lv")
        return list(qs[:limit]), qs.count()
    condition = Q()
    for word in words:
        condition &= Q(search_name__contains=" " + word) | Q(search_alt__contains=" " + word)
    qs = Occupation.objects.filter(condition)
    count = qs.count()
    folded = fold(query)
    candidates = list(qs.order_by("name_lv")[:CANDIDATES])

    def rank(occ: Occupation) -> tuple:
        names = [fold(occ.name_lv), fold(occ.name_en)]
        exact = folded in names
        prefix = any(n.startswith(folded) for n in names)
        in_name = all(f" {w}" in occ.search_name for w in words)
        return (not exact, not prefix, not in_name, len(occ.name_lv), occ.name_lv)

    candidates.sort(key=rank)
    return candidates[:limit], count
