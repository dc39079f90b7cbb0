"""Loads the default soft-skill catalogue (see tremplin/competences/catalogue.py)."""

from django.db import migrations


def load(apps, schema_editor):
    from tremplin.competences.catalogue import load_soft_skills

    load_soft_skills(apps.get_model("competences", "Competence"))


class Migration(migrations.Migration):
    dependencies = [("competences", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
