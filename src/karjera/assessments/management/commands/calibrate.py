"""Fit 2PL item parameters of the ability detector from the answers pupils have given."""
import numpy as np
from django.core.management.base import BaseCommand

from karjera.assessments import engine
from karjera.assessments.models import ItemCalibration, TestSession
from karjera.assessments.scoring.irt import calibrate


class Command(BaseCommand):
    help = (
        "Fit 2PL parameters per item position of each ability subtest (generated items of one position "
        "share a kind and difficulty model) by marginal maximum likelihood, and store them once enough "
        "pupils have answered. Results then use them, and norms stop being labelled provisional."
    )

    def add_arguments(self, parser):
        parser.add_argument("--instrument", default="abilities")
        parser.add_argument("--min-people", type=int, default=500)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, instrument, min_people, dry_run, **options):
        version = engine.current_version(instrument)
        definition = version.instrument
        sessions = TestSession.objects.filter(instrument_version=version, status=TestSession.COMPLETED)
        for st in definition.data["subtests"]:
            # every position a session can be given: the fixed form's, and the adaptive mode's pool
            slots = [i for i in definition.pool_index.values() if i.get("subtest") == st["code"]]
            rows = []
            for session in sessions.iterator():
                answers = dict(session.answers.filter(item_id__in=[s["id"] for s in slots]).values_list("item_id", "value"))
                late = set((session.result or {}).get("late", []))
                row = [
                    float(answers[s["id"]] == definition.generated(s, session.id).key)
                    if s["id"] in answers and s["id"] not in late else np.nan
                    for s in slots
                ]
                rows.append(row)
            people = len(rows)
            if people < min_people:
                self.stdout.write(f"{st['code']}: {people} pupils, fewer than {min_people}; parameters stay provisional.")
                continue
            matrix = np.array(rows)
            # a position of the adaptive pool that few pupils were given keeps its provisional parameters
            enough = (~np.isnan(matrix)).sum(axis=0) >= min_people
            for slot, ok in zip(slots, enough):
                if not ok:
                    self.stdout.write(f"{st['code']} position {slot['position']}: fewer than {min_people} answers; stays provisional.")
            slots = [slot for slot, ok in zip(slots, enough) if ok]
            if not slots:
                continue
            fitted = calibrate(matrix[:, enough])
            for slot, item in zip(slots, fitted):
                self.stdout.write(f"{st['code']} position {slot['position']}: a={item.a:.2f} b={item.b:.2f}")
                if not dry_run:
                    ItemCalibration.objects.update_or_create(
                        slug=definition.slug, version=definition.version, subtest=st["code"], position=slot["position"],
                        defaults={"a": item.a, "b": item.b, "people": people},
                    )
