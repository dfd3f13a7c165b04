#!/usr/bin/env python3
"""List catalogue occupations by ISCO prefix or name, for content editors choosing featured professions.

    python3 tools/list_occupations.py --isco 512
    python3 tools/list_occupations.py --name pavār
"""
import argparse
import json
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--isco", default="")
    parser.add_argument("--name", default="")
    args = parser.parse_args()
    data = json.loads((ROOT / "data" / "occupations.json").read_text("utf-8"))
    for o in data["occupations"]:
        if not o["isco"].startswith(args.isco):
            continue
        if args.name and fold(args.name) not in fold(o["name_lv"] + " " + o["name_en"]):
            continue
        code = "".join(sorted(o["riasec"], key=lambda t: -o["riasec"][t])[:3]) if o["riasec"] else "---"
        print(o["id"], o["isco"], f"JZ{o['job_zone'] or '-'}", code, o["name_lv"], "|", o["name_en"])


if __name__ == "__main__":
    main()
