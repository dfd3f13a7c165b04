"""Load the shipped featured-profession descriptions (data/featured/*.yaml), all or nothing.

A description a content manager has edited in the admin is left as it is.
"""
from __future__ import annotations

from pathlib import Path

import yaml
from django.db import transaction

from .signals import catalogue_changed
from .models import FEATURED_SECTIONS, SKILLS_LATVIA_2023, FeaturedProfession, Occupation

SKILL_KEYS = {key for key, _ in SKILLS_LATVIA_2023}


class FeaturedError(ValueError):
    pass


def read(directory: Path) -> list[tuple[str, int, dict]]:
    """Every entry with its file name and position; malformed entries raise with file and field."""
    rows = []
    seen: dict[str, str] = {}
    for path in sorted(directory.glob("*.yaml")):
        try:
            entries = yaml.safe_load(path.read_text("utf-8")) or []
        except yaml.YAMLError as exc:
            raise FeaturedError(f"{path.name}: not valid YAML: {exc}") from exc
        if not isinstance(entries, list):
            raise FeaturedError(f"{path.name}: must be a list of entries")
        for i, entry in enumerate(entries):
            where = f"{path.name}[{i}]"
            if not isinstance(entry, dict) or not isinstance(entry.get("occupation"), str):
                raise FeaturedError(f"{where}.occupation: missing")
            for part in ("name", *FEATURED_SECTIONS):
                text = entry.get(part)
                if not isinstance(text, dict) or not all(isinstance(text.get(l), str) and text[l].strip() for l in ("lv", "en")):
                    raise FeaturedError(f"{where}.{part}: needs non-empty 'lv' and 'en' texts")
            skill = entry.get("skills_latvia")
            if skill is not None and skill not in SKILL_KEYS:
                raise FeaturedError(f"{where}.skills_latvia: unknown skill {skill!r}")
            if entry["occupation"] in seen:
                raise FeaturedError(f"{where}.occupation: {entry['occupation']} is already described in {seen[entry['occupation']]}")
            seen[entry["occupation"]] = where
            rows.append((path.name, i, entry))
    return rows


@transaction.atomic
def load(directory: Path) -> dict:
    rows = read(directory)
    known = set(Occupation.objects.filter(id__in=[e["occupation"] for _, _, e in rows]).values_list("id", flat=True))
    for name, i, entry in rows:
        if entry["occupation"] not in known:
            raise FeaturedError(f"{name}[{i}].occupation: no occupation {entry['occupation']} in the catalogue")
    edited = set(FeaturedProfession.objects.filter(edited_in_admin=True).values_list("occupation_id", flat=True))
    created = updated = kept = 0
    for _, _, entry in rows:
        if entry["occupation"] in edited:
            kept += 1
            continue
        values = {"name_lv": entry["name"]["lv"].strip(), "name_en": entry["name"]["en"].strip(),
                  "skills_latvia": entry.get("skills_latvia") or ""}
        for part in FEATURED_SECTIONS:
            values[f"{part}_lv"] = entry[part]["lv"].strip()
            values[f"{part}_en"] = entry[part]["en"].strip()
        _, was_created = FeaturedProfession.objects.update_or_create(occupation_id=entry["occupation"], defaults=values)
        created += was_created
        updated += not was_created
    transaction.on_commit(catalogue_changed)
    return {"created": created, "updated": updated, "kept": kept, "total": len(rows)}
