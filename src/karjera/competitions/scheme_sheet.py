"""A marking scheme as a spreadsheet (XLSX): one row per aspect, in the columns of `COLUMNS`. Plain
Python with openpyxl and the rules of `marking.py`, no Django: `read` turns a workbook into sub-criteria
and aspects or into row-level problems, `write` does the reverse.

Problems are (row, code, details) triples; the Django layer words them for the person. Row numbers are
the spreadsheet's own (the header is row 1).
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from openpyxl import Workbook, load_workbook

from . import marking

SHEET = "Scheme"
COLUMNS = [
    "sub_criterion",
    "sub_criterion_lv",
    "sub_criterion_en",
    "aspect",
    "kind",
    "method",
    "max_mark",
    "day",
    "description_lv",
    "description_en",
]
REQUIRED = {"sub_criterion", "sub_criterion_lv", "sub_criterion_en", "aspect", "kind", "max_mark", "description_lv", "description_en"}
MAX_ROWS = 500
MAX_TEXT = {"sub_criterion": 10, "aspect": 10, "sub_criterion_lv": 200, "sub_criterion_en": 200, "description_lv": 300, "description_en": 300}


@dataclass
class AspectRow:
    code: str
    kind: str
    method: str
    max_mark: Decimal
    day: int
    description_lv: str
    description_en: str

    def spec(self) -> marking.AspectSpec:
        return marking.AspectSpec(self.code, self.kind, self.max_mark, self.method, self.day)


@dataclass
class SubCriterionRow:
    code: str
    name_lv: str
    name_en: str
    aspects: list[AspectRow] = field(default_factory=list)

    def spec(self) -> marking.SubCriterionSpec:
        return marking.SubCriterionSpec(self.code, tuple(a.spec() for a in self.aspects))


Problem = tuple[int, str, dict]


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def read(data: bytes) -> tuple[list[SubCriterionRow], list[Problem]]:
    """The scheme in an XLSX file, or the problems that stop it from being used (then the list of
    sub-criteria is empty). A scheme without row problems is also checked against `marking.scheme_problems`."""
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:
        return [], [(0, "not_xlsx", {})]
    sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = [_text(h).lower() for h in next(rows, ())]
    missing = [c for c in COLUMNS if c not in header and c in REQUIRED]
    if missing:
        return [], [(1, "missing_columns", {"columns": ", ".join(missing)})]
    where = {name: header.index(name) for name in COLUMNS if name in header}
    subs: dict[str, SubCriterionRow] = {}
    problems: list[Problem] = []
    seen_aspects: set[str] = set()
    count = 0
    for number, raw in enumerate(rows, start=2):
        cells = {name: _text(raw[i]) if i < len(raw) else "" for name, i in where.items()}
        if not any(cells.values()):
            continue
        count += 1
        if count > MAX_ROWS:
            problems.append((number, "too_many_rows", {"max": MAX_ROWS}))
            break
        row_problems = []
        for name in REQUIRED:
            if not cells.get(name):
                row_problems.append((number, "empty", {"column": name}))
        for name, limit in MAX_TEXT.items():
            if len(cells.get(name, "")) > limit:
                row_problems.append((number, "too_long", {"column": name, "max": limit}))
        kind = cells.get("kind", "").lower()
        if kind and kind not in (marking.MEASUREMENT, marking.JUDGEMENT):
            row_problems.append((number, "kind", {"value": cells["kind"]}))
        method = cells.get("method", "").lower() or marking.FULL_OR_NONE
        if kind == marking.MEASUREMENT and method not in (marking.FULL_OR_NONE, marking.DEDUCTION):
            row_problems.append((number, "method", {"value": cells["method"]}))
        if kind == marking.JUDGEMENT:
            method = marking.FULL_OR_NONE  # not used for Judgement
        max_mark = None
        if cells.get("max_mark"):
            try:
                max_mark = Decimal(cells["max_mark"].replace(",", "."))
            except InvalidOperation:
                max_mark = None
            if max_mark is None or not max_mark.is_finite() or max_mark <= 0 or max_mark != marking.cents(max_mark):
                row_problems.append((number, "max_mark", {"value": cells["max_mark"]}))
                max_mark = None
        day = 1
        if cells.get("day"):
            try:
                day = int(cells["day"])
            except ValueError:
                day = 0
            if not 1 <= day <= 9:
                row_problems.append((number, "day", {"value": cells["day"]}))
        code = cells.get("aspect", "")
        if code and code in seen_aspects:
            row_problems.append((number, "duplicate_aspect", {"code": code}))
        seen_aspects.add(code)
        sub_code = cells.get("sub_criterion", "")
        sub = subs.get(sub_code)
        if sub is not None and (sub.name_lv, sub.name_en) != (cells.get("sub_criterion_lv"), cells.get("sub_criterion_en")):
            row_problems.append((number, "sub_criterion_names", {"code": sub_code}))
        problems.extend(row_problems)
        if row_problems:
            continue
        if sub is None:
            sub = subs[sub_code] = SubCriterionRow(sub_code, cells["sub_criterion_lv"], cells["sub_criterion_en"])
        sub.aspects.append(AspectRow(code, kind, method, max_mark, day, cells["description_lv"], cells["description_en"]))
    if problems:
        return [], problems
    if not subs:
        return [], [(0, "empty_scheme", {})]
    scheme = list(subs.values())
    total = sum((a.max_mark for s in scheme for a in s.aspects), Decimal(0))
    if total != marking.SCHEME_TOTAL:
        return [], [(0, "total", {"total": str(total)})]
    # The checks above cover every rule of marking.scheme_problem_codes; this is the safety net.
    rest = marking.scheme_problem_codes([s.spec() for s in scheme])
    if rest:
        return [], [(0, "scheme_" + code, details) for code, details in rest]
    return scheme, []


def write(scheme: list[SubCriterionRow]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append(COLUMNS)
    for sub in scheme:
        for a in sub.aspects:
            sheet.append([
                sub.code, sub.name_lv, sub.name_en, a.code, a.kind,
                a.method if a.kind == marking.MEASUREMENT else "", float(a.max_mark), a.day,
                a.description_lv, a.description_en,
            ])
    for letter, width in zip("ABCDEFGHIJ", (14, 30, 30, 8, 13, 13, 10, 6, 50, 50)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
