from django.conf import settings
from django.db import migrations, models

import tremplin.core.search_keys


def fill_search_keys(apps, schema_editor):
    """The rows recorded before the column existed get their key, in batches."""
    model = apps.get_model("people", "Person")
    batch = []
    for row in model.objects.only("pk", "first_name", "last_name").iterator(chunk_size=2000):
        row.search_name = tremplin.core.search_keys.search_key(row.first_name, row.last_name)
        batch.append(row)
        if len(batch) == 2000:
            model.objects.bulk_update(batch, ["search_name"])
            batch = []
    if batch:
        model.objects.bulk_update(batch, ["search_name"])


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0002_historicalperson"),
        ("structures", "0004_historicalstructure_historicalworksite"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="search_name",
            field=tremplin.core.search_keys.SearchKeyField(max_length=201, sources=("first_name", "last_name")),
        ),
        migrations.RunPython(fill_search_keys, migrations.RunPython.noop),
    ]
