"""Load the derived catalogue file (data/occupations.json) into the database, idempotently."""
import json
from pathlib import Path

from django.db import transaction

from .signals import catalogue_changed
from .models import RIASEC_FIELDS, IscoGroup, Occupation


class CatalogueError(ValueError):
    pass


def read(path: Path) -> dict:
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError as exc:
        raise CatalogueError(f"{path}: not found; build it with tools/build_occupation_data.py") from exc
    except json.JSONDecodeError as exc:
        raise CatalogueError(f"{path}: not valid JSON: {exc}") from exc
    for key in ("meta", "isco_groups", "occupations"):
        if key not in data:
            raise CatalogueError(f"{path}: missing top-level key {key!r}")
    return data


def to_occupation(row: dict) -> Occupation:
    riasec = row.get("riasec") or {}
    occ = Occupation(
        id=row["id"],
        esco_uri=row["esco_uri"],
        isco=row.get("isco") or "",
        esco_code=row.get("esco_code") or "",
        name_lv=row["name_lv"],
        name_en=row["name_en"],
        alt_lv=row.get("alt_lv") or [],
        alt_en=row.get("alt_en") or [],
        pk_codes=row.get("pk") or [],
        work_values=row.get("values"),
        job_zone=row.get("job_zone"),
        onet_source=row.get("onet"),
        related=row.get("related") or [],
        **{f: riasec.get(t) for f, t in zip(RIASEC_FIELDS, "RIASEC")},
    )
    occ.refresh_search()
    return occ


@transaction.atomic
def load(path: Path) -> dict:
    data = read(path)
    groups = [IscoGroup(code=g["code"], name_lv=g["name_lv"], name_en=g["name_en"]) for g in data["isco_groups"]]
    occupations = []
    for n, row in enumerate(data["occupations"]):
        try:
            occupations.append(to_occupation(row))
        except KeyError as exc:
            raise CatalogueError(f"{path}: occupations[{n}]: missing field {exc}") from exc
    IscoGroup.objects.bulk_create(
        groups, batch_size=500, update_conflicts=True, unique_fields=["code"], update_fields=["name_lv", "name_en"]
    )
    update_fields = [f.name for f in Occupation._meta.concrete_fields if f.name != "id"]
    Occupation.objects.bulk_create(
        occupations, batch_size=300, update_conflicts=True, unique_fields=["id"], update_fields=update_fields
    )
    ids = {o.id for o in occupations}
    stale = Occupation.objects.exclude(id__in=ids)
    removed = stale.count()
    if removed:
        stale.delete()
    transaction.on_commit(catalogue_changed)
    return {"occupations": len(occupations), "isco_groups": len(groups), "removed": removed}
