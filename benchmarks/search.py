#!/usr/bin/env python
"""Occupation search latency, server side, over the full catalogue.

Builds a scratch SQLite database with the whole catalogue and the featured professions, then replays
what pupils type as they type it (every prefix of each query in tests/occupations/test_search.py) through
the JSON endpoint and the HTML results fragment in-process, and prints p50/p95/p99 per path.

    .venv/bin/python benchmarks/search.py
"""
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
os.environ["KARJERA_VAR_DIR"] = tempfile.mkdtemp(prefix="karjera-search-bench-")
os.makedirs(os.path.join(os.environ["KARJERA_VAR_DIR"], "static"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "karjera.settings")
os.environ.pop("DATABASE_URL", None)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

import importlib.util  # noqa: E402

_spec = importlib.util.spec_from_file_location("search_queries", ROOT / "tests" / "occupations" / "test_search.py")
_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_module)
QUERIES = _module.QUERIES


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main():
    call_command("migrate", verbosity=0)
    call_command("load_occupations", stdout=open(os.devnull, "w"))
    call_command("load_featured", stdout=open(os.devnull, "w"))
    typed = [q[:n] for q, _ in QUERIES for n in range(2, len(q) + 1)]
    client = Client()
    storages = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    with override_settings(STORAGES=storages):
        client.get("/api/v1/occupations?q=a")  # build the index once, as a warm worker has it
        for label, url in (("api", "/api/v1/occupations?limit=20&q="), ("html fragment", "/occupations/?partial=1&q=")):
            timings = []
            for text in typed:
                start = time.perf_counter()
                response = client.get(url + text)
                timings.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200
            print(
                f"search {label:<14} {len(timings)} requests: p50 {statistics.median(timings):.1f} ms, "
                f"p95 {percentile(timings, 95):.1f} ms, p99 {percentile(timings, 99):.1f} ms, max {max(timings):.1f} ms"
            )
        start = time.perf_counter()
        from karjera.occupations.search import CATALOGUE

        CATALOGUE.reset()
        CATALOGUE.get()
        print(f"index build for the full catalogue: {(time.perf_counter() - start) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
