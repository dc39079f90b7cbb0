"""Cross-site scripting: a payload in every free-text field is rendered inert everywhere it shows.

Fields are found with the models' _meta, so a new text field is covered as
soon as it exists. Every page of the permission matrix is read by each role
that sees pages; the JSON and PDF exports are checked too when they exist.
"""

import json
import shutil
import subprocess

import pytest
from django.db import connection, models

from tests.security.helpers import build_structure, every_url, tremplin_models

PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(2)>"
SHORT_PAYLOAD = "<img src=x onerror=alert(2)>"
DANGERS = ("<script>alert(1)", "<img src=x onerror")

# Values the code reads as keys or technical data, not text typed by someone.
TECHNICAL_FIELDS = {"password", "criterion_code", "content_type", "sha256", "dedupe_key"}

READERS = ["director", "counsellor", "supervisor", "dpo", "admin"]


def text_fields(model) -> list[models.Field]:
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and not isinstance(field, models.EmailField | models.URLField | models.SlugField)
        and not field.choices
        and field.editable
        and field.name not in TECHNICAL_FIELDS
    ]


def payload_for(field) -> str | None:
    """The full payload where it fits (SQLite does not enforce lengths), a shorter one otherwise."""
    if connection.vendor == "sqlite" or field.max_length is None or field.max_length >= len(PAYLOAD):
        return PAYLOAD
    if field.max_length >= len(SHORT_PAYLOAD):
        return SHORT_PAYLOAD
    return None


def poison_every_text_field() -> list[str]:
    """Writes the payload in every free-text field of every row; returns the fields touched."""
    touched = []
    for model in tremplin_models():
        values = {f.name: p for f in text_fields(model) if (p := payload_for(f)) is not None}
        if values and model._base_manager.exists():
            model._base_manager.update(**values)
            touched += [f"{model._meta.label}.{name}" for name in values]
    return touched


def add_the_records_the_matrix_world_lacks(world: dict) -> None:
    """Rows whose text shows on the person's pages but that the matrix does not need."""
    from tremplin.contracts.factories import SuspensionFactory
    from tremplin.pathways.models import StatusChange

    objects = world["objects"]
    StatusChange.objects.create(
        pathway=objects["pathways"], from_status="candidate", to_status="eligible", reason="x", changed_by=None
    )
    SuspensionFactory(contract=objects["contracts"])
    try:
        from tremplin.consent.factories import ConsentFactory, PersonInformedFactory
    except ImportError:
        return
    PersonInformedFactory(person=objects["people"])
    ConsentFactory(person=objects["people"], partner_name="x", scope="x")


@pytest.fixture
def poisoned_world(db):
    world = build_structure("A")
    add_the_records_the_matrix_world_lacks(world)
    touched = poison_every_text_field()
    return world, touched


def dangers_in(text: str) -> list[str]:
    return [danger for danger in DANGERS if danger in text]


def test_the_payload_reaches_the_fields_that_show_on_pages(poisoned_world):
    _, touched = poisoned_world
    for field in [
        "people.Person.first_name",
        "people.Person.address",
        "people.Person.languages",
        "pathways.Pathway.referral_source",
        "pathways.StatusChange.reason",
        "contracts.Contract.position",
        "eligibility.EligibilityDiagnosis.comment",
        "structures.Structure.name",
        "structures.Worksite.name",
        "programmes.Programme.name",
        "accounts.User.first_name",
        "accounts.Membership.job_title",
        "documents.Document.title",
    ]:
        assert field in touched


@pytest.mark.parametrize("reader", READERS)
def test_no_page_renders_the_payload_as_markup(client, poisoned_world, reader):
    world, _ = poisoned_world
    user = next(u for role, u in world["users"].items() if str(role) == reader)
    client.force_login(user)
    failures = []
    escaped_somewhere = False
    for name, url in every_url(world):
        response = client.get(url)
        assert response.status_code < 500, f"{name}: {response.status_code}"
        if response.streaming:
            continue
        content_type = response.get("Content-Type", "")
        body = response.content.decode("utf-8", "replace") if b"%PDF" not in response.content[:8] else ""
        if "html" in content_type and (found := dangers_in(body)):
            failures.append(f"{name}: {found}")
        escaped_somewhere |= "&lt;script&gt;alert(1)" in body
    assert not failures, "\n".join(failures)
    assert escaped_somewhere, "the payload should show, escaped, on some page"


def test_json_exports_carry_the_payload_as_inert_data(client, poisoned_world):
    world, _ = poisoned_world
    exports = [(name, url) for name, url in every_url(world) if name.startswith("rights:") and "json" in name]
    if not exports:
        pytest.skip("no subject-access export yet")
    client.force_login(world["users"]["director"])
    for name, url in exports:
        response = client.get(url)
        assert response.status_code == 200, name
        assert response["Content-Type"].startswith("application/json"), name
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert PAYLOAD in json.dumps(json.loads(body), ensure_ascii=False), f"{name}: the data should be exact"


def test_pdf_exports_print_the_payload_as_text(client, poisoned_world):
    world, _ = poisoned_world
    exports = [(name, url) for name, url in every_url(world) if name.startswith("rights:") and "pdf" in name]
    if not exports:
        pytest.skip("no PDF export yet")
    client.force_login(world["users"]["director"])
    for name, url in exports:
        response = client.get(url)
        assert response.status_code == 200, name
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert body.startswith(b"%PDF"), name
        assert b"/JavaScript" not in body and b"/JS " not in body, f"{name}: a PDF must carry no script"
        if shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", "-", "-"], input=body, capture_output=True, check=True).stdout.decode()
            # Printed as characters: the markup was escaped before the PDF engine saw it.
            assert "<script>alert(1)</script>" in "".join(text.split()), name
