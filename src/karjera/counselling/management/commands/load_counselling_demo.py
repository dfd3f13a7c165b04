"""Demonstration accounts and a group for the counsellor workspace; running it again changes nothing."""
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from karjera.counselling import demo


class Command(BaseCommand):
    help = ("Create the demonstration counsellor, school administrator, municipality coordinator and agency "
            "administrator, and a group with a join code and six pupils (idempotent). Needs the education demo data.")

    def handle(self, *args, **options):
        try:
            out = demo.load()
        except demo.DemoError as exc:
            raise CommandError(str(exc)) from exc
        group = out["group"]
        self.stdout.write(f"school: {out['school'].name_lv} ({out['municipality'].name_lv})")
        self.stdout.write(f"group: {group.name}, join code {group.display_code}, "
                          f"link {reverse('counselling:join_code', args=[group.join_code])}"
                          + (f"; {out['pupils']} demo pupils added" if out["pupils"] else ""))
        for username, role, usable in out["accounts"]:
            if settings.DEBUG:
                self.stdout.write(f"account: {username} ({role}), password {demo.DEMO_PASSWORD}")
            else:
                self.stdout.write(f"account: {username} ({role})" + ("" if usable else ", no password yet: set one with "
                                                                       f"`manage.py changepassword {username}`"))
        if settings.DEBUG:
            self.stdout.write("demo-agentura sets up a one-time code app (TOTP) at the first sign-in.")
        self.stdout.write(f"{out['created']} new objects")
