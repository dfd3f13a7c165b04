from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from karjera.counselling import library, loader


class Command(BaseCommand):
    help = "Load the methods library and the plan templates from data/counselling (all or nothing; idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--dir", default=str(Path(settings.DATA_DIR) / "counselling"),
                            help="Folder with methods/*.yaml and plan_templates.yaml")

    def handle(self, *args, **options):
        folder = Path(options["dir"])
        try:
            counts = loader.load(folder / "methods", folder / "plan_templates.yaml")
        except library.LibraryError as exc:
            raise CommandError("Nothing was loaded:\n" + "\n".join(exc.problems)) from exc
        self.stdout.write(
            f"methods: {counts['created']} created, {counts['updated']} updated, {counts['unchanged']} unchanged; "
            f"plan templates: {counts['templates']}"
        )
