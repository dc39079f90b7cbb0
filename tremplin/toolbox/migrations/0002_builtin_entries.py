from django.db import migrations


def load(apps, schema_editor):
    from tremplin.toolbox.builtin import load_builtin_entries

    load_builtin_entries(apps.get_model("toolbox", "ToolboxEntry"))


def unload(apps, schema_editor):
    apps.get_model("toolbox", "ToolboxEntry").objects.filter(structure__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("toolbox", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
