from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from karjera.occupations.loader import CatalogueError, load


class Command(BaseCommand):
    help = "Load the occupation catalogue from the derived data file (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(settings.DATA_DIR / "occupations.json"))

    def handle(self, *args, **options):
        try:
            counts = load(Path(options["file"]))
        except CatalogueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Loaded {counts['occupations']} occupations and {counts['isco_groups']} ISCO groups"
            f" ({counts['removed']} removed)."
        )
