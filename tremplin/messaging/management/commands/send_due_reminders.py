from django.core.management.base import BaseCommand

from tremplin.messaging.reminders import send_due_reminders


class Command(BaseCommand):
    help = "Queue the reminders whose time has come and send the messages that waited (every 15 minutes)."

    def handle(self, *args, **options):
        count = send_due_reminders()
        self.stdout.write(f"{count} reminder(s) queued")
