"""Prints the code the demo officer's and admin's authenticator app would show now. It knows
only the published demo key (partnership.demo.two_factor), never anyone's real key."""

from django.core.management.base import BaseCommand

from partnership.demo.two_factor import DEMO_AUTHENTICATOR_ACCOUNTS, demo_code_now


class Command(BaseCommand):
    help = "Print the current sign-in code of the demo accounts' authenticator app (demo key only)."

    def handle(self, *args, **options):
        accounts = " and ".join(DEMO_AUTHENTICATOR_ACCOUNTS)
        self.stdout.write(f"{demo_code_now()}  (the code for {accounts} now; a new one every 30 seconds)")
