"""The onboarding page: the direction sends a file; a file like the template goes to its report, another to the
column mapping, an unreadable one stays on the form with the reason; past imports are listed."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tremplin.accounts.factories import MembershipFactory
from tremplin.accounts.roles import Role
from tremplin.onboarding.factories import ImportRunFactory
from tremplin.onboarding.models import ImportRun

from .helpers import csv_bytes, queued, ready, row

pytestmark = pytest.mark.django_db
URL = reverse("onboarding:start")


def upload(client, content: bytes, name="reprise.csv"):
    return client.post(URL, {"file": SimpleUploadedFile(name, content)})


def test_a_file_like_the_template_goes_to_its_report(client, structure):
    world = ready(structure)
    client.force_login(world["director"])

    with queued():
        response = upload(client, csv_bytes([row()]))

    run = ImportRun.objects.get()
    assert run.status == "checked"
    assert response.status_code == 302 and response.url == reverse("onboarding:run", args=[run.public_id])


def test_other_headers_go_to_the_mapping(client, structure):
    world = ready(structure)
    client.force_login(world["director"])

    response = upload(client, csv_bytes([row()], headers=["NOM", "Prénom", "Mesure", "Remarque"]))

    assert response.url == reverse("onboarding:mapping", args=[ImportRun.objects.get().public_id])


def test_an_unreadable_file_stays_on_the_form_with_the_reason(client, structure):
    world = ready(structure)
    client.force_login(world["director"])

    response = upload(client, b"\xd0\xcf\x11\xe0" + b"\x00" * 50, name="vieux.xls")

    assert response.status_code == 200
    assert "Excel 97-2003 (.xls)" in response.content.decode()
    assert not ImportRun.objects.exists()


def test_the_history_lists_the_structures_imports_only(client, structure, django_assert_num_queries):
    world = ready(structure)
    for number in range(3):
        ImportRunFactory(structure=structure, file_name=f"mine-{number}.csv", uploaded_by=world["director"])
    ImportRunFactory(file_name="theirs.csv")
    client.force_login(world["director"])
    client.get(URL)  # session and membership warmed up

    with django_assert_num_queries(6):
        response = client.get(URL)

    page = response.content.decode()
    assert page.count("mine-") == 3 and "theirs.csv" not in page


def test_only_the_direction_imports(client, structure):
    client.force_login(MembershipFactory(structure=structure, role=Role.COUNSELLOR).user)
    assert client.get(URL).status_code == 403
    assert upload(client, csv_bytes([row()])).status_code == 403
