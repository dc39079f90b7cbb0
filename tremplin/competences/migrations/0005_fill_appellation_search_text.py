"""Folds the titles of the appellations already imported, so the search by job name finds them at once."""

from django.db import migrations


def fill(apps, schema_editor):
    from tremplin.core.search_keys import search_key

    RomeAppellation = apps.get_model("competences", "RomeAppellation")
    batch = []
    for item in RomeAppellation.objects.only("pk", "title").iterator(chunk_size=2000):
        item.search_text = search_key(item.title)[:300]
        batch.append(item)
    RomeAppellation.objects.bulk_update(batch, ["search_text"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("competences", "0004_appellation_search_text")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
