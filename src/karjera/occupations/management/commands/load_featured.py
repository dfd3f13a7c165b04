from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from karjera.occupations.featured import FeaturedError, load


class Command(BaseCommand):
    help = "Load the featured profession descriptions from data/featured (all or nothing; admin edits kept)."

    def add_arguments(self, parser):
        parser.add_argument("--dir", default=str(settings.DATA_DIR / "featured"))

    def handle(self, *args, **options):
        try:
            counts = load(Path(options["dir"]))
        except FeaturedError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Featured professions: {counts['total']} in files, {counts['created']} created, "
            f"{counts['updated']} updated, {counts['kept']} kept as edited in the admin."
        )
