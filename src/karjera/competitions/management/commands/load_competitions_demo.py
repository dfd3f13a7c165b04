"""Load the demonstration competitions (data/competitions/demo.json); running it again changes nothing."""
import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from karjera.competitions import demo


class Command(BaseCommand):
    help = "Load the demonstration skills competitions, competitors, experts, marks and visitor programme."

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(settings.DATA_DIR / "competitions" / "demo.json"))
        parser.add_argument(
            "--expert-password",
            default=os.environ.get("DEMO_EXPERT_PASSWORD") or None,
            help="Password for the demonstration experts (default: none, they cannot sign in)",
        )

    def handle(self, *args, **options):
        try:
            counts = demo.load(options["file"], options["expert_password"])
        except (OSError, ValueError, KeyError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"{counts['competitions']} competitions, {counts['competitors']} competitors, {counts['marks']} new marks"
        )
