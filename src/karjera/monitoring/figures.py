"""The programme's arithmetic: percentages, remainders and shares in exact decimals. No Django.

Money is kept in cents-exact `Decimal`; percentages are rounded half up to two places, the way the
programme's reports print them (22,377,987.22 of 23,618,650.92 is 94.75 %).
"""
from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


def as_decimal(value) -> Decimal:
    """A Decimal from an int, a str or a Decimal; floats are refused because they are not exact."""
    if isinstance(value, float):
        raise TypeError("use Decimal or str for money and shares, not float")
    return value if isinstance(value, Decimal) else Decimal(value)


def percent(part, whole, places: int = 2) -> Decimal | None:
    """part / whole × 100 rounded half up; None when the whole is zero (nothing to compare with)."""
    part, whole = as_decimal(part), as_decimal(whole)
    if whole == 0:
        return None
    quantum = Decimal(1).scaleb(-places)
    return (part * HUNDRED / whole).quantize(quantum, rounding=ROUND_HALF_UP)


def remainder(total, used) -> Decimal:
    """What is left of `total` after `used` (negative when more was used than planned)."""
    return (as_decimal(total) - as_decimal(used)).quantize(CENT)


def split(amount, shares: dict[str, Decimal]) -> dict[str, Decimal]:
    """Split a money amount by shares (fractions that sum to 1) into cents that add up exactly.

    Each part is first rounded down to the cent; the cents left over go one by one to the parts with
    the largest dropped fractions (ties to the larger share, then to the first key), so the parts
    always sum to the amount.
    """
    amount = as_decimal(amount).quantize(CENT)
    shares = {k: as_decimal(v) for k, v in shares.items()}
    if not shares:
        raise ValueError("no shares")
    if any(v < 0 for v in shares.values()):
        raise ValueError("negative share")
    if sum(shares.values()) != 1:
        raise ValueError("shares must sum to 1")
    sign = -1 if amount < 0 else 1
    magnitude = abs(amount)
    exact = {k: magnitude * v for k, v in shares.items()}
    parts = {k: e.quantize(CENT, rounding=ROUND_DOWN) for k, e in exact.items()}
    left = int((magnitude - sum(parts.values())) / CENT)
    order = sorted(shares, key=lambda k: (-(exact[k] - parts[k]), -shares[k], list(shares).index(k)))
    for k in order[:left]:
        parts[k] += CENT
    return {k: sign * v for k, v in parts.items()}


def share_from_percent(value) -> Decimal:
    """85 → 0.85."""
    return as_decimal(value) / HUNDRED


def achievement(planned, achieved) -> Decimal | None:
    """Achieved as a percentage of planned (430 of 328 is 131.10 %)."""
    return percent(achieved, planned)


def completion_rate(started: int, completed: int) -> Decimal | None:
    """Completed sessions as a percentage of started ones, one decimal place."""
    return percent(completed, started, places=1)


def sum_daily(rows, key=lambda r: r[0], value=lambda r: r[1]) -> dict:
    """Sum values by key (e.g. daily visitors by month): {key: total}, keys in first-seen order."""
    out: dict = {}
    for r in rows:
        out[key(r)] = out.get(key(r), 0) + value(r)
    return out


# ---- display -------------------------------------------------------------------------------------

NBSP = "\u00a0"


def format_number(value, places: int = 0, language: str = "lv") -> str:
    """23618650.92 → '23 618 650,92' in Latvian (no-break spaces, decimal comma), '23,618,650.92' in English."""
    value = as_decimal(value)
    quantum = Decimal(1).scaleb(-places)
    text = f"{value.quantize(quantum, rounding=ROUND_HALF_UP):,.{places}f}"
    if language.startswith("en"):
        return text
    return text.replace(",", NBSP).replace(".", ",")


def format_percent(value, places: int = 2, language: str = "lv") -> str:
    """94.75 → '94,75 %' (lv) or '94.75%' (en)."""
    number = format_number(value, places, language)
    return number + "%" if language.startswith("en") else number + NBSP + "%"


def bar_widths(values, maximum=None) -> list[float]:
    """Bar lengths as percentages of the largest value (or of `maximum`), one decimal place."""
    values = [as_decimal(v) if not isinstance(v, int) else Decimal(v) for v in values]
    top = as_decimal(maximum) if maximum is not None else max(values, default=Decimal(0))
    if top <= 0:
        return [0.0 for _ in values]
    return [float(min(HUNDRED, max(Decimal(0), v * HUNDRED / top)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)) for v in values]


# ---- sustainability ------------------------------------------------------------------------------


def sustainability(answers: list[dict[str, bool]], criteria: list[str]) -> dict:
    """Summarise returned questionnaires: each is {criterion: met}. A school is sustained when it
    meets every criterion; a criterion it left unanswered counts as not met."""
    received = len(answers)
    per = {c: sum(1 for a in answers if a.get(c) is True) for c in criteria}
    sustained = sum(1 for a in answers if all(a.get(c) is True for c in criteria))
    return {
        "received": received,
        "sustained": sustained,
        "criteria": {c: {"met": per[c], "not_met": received - per[c], "percent": percent(per[c], received, 1)} for c in criteria},
    }
