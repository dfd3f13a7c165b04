"""The counsellor network from the workspace's staff records: counsellors by municipality and
employment model, their full-time equivalents and how many work full-time. No Django.

Each counsellor comes in as one `Counsellor`: the municipalities of the schools they serve, their
employment model ("" when not recorded) and their workload as a full-time equivalent (None when not
recorded). A counsellor who serves schools in several municipalities is counted, with their whole
workload, in each of them; the total counts every counsellor once.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

FULL_TIME = Decimal("1.00")
MODEL_ORDER = ("one_school", "municipality", "additional_duty", "mixed", "")


@dataclass(frozen=True)
class Counsellor:
    municipalities: tuple[str, ...]
    model: str = ""
    workload: Decimal | None = None


def _blank() -> dict:
    return {"counsellors": 0, "fte": Decimal("0.00"), "full_time": 0, "no_workload": 0}


def _add(cell: dict, c: Counsellor) -> None:
    cell["counsellors"] += 1
    if c.workload is None:
        cell["no_workload"] += 1
    else:
        cell["fte"] += c.workload
        cell["full_time"] += c.workload == FULL_TIME


def by_municipality_and_model(counsellors) -> dict:
    """{"rows": [{municipality, model, counsellors, fte, full_time, no_workload}], "total": {...}}.

    Rows are sorted by municipality name, then by the employment model in MODEL_ORDER (unrecorded
    last); only combinations with at least one counsellor appear. `fte` is a Decimal with two places.
    """
    cells: dict[tuple[str, str], dict] = {}
    total = _blank()
    for c in counsellors:
        for name in sorted(set(c.municipalities)):
            _add(cells.setdefault((name, c.model), _blank()), c)
        _add(total, c)
    rank = {m: i for i, m in enumerate(MODEL_ORDER)}
    rows = [{"municipality": name, "model": model, **cell}
            for (name, model), cell in sorted(cells.items(), key=lambda kv: (kv[0][0], rank.get(kv[0][1], len(rank)), kv[0][1]))]
    return {"rows": rows, "total": total}
