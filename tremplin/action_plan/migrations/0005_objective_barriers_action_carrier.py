"""An objective addresses several barriers (decision 0013): the single link is copied into the many-to-many
before it goes; an action records who carries it (a directory partner) and the orientation it came from.
Levels do not change: each objective keeps the one barrier it had."""

import django.db.models.deletion
from django.db import migrations, models


def copy_barrier_links(apps, schema_editor):
    Objective = apps.get_model("action_plan", "Objective")
    Link = Objective.barriers.through
    rows = Objective.objects.filter(barrier__isnull=False).values_list("pk", "barrier_id").iterator()
    batch = []
    for objective_id, barrier_id in rows:
        batch.append(Link(objective_id=objective_id, barrier_id=barrier_id))
        if len(batch) >= 1000:
            Link.objects.bulk_create(batch)
            batch = []
    Link.objects.bulk_create(batch)


def copy_links_back(apps, schema_editor):
    """Backwards: the first barrier of each objective becomes its single link again."""
    Objective = apps.get_model("action_plan", "Objective")
    for link in Objective.barriers.through.objects.order_by("objective_id", "id"):
        Objective.objects.filter(pk=link.objective_id, barrier__isnull=True).update(barrier_id=link.barrier_id)


class Migration(migrations.Migration):
    dependencies = [
        ("action_plan", "0004_action_agreed_order"),
        ("barriers", "0002_job_side_domains"),
        ("orientations", "0004_derived_visibility_of_existing_rows"),
        ("partners", "0002_needs_follow_barrier_domains"),
    ]

    operations = [
        migrations.AddField(
            model_name="objective",
            name="barriers",
            field=models.ManyToManyField(
                blank=True, related_name="objectives", to="barriers.barrier", verbose_name="freins liés"
            ),
        ),
        migrations.RunPython(copy_barrier_links, copy_links_back),
        migrations.AddField(
            model_name="action",
            name="orientation",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="resulting_actions",
                to="orientations.orientation",
                verbose_name="issue de l'orientation",
            ),
        ),
        migrations.AddField(
            model_name="action",
            name="owner_partner",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="plan_actions",
                to="partners.partnerorganisation",
                verbose_name="partenaire de l'annuaire",
            ),
        ),
        migrations.AddField(
            model_name="historicalaction",
            name="orientation",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="orientations.orientation",
                verbose_name="issue de l'orientation",
            ),
        ),
        migrations.AddField(
            model_name="historicalaction",
            name="owner_partner",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="partners.partnerorganisation",
                verbose_name="partenaire de l'annuaire",
            ),
        ),
        migrations.AlterField(
            model_name="action",
            name="owner_partner_name",
            field=models.CharField(blank=True, max_length=200, verbose_name="autre prestataire (nom)"),
        ),
        migrations.AlterField(
            model_name="historicalaction",
            name="owner_partner_name",
            field=models.CharField(blank=True, max_length=200, verbose_name="autre prestataire (nom)"),
        ),
        migrations.RemoveField(
            model_name="historicalobjective",
            name="barrier",
        ),
        migrations.RemoveField(
            model_name="objective",
            name="barrier",
        ),
    ]
