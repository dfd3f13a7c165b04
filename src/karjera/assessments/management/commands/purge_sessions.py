from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from karjera.assessments.models import TestSession


class Command(BaseCommand):
    help = "Delete test sessions untouched for longer than SESSION_RETENTION_DAYS (pupils' data is kept no longer)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.SESSION_RETENTION_DAYS)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, **options):
        cutoff = timezone.now() - timedelta(days=options["days"])
        stale = TestSession.objects.filter(updated_at__lt=cutoff)
        count = stale.count()
        if not options["dry_run"]:
            stale.delete()
        verb = "Would delete" if options["dry_run"] else "Deleted"
        self.stdout.write(f"{verb} {count} test sessions untouched since {cutoff:%Y-%m-%d}.")
