from django.core.management.base import BaseCommand, CommandError

from karjera.assessments import definitions, engine


class Command(BaseCommand):
    help = "Validate every instrument file and freeze the newest version of each in the database."

    def handle(self, *args, **options):
        try:
            instruments = definitions.latest()
            for slug in instruments:
                row = engine.current_version(slug)
                self.stdout.write(f"{row.slug} {row.version}: {len(row.instrument.items)} items")
        except definitions.InstrumentError as exc:
            raise CommandError(str(exc)) from exc
        except engine.Unavailable as exc:
            raise CommandError(exc.message) from exc
