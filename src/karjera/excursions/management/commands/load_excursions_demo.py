from django.core.management.base import BaseCommand

from karjera.excursions import demo


class Command(BaseCommand):
    help = "Load the demonstration excursion hosts, offers, slots and a Job Shadow Day round (idempotent)."

    def handle(self, *args, **options):
        counts = demo.load()
        self.stdout.write(
            f"{counts['hosts']} hosts, {counts['offers']} offers ({counts['slots_added']} new slots), "
            f"{counts['shadow_places']} Job Shadow Day places; all marked as demonstration data. "
            "Give a user the host role in the admin (Excursions › Host members)."
        )
