"""Computes the derived visibility of the rows that existed before it (docs/decisions/0008).

Runs the same propagation as the application, `refresh_pathway`, with the historical models.
"""

from django.db import migrations


def compute_levels(apps, schema_editor):
    from tremplin.core.derived_visibility import refresh_pathway

    Pathway = apps.get_model("pathways", "Pathway")
    for pathway_id in Pathway.objects.order_by("pk").values_list("pk", flat=True).iterator():
        refresh_pathway(pathway_id, get_model=apps.get_model)


class Migration(migrations.Migration):
    dependencies = [
        ("orientations", "0003_historicalorientation_visibility_and_more"),
        ("action_plan", "0002_action_visibility_historicalaction_visibility_and_more"),
        ("consent", "0002_consent_visibility"),
        ("review_meetings", "0001_initial"),
        ("timeline", "0002_more_event_kinds"),
        ("barriers", "0001_initial"),
        ("partners", "0001_initial"),
    ]

    operations = [migrations.RunPython(compute_levels, migrations.RunPython.noop)]
