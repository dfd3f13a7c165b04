"""JSON API routes of the excursions module, mounted under /api/v1/excursions/ by karjera.api.v1.

Read-only and public: the offers the agency has published, with their upcoming times and free places.
Requests and decisions go through the signed-in pages.
"""
from __future__ import annotations

import datetime as dt

from ninja import Query, Router, Schema
from pydantic import Field

from karjera.api.schemas import ErrorOut
from karjera.assessments import engine

from . import services
from .models import PUBLISHED, Offer

router = Router(tags=["excursions"])


INVALID = {422: ErrorOut}


class SlotOut(Schema):
    id: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    capacity: int
    free: int


class OfferOut(Schema):
    id: int
    title: str
    host: str
    sector: str
    municipality: str
    address: str
    age_groups: list[str]
    min_group: int
    max_group: int
    language: str
    accessible: bool
    occupations: list[str]
    demo: bool


class OfferDetailOut(OfferOut):
    description: str
    bring: str
    accessibility: str
    slots: list[SlotOut]


class OfferFilters(Schema):
    q: str = Field("", max_length=100)
    municipality: str = Field("", max_length=40)
    sector: str = Field("", max_length=30)
    occupation: str = Field("", max_length=40)
    age: str = Field("", max_length=10)
    date: str = Field("", pattern=r"^(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))?$",
                      description="YYYY-MM-DD: offers with a time on that day (none on a day the calendar lacks, such as 02-30)")


def _offer(o: Offer) -> dict:
    return {
        "id": o.pk, "title": o.title, "host": o.host.name, "sector": o.sector, "municipality": o.municipality_id,
        "address": o.address, "age_groups": o.age_group_codes, "min_group": o.min_group, "max_group": o.max_group,
        "language": o.language, "accessible": o.accessible, "demo": o.demo,
        "occupations": [x.pk for x in o.occupations.all()],
    }


@router.get("/offers", response={200: list[OfferOut], **INVALID})
def list_offers(request, filters: Query[OfferFilters]):
    """Published offers matching the filters (the same search as the public page)."""
    data = filters.dict()
    try:
        data["date"] = dt.date.fromisoformat(data["date"]) if data["date"] else None
    except ValueError:  # matches the pattern but is no day of the calendar: no time falls on it
        return []
    query = services.OfferQuery(**data)
    return [_offer(o) for o in services.search_offers(query).prefetch_related("occupations")[:200]]


@router.get("/offers/{offer_id}", response={200: OfferDetailOut, 404: ErrorOut, **INVALID})
def get_offer(request, offer_id: int):
    """One published offer with its upcoming times and free places; unpublished offers are 404."""
    offer = Offer.objects.select_related("host").filter(pk=offer_id, status=PUBLISHED).first() if 0 < offer_id < 2**62 else None
    if offer is None:
        raise engine.NotFound("No such offer.")
    slots = [{"id": s.pk, "starts_at": s.starts_at, "ends_at": s.ends_at, "capacity": s.capacity, "free": s.free}
             for s in services.upcoming_slots(offer)]
    return {**_offer(offer), "description": offer.description, "bring": offer.bring,
            "accessibility": offer.accessibility, "slots": slots}
