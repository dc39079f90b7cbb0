import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from tremplin.accounts.roles import Role
from tremplin.les_emplois.models import SyncRun
from tremplin.structures.factories import StructureFactory
from tremplin.structures.siret import siret_problem


@pytest.mark.parametrize(
    "value, ok",
    [("73282932000074", True), ("73282932000075", False), ("7328293200007", False), ("35600000049837", True)],
)
def test_the_siret_checks_its_length_and_luhn_key(value, ok):
    assert (siret_problem(value) is None) is ok


def test_the_director_sets_the_siret_in_the_settings(client, member, structure):
    other = StructureFactory(siret="73282932000074")
    client.force_login(member(Role.DIRECTOR))
    page = client.get(reverse("structures:settings"))
    form = page.context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k in form.fields}
    data["concurrency_token"] = form["concurrency_token"].value()
    data["siret"] = "732 829 320 00075"
    response = client.post(reverse("structures:settings"), data)
    assert "siret" in response.context["form"].errors, response.context["form"].errors
    data["siret"] = other.siret
    assert "autre structure" in client.post(reverse("structures:settings"), data).content.decode()
    data["siret"] = "552 100 554 00013"
    assert client.post(reverse("structures:settings"), data).status_code == 302
    structure.refresh_from_db()
    assert structure.siret == "55210055400013"


def test_the_command_pulls_with_a_connection_given_on_the_command_line(french_structure, programme, platform, settings):
    call_command(
        "sync_les_emplois",
        structure="73282932000074",
        url=platform.url,
        username=platform.username,
        password=platform.password,
        dry_run=True,
    )
    run = SyncRun.objects.get()
    assert run.dry_run and run.created == 25


def test_the_command_names_a_bad_option(french_structure):
    with pytest.raises(CommandError, match="--since"):
        call_command("sync_les_emplois", since="01/02/2026")
    with pytest.raises(CommandError, match="aucune structure"):
        call_command("sync_les_emplois", structure="55210055400013")
