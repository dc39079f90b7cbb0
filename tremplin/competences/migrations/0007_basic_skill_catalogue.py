"""Loads the default basic-skill catalogue: the seven CléA domains and languages (tremplin/competences/basic_skills.py)."""

from django.db import migrations


def load(apps, schema_editor):
    from tremplin.competences.basic_skills import load_basic_skills

    load_basic_skills(apps.get_model("competences", "Competence"))


class Migration(migrations.Migration):
    dependencies = [("competences", "0006_basic_skills_and_proposals")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
