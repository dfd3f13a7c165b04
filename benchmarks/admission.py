#!/usr/bin/env python
"""Admission calculator latency, server side, with the demo data scaled to 5,000 programmes.

Imports the demonstration set into a scratch SQLite database, copies its programmes until there are
5,000 (each keeps its admission rule), then evaluates random pupils against all of them through the
calculator and through `POST /api/v1/admission/evaluate`, and prints p50/p95/p99.

    .venv/bin/python benchmarks/admission.py [--programmes 5000]
"""
import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ["KARJERA_VAR_DIR"] = tempfile.mkdtemp(prefix="karjera-admission-bench-")
os.makedirs(os.path.join(os.environ["KARJERA_VAR_DIR"], "static"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "karjera.settings")
os.environ.pop("DATABASE_URL", None)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from karjera.education import calculator  # noqa: E402
from karjera.education.models import Programme  # noqa: E402
from karjera.education.services import COMPETITION  # noqa: E402

SUBJECTS = ["latvian", "mathematics", "english", "physics", "chemistry", "biology", "informatics", "history"]


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def random_pupil(rng):
    exams = [{"subject": s, "level": rng.choice(["higher", "optimal", "general"]), "percent": rng.randint(15, 100)}
             for s in rng.sample(SUBJECTS, rng.randint(3, 6))]
    return exams, [rng.randint(4, 10) for _ in range(12)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--programmes", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    call_command("import_education", str(settings.DATA_DIR / "education" / "demo"), stdout=open(os.devnull, "w"))
    originals = list(Programme.objects.all())
    copies, n = [], 0
    while len(originals) + len(copies) < args.programmes:
        source = originals[n % len(originals)]
        n += 1
        source.pk = None
        source.code = f"{(int(source.code) + 7919 * n) % 100_000_000:08d}"
        copies.append(Programme(**{f.attname: getattr(source, f.attname) for f in Programme._meta.concrete_fields}))
    Programme.objects.bulk_create(copies, batch_size=500)
    COMPETITION.reset()
    with_rules = Programme.objects.exclude(admission_rule=None).count()
    print(f"{Programme.objects.count()} programmes, {with_rules} with an admission rule")
    rng = random.Random(7)
    calculator.run(calculator.make_pupil(*random_pupil(rng)), "lv")  # warm: rules compiled once per process
    timings = []
    for _ in range(args.runs):
        exams, grades = random_pupil(rng)
        start = time.perf_counter()
        result = calculator.run(calculator.make_pupil(exams, grades), "lv")
        timings.append((time.perf_counter() - start) * 1000)
    print(f"calculator, all programmes: p50 {statistics.median(timings):.1f} ms, p95 {percentile(timings, 95):.1f} ms, "
          f"p99 {percentile(timings, 99):.1f} ms ({len(result['eligible'])} eligible in the last run)")
    client = Client()
    timings = []
    for _ in range(min(args.runs, 50)):
        exams, grades = random_pupil(rng)
        body = json.dumps({"exams": exams, "grades": grades})
        start = time.perf_counter()
        response = client.post("/api/v1/admission/evaluate", body, content_type="application/json")
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.content[:300]
    print(f"POST /api/v1/admission/evaluate incl. JSON of every programme: p50 {statistics.median(timings):.1f} ms, "
          f"p95 {percentile(timings, 95):.1f} ms")


if __name__ == "__main__":
    main()
