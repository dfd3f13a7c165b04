"""Load the methods library and the plan templates from YAML: validated first, then written in one
transaction, so a broken file changes nothing. Loading the same files again changes nothing."""
from __future__ import annotations

from pathlib import Path

import yaml
from django.db import transaction

from . import library
from .models import Method, PlanTemplate


def read_yaml(path: Path, base: Path):
    try:
        return yaml.safe_load(path.read_text("utf-8"))
    except yaml.YAMLError as exc:
        raise library.LibraryError([f"{path.relative_to(base) if path.is_relative_to(base) else path}: not valid YAML: {exc}"]) from exc


def load(methods_dir: Path, templates_file: Path | None) -> dict[str, int]:
    base = methods_dir.parent
    files = {str(p.relative_to(base)): read_yaml(p, base) for p in sorted(methods_dir.glob("*.yaml"))}
    if not files:
        raise library.LibraryError([f"{methods_dir}: no *.yaml files"])
    methods = library.validate_methods(files)
    templates = []
    if templates_file is not None and templates_file.exists():
        known = {m["slug"] for m in methods} | set(Method.objects.exclude(from_file=True).values_list("slug", flat=True))
        templates = library.validate_templates(templates_file.name, read_yaml(templates_file, base), known)
    counts = {"created": 0, "updated": 0, "unchanged": 0, "templates": len(templates)}
    with transaction.atomic():
        existing = {m.slug: m for m in Method.objects.all()}
        for entry in methods:
            values = {
                "title_lv": entry["title"]["lv"], "title_en": entry["title"]["en"],
                "summary_lv": entry["summary"]["lv"], "summary_en": entry["summary"]["en"],
                "grade_from": entry["grades"][0], "grade_to": entry["grades"][1],
                "audience": entry["audience"], "topic": entry["topic"], "format": entry["format"],
                "duration_minutes": entry["duration_minutes"], "goals": entry["goals"],
                "materials": entry["materials"], "steps": entry["steps"], "from_file": True,
            }
            row = existing.get(entry["slug"])
            if row is None:
                Method(slug=entry["slug"], **values).save()
                counts["created"] += 1
            elif any(getattr(row, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(row, k, v)
                row.save()
                counts["updated"] += 1
            else:
                counts["unchanged"] += 1
        for position, template in enumerate(templates):
            PlanTemplate.objects.update_or_create(slug=template["slug"], defaults={"data": template, "position": position})
        if templates:
            PlanTemplate.objects.exclude(slug__in=[t["slug"] for t in templates]).delete()
    return counts
