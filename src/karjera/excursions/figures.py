"""Statistics for the agency: visits offered, requested and held by municipality and sector. Pure."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

COLUMNS = ("slots_offered", "places_offered", "requests", "pupils_requested", "confirmed", "visits_held",
           "pupils_held", "cancelled", "late_cancellations")


@dataclass(frozen=True)
class SlotRow:
    municipality: str
    sector: str
    capacity: int
    ends_at: datetime


@dataclass(frozen=True)
class RequestRow:
    municipality: str
    sector: str
    group_size: int
    status: str  # Request status
    ends_at: datetime
    late: bool = False
    attended: int | None = None  # from feedback, when given


def tabulate(slots: list[SlotRow], requests: list[RequestRow], now: datetime) -> dict[tuple[str, str], dict[str, int]]:
    """{(municipality, sector): {column: count}}. A visit counts as held when it was confirmed and its
    slot has ended; its pupils are those the school reported in feedback, else the group size booked."""
    table: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: dict.fromkeys(COLUMNS, 0))
    for s in slots:
        row = table[(s.municipality, s.sector)]
        row["slots_offered"] += 1
        row["places_offered"] += s.capacity
    for r in requests:
        row = table[(r.municipality, r.sector)]
        row["requests"] += 1
        row["pupils_requested"] += r.group_size
        if r.status == "confirmed":
            row["confirmed"] += 1
            if r.ends_at <= now:
                row["visits_held"] += 1
                row["pupils_held"] += r.group_size if r.attended is None else r.attended
        elif r.status == "cancelled":
            row["cancelled"] += 1
            row["late_cancellations"] += 1 if r.late else 0
    return dict(sorted(table.items()))


def totals(table: dict[tuple[str, str], dict[str, int]]) -> dict[str, int]:
    out = dict.fromkeys(COLUMNS, 0)
    for row in table.values():
        for column in COLUMNS:
            out[column] += row[column]
    return out
