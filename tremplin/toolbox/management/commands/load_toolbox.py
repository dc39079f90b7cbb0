from django.core.management.base import BaseCommand

from tremplin.toolbox.builtin import load_builtin_entries


class Command(BaseCommand):
    help = "Creates or updates the built-in toolbox entries (French and English)."

    def handle(self, *args, **options):
        count = load_builtin_entries()
        self.stdout.write(f"{count} built-in toolbox entries written.")
