import pytest
from django.core.management import call_command
from django.utils import translation

from tremplin.barriers.models import BarrierDomain
from tremplin.toolbox.builtin import BUILTIN_ENTRIES, load_builtin_entries
from tremplin.toolbox.models import ToolboxEntry

pytestmark = pytest.mark.django_db


def test_the_migration_loaded_the_builtin_catalogue():
    assert ToolboxEntry.objects.filter(structure__isnull=True).count() == len(BUILTIN_ENTRIES)


@pytest.mark.parametrize("domain", BarrierDomain.values)
def test_every_domain_has_at_least_two_entries(domain):
    entries = [e for e in ToolboxEntry.objects.filter(structure__isnull=True) if domain in e.domains]
    assert len(entries) >= 2, domain


def test_every_builtin_entry_is_written_in_french_and_english():
    for entry in ToolboxEntry.objects.filter(structure__isnull=True):
        assert entry.title_fr and entry.title_en and entry.description_fr and entry.description_en
        assert set(entry.domains) <= set(BarrierDomain.values)


def test_loading_again_changes_nothing():
    before = ToolboxEntry.objects.count()
    load_builtin_entries()
    call_command("load_toolbox", stdout=open("/dev/null", "w"))
    assert ToolboxEntry.objects.count() == before


def test_entries_speak_the_current_language():
    entry = ToolboxEntry.objects.get(builtin_key="mobility-driving-licence")
    with translation.override("fr"):
        assert entry.title == "Financer le permis de conduire"
    with translation.override("en"):
        assert entry.title == "Help to fund the driving licence"
        assert entry.description.startswith("Put together")


def test_an_entry_without_english_falls_back_to_french(structure):
    entry = ToolboxEntry.objects.create(
        structure=structure, title_fr="Atelier vélo", domains=["mobility"], section="mobility"
    )
    with translation.override("en"):
        assert entry.title == "Atelier vélo"


JOB_SIDE = ("project", "funding", "recognition", "basic_skills")


@pytest.mark.parametrize("family", JOB_SIDE)
def test_each_job_side_family_says_who_offers_it_and_how_to_reach_it(family):
    entries = list(ToolboxEntry.objects.filter(structure__isnull=True, family=family))
    assert len(entries) >= 3, family
    for entry in entries:
        assert entry.provider_fr and entry.provider_en and entry.access_fr and entry.access_en, entry.builtin_key


def test_the_details_name_only_existing_entries():
    from tremplin.toolbox.builtin import DETAILS

    keys = [entry[0] for entry in BUILTIN_ENTRIES]
    assert len(keys) == len(set(keys))
    assert set(DETAILS) <= set(keys)
