from django.conf import settings
from django.db import migrations, models

import tremplin.core.search_keys


def fill_search_keys(apps, schema_editor):
    """The rows recorded before the column existed get their key, in batches."""
    model = apps.get_model("job_offers", "JobOffer")
    batch = []
    for row in model.objects.only("pk", "title").iterator(chunk_size=2000):
        row.search_title = tremplin.core.search_keys.search_key(row.title)
        batch.append(row)
        if len(batch) == 2000:
            model.objects.bulk_update(batch, ["search_title"])
            batch = []
    if batch:
        model.objects.bulk_update(batch, ["search_title"])


class Migration(migrations.Migration):
    dependencies = [
        ("employers", "0001_initial"),
        ("job_offers", "0001_initial"),
        ("structures", "0004_historicalstructure_historicalworksite"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="joboffer",
            name="search_title",
            field=tremplin.core.search_keys.SearchKeyField(max_length=200, sources=("title",)),
        ),
        migrations.RunPython(fill_search_keys, migrations.RunPython.noop),
    ]
