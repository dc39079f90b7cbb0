"""The job-side families of the built-in catalogue (issue 15), and the search columns of every entry."""

from django.db import migrations


def forward(apps, schema_editor):
    from tremplin.toolbox.builtin import load_builtin_entries
    from tremplin.toolbox.models import domain_codes, search_text

    ToolboxEntry = apps.get_model("toolbox", "ToolboxEntry")
    for entry in ToolboxEntry.objects.filter(structure__isnull=False).iterator():
        entry.search_text = search_text(entry)
        entry.domain_codes = domain_codes(entry.domains)
        entry.save(update_fields=["search_text", "domain_codes"])
    load_builtin_entries(ToolboxEntry)


class Migration(migrations.Migration):
    dependencies = [("toolbox", "0003_families_providers_partner")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
