"""(Re)creates the timeline from existing records, in bulk: for installations older than the timeline and the demo.
The sources are the `timeline` declarations of the personal-data registry."""

from django.core.management.base import BaseCommand
from django.db import transaction

from tremplin.core import personal_data
from tremplin.timeline.models import TimelineEvent

BATCH = 2000


class Command(BaseCommand):
    help = "Recrée la chronologie des parcours à partir des données existantes."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--structure", help="public_id d'une structure (toutes par défaut)")

    def handle(self, *args, structure: str | None = None, **options) -> None:
        total = 0
        with transaction.atomic():
            events = TimelineEvent.objects.all()
            if structure:
                events = events.filter(structure__public_id=structure)
            events.delete()
            for declaration in personal_data.with_timeline():
                source = declaration.timeline
                queryset = declaration.model_class.objects.select_related(*source.related).order_by("pk")
                if structure:
                    queryset = queryset.filter(**{f"{source.pathway_filter}structure__public_id": structure})
                batch: list[TimelineEvent] = []
                for record in queryset.iterator(chunk_size=BATCH):
                    batch.extend(source.build(record))
                    if len(batch) >= BATCH:
                        total += len(TimelineEvent.objects.bulk_create(batch, batch_size=BATCH))
                        batch = []
                if batch:
                    total += len(TimelineEvent.objects.bulk_create(batch, batch_size=BATCH))
        self.stdout.write(self.style.SUCCESS(f"{total} événements écrits."))
