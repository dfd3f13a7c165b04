from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from karjera.education.importer import ImportFailed, import_directory


class Command(BaseCommand):
    help = "Import education data files from a directory (docs/education-data.md); all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)

    def handle(self, *args, directory, **options):
        try:
            counts = import_directory(directory)
        except ImportFailed as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write("Imported " + ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in counts.items()) + ".")
