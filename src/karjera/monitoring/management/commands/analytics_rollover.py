from django.core.management.base import BaseCommand

from karjera.monitoring import analytics


class Command(BaseCommand):
    help = "Roll up earlier days' analytics events into daily counts and delete them with their salts (run after midnight)."

    def handle(self, *args, **options):
        n = analytics.rollover()
        self.stdout.write(f"analytics: {n} events rolled up")
