from django.core.management.base import BaseCommand

from karjera.monitoring import seed


class Command(BaseCommand):
    help = "Load the programme's reported figures (indicators, funding, network, sustainability); safe to repeat."

    def handle(self, *args, **options):
        programme = seed.load()
        self.stdout.write(f"monitoring: programme {programme.code} with {programme.indicators.count()} indicators")
