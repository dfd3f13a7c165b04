#!/usr/bin/env python3
"""Build data/occupations.json, the occupation catalogue the service loads at run time.

    python tools/build_occupation_data.py [--source PATH_TO_SHARED_DATA] [--out data/occupations.json]

Reads ESCO v1.0.8 (Latvian and English labels, ISCO-08 groups), the official ESCO mapping to the Latvian
occupation classifier, the official ESCO-O*NET crosswalk and O*NET 29.3 (interests, work values, job zones,
related occupations, titles), applies the rules of ``karjera.occupations.crosswalk`` and writes one
compact JSON file. The source folder defaults to ``../shared/data`` next to the repository. See
docs/data.md for what the file holds and why.

Exits with status 2 and a message naming the file when a source file is missing, has an unexpected header
or holds values the rules do not know.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT / "src"))

from karjera.occupations import crosswalk as cw  # noqa: E402

DEFAULT_SOURCE = REPO_ROOT.parent / "shared" / "data"
DEFAULT_OUT = REPO_ROOT / "data" / "occupations.json"

BUILT_FROM = {
    "esco": "1.0.8",
    "onet": "29.3",
    "pk_mapping": "2022-03-30",
    "crosswalk": "ESCO-O*NET official, 2022",
}
#: Required attribution lines, verbatim from the source data's README.
ATTRIBUTION = [
    "This product includes information from the O*NET 29.3 Database by the U.S. Department of Labor, "
    "Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET is a "
    "trademark of USDOL/ETA.",
    "ESCO classification, European Commission",
    "The Latvian label extraction comes from the MIT-licensed melo-benchmark (melo_LICENSE_MIT.txt).",
]

LABELS = "esco-1.0.8/esco_labels_lv_en.csv"
PK_MAPPING = "esco-1.0.8/esco_lv_pk_mapping_2022-03-30.csv"
CROSSWALK = "crosswalks/esco_onet_crosswalk_official_melo.csv"
INTERESTS = "onet-29.3/Interests.txt"
WORK_VALUES = "onet-29.3/Work Values.txt"
JOB_ZONES = "onet-29.3/Job Zones.txt"
RELATED = "onet-29.3/Related Occupations.txt"
OCCUPATION_DATA = "onet-29.3/Occupation Data.txt"
ONET_README = "onet-29.3/Read Me.txt"

METADATA_LINES = 16
HEADERS = {
    LABELS: ["concept_uri", "concept_type", "isco_code", "pref_label_lv", "alt_labels_lv", "pref_label_en",
             "alt_labels_en"],
    PK_MAPPING: ["Classification 1 URI", "Classification 1 PrefLabel", "Classification 1 URL",
                 "Classification 2 ID", "Classification 2 PrefLabel", "Classification 2 URL", "Mapping relation"],
    CROSSWALK: ["O*NET Id", "O*NET Title", "O*NET Description", "ESCO or ISCO URI", "ESCO or ISCO Title",
                "ESCO or ISCO Description", "Type of Match"],
    INTERESTS: ["O*NET-SOC Code", "Title", "Element ID", "Element Name", "Scale ID", "Scale Name", "Data Value",
                "Date", "Domain Source"],
    WORK_VALUES: ["O*NET-SOC Code", "Title", "Element ID", "Element Name", "Scale ID", "Scale Name",
                  "Data Value", "Date", "Domain Source"],
    JOB_ZONES: ["O*NET-SOC Code", "Title", "Job Zone", "Date", "Domain Source"],
    RELATED: ["O*NET-SOC Code", "Title", "Related O*NET-SOC Code", "Related Title", "Relatedness Tier", "Index"],
    OCCUPATION_DATA: ["O*NET-SOC Code", "Title", "Description"],
}

OCCUPATION_URI = re.compile(r"^http://data\.europa\.eu/esco/occupation/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-"
                            r"[0-9a-f]{4}-[0-9a-f]{12})$")
ISCO_URI = re.compile(r"^http://data\.europa\.eu/esco/isco/C(\d{1,4})$")
ONET_CODE = re.compile(r"^\d{2}-\d{4}\.\d{2}$")


class SourceError(Exception):
    """A source file is missing or not what the build expects."""


# --- reading -----------------------------------------------------------------------------------------


def _open(source: Path, name: str):
    path = source / name
    if not path.is_file():
        raise SourceError(f"{path}: source file missing (expected under --source {source})")
    return path.open(encoding="utf-8-sig", newline="")


def _check_header(source: Path, name: str, header: list[str] | None, line: int) -> None:
    expected = HEADERS[name]
    if header is None:
        raise SourceError(f"{source / name}: empty file, expected the header on line {line}")
    header = [h.strip() for h in header]
    if header != expected:
        raise SourceError(
            f"{source / name}: unexpected header on line {line}\n  expected: {expected}\n  found:    {header}"
        )


def read_csv(source: Path, name: str, metadata_lines: int = 0) -> tuple[dict[str, str], list[dict[str, str]]]:
    """Rows of a comma-separated file, after ``metadata_lines`` "key,value" lines; checks the header."""
    with _open(source, name) as fh:
        reader = csv.reader(fh)
        metadata = {}
        for _ in range(metadata_lines):
            row = next(reader, None)
            if row is None:
                raise SourceError(f"{source / name}: ended inside its {metadata_lines} metadata lines")
            if row and row[0].strip():
                metadata[row[0].strip()] = row[1].strip() if len(row) > 1 else ""
        header = next(reader, None)
        _check_header(source, name, header, metadata_lines + 1)
        rows = []
        for n, row in enumerate(reader, start=metadata_lines + 2):
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise SourceError(f"{source / name}: line {n} has {len(row)} fields, expected {len(header)}")
            rows.append(dict(zip(HEADERS[name], row)))
    return metadata, rows


def read_tsv(source: Path, name: str) -> list[dict[str, str]]:
    with _open(source, name) as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        _check_header(source, name, header, 1)
        rows = []
        for n, row in enumerate(reader, start=2):
            if not row:
                continue
            if len(row) != len(header):
                raise SourceError(f"{source / name}: line {n} has {len(row)} fields, expected {len(header)}")
            rows.append(dict(zip(HEADERS[name], row)))
    return rows


def _number(source: Path, name: str, value: str, low: float, high: float, what: str) -> float:
    try:
        x = float(value)
    except ValueError:
        raise SourceError(f"{source / name}: {what}: {value!r} is not a number") from None
    if not low <= x <= high:
        raise SourceError(f"{source / name}: {what}: {x} outside {low}-{high}")
    return x


def read_onet_scale(source: Path, name: str, scale: str, elements: dict[str, str]) -> dict[str, dict[str, float]]:
    """{O*NET code: {key: value}} for one scale; every code must carry every element."""
    profiles: dict[str, dict[str, float]] = defaultdict(dict)
    for row in read_tsv(source, name):
        if row["Scale ID"] != scale:
            continue
        element = row["Element Name"]
        if element not in elements:
            raise SourceError(f"{source / name}: unknown element {element!r} on scale {scale}")
        code = row["O*NET-SOC Code"]
        profiles[code][elements[element]] = _number(source, name, row["Data Value"], 1, 7, f"{code} {element}")
    if not profiles:
        raise SourceError(f"{source / name}: no rows on scale {scale}")
    for code, profile in profiles.items():
        if len(profile) != len(elements):
            missing = sorted(set(elements.values()) - set(profile))
            raise SourceError(f"{source / name}: {code} lacks {missing} on scale {scale}")
    return {code: {key: profile[key] for key in elements.values()} for code, profile in profiles.items()}


def check_versions(source: Path, pk_meta: dict[str, str], cw_meta: dict[str, str]) -> None:
    with _open(source, ONET_README) as fh:
        readme = fh.read()
    if f"O*NET {BUILT_FROM['onet']} Database" not in readme:
        raise SourceError(f"{source / ONET_README}: not the O*NET {BUILT_FROM['onet']} database")
    expected = {
        (PK_MAPPING, "Mapping project version date"): BUILT_FROM["pk_mapping"],
        (PK_MAPPING, "Classification 1 Version"): BUILT_FROM["esco"],
        (CROSSWALK, "Classification 1 Version"): "O*NET-SOC 2019",
    }
    for (name, key), value in expected.items():
        meta = pk_meta if name == PK_MAPPING else cw_meta
        if meta.get(key) != value:
            raise SourceError(f"{source / name}: metadata {key!r} is {meta.get(key)!r}, expected {value!r}")
    notice = source / "README.md"
    if notice.is_file():
        text = " ".join(notice.read_text("utf-8").split())
        for line in ATTRIBUTION:
            if line not in text:
                print(f"warning: attribution line not found in {notice}: {line}", file=sys.stderr)


# --- building ----------------------------------------------------------------------------------------


def _split_labels(value: str) -> list[str]:
    return list(dict.fromkeys(a.strip() for a in value.split("|") if a.strip()))


def build(source: Path) -> dict:
    _, labels = read_csv(source, LABELS)
    pk_meta, pk_rows = read_csv(source, PK_MAPPING, METADATA_LINES)
    cw_meta, cw_rows = read_csv(source, CROSSWALK, METADATA_LINES)
    check_versions(source, pk_meta, cw_meta)
    interests = read_onet_scale(source, INTERESTS, "OI", cw.RIASEC_ELEMENTS)
    values = read_onet_scale(source, WORK_VALUES, "EX", cw.WORK_VALUE_ELEMENTS)
    job_zones = {}
    for row in read_tsv(source, JOB_ZONES):
        zone = _number(source, JOB_ZONES, row["Job Zone"], 1, 5, row["O*NET-SOC Code"])
        job_zones[row["O*NET-SOC Code"]] = int(zone)
    titles = {row["O*NET-SOC Code"]: row["Title"] for row in read_tsv(source, OCCUPATION_DATA)}
    related_rows = read_tsv(source, RELATED)

    # ESCO occupations and ISCO groups
    occupations: dict[str, dict] = {}
    isco_groups = []
    for n, row in enumerate(labels, start=2):
        uri, kind = row["concept_uri"].strip(), row["concept_type"].strip()
        if kind == "isco_group":
            if not re.fullmatch(r"\d{1,4}", row["isco_code"]):
                raise SourceError(f"{source / LABELS}: line {n}: ISCO code {row['isco_code']!r}")
            isco_groups.append({"code": row["isco_code"], "name_lv": row["pref_label_lv"].strip(),
                                "name_en": row["pref_label_en"].strip()})
        elif kind == "occupation":
            m = OCCUPATION_URI.match(uri)
            if not m:
                raise SourceError(f"{source / LABELS}: line {n}: not an ESCO occupation URI: {uri!r}")
            if not re.fullmatch(r"\d{4}", row["isco_code"]):
                raise SourceError(f"{source / LABELS}: line {n}: ISCO code {row['isco_code']!r} is not 4 digits")
            if uri in occupations:
                raise SourceError(f"{source / LABELS}: line {n}: duplicate occupation {uri}")
            if not row["pref_label_lv"].strip() or not row["pref_label_en"].strip():
                raise SourceError(f"{source / LABELS}: line {n}: occupation {uri} lacks a preferred label")
            occupations[uri] = {
                "id": m.group(1),
                "esco_uri": uri,
                "isco": row["isco_code"],
                "name_lv": row["pref_label_lv"].strip(),
                "name_en": row["pref_label_en"].strip(),
                "alt_lv": _split_labels(row["alt_labels_lv"]),
                "alt_en": _split_labels(row["alt_labels_en"]),
            }
        else:
            raise SourceError(f"{source / LABELS}: line {n}: unknown concept_type {kind!r}")
    if not occupations:
        raise SourceError(f"{source / LABELS}: no occupations")

    # Latvian classifier
    diag: Counter = Counter()
    pk_input = []
    for row in pk_rows:
        uri = row["Classification 1 URI"].strip()
        if uri in occupations:
            pk_input.append((uri, row["Classification 2 ID"], row["Classification 2 PrefLabel"],
                             row["Mapping relation"]))
        elif ISCO_URI.match(uri):
            diag["pk_rows_for_isco_groups"] += 1
        else:
            diag["pk_rows_unknown_concept"] += 1
    try:
        pk = cw.pk_links(pk_input)
    except ValueError as exc:
        raise SourceError(f"{source / PK_MAPPING}: {exc}") from None

    # Crosswalk
    direct: dict[str, list[tuple[str, str]]] = defaultdict(list)
    exact_isco: dict[str, list[str]] = defaultdict(list)
    for n, row in enumerate(cw_rows, start=METADATA_LINES + 2):
        code, uri, match = row["O*NET Id"].strip(), row["ESCO or ISCO URI"].strip(), row["Type of Match"].strip()
        if match not in cw.MATCH_TYPES:
            raise SourceError(f"{source / CROSSWALK}: line {n}: unknown Type of Match {match!r}")
        if not ONET_CODE.match(code):
            raise SourceError(f"{source / CROSSWALK}: line {n}: not an O*NET-SOC code: {code!r}")
        titles.setdefault(code, row["O*NET Title"].strip())
        diag[f"crosswalk_{match}"] += 1
        isco = ISCO_URI.match(uri)
        if match == "exactISCO":
            if not isco:
                raise SourceError(f"{source / CROSSWALK}: line {n}: exactISCO to a non-ISCO URI {uri!r}")
            exact_isco[isco.group(1)].append(code)
        elif uri in occupations:
            direct[uri].append((code, match))
        else:
            diag["crosswalk_rows_esco_not_in_1.0.8"] += 1
    crosswalk_codes = {c for links in direct.values() for c, _ in links} | {
        c for codes in exact_isco.values() for c in codes
    }

    # Related occupations
    uuid_of = {uri: occ["id"] for uri, occ in occupations.items()}
    name_of = {occ["id"]: occ["name_en"].casefold() for occ in occupations.values()}
    try:
        related = cw.related_occupations(
            [(uuid_of[uri], code, match) for uri, links in direct.items() for code, match in links],
            [(r["O*NET-SOC Code"], r["Related O*NET-SOC Code"], r["Relatedness Tier"], r["Index"])
             for r in related_rows],
            limit=10,
            tie_key=lambda i: (name_of[i], i),
        )
    except ValueError as exc:
        raise SourceError(f"{source / RELATED}: {exc}") from None

    # Per occupation
    records = []
    counts: Counter = Counter()
    for uri, occ in occupations.items():
        links = list(direct.get(uri, []))
        links += [(code, "exactISCO") for code in cw.isco_group_matches(occ["isco"], exact_isco)]
        ria = cw.aggregate_profiles([(c, m, interests.get(c)) for c, m in links], titles)
        val = cw.aggregate_profiles([(c, m, values.get(c)) for c, m in links])
        jz = cw.aggregate_job_zone([(c, m, job_zones.get(c)) for c, m in links])
        onet = None
        if ria["profile"] is not None:
            onet = {
                "tier": ria["tier"],
                "codes": ria["codes"],
                "skipped": ria["skipped"],
                "values_from": (
                    {"tier": val["tier"], "codes": [c["code"] for c in val["codes"]]}
                    if val["profile"] is not None else None
                ),
                "job_zone_from": (
                    {"tier": jz["tier"], "codes": [c["code"] for c in jz["codes"]], "zones": jz["zones"]}
                    if jz["job_zone"] is not None else None
                ),
            }
        record = {
            **occ,
            "pk": pk.get(uri, []),
            "riasec": ria["profile"],
            "values": val["profile"],
            "job_zone": jz["job_zone"],
            "onet": onet,
            "related": related.get(occ["id"], []),
        }
        records.append(record)

        counts["occupations"] += 1
        counts["in_crosswalk"] += bool(direct.get(uri))
        counts["in_crosswalk_without_interest_data"] += bool(direct.get(uri)) and ria["tier"] in (None, "isco_group")
        counts["with_riasec"] += ria["profile"] is not None
        counts[f"riasec_tier_{ria['tier']}"] += ria["profile"] is not None
        counts["riasec_from_several_codes"] += len(ria["codes"]) > 1
        counts["with_values"] += val["profile"] is not None
        counts[f"values_tier_{val['tier']}"] += val["profile"] is not None
        counts["with_job_zone"] += jz["job_zone"] is not None
        counts["with_pk"] += bool(record["pk"])
        counts["with_pk_exact"] += any(p["relation"] == "exactMatch" for p in record["pk"])
        counts["with_related"] += bool(record["related"])

    records.sort(key=lambda r: r["id"])
    isco_groups.sort(key=lambda g: g["code"])
    tiers = [t for t, _ in cw.TIERS]
    summary = {
        "occupations": counts["occupations"],
        "isco_groups": len(isco_groups),
        "in_crosswalk": counts["in_crosswalk"],
        "in_crosswalk_without_interest_data": counts["in_crosswalk_without_interest_data"],
        "with_riasec": counts["with_riasec"],
        "riasec_by_tier": {t: counts[f"riasec_tier_{t}"] for t in tiers},
        "riasec_from_several_codes": counts["riasec_from_several_codes"],
        "with_values": counts["with_values"],
        "values_by_tier": {t: counts[f"values_tier_{t}"] for t in tiers},
        "with_job_zone": counts["with_job_zone"],
        "with_pk": counts["with_pk"],
        "with_pk_exact": counts["with_pk_exact"],
        "with_related": counts["with_related"],
    }
    sources = {
        "crosswalk_rows_by_match": {m: diag[f"crosswalk_{m}"] for _, m in cw.TIERS},
        "crosswalk_rows_esco_not_in_1.0.8": diag["crosswalk_rows_esco_not_in_1.0.8"],
        "crosswalk_onet_codes": len(crosswalk_codes),
        "crosswalk_onet_codes_without_interests": sorted(crosswalk_codes - set(interests)),
        "crosswalk_onet_codes_without_values": len(crosswalk_codes - set(values)),
        "pk_rows_for_isco_groups": diag["pk_rows_for_isco_groups"],
        "pk_rows_unknown_concept": diag["pk_rows_unknown_concept"],
        "duplicate_name_lv": sorted(n for n, k in Counter(r["name_lv"] for r in records).items() if k > 1),
    }
    meta = {"built_from": BUILT_FROM, "attribution": ATTRIBUTION, "counts": summary}
    return {"meta": meta, "isco_groups": isco_groups, "occupations": records, "diagnostics": sources}


def write(catalogue: dict, out: Path) -> None:
    """One JSON document, one ISCO group or occupation per line (small diffs), written atomically."""
    dump = lambda value: json.dumps(value, ensure_ascii=False, separators=(",", ":"))  # noqa: E731
    parts = [
        '{"meta":', dump(catalogue["meta"]), ',\n"isco_groups":[\n',
        ",\n".join(dump(g) for g in catalogue["isco_groups"]), '\n],\n"occupations":[\n',
        ",\n".join(dump(o) for o in catalogue["occupations"]), "\n]}\n",
    ]
    text = "".join(parts)
    json.loads(text)  # the file must stay valid JSON
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=out.name + ".", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def report(catalogue: dict, out: Path) -> str:
    c = catalogue["meta"]["counts"]
    d = catalogue["diagnostics"]
    n = c["occupations"]
    pct = lambda k: f"{k:5d} ({100 * k / n:5.1f}%)"  # noqa: E731
    lines = [
        f"wrote {out} ({out.stat().st_size:,} bytes)",
        f"occupations                 {n:5d}",
        f"ISCO-08 groups              {c['isco_groups']:5d}",
        f"in the ESCO-O*NET crosswalk {pct(c['in_crosswalk'])}",
        f"  of which no interest data {c['in_crosswalk_without_interest_data']:5d}",
        f"with RIASEC profile         {pct(c['with_riasec'])}",
        *(f"  tier {t:<21}{k:5d}" for t, k in c["riasec_by_tier"].items()),
        f"  averaged over >1 code     {c['riasec_from_several_codes']:5d}",
        f"with work values            {pct(c['with_values'])}",
        *(f"  tier {t:<21}{k:5d}" for t, k in c["values_by_tier"].items()),
        f"with job zone               {pct(c['with_job_zone'])}",
        f"with Latvian classifier code{pct(c['with_pk'])}",
        f"  with an exact PK match    {pct(c['with_pk_exact'])}",
        f"with related occupations    {pct(c['with_related'])}",
        "sources:",
        f"  crosswalk rows by match   {d['crosswalk_rows_by_match']}",
        f"  crosswalk rows for ESCO concepts not in v1.0.8: {d['crosswalk_rows_esco_not_in_1.0.8']}",
        f"  crosswalk O*NET codes     {d['crosswalk_onet_codes']}; without interests "
        f"{len(d['crosswalk_onet_codes_without_interests'])}, without work values "
        f"{d['crosswalk_onet_codes_without_values']}",
        f"  PK mapping rows for ISCO groups (not used): {d['pk_rows_for_isco_groups']}",
        f"  Latvian preferred labels used by two occupations: {', '.join(d['duplicate_name_lv']) or 'none'}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE,
                        help=f"folder with esco-1.0.8/, onet-29.3/, crosswalks/ (default: {DEFAULT_SOURCE})")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"output file (default: {DEFAULT_OUT})")
    args = parser.parse_args(argv)
    source = args.source.resolve()
    if not source.is_dir():
        print(f"error: source folder {source} does not exist (pass --source)", file=sys.stderr)
        return 2
    try:
        catalogue = build(source)
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    write(catalogue, args.out)
    print(report(catalogue, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
