#!/usr/bin/env python3
"""Build the card deck of "Karjeras iespēju diagnostika" from the featured professions.

Picks 10 featured professions per RIASEC type (by the occupation's highest O*NET interest), spread over
preparation levels and education fields, deterministically, and writes the instrument's item list into
src/karjera/assessments/instruments/career_options/<version>.yaml, keeping the file's texts.

    python3 tools/make_card_deck.py [--version 1.0.0]
"""
import argparse
import collections
import json
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PER_TYPE = 10


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--version", default="1.0.0")
    args = parser.parse_args()
    occupations = {o["id"]: o for o in json.loads((ROOT / "data" / "occupations.json").read_text("utf-8"))["occupations"]}
    featured = []
    for path in sorted((ROOT / "data" / "featured").glob("*.yaml")):
        featured += yaml.safe_load(path.read_text("utf-8"))
    by_type = collections.defaultdict(list)
    for entry in featured:
        occ = occupations[entry["occupation"]]
        if occ["riasec"]:
            top = max("RIASEC", key=lambda t: occ["riasec"][t])
            by_type[top].append((occ["job_zone"] or 0, occ["isco"], entry))
    items = []
    for t in "RIASEC":
        pool = sorted(by_type[t], key=lambda x: (x[0], x[1], x[2]["occupation"]))
        zones = collections.defaultdict(list)
        for zone, _, entry in pool:
            zones[zone].append(entry)
        chosen, seen_groups = [], set()
        while len(chosen) < PER_TYPE and any(zones.values()):
            for zone in sorted(zones):
                if not zones[zone] or len(chosen) == PER_TYPE:
                    continue
                # Prefer an ISCO sub-major group not yet in this type's cards.
                pick = next((e for e in zones[zone] if occupations[e["occupation"]]["isco"][:2] not in seen_groups), zones[zone][0])
                zones[zone].remove(pick)
                seen_groups.add(occupations[pick["occupation"]]["isco"][:2])
                chosen.append(pick)
        for entry in chosen:
            items.append(
                {
                    "id": f"K{len(items) + 1:02d}",
                    "scale": t,
                    "occupation": entry["occupation"],
                    "text": {"lv": entry["name"]["lv"], "en": entry["name"]["en"]},
                    "detail": {"lv": entry["summary"]["lv"], "en": entry["summary"]["en"]},
                }
            )
    path = ROOT / "src" / "karjera" / "assessments" / "instruments" / "career_options" / f"{args.version}.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data["items"] = items
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110), "utf-8")
    print(f"{len(items)} cards written to {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
